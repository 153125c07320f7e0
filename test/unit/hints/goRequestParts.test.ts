/**
 * Go requests written apart from the input struct a client call takes: transaction and batch parts a
 * repository appends to a slice (`types.TransactWriteItem{Put: &types.Put{...}}`), an input a helper takes
 * as a parameter and completes (`input.Limit = aws.Int32(n)`), an input a method returns and its caller
 * completes, and an input held by value (`var in dynamodb.ScanInput`) and passed as `&input`. The traps:
 * structs of the same names from other packages, a method that returns the project's own struct, and other
 * services' inputs.
 */
import * as assert from 'node:assert/strict';
import { analyzeCode } from '../../../src/hints/engine/code';
import { LineIndex } from '../../../src/hints/engine/text';
import { hintsIn, sourceLines } from './support';
import { hintsOfFile } from '../workspace/support';

const IMPORTS = [
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\tddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
];

/** A repository that builds a user's transaction with `append`, as services do when an update renames a unique key. */
const USER_REPOSITORY = sourceLines(
  'package repository',
  '',
  ...IMPORTS,
  '',
  'type UserRepository struct {',
  '\tclient *dynamodb.Client',
  '\ttable  string',
  '}',
  '',
  'func (r *UserRepository) Rename(ctx context.Context, id, oldEmail, email string) error {',
  '\titems := []ddbtypes.TransactWriteItem{',
  '\t\t{Update: &ddbtypes.Update{TableName: aws.String(r.table), Key: userKey(id), UpdateExpression: aws.String("SET email = :e")}},',
  '\t}',
  '\tif email != oldEmail {',
  '\t\titems = append(items,',
  '\t\t\tddbtypes.TransactWriteItem{Delete: &ddbtypes.Delete{TableName: aws.String(r.table), Key: emailKey(oldEmail)}},',
  '\t\t\tddbtypes.TransactWriteItem{',
  '\t\t\t\tPut: &ddbtypes.Put{',
  '\t\t\t\t\tTableName:           aws.String(r.table),',
  '\t\t\t\t\tItem:                emailKey(email),',
  '\t\t\t\t\tConditionExpression: aws.String("attribute_not_exists(pk)"),',
  '\t\t\t\t},',
  '\t\t\t},',
  '\t\t)',
  '\t}',
  '\t_, err := r.client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: items})',
  '\treturn err',
  '}',
);

