/**
 * `dynamodb-read-modify-write` in Go through item helpers (`code/languages/goItemHelpers.ts`, `goItemHelperCalls.ts`):
 * a service that gets an item from a repository method, changes it and hands it to the repository's unconditional
 * save, in the same file, in another file of its package, or through an imported package's exported methods.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write';

/** The rule's findings in `file` as `line:text`, read beside the other files (workspace mode), or alone when `alone`. */
function reported(files: Record<string, string>, file: string, alone = false): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, ...(alone ? {} : { workspace: built }) });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

const GO_MOD = 'module example.com/tasks\n\ngo 1.22\n';

/** A repository of tasks: `Find` returns the decoded item, `Put` saves its parameter with no condition, `Insert` with one. */
const REPOSITORY = [
  'package tasks',
  '',
  'import (',
  '\t"context"',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
  '',
  'type Task struct {',
  '\tID    string `dynamodbav:"id"`',
  '\tDone  bool   `dynamodbav:"done"`',
  '\tNotes []string `dynamodbav:"notes"`',
  '}',
  '',
  'type Repo struct {',
  '\tdb    *dynamodb.Client',
  '\ttable string',
  '}',
  '',
  'func (r *Repo) Find(ctx context.Context, id string) (*Task, error) {',
  '\tout, err := r.db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(r.table), Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}}})',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\tvar t Task',
  '\tif err := attributevalue.UnmarshalMap(out.Item, &t); err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\treturn &t, nil',
  '}',
  '',
  'func (r *Repo) Put(ctx context.Context, t *Task) error {',
  '\titem, err := attributevalue.MarshalMap(t)',
  '\tif err != nil {',
  '\t\treturn err',
  '\t}',
  '\t_, err = r.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(r.table), Item: item})',
  '\treturn err',
  '}',
  '',
  'func (r *Repo) Insert(ctx context.Context, t *Task) error {',
  '\titem, err := attributevalue.MarshalMap(t)',
  '\tif err != nil {',
  '\t\treturn err',
  '\t}',
  '\t_, err = r.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(r.table), Item: item, ConditionExpression: aws.String("attribute_not_exists(id)")})',
  '\treturn err',
  '}',
];

/** Callers of the repository, `repo` being how they name the type (`Repo` in the package, `tasks.Repo` elsewhere). */
function service(header: string[], repo: string): string {
  return sourceLines(
    ...header,
    `type Service struct {`,
    `\ttasks   *${repo}`,
    `\tarchive *${repo}`,
    '}',
    '',
    'func (s *Service) Complete(ctx context.Context, id string) error {',
    '\tt, err := s.tasks.Find(ctx, id)',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\tt.Done = true',
    '\treturn s.tasks.Put(ctx, t)',
    '}',
    '',
    'func (s *Service) Annotate(ctx context.Context, id, note string) error {',
    '\tt, err := s.tasks.Find(ctx, id)',
    '\tif err != nil {',
    '\t\tt = &Fresh{}',
    '\t}',
    '\tt.Notes = append(t.Notes, note)',
    '\tif err := s.tasks.Put(ctx, t); err != nil {',
    '\t\treturn err',
    '\t}',
    '\treturn nil',
    '}',
    '',
    'func (s *Service) Reopen(ctx context.Context, id string) error {',
    '\tt, err := s.tasks.Find(ctx, id)',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\tt.Done = false',
    '\treturn s.tasks.Insert(ctx, t)',
    '}',
    '',
    'func (s *Service) Copy(ctx context.Context, id string) error {',
    '\tt, err := s.tasks.Find(ctx, id)',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\treturn s.tasks.Put(ctx, t)',
    '}',
    '',
    'func (s *Service) Move(ctx context.Context, id string) error {',
    '\tt, err := s.tasks.Find(ctx, id)',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\tt.Done = true',
    '\treturn s.archive.Put(ctx, t)',
    '}',
    '',
    'func (s *Service) Replace(ctx context.Context, id string) error {',
    '\tt, err := s.tasks.Find(ctx, id)',
    '\tif err != nil {',
    '\t\treturn err',
    '\t}',
    '\tt.Done = true',
    '\tif id != "" {',
    '\t\tt = &Fresh{}',
    '\t\treturn s.tasks.Put(ctx, t)',
    '\t}',
    '\treturn nil',
    '}',
  );
}

describe('DynamoDB: read-modify-write in Go through repository methods', () => {
  it('reports a service of the same package that changes what the repository read and saves it back, and not a conditional save, an unchanged copy, another receiver or a fresh value', () => {
    const files = {
      'go.mod': GO_MOD,
      'tasks/repo.go': sourceLines(...REPOSITORY),
      'tasks/service.go': service(['package tasks', '', 'import "context"', ''], 'Repo'),
    };
    assert.deepEqual(reported(files, 'tasks/service.go'), ['16:Put', '25:Put']);
  });

  it('reads the helpers of the same file without the workspace', () => {
    const files = { 'tasks/all.go': sourceLines(...REPOSITORY, '', ...service([], 'Repo').split('\n')) };
    const offset = REPOSITORY.length;
    assert.deepEqual(reported(files, 'tasks/all.go', true), [`${offset + 13}:Put`, `${offset + 22}:Put`]);
  });

  it('reports the callers of an imported package’s exported methods, and not of its package functions', () => {
    const files = {
      'go.mod': GO_MOD,
      'tasks/repo.go': sourceLines(...REPOSITORY, '', 'func Find(ctx context.Context, r *Repo, id string) (*Task, error) { return r.Find(ctx, id) }'),
      'api/handler.go': service(['package api', '', 'import (', '\t"context"', '\t"example.com/tasks/tasks"', ')', ''], 'tasks.Repo'),
    };
    assert.deepEqual(reported(files, 'api/handler.go'), ['19:Put', '28:Put']);
  });

  it('stays silent where the repository’s table comes from a parameter, or the save writes something else than its parameter', () => {
    const variant = REPOSITORY.map((line) => line.replace('func (r *Repo) Find(ctx context.Context, id string)', 'func (r *Repo) Find(ctx context.Context, id string, table string)').replace('TableName: aws.String(r.table), Key', 'TableName: aws.String(table), Key'));
    const files = {
      'go.mod': GO_MOD,
      'tasks/repo.go': sourceLines(...variant),
      'tasks/service.go': service(['package tasks', '', 'import "context"', ''], 'Repo'),
    };
    assert.deepEqual(reported(files, 'tasks/service.go'), []);
  });
});
