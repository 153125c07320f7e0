/**
 * Go interfaces a file declares over redigo's pool (`type pool interface { Get() redis.Conn }`): a struct field
 * or parameter of such a type hands out redigo connections from `Get()` and `GetContext(ctx)`; an interface
 * with a method of the project's own, or over another library, does not.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Go: interfaces over redigo pools', () => {
  it("reads connections from Get() and GetContext() of the file's interface over redigo's pool, as a field or a parameter", () => {
    const code = sourceLines(
      'package store',
      'import (',
      '\t"context"',
      '\t"github.com/gomodule/redigo/redis"',
      ')',
      'type pool interface {',
      '\tGet() redis.Conn',
      '\tGetContext(ctx context.Context) (redis.Conn, error)',
      '\tClose() error',
      '}',
      'type store struct{ pool pool }',
      'func (s store) Incr(key string) {',
      '\tconn := s.pool.Get()',
      '\tdefer conn.Close()',
      '\tconn.Send("MULTI")',
      '\tconn.Do("FLUSHALL")',
      '}',
      'func Drop(ctx context.Context, p pool) {',
      '\tconn, _ := p.GetContext(ctx)',
      '\tconn.Do("KEYS", "*")',
      '}',
    );
    const found = hintsIn('store.go', code);
    for (const hint of ['15:"MULTI" redis-multi', '16:"FLUSHALL" redis-flush!', '20:"KEYS" redis-keys!']) {
      assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
    }
  });

  it('reads an interface over the pool written on one line', () => {
    const code = sourceLines(
      'package store',
      'import "github.com/garyburd/redigo/redis"',
      'type Pool interface { Get() redis.Conn; Close() error }',
      'func C(p Pool) {',
      '\tp.Get().Do("FLUSHALL")',
      '}',
    );
    assert.ok(hintsIn('store.go', code).includes('5:"FLUSHALL" redis-flush!'));
  });

  it('leaves an interface with a method of its own, one on one line with it, and a go-redis-less look-alike alone', () => {
    const own = sourceLines(
      'package store',
      'import "github.com/gomodule/redigo/redis"',
      'type source interface { Get() redis.Conn; Record(k string) error }',
      'type other interface {',
      '\tGet() Conn',
      '}',
      'func A(s source, o other) {',
      '\ts.Get().Do("FLUSHALL")',
      '\tc := o.Get()',
      '\tc.Do("FLUSHALL")',
      '}',
    );
    assert.deepEqual(hintsIn('store.go', own), []);
    const noRedigo = sourceLines(
      'package store',
      'import redis "example.com/fake/redis"',
      'type pool interface {',
      '\tGet() redis.Conn',
      '}',
      'func B(p pool) {',
      '\tp.Get().Do("FLUSHALL")',
      '}',
    );
    assert.deepEqual(hintsIn('store.go', noRedigo), []);
  });
});
