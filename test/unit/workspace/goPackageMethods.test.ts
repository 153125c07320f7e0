/**
 * Go methods declared in one file of a package to give a client (`func (r *Repo) conn(tx Tx) redis.Cmdable`
 * in repo.go) and called in another (`cmd := r.conn(tx)` in session.go): in workspace mode the call gives the
 * declared client. Then what stays silent: no workspace, a method of another package or of another struct, a
 * method the file declares itself with another result, a result of no client type; and `redis.Cmdable`, which a
 * client and a pipeline share, queues commands as far as the loop and SET-then-EXPIRE checks are concerned.
 */
import * as assert from 'node:assert/strict';
import { indexGoPackage } from '../../../src/hints/engine/workspace/goPackages';
import { sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const REPO = sourceLines(
  'package cache',
  '',
  'import (',
  '\t"context"',
  '',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  '',
  'type Tx interface{ Conn() any }',
  '',
  'type Repo struct {',
  '\trdb *redis.Client',
  '}',
  '',
  'func (r *Repo) conn(tx Tx) redis.Cmdable {',
  '\tif tx != nil {',
  '\t\treturn tx.Conn().(redis.Pipeliner)',
  '\t}',
  '\treturn r.rdb',
  '}',
  '',
  'func (r *Repo) Client() *redis.Client { return r.rdb }',
  '',
  'func (r *Repo) begin(outer Tx) (cmd redis.Cmdable, inner Tx) {',
  '\treturn r.conn(outer), nil',
  '}',
  '',
  'func (r *Repo) Name() string { return "cache" }',
);

const SESSIONS = sourceLines(
  'package cache',
  '',
  'import "context"',
  '',
  'func (r *Repo) Sessions(ctx context.Context, tx Tx) ([]string, error) {',
  '\tcmd := r.conn(tx)',
  '\treturn cmd.Keys(ctx, "session:*").Result()',
  '}',
  '',
  'func (r *Repo) Purge(ctx context.Context) error {',
  '\treturn r.Client().FlushAll(ctx).Err()',
  '}',
  '',
  'func (r *Repo) Save(ctx context.Context, tx Tx, key, value string) {',
  '\tcmd, _ := r.begin(tx)',
  '\tcmd.Set(ctx, key, value, 0)',
  '\tcmd.Expire(ctx, key, time.Hour)',
  '}',
  '',
  'func (r *Repo) Touch(ctx context.Context, tx Tx, keys []string) {',
  '\tcmd := r.conn(tx)',
  '\tfor _, key := range keys {',
  '\t\tcmd.Expire(ctx, key, time.Hour)',
  '\t}',
  '}',
);

const FILES = { 'internal/cache/repo.go': REPO, 'internal/cache/sessions.go': SESSIONS };

describe('workspace: Go methods of another file of the package that give a client', () => {
  it('reads the client a method declares, alone or first of its results, and a plain client’s commands', () => {
    const found = hints(FILES, 'internal/cache/sessions.go');
    assert.ok(found.includes('7:Keys redis-keys!'), found.join('\n'));
    assert.ok(found.includes('11:FlushAll redis-flush!'), found.join('\n'));
    assert.ok(found.includes('16:Set redis-expire'), found.join('\n'));
  });

  it('treats `redis.Cmdable` as a client that may queue: no round trip per key in a loop, no SET-then-EXPIRE', () => {
    const found = hints(FILES, 'internal/cache/sessions.go');
    assert.ok(!found.some((hint) => hint.includes('redis-loop-round-trips!')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('16:') && hint.endsWith('!')), found.join('\n'));
  });

  it('reads nothing without the workspace, in another package or folder, or for a method of another struct', () => {
    assert.deepEqual(hints(FILES, 'internal/cache/sessions.go', null), []);
    const otherFolder = { 'internal/cache/repo.go': REPO, 'internal/admin/sessions.go': SESSIONS };
    assert.deepEqual(hints(otherFolder, 'internal/admin/sessions.go'), []);
    const otherPackage = { 'internal/cache/repo.go': REPO, 'internal/cache/sessions.go': SESSIONS.replace('package cache', 'package cache_test') };
    assert.deepEqual(hints(otherPackage, 'internal/cache/sessions.go'), []);
    const otherStruct = { 'internal/cache/repo.go': REPO, 'internal/cache/sessions.go': SESSIONS.replace(/\(r \*Repo\)/g, '(r *Store)') };
    assert.deepEqual(hints(otherStruct, 'internal/cache/sessions.go'), []);
  });

  it('keeps a method the file declares itself, and gives nothing for a result of no client type', () => {
    const own = sourceLines(SESSIONS, '', 'func (r *Repo) conn(tx Tx) *Pool { return nil }');
    const files = { 'internal/cache/repo.go': REPO, 'internal/cache/sessions.go': own };
    assert.ok(!hints(files, 'internal/cache/sessions.go').some((hint) => hint.startsWith('7:')), 'the file’s own conn() gives no client');
    const named = sourceLines('package cache', '', 'func (r *Repo) Label() {', '\tr.Name().Keys()', '}');
    assert.deepEqual(hints({ 'internal/cache/repo.go': REPO, 'internal/cache/label.go': named }, 'internal/cache/label.go'), []);
  });

  it('indexes methods by receiver struct, whatever the receiver is written as', () => {
    const text = sourceLines(
      'package cache',
      '',
      'import "github.com/redis/go-redis/v9"',
      '',
      'func (r *Repo) a() redis.Cmdable { return nil }',
      'func (Repo) b() (*redis.Client, error) { return nil, nil }',
      'func (r Store[T]) c() *redis.Client { return nil }',
      'func (r *Repo) d() string { return "" }',
    );
    const declared = indexGoPackage(text)?.goPackage;
    assert.deepEqual(JSON.parse(JSON.stringify(declared?.methods)), {
      Repo: { a: { path: 'github.com/redis/go-redis/v9', type: 'Cmdable' }, b: { path: 'github.com/redis/go-redis/v9', type: 'Client' } },
      Store: { c: { path: 'github.com/redis/go-redis/v9', type: 'Client' } },
    });
  });
});
