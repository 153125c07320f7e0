/** C#: a method parameter declared as a request (or a document model config) takes the properties the method sets on it, as Go's input parameters do. */
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

  it('reads the properties a helper sets on the document model config it is handed, as those of the call it goes to', () => {
    const code = sourceLines(
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2.DataModel;',
      'using Amazon.DynamoDBv2.DocumentModel;',
      '',
      'public static class LookAhead',
      '{',
      '    public static async Task<List<Document>> PeekAsync<T>(this IDynamoDBContext context, QueryOperationConfig queryConfig, string token)',
      '    {',
      '        queryConfig.PaginationToken = token;',
      '        queryConfig.Limit = 1;', // 11
      '        var search = context.GetTargetTable<T>().Query(queryConfig);', // 12
      '        return await search.GetNextSetAsync();',
      '    }',
      '',
      '    public static async Task<List<Document>> SampleAsync<T>(this IDynamoDBContext context, ScanOperationConfig scanConfig)',
      '    {',
      '        scanConfig.ConsistentRead = true;', // 18
      '        return await context.GetTargetTable<T>().Scan(scanConfig).GetNextSetAsync();', // 19
      '    }',
      '',
      '    public static void Shape(ReportConfig config)',
      '    {',
      '        config.Limit = 5;', // 24
      '    }',
      '}',
      '',
      'public class ReportConfig { public int Limit { get; set; } }',
    );
    const hints = hintsIn('LookAhead.cs', code);
    assert.ok(hints.includes('11:Limit dynamodb-limit'), hints.join('\n'));
    assert.ok(hints.includes('18:ConsistentRead dynamodb-consistent-read'), hints.join('\n'));
    assert.ok(!hints.includes('12:Query dynamodb-query!'), 'a Limit of 1 asks for the first item: no one-page finding');
    assert.ok(hints.includes('19:Scan dynamodb-scan!'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('24:')), 'a project type named like a config says nothing');
  });
});
