/**
 * `dynamodb-batch-write-item` and `dynamodb-batch-get-item` where the code reads UnprocessedItems or UnprocessedKeys
 * only to log them (`code/unprocessedLogged.ts`): a log call's argument, or the condition of an `if` whose body only
 * logs. The requests are still dropped, so the batch is reported, with a message that says the code only logs them.
 * Still read: a body that also resends, returns an error, assigns, continues a retry loop or ends the program; an `if`
 * with an `else`; a log beside a retry elsewhere in the function; a log in a function that returns the reply whole,
 * whose callers get the unprocessed items.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules, sourceLines } from './support';

const LOGGED = /this code only logs them/;
const NEVER = /this code never reads it/;

function batchFindings(fileName: string, code: string): string[] {
  return analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName })
    .findings.filter((finding) => /^dynamodb-batch-(?:write|get)-item$/.test(finding.ruleId))
    .map((finding) => `${code.slice(0, finding.start).split('\n').length} ${LOGGED.test(finding.message) ? 'logged' : NEVER.test(finding.message) ? 'never' : finding.message}`);
}

describe('unprocessed items read only to be logged', () => {
  it('reports a Go batch whose UnprocessedItems only reach a log call or a logging if', () => {
    const code = sourceLines(
      'package repositories',
      '',
      'import (',
      '\t"context"',
      '\t"fmt"',
      '\t"log"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      '\tlogrus "github.com/sirupsen/logrus"',
      ')',
      '',
      'type Store struct {',
      '\tclient *dynamodb.Client',
      '\ttable  string',
      '}',
      '',
      'func (s *Store) SaveAll(ctx context.Context, requests []types.WriteRequest) error {',
      '\tout, err := s.client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{',
      '\t\tRequestItems: map[string][]types.WriteRequest{s.table: requests},',
      '\t})',
      '\tif err != nil {',
      '\t\treturn fmt.Errorf("batch write: %w", err)',
      '\t}',
      '\tif len(out.UnprocessedItems) != 0 {',
      '\t\t// TODO: retry',
      '\t\tlogrus.Error(fmt.Sprintf("items %v not written", out.UnprocessedItems))',
      '\t}',
      '\treturn nil',
      '}',
      '',
      'func (s *Store) LoadAll(ctx context.Context, keys []map[string]types.AttributeValue) ([]map[string]types.AttributeValue, error) {',
      '\tout, err := s.client.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{',
      '\t\tRequestItems: map[string]types.KeysAndAttributes{s.table: {Keys: keys}},',
      '\t})',
      '\tif err != nil {',
      '\t\treturn nil, err',
      '\t}',
      '\tlog.Printf("unprocessed keys: %d", len(out.UnprocessedKeys))',
      '\treturn out.Responses[s.table], nil',
      '}',
    );
    assert.deepEqual(batchFindings('internal/repositories/store.go', code), ['19 logged', '33 logged']);
  });

  it('reports C#, JavaScript, Java and Python batches that only log what is left', () => {
    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      'using Microsoft.Extensions.Logging;',
      '',
      'public class OrderWriter',
      '{',
      '    private readonly IAmazonDynamoDB _dynamoDb;',
      '    private readonly ILogger<OrderWriter> _logger;',
      '',
      '    public OrderWriter(IAmazonDynamoDB dynamoDb, ILogger<OrderWriter> logger)',
      '    {',
      '        _dynamoDb = dynamoDb;',
      '        _logger = logger;',
      '    }',
      '',
      '    public async Task WriteAsync(Dictionary<string, List<WriteRequest>> requestItems)',
      '    {',
      '        var response = await _dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = requestItems });',
      '        if (response.UnprocessedItems.Count > 0)',
      '        {',
      '            _logger.LogWarning("{Count} tables have unwritten items", response.UnprocessedItems.Count);',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(batchFindings('Orders/OrderWriter.cs', csharp), ['18 logged']);

    const javascript = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      '',
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      'export async function saveEvents(events) {',
      '  const out = await doc.send(new BatchWriteCommand({',
      '    RequestItems: { events: events.map((Item) => ({ PutRequest: { Item } })) },',
      '  }));',
      "  if (Object.keys(out.UnprocessedItems ?? {}).length > 0) console.warn('not written', out.UnprocessedItems);",
      '  return events.length;',
      '}',
    );
    assert.deepEqual(batchFindings('src/events.js', javascript), ['7 logged']);

    const java = sourceLines(
      'package com.example.orders;',
      '',
      'import java.util.List;',
      'import java.util.Map;',
      'import org.slf4j.Logger;',
      'import org.slf4j.LoggerFactory;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;',
      'import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;',
      'import software.amazon.awssdk.services.dynamodb.model.WriteRequest;',
      '',
      'public class OrderBatches {',
      '    private static final Logger LOGGER = LoggerFactory.getLogger(OrderBatches.class);',
      '    private final DynamoDbClient dynamoDb;',
      '',
      '    public OrderBatches(DynamoDbClient dynamoDb) {',
      '        this.dynamoDb = dynamoDb;',
      '    }',
      '',
      '    public void write(Map<String, List<WriteRequest>> items) {',
      '        BatchWriteItemResponse response = dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(items).build());',
      '        if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {',
      '            LOGGER.warn("unprocessed items: {}", response.unprocessedItems());',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(batchFindings('src/main/java/com/example/orders/OrderBatches.java', java), ['21 logged']);

    const python = sourceLines(
      'import logging',
      '',
      'import boto3',
      '',
      'logger = logging.getLogger(__name__)',
      'client = boto3.client("dynamodb")',
      '',
      '',
      'def load_profiles(keys):',
      '    response = client.batch_get_item(RequestItems={"profiles": {"Keys": keys}})',
      '    if response.get("UnprocessedKeys"):',
      '        logger.warning("unprocessed keys: %s", response["UnprocessedKeys"])',
      '    return response["Responses"]["profiles"]',
    );
    assert.deepEqual(batchFindings('profiles/store.py', python), ['10 logged']);
  });

  it('keeps a batch read where the code also resends, returns an error or the reply, assigns, continues or exits', () => {
    const code = sourceLines(
      'package loader',
      '',
      'import (',
      '\t"context"',
      '\t"fmt"',
      '\t"log"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'func Retry(ctx context.Context, client *dynamodb.Client, input *dynamodb.BatchWriteItemInput) error {',
      '\tfor attempt := 0; attempt < 5; attempt++ {',
      '\t\tout, err := client.BatchWriteItem(ctx, input)',
      '\t\tif err != nil {',
      '\t\t\treturn err',
      '\t\t}',
      '\t\tif len(out.UnprocessedItems) > 0 {',
      '\t\t\tlog.Printf("retrying %d tables", len(out.UnprocessedItems))',
      '\t\t\tinput.RequestItems = out.UnprocessedItems',
      '\t\t\tcontinue',
      '\t\t}',
      '\t\treturn nil',
      '\t}',
      '\treturn fmt.Errorf("gave up")',
      '}',
      '',
      'func Strict(ctx context.Context, client *dynamodb.Client, requests map[string][]types.WriteRequest) error {',
      '\tout, err := client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: requests})',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tif len(out.UnprocessedItems) > 0 {',
      '\t\treturn fmt.Errorf("%d tables were not written", len(out.UnprocessedItems))',
      '\t}',
      '\treturn nil',
      '}',
      '',
      'func Fatal(ctx context.Context, client *dynamodb.Client, requests map[string][]types.WriteRequest) {',
      '\tout, _ := client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: requests})',
      '\tif len(out.UnprocessedItems) > 0 {',
      '\t\tlog.Fatalf("unprocessed items: %v", out.UnprocessedItems)',
      '\t}',
      '}',
      '',
      'func LogAndReturn(ctx context.Context, client *dynamodb.Client, requests map[string][]types.WriteRequest) (dynamodb.BatchWriteItemOutput, error) {',
      '\tresult, err := client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: requests})',
      '\tif err != nil {',
      '\t\treturn dynamodb.BatchWriteItemOutput{}, err',
      '\t}',
      '\tif len(result.UnprocessedItems) > 0 {',
      '\t\tlog.Printf("some items were not processed: %v", result.UnprocessedItems)',
      '\t}',
      '\treturn *result, nil',
      '}',
      '',
      'func LogThenResend(ctx context.Context, client *dynamodb.Client, requests map[string][]types.WriteRequest) error {',
      '\tout, err := client.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: requests})',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tlog.Printf("unprocessed: %v", out.UnprocessedItems)',
      '\treturn resend(ctx, client, out.UnprocessedItems)',
      '}',
    );
    assert.deepEqual(batchFindings('loader/batch.go', code), []);

    const python = sourceLines(
      'import logging',
      '',
      'import boto3',
      '',
      'logger = logging.getLogger(__name__)',
      'client = boto3.client("dynamodb")',
      '',
      '',
      'def write(items):',
      '    response = client.batch_write_item(RequestItems={"orders": items})',
      '    if response["UnprocessedItems"]:',
      '        logger.warning("some orders were not written")',
      '    else:',
      '        logger.info("all orders written")',
      '        return True',
      '    raise RuntimeError("orders left unwritten")',
    );
    assert.deepEqual(batchFindings('orders/writer.py', python), []);

    const csharp = sourceLines(
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      '',
      'public class Importer',
      '{',
      '    private readonly IAmazonDynamoDB _client;',
      '',
      '    public Importer(IAmazonDynamoDB client) => _client = client;',
      '',
      '    public async Task<Dictionary<string, List<WriteRequest>>> ImportAsync(Dictionary<string, List<WriteRequest>> items)',
      '    {',
      '        var response = await _client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = items });',
      '        if (response.UnprocessedItems.Count > 0)',
      '        {',
      '            Console.WriteLine("Some items were not processed.");',
      '            return response.UnprocessedItems;',
      '        }',
      '        return new Dictionary<string, List<WriteRequest>>();',
      '    }',
      '}',
    );
    assert.deepEqual(batchFindings('Importer.cs', csharp), []);

    const javascript = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      '',
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      'export async function writeChunk(items) {',
      '  const res = await doc.send(new BatchWriteCommand({ RequestItems: { orders: items } }));',
      "  if (Object.keys(res.UnprocessedItems ?? {}).length) console.warn('left over', res.UnprocessedItems);",
      '  return res;',
      '}',
    );
    assert.deepEqual(batchFindings('src/chunks.js', javascript), []);
  });

  it('keeps the plain message for a batch whose unprocessed items nothing reads', () => {
    const code = sourceLines(
      "const { DynamoDBClient, BatchWriteItemCommand } = require('@aws-sdk/client-dynamodb');",
      '',
      'const client = new DynamoDBClient({});',
      '',
      'async function writeAll(RequestItems) {',
      '  await client.send(new BatchWriteItemCommand({ RequestItems }));',
      "  console.log('batch sent');",
      '}',
      '',
      'module.exports = { writeAll };',
    );
    assert.deepEqual(batchFindings('lib/write.js', code), ['6 never']);
  });
});
