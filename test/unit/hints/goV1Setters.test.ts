/**
 * AWS SDK for Go v1 inputs set up by setter methods, as older services write them: `new(dynamodb.QueryInput)`
 * or `&dynamodb.QueryInput{}` completed by `input.SetLimit(n)` statements (some under `if`), setters chained on
 * the literal, and `q = q.SetX(...)` reassignments. The traps: a project type's own `SetLimit`, another
 * service's input, an attribute value built by setters, and setters on a struct's field.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { TextEdit } from '../../../src/hints/engine/types';
import { hintsIn, realHintRules, sourceLines } from './support';

const IMPORTS = [
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go/aws"',
  '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go/service/dynamodb/dynamodbiface"',
  ')',
];

/** A traffic table behind an interface, with a page of days read by setters and one query chained on the literal. */
const TRAFFIC_TABLE = sourceLines(
  'package traffic',
  ...IMPORTS,
  'type dynamoTable struct {',
  '\ttableName string',
  '\tddb       dynamodbiface.DynamoDBAPI',
  '}',
  'func (t *dynamoTable) Days(ctx context.Context, ad string, page map[string]*dynamodb.AttributeValue, limit int64) ([]map[string]*dynamodb.AttributeValue, map[string]*dynamodb.AttributeValue, error) {',
  '\tinput := new(dynamodb.QueryInput)',
  '\tinput.SetTableName(t.tableName)',
  '\tinput.SetKeyConditionExpression("ad_id = :ad")',
  '\tif len(page) > 0 {',
  '\t\tinput.SetExclusiveStartKey(page)',
  '\t}',
  '\tif limit > 0 {',
  '\t\tinput.SetLimit(limit)',
  '\t}',
  '\tout, err := t.ddb.QueryWithContext(ctx, input)',
  '\tif err != nil {',
  '\t\treturn nil, nil, err',
  '\t}',
  '\treturn out.Items, out.LastEvaluatedKey, nil',
  '}',
  'func (t *dynamoTable) ByCampaign(campaign string) (*dynamodb.QueryOutput, error) {',
  '\tinput := (&dynamodb.QueryInput{}).SetTableName(t.tableName).SetIndexName("by-campaign").',
  '\t\tSetKeyConditionExpression("campaign = :c").',
  '\t\tSetExpressionAttributeValues(map[string]*dynamodb.AttributeValue{":c": (&dynamodb.AttributeValue{}).SetS(campaign)})',
  '\tinput.SetConsistentRead(true)',
  '\treturn t.ddb.Query(input)',
  '}',
  'func (t *dynamoTable) Export(ctx context.Context, sink func(map[string]*dynamodb.AttributeValue)) error {',
  '\tscan := &dynamodb.ScanInput{TableName: aws.String(t.tableName)}',
  '\tscan = scan.SetProjectionExpression("ad_id, clicks")',
  '\treturn t.ddb.ScanPagesWithContext(ctx, scan, func(out *dynamodb.ScanOutput, last bool) bool {',
  '\t\tfor _, item := range out.Items {',
  '\t\t\tsink(item)',
  '\t\t}',
  '\t\treturn true',
  '\t})',
  '}',
);

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

