/** Go tests on generated mocks: `m.EXPECT().Query(...)` records an expectation and sends nothing; a real client's call in a test is still a request. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Go mock recorders', () => {
  const file = (...body: string[]): string =>
    sourceLines(
      'package store',
      'import (',
      '  "context"',
      '  "testing"',
      '  "github.com/aws/aws-sdk-go-v2/aws"',
      '  "github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '  "go.uber.org/mock/gomock"',
      '  storemocks "example.com/app/store/mocks"',
      ')',
      'func TestStore(t *testing.T) {',
      '  m := storemocks.NewMockDynamoDBer(gomock.NewController(t))',
      ...body,
      '}',
    );

  it('gives no hint on a method of the recorder, nor on an input written among its arguments', () => {
    const code = file(
      '  m.EXPECT().BatchGetItem(gomock.Any(), &dynamodb.BatchGetItemInput{RequestItems: nil}).Return(nil, nil)',
      '  m.EXPECT().Scan(gomock.Any(), gomock.Any()).Return(&dynamodb.ScanOutput{}, nil)',
      '  m.EXPECT().',
      '    Query(gomock.Any(), gomock.Any()).Times(1)',
    );
    assert.deepEqual(hintsIn('store_test.go', code), []);
  });

  it('still reads a call made on a client in the same test, and a method named EXPECT on no recorder', () => {
    const code = file(
      '  client := dynamodb.NewFromConfig(aws.Config{})',
      '  client.Scan(context.TODO(), &dynamodb.ScanInput{TableName: aws.String("t")})',
      '  m.EXPECT(x).Scan(gomock.Any(), &dynamodb.ScanInput{TableName: aws.String("t")})',
    );
    assert.deepEqual(hintsIn('store_test.go', code).filter((hint) => hint.startsWith('13:')), ['13:Scan dynamodb-scan', '13:ScanInput dynamodb-scan']);
    assert.ok(hintsIn('store_test.go', code).some((hint) => hint.startsWith('14:ScanInput')));
  });

  it('gives no hint on an input inside a matcher of the expectation, nor on one held only for expectations', () => {
    const code = file(
      '  m.EXPECT().PutItem(gomock.Any(), gomock.AssignableToTypeOf(&dynamodb.PutItemInput{})).Return(nil, nil)',
      '  input := dynamodb.UpdateItemInput{}',
      '  m.EXPECT().UpdateItem(gomock.Any(),',
      '    gomock.Eq(&input)).Return(nil, nil)',
      '  want := &dynamodb.GetItemInput{TableName: aws.String("t")}',
      '  m.EXPECT().GetItem(gomock.Any(), want).Return(nil, nil)',
    );
    assert.deepEqual(hintsIn('store_test.go', code), []);
  });

  it('still reads an input held for a real call, even when an expectation names it too', () => {
    const code = file(
      '  client := dynamodb.NewFromConfig(aws.Config{})',
      '  input := &dynamodb.GetItemInput{TableName: aws.String("t")}',
      '  m.EXPECT().GetItem(gomock.Any(), input).Return(nil, nil)',
      '  client.GetItem(context.TODO(), input)',
    );
    assert.ok(hintsIn('store_test.go', code).some((hint) => hint.startsWith('13:GetItemInput')));
  });
});
