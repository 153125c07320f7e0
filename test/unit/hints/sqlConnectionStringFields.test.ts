/**
 * A configuration's connection string that switches TLS off, written as the value of a field or key named for one: a
 * Go service builds its configuration in `main` (`dsn: fmt.Sprintf("postgres://...?sslmode=disable", ...)`) or writes
 * its defaults in a config package (`PostgresDSN: "postgres://...?sslmode=disable"`), and opens the connection in
 * another package, where no driver call of this file takes the string. It gets the `rds-sql-tls-disabled` hover; a local
 * host, a field not named for a connection string, a string that switches nothing off and test code get nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-sql-tls-disabled'];

const MAIN = sourceLines(
  'package main', // 1
  'import (',
  '\t"fmt"',
  '\t"os"',
  ')', // 5
  'type storeConfig struct{ dsn string; label string; maxConns int }',
  'type settings struct{ store storeConfig; reportURL string }',
  'func main() {',
  '\tcfg := settings{',
  '\t\tstore: storeConfig{', // 10
  '\t\t\tdsn:      fmt.Sprintf("postgres://%s:%s@%s:%s/%s?sslmode=disable", os.Getenv("PGUSER"), os.Getenv("PGPASSWORD"), os.Getenv("PGHOST"), os.Getenv("PGPORT"), os.Getenv("PGDATABASE")),',
  '\t\t\tlabel:    "postgres://reports@warehouse/daily?sslmode=disable",',
  '\t\t\tmaxConns: 20,',
  '\t\t},',
  '\t\treportURL: "https://reports.example.com/daily", // 15',
  '\t}',
  '\tcfg.store.dsn = "host=ledger-db.internal dbname=ledger sslmode=disable"',
  '\tlocal := storeConfig{dsn: "postgres://dev:dev@localhost:5432/app?sslmode=disable"}',
  '\tsecure := storeConfig{dsn: "postgres://app@ledger-db.internal:5432/ledger?sslmode=verify-full"}',
  '\tstart(cfg, local, secure)', // 20
  '}',
);

const DEFAULTS = sourceLines(
  'package config', // 1
  'type Config struct {',
  '\tPostgresDSN string',
  '\tDatabaseURL string', // 4
  '}',
  'func Defaults() Config {',
  '\treturn Config{',
  '\t\tPostgresDSN: "postgres://rides:rides@postgres:5432/rides?sslmode=disable",',
  '\t\tDatabaseURL: "postgres://rides:rides@127.0.0.1:5432/rides?sslmode=disable",',
  '\t}', // 10
  '}',
);

describe('Connection strings held by configuration fields', () => {
  it('hovers sslmode=disable in a field named for a connection string, built or written, not a local host, another field or a verified one', () => {
    assert.deepEqual(hintsOfRules('cmd/api/main.go', MAIN, RULES), [
      '11:"postgres://%s:%s@%s:%s/%s?sslmode=disable" rds-sql-tls-disabled',
      '17:"host=ledger-db.internal dbname=ledger sslmode=disable" rds-sql-tls-disabled',
    ]);
  });

  it('hovers a service default for a container host, not a local one', () => {
    assert.deepEqual(hintsOfRules('internal/config/config.go', DEFAULTS, RULES), ['8:"postgres://rides:rides@postgres:5432/rides?sslmode=disable" rds-sql-tls-disabled']);
  });

  it('reads nothing in test code', () => {
    assert.deepEqual(hintsOfRules('internal/config/config_test.go', DEFAULTS, RULES), []);
  });
});
