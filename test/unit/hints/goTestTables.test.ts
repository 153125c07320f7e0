/** Go table-driven tests: an input written as a case's expected value is data, not a request; one a test sends is a request. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-consistent-read';
const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(`${RULE}!`));

describe('Go table-driven tests', () => {
  const input = ['&dynamodb.ScanInput{', '      TableName: aws.String("orders"),', '      IndexName: aws.String("by-status"),', '      ConsistentRead: aws.Bool(true),', '    }'];
  const file = (...body: string[]): string =>
    sourceLines(
      'package builder',
      'import (',
      '  "context"',
      '  "testing"',
      '  "github.com/aws/aws-sdk-go-v2/aws"',
      '  "github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      ')',
      ...body,
    );

  it("stays silent on a case's expected input, which the test compares and never sends", () => {
    const code = file(
      'func TestScanBuilder(t *testing.T) {',
      '  tests := []struct {',
      '    name string',
      '    want *dynamodb.ScanInput',
      '  }{',
      `    {name: "index", want: ${input.join('\n')}},`,
      '  }',
      '  for _, tt := range tests {',
      '    if got := Build(); got != tt.want {',
      '      t.Fail()',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(findings('scan_builder_test.go', code), []);
  });

  it('reports an input a test sends, and the same field outside test code', () => {
    const sent = file('func TestScan(t *testing.T) {', '  client := dynamodb.NewFromConfig(aws.Config{})', `  client.Scan(context.TODO(), ${input.join('\n')})`, '}');
    assert.deepEqual(findings('scan_test.go', sent), [`13:ConsistentRead ${RULE}!`]);
    const config = file('type Job struct { Input *dynamodb.ScanInput }', `var job = Job{Input: ${input.join('\n')}}`);
    assert.deepEqual(findings('job.go', config), [`12:ConsistentRead ${RULE}!`]);
  });
});
