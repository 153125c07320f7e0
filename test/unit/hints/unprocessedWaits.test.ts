/**
 * A batch whose unprocessed items or keys the code reads only in an `if` that pauses (`time.Sleep(...)`,
 * `time.sleep(...)`, `Thread.sleep(...)`, `await Task.Delay(...)`) and sends nothing again still drops them: the
 * finding stays, with a message that says the code only pauses. A pause beside a resend is a backoff, and an `if`
 * that also logs keeps the logged message.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules, sourceLines } from './support';

/** `line rule: message` of each batch finding of the file. */
function batchFindings(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings
    .filter((finding) => finding.ruleId.startsWith('dynamodb-batch-'))
    .map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}: ${finding.message}`);
}

const GO = sourceLines(
  'package store',
  '',
  'import (',
  '\t"context"',
  '\t"time"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
  '',
  'func Load(ctx context.Context, db *dynamodb.Client, table string, keys []map[string]types.AttributeValue) ([]map[string]types.AttributeValue, error) {',
  '\tout, err := db.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{table: {Keys: keys}}})', // 12
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\tif len(out.UnprocessedKeys) > 0 {',
  '\t\ttime.Sleep(50 * time.Millisecond)',
  '\t}',
  '\treturn out.Responses[table], nil',
  '}',
);

describe('batches whose unprocessed items are only waited on', () => {
  it('reports a Go BatchGetItem whose UnprocessedKeys only make the code pause, with the pause named', () => {
    const found = batchFindings('store.go', GO);
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0], /^12 dynamodb-batch-get-item: .*only pauses when some come back, without requesting them again/);
  });

  it('keeps the logged message where the pause comes with a log, and reports nothing where the keys are sent again', () => {
    const logged = GO.replace('\t\ttime.Sleep(50 * time.Millisecond)', '\t\tlog.Printf("throttled: %d", len(out.UnprocessedKeys))\n\t\ttime.Sleep(50 * time.Millisecond)');
    assert.match(batchFindings('store.go', logged)[0], /only logs them/);
    const resent = GO.replace('\t\ttime.Sleep(50 * time.Millisecond)', '\t\ttime.Sleep(50 * time.Millisecond)\n\t\treturn Load(ctx, db, table, out.UnprocessedKeys[table].Keys)');
    assert.deepEqual(batchFindings('store.go', resent), []);
    // An `else` does something with the reply: no longer a bare pause.
    const branches = GO.replace('\t\ttime.Sleep(50 * time.Millisecond)\n\t}', '\t\ttime.Sleep(50 * time.Millisecond)\n\t} else {\n\t\tkeys = out.UnprocessedKeys[table].Keys\n\t}');
    assert.deepEqual(batchFindings('store.go', branches), []);
  });

  it('reads the same pause in Python, Java and C#', () => {
    const python = sourceLines(
      'import time',
      'import boto3',
      '',
      'client = boto3.client("dynamodb")',
      '',
      'def save(requests):',
      '    response = client.batch_write_item(RequestItems={"orders": requests})', // 7
      '    if response["UnprocessedItems"]:',
      '        time.sleep(0.2)',
      '    return len(requests)',
    );
    assert.match(batchFindings('save.py', python)[0] ?? '', /^7 dynamodb-batch-write-item: .*only pauses when some come back, without sending them again/);
    const java = sourceLines(
      'import java.util.List;',
      'import java.util.Map;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      '',
      'public class OrderWriter {',
      '    private final DynamoDbClient ddb = DynamoDbClient.create();',
      '',
      '    public void save(List<WriteRequest> requests) throws InterruptedException {',
      '        BatchWriteItemResponse response = ddb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of("orders", requests)).build());', // 10
      '        if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {',
      '            Thread.sleep(200);',
      '        }',
      '    }',
      '}',
    );
    assert.match(batchFindings('OrderWriter.java', java)[0] ?? '', /^10 dynamodb-batch-write-item: .*only pauses/);
    const csharp = sourceLines(
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      '',
      'public class OrderWriter',
      '{',
      '    private readonly IAmazonDynamoDB _ddb = new AmazonDynamoDBClient();',
      '',
      '    public async Task SaveAsync(List<WriteRequest> requests)',
      '    {',
      '        var response = await _ddb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { ["orders"] = requests } });', // 12
      '        if (response.UnprocessedItems.Count > 0)',
      '        {',
      '            await Task.Delay(200);',
      '        }',
      '    }',
      '}',
    );
    assert.match(batchFindings('OrderWriter.cs', csharp)[0] ?? '', /^12 dynamodb-batch-write-item: .*only pauses/);
  });
});
