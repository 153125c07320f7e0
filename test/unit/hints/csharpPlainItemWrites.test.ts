/**
 * `dynamodb-item-loop` on .NET writes of one item with no request object in sight: the document model's
 * `table.PutItemAsync(doc)` / `DeleteItemAsync(key)` and the low-level client's `PutItemAsync(tableName, item)` /
 * `DeleteItemAsync(tableName, key)` per element of a `foreach`. Silent: a write given an operation config, a
 * `ReturnValue`, or a request object whose options are not in sight, and a write outside any loop.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-item-loop!';

function reported(code: string): string[] {
  return hintsIn('Seeder.cs', code).filter((hint) => hint.endsWith(RULE));
}

const HEAD = [
  'using System.Collections.Generic;',
  'using System.Threading;',
  'using System.Threading.Tasks;',
  'using Amazon.DynamoDBv2;',
  'using Amazon.DynamoDBv2.DocumentModel;',
  'using Amazon.DynamoDBv2.Model;',
  '',
  'public class Seeder',
  '{',
  '    private readonly IAmazonDynamoDB _client;',
  '    private readonly string _tableName = "Works";',
  '    public Seeder(IAmazonDynamoDB client) { _client = client; }',
];

describe('.NET item writes with no request object, per element of a loop', () => {
  it('finds the document model put and delete and the positional client forms', () => {
    const code = sourceLines(
      ...HEAD,
      '    public async Task Load(List<string> rows, List<string> gone, CancellationToken ct)',
      '    {',
      '        var table = Table.LoadTable(_client, _tableName);',
      '        foreach (var row in rows)',
      '        {',
      '            await table.PutItemAsync(Document.FromJson(row), ct);',
      '        }',
      '        foreach (var id in gone)',
      '        {',
      '            await table.DeleteItemAsync(id);',
      '        }',
      '        foreach (var row in rows)',
      '        {',
      '            var item = Document.FromJson(row).ToAttributeMap();',
      '            await _client.PutItemAsync(_tableName, item);',
      '        }',
      '        foreach (var id in gone)',
      '        {',
      '            await _client.DeleteItemAsync("Works", new Dictionary<string, AttributeValue> { ["Id"] = new AttributeValue(id) });',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(reported(code), [`18:PutItemAsync ${RULE}`, `22:DeleteItemAsync ${RULE}`, `27:PutItemAsync ${RULE}`, `31:DeleteItemAsync ${RULE}`]);
  });

  it('gives nothing for a config, a ReturnValue, a request it cannot see, or one write', () => {
    const code = sourceLines(
      ...HEAD,
      '    public async Task Load(List<string> rows, List<PutItemRequest> requests, CancellationToken stoppingToken)',
      '    {',
      '        var table = Table.LoadTable(_client, _tableName);',
      '        var onlyNew = new PutItemOperationConfig { ConditionalExpression = new Expression { ExpressionStatement = "attribute_not_exists(Id)" } };',
      '        foreach (var row in rows)',
      '        {',
      '            await table.PutItemAsync(Document.FromJson(row), onlyNew);',
      '            await _client.PutItemAsync(_tableName, Document.FromJson(row).ToAttributeMap(), ReturnValue.ALL_OLD);',
      '        }',
      '        foreach (var request in requests)',
      '        {',
      '            await _client.PutItemAsync(request, stoppingToken);',
      '        }',
      '        await table.PutItemAsync(Document.FromJson(rows[0]));',
      '    }',
      '}',
    );
    assert.deepEqual(reported(code), []);
  });
});
