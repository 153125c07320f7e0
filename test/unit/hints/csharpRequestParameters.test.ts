/** C#: a method parameter declared as a request takes the properties the method sets on it, as Go's input parameters do. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('C# request parameters', () => {
  it('reads the properties a paging helper sets on the request it is handed, and its loop as paging', () => {
    const code = sourceLines(
      'using System;',
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.Model;',
      '',
      'public static class Pager',
      '{',
      '    public static async Task ForEachAsync(IAmazonDynamoDB client, QueryRequest request, Action<Dictionary<string, AttributeValue>> visit)',
      '    {',
      '        do',
      '        {',
      '            var page = await client.QueryAsync(request);',
      '            page.Items.ForEach(visit);',
      '            request.ExclusiveStartKey = page.LastEvaluatedKey;',
      '        } while (request.ExclusiveStartKey != null && request.ExclusiveStartKey.Count > 0);',
      '    }',
      '',
      '    public static async Task<List<Dictionary<string, AttributeValue>>> FirstPageAsync(IAmazonDynamoDB client, ScanRequest scan)',
      '    {',
      '        scan.ConsistentRead = true;',
      '        var page = await client.ScanAsync(scan);',
      '        return page.Items;',
      '    }',
      '',
      '    public static void Describe(SearchRequest request)',
      '    {',
      '        request.Limit = 10;',
      '    }',
      '}',
      '',
      'public class SearchRequest { public int Limit { get; set; } }',
    );
    const hints = hintsIn('Pager.cs', code);
    assert.ok(hints.includes('15:ExclusiveStartKey dynamodb-pagination-keys'), hints.join('\n'));
    assert.ok(hints.includes('21:ConsistentRead dynamodb-consistent-read'), hints.join('\n'));
    assert.ok(hints.includes('22:ScanAsync dynamodb-scan!'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('13:') && hint.endsWith('!')), 'the Query pages: no one-page finding');
    assert.ok(!hints.some((hint) => hint.startsWith('28:')), 'a project type named like a request says nothing');
  });
});
