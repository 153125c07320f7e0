/**
 * A same-file Go function whose `return` hides the client's type (a type assertion out of a holder, a field of an
 * untyped struct) gives what its declared result type says, so that the v1 `...WithContext` methods called on it
 * are read.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const code = sourceLines(
  'package store',
  '',
  'import (',
  '	"context"',
  '',
  '	"github.com/aws/aws-sdk-go/service/dynamodb"',
  ')',
  '',
  'var holder = &atomicValue{}',
  '',
  'func dynamo() *dynamodb.DynamoDB {',
  '	return holder.Get().(*dynamodb.DynamoDB)',
  '}',
  '',
  'func dynamoOrErr() (*dynamodb.DynamoDB, error) {',
  '	return holder.Get().(*dynamodb.DynamoDB), nil',
  '}',
  '',
  'func count() int {',
  '	return holder.Len()',
  '}',
  '',
  'func Query(ctx context.Context, input *dynamodb.QueryInput) (*dynamodb.QueryOutput, error) {',
  '	client := dynamo()',
  '	return client.QueryWithContext(ctx, input)',
  '}',
  '',
  'func ScanAll(ctx context.Context, input *dynamodb.ScanInput) error {',
  '	client, err := dynamoOrErr()',
  '	if err != nil {',
  '		return err',
  '	}',
  '	return client.ScanPagesWithContext(ctx, input, func(page *dynamodb.ScanOutput, last bool) bool { return true })',
  '}',
  '',
  'func Size() int {',
  '	n := count()',
  '	return n.Scan()',
  '}',
);

describe('Go functions read by their declared result type', () => {
  it('reads a client handed out through a type assertion, alone or beside an error, and nothing from a function of another type', () => {
    assert.deepEqual(hintsOfRules('store.go', code, ['dynamodb-query', 'dynamodb-scan']), ['25:QueryWithContext dynamodb-query', '25:QueryWithContext dynamodb-query!', '33:ScanPagesWithContext dynamodb-scan']);
  });
});
