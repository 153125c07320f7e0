/**
 * guregu/dynamo, a Go DynamoDB client whose requests are builder chains on a table: its reads, writes,
 * batches and transactions get the operations' hovers, its chain methods the options' hovers and findings
 * (under their API names), and what it does for the code (paging, resending unprocessed items) no finding.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { TextEdit } from '../../../src/hints/engine/types';
import { hintsIn, realHintRules, sourceLines } from './support';

const REPOSITORY = sourceLines(
  'package repository',
  '',
  'import (',
  '\t"context"',
  '\t"time"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/config"',
  '\t"github.com/guregu/dynamo/v2"',
  ')',
  '',
  'type Payment struct {',
  '\tUserID    string',
  '\tCreatedAt time.Time',
  '\tStatus    string',
  '}',
  '',
  'type PaymentRepository struct {',
  '\ttable dynamo.Table',
  '}',
  '',
  'func NewPaymentRepository(ctx context.Context) (*PaymentRepository, error) {',
  '\tcfg, err := config.LoadDefaultConfig(ctx)',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\tdb := dynamo.New(cfg)',
  '\treturn &PaymentRepository{table: db.Table("payments")}, nil',
  '}',
  '',
  'func (r *PaymentRepository) Find(ctx context.Context, userID string, at time.Time) (p Payment, err error) {',
  '\terr = r.table.Get("UserID", userID).Range("CreatedAt", dynamo.Equal, at).One(ctx, &p)',
  '\treturn',
  '}',
  '',
  'func (r *PaymentRepository) Latest(ctx context.Context, userID string) (p Payment, err error) {',
  '\terr = r.table.Get("UserID", userID).Order(dynamo.Descending).Limit(1).One(ctx, &p)',
  '\treturn',
  '}',
  '',
  'func (r *PaymentRepository) ByStatus(ctx context.Context, status string) (out []Payment, err error) {',
  '\terr = r.table.Get("Status", status).Index("status-index").Consistent(true).All(ctx, &out)',
  '\treturn',
  '}',
  '',
  'func (r *PaymentRepository) Pending(ctx context.Context) (out []Payment, err error) {',
  '\terr = r.table.Scan().Filter("\'Status\' = ?", "PENDING").All(ctx, &out)',
  '\treturn',
  '}',
  '',
  'func (r *PaymentRepository) Save(ctx context.Context, p Payment) error {',
  '\treturn r.table.Put(p).If("attribute_not_exists(UserID)").Run(ctx)',
  '}',
  '',
  'func (r *PaymentRepository) MarkPaid(ctx context.Context, userID string, at time.Time) error {',
  '\treturn r.table.Update("UserID", userID).Range("CreatedAt", at).Set("Status", "PAID").Run(ctx)',
  '}',
  '',
  'func (r *PaymentRepository) Remove(ctx context.Context, userID string, at time.Time) error {',
  '\treturn r.table.Delete("UserID", userID).Range("CreatedAt", at).Run(ctx)',
  '}',
  '',
  'func (r *PaymentRepository) SaveAll(ctx context.Context, items []interface{}) error {',
  '\t_, err := r.table.Batch().Write().Put(items...).Run(ctx)',
  '\treturn err',
  '}',
  '',
  'func (r *PaymentRepository) SaveEach(ctx context.Context, payments []Payment) error {',
  '\tfor _, p := range payments {',
  '\t\tif err := r.table.Put(p).Run(ctx); err != nil {',
  '\t\t\treturn err',
  '\t\t}',
  '\t}',
  '\treturn nil',
  '}',
);

describe('Go: guregu/dynamo', () => {
  it('reads a repository over a Table field: operations, chain options, and findings only where the code decides', () => {
    assert.deepEqual(hintsIn('payments.go', REPOSITORY).sort(), [
      '31:Get dynamodb-get-item',
      '36:Get dynamodb-query',
      '41:Get dynamodb-query',
      '41:Index dynamodb-index-name',
      '41:Consistent dynamodb-consistent-read',
      '41:Consistent dynamodb-consistent-read!',
      '46:Scan dynamodb-scan',
      '46:Filter dynamodb-filter-expression',
      '46:Filter dynamodb-filter-expression!',
      '51:Put dynamodb-put-item',
      '51:If dynamodb-condition-expression',
      '55:Update dynamodb-update-item',
      '55:Set dynamodb-update-expression',
      '59:Delete dynamodb-delete-item',
      '63:Batch dynamodb-batch-write-item',
      '69:Put dynamodb-put-item',
      '69:Put dynamodb-item-loop',
      '69:Put dynamodb-item-loop!',
    ].sort());
  });

  it('removes Consistent(true) from an index query as its quick fix', () => {
    const finding = analyzeText(REPOSITORY, realHintRules(), { kind: 'go' }).findings.find((found) => found.ruleId === 'dynamodb-consistent-read');
    assert.ok(finding?.fix, 'a quick fix');
    const fixed = [...finding.fix.edits].sort((x: TextEdit, y: TextEdit) => y.start - x.start).reduce((text, edit) => text.slice(0, edit.start) + edit.newText + text.slice(edit.end), REPOSITORY);
    assert.ok(fixed.includes('\terr = r.table.Get("Status", status).Index("status-index").All(ctx, &out)\n'), fixed);
  });

  it('reads a v1 Lambda handler that makes its table in the handler, and stays silent on look-alikes', () => {
    const code = sourceLines(
      'package main',
      '',
      'import (',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '\t"github.com/aws/aws-sdk-go/aws"',
      '\t"github.com/aws/aws-sdk-go/aws/session"',
      '\t"github.com/guregu/dynamo"',
      '\tcache "example.com/internal/dynamo"',
      ')',
      '',
      'type Widget struct{ ID int }',
      '',
      'func handler() ([]Widget, error) {',
      '\tdb := dynamo.New(session.New(), &aws.Config{Region: aws.String("us-east-1")})',
      '\ttable := db.Table("widgets")',
      '\tvar all []Widget',
      '\tif err := table.Scan().All(&all); err != nil {',
      '\t\treturn nil, err',
      '\t}',
      '\tquery := table.Get("ID", 1)',
      '\tlocal := cache.Open().Table("widgets")',
      '\tlocal.Scan().All(&all)',
      '\ttx := db.WriteTx()',
      '\t_ = query',
      '\t_ = tx',
      '\treturn all, nil',
      '}',
      '',
      'func main() { lambda.Start(handler) }',
    );
    const found = hintsIn('main.go', code).filter((hint) => !hint.includes('aws-sdk-end-of-support'));
    // The handler makes its DB on every invocation: the one finding, as for an SDK client made there.
    assert.deepEqual(found.sort(), ['14:New lambda-client-per-invocation', '14:New lambda-client-per-invocation!', '17:Scan dynamodb-scan', '23:WriteTx dynamodb-transact-write-items']);
  });
});