describe('Go requests written apart from the input struct', () => {
  it('reads the options of transaction parts appended to a slice, under any alias of the types package', () => {
    const found = hintsIn('internal/repository/user_repository.go', USER_REPOSITORY);
    for (const hint of ['18:UpdateExpression dynamodb-update-expression', '27:ConditionExpression dynamodb-condition-expression', '32:TransactItems dynamodb-transact-items']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
    // A part written inside the input struct is read once, with the input.
    const inline = sourceLines(
      'package repository',
      ...IMPORTS,
      'func save(ctx context.Context, client *dynamodb.Client, item map[string]ddbtypes.AttributeValue) error {',
      '\t_, err := client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []ddbtypes.TransactWriteItem{',
      '\t\t{Put: &ddbtypes.Put{TableName: aws.String("users"), Item: item, ConditionExpression: aws.String("attribute_not_exists(pk)")}},',
      '\t}})',
      '\treturn err',
      '}',
    );
    assert.ok(hintsIn('save.go', inline).includes('11:ConditionExpression dynamodb-condition-expression'));
    const contexts = analyzeCode(inline, 'go', new LineIndex(inline)).contexts;
    assert.deepEqual(
      contexts.filter((context) => context.options.some((option) => option.name === 'ConditionExpression')).map((context) => context.type),
      ['dynamodb:TransactWriteItems'],
    );
  });

  it('reads a part that a helper in another file of the package returns, and v1 parts of the dynamodb package', () => {
    const helper = sourceLines(
      'package repository',
      '',
      'import (',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'func uniqueEmail(table, email string) types.TransactWriteItem {',
      '\treturn types.TransactWriteItem{Put: &types.Put{TableName: aws.String(table), Item: emailKey(email), ConditionExpression: aws.String("attribute_not_exists(pk)")}}',
      '}',
      '',
      'func readBack(table string, key map[string]types.AttributeValue) types.TransactGetItem {',
      '\treturn types.TransactGetItem{Get: &types.Get{TableName: aws.String(table), Key: key, ProjectionExpression: aws.String("email")}}',
      '}',
    );
    const files = { 'go.mod': sourceLines('module example.com/users'), 'internal/repository/user_repository.go': USER_REPOSITORY, 'internal/repository/unique.go': helper };
    const found = hintsOfFile(files, 'internal/repository/unique.go');
    assert.ok(found.includes('9:ConditionExpression dynamodb-condition-expression'), found.join('\n'));
    assert.ok(found.includes('13:ProjectionExpression dynamodb-projection-expression'), found.join('\n'));
    const v1 = sourceLines(
      'package repo',
      'import (',
      '\t"github.com/aws/aws-sdk-go/aws"',
      '\t"github.com/aws/aws-sdk-go/service/dynamodb"',
      ')',
      'func check(table string, key map[string]*dynamodb.AttributeValue) *dynamodb.TransactWriteItem {',
      '\treturn &dynamodb.TransactWriteItem{ConditionCheck: &dynamodb.ConditionCheck{TableName: aws.String(table), Key: key, ConditionExpression: aws.String("attribute_exists(pk)")}}',
      '}',
    );
    assert.ok(hintsIn('check.go', v1).includes('7:ConditionExpression dynamodb-condition-expression'));
  });

  it('reads the options a helper assigns to an input parameter or to an input variable, and an input passed as &input', () => {
    const found = hintsIn(
      'internal/repository/query.go',
      sourceLines(
        'package repository',
        ...IMPORTS,
        'func QueryMany(ctx context.Context, client *dynamodb.Client, input *dynamodb.QueryInput, limit int, start map[string]ddbtypes.AttributeValue) ([]map[string]ddbtypes.AttributeValue, error) {',
        '\tvar items []map[string]ddbtypes.AttributeValue',
        '\tlastKey := start',
        '\tfor len(items) < limit {',
        '\t\tinput.Limit = aws.Int32(int32(limit - len(items)))',
        '\t\tinput.ExclusiveStartKey = lastKey',
        '\t\tout, err := client.Query(ctx, input)',
        '\t\tif err != nil {',
        '\t\t\treturn nil, err',
        '\t\t}',
        '\t\titems = append(items, out.Items...)',
        '\t\tif out.LastEvaluatedKey == nil {',
        '\t\t\tbreak',
        '\t\t}',
        '\t\tlastKey = out.LastEvaluatedKey',
        '\t}',
        '\treturn items, nil',
        '}',
        'func Count(ctx context.Context, client *dynamodb.Client, table string) (int32, error) {',
        '\tinput := dynamodb.ScanInput{TableName: aws.String(table)}',
        '\tinput.Select = ddbtypes.SelectCount',
        '\tout, err := client.Scan(ctx, &input)',
        '\tif err != nil {',
        '\t\treturn 0, err',
        '\t}',
        '\treturn out.Count, nil',
        '}',
        'func Active(ctx context.Context, client *dynamodb.Client, table string) (*dynamodb.ScanOutput, error) {',
        '\tvar in dynamodb.ScanInput',
        '\tin.TableName = aws.String(table)',
        '\tin.FilterExpression = aws.String("active = :t")',
        '\treturn client.Scan(ctx, &in)',
        '}',
      ),
    );
    for (const hint of ['13:Limit dynamodb-limit', '14:ExclusiveStartKey dynamodb-pagination-keys', '15:Query dynamodb-query', '30:Scan dynamodb-scan', '30:Scan dynamodb-scan!', '39:FilterExpression dynamodb-filter-expression', '40:Scan dynamodb-scan']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
    assert.ok(!found.includes('15:Query dynamodb-query!'), found.join('\n'));
  });

  it('reads the options assigned to an input that a method of the repository returns, and not those of its own structs', () => {
    const found = hintsIn(
      'internal/store/ledger.go',
      sourceLines(
        'package store',
        ...IMPORTS,
        'type Page struct{ Limit int32 }',
        'type Ledger struct {',
        '\tddb   *dynamodb.Client',
        '\ttable string',
        '}',
        'func (l *Ledger) entriesQuery(account string) *dynamodb.QueryInput {',
        '\treturn &dynamodb.QueryInput{TableName: aws.String(l.table), IndexName: aws.String("by-account"), KeyConditionExpression: aws.String("account = :a")}',
        '}',
        'func (l *Ledger) defaultPage() *Page { return &Page{Limit: 50} }',
        'func (l *Ledger) Latest(ctx context.Context, account string) (*dynamodb.QueryOutput, error) {',
        '\tpage := l.defaultPage()',
        '\tpage.Limit = 10',
        '\tin := l.entriesQuery(account)',
        '\tin.Limit = aws.Int32(page.Limit)',
        '\tin.ConsistentRead = aws.Bool(true)',
        '\treturn l.ddb.Query(ctx, in)',
        '}',
        'func (l *Ledger) newestQuery(account string) *dynamodb.QueryInput {',
        '\treturn &dynamodb.QueryInput{TableName: aws.String(l.table), KeyConditionExpression: aws.String("account = :a"), Limit: aws.Int32(1)}',
        '}',
        'func (l *Ledger) Newest(ctx context.Context, account string) (*dynamodb.QueryOutput, error) {',
        '\treturn l.ddb.Query(ctx, l.newestQuery(account))',
        '}',
      ),
    );
    for (const hint of ['22:Limit dynamodb-limit', '23:ConsistentRead dynamodb-consistent-read', '23:ConsistentRead dynamodb-consistent-read!', '24:Query dynamodb-query']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
    // A Limit the method writes makes the Query one page on purpose, passed straight to the call too.
    assert.ok(found.includes('30:Query dynamodb-query') && !found.includes('30:Query dynamodb-query!'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('17:') || hint.startsWith('20:')), found.join('\n'));
  });

  it('gives nothing for structs of the same names from other packages, nor for other services\' input parameters', () => {
    const found = hintsIn(
      'internal/outbox/outbox.go',
      sourceLines(
        'package outbox',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/aws/aws-sdk-go-v2/aws"',
        '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
        '\t"github.com/aws/aws-sdk-go-v2/service/sqs"',
        '\t"example.com/shop/internal/types"',
        ')',
        'type Outbox struct {',
        '\tdb    *dynamodb.Client',
        '\tqueue *sqs.Client',
        '}',
        'func (o *Outbox) Stage(ctx context.Context, input *sqs.SendMessageInput) []types.TransactWriteItem {',
        '\tinput.DelaySeconds = 5',
        '\treturn []types.TransactWriteItem{{Put: &types.Put{Limit: aws.Int32(1), ConditionExpression: "pending"}}}',
        '}',
      ),
    );
    assert.deepEqual(found, []);
  });
});
