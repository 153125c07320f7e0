/**
 * go-redis options a constructor takes as a parameter and completes before `redis.NewClient(options)`
 * (`options.TLSConfig = tlsConfig`), with a TLS config declared without a value and assigned under a condition
 * (`var tlsConfig *tls.Config; if env == "production" { tlsConfig = &tls.Config{InsecureSkipVerify: true} }`): the
 * fields the function sets are the client's, and each config the variable may hold is read. Seen in a Go cache
 * package whose production TLS skipped certificate verification, unreported.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const CACHE = sourceLines(
  'package cache', // 1
  'import (',
  '\t"context"',
  '\t"crypto/tls"',
  '\t"fmt"',
  '',
  '\tgoredis "github.com/redis/go-redis/v9"',
  ')',
  'type Config struct{ Host, Port, Env string }', // 9
  'func NewRedis(cfg Config, options *goredis.Options) *goredis.Client {', // 10
  '\tvar tlsConfig *tls.Config',
  '\tif cfg.Env == "production" {',
  '\t\ttlsConfig = &tls.Config{',
  '\t\t\tInsecureSkipVerify: true,', // 14
  '\t\t}',
  '\t}',
  '\toptions.Addr = fmt.Sprintf("%s:%s", cfg.Host, cfg.Port)',
  '\toptions.TLSConfig = tlsConfig', // 18
  '\tclient := goredis.NewClient(options)',
  '\tclient.Ping(context.Background())',
  '\treturn client',
  '}',
  'func NewVerified(cfg Config, options *goredis.Options) *goredis.Client {', // 23
  '\tvar tlsConfig *tls.Config',
  '\tif cfg.Env == "production" {',
  '\t\ttlsConfig = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: false}', // 26
  '\t}',
  '\toptions.TLSConfig = tlsConfig', // 28
  '\treturn goredis.NewClient(options)',
  '}',
  'func NewChecked(cfg Config, options *goredis.Options) *goredis.Client {', // 31
  '\ttlsConfig := &tls.Config{InsecureSkipVerify: true}', // 32
  '\ttlsConfig.InsecureSkipVerify = cfg.Env == "local"',
  '\toptions.TLSConfig = tlsConfig',
  '\treturn goredis.NewClient(options)',
  '}',
  'func newHTTPTransport() *tls.Config {', // 37
  '\tvar conf *tls.Config',
  '\tconf = &tls.Config{InsecureSkipVerify: true}', // 39
  '\treturn conf',
  '}',
);

describe('go-redis options completed by the function that takes them', () => {
  it('reads a config assigned under a condition to a variable the options take: verification off', () => {
    const found = hintsIn('cache.go', CACHE);
    assert.ok(found.includes('18:TLSConfig redis-tls'), found.join('\n'));
    assert.ok(found.includes('14:InsecureSkipVerify redis-tls!'), found.join('\n'));
  });

  it('stays silent on a config that verifies, one whose flag is set apart, and one no Redis client takes', () => {
    const found = hintsIn('cache.go', CACHE).filter((hint) => hint.endsWith('!'));
    for (const line of [26, 32, 33, 39]) {
      assert.deepEqual(
        found.filter((hint) => hint.startsWith(`${line}:`)),
        [],
        `line ${line}`,
      );
    }
  });
});
