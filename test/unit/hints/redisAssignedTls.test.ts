/**
 * Redis client options built apart and completed by assignment before the client is made: go-redis
 * `opt.TLSConfig = &tls.Config{InsecureSkipVerify: true}` on a held `&redis.Options{...}` or on the
 * options `redis.ParseURL` returned, and ioredis / node-redis `options.tls = { rejectUnauthorized: false }`.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const HEADER = ['package cache', 'import (', '\t"context"', '\t"crypto/tls"', '\t"os"', '\t"github.com/redis/go-redis/v9"', ')'];

describe('go-redis options completed by assignment', () => {
  it('reads a TLS config assigned under a flag to cluster options held by a variable', () => {
    const found = hintsIn(
      'redis.go',
      sourceLines(
        ...HEADER,
        'func newClusterClient(addr, user, password string, useTLS bool) (*redis.ClusterClient, error) {',
        '\tconfig := &redis.ClusterOptions{Addrs: []string{addr}, Username: user, Password: password}',
        '\tif useTLS {',
        '\t\tconfig.TLSConfig = &tls.Config{',
        '\t\t\tInsecureSkipVerify: true,',
        '\t\t}',
        '\t}',
        '\tclient := redis.NewClusterClient(config)',
        '\treturn client, client.Ping(context.Background()).Err()',
        '}',
      ),
    );
    assert.ok(found.includes('11:TLSConfig redis-tls'), found.join('\n'));
    assert.ok(found.includes('12:InsecureSkipVerify redis-tls!'), found.join('\n'));
    // TLS may be on: the password alone is no finding.
    assert.ok(!found.some((hint) => hint.endsWith('redis-auth-without-tls!')), found.join('\n'));
  });

  it('reads a TLS config assigned to the options ParseURL returned', () => {
    const found = hintsIn(
      'client.go',
      sourceLines(
        ...HEADER,
        'type Store struct{ rdb *redis.Client }',
        'func NewStore() (*Store, error) {',
        '\topt, err := redis.ParseURL("rediss://sessions.example.internal:6379/0")',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\topt.TLSConfig = &tls.Config{InsecureSkipVerify: true}',
        '\treturn &Store{rdb: redis.NewClient(opt)}, nil',
        '}',
      ),
    );
    assert.ok(found.includes('14:InsecureSkipVerify redis-tls!'), found.join('\n'));
  });

  it('reads a TLS config held by a variable, and options passed by address', () => {
    const found = hintsIn(
      'clients.go',
      sourceLines(
        ...HEADER,
        'func newSessionClient() *redis.Client {',
        '\ttlsConfig := &tls.Config{InsecureSkipVerify: true}',
        '\treturn redis.NewClient(&redis.Options{Addr: os.Getenv("SESSIONS_ADDR"), TLSConfig: tlsConfig})',
        '}',
        'func newQueueClient() *redis.Client {',
        '\topts := redis.Options{Addr: os.Getenv("QUEUE_ADDR")}',
        '\topts.TLSConfig = &tls.Config{InsecureSkipVerify: true}',
        '\treturn redis.NewClient(&opts)',
        '}',
        'func newUniversal(insecure *tls.Config) redis.UniversalClient {',
        '\topts := &redis.UniversalOptions{Addrs: []string{os.Getenv("CACHE_ADDR")}}',
        '\topts.TLSConfig = insecure',
        '\treturn redis.NewUniversalClient(opts)',
        '}',
      ),
    );
    assert.ok(found.includes('9:InsecureSkipVerify redis-tls!'), found.join('\n'));
    assert.ok(found.includes('14:InsecureSkipVerify redis-tls!'), found.join('\n'));
    // A config from the caller is unknown.
    assert.ok(found.includes('19:TLSConfig redis-tls'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('19:') && hint.endsWith('!')), found.join('\n'));
  });

  it('stays silent for a config variable whose verification is set apart', () => {
    const found = hintsIn(
      'redis.go',
      sourceLines(
        ...HEADER,
        'func newClient(verify bool) *redis.Client {',
        '\topts := &redis.Options{Addr: os.Getenv("REDIS_ADDR")}',
        '\ttlsConfig := &tls.Config{InsecureSkipVerify: true}',
        '\tif verify {',
        '\t\ttlsConfig.InsecureSkipVerify = false',
        '\t}',
        '\topts.TLSConfig = tlsConfig',
        '\treturn redis.NewClient(opts)',
        '}',
      ),
    );
    assert.ok(found.includes('14:TLSConfig redis-tls'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith('!')), found.join('\n'));
  });

  it('stays silent for a verifying config, a flag read at run time, and a field set after the client is made', () => {
    const found = hintsIn(
      'redis.go',
      sourceLines(
        ...HEADER,
        'func newClient(ctx context.Context) *redis.Client {',
        '\topt := &redis.Options{Addr: os.Getenv("REDIS_ADDR"), Password: os.Getenv("REDIS_PASSWORD")}',
        '\topt.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: os.Getenv("REDIS_SKIP_VERIFY") == "1"}',
        '\tclient := redis.NewClient(opt)',
        '\topt.TLSConfig = &tls.Config{InsecureSkipVerify: true}',
        '\treturn client',
        '}',
        'func otherClient() *redis.Client {',
        '\topt := &redis.Options{Addr: os.Getenv("REDIS_ADDR")}',
        '\treturn redis.NewClient(opt)',
        '}',
        'func unrelated() {',
        '\topt := &redis.Options{}',
        '\topt.TLSConfig = &tls.Config{InsecureSkipVerify: true}',
        '}',
      ),
    );
    assert.ok(found.includes('10:TLSConfig redis-tls'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith('!')), found.join('\n'));
  });
});

describe('JavaScript Redis options completed by assignment', () => {
  it('reads the keys of an object assigned to an options variable', () => {
    const found = hintsIn(
      'src/lib/redis.js',
      sourceLines(
        "const Redis = require('ioredis');",
        'function createRedisClient() {',
        '  const options = { host: process.env.REDIS_HOST, port: 6379, password: process.env.REDIS_PASSWORD };',
        "  if (process.env.REDIS_TLS === 'true') {",
        '    options.tls = { rejectUnauthorized: false };',
        '  }',
        '  return new Redis(options);',
        '}',
        'module.exports = { createRedisClient };',
      ),
    );
    assert.ok(found.includes('5:tls redis-tls'), found.join('\n'));
    assert.ok(found.includes('5:rejectUnauthorized redis-tls!'), found.join('\n'));
  });

  it('reads a TLS object that the tls or socket option names by a variable', () => {
    const found = hintsIn(
      'src/infra/cache.ts',
      sourceLines(
        "import Redis from 'ioredis';",
        "import { createClient } from 'redis';",
        'const tlsOptions = { rejectUnauthorized: false };',
        'const socketOptions = { host: process.env.QUEUE_HOST, port: 6380, tls: true as const, rejectUnauthorized: false };',
        'export class CacheFactory {',
        '  sessions(): Redis {',
        '    return new Redis({ host: process.env.REDIS_HOST, password: process.env.REDIS_PASSWORD, tls: tlsOptions });',
        '  }',
        '  queue() {',
        '    return createClient({ password: process.env.QUEUE_PASSWORD, socket: socketOptions });',
        '  }',
        '}',
      ),
    );
    assert.ok(found.includes('3:rejectUnauthorized redis-tls!'), found.join('\n'));
    assert.ok(found.includes('4:rejectUnauthorized redis-tls!'), found.join('\n'));
  });

  it('stays silent for a TLS object that verifies, or whose keys the code also sets apart', () => {
    const found = hintsIn(
      'src/infra/cache.js',
      sourceLines(
        "const fs = require('fs');",
        "const Redis = require('ioredis');",
        "const verified = { ca: fs.readFileSync('/opt/certs/ca.pem') };",
        'const relaxed = { rejectUnauthorized: false };',
        "if (process.env.NODE_ENV === 'production') {",
        '  relaxed.rejectUnauthorized = true;',
        '}',
        'const sessions = new Redis({ host: process.env.REDIS_HOST, tls: verified });',
        'const jobs = new Redis({ host: process.env.JOBS_HOST, tls: relaxed });',
        'module.exports = { sessions, jobs };',
      ),
    );
    assert.ok(found.includes('8:tls redis-tls'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith('!')), found.join('\n'));
  });

  it('stays silent for a verifying TLS object, a flag from the environment, and an object assigned after the client is made', () => {
    const found = hintsIn(
      'src/cache/client.ts',
      sourceLines(
        "import { createClient, RedisClientOptions } from 'redis';",
        'export async function connectCache() {',
        '  const options: RedisClientOptions = { url: process.env.REDIS_URL };',
        "  options.socket = { tls: true, rejectUnauthorized: process.env.REDIS_VERIFY !== 'false' };",
        '  const client = createClient(options);',
        '  options.socket = { tls: true, rejectUnauthorized: false };',
        '  await client.connect();',
        '  return client;',
        '}',
      ),
    );
    assert.ok(found.includes('4:rejectUnauthorized redis-tls'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith('!')), found.join('\n'));
  });
});
