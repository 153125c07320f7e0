/**
 * The legacy `Expected` condition of a write (`PutItem`, `UpdateItem`, `DeleteItem`) gets the ConditionExpression
 * hover, as the legacy `ScanFilter` gets the filter's: in a request of any SDK, and in Java 1.x in the
 * `DynamoDBSaveExpression` / `DynamoDBDeleteExpression` that `DynamoDBMapper.save` and `delete` take
 * (`withExpectedEntry`, `withExpected`, `setExpected` on a held expression). Elsewhere the name gets nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const CONDITION = ['dynamodb-condition-expression'];

describe('legacy Expected conditions', () => {
  it('hovers a DynamoDBMapper save or delete expression\'s Expected, chained or set on a held expression', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.datamodeling.*;',
      'import com.amazonaws.services.dynamodbv2.model.*;',
      'import java.util.*;',
      'public class MerchantRepository {',
      '    private final DynamoDBMapper mapper;',
      '    public MerchantRepository(DynamoDBMapper mapper) { this.mapper = mapper; }',
      '    public void rename(Merchant merchant) {',
      '        mapper.save(merchant, new DynamoDBSaveExpression()',
      '                .withExpectedEntry("merchantId", new ExpectedAttributeValue(new AttributeValue().withS(merchant.getId()))));', // 9
      '    }',
      '    public void replace(Merchant merchant) {',
      '        DynamoDBSaveExpression expression = new DynamoDBSaveExpression();',
      '        Map<String, ExpectedAttributeValue> expected = new HashMap<>();',
      '        expected.put("version", new ExpectedAttributeValue(new AttributeValue().withN("3")));',
      '        expression.setExpected(expected);', // 15
      '        mapper.save(merchant, expression);',
      '    }',
      '    public void remove(Merchant merchant) {',
      '        mapper.delete(merchant, new DynamoDBDeleteExpression().withExpected(Map.of("status",', // 19
      '                new ExpectedAttributeValue(new AttributeValue().withS("CLOSED")))));',
      '    }',
      '    public void assertions(ResultMatcher matcher) {',
      '        matcher.withExpected(Map.of("status", "CLOSED"));',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('MerchantRepository.java', code, CONDITION), [
      '15:setExpected dynamodb-condition-expression',
      '19:withExpected dynamodb-condition-expression',
      '9:withExpectedEntry dynamodb-condition-expression',
    ]);
  });

  it('hovers Expected in the requests of the JavaScript SDK and boto3, not in a batch write', () => {
    const js = sourceLines(
      "import { DynamoDBDocumentClient, PutCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';",
      'export async function claim(doc: DynamoDBDocumentClient, id: string) {',
      "  await doc.send(new PutCommand({ TableName: 'slots', Item: { id }, Expected: { id: { Exists: false } } }));", // 3
      "  await doc.send(new BatchWriteCommand({ RequestItems: { slots: [{ PutRequest: { Item: { id } } }] } }));",
      '}',
    );
    assert.deepEqual(hintsOfRules('claim.ts', js, CONDITION), ['3:Expected dynamodb-condition-expression']);
    const python = sourceLines(
      'import boto3',
      'table = boto3.resource("dynamodb").Table("slots")',
      'def claim(slot_id):',
      '    table.put_item(Item={"id": slot_id}, Expected={"id": {"Exists": False}})', // 4
    );
    assert.deepEqual(hintsOfRules('claim.py', python, CONDITION), ['4:Expected dynamodb-condition-expression']);
  });
});
