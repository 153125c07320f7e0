/**
 * A typed item request passed whole to a project's method that sends it, once per element of a loop: a Go
 * service's `s.client.Put(ctx, &dynamodb.PutItemInput{...})` on its own client interface, a C# seeder's
 * `await _store.PutAsync(new PutItemRequest {...})`. The round trip per item is the request's, so the item-loop
 * finding goes on the call; requests collected for a batch, sent without waiting, or sent by the SDK call itself
 * (already read as the call) are not.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const GO_HEADER = [
  'package seed',
  'import (',
  '\t"context"',
  '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
  'type ItemWriter interface {',
  '\tPutRecord(ctx context.Context, in *dynamodb.PutItemInput) (*dynamodb.PutItemOutput, error)',
  '}',
  'type Loader struct {',
  '\twriter ItemWriter',
  '\tdb     *dynamodb.Client',
  '}',
];

describe('typed item requests passed whole to a sending method in a loop', () => {
  it('reports a Go request put through a project interface once per element', () => {
    const found = hintsIn(
      'seed/loader.go',
      sourceLines(
        ...GO_HEADER,
        'func (l Loader) Load(ctx context.Context, table string, rows []map[string]any) error {',
        '\tfor _, row := range rows {',
        '\t\tav, err := attributevalue.MarshalMap(row)',
        '\t\tif err != nil {',
        '\t\t\treturn err',
        '\t\t}',
        '\t\tif _, err := l.writer.PutRecord(ctx, &dynamodb.PutItemInput{TableName: &table, Item: av}); err != nil {',
        '\t\t\treturn err',
        '\t\t}',
        '\t}',
        '\treturn nil',
        '}',
      ),
    );
    assert.ok(found.includes('21:PutRecord dynamodb-item-loop!'), found.join('\n'));
  });

  it('leaves requests collected for a batch, sent by the SDK call itself, or conditional', () => {
    const found = hintsIn(
      'seed/batch.go',
      sourceLines(
        ...GO_HEADER,
        'func (l Loader) Collect(table string, rows []map[string]types.AttributeValue) []*dynamodb.PutItemInput {',
        '\tvar out []*dynamodb.PutItemInput',
        '\tfor _, row := range rows {',
        '\t\tout = append(out, &dynamodb.PutItemInput{TableName: &table, Item: row})',
        '\t}',
        '\treturn out',
        '}',
        'func (l Loader) Direct(ctx context.Context, table string, rows []map[string]types.AttributeValue) {',
        '\tfor _, row := range rows {',
        '\t\t_, _ = l.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: &table, Item: row})',
        '\t}',
        '}',
        'func (l Loader) Guarded(ctx context.Context, table string, rows []map[string]types.AttributeValue) {',
        '\tfor _, row := range rows {',
        '\t\t_, _ = l.writer.PutRecord(ctx, &dynamodb.PutItemInput{TableName: &table, Item: row, ConditionExpression: &cond})',
        '\t}',
        '}',
      ),
    );
    const loops = found.filter((hint) => hint.endsWith('dynamodb-item-loop!'));
    // The SDK call is reported once, at its own name; nothing else.
    assert.deepEqual(loops, ['24:PutItem dynamodb-item-loop!'], found.join('\n'));
  });

  it('reports a C# request awaited through a store, not one gathered with Task.WhenAll or queued in a list', () => {
    const found = hintsIn(
      'Seeding/Seeder.cs',
      sourceLines(
        'using System.Collections.Generic;',
        'using System.Threading.Tasks;',
        'using Amazon.DynamoDBv2.Model;',
        'public class Seeder',
        '{',
        '    private readonly IRecordStore _records;',
        '    public Seeder(IRecordStore records) { _records = records; }',
        '    public async Task SeedAsync(string table, List<Dictionary<string, AttributeValue>> rows)',
        '    {',
        '        foreach (var row in rows)',
        '        {',
        '            await _records.SaveAsync(new PutItemRequest { TableName = table, Item = row });',
        '        }',
        '    }',
        '    public Task SeedTogetherAsync(string table, List<Dictionary<string, AttributeValue>> rows)',
        '    {',
        '        var pending = new List<Task>();',
        '        foreach (var row in rows)',
        '        {',
        '            pending.Add(_records.SaveAsync(new PutItemRequest { TableName = table, Item = row }));',
        '        }',
        '        return Task.WhenAll(pending);',
        '    }',
        '    public List<PutItemRequest> Queue(string table, List<Dictionary<string, AttributeValue>> rows)',
        '    {',
        '        var queued = new List<PutItemRequest>();',
        '        foreach (var row in rows)',
        '        {',
        '            queued.Insert(0, new PutItemRequest { TableName = table, Item = row });',
        '        }',
        '        return queued;',
        '    }',
        '}',
      ),
    );
    const loops = found.filter((hint) => hint.endsWith('dynamodb-item-loop!'));
    assert.deepEqual(loops, ['12:SaveAsync dynamodb-item-loop!'], found.join('\n'));
  });
});
