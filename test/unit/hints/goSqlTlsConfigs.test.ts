/**
 * rds-sql-tls-verification-off for the `tls.Config` Go code hands its SQL drivers apart from the DSN: set on a pgx
 * config after `ParseConfig` (whole, through a variable, or one field), on a pgx config a function is handed, and
 * registered with go-sql-driver/mysql's `RegisterTLSConfig`. Silent where verification stays on, where the switch is an
 * expression, and in tests.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const pgxFile = (...body: string[]): string =>
  sourceLines('package store', '', 'import (', '\t"context"', '\t"crypto/tls"', '\t"os"', '', '\t"github.com/jackc/pgx/v5"', '\t"github.com/jackc/pgx/v5/pgxpool"', ')', '', ...body);

const mysqlFile = (...body: string[]): string =>
  sourceLines('package store', '', 'import (', '\t"crypto/tls"', '\t"database/sql"', '', '\t"github.com/go-sql-driver/mysql"', ')', '', 'var _ = sql.Open', '', ...body);

const verificationOff = (name: string, code: string): string[] => hintsIn(name, code).filter((hint) => hint.endsWith('rds-sql-tls-verification-off!'));

describe('Go: TLS configs handed to SQL drivers apart from the DSN', () => {
  it('reads the config a pgx ParseConfig result is given, whole, through a variable or one field', () => {
    const code = pgxFile(
      'func Pool(ctx context.Context) (*pgxpool.Pool, error) {',
      '\tcfg, err := pgxpool.ParseConfig(os.Getenv("DATABASE_URL"))',
      '\tif err != nil {',
      '\t\treturn nil, err',
      '\t}',
      '\tcfg.ConnConfig.TLSConfig = &tls.Config{InsecureSkipVerify: true}',
      '\treturn pgxpool.NewWithConfig(ctx, cfg)',
      '}',
      '',
      'func Conn(ctx context.Context) (*pgx.Conn, error) {',
      '\tskip := &tls.Config{InsecureSkipVerify: true}',
      '\tcc, _ := pgx.ParseConfig(os.Getenv("DATABASE_URL"))',
      '\tcc.TLSConfig = skip',
      '\treturn pgx.ConnectConfig(ctx, cc)',
      '}',
      '',
      'func Field(ctx context.Context) (*pgx.Conn, error) {',
      '\tcc, _ := pgx.ParseConfig(os.Getenv("DATABASE_URL"))',
      '\tcc.TLSConfig = &tls.Config{}',
      '\tcc.TLSConfig.InsecureSkipVerify = true',
      '\treturn pgx.ConnectConfig(ctx, cc)',
      '}',
    );
    assert.deepEqual(verificationOff('store.go', code), ['17:InsecureSkipVerify rds-sql-tls-verification-off!', '22:InsecureSkipVerify rds-sql-tls-verification-off!', '31:InsecureSkipVerify rds-sql-tls-verification-off!']);
  });

  it('reads a pgx config parameter a function or a method sets TLS on, and reports only a literal true', () => {
    const code = pgxFile(
      'func configureTLS(poolCfg *pgxpool.Config, mode string) {',
      '\tswitch mode {',
      '\tcase "require":',
      '\t\tpoolCfg.ConnConfig.TLSConfig = &tls.Config{ServerName: poolCfg.ConnConfig.Host, InsecureSkipVerify: true}',
      '\tcase "verify-ca", "verify-full":',
      '\t\tpoolCfg.ConnConfig.TLSConfig = &tls.Config{ServerName: poolCfg.ConnConfig.Host, InsecureSkipVerify: mode == "verify-ca"}',
      '\t}',
      '}',
      '',
      'func verified(cc *pgx.ConnConfig, host string) {',
      '\tcc.TLSConfig = &tls.Config{ServerName: host, InsecureSkipVerify: false}',
      '}',
      '',
      'type builder struct{}',
      '',
      'func (b *builder) applyTLS(cfg *pgxpool.Config, mode string) {',
      '\tif mode == "require" {',
      '\t\tcfg.ConnConfig.TLSConfig = &tls.Config{InsecureSkipVerify: true}',
      '\t}',
      '}',
    );
    assert.deepEqual(verificationOff('store.go', code), ['15:InsecureSkipVerify rds-sql-tls-verification-off!', '29:InsecureSkipVerify rds-sql-tls-verification-off!']);
  });

  it('reads a config registered with go-sql-driver/mysql that skips verification, in place or through a variable', () => {
    const code = mysqlFile(
      'func Register(dev bool) {',
      '\t_ = mysql.RegisterTLSConfig("skip", &tls.Config{InsecureSkipVerify: true})',
      '\tcfg := &tls.Config{ServerName: "orders", InsecureSkipVerify: true}',
      '\t_ = mysql.RegisterTLSConfig("custom", cfg)',
      '\tapart := &tls.Config{InsecureSkipVerify: true}',
      '\tapart.InsecureSkipVerify = dev',
      '\t_ = mysql.RegisterTLSConfig("dev", apart)',
      '\t_ = mysql.RegisterTLSConfig("rds", &tls.Config{ServerName: "orders"})',
      '}',
    );
    assert.deepEqual(verificationOff('store.go', code), ['13:InsecureSkipVerify rds-sql-tls-verification-off!', '14:InsecureSkipVerify rds-sql-tls-verification-off!']);
  });

  it('stays silent in tests', () => {
    const code = pgxFile('func TestConn(t *testing.T) {', '\tcc, _ := pgx.ParseConfig("postgres://localhost/test")', '\tcc.TLSConfig = &tls.Config{InsecureSkipVerify: true}', '\t_, _ = pgx.ConnectConfig(context.Background(), cc)', '}');
    assert.deepEqual(verificationOff('store_test.go', code), []);
  });
});
