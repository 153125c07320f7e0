/**
 * `dynamodb-read-modify-write` in C# where the read blocks on its task instead of awaiting it (`.Result`,
 * `.GetAwaiter().GetResult()`), as synchronous ASP.NET services over `DynamoDBContext` and the low-level client
 * do: the result is the item all the same. A class with a `[DynamoDBVersion]` property stays silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

function statsService(versioned: boolean): string {
  return sourceLines(
    'using System.Collections.Generic;',
    'using System.Threading.Tasks;',
    'using Amazon.DynamoDBv2;',
    'using Amazon.DynamoDBv2.DataModel;',
    'using Amazon.DynamoDBv2.Model;',
    '[DynamoDBTable("PageStats")]',
    'public class PageStats',
    '{',
    '    [DynamoDBHashKey] public string Page { get; set; }',
    '    public int Views { get; set; }',
    versioned ? '    [DynamoDBVersion] public int? Version { get; set; }' : '    public string Title { get; set; }',
    '}',
    'public class StatsService',
    '{',
    '    private readonly IAmazonDynamoDB _client;',
    '    public StatsService(IAmazonDynamoDB client) { _client = client; }',
    '    public async Task<PageStats> CountViewAsync(string page)',
    '    {',
    '        var context = new DynamoDBContext(_client);',
    '        PageStats stats = context.LoadAsync<PageStats>(page, default(System.Threading.CancellationToken)).Result;',
    '        stats.Views = stats.Views + 1;',
    '        await context.SaveAsync<PageStats>(stats);',
    '        return stats;',
    '    }',
    '    public void Rename(string page, string title)',
    '    {',
    '        var key = new Dictionary<string, AttributeValue> { ["Page"] = new AttributeValue { S = page } };',
    '        var response = _client.GetItemAsync("PageStats", key).GetAwaiter().GetResult();',
    '        var item = response.Item;',
    '        item["Title"] = new AttributeValue { S = title };',
    '        _client.PutItemAsync("PageStats", item).Wait();',
    '    }',
    '}',
  );
}

describe('DynamoDB: read-modify-write whose read blocks on its task (C#)', () => {
  it('reports a LoadAsync(...).Result and a GetItemAsync(...).GetAwaiter().GetResult() written back changed', () => {
    assert.deepEqual(reported('StatsService.cs', statsService(false)), [`22:SaveAsync ${RULE}`, `31:PutItemAsync ${RULE}`]);
  });

  it('leaves the mapper save of a versioned class, which DynamoDBContext makes conditional', () => {
    assert.deepEqual(reported('StatsService.cs', statsService(true)), [`31:PutItemAsync ${RULE}`]);
  });
});
