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

/** A repository whose reader returns the GetItem's output and whose writers rebuild the item from a map parameter. */
const BOARD_REPOSITORY = [
  'package boards',
  '',
  'import (',
  '\t"context"',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
  ')',
  '',
  'type Store struct {',
  '\tdb *dynamodb.Client',
  '}',
  '',
  'func (s *Store) Load(ctx context.Context) (*dynamodb.GetItemOutput, error) {',
  '\tout, err := s.db.GetItem(ctx, &dynamodb.GetItemInput{',
  '\t\tTableName: aws.String("boards"),',
  '\t\tKey:       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "main"}},',
  '\t})',
  '\tif err != nil {',
  '\t\treturn nil, err',
  '\t}',
  '\treturn out, nil',
  '}',
  '',
  'func (s *Store) Save(ctx context.Context, item map[string]types.AttributeValue) error {',
  '\t_, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{',
  '\t\tTableName: aws.String("boards"),',
  '\t\tItem: map[string]types.AttributeValue{',
  '\t\t\t"id":    item["id"],',
  '\t\t\t"cards": item["cards"],',
  '\t\t},',
  '\t})',
  '\treturn err',
  '}',
  '',
  'func (s *Store) Stamp(ctx context.Context, item map[string]types.AttributeValue) error {',
  '\t_, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{',
  '\t\tTableName: aws.String("boards"),',
  '\t\tItem: map[string]types.AttributeValue{',
  '\t\t\t"id": item["id"],',
  '\t\t\t"at": &types.AttributeValueMemberS{Value: "now"},',
  '\t\t},',
  '\t})',
  '\treturn err',
  '}',
];

const BOARD_SERVICE = [
  'package api',
  '',
  'import (',
  '\t"context"',
  '\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"',
  '\t"example.com/tasks/boards"',
  ')',
  '',
  'type Board struct {',
  '\tID    string   `dynamodbav:"id"`',
  '\tCards []string `dynamodbav:"cards"`',
  '}',
  '',
  'func AddCard(ctx context.Context, store *boards.Store, card string) error {',
  '\tout, err := store.Load(ctx)',
  '\tif err != nil {',
  '\t\treturn err',
  '\t}',
  '\tvar board Board',
  '\tif err := attributevalue.UnmarshalMap(out.Item, &board); err != nil {',
  '\t\treturn err',
  '\t}',
  '\tboard.Cards = append(board.Cards, card)',
  '\titem, err := attributevalue.MarshalMap(board)',
  '\tif err != nil {',
  '\t\treturn err',
  '\t}',
  '\treturn store.Save(ctx, item)',
  '}',
  '',
  'func Touch(ctx context.Context, store *boards.Store) error {',
  '\tout, err := store.Load(ctx)',
  '\tif err != nil {',
  '\t\treturn err',
  '\t}',
  '\tvar board Board',
  '\tif err := attributevalue.UnmarshalMap(out.Item, &board); err != nil {',
  '\t\treturn err',
  '\t}',
  '\tboard.Cards = nil',
  '\titem, err := attributevalue.MarshalMap(board)',
  '\tif err != nil {',
  '\t\treturn err',
  '\t}',
  '\treturn store.Stamp(ctx, item)',
  '}',
  '',
  'func Reset(ctx context.Context, store *boards.Store) error {',
  '\tout, err := store.Load(ctx)',
  '\tif err != nil || out == nil {',
  '\t\treturn err',
  '\t}',
  '\tfresh := Board{ID: "main"}',
  '\tfresh.Cards = []string{}',
  '\titem, err := attributevalue.MarshalMap(fresh)',
  '\tif err != nil {',
  '\t\treturn err',
  '\t}',
  '\treturn store.Save(ctx, item)',
  '}',
];

describe('DynamoDB: read-modify-write in Go through a repository returning the GetItem output', () => {
  it('reports a caller that decodes the output’s item, changes it and saves it encoded through a writer copying the map’s entries, and not a writer adding its own values or a fresh value', () => {
    const files = {
      'go.mod': GO_MOD,
      'boards/store.go': sourceLines(...BOARD_REPOSITORY),
      'api/cards.go': sourceLines(...BOARD_SERVICE),
    };
    assert.deepEqual(reported(files, 'api/cards.go'), ['28:Save']);
  });
});
