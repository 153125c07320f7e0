/**
 * rueidis (github.com/redis/rueidis) and valkey-go (github.com/valkey-io/valkey-go): clients from `NewClient`,
 * the commands their builders make and the sender that sends them, the options the TLS and AUTH rules read,
 * the go-redis-like adapter; and the code that shares their names.
 */
import * as assert from 'node:assert/strict';
import { pickExample } from '../../../src/hints/examples';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, realHintRules, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function findings(found: string[]): string[] {
  return found.filter((hint) => hint.endsWith('!')).sort();
}

const IMPORTS = ['import (', '\t"context"', '\t"crypto/tls"', '\t"os"', '\t"time"', '', '\t"github.com/redis/rueidis"', ')'];

describe('rueidis and valkey-go', () => {
  describe('clients and commands', () => {
    // A cache struct holding the client built in its constructor, with methods that send commands.
    const cache = sourceLines(
      'package cache', // 1
      ...IMPORTS, // 2-9
      'type Cache struct {', // 10
      '\tclient rueidis.Client',
      '\tttl    time.Duration',
      '}',
      'func NewCache(addr string) (*Cache, error) {', // 14
      '\tclient, err := rueidis.NewClient(rueidis.ClientOption{',
      '\t\tInitAddress: []string{addr},',
      '\t\tPassword:    os.Getenv("REDIS_PASSWORD"),', // 17
      '\t})',
      '\tif err != nil {',
      '\t\treturn nil, err',
      '\t}',
      '\treturn &Cache{client: client, ttl: time.Hour}, nil',
      '}',
      'func (c *Cache) Purge(ctx context.Context, pattern string) error {', // 24
      '\tkeys, err := c.client.Do(ctx, c.client.B().Keys().Pattern(pattern).Build()).AsStrSlice()', // 25
      '\tif err != nil {',
      '\t\treturn err',
      '\t}',
      '\tfor _, key := range keys {', // 29
      '\t\tif err := c.client.Do(ctx, c.client.B().Del().Key(key).Build()).Error(); err != nil {', // 30
      '\t\t\treturn err',
      '\t\t}',
      '\t}',
      '\treturn nil',
      '}',
      'func (c *Cache) Touch(ctx context.Context, keys []string) error {', // 36
      '\tcmds := make(rueidis.Commands, 0, len(keys))',
      '\tfor _, key := range keys {',
      '\t\tcmds = append(cmds, c.client.B().Expire().Key(key).Seconds(3600).Build())', // 39
      '\t}',
      '\tfor _, resp := range c.client.DoMulti(ctx, cmds...) {',
      '\t\tif err := resp.Error(); err != nil {',
      '\t\t\treturn err',
      '\t\t}',
      '\t}',
      '\treturn nil',
      '}',
      'func (c *Cache) Lock(ctx context.Context, key string) error {', // 48
      '\tif err := c.client.Do(ctx, c.client.B().Set().Key(key).Value("1").Nx().Build()).Error(); err != nil {', // 49
      '\t\treturn err',
      '\t}',
      '\treturn c.client.Do(ctx, c.client.B().Expire().Key(key).Seconds(30).Build()).Error()', // 52
      '}',
    );

    it('reads a client held by a struct and built in a constructor: KEYS, and a Do per key in a loop', () => {
      const found = hintsIn('cache.go', cache);
      assertHas(found, '25:Keys redis-keys', '25:Keys redis-keys!', '30:Del redis-unlink', '30:Del redis-loop-round-trips!');
    });

    it('keeps commands built in a loop and sent with one DoMulti silent: one round trip', () => {
      const found = hintsIn('cache.go', cache);
      assertHas(found, '39:Expire redis-expire');
      assert.ok(!found.includes('39:Expire redis-loop-round-trips!'), found.join('\n'));
    });

    it('pairs a SET without a TTL with the EXPIRE of the same key that follows', () => {
      const found = hintsIn('cache.go', cache);
      assertHas(found, '49:Set redis-expire!');
      assert.ok(!found.includes('52:Expire redis-expire!'), found.join('\n'));
    });

    it('reads a password given without TLS', () => {
      const found = hintsIn('cache.go', cache);
      assertHas(found, '17:Password redis-auth-without-tls!');
      assert.deepEqual(findings(found), ['17:Password redis-auth-without-tls!', '25:Keys redis-keys!', '30:Del redis-loop-round-trips!', '49:Set redis-expire!']);
    });

    it('reads a helper that takes the client, a handler, DoCache, a dedicated client, an embedded client and valkey-go', () => {
      const found = hintsIn(
        'admin.go',
        sourceLines(
          'package admin', // 1
          'import (',
          '\t"context"',
          '\t"net/http"',
          '\t"time"',
          '\tvk "github.com/valkey-io/valkey-go"',
          ')',
          'func reset(ctx context.Context, client vk.Client) error {', // 8
          '\treturn client.Do(ctx, client.B().Flushall().Build()).Error()', // 9
          '}',
          'type Handler struct {', // 11
          '\tvk.Client',
          '}',
          'func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {', // 14
          '\tids := r.URL.Query()["id"]',
          '\tfor _, id := range ids {',
          '\t\th.DoCache(r.Context(), h.B().Get().Key("user:"+id).Cache(), time.Minute)', // 17
          '\t\th.Do(r.Context(), h.B().Unlink().Key("session:"+id).Build())', // 18
          '\t}',
          '}',
          'func swap(client vk.Client, ctx context.Context) error {', // 21
          '\treturn client.Dedicated(func(c vk.DedicatedClient) error {',
          '\t\tc.Do(ctx, c.B().Arbitrary("CONFIG", "SET").Args("maxmemory-policy", "allkeys-lru").Build())', // 23
          '\t\treturn nil',
          '\t})',
          '}',
        ),
      );
      assertHas(found, '9:Flushall redis-flush!', '18:Unlink redis-loop-round-trips!', '23:Arbitrary redis-config');
      // DoCache answers from the client-side cache: a hit sends nothing, so the loop of line 17 is no round trip per key.
      assert.deepEqual(findings(found), ['18:Unlink redis-loop-round-trips!', '9:Flushall redis-flush!']);
    });

    it('keeps a SCAN loop that unlinks each batch silent, and shows the SCAN and MULTI hovers', () => {
      const found = hintsIn(
        'sweep.go',
        sourceLines(
          'package sweep',
          'import (',
          '\t"context"',
          '\t"github.com/redis/rueidis"',
          ')',
          'func Sweep(ctx context.Context, client rueidis.Client, pattern string) error {', // 6
          '\tvar cursor uint64',
          '\tfor {',
          '\t\tentry, err := client.Do(ctx, client.B().Scan().Cursor(cursor).Match(pattern).Count(500).Build()).AsScanEntry()', // 9
          '\t\tif err != nil {',
          '\t\t\treturn err',
          '\t\t}',
          '\t\tclient.Do(ctx, client.B().Unlink().Key(entry.Elements...).Build())', // 13
          '\t\tif cursor = entry.Cursor; cursor == 0 {',
          '\t\t\treturn nil',
          '\t\t}',
          '\t}',
          '}',
          'func Visit(ctx context.Context, client rueidis.Client, key string) {', // 19
          '\tclient.DoMulti(ctx, client.B().Multi().Build(), client.B().Incr().Key(key).Build(), client.B().Expire().Key(key).Seconds(60).Build(), client.B().Exec().Build())', // 20
          '}',
        ),
      );
      assertHas(found, '9:Scan redis-scan', '13:Unlink redis-unlink', '20:Multi redis-multi', '20:Expire redis-expire');
      // The INCR and EXPIRE go out in one MULTI/EXEC: no finding for the counter.
      assert.deepEqual(findings(found), []);
    });

    it('reads a command held by a variable and sent by the Do that uses it next; one appended first is sent later', () => {
      const found = hintsIn(
        'profiles.go',
        sourceLines(
          'package profiles',
          'import (',
          '\t"context"',
          '\t"github.com/redis/rueidis"',
          ')',
          'func Save(ctx context.Context, client rueidis.Client, profiles map[string]string) error {', // 6
          '\tfor id, profile := range profiles {',
          '\t\tcmd := client.B().Hset().Key("profile:" + id).FieldValue().FieldValue("json", profile).Build()', // 8
          '\t\tif err := client.Do(ctx, cmd).Error(); err != nil {',
          '\t\t\treturn err',
          '\t\t}',
          '\t}',
          '\treturn nil',
          '}',
          'func SaveAll(ctx context.Context, client rueidis.Client, profiles map[string]string) {', // 15
          '\tcmds := make(rueidis.Commands, 0, len(profiles))',
          '\tfor id, profile := range profiles {',
          '\t\tcmd := client.B().Hset().Key("profile:" + id).FieldValue().FieldValue("json", profile).Build()', // 18
          '\t\tcmds = append(cmds, cmd)',
          '\t}',
          '\tclient.DoMulti(ctx, cmds...)',
          '}',
        ),
      );
      assert.deepEqual(findings(found), ['8:Hset redis-loop-round-trips!']);
    });

    it('reads the old import path, and keeps a SET that carries its TTL silent before an EXPIRE', () => {
      const found = hintsIn(
        'session.go',
        sourceLines(
          'package session',
          'import (',
          '\t"context"',
          '\t"time"',
          '\t"github.com/rueian/rueidis"',
          ')',
          'type Sessions struct{ c rueidis.Client }',
          'func (s Sessions) Save(ctx context.Context, id, value string) error {', // 8
          '\tif err := s.c.Do(ctx, s.c.B().Set().Key("session:"+id).Value(value).Ex(time.Hour).Build()).Error(); err != nil {', // 9
          '\t\treturn err',
          '\t}',
          '\treturn s.c.Do(ctx, s.c.B().Expire().Key("session:"+id).Seconds(7200).Build()).Error()', // 12
          '}',
          'func (s Sessions) Count(ctx context.Context, id string) error {', // 14
          '\ts.c.Do(ctx, s.c.B().Incr().Key("hits:"+id).Build())', // 15
          '\treturn s.c.Do(ctx, s.c.B().Expire().Key("hits:"+id).Seconds(60).Build()).Error()',
          '}',
        ),
      );
      assertHas(found, '9:Set redis-expire', '15:Incr redis-expire!');
      assert.deepEqual(findings(found), ['15:Incr redis-expire!']);
    });

    it('reads the go-redis-like adapter as go-redis', () => {
      const found = hintsIn(
        'compat.go',
        sourceLines(
          'package compat',
          'import (',
          '\t"context"',
          '\t"github.com/redis/rueidis"',
          '\t"github.com/redis/rueidis/rueidiscompat"',
          ')',
          'type Store struct {', // 7
          '\tdb rueidiscompat.Cmdable',
          '}',
          'func NewStore(client rueidis.Client) *Store {',
          '\treturn &Store{db: rueidiscompat.NewAdapter(client)}',
          '}',
          'func (s *Store) Sessions(ctx context.Context) ([]string, error) {', // 13
          '\treturn s.db.Keys(ctx, "session:*").Result()', // 14
          '}',
          'func (s *Store) Drop(ctx context.Context, ids []string) error {', // 16
          '\t_, err := s.db.Pipelined(ctx, func(p rueidiscompat.Pipeliner) error {',
          '\t\tfor _, id := range ids {',
          '\t\t\tp.Del(ctx, "session:"+id)', // 19
          '\t\t}',
          '\t\treturn nil',
          '\t})',
          '\treturn err',
          '}',
        ),
      );
      assertHas(found, '14:Keys redis-keys!', '19:Del redis-unlink');
      assert.deepEqual(findings(found), ['14:Keys redis-keys!']);
      const valkey = hintsIn(
        'compat.go',
        sourceLines(
          'package compat',
          'import (',
          '\t"context"',
          '\t"github.com/valkey-io/valkey-go"',
          '\t"github.com/valkey-io/valkey-go/valkeycompat"',
          ')',
          'func flush(ctx context.Context, client valkey.Client) error {',
          '\treturn valkeycompat.NewAdapter(client).FlushAll(ctx).Err()', // 8
          '}',
        ),
      );
      assert.deepEqual(findings(valkey), ['8:FlushAll redis-flush!']);
    });

    it('stays silent on the Do and B of other types, on go-redis and redigo, and in a test', () => {
      const other = hintsIn(
        'client.go',
        sourceLines(
          'package client',
          'import (',
          '\t"context"',
          '\t"net/http"',
          '\t"github.com/redis/rueidis"',
          ')',
          'type Builder struct{}',
          'func (Builder) Keys() Builder { return Builder{} }',
          'type Runner struct{}',
          'func (Runner) B() Builder { return Builder{} }',
          'func (Runner) Do(ctx context.Context, b Builder) error { return nil }',
          'func fetch(ctx context.Context, c *http.Client, reqs []*http.Request, r Runner) {',
          '\tfor _, req := range reqs {',
          '\t\tc.Do(req)',
          '\t\tr.Do(ctx, r.B().Keys())',
          '\t}',
          '}',
          'var _ rueidis.Client',
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
      const redigo = hintsIn(
        'conn.go',
        sourceLines('package conn', 'import "github.com/gomodule/redigo/redis"', 'func purge(conn redis.Conn) {', '\tconn.Do("KEYS", "*")', '}'),
      );
      assert.deepEqual(redigo.sort(), ['4:"KEYS" redis-keys', '4:"KEYS" redis-keys!']);
      const test = hintsIn(
        'cache_test.go',
        sourceLines(
          'package cache',
          'import (',
          '\t"context"',
          '\t"testing"',
          '\t"github.com/redis/rueidis"',
          ')',
          'func TestPurge(t *testing.T) {',
          '\tclient, _ := rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{"127.0.0.1:6379"}})',
          '\tctx := context.Background()',
          '\tclient.Do(ctx, client.B().Flushall().Build())',
          '\tfor _, key := range []string{"a", "b"} {',
          '\t\tclient.Do(ctx, client.B().Set().Key(key).Value("1").Build())',
          '\t}',
          '}',
        ),
      );
      assert.deepEqual(findings(test), []);
    });

    it('shows the rueidis example in a command hover', () => {
      const rule = realHintRules().find((each) => each.id === 'redis-keys')!;
      assert.match(pickExample(rule, 'go', 'rueidis')?.code ?? '', /client\.B\(\)\.Scan\(\)\.Cursor\(cursor\)/);
    });
  });

  describe('client options', () => {
    it('flags a password without TLS in ClientOption and in a redis:// URL', () => {
      const found = hintsIn(
        'client.go',
        sourceLines(
          'package client', // 1
          ...IMPORTS, // 2-9
          'func FromURL() (rueidis.Client, error) {', // 10
          '\topt, err := rueidis.ParseURL("redis://:s3cret@cache.internal:6379/0")', // 11
          '\tif err != nil {',
          '\t\treturn nil, err',
          '\t}',
          '\treturn rueidis.NewClient(opt)',
          '}',
          'type Config struct{ Addr, User, Password string }', // 17
          'func New(cfg Config) (rueidis.Client, error) {',
          '\treturn rueidis.NewClient(rueidis.ClientOption{',
          '\t\tInitAddress: []string{cfg.Addr},',
          '\t\tUsername:    cfg.User,',
          '\t\tPassword:    cfg.Password,', // 22
          '\t})',
          '}',
        ),
      );
      assertHas(found, '11:s3cret redis-auth-without-tls!', '11:s3cret redis-password!', '22:Password redis-auth-without-tls!');
    });

    it('stays silent on a password with TLS, a URL it cannot see, a custom dialer, a local server, options filled apart', () => {
      const found = hintsIn(
        'client.go',
        sourceLines(
          'package client',
          ...IMPORTS,
          'import "net"',
          'func clients(ctx context.Context, cfg *tls.Config) {',
          '\trueidis.NewClient(rueidis.ClientOption{InitAddress: []string{"cache:6379"}, Password: os.Getenv("PW"), TLSConfig: cfg})',
          '\trueidis.NewClient(rueidis.MustParseURL("rediss://:" + os.Getenv("PW") + "@cache:6379"))',
          '\topt, _ := rueidis.ParseURL(os.Getenv("REDIS_URL"))',
          '\trueidis.NewClient(opt)',
          '\trueidis.NewClient(rueidis.ClientOption{InitAddress: []string{"cache:6379"}, Password: os.Getenv("PW"),',
          '\t\tDialCtxFn: func(ctx context.Context, addr string, d *net.Dialer, c *tls.Config) (net.Conn, error) { return tls.DialWithDialer(d, "tcp", addr, c) }})',
          '\trueidis.NewClient(rueidis.ClientOption{InitAddress: []string{"localhost:6379"}, Password: os.Getenv("PW")})',
          '\tsecure, _ := rueidis.ParseURL("rediss://cache.internal:6379")',
          '\tsecure.Password = os.Getenv("PW")',
          '\trueidis.NewClient(secure)',
          // Options held by a variable: what else sets their fields is not visible.
          '\tbase := rueidis.ClientOption{InitAddress: []string{"cache:6379"}}',
          '\tbase.Password = os.Getenv("PW")',
          '\trueidis.NewClient(base)',
          '}',
        ),
      );
      assert.deepEqual(findings(found), []);
    });

    it('reads the options and commands of a client the OpenTelemetry package makes or wraps', () => {
      const found = hintsIn(
        'traced.go',
        sourceLines(
          'package traced', // 1
          'import (',
          '\t"context"',
          '\t"os"',
          '\t"github.com/redis/rueidis"',
          '\t"github.com/redis/rueidis/rueidisotel"',
          ')',
          'func purge(ctx context.Context) error {', // 8
          '\tclient, err := rueidisotel.NewClient(rueidis.ClientOption{InitAddress: []string{"cache:6379"}, Password: os.Getenv("PW")})', // 9
          '\tif err != nil {',
          '\t\treturn err',
          '\t}',
          '\ttraced := rueidisotel.WithClient(client)',
          '\treturn traced.Do(ctx, traced.B().Flushall().Build()).Error()', // 14
          '}',
        ),
      );
      assert.deepEqual(findings(found), ['14:Flushall redis-flush!', '9:Password redis-auth-without-tls!']);
    });

    it('flags InsecureSkipVerify and a skip_verify URL parameter where TLS is on', () => {
      const found = hintsIn(
        'client.go',
        sourceLines(
          'package client', // 1
          ...IMPORTS, // 2-9
          'func clients() {', // 10
          '\trueidis.NewClient(rueidis.ClientOption{InitAddress: []string{"cache:6379"}, TLSConfig: &tls.Config{InsecureSkipVerify: true}})', // 11
          '\trueidis.NewClient(rueidis.MustParseURL("rediss://cache:6379?skip_verify=true"))', // 12
          '\trueidis.NewClient(rueidis.MustParseURL("rediss://cache:6379?skip_verify="))', // 13
          '\trueidis.NewClient(rueidis.MustParseURL("rediss://cache:6379?skip_verify=false"))', // 14
          '\trueidis.NewClient(rueidis.MustParseURL("redis://cache:6379?skip_verify=true"))', // 15
          '}',
        ),
      );
      assert.deepEqual(findings(found), ['11:InsecureSkipVerify redis-tls!', '12:skip_verify redis-tls!', '13:skip_verify redis-tls!']);
    });
  });

  describe('workspace', () => {
    it('reads a client field a struct of another file of the package declares, in a file that does not import rueidis', () => {
      const files = {
        'internal/sessions/store.go': sourceLines('package sessions', '', 'import "github.com/redis/rueidis"', '', 'type Store struct {', '\tclient rueidis.Client', '}'),
        'internal/sessions/purge.go': sourceLines(
          'package sessions',
          '',
          'import "context"',
          '',
          'func (s *Store) Purge(ctx context.Context, ids []string) {',
          '\tfor _, id := range ids {',
          '\t\ts.client.Do(ctx, s.client.B().Del().Key("session:"+id).Build())', // 7
          '\t}',
          '}',
        ),
      };
      assert.ok(hintsOfFile(files, 'internal/sessions/purge.go').includes('7:Del redis-loop-round-trips!'));
      assert.deepEqual(hintsOfFile(files, 'internal/sessions/purge.go', null), []);
    });
  });
});
