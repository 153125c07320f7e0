/**
 * Pagination markers in the branches of an if/else in the brace languages: a loop on `LastEvaluatedKey` in
 * one branch pages the calls of that branch, not a one-page call in another branch of the same chain.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!'));

describe('pagination markers in branches of an if/else (brace languages)', () => {
  it('TypeScript: a Query that reads one page in the else branch of a function whose if branch pages', () => {
    const code = sourceLines(
      "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
      '',
      'export class OrderRepository {',
      '  constructor(private readonly client: DynamoDBDocumentClient) {}',
      '',
      '  async list(customerId: string, all: boolean) {',
      '    const input = { TableName: "orders", KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": customerId } };',
      '    if (all) {',
      '      const items = [];',
      '      let key;',
      '      do {',
      '        const page = await this.client.send(new QueryCommand({ ...input, ExclusiveStartKey: key }));',
      '        items.push(...(page.Items ?? []));',
      '        key = page.LastEvaluatedKey;',
      '      } while (key !== undefined);',
      '      return items;',
      '    } else if (customerId === "") {',
      '      return [];',
      '    } else {',
      '      const page = await this.client.send(new QueryCommand(input));',
      '      return page.Items ?? [];',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(findingsIn('orders.ts', code), ['20:QueryCommand dynamodb-query!']);
  });

  it('JavaScript: a loop whose head reads the marker pages the call before it in its branch, not the call of the else branch', () => {
    const code = sourceLines(
      "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
      "const { DynamoDBDocumentClient, ScanCommand } = require('@aws-sdk/lib-dynamodb');",
      '',
      'const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      'exports.handler = async (event) => {',
      '  if (event.all) {',
      '    let page = await client.send(new ScanCommand({ TableName: process.env.TABLE }));',
      '    const items = [...page.Items];',
      '    while (page.LastEvaluatedKey) {',
      '      page = await client.send(new ScanCommand({ TableName: process.env.TABLE, ExclusiveStartKey: page.LastEvaluatedKey }));',
      '      items.push(...page.Items);',
      '    }',
      '    return items;',
      '  } else {',
      '    const page = await client.send(new ScanCommand({ TableName: process.env.TABLE }));',
      '    return page.Items;',
      '  }',
      '};',
    );
    assert.deepEqual(findingsIn('handler.js', code).filter((hint) => hint.includes('dynamodb-scan!')), ['16:ScanCommand dynamodb-scan!']);
  });

  it('TypeScript: a marker before the if still pages the calls of every branch', () => {
    const code = sourceLines(
      "import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';",
      '',
      'export async function scanAll(client: DynamoDBDocumentClient, slow: boolean) {',
      '  let ExclusiveStartKey;',
      '  const items = [];',
      '  do {',
      '    if (slow) {',
      '      const page = await client.send(new ScanCommand({ TableName: "t", ExclusiveStartKey, Limit: 10 }));',
      '      items.push(...(page.Items ?? []));',
      '      ExclusiveStartKey = page.LastEvaluatedKey;',
      '    } else {',
      '      const page = await client.send(new ScanCommand({ TableName: "t", ExclusiveStartKey }));',
      '      items.push(...(page.Items ?? []));',
      '      ExclusiveStartKey = page.LastEvaluatedKey;',
      '    }',
      '  } while (ExclusiveStartKey);',
      '  return items;',
      '}',
    );
    assert.deepEqual(findingsIn('scan.ts', code).filter((hint) => hint.includes('dynamodb-scan!')), []);
  });

  it('Go: the one-page Scan in an else-if branch of a chain whose first branch pages in a loop head', () => {
    const code = sourceLines(
      'package store',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'type Store struct{ client *dynamodb.Client }',
      '',
      'func (s *Store) Items(ctx context.Context, all bool, limit int32) ([]map[string]types.AttributeValue, error) {',
      '\tvar items []map[string]types.AttributeValue',
      '\tif all {',
      '\t\tout, err := s.client.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("items")})',
      '\t\tif err != nil {',
      '\t\t\treturn nil, err',
      '\t\t}',
      '\t\titems = append(items, out.Items...)',
      '\t\tfor out.LastEvaluatedKey != nil {',
      '\t\t\tout, err = s.client.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("items"), ExclusiveStartKey: out.LastEvaluatedKey})',
      '\t\t\tif err != nil {',
      '\t\t\t\treturn nil, err',
      '\t\t\t}',
      '\t\t\titems = append(items, out.Items...)',
      '\t\t}',
      '\t} else if limit > 0 {',
      '\t\tout, err := s.client.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("items")})',
      '\t\tif err != nil {',
      '\t\t\treturn nil, err',
      '\t\t}',
      '\t\titems = out.Items',
      '\t}',
      '\treturn items, nil',
      '}',
    );
    assert.deepEqual(findingsIn('store.go', code).filter((hint) => hint.includes('dynamodb-scan!')), ['29:Scan dynamodb-scan!']);
  });

  it('Java: the one-page Scan in the else branch, not the paging one', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      'import java.util.*;',
      '',
      'public class ItemStore {',
      '    private final DynamoDbClient dynamoDb;',
      '',
      '    public ItemStore(DynamoDbClient dynamoDb) { this.dynamoDb = dynamoDb; }',
      '',
      '    public List<Map<String, AttributeValue>> items(boolean all) {',
      '        List<Map<String, AttributeValue>> items = new ArrayList<>();',
      '        if (all) {',
      '            Map<String, AttributeValue> start = null;',
      '            do {',
      '                ScanResponse page = dynamoDb.scan(ScanRequest.builder().tableName("items").exclusiveStartKey(start).build());',
      '                items.addAll(page.items());',
      '                start = page.lastEvaluatedKey();',
      '            } while (start != null && !start.isEmpty());',
      '        } else {',
      '            items.addAll(dynamoDb.scan(ScanRequest.builder().tableName("items").build()).items());',
      '        }',
      '        return items;',
      '    }',
      '}',
    );
    assert.deepEqual(findingsIn('ItemStore.java', code).filter((hint) => hint.includes('dynamodb-scan!')), ['20:scan dynamodb-scan!']);
  });
});
