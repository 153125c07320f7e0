/**
 * Fields of a Go `tls.Config` set after it is made and before a Redis client gets it: on the options' own config
 * (`opts.TLSConfig.InsecureSkipVerify = true`, on a literal's config or on the one `redis.ParseURL` makes for a
 * `rediss://` URL), or on a config variable (`cfg.InsecureSkipVerify = true`, then `TLSConfig: cfg`), for go-redis,
 * rueidis and redigo. A switch set under a condition still turns verification off on the runs that take it; one
 * set back to `false` apart silences the literal's `true`, and one set after the client is made changes nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function redisHints(file: string, lines: string): string[] {
  return hintsIn(file, lines).filter((hint) => / redis-tls/.test(hint));
}

describe('Go TLS config fields set apart from the literal', () => {
  it('reports InsecureSkipVerify set on the options config under a condition, not a value it reads', () => {
    const code = sourceLines(
      'package main', // 1
      'import (',
      '\t"crypto/tls"',
      '\t"os"',
      '\t"runtime"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'func connect(skip bool) *redis.Client {',
      '\topts := &redis.UniversalOptions{Addrs: []string{os.Getenv("CACHE_ADDR")}, TLSConfig: &tls.Config{InsecureSkipVerify: skip}}',
      '\tif runtime.GOOS == "darwin" {', // 10
      '\t\topts.TLSConfig.InsecureSkipVerify = true',
      '\t}',
      '\treturn redis.NewUniversalClient(opts)',
      '}',
    );
    assert.deepEqual(redisHints('cache.go', code), ['9:TLSConfig redis-tls', '9:InsecureSkipVerify redis-tls', '11:InsecureSkipVerify redis-tls', '11:InsecureSkipVerify redis-tls!']);
  });

  it('reads a field set on the config of parsed URL options', () => {
    const code = sourceLines(
      'package main',
      'import (',
      '\t"os"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'func connect() *redis.Client {',
      '\topt, err := redis.ParseURL(os.Getenv("REDIS_URL"))',
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}', // 10
      '\topt.TLSConfig.InsecureSkipVerify = true',
      '\treturn redis.NewClient(opt)',
      '}',
    );
    assert.deepEqual(redisHints('cache.go', code).filter((hint) => hint.startsWith('11:')), ['11:InsecureSkipVerify redis-tls', '11:InsecureSkipVerify redis-tls!']);
  });

  it('reads a field set on a config variable, and lets one set back to false silence the literal', () => {
    const code = sourceLines(
      'package main', // 1
      'import (',
      '\t"crypto/tls"',
      '\t"os"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      'func skipping() *redis.Client {',
      '\tcfg := &tls.Config{MinVersion: tls.VersionTLS12}',
      '\tif os.Getenv("CACHE_INSECURE") == "1" {',
      '\t\tcfg.InsecureSkipVerify = true', // 10
      '\t}',
      '\treturn redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR"), TLSConfig: cfg})',
      '}',
      'func verifying() *redis.Client {',
      '\tcfg := &tls.Config{InsecureSkipVerify: true}', // 15
      '\tif os.Getenv("CACHE_CA") != "" {',
      '\t\tcfg.InsecureSkipVerify = false',
      '\t}',
      '\tclient := redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR"), TLSConfig: cfg})',
      '\tcfg.InsecureSkipVerify = true', // 20
      '\treturn client',
      '}',
    );
    const found = redisHints('cache.go', code);
    assert.ok(found.includes('10:InsecureSkipVerify redis-tls!'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('15:') && hint.endsWith('!')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('20:')), found.join('\n'));
  });

  it('reads a field set on a config variable given to rueidis and to redigo', () => {
    const code = sourceLines(
      'package main', // 1
      'import (',
      '\t"crypto/tls"',
      '\t"os"',
      '\t"github.com/gomodule/redigo/redis"',
      '\t"github.com/redis/rueidis"',
      ')',
      'func connect() (rueidis.Client, redis.Conn) {',
      '\tcfg := &tls.Config{}',
      '\tcfg.InsecureSkipVerify = true', // 10
      '\tclient, _ := rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{os.Getenv("CACHE_ADDR")}, TLSConfig: cfg})',
      '\tconn, _ := redis.Dial("tcp", os.Getenv("CACHE_ADDR"), redis.DialUseTLS(true), redis.DialTLSConfig(cfg))',
      '\treturn client, conn',
      '}',
    );
    assert.deepEqual(redisHints('cache.go', code).filter((hint) => hint.startsWith('10:')), ['10:InsecureSkipVerify redis-tls', '10:InsecureSkipVerify redis-tls!']);
  });
});
