/**
 * `rds-sql-tls-disabled` hovers on connection strings a driver call takes that the code builds from values
 * (`code/sqlTlsBuilt.ts`): a Go `fmt.Sprintf` keyword DSN held by a local or a field's init, a Python f-string, a
 * JavaScript template for node-postgres, TypeORM or knex, a Java `+` chain for JDBC. A hover as a literal string
 * gets, no finding unless the host is visibly RDS. Silent: a local host, a string no driver takes, test code.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-sql-tls-disabled';

const tls = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(` ${RULE}`) || hint.endsWith(` ${RULE}!`));

describe('TLS switched off in a built connection string a driver call takes', () => {
  it('hovers a Go fmt.Sprintf DSN held by a local, split with +, in a singleton client init', () => {
    const code = sourceLines(
      'package postgres',
      '',
      'import (',
      '\t"database/sql"',
      '\t"fmt"',
      '\t"sync"',
      '',
      '\t"example.com/app/pkg/config"',
      '\t_ "github.com/lib/pq"',
      ')',
      '',
      'type Client struct {',
      '\tDB *sql.DB',
      '}',
      '',
      'var (',
      '\tinstance *Client',
      '\tonce     sync.Once',
      ')',
      '',
      'func GetInstance() *Client {',
      '\tonce.Do(func() {',
      '\t\tinstance = new(Client)',
      '\t\tinstance.init()',
      '\t})',
      '\treturn instance',
      '}',
      '',
      'func (d *Client) init() {',
      '\targs := fmt.Sprintf(',
      '\t\t"host=%s port=%s user=%s "+',
      '\t\t\t"password=%s dbname=%s sslmode=disable",', // 32
      '\t\tconfig.Get("DB_HOST"), config.Get("DB_PORT"), config.Get("DB_USER"), config.Get("DB_PASS"), config.Get("DB_NAME"),',
      '\t)',
      '\tvar err error',
      '\td.DB, err = sql.Open("postgres", args)',
      '\tif err != nil {',
      '\t\tpanic(err)',
      '\t}',
      '}',
    );
    assert.deepEqual(tls('pkg/data/sql/postgres/client.go', code), [`32:"password=%s dbname=%s sslmode=disable" ${RULE}`]);
    // In place, as the driver's argument.
    const inPlace = code.replace('sql.Open("postgres", args)', 'sql.Open("postgres", fmt.Sprintf("host=%s sslmode=disable", config.Get("DB_HOST")))');
    assert.ok(tls('pkg/data/sql/postgres/client.go', inPlace).includes(`36:"host=%s sslmode=disable" ${RULE}`));
    // Trap: the host a local one, a developer's server.
    assert.deepEqual(tls('pkg/data/sql/postgres/client.go', code.replace('"host=%s port=%s user=%s "+', '"host=localhost port=%s user=%s "+').replace('config.Get("DB_HOST"), ', '')), []);
    // Trap: TLS on.
    assert.deepEqual(tls('pkg/data/sql/postgres/client.go', code.replace('sslmode=disable', 'sslmode=verify-full')), []);
    // Trap: a string no driver takes (a log line), and another binding of the same name.
    const logged = code.replace('sql.Open("postgres", args)', 'sql.Open("postgres", config.Get("DATABASE_URL"))\n\tlog.Println(args)');
    assert.deepEqual(tls('pkg/data/sql/postgres/client.go', logged), []);
  });

  it('hovers a Python f-string DSN for psycopg2, in place and through a name, not in a test', () => {
    const code = sourceLines(
      'import os',
      '',
      'import psycopg2',
      '',
      '',
      'class OrderStore:',
      '    def __init__(self):',
      '        dsn = f"host={os.environ[\'DB_HOST\']} dbname=orders user={os.environ[\'DB_USER\']} sslmode=disable"', // 8
      '        self.conn = psycopg2.connect(dsn)',
      '',
      '    def reports(self):',
      '        return psycopg2.connect(f"postgresql://reader@{os.environ[\'REPORTS_HOST\']}/reports?sslmode=disable")', // 12
    );
    assert.deepEqual(tls('app/store.py', code), [
      `8:f"host={os.environ['DB_HOST']} dbname=orders user={os.environ['DB_USER']} sslmode=disable" ${RULE}`,
      `12:f"postgresql://reader@{os.environ['REPORTS_HOST']}/reports?sslmode=disable" ${RULE}`,
    ]);
    // A host named for RDS: a finding, as before.
    assert.ok(tls('app/store.py', code.replace("os.environ['DB_HOST']", "os.environ['RDS_HOSTNAME']")).includes(`8:f"host={os.environ['RDS_HOSTNAME']} dbname=orders user={os.environ['DB_USER']} sslmode=disable" ${RULE}!`));
    const inTest = sourceLines(
      'import os',
      'import psycopg2',
      '',
      'def test_orders():',
      '    conn = psycopg2.connect(f"host={os.environ[\'DB_HOST\']} sslmode=disable")',
      '    assert conn',
    );
    assert.deepEqual(tls('tests/test_orders.py', inTest), []);
  });

  it('hovers JavaScript templates for node-postgres, TypeORM and knex, not a template no driver takes', () => {
    const code = sourceLines(
      "import { Pool } from 'pg';",
      "import { DataSource } from 'typeorm';",
      '',
      'const connectionString = `postgres://${process.env.DB_USER}@${process.env.DB_HOST}/app?sslmode=disable`;', // 4
      'export const pool = new Pool({ connectionString, max: 5 });',
      '',
      'export const dataSource = new DataSource({',
      "  type: 'postgres',",
      '  url: `postgres://${process.env.DB_USER}@${process.env.DB_HOST}/reports?sslmode=disable`,', // 9
      '});',
      '',
      'export const described = `postgres://${process.env.DB_HOST}/app?sslmode=disable`;',
    );
    assert.deepEqual(tls('src/db.ts', code), [
      `4:\`postgres://\${process.env.DB_USER}@\${process.env.DB_HOST}/app?sslmode=disable\` ${RULE}`,
      `9:\`postgres://\${process.env.DB_USER}@\${process.env.DB_HOST}/reports?sslmode=disable\` ${RULE}`,
    ]);
  });

  it('hovers a Java + chain JDBC URL held by a local, not a local host', () => {
    const code = sourceLines(
      'package app.db;',
      '',
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      '',
      'public class ConnectionFactory {',
      '    private final String host = System.getenv("DB_HOST");',
      '',
      '    public Connection open(String user, String password) throws Exception {',
      '        String url = "jdbc:postgresql://" + host + ":5432/app?sslmode=disable";', // 10
      '        return DriverManager.getConnection(url, user, password);',
      '    }',
      '}',
    );
    assert.deepEqual(tls('src/main/java/app/db/ConnectionFactory.java', code), [`10:":5432/app?sslmode=disable" ${RULE}`]);
    assert.deepEqual(tls('src/main/java/app/db/ConnectionFactory.java', code.replace('"jdbc:postgresql://" + host + ":5432', '"jdbc:postgresql://localhost:" + 5432 + "')), []);
  });
});
