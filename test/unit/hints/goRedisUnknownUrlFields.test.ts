/**
 * go-redis options parsed from a URL the code does not write (`redis.ParseURL(os.Getenv("REDIS_URL"))`, a parameter)
 * and completed by fields set afterwards (`opt.Password = ...`, `opt.TLSConfig = &tls.Config{...}`): the fields are
 * read (`code/languages/goUrls.ts`), so a literal password and certificate verification turned off are reported and a
 * password from the environment gets its hover. Nothing is judged of what the URL holds: no password-without-TLS
 * finding, since a `rediss://` URL turns TLS on; the parser's call gets the TLS hover, which says the scheme decides,
 * unless a TLS configuration is set on the options.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const CODE = sourceLines(
  'package cache',
  '',
  'import (',
  '\t"crypto/tls"',
  '\t"os"',
  '',
  '\t"github.com/redis/go-redis/v9"',
  ')',
  '',
  'func FromEnvironment() *redis.Client {',
  '\topt, err := redis.ParseURL(os.Getenv("REDIS_URL"))',
  '\tif err != nil {',
  '\t\tpanic(err)',
  '\t}',
  '\topt.Password = os.Getenv("REDIS_PASSWORD")', // 15
  '\treturn redis.NewClient(opt)',
  '}',
  '',
  'func Pinned(url string) *redis.Client {',
  '\topt, _ := redis.ParseURL(url)',
  '\topt.Password = "s3cr3t-cache-pass"', // 21
  '\topt.TLSConfig = &tls.Config{InsecureSkipVerify: true}', // 22
  '\treturn redis.NewClient(opt)',
  '}',
  '',
  'func Plain(url string) *redis.Client {',
  '\topt, _ := redis.ParseURL(url)',
  '\topt.DB = 2',
  '\treturn redis.NewClient(opt)',
  '}',
);

describe('go-redis options parsed from a URL the code does not write', () => {
  it('reads the fields set on the parsed options', () => {
    const hints = hintsIn('cache.go', CODE).filter((hint) => hint.includes('redis-'));
    assert.deepEqual(hints, [
      '11:ParseURL redis-tls',
      '15:Password redis-password',
      '21:Password redis-password',
      '22:TLSConfig redis-tls',
      '22:InsecureSkipVerify redis-tls',
      '27:ParseURL redis-tls',
      '21:"s3cr3t-cache-pass" redis-password!',
      '22:InsecureSkipVerify redis-tls!',
    ]);
  });
});
