/**
 * `dynamodb-item-loop` on the .NET object persistence model's `SaveAsync` and `DeleteAsync` given an operation config
 * that only names the table (`OverrideTableName`, `TableNamePrefix`): `CreateBatchWrite<T>(config)` takes the same
 * config, so the writes per element can go in one batch. Silent: a config that sets anything else, one given another
 * member after it is made, and a config whose value is not in sight.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-item-loop!';

function reported(code: string): string[] {
  return hintsIn('Importer.cs', code).filter((hint) => hint.endsWith(RULE));
}

const HEAD = [
  'using System.Collections.Generic;',
  'using System.Threading.Tasks;',
  'using Amazon.DynamoDBv2;',
  'using Amazon.DynamoDBv2.DataModel;',
  '',
  'public class Ticket',
  '{',
  '    [DynamoDBHashKey] public string Id { get; set; }',
  '    public string Title { get; set; }',
  '}',
  '',
  'public class Importer',
  '{',
  '    private readonly DynamoDBContext _context = new DynamoDBContext(new AmazonDynamoDBClient());',
];

describe('.NET context writes given a config that only names the table, per element of a loop', () => {
  it('finds a save given a local config and a delete given one written in place', () => {
    const code = sourceLines(
      ...HEAD,
      '    public async Task Import(List<Ticket> tickets, string table)',
      '    {',
      '        var config = new DynamoDBOperationConfig { OverrideTableName = table };',
      '        foreach (var ticket in tickets)',
      '        {',
      '            await _context.SaveAsync(ticket, config);',
      '        }',
      '        foreach (var ticket in tickets)',
      '        {',
      '            await _context.DeleteAsync(ticket, new DynamoDBOperationConfig { TableNamePrefix = "dev-" });',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(reported(code), [`20:SaveAsync ${RULE}`, `24:DeleteAsync ${RULE}`]);
  });

  it('gives nothing for a config that sets more, one changed after, or one it cannot see', () => {
    const code = sourceLines(
      ...HEAD,
      '    public async Task Import(List<Ticket> tickets, string table, DynamoDBOperationConfig given)',
      '    {',
      '        var partial = new DynamoDBOperationConfig { OverrideTableName = table, IgnoreNullValues = true };',
      '        var changed = new DynamoDBOperationConfig { OverrideTableName = table };',
      '        changed.SkipVersionCheck = true;',
      '        foreach (var ticket in tickets)',
      '        {',
      '            await _context.SaveAsync(ticket, partial);',
      '            await _context.SaveAsync(ticket, changed);',
      '            await _context.SaveAsync(ticket, given);',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(reported(code), []);
  });
});
