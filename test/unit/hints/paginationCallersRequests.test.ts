/**
 * `dynamodb-query` for a Go helper that sends its caller's request whole and reads the first item
 * (`code/callersRequests.ts`): silent unless a call of the file hands it a filtering request, or the helper
 * changes the request itself; a helper that decodes the whole page stays reported.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { superlinearScaling } from '../../support/hostileShapes';
import { realHintRules, sourceLines } from './support';

function queryFindings(text: string): number[] {
  const result = analyzeText(text, realHintRules(), { kind: documentKind(undefined, 'query.go')!, fileName: 'query.go' });
  return result.findings.filter((finding) => finding.ruleId === 'dynamodb-query').map((finding) => result.lines.lineOf(finding.start) + 1);
}

const HEADER = [
  'package store',
  '',
  'import (',
  '\t"context"',
  '\t"errors"',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  ')',
  '',
];

/** A generic helper reading the first item of its caller's query; `change` is a statement run before the call. */
function firstOf(change = ''): string[] {
  return [
    'func First[T any](ctx context.Context, db *dynamodb.Client, in *dynamodb.QueryInput) (T, error) {',
    '\tvar row T',
    `\t${change}`,
    '\tres, err := db.Query(ctx, in)',
    '\tif err != nil {',
    '\t\treturn row, err',
    '\t}',
    '\tif len(res.Items) == 0 {',
    '\t\treturn row, errors.New("none")',
    '\t}',
    '\terr = attributevalue.UnmarshalMap(res.Items[0], &row)',
    '\treturn row, err',
    '}',
    '',
  ];
}

const ALL_OF = [
  'func All[T any](ctx context.Context, db *dynamodb.Client, in *dynamodb.QueryInput) ([]T, error) {',
  '\tres, err := db.Query(ctx, in)',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\tvar rows []T',
  '\terr = attributevalue.UnmarshalListOfMaps(res.Items, &rows)',
  '\treturn rows, err',
  '}',
  '',
];

/** A caller handing `First` a request with or without a filter. */
function caller(filter: boolean): string[] {
  return [
    'func Active(ctx context.Context, db *dynamodb.Client) (map[string]any, error) {',
    '\treturn First[map[string]any](ctx, db, &dynamodb.QueryInput{',
    '\t\tTableName:              aws.String("things"),',
    '\t\tKeyConditionExpression: aws.String("pk = :p"),',
    ...(filter ? ['\t\tFilterExpression:       aws.String("active = :a"),'] : []),
    '\t})',
    '}',
  ];
}

describe('DynamoDB pages: a Go helper reading the first item of its callers’ query', () => {
  const queryLine = HEADER.length + 4;

  it('is silent where no call of the file filters, and the helper reading the whole page is reported', () => {
    const text = sourceLines(...HEADER, ...firstOf(), ...ALL_OF, ...caller(false));
    assert.deepEqual(queryFindings(text), [HEADER.length + firstOf().length + 2]);
  });

  it('is reported where a call of the file hands it a filtering request', () => {
    assert.deepEqual(queryFindings(sourceLines(...HEADER, ...firstOf(), ...caller(true))), [queryLine]);
  });

  it('is reported where the helper sets a filter on the request itself', () => {
    assert.deepEqual(queryFindings(sourceLines(...HEADER, ...firstOf('in.FilterExpression = aws.String("done = :d")'), ...caller(false))), [queryLine]);
  });

  it('stays linear on many such helpers, each called once, and on many queries of one helper', function () {
    this.timeout(120_000);
    const helpers = (size: number): string =>
      sourceLines(...HEADER) +
      Array.from({ length: Math.ceil(size / 200) }, (_, k) => `func q${k}(ctx context.Context, c *dynamodb.Client, in *dynamodb.QueryInput) error {\n\to, err := c.Query(ctx, in)\n\tif err != nil || o.Count == 0 {\n\t\treturn err\n\t}\n\treturn decode(o.Items[0])\n}\nfunc u${k}() { q${k}(ctx, c, &dynamodb.QueryInput{}) }\n`).join('');
    const queries = (size: number): string =>
      `${sourceLines(...HEADER)}func q(ctx context.Context, c *dynamodb.Client, in *dynamodb.QueryInput) error {\n${'\tif o, err := c.Query(ctx, in); err == nil && o.Count > 0 {\n\t\treturn decode(o.Items[0])\n\t}\n'.repeat(Math.ceil(size / 80))}\treturn nil\n}\n`;
    const slow: (string | undefined)[] = [];
    for (const [label, make] of [
      ['helpers', helpers],
      ['queries', queries],
    ] as const) {
      const analyze = (text: string): void => void analyzeText(text, realHintRules(), { kind: 'go', fileName: 'query.go', onError: (error) => assert.fail(String(error)) });
      slow.push(superlinearScaling(label, make, analyze, { startSize: 100_000, maxSize: 400_000, floorMs: 1, minimumMs: 10, samples: 3 }));
    }
    assert.deepEqual(slow.filter(Boolean), []);
  });
});
