/**
 * `rds-sql-tls-disabled` (`code/sqlTls.ts`): an explicit switch that turns TLS off on a connection to RDS, in
 * code (pg, psycopg, asyncpg, PyMySQL, Go's database/sql, JDBC, Npgsql, MySqlConnector) and in Spring Boot and
 * ASP.NET Core configuration. Silent: a local, Docker Compose or other literal host, test code, `sslmode=require`,
 * a value read from the environment, and a MySQL driver's `ssl: false`.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-sql-tls-disabled';

function tls(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.includes(` ${RULE}`));
}

const findings = (fileName: string, code: string): string[] => tls(fileName, code).filter((hint) => hint.endsWith('!'));

describe('TLS switched off on SQL connections to RDS', () => {
  it('reports ssl: false on a node-postgres pool whose host comes from Elastic Beanstalk\'s RDS_HOSTNAME, with its hover', () => {
    const db = sourceLines(
      "import { Pool } from 'pg';",
      "import { config } from './config';",
      '',
      'export const pool = new Pool({',
      '  host: process.env.RDS_HOSTNAME,',
      '  port: Number(process.env.RDS_PORT ?? 5432),',
      '  user: config.db.user,',
      '  password: config.db.password,',
      '  max: 10,',
      '  ssl: false,', // 10
      '});',
      '',
      'export async function query<T>(text: string, params: unknown[]): Promise<T[]> {',
      '  return (await pool.query(text, params)).rows as T[];',
      '}',
    );
    assert.deepEqual(tls('src/db.ts', db), [`10:ssl ${RULE}`, `10:ssl ${RULE}!`]);
    // `DB_HOST` may name any server, a local or Compose one as often as RDS: the hover only.
    assert.deepEqual(tls('src/db.ts', db.replace('RDS_HOSTNAME', 'DB_HOST')), [`10:ssl ${RULE}`]);
  });

  it('keeps quiet on pg to a Docker Compose service, a localhost pool, a connection string that decides, and an environment switch', () => {
    const compose = sourceLines("const { Pool } = require('pg');", "module.exports = new Pool({ host: 'postgres', user: 'app', ssl: false });");
    assert.deepEqual(findings('src/db.js', compose), []);
    const local = sourceLines("import pg from 'pg';", "export const pool = new pg.Pool({ host: 'localhost', ssl: false });");
    assert.deepEqual(findings('src/db.js', local), []);
    // node-postgres reads `sslmode` from the connection string over the `ssl` option.
    const url = sourceLines("import pg from 'pg';", 'export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, ssl: false });');
    assert.deepEqual(findings('src/db.js', url), []);
    const env = sourceLines("import pg from 'pg';", "export const pool = new pg.Pool({ host: process.env.DB_HOST, ssl: process.env.DB_SSL === 'true' });");
    assert.deepEqual(findings('src/db.js', env), []);
    // mysql2's `ssl: false` is its default: no switch of its own.
    const mysql = sourceLines("import mysql from 'mysql2/promise';", 'export const pool = mysql.createPool({ host: process.env.DB_HOST, ssl: false });');
    assert.deepEqual(findings('src/db.js', mysql), []);
  });

  it('reports sslmode=disable in a connection string to an RDS endpoint, not one to another host', () => {
    const rds = sourceLines(
      "import { Pool } from 'pg';",
      "const DATABASE_URL = 'postgres://app@orders.cluster-c1x2y3.eu-west-1.rds.amazonaws.com:5432/orders?sslmode=disable';",
      'export const pool = new Pool({ connectionString: DATABASE_URL });',
    );
    assert.deepEqual(findings('src/db.ts', rds), [`2:'postgres://app@orders.cluster-c1x2y3.eu-west-1.rds.amazonaws.com:5432/orders?sslmode=disable' ${RULE}!`]);
    const other = rds.replace('orders.cluster-c1x2y3.eu-west-1.rds.amazonaws.com', 'db');
    assert.deepEqual(findings('src/db.ts', other), []);
  });

  it('reports psycopg2 sslmode="disable", asyncpg ssl=False and PyMySQL ssl_disabled=True, not sslmode="require"', () => {
    const code = sourceLines(
      'import os',
      '',
      'import asyncpg',
      'import psycopg2',
      'import pymysql',
      '',
      'def reporting_connection():',
      '    return psycopg2.connect(host=os.environ["RDS_REPORTING_HOST"], dbname="reporting", user="reader",',
      '                            password=os.environ["REPORTING_PASSWORD"], sslmode="disable")', // 9
      '',
      'async def events_pool():',
      '    return await asyncpg.create_pool(host=os.environ["AURORA_EVENTS_HOST"], user="events", ssl=False)', // 12
      '',
      'def legacy_connection():',
      '    return pymysql.connect(host=os.environ["RDS_LEGACY_HOST"], user="legacy", ssl_disabled=True)', // 15
      '',
      'def archive_connection():',
      '    return psycopg2.connect(host=os.environ["RDS_ARCHIVE_HOST"], dbname="archive", sslmode="require")',
      '',
      'def settings_connection():',
      '    return psycopg2.connect(host=os.environ["RDS_SETTINGS_HOST"], sslmode=os.environ.get("PGSSLMODE", "verify-full"))',
    );
    assert.deepEqual(findings('app/db.py', code), [`9:sslmode ${RULE}!`, `12:ssl ${RULE}!`, `15:ssl_disabled ${RULE}!`]);
    const azure = sourceLines('import os', 'import mysql.connector', '', 'def azure_connection():', '    return mysql.connector.connect(host=os.environ["AZURE_DB_HOST"], user="app", ssl_disabled=True)');
    assert.deepEqual(findings('app/clouds.py', azure), []);
  });

  it('keeps quiet in a test and on a connection with no host (the driver default, a local server)', () => {
    const test = sourceLines(
      'import os',
      'import psycopg2',
      '',
      'def test_orders_table():',
      '    conn = psycopg2.connect(host=os.environ["RDS_TEST_HOST"], sslmode="disable")',
      '    assert conn.closed == 0',
    );
    assert.deepEqual(findings('app/checks.py', test), []);
    const socket = sourceLines('import psycopg2', 'conn = psycopg2.connect(dbname="app", sslmode="disable")');
    assert.deepEqual(findings('app/db.py', socket), []);
  });

  it('reports a Go DSN to RDS with sslmode=disable, not one to a Compose service', () => {
    const code = sourceLines(
      'package store',
      '',
      'import (',
      '\t"database/sql"',
      '',
      '\t_ "github.com/lib/pq"',
      ')',
      '',
      'const dsn = "host=ledger.c1x2y3.us-east-1.rds.amazonaws.com port=5432 user=ledger dbname=ledger sslmode=disable"',
      '',
      'func Open() (*sql.DB, error) {',
      '\treturn sql.Open("postgres", dsn)',
      '}',
    );
    assert.deepEqual(findings('internal/store/db.go', code), [`9:"host=ledger.c1x2y3.us-east-1.rds.amazonaws.com port=5432 user=ledger dbname=ledger sslmode=disable" ${RULE}!`]);
    const compose = code.replace('ledger.c1x2y3.us-east-1.rds.amazonaws.com', 'db');
    assert.deepEqual(findings('internal/store/db.go', compose), []);
  });

  it('reports JDBC useSSL=false and Npgsql SSL Mode=Disable to RDS hosts', () => {
    const java = sourceLines(
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      '',
      'public final class Orders {',
      '    public static Connection open(String user, String password) throws Exception {',
      '        return DriverManager.getConnection("jdbc:mysql://orders.c1x2y3.us-east-1.rds.amazonaws.com:3306/orders?useSSL=false", user, password);',
      '    }',
      '}',
    );
    assert.deepEqual(findings('src/main/java/shop/Orders.java', java), [`6:"jdbc:mysql://orders.c1x2y3.us-east-1.rds.amazonaws.com:3306/orders?useSSL=false" ${RULE}!`]);
    const csharp = sourceLines(
      'using Npgsql;',
      '',
      'public sealed class Ledger',
      '{',
      '    private const string Cs = "Host=ledger.c1x2y3.us-east-1.rds.amazonaws.com;Username=ledger;Database=ledger;SSL Mode=Disable";',
      '    public NpgsqlConnection Open() => new NpgsqlConnection(Cs);',
      '}',
    );
    assert.deepEqual(findings('src/Ledger/Ledger.cs', csharp), [`5:"Host=ledger.c1x2y3.us-east-1.rds.amazonaws.com;Username=ledger;Database=ledger;SSL Mode=Disable" ${RULE}!`]);
    assert.deepEqual(findings('src/Ledger/Ledger.cs', csharp.replace('SSL Mode=Disable', 'SSL Mode=Require')), []);
  });

  it('reads a JDBC URL concatenated around a port written as a number, in a Lambda handler', () => {
    const java = sourceLines(
      'package app;',
      '',
      'import com.amazonaws.services.lambda.runtime.Context;',
      'import com.amazonaws.services.lambda.runtime.RequestHandler;',
      'import java.sql.*;',
      '',
      'class ReportsHandler implements RequestHandler<Object, String> {',
      '    private static final String DB_NAME = "reports";',
      '',
      '    public String handleRequest(Object input, Context context) {',
      '        try (Connection conn = DriverManager.getConnection("jdbc:mysql://" + "reports-db.c1x2y3z4.us-west-2.rds.amazonaws.com" + ":" + 3306 + "/" + DB_NAME + "?useSSL=false", System.getenv("DB_USER"), System.getenv("DB_PASSWORD"))) {',
      '            return conn.getCatalog();',
      '        } catch (SQLException e) {',
      '            return "unavailable";',
      '        }',
      '    }',
      '}',
    );
    const file = 'src/main/java/app/ReportsHandler.java';
    assert.deepEqual(findings(file, java), [`11:"?useSSL=false" ${RULE}!`]);
    assert.deepEqual(findings(file, java.replace('reports-db.c1x2y3z4.us-west-2.rds.amazonaws.com', 'localhost')), []);
    assert.deepEqual(findings(file, java.replace('useSSL=false', 'useSSL=true')), []);
  });

  it('reads the driver keys in their own case: a useSSl=false Connector/J ignores says nothing, FALSE still switches TLS off', () => {
    const properties = sourceLines(
      'spring.jpa.hibernate.ddl-auto=update',
      'spring.datasource.url=jdbc:mysql://database-1.c1x2y3z4.us-west-1.rds.amazonaws.com/shop?createDatabaseIfNotExist=true&serverTimezone=UTC&useSSl=false',
      'spring.datasource.username=admin',
      'spring.datasource.password=${DB_PASSWORD}',
    );
    const file = 'src/main/resources/application.properties';
    assert.deepEqual(tls(file, properties), []);
    assert.deepEqual(findings(file, properties.replace('useSSl=false', 'useSSL=FALSE')), [`2:spring.datasource.url ${RULE}!`]);
    const go = sourceLines(
      'package store',
      '',
      'import "database/sql"',
      '',
      'func Open() (*sql.DB, error) {',
      '\treturn sql.Open("postgres", "postgres://app@ledger.c1x2y3.us-east-1.rds.amazonaws.com:5432/ledger?SSLMODE=disable")',
      '}',
    );
    assert.deepEqual(findings('internal/store/db.go', go), []);
    assert.equal(findings('internal/store/db.go', go.replace('SSLMODE', 'sslmode')).length, 1);
  });

  it('reads a Spring datasource URL and an appsettings connection string to RDS, not to a Compose service', () => {
    const yaml = sourceLines(
      'spring:',
      '  datasource:',
      '    url: jdbc:postgresql://billing.cluster-c1x2y3.eu-west-1.rds.amazonaws.com:5432/billing?sslmode=disable', // 3
      '    username: billing',
      '    password: ${DB_PASSWORD}',
    );
    assert.deepEqual(findings('src/main/resources/application.yml', yaml), [`3:url ${RULE}!`]);
    assert.deepEqual(findings('src/main/resources/application.yml', yaml.replace('billing.cluster-c1x2y3.eu-west-1.rds.amazonaws.com', 'postgres')), []);
    const json = sourceLines(
      '{',
      '  "ConnectionStrings": {',
      '    "Shop": "Server=shop.c1x2y3.us-east-1.rds.amazonaws.com;Database=shop;User ID=shop;SslMode=None"', // 3
      '  }',
      '}',
    );
    assert.deepEqual(findings('src/Shop.Api/appsettings.json', json), [`3:"Server=shop.c1x2y3.us-east-1.rds.amazonaws.com;Database=shop;User ID=shop;SslMode=None" ${RULE}!`]);
    assert.deepEqual(findings('src/Shop.Api/appsettings.Development.json', json.replace('shop.c1x2y3.us-east-1.rds.amazonaws.com', 'mysql')), []);
  });
});
