/**
 * `dynamodb-read-modify-write` on the .NET document model: `Table.GetItemAsync(key)` gives the `Document`, which
 * `Table.PutItemAsync` writes back changed, or which a fresh `Document` for the same key replaces with a value
 * computed from it (a counter). Silent: a config that may hold a condition, a constant, another key.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(code: string): string[] {
  return hintsIn('Counters.cs', code).filter((hint) => hint.endsWith(RULE));
}

describe('DynamoDB: read-modify-write on the .NET document model', () => {
  it('reports a counter put as a fresh Document for the key read (also held by a local, the count read in a conditional), and a Document changed and put back', () => {
    const code = sourceLines(
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DocumentModel;',
      'public class Counters {',
      '    private readonly IAmazonDynamoDB _client = new AmazonDynamoDBClient();',
      '    public async Task<int> Bump(string page) {',
      '        var table = Table.LoadTable(_client, "Visits");',
      '        var current = await table.GetItemAsync(page);',
      '        var visits = current == null ? 0 : current["Visits"].AsInt();',
      '        visits++;',
      '        await table.PutItemAsync(new Document { ["Page"] = page, ["Visits"] = visits });',
      '        return visits;',
      '    }',
      '    public async Task Rename(string page, string title) {',
      '        var table = Table.LoadTable(_client, "Visits");',
      '        var doc = await table.GetItemAsync(page);',
      '        doc["Title"] = title;',
      '        await table.PutItemAsync(doc);',
      '    }',
      '    public async Task<int> Download(string page) {',
      '        var table = Table.LoadTable(_client, "Visits");',
      '        var current = await table.GetItemAsync(page);',
      '        int count = current != null ? current["Downloads"].AsInt() : 0;',
      '        count += 1;',
      '        var next = new Document { ["Page"] = page, ["Downloads"] = count };',
      '        await table.PutItemAsync(next);',
      '        return count;',
      '    }',
      '}',
    );
    assert.deepEqual(reported(code), ['11:PutItemAsync dynamodb-read-modify-write!', '18:PutItemAsync dynamodb-read-modify-write!', '26:PutItemAsync dynamodb-read-modify-write!']);
  });

  it('stays silent on a conditional put, a constant, another key and another table', () => {
    const code = sourceLines(
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DocumentModel;',
      'public class Counters {',
      '    private readonly Table _visits;',
      '    private readonly Table _archive;',
      '    public async Task Guarded(string page, PutItemOperationConfig config) {',
      '        var doc = await _visits.GetItemAsync(page);',
      '        doc["Visits"] = doc["Visits"].AsInt() + 1;',
      '        await _visits.PutItemAsync(doc, config);',
      '    }',
      '    public async Task Reset(string page) {',
      '        var doc = await _visits.GetItemAsync(page);',
      '        await _visits.PutItemAsync(new Document { ["Page"] = page, ["Visits"] = 0 });',
      '    }',
      '    public async Task Copy(string page, string target) {',
      '        var doc = await _visits.GetItemAsync(page);',
      '        await _visits.PutItemAsync(new Document { ["Page"] = target, ["Visits"] = doc["Visits"].AsInt() + 1 });',
      '    }',
      '    public async Task Archive(string page) {',
      '        var doc = await _visits.GetItemAsync(page);',
      '        doc["Archived"] = true;',
      '        await _archive.PutItemAsync(doc);',
      '    }',
      '}',
    );
    assert.deepEqual(reported(code), []);
  });
});
