/**
 * A Go `tls.Config` a function of the file returns (`TLSConfig: laxTLS()`) is read as one written in place: its
 * `InsecureSkipVerify: true` turns verification off for every client given it (`redis-tls`), and for a pgx config
 * given it (`rds-sql-tls-verification-off`); a verifying one stays silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (code: string): string[] => hintsIn('cache.go', code).filter((hint) => hint.endsWith('!'));

describe('Go: a tls.Config a function of the file returns', () => {
  it('reports the returned literal once for the Redis clients given it, and not a verifying one', () => {
    const code = sourceLines(
      'package cache',
      '',
      'import (',
      '\t"crypto/tls"',
      '\t"os"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'func laxTLS() *tls.Config {',
      '\treturn &tls.Config{InsecureSkipVerify: true}',
      '}',
      '',
      'func strictTLS(host string) *tls.Config {',
      '\treturn &tls.Config{ServerName: host}',
      '}',
      '',
      'func Sessions() *redis.Client {',
      '\treturn redis.NewClient(&redis.Options{Addr: os.Getenv("SESSIONS_ADDR"), TLSConfig: laxTLS()})',
      '}',
      '',
      'func Rates() *redis.Client {',
      '\treturn redis.NewClient(&redis.Options{Addr: os.Getenv("RATES_ADDR"), TLSConfig: laxTLS()})',
      '}',
      '',
      'func Verified() *redis.Client {',
      '\treturn redis.NewClient(&redis.Options{Addr: os.Getenv("ADDR"), TLSConfig: strictTLS(os.Getenv("HOST"))})',
      '}',
    );
    assert.deepEqual(findings(code), ['11:InsecureSkipVerify redis-tls!']);
  });

  it('reads it for a pgx config too', () => {
    const code = sourceLines(
      'package store',
      '',
      'import (',
      '\t"context"',
      '\t"crypto/tls"',
      '\t"os"',
      '',
      '\t"github.com/jackc/pgx/v5"',
      ')',
      '',
      'func skipVerify() *tls.Config {',
      '\treturn &tls.Config{InsecureSkipVerify: true}',
      '}',
      '',
      'func Conn(ctx context.Context) (*pgx.Conn, error) {',
      '\tcc, _ := pgx.ParseConfig(os.Getenv("DATABASE_URL"))',
      '\tcc.TLSConfig = skipVerify()',
      '\treturn pgx.ConnectConfig(ctx, cc)',
      '}',
    );
    assert.deepEqual(findings(code), ['12:InsecureSkipVerify rds-sql-tls-verification-off!']);
  });
});
