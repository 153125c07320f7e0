/**
 * Go packages are folders: a struct type declared in one file of a package and its methods in another
 * (`type Store struct { client *redis.Client }` in store.go, `s.client.Set(...)` in set.go). In workspace
 * mode the methods read the field's client; a struct of another folder or package, of a test file, a field
 * of a project type and a struct the file declares itself give no client (a call whose input is declared
 * as an SDK input type is read from that type alone).
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { contributionOf, copiedToThread, hintsOfFile as hints, workspaceOf } from './support';

const STORE = sourceLines(
  'package store',
  '',
  'import (',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  '\tgoredis "github.com/redis/go-redis/v9"',
  ')',
  '',
  'type Store struct {',
  '\tclient *goredis.Client',
  '\tdb     *dynamodb.Client',
  '\tttl    time.Duration',
  '}',
);

const SET = sourceLines(
  'package store',
  '',
  'import (',
  '\t"context"',
  '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
  ')',
  '',
  'func (s *Store) Put(ctx context.Context, key, value string) error {',
  '\treturn s.client.Set(ctx, key, value, s.ttl).Err()',
  '}',
  '',
  'func (s *Store) All(ctx context.Context, in *dynamodb.ScanInput) (*dynamodb.ScanOutput, error) {',
  '\treturn s.db.Scan(ctx, in)',
  '}',
);

/** The Scan of SET, which its input's declared type (`in *dynamodb.ScanInput`) names whatever the receiver holds. */
const TYPED_SCAN = ['13:Scan dynamodb-scan', '13:Scan dynamodb-scan!'];

describe('workspace: Go struct types declared in another file of the package', () => {
  it('reads a client field in the methods of another file, and no field without the workspace', () => {
    const files = { 'internal/store/store.go': STORE, 'internal/store/set.go': SET };
    const found = hints(files, 'internal/store/set.go');
    assert.ok(found.includes('9:Set redis-expire'), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('13:Scan dynamodb-scan')), found.join('\n'));
    assert.deepEqual(hints(files, 'internal/store/set.go', null), TYPED_SCAN);
  });

  it('reads a generic struct\'s client field, in its own file and in another of the package', () => {
    // Seen in a cache library over go-redis: `type TypedCache[T any] struct { redis RedisClient }` and methods on `*TypedCache[T]`.
    const generic = STORE.replace('type Store struct {', 'type Store[T any] struct {');
    const methods = SET.replace(/\(s \*Store\)/g, '(s *Store[T])');
    const files = { 'internal/store/store.go': generic, 'internal/store/set.go': methods };
    const found = hints(files, 'internal/store/set.go');
    assert.ok(found.includes('9:Set redis-expire'), found.join('\n'));
    const text = `${generic}\n${methods.split('\n').slice(7).join('\n')}`;
    const setLine = text.split('\n').findIndex((line) => line.includes('s.client.Set')) + 1;
    const own = hints({ 'internal/store/store.go': text }, 'internal/store/store.go');
    assert.ok(own.includes(`${setLine}:Set redis-expire`), own.join('\n'));
    assert.deepEqual(contributionOf('internal/store/store.go', generic)?.goPackage?.structs, contributionOf('internal/store/store.go', STORE)?.goPackage?.structs);
  });

  it('reads an embedded client, and the same through the plain data a worker thread gets', () => {
    const files = {
      'admin/admin.go': sourceLines('package admin', '', 'import "github.com/aws/aws-sdk-go-v2/service/rds"', '', 'type Admin struct {', '\t*rds.Client', '}'),
      'admin/ops.go': sourceLines('package admin', '', 'func (a *Admin) Resize(ctx context.Context, in *rds.ModifyDBInstanceInput) error {', '\t_, err := a.ModifyDBInstance(ctx, in)', '\treturn err', '}'),
    };
    const model = workspaceOf(files);
    const found = hints(files, 'admin/ops.go', model);
    assert.ok(found.some((hint) => hint === '4:ModifyDBInstance rds-modify-db-instance'), found.join('\n'));
    assert.deepEqual(hints(files, 'admin/ops.go', copiedToThread(model)), found);
  });

  it('reads no field of a struct of another folder or package, or of a test file', () => {
    const other = { 'internal/cache/store.go': STORE, 'internal/store/set.go': SET };
    assert.deepEqual(hints(other, 'internal/store/set.go'), TYPED_SCAN);
    const renamed = { 'internal/store/store.go': STORE.replace('package store', 'package cache'), 'internal/store/set.go': SET };
    assert.deepEqual(hints(renamed, 'internal/store/set.go'), TYPED_SCAN);
    const testOnly = { 'internal/store/store_test.go': STORE, 'internal/store/set.go': SET };
    assert.deepEqual(hints(testOnly, 'internal/store/set.go'), TYPED_SCAN);
  });

  it('reads no field of a project type, of a struct declared twice, or of one the file declares itself', () => {
    const projectType = { 'store/store.go': STORE.replace('*goredis.Client', '*Cache'), 'store/set.go': SET };
    assert.ok(!hints(projectType, 'store/set.go').some((hint) => hint.startsWith('9:')));
    const twice = { 'store/a.go': STORE, 'store/b.go': STORE, 'store/set.go': SET };
    assert.deepEqual(hints(twice, 'store/set.go'), TYPED_SCAN);
    const own = { 'store/store.go': STORE, 'store/set.go': `${SET}\ntype Store struct {\n\tclient *Cache\n\tdb     *Table\n}\n` };
    assert.deepEqual(hints(own, 'store/set.go'), TYPED_SCAN);
  });

  it('indexes only Go files that import a client library and declare a struct with a client field', () => {
    assert.equal(contributionOf('store/set.go', SET), undefined);
    assert.equal(contributionOf('store/store_test.go', STORE), undefined);
    assert.deepEqual(contributionOf('store/store.go', STORE)?.goPackage, {
      name: 'store',
      structs: { Store: { client: { path: 'github.com/redis/go-redis/v9', type: 'Client' }, db: { path: 'github.com/aws/aws-sdk-go-v2/service/dynamodb', type: 'Client' } } },
    });
    const admin = sourceLines(
      'package admin',
      '',
      'import "github.com/aws/aws-sdk-go-v2/service/rds"',
      '',
      '// Admin runs maintenance on the fleet.',
      'type Admin struct {',
      '	Base',
      '	// rds *rds.Client is the old field.',
      '	*rds.Client',
      '	name string',
      '}',
      '',
      'type Plain struct {',
      '	name string',
      '}',
    );
    assert.deepEqual(contributionOf('admin/admin.go', admin)?.goPackage, { name: 'admin', structs: { Admin: { '': { path: 'github.com/aws/aws-sdk-go-v2/service/rds', type: 'Client' } } } });
  });
});
