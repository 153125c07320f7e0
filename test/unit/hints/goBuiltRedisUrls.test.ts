/**
 * Go Redis clients whose URL the code builds from parts (`"redis://" + host + ":" + port`, `fmt.Sprintf("rediss://%s",
 * addr)`, in the call or held by a local assigned once), and go-redis options held by a local whose fields are all
 * in view at `redis.NewClient(opts)`: the scheme or the missing `TLSConfig` tells that a password goes out in clear.
 * Seen in a Go service's redigo pool (`DialURL(url, DialPassword(...))` with `url := "redis://" + ...`).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function has(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function lacks(found: string[], rule: string, line: number): void {
  const hit = found.filter((hint) => hint.startsWith(`${line}:`) && hint.endsWith(`${rule}!`));
  assert.deepEqual(hit, [], `no ${rule} finding on line ${line} in\n${found.join('\n')}`);
}

describe('Go Redis URLs built from parts', () => {
  describe('redigo DialURL', () => {
    const cache = sourceLines(
      'package rediscache', // 1
      '// Cached user profiles.',
      'import (',
      '\t"fmt"',
      '\t"time"',
      '',
      '\t"github.com/gomodule/redigo/redis"',
      '\t"example.com/profiles/internal/settings"',
      ')',
      'var pool *redis.Pool', // 10
      'func Open(cfg settings.Cache) {',
      '\tpool = &redis.Pool{',
      '\t\tMaxIdle: cfg.MaxIdle,',
      '\t\tDial: func() (redis.Conn, error) {',
      '\t\t\taddress := "redis://" + cfg.Host + ":" + cfg.Port', // 15
      '\t\t\treturn redis.DialURL(address, redis.DialPassword(cfg.Secret), redis.DialConnectTimeout(2*time.Second))', // 16
      '\t\t},',
      '\t}',
      '}',
      'func dialSecure(cfg settings.Cache) (redis.Conn, error) {', // 20
      '\treturn redis.DialURL(fmt.Sprintf("rediss://%s:%d/0", cfg.Host, cfg.PortNumber), redis.DialPassword(cfg.Secret))', // 21
      '}',
      'func dialPlain(cfg settings.Cache) (redis.Conn, error) {', // 23
      '\treturn redis.DialURL(fmt.Sprintf("redis://%s:%d/0", cfg.Host, cfg.PortNumber), redis.DialPassword(cfg.Secret))', // 24
      '}',
      'func dialChosen(cfg settings.Cache) (redis.Conn, error) {', // 26
      '\ttarget := "redis://" + cfg.Host',
      '\tif cfg.UseTLS {',
      '\t\ttarget = "rediss://" + cfg.Host',
      '\t}',
      '\treturn redis.DialURL(target, redis.DialPassword(cfg.Secret))', // 31
      '}',
      'func dialDev(cfg settings.Cache) (redis.Conn, error) {', // 33
      '\treturn redis.DialURL("redis://localhost:"+cfg.Port, redis.DialPassword(cfg.Secret))', // 34
      '}',
      'func dialFromEnv(cfg settings.Cache) (redis.Conn, error) {', // 36
      '\treturn redis.DialURL(cfg.URL, redis.DialPassword(cfg.Secret))', // 37
      '}',
    );

    it('reads the scheme of a URL a local of the pool\'s dial function builds with `+`: a password without TLS', () => {
      has(hintsIn('cache.go', cache), '16:DialPassword redis-password', '16:DialPassword redis-auth-without-tls!');
    });

    it('reads a `fmt.Sprintf` format as the URL: `redis://` sends the password in clear, `rediss://` does not', () => {
      const found = hintsIn('cache.go', cache);
      has(found, '24:DialPassword redis-auth-without-tls!');
      lacks(found, 'redis-auth-without-tls', 21);
    });

    it('stays silent on a local assigned again, a local host, and a URL the code does not build', () => {
      const found = hintsIn('cache.go', cache);
      lacks(found, 'redis-auth-without-tls', 31);
      lacks(found, 'redis-auth-without-tls', 34);
      lacks(found, 'redis-auth-without-tls', 37);
    });
  });

  describe('go-redis and rueidis ParseURL', () => {
    it('reads a password in a formatted URL without TLS, and not one with `rediss://` or without a password', () => {
      const found = hintsIn(
        'store.go',
        sourceLines(
          'package store', // 1
          'import (',
          '\t"fmt"',
          '',
          '\t"github.com/redis/go-redis/v9"',
          ')',
          'func Connect(user, secret, endpoint string) (*redis.Client, error) {', // 7
          '\topt, err := redis.ParseURL(fmt.Sprintf("redis://%s:%s@%s/0", user, secret, endpoint))', // 8
          '\tif err != nil {',
          '\t\treturn nil, err',
          '\t}',
          '\treturn redis.NewClient(opt), nil',
          '}',
          'func ConnectTLS(user, secret, endpoint string) (*redis.Client, error) {', // 14
          '\topt, err := redis.ParseURL(fmt.Sprintf("rediss://%s:%s@%s/0", user, secret, endpoint))', // 15
          '\tif err != nil {',
          '\t\treturn nil, err',
          '\t}',
          '\treturn redis.NewClient(opt), nil',
          '}',
          'func ConnectOpen(endpoint string) *redis.Client {', // 21
          '\topt, _ := redis.ParseURL("redis://" + endpoint + "/0")', // 22
          '\treturn redis.NewClient(opt)',
          '}',
        ),
      );
      has(found, '8:%s redis-password', '8:%s redis-auth-without-tls!');
      lacks(found, 'redis-auth-without-tls', 15);
      lacks(found, 'redis-auth-without-tls', 22);
    });
  });

  it('reads a rueidis URL built with `fmt.Sprintf` as go-redis reads one', () => {
    const found = hintsIn(
      'client.go',
      sourceLines(
        'package client', // 1
        'import (',
        '\t"fmt"',
        '\t"github.com/redis/rueidis"',
        ')',
        'func Open(secret, endpoint string) (rueidis.Client, error) {', // 6
        '\topt, err := rueidis.ParseURL(fmt.Sprintf("redis://:%s@%s", secret, endpoint))', // 7
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\treturn rueidis.NewClient(opt)',
        '}',
      ),
    );
    has(found, '7:%s redis-auth-without-tls!');
  });

  describe('go-redis options held by a local', () => {
    const client = sourceLines(
      'package cache', // 1
      'import (',
      '\t"crypto/tls"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'type Settings struct{ Addr, Password string; TLS bool }', // 7
      'func New(s Settings) *redis.Client {', // 8
      '\topts := &redis.Options{',
      '\t\tAddr:     s.Addr,',
      '\t\tPassword: s.Password,', // 11
      '\t}',
      '\topts.PoolSize = 32',
      '\treturn redis.NewClient(opts)',
      '}',
      'func NewSecure(s Settings) *redis.Client {', // 16
      '\topts := &redis.Options{Addr: s.Addr, Password: s.Password}', // 17
      '\tif s.TLS {',
      '\t\topts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}',
      '\t}',
      '\treturn redis.NewClient(opts)',
      '}',
      'func NewTuned(s Settings) *redis.Client {', // 23
      '\topts := &redis.Options{Addr: s.Addr, Password: s.Password}', // 24
      '\ttune(opts)',
      '\treturn redis.NewClient(opts)',
      '}',
      'func tune(o *redis.Options) {}',
      'var defaults = &redis.Options{Addr: "cache:6379", Password: ""}', // 29
      'func NewDefault() *redis.Client {',
      '\treturn redis.NewClient(defaults)',
      '}',
    );

    it('reads options whose fields are all set in view before the call: a password without TLS', () => {
      has(hintsIn('cache.go', client), '11:Password redis-auth-without-tls!');
    });

    it('stays silent when a field the code sets may turn TLS on, or the options go through another function first', () => {
      const found = hintsIn('cache.go', client);
      lacks(found, 'redis-auth-without-tls', 17);
      lacks(found, 'redis-auth-without-tls', 24);
      lacks(found, 'redis-auth-without-tls', 29);
    });
  });
});
