/**
 * Go interfaces a project declares over an AWS SDK client so as to take the client or a test double: methods that
 * mirror the client's (`Scan(ctx context.Context, params *dynamodb.ScanInput, optFns ...func(*dynamodb.Options))
 * (*dynamodb.ScanOutput, error)`, v1's `GetItemWithContext`), or the embedded v1 interface (`dynamodbiface.DynamoDBAPI`).
 * A field or parameter of such a type, declared in another package of the module (`external.DynamoDBApi`,
 * `types.DynamoDBAPI`) or another file of the package, is that client. An interface with a method of the
 * project's own, or over another service's client, says nothing.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { contributionOf, hintsOfFile } from './support';

const GO_MOD = sourceLines('module example.com/deploy', '', 'go 1.22');

const EXTERNAL = sourceLines(
  'package external', // 1
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\t"github.com/aws/aws-sdk-go-v2/service/s3"',
  ')',
  '',
  '// DynamoDBApi is what the handlers use of the client; tests pass a fake.', // 10
  'type DynamoDBApi interface {',
  '\tGetItem(ctx context.Context, params *dynamodb.GetItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)',
  '\tScan(ctx context.Context, params *dynamodb.ScanInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ScanOutput, error) // listing',
  '}',
  '',
  '// Store adds a method of its own: what its calls send is not known.',
  'type Store interface {',
  '\tScan(ctx context.Context, params *dynamodb.ScanInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ScanOutput, error)',
  '\tAll(ctx context.Context) ([]string, error)',
  '}', // 20
  '',
  'type Objects interface {',
  '\tGetObject(ctx context.Context, params *s3.GetObjectInput, optFns ...func(*s3.Options)) (*s3.GetObjectOutput, error)',
  '}',
);

const LEGACY = sourceLines(
  'package legacy',
  '',
  'import "github.com/aws/aws-sdk-go/service/dynamodb/dynamodbiface"',
  '',
  'type DB interface {',
  '\tdynamodbiface.DynamoDBAPI',
  '}',
);

const HANDLER = sourceLines(
  'package handler', // 1
  '',
  'import (',
  '\t"context"',
  '',
  '\t"example.com/deploy/external"',
  '\t"example.com/deploy/legacy"',
  ')',
  '',
  'type Handler struct {', // 10
  '\tDynamoDBApi external.DynamoDBApi',
  '\tStore       external.Store',
  '\tObjects     external.Objects',
  '}',
  '',
  'func (h *Handler) Names(ctx context.Context, in *Request) error {',
  '\tfor _, key := range in.Keys {',
  '\t\th.DynamoDBApi.GetItem(ctx, in.Get(key))',
  '\t\th.Store.Scan(ctx, in.List())',
  '\t}', // 20
  '\t_, err := h.DynamoDBApi.Scan(ctx, in.List())',
  '\th.Objects.GetObject(ctx, in.Object())',
  '\treturn err',
  '}',
  '',
  'func Old(db legacy.DB, in *Request) {',
  '\tfor _, key := range in.Keys {',
  '\t\tdb.GetItem(in.Get(key))',
  '\t}',
  '}', // 30
);

const FILES = { 'go.mod': GO_MOD, 'external/dynamodb.go': EXTERNAL, 'legacy/db.go': LEGACY, 'handler/handler.go': HANDLER };

describe('Go: interfaces over an AWS SDK client, declared in another package of the module', () => {
  it('indexes an interface whose every method mirrors the client, or that embeds the v1 interface, and no other', () => {
    assert.deepEqual(contributionOf('external/dynamodb.go', EXTERNAL)?.goPackage?.interfaces, {
      DynamoDBApi: { path: 'github.com/aws/aws-sdk-go-v2/service/dynamodb', type: 'Client' },
    });
    assert.deepEqual(contributionOf('legacy/db.go', LEGACY)?.goPackage?.interfaces, {
      DB: { path: 'github.com/aws/aws-sdk-go/service/dynamodb/dynamodbiface', type: 'DynamoDBAPI' },
    });
  });

  it('reads a struct field and a parameter of such a type as the client', () => {
    assert.deepEqual(hintsOfFile(FILES, 'handler/handler.go'), [
      '18:GetItem dynamodb-get-item',
      '18:GetItem dynamodb-item-loop',
      '18:GetItem dynamodb-item-loop!',
      '21:Scan dynamodb-scan',
      '21:Scan dynamodb-scan!',
      '28:GetItem dynamodb-get-item',
      '28:GetItem dynamodb-item-loop',
      '28:GetItem dynamodb-item-loop!',
    ]);
  });

  it('stays silent without the workspace and for an interface the module does not declare', () => {
    assert.deepEqual(hintsOfFile(FILES, 'handler/handler.go', null), []);
    const elsewhere = { ...FILES, 'handler/handler.go': HANDLER.replace('"example.com/deploy/external"', '"example.com/other/external"').replace('"example.com/deploy/legacy"', '"example.com/other/legacy"') };
    assert.deepEqual(hintsOfFile(elsewhere, 'handler/handler.go'), []);
  });
});
