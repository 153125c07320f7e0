/**
 * redigo (github.com/gomodule/redigo/redis): connections from a dial or a pool as Redis clients, the commands
 * `Do` and `Send` name, and the dial options the TLS and AUTH rules read; and the code that shares their names.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { pickExample } from '../../../src/hints/examples';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, realHintRules, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function assertLacks(found: string[], ...unexpected: string[]): void {
  for (const hint of unexpected) {
    assert.ok(!found.includes(hint), `no ${hint} in\n${found.join('\n')}`);
  }
}

function findings(found: string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

const IMPORTS = ['import (', '\t"context"', '\t"crypto/tls"', '\t"os"', '\t"time"', '', '\t"github.com/gomodule/redigo/redis"', ')'];

describe('redigo', () => {
  describe('connections and commands', () => {
    // A repository built by a constructor that holds a pool; its methods take a connection from it.
    const repository = sourceLines(
      'package cache', // 1
      ...IMPORTS, // 2-9
      'type Cache struct {', // 10
      '\tpool *redis.Pool',
      '}',
      'func NewCache(addr string) *Cache {', // 13
      '\treturn &Cache{pool: &redis.Pool{',
      '\t\tMaxIdle:     10,',
      '\t\tIdleTimeout: 240 * time.Second,',
      '\t\tDial: func() (redis.Conn, error) {',
      '\t\t\treturn redis.Dial("tcp", addr, redis.DialPassword(os.Getenv("REDIS_PASSWORD")))', // 18
      '\t\t},',
      '\t}}',
      '}',
      'func (c *Cache) Purge(pattern string) error {', // 22
      '\tconn := c.pool.Get()',
      '\tdefer conn.Close()',
      '\tkeys, err := redis.Strings(conn.Do("KEYS", pattern))', // 25
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tfor _, key := range keys {', // 29
      '\t\tif _, err := conn.Do("del", key); err != nil {', // 30
      '\t\t\treturn err',
      '\t\t}',
      '\t}',
      '\treturn nil',
      '}',
      'func (c *Cache) Expire(ctx context.Context, keys []string) error {', // 36
      '\tconn, err := c.pool.GetContext(ctx)',
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tdefer conn.Close()',
      '\tfor _, key := range keys {', // 42
      '\t\tconn.Send("EXPIRE", key, 3600)', // 43
      '\t}',
      '\treturn conn.Flush()',
      '}',
    );

    it('reads a pool held by a struct and built in a constructor: KEYS, and a Do per key in a loop', () => {
      const found = hintsIn('cache.go', repository);
      assertHas(found, '25:"KEYS" redis-keys', '25:"KEYS" redis-keys!', '30:"del" redis-unlink', '30:"del" redis-loop-round-trips!');
    });

    it('reads a password given to a dial inside the pool literal, sent without TLS', () => {
      const found = hintsIn('cache.go', repository);
      assertHas(found, '18:DialPassword redis-password', '18:DialPassword redis-auth-without-tls!');
      // The password comes from the environment: no hard-coded secret.
      assertLacks(found, '18:DialPassword redis-password!');
    });

    it('keeps a loop of Send before one Flush silent: the commands go out as one pipeline', () => {
      const found = hintsIn('cache.go', repository);
      assertHas(found, '43:"EXPIRE" redis-expire');
      assertLacks(found, '43:"EXPIRE" redis-loop-round-trips!');
    });

    it('offers no KEYS quick fix for redigo', () => {
      const result = analyzeText(repository, realHintRules(), { kind: 'go', fileName: 'cache.go' });
      const keys = result.findings.find((finding) => finding.ruleId === 'redis-keys');
      assert.ok(keys, 'a KEYS finding');
      assert.equal(keys.fix, undefined);
    });

    it('reads a helper that takes `conn redis.Conn`, the context and timeout variants, and a command held by a constant', () => {
      const found = hintsIn(
        'admin.go',
        sourceLines(
          'package admin', // 1
          ...IMPORTS, // 2-9
          'const cmdFlush = "FLUSHDB"', // 10
          'func reset(conn redis.Conn) error {',
          '\t_, err := conn.Do("flushall")', // 12
          '\treturn err',
          '}',
          'func resetDB(conn redis.Conn) error {',
          '\t_, err := conn.Do(cmdFlush)', // 16
          '\treturn err',
          '}',
          'func purge(ctx context.Context, conn redis.ConnWithContext, ids []string) {',
          '\tfor _, id := range ids {',
          '\t\tconn.DoContext(ctx, "UNLINK", "session:"+id)', // 21
          '\t}',
          '}',
          'func purgeAll(ctx context.Context, conn redis.Conn, ids []string) {',
          '\tfor _, id := range ids {',
          '\t\tredis.DoContext(conn, ctx, "DEL", "session:"+id)', // 26
          '\t}',
          '}',
        ),
      );
      assertHas(found, '12:"flushall" redis-flush!', '16:cmdFlush redis-flush', '21:"UNLINK" redis-loop-round-trips!', '26:"DEL" redis-loop-round-trips!');
    });

    it('reads a package-level pool set in main and used by an HTTP handler, under an alias and the old import path', () => {
      const found = hintsIn(
        'main.go',
        sourceLines(
          'package main', // 1
          'import (',
          '\t"net/http"',
          '\tredigo "github.com/garyburd/redigo/redis"',
          ')',
          'var pool *redigo.Pool', // 6
          'func newPool(addr string) *redigo.Pool {',
          '\treturn redigo.NewPool(func() (redigo.Conn, error) { return redigo.Dial("tcp", addr) }, 3)',
          '}',
          'func sessions(w http.ResponseWriter, r *http.Request) {', // 10
          '\tconn := pool.Get()',
          '\tdefer conn.Close()',
          '\tconn.Send("MULTI")', // 13
          '\tconn.Send("INCR", "visits")',
          '\tconn.Do("EXEC")',
          '\tids, _ := redigo.Strings(conn.Do("KEYS", "session:*"))', // 16
          '\tw.Write([]byte(ids[0]))',
          '}',
          'func main() {',
          '\tpool = newPool(":6379")',
          '\thttp.HandleFunc("/sessions", sessions)',
          '}',
        ),
      );
      assertHas(found, '13:"MULTI" redis-multi', '16:"KEYS" redis-keys!');
    });

    it('reads a connection a struct embeds, one a getter field returns, and a pool used in one chain', () => {
      const found = hintsIn(
        'traced.go',
        sourceLines(
          'package traced', // 1
          'import "github.com/gomodule/redigo/redis"',
          'type tracedConn struct {',
          '\tredis.Conn',
          '}',
          'type Service struct {',
          '\tconn func() redis.Conn',
          '}',
          'var pool = &redis.Pool{MaxIdle: 3}',
          'func (t tracedConn) keys() { t.Do("KEYS", "*") }', // 10
          'func (s *Service) keys() { s.conn().Do("KEYS", "user:*") }', // 11
          'func reset() { pool.Get().Do("FLUSHALL") }', // 12
        ),
      );
      assertHas(found, '10:"KEYS" redis-keys!', '11:"KEYS" redis-keys!', '12:"FLUSHALL" redis-flush!');
    });

    it('stays silent on the Do of other types, on go-redis, and in a test', () => {
      const other = hintsIn(
        'client.go',
        sourceLines(
          'package client',
          'import (',
          '\t"net/http"',
          '\t"github.com/gomodule/redigo/redis"',
          ')',
          'type Runner struct{}',
          'func (Runner) Do(cmd string, args ...interface{}) error { return nil }',
          'func fetch(c *http.Client, reqs []*http.Request, r Runner, keys []string) {',
          '\tfor _, req := range reqs {',
          '\t\tc.Do(req)',
          '\t}',
          '\tfor _, key := range keys {',
          '\t\tr.Do("DEL", key)',
          '\t}',
          '\tr.Do("KEYS", "*")',
          '}',
          'var _ redis.Conn',
        ),
      );
      assert.deepEqual(other, []);
      const goRedis = hintsIn(
        'store.go',
        sourceLines(
          'package store',
          'import (',
          '\t"context"',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'func purge(ctx context.Context, rdb *redis.Client) {',
          '\tkeys, _ := rdb.Keys(ctx, "session:*").Result()',
          '\trdb.Do(ctx, "FLUSHALL")',
          '\t_ = keys',
          '}',
        ),
      );
      assert.deepEqual(goRedis.sort(), ['7:Keys redis-keys', '7:Keys redis-keys!', '8:"FLUSHALL" redis-flush', '8:"FLUSHALL" redis-flush!']);
      const test = hintsIn(
        'cache_test.go',
        sourceLines(
          'package cache',
          'import (',
          '\t"testing"',
          '\t"github.com/gomodule/redigo/redis"',
          ')',
          'func TestPurge(t *testing.T) {',
          '\tconn, _ := redis.Dial("tcp", "localhost:6379")',
          '\tconn.Do("FLUSHALL")',
          '\tfor _, key := range []string{"a", "b"} {',
          '\t\tconn.Do("SET", key, 1)',
          '\t}',
          '}',
        ),
      );
      assert.deepEqual(findings(test), []);
    });

    it('shows the redigo example in a command hover', () => {
      const rule = realHintRules().find((each) => each.id === 'redis-keys')!;
      assert.match(pickExample(rule, 'go', 'redigo')?.code ?? '', /conn\.Do\("SCAN", cursor/);
    });
  });

  describe('dial options', () => {
    it('flags a password without TLS in Dial and in a redis:// URL, which ignores DialUseTLS', () => {
      const found = hintsIn(
        'conn.go',
        sourceLines(
          'package conn', // 1
          ...IMPORTS, // 2-9
          'func open(addr, password string) (redis.Conn, error) {',
          '\treturn redis.Dial("tcp", addr, redis.DialUsername("app"), redis.DialPassword(password), redis.DialReadTimeout(time.Second))', // 11
          '}',
          'func openURL() (redis.Conn, error) {',
          '\treturn redis.DialURL("redis://:s3cr3t-token@cache.example.com:6379/0", redis.DialUseTLS(true))', // 14
          '}',
        ),
      );
      assertHas(found, '11:DialPassword redis-auth-without-tls!', '14:s3cr3t-token redis-auth-without-tls!', '14:s3cr3t-token redis-password!');
    });

    it('stays silent on a password with TLS: DialUseTLS(true), a rediss:// URL, a URL it cannot see, a flag it cannot read, a local server', () => {
      const found = hintsIn(
        'conn.go',
        sourceLines(
          'package conn',
          ...IMPORTS,
          'type Config struct{ Addr, Password string; TLS bool }',
          'func dial(cfg Config) (redis.Conn, error) {',
          '\treturn redis.Dial("tcp", cfg.Addr, redis.DialPassword(cfg.Password), redis.DialUseTLS(true))',
          '}',
          'func dialFlag(cfg Config) (redis.Conn, error) {',
          '\treturn redis.DialContext(context.Background(), "tcp", cfg.Addr, redis.DialPassword(cfg.Password), redis.DialUseTLS(cfg.TLS))',
          '}',
          'func dialURL() (redis.Conn, error) {',
          '\treturn redis.DialURL("rediss://:s3cr3t-token@cache.example.com:6379")',
          '}',
          'func dialEnv(cfg Config) (redis.Conn, error) {',
          '\treturn redis.DialURL(os.Getenv("REDIS_URL"), redis.DialPassword(cfg.Password))',
          '}',
          'func dialLocal(cfg Config) (redis.Conn, error) {',
          '\treturn redis.Dial("tcp", "localhost:6379", redis.DialPassword(cfg.Password))',
          '}',
          'func dialOptions(cfg Config, opts []redis.DialOption) (redis.Conn, error) {',
          '\treturn redis.Dial("tcp", cfg.Addr, append(opts, redis.DialPassword(cfg.Password))...)',
          '}',
        ),
      );
      assertLacks(
        found.map((hint) => hint.replace(/^\d+:/, '')),
        'DialPassword redis-auth-without-tls!',
        's3cr3t-token redis-auth-without-tls!',
      );
      assertHas(found, '12:DialUseTLS redis-tls');
    });

    it('flags DialTLSSkipVerify(true) and a config that skips verification, where TLS may be on', () => {
      const found = hintsIn(
        'conn.go',
        sourceLines(
          'package conn', // 1
          ...IMPORTS, // 2-9
          'func heroku() (redis.Conn, error) {',
          '\treturn redis.DialURL(os.Getenv("REDIS_URL"), redis.DialTLSSkipVerify(true))', // 11
          '}',
          'func dial(addr string) (redis.Conn, error) {',
          '\treturn redis.Dial("tcp", addr, redis.DialUseTLS(true), redis.DialTLSConfig(&tls.Config{InsecureSkipVerify: true}))', // 14
          '}',
          'func dialHeld(addr string) (redis.Conn, error) {',
          '\tcfg := &tls.Config{InsecureSkipVerify: true}', // 17
          '\treturn redis.Dial("tcp", addr, redis.DialUseTLS(true), redis.DialTLSConfig(cfg))',
          '}',
          'func options() []redis.DialOption {',
          '\treturn []redis.DialOption{redis.DialUseTLS(true), redis.DialTLSSkipVerify(true)}', // 21
          '}',
        ),
      );
      assertHas(found, '11:DialTLSSkipVerify redis-tls!', '14:InsecureSkipVerify redis-tls!', '17:InsecureSkipVerify redis-tls!', '21:DialTLSSkipVerify redis-tls!', '14:DialTLSConfig redis-tls');
    });

    it('keeps DialTLSSkipVerify silent where it changes nothing: no TLS, a redis:// URL, or beside a TLS config', () => {
      const found = hintsIn(
        'conn.go',
        sourceLines(
          'package conn', // 1
          ...IMPORTS, // 2-9
          'func plain(addr string) (redis.Conn, error) {',
          '\treturn redis.Dial("tcp", addr, redis.DialTLSSkipVerify(true))', // 11
          '}',
          'func plainURL() (redis.Conn, error) {',
          '\treturn redis.DialURL("redis://cache.example.com:6379", redis.DialTLSSkipVerify(true))', // 14
          '}',
          'func configured(addr string, cfg *tls.Config) (redis.Conn, error) {',
          '\treturn redis.Dial("tcp", addr, redis.DialUseTLS(true), redis.DialTLSConfig(cfg), redis.DialTLSSkipVerify(true))', // 17
          '}',
          'func off(addr string) (redis.Conn, error) {',
          '\treturn redis.Dial("tcp", addr, redis.DialUseTLS(false), redis.DialTLSConfig(&tls.Config{InsecureSkipVerify: true}))', // 20
          '}',
        ),
      );
      assertHas(found, '11:DialTLSSkipVerify redis-tls', '17:DialTLSSkipVerify redis-tls');
      assert.deepEqual(findings(found), []);
    });

    it('flags a literal password in a dial option and in an options slice, without calling the slice unencrypted', () => {
      const found = hintsIn(
        'conn.go',
        sourceLines(
          'package conn', // 1
          ...IMPORTS, // 2-9
          'func options(db int) []redis.DialOption {',
          '\topts := []redis.DialOption{redis.DialDatabase(db), redis.DialPassword("hunter2-prod")}', // 11
          '\treturn opts',
          '}',
        ),
      );
      assertHas(found, '11:DialPassword redis-password', '11:"hunter2-prod" redis-password!');
      assertLacks(found, '11:DialPassword redis-auth-without-tls!');
    });
  });

  describe('workspace', () => {
    it('reads a pool field a struct of another file of the package declares, in a file that does not import redigo', () => {
      const files = {
        'internal/sessions/store.go': sourceLines('package sessions', '', 'import "github.com/gomodule/redigo/redis"', '', 'type Store struct {', '\tpool *redis.Pool', '}'),
        'internal/sessions/purge.go': sourceLines(
          'package sessions',
          '',
          'func (s *Store) Purge(ids []string) {',
          '\tconn := s.pool.Get()',
          '\tdefer conn.Close()',
          '\tfor _, id := range ids {',
          '\t\tconn.Do("DEL", "session:"+id)', // 7
          '\t}',
          '}',
        ),
      };
      assert.ok(hintsOfFile(files, 'internal/sessions/purge.go').includes('7:"DEL" redis-loop-round-trips!'));
      assert.deepEqual(hintsOfFile(files, 'internal/sessions/purge.go', null), []);
    });
  });
});
