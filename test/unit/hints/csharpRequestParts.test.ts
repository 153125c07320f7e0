/** C#: the parts of a DynamoDB transaction or batch built apart from the request, read as inside it (as Go's are). */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const USINGS = ['using System.Collections.Generic;', 'using System.Threading.Tasks;', 'using Amazon.DynamoDBv2;', 'using Amazon.DynamoDBv2.Model;', ''];

describe('C# request parts', () => {
  it('reads a Put or ConditionCheck built in a loop and a transact item added to a list, each member once', () => {
    const code = sourceLines(
      ...USINGS,
      'public class ChargesGateway',
      '{',
      '    private readonly IAmazonDynamoDB _client;',
      '    public ChargesGateway(IAmazonDynamoDB client) { _client = client; }',
      '',
      '    public async Task AddAll(List<string> ids)',
      '    {',
      '        var items = new List<TransactWriteItem>();',
      '        foreach (var id in ids)',
      '        {',
      '            var put = new Put',
      '            {',
      '                TableName = "charges",',
      '                Item = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = id } },',
      '                ConditionExpression = "attribute_not_exists(id)",',
      '            };',
      '            items.Add(new TransactWriteItem { Put = put });',
      '            items.Add(new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = "accounts", ConditionExpression = "attribute_exists(id)" } });',
      '        }',
      '        await _client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items });',
      '    }',
      '',
      '    public Task AddOne(string id) => _client.TransactWriteItemsAsync(new TransactWriteItemsRequest',
      '    {',
      '        TransactItems = new List<TransactWriteItem> { new TransactWriteItem { Put = new Put { TableName = "charges", ConditionExpression = "attribute_not_exists(id)" } } },',
      '    });',
      '}',
    );
    const hints = hintsIn('ChargesGateway.cs', code);
    const conditions = hints.filter((hint) => hint.endsWith('ConditionExpression dynamodb-condition-expression'));
    assert.deepEqual(conditions, ['20:ConditionExpression dynamodb-condition-expression', '23:ConditionExpression dynamodb-condition-expression', '30:ConditionExpression dynamodb-condition-expression'], hints.join('\n'));
  });

  it('says nothing for a part without a table, a project type of the same name, or a file that does not use the DynamoDB SDK', () => {
    const withSdk = sourceLines(
      ...USINGS,
      'public class Update { public string TableName { get; set; } public string ConditionExpression { get; set; } }',
      'public class Jobs',
      '{',
      '    public object Next() => new Put { Key = "k", ConditionExpression = "x" };',
      '    public object Change() => new Update { TableName = "t", ConditionExpression = "x" };',
      '}',
    );
    assert.deepEqual(hintsIn('Jobs.cs', withSdk).filter((hint) => hint.includes('ConditionExpression')), []);
    const withoutSdk = sourceLines(
      'using System.Collections.Generic;',
      'public class Put { public string TableName { get; set; } public string ConditionExpression { get; set; } }',
      'public class Store',
      '{',
      '    public Put Next() => new Put { TableName = "t", ConditionExpression = "x" };',
      '}',
    );
    assert.deepEqual(hintsIn('Store.cs', withoutSdk).filter((hint) => hint.includes('ConditionExpression')), []);
  });
});
