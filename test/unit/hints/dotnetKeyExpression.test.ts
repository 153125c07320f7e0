/**
 * The .NET document and object persistence models' `QueryOperationConfig.KeyExpression`, the Query's key
 * condition, whether set in the config's initializer or assigned later; a `KeyExpression` of another class stays silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('C#: QueryOperationConfig.KeyExpression', () => {
  it('hovers the key condition of a QueryOperationConfig, initialized or assigned, and nothing else named KeyExpression', () => {
    const code = sourceLines(
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2.DataModel;',
      'using Amazon.DynamoDBv2.DocumentModel;',
      'public class SeatRepository',
      '{',
      '    private readonly IDynamoDBContext _db;',
      '    public SeatRepository(IDynamoDBContext db) { _db = db; }',
      '    public Task<List<Seat>> ForHall(string hall)',
      '    {',
      '        var config = new QueryOperationConfig();',
      '        config.KeyExpression = new Expression { ExpressionStatement = "PK = :h", ExpressionAttributeValues = { [":h"] = hall } };',
      '        return _db.FromQueryAsync<Seat>(config).GetRemainingAsync();',
      '    }',
      '    public Task<List<Seat>> ForRow(string hall, string row)',
      '    {',
      '        var config = new QueryOperationConfig',
      '        {',
      '            KeyExpression = new Expression { ExpressionStatement = "PK = :h and begins_with(SK, :r)" },',
      '        };',
      '        return _db.FromQueryAsync<Seat>(config).GetRemainingAsync();',
      '    }',
      '    public object Hint(string prefix) => new LookupHint { KeyExpression = prefix };',
      '}',
    );
    const found = hintsIn('SeatRepository.cs', code);
    assert.ok(found.includes('12:KeyExpression dynamodb-key-condition-expression'), found.join('\n'));
    assert.ok(found.includes('19:KeyExpression dynamodb-key-condition-expression'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('23:')), found.join('\n'));
  });
});