describe('Go SDK v1 inputs set up by setter methods', () => {
  it('reads setter statements, setters chained on the literal and reassigned setters as the options of the request the call sends', () => {
    const found = hintsIn('internal/traffic/table.go', TRAFFIC_TABLE);
    for (const hint of [
      '14:QueryInput dynamodb-query',
      '16:SetKeyConditionExpression dynamodb-key-condition-expression',
      '18:SetExclusiveStartKey dynamodb-pagination-keys',
      '21:SetLimit dynamodb-limit',
      '30:SetIndexName dynamodb-index-name',
      '31:SetKeyConditionExpression dynamodb-key-condition-expression',
      '33:SetConsistentRead dynamodb-consistent-read',
      '33:SetConsistentRead dynamodb-consistent-read!',
      '34:Query dynamodb-query!',
      '38:SetProjectionExpression dynamodb-projection-expression',
    ]) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
    // The page and its Limit are the caller's to drive: one page on purpose; ScanPages reads them all.
    assert.ok(!found.includes('23:QueryWithContext dynamodb-query!') && !found.some((hint) => hint.startsWith('39:') && hint.endsWith('!')), found.join('\n'));
    // An attribute value built by setters is no request.
    assert.ok(!found.some((hint) => hint.startsWith('32:')), found.join('\n'));
  });

  it('removes a setter statement, and a setter chained on the literal, as the ConsistentRead quick fix', () => {
    const result = analyzeText(TRAFFIC_TABLE, realHintRules(), { kind: 'go', fileName: 'table.go' });
    const consistent = result.findings.find((finding) => finding.ruleId === 'dynamodb-consistent-read');
    assert.ok(consistent?.fix);
    const fixed = apply(TRAFFIC_TABLE, consistent.fix.edits);
    // The statement goes whole, with its line.
    assert.ok(fixed.includes('(&dynamodb.AttributeValue{}).SetS(campaign)})\n\treturn t.ddb.Query(input)') && !fixed.includes('SetConsistentRead'), fixed);
    const chained = sourceLines(
      'package traffic',
      ...IMPORTS,
      'func byCampaign(db *dynamodb.DynamoDB, table string) (*dynamodb.QueryOutput, error) {',
      '\treturn db.Query((&dynamodb.QueryInput{}).SetTableName(table).SetIndexName("by-campaign").SetConsistentRead(true).SetKeyConditionExpression("campaign = :c"))',
      '}',
    );
    const chainedResult = analyzeText(chained, realHintRules(), { kind: 'go', fileName: 'campaign.go' });
    const chainedFix = chainedResult.findings.find((finding) => finding.ruleId === 'dynamodb-consistent-read')?.fix;
    assert.ok(chainedFix);
    assert.ok(apply(chained, chainedFix.edits).includes('.SetIndexName("by-campaign").SetKeyConditionExpression("campaign = :c"))'));
  });

  it('reads the input a method of the file builds with setters and returns as a variable, with the caller\'s setters', () => {
    const found = hintsIn(
      'internal/api/request.go',
      sourceLines(
        'package api',
        ...IMPORTS,
        'type InfoRequest struct {',
        '\tID    string',
        '\tLimit int64',
        '}',
        'func (request *InfoRequest) Query(tableName string) (*dynamodb.QueryInput, error) {',
        '\tinput := new(dynamodb.QueryInput)',
        '\tinput.SetTableName(tableName)',
        '\tinput.SetIndexName("by-ad")',
        '\tinput.SetKeyConditionExpression("ad_id = :id")',
        '\tif request.Limit > 0 {',
        '\t\tinput.SetLimit(request.Limit)',
        '\t}',
        '\treturn input, nil',
        '}',
        'func Handle(ctx context.Context, db dynamodbiface.DynamoDBAPI, request *InfoRequest) (*dynamodb.QueryOutput, error) {',
        '\tinput, err := request.Query("traffic")',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\tinput.SetConsistentRead(true)',
        '\treturn db.QueryWithContext(ctx, input)',
        '}',
      ),
    );
    for (const hint of ['19:SetLimit dynamodb-limit', '28:SetConsistentRead dynamodb-consistent-read', '28:SetConsistentRead dynamodb-consistent-read!', '29:QueryWithContext dynamodb-query']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
    assert.ok(!found.includes('29:QueryWithContext dynamodb-query!'), found.join('\n'));
  });

  it('gives nothing for a project type\'s own setters, another service\'s input, nor setters on a struct\'s field', () => {
    const found = hintsIn(
      'internal/jobs/jobs.go',
      sourceLines(
        'package jobs',
        'import (',
        '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
        '\t"github.com/aws/aws-sdk-go/service/sqs"',
        ')',
        'type Page struct{ limit int64 }',
        'func (p *Page) SetLimit(n int64) *Page { p.limit = n; return p }',
        'func (p *Page) SetConsistentRead(on bool) *Page { return p }',
        'type Builder struct{ input *dynamodb.QueryInput }',
        'func (b *Builder) Build(queue *sqs.SQS) {',
        '\tpage := &Page{}',
        '\tpage.SetLimit(10).SetConsistentRead(true)',
        '\tmsg := &sqs.SendMessageInput{}',
        '\tmsg.SetDelaySeconds(5)',
        '\tb.input.SetConsistentRead(true)',
        '\tqueue.SendMessage(msg)',
        '}',
      ),
    );
    assert.deepEqual(found.filter((hint) => !hint.includes('aws-sdk-end-of-support')), []);
  });
});
