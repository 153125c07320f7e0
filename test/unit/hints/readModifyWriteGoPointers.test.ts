/**
 * `dynamodb-read-modify-write` in Go through pointer helpers (`code/languages/goPointerChanges.ts`): the item read
 * is changed by a function of the file that takes it by pointer, then written back with no condition.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write';

function reported(text: string): string[] {
  const result = analyzeText(text, realHintRules(), { kind: documentKind(undefined, 'members.go')!, fileName: 'members.go' });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${result.lines.lineOf(finding.start) + 1}:${text.slice(finding.start, finding.end)}`);
}

const HEADER = [
  'package members',
  '',
  'import (',
  '\t"context"',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
  '',
  'type Member struct {',
  '\tID    string `dynamodbav:"id"`',
  '\tLevel int    `dynamodbav:"level"`',
  '}',
  '',
  'var client *dynamodb.Client',
  '',
  'func promote(m *Member) {',
  '\tm.Level++',
  '}',
  '',
  'func describe(m *Member) string {',
  '\treturn m.ID',
  '}',
  '',
  'func promoteTwice(m *Member) {',
  '\tpromote(m)',
  '\tpromote(m)',
  '}',
  '',
  'func relabel(m Member) {',
  '\tm.ID = "x"',
  '}',
  '',
];

/** A function that reads the member, hands it to `call`, and writes it back. */
function rewrite(name: string, call: string): string[] {
  return [
    `func ${name}(ctx context.Context, id string) error {`,
    '\tout, err := client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("members"), Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}}})',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\tvar m Member',
    '\tif err := attributevalue.UnmarshalMap(out.Item, &m); err != nil {',
    '\t\treturn err',
    '\t}',
    `\t${call}`,
    '\titem, err := attributevalue.MarshalMap(m)',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\t_, err = client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("members"), Item: item})',
    '\treturn err',
    '}',
    '',
  ];
}

describe('DynamoDB: read-modify-write in Go through pointer helpers', () => {
  it('reports an item changed by a function of the file through its pointer, and not one a function only reads or takes by value', () => {
    const text = sourceLines(...HEADER, ...rewrite('Promote', 'promote(&m)'), ...rewrite('Describe', '_ = describe(&m)'), ...rewrite('Relabel', 'relabel(m)'));
    const put = HEADER.length + 15;
    assert.deepEqual(reported(text), [`${put}:PutItem`]);
  });

  it('follows a helper that hands the pointer on to another that changes it', () => {
    const text = sourceLines(...HEADER, ...rewrite('PromoteTwice', 'promoteTwice(&m)'));
    assert.deepEqual(reported(text), [`${HEADER.length + 15}:PutItem`]);
  });
});
