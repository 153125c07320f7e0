/**
 * Go dot imports of a workspace package (`code/languages/goDotImports.ts`): a Lambda handler that calls, without a
 * qualifier, a function of a package it imports with `.` which opens a SQL pool or makes a client on each call is
 * reported as it is for `pkg.Name()`. Silent: a function that keeps its pool, a local that hides the name, a
 * dot-imported package the workspace does not hold, and a file read alone.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

function perInvocation(files: Record<string, string>, file: string, workspace = true): string[] {
  return hintsOfFile(files, file, workspace ? undefined : null).filter((hint) => /-per-invocation!$/.test(hint));
}

const STORAGE = sourceLines(
  'package storage',
  '',
  'import (',
  '\t"os"',
  '',
  '\t"github.com/aws/aws-sdk-go/aws"',
  '\t"github.com/aws/aws-sdk-go/aws/session"',
  '\t"github.com/guregu/dynamo"',
  '\t"gorm.io/driver/postgres"',
  '\t"gorm.io/gorm"',
  ')',
  '',
  'var kept *gorm.DB',
  '',
  '// OpenReadModel opens a new pool on every call.',
  'func OpenReadModel() *gorm.DB {',
  '\tdb, err := gorm.Open(postgres.Open(os.Getenv("READ_MODEL_DSN")), &gorm.Config{})',
  '\tif err != nil {',
  '\t\treturn nil',
  '\t}',
  '\treturn db',
  '}',
  '',
  '// KeptReadModel opens the pool once.',
  'func KeptReadModel() *gorm.DB {',
  '\tif kept == nil {',
  '\t\tkept, _ = gorm.Open(postgres.Open(os.Getenv("READ_MODEL_DSN")), &gorm.Config{})',
  '\t}',
  '\treturn kept',
  '}',
  '',
  '// NewEventStore makes a session and a client on every call.',
  'func NewEventStore() *dynamo.DB {',
  '\treturn dynamo.New(session.Must(session.NewSession()), &aws.Config{Region: aws.String(os.Getenv("AWS_REGION"))})',
  '}',
);

const HANDLER = sourceLines(
  'package main',
  '',
  'import (',
  '\t"github.com/aws/aws-lambda-go/events"',
  '\t"github.com/aws/aws-lambda-go/lambda"',
  '',
  '\t. "example.com/ledger/internal/storage"',
  '\t. "example.com/ledger/internal/missing"',
  ')',
  '',
  'func handler(event events.DynamoDBEvent) error {',
  '\treadModel := OpenReadModel()',
  '\tkept := KeptReadModel()',
  '\tstore := NewEventStore()',
  '\tother := OpenArchive()',
  '\t_, _, _, _ = readModel, kept, store, other',
  '\treturn nil',
  '}',
  '',
  'func main() {',
  '\tlambda.Start(handler)',
  '}',
);

const FILES = { 'go.mod': sourceLines('module example.com/ledger'), 'internal/storage/storage.go': STORAGE, 'cmd/projector/main.go': HANDLER };

describe('Go dot imports of a workspace package (workspace mode)', () => {
  it("reports a handler's unqualified call of a dot-imported opener and client maker, not a kept pool or an unknown package", () => {
    assert.deepEqual(perInvocation(FILES, 'cmd/projector/main.go'), ['12:OpenReadModel rds-sql-connection-per-invocation!', '14:NewEventStore lambda-client-per-invocation!']);
  });

  it('binds a dot-imported function as the client its result declares', () => {
    const worker = sourceLines(
      'package main',
      '',
      'import (',
      '\t"github.com/aws/aws-lambda-go/lambda"',
      '',
      '\t. "example.com/ledger/internal/storage"',
      ')',
      '',
      'var events = NewEventStore()',
      '',
      'type entry struct{ ID string `dynamo:"id,hash"` }',
      '',
      'func handler(e entry) error {',
      '\treturn events.Table("ledger").Put(e).Run()',
      '}',
      '',
      'func main() { lambda.Start(handler) }',
    );
    const hints = hintsOfFile({ ...FILES, 'cmd/worker/main.go': worker }, 'cmd/worker/main.go');
    assert.deepEqual(hints, ['14:Put dynamodb-put-item']);
  });

  it('says nothing for a local that hides the name, or a file read alone', () => {
    const hidden = HANDLER.replace('\treadModel := OpenReadModel()', '\tOpenReadModel := func() *int { return nil }\n\treadModel := OpenReadModel()');
    assert.deepEqual(perInvocation({ ...FILES, 'cmd/projector/main.go': hidden }, 'cmd/projector/main.go'), ['15:NewEventStore lambda-client-per-invocation!']);
    assert.deepEqual(perInvocation(FILES, 'cmd/projector/main.go', false), []);
  });
});
