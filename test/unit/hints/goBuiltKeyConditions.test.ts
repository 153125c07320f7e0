/**
 * Go: a Query whose key condition the `expression` package builds as equalities on two attributes
 * (`Key("PK").Equal(...).And(Key("SK").Equal(...))`, also held by names) pins the table's whole primary key, so it
 * reads one item at most and its single page is no defect, as for a string key condition or boto3's builder. A key
 * condition on the partition key alone, or a Query of an index, keeps its finding.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const fetch = (condition: string, index = ''): string =>
  sourceLines(
    'package auth',
    '',
    'import (',
    '\t"github.com/aws/aws-sdk-go-v2/aws"',
    '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"',
    '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
    ')',
    '',
    'func FetchOtp(ctx context.Context, svc *dynamodb.Client, otp string) (*dynamodb.QueryOutput, error) {',
    '\tpk := expression.Key("PK").Equal(expression.Value("OTP#" + otp))',
    '\tsk := expression.Key("SK").Equal(expression.Value("OTP#" + otp))',
    `\texpr, err := expression.NewBuilder().WithKeyCondition(${condition}).Build()`,
    '\tif err != nil {',
    '\t\treturn nil, err',
    '\t}',
    `\treturn svc.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("auth"),${index} KeyConditionExpression: expr.KeyCondition(), ExpressionAttributeNames: expr.Names(), ExpressionAttributeValues: expr.Values()})`, // 16
    '}',
  );

const queryFindings = (code: string): string[] => hintsIn('auth/fetch_otp.go', code).filter((hint) => hint.endsWith('dynamodb-query!'));

describe('Go: key conditions the expression package builds', () => {
  it('keeps a Query that pins both key attributes with equalities quiet', () => {
    assert.deepEqual(queryFindings(fetch('pk.And(sk)')), []);
    assert.deepEqual(queryFindings(fetch('expression.KeyAnd(pk, sk)')), []);
  });

  it('keeps the finding of a Query on the partition key alone, and of one on an index', () => {
    assert.deepEqual(queryFindings(fetch('pk')), ['16:Query dynamodb-query!']);
    assert.deepEqual(queryFindings(fetch('pk.And(sk)', ' IndexName: aws.String("byOtp"),')), ['16:Query dynamodb-query!']);
  });
});
