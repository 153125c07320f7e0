/**
 * Passwords read from the environment with a literal to fall back on (`code/envFallbacks.ts`): the literal is the
 * password wherever the variable is unset, reported by the literal-password rules with a message that says so.
 * Silent: an empty or placeholder fallback, a server that is local as written or by its own fallback, test code,
 * and reads that are not of the environment.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules, sourceLines } from './support';

const PASSWORD_RULES = new Set(['rds-sql-password', 'redis-password', 'rds-master-password']);

/** `line:text rule` for each literal-password finding of the file, and whether its message speaks of the fallback. */
function passwordFindings(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings
    .filter((finding) => PASSWORD_RULES.has(finding.ruleId))
    .map((finding) => `${result.lines.lineOf(finding.start) + 1}:${code.slice(finding.start, finding.end)} ${finding.ruleId}${/literal fallback/.test(finding.message) ? ' fallback' : ''}`);
}

describe('Literal password fallbacks of environment reads', () => {
  it('reports a pg pool of a db module whose password falls back on a literal, directly or through a constant', () => {
    const db = sourceLines(
      "const { Pool } = require('pg');",
      '',
      'const pool = new Pool({',
      '  host: process.env.DB_HOST,',
      "  user: process.env.DB_USER ?? 'orders',",
      "  password: process.env.DB_PASSWORD ?? 'Orders#2024',",
      '  ssl: { rejectUnauthorized: true },',
      '});',
      '',
      'module.exports = { query: (text, params) => pool.query(text, params) };',
    );
    assert.deepEqual(passwordFindings('src/db.js', db), ["6:process.env.DB_PASSWORD ?? 'Orders#2024' rds-sql-password fallback"]);
    const repository = sourceLines(
      "import mysql from 'mysql2/promise';",
      '',
      "const DB_PASSWORD = process.env.DB_PASSWORD || 'r00t-Mysql';",
      '',
      'export class InvoiceRepository {',
      "  private pool = mysql.createPool({ host: process.env.DB_HOST, user: 'app', password: DB_PASSWORD });",
      '  async find(id: string) {',
      "    const [rows] = await this.pool.query('SELECT * FROM invoices WHERE id = ?', [id]);",
      '    return rows;',
      '  }',
      '}',
    );
    assert.deepEqual(passwordFindings('src/invoices/repository.ts', repository), ['6:DB_PASSWORD rds-sql-password fallback']);
  });

  it('keeps quiet on empty and placeholder fallbacks, a local server, test code and reads that are not of the environment', () => {
    const local = sourceLines(
      "const { Pool } = require('pg');",
      'const pool = new Pool({',
      "  host: process.env.DB_HOST || 'localhost',",
      "  password: process.env.DB_PASSWORD || 'postgres',",
      '});',
      'const compose = new Pool({',
      "  connectionString: process.env.DATABASE_URL ?? 'postgres://app@db:5432/app',",
      "  password: process.env.DB_PASSWORD ?? 'app-pass',",
      '});',
      'const placeholders = new Pool({',
      '  host: process.env.DB_HOST,',
      "  password: process.env.DB_PASSWORD || '',",
      "  user: process.env.DB_USER || 'changeme',",
      '});',
      "const other = new Pool({ host: process.env.DB_HOST, password: process.env.DB_PASSWORD || 'changeme' });",
      "const notEnv = new Pool({ host: process.env.DB_HOST, password: settings.password ?? 'from-settings' });",
      'module.exports = { pool, compose, placeholders, other, notEnv };',
    );
    assert.deepEqual(passwordFindings('src/db.js', local), []);
    const test = sourceLines(
      "import { Pool } from 'pg';",
      "describe('orders', () => {",
      "  const pool = new Pool({ host: process.env.TEST_DB_HOST, password: process.env.TEST_DB_PASSWORD ?? 'test-pass-1' });",
      "  it('reads', async () => { await pool.query('SELECT 1'); });",
      '});',
    );
    assert.deepEqual(passwordFindings('test/orders.test.ts', test), []);
  });

  it('reads Python os.getenv and os.environ.get defaults, module-level or in the call', () => {
    const app = sourceLines(
      'import os',
      'import psycopg2',
      'import redis',
      '',
      'REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", "r3dis-Sessions")',
      'cache = redis.Redis(host=os.environ["REDIS_HOST"], port=6379, password=REDIS_PASSWORD, ssl=True)',
      '',
      '',
      'def get_connection():',
      '    return psycopg2.connect(host=os.getenv("DB_HOST"), user="app", password=os.getenv("DB_PASSWORD", "pg-Prod-77"))',
      '',
      '',
      'def get_local():',
      '    return psycopg2.connect(host=os.getenv("DB_HOST", "db"), password=os.getenv("DB_PASSWORD", "pg-Prod-77"))',
      '',
      '',
      'def get_empty():',
      '    return psycopg2.connect(host=os.getenv("DB_HOST"), password=os.environ.get("DB_PASSWORD") or "")',
    );
    assert.deepEqual(passwordFindings('app/db.py', app), [
      '6:REDIS_PASSWORD redis-password fallback',
      '10:os.getenv("DB_PASSWORD", "pg-Prod-77") rds-sql-password fallback',
    ]);
  });

  it('reads a Go getEnv helper, C# ?? and Java getOrDefault', () => {
    const go = sourceLines(
      'package cache',
      '',
      'import (',
      '\t"os"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'func getEnv(key, fallback string) string {',
      '\tif v, ok := os.LookupEnv(key); ok {',
      '\t\treturn v',
      '\t}',
      '\treturn fallback',
      '}',
      '',
      'func New() *redis.Client {',
      '\treturn redis.NewClient(&redis.Options{',
      '\t\tAddr:     os.Getenv("REDIS_ADDR"),',
      '\t\tPassword: getEnv("REDIS_PASSWORD", "k8s-r3dis"),',
      '\t})',
      '}',
      '',
      'func NewLocal() *redis.Client {',
      '\treturn redis.NewClient(&redis.Options{Addr: getEnv("REDIS_ADDR", "localhost:6379"), Password: getEnv("REDIS_PASSWORD", "k8s-r3dis")})',
      '}',
    );
    assert.deepEqual(passwordFindings('internal/cache/cache.go', go), ['19:getEnv("REDIS_PASSWORD", "k8s-r3dis") redis-password fallback']);
    const csharp = sourceLines(
      'using StackExchange.Redis;',
      '',
      'public static class CacheFactory',
      '{',
      '    public static ConnectionMultiplexer Connect()',
      '    {',
      '        var options = new ConfigurationOptions',
      '        {',
      '            EndPoints = { { Environment.GetEnvironmentVariable("REDIS_HOST"), 6379 } },',
      '            Password = Environment.GetEnvironmentVariable("REDIS_PASSWORD") ?? "Cart$Redis1",',
      '            Ssl = true,',
      '        };',
      '        return ConnectionMultiplexer.Connect(options);',
      '    }',
      '}',
    );
    assert.deepEqual(passwordFindings('src/Cart/CacheFactory.cs', csharp), ['10:Environment.GetEnvironmentVariable("REDIS_PASSWORD") ?? "Cart$Redis1" redis-password fallback']);
    const java = sourceLines(
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      '',
      'public class OrderDao {',
      '    public Connection open() throws Exception {',
      '        return DriverManager.getConnection(System.getenv("JDBC_URL"), "app", System.getenv().getOrDefault("DB_PASSWORD", "Dao-Pass-9"));',
      '    }',
      '}',
    );
    assert.deepEqual(passwordFindings('src/main/java/com/shop/OrderDao.java', java), ['6:System.getenv().getOrDefault("DB_PASSWORD", "Dao-Pass-9") rds-sql-password fallback']);
  });

  it('reads Python defaults given by keyword, and keeps quiet where the host, in place or through a name, falls back on a local server', () => {
    const settings = sourceLines(
      'import os',
      'import psycopg2',
      '',
      'DB_HOST = os.getenv("DB_HOST", default="ledger.internal.example.com")',
      'DB_PASSWORD = os.getenv("DB_PASSWORD", default="Wh1te-Rabbit")',
      '',
      '',
      'def connect():',
      '    return psycopg2.connect(host=DB_HOST, user="app", password=DB_PASSWORD)',
      '',
      '',
      'def connect_remote():',
      '    return psycopg2.connect(host=os.environ["DB_HOST"], password=os.environ.get("DB_PASSWORD", default="Wh1te-Rabbit"))',
      '',
      '',
      'def connect_local():',
      '    return psycopg2.connect(host=os.getenv("DB_HOST", default="localhost"), password=os.getenv("DB_PASSWORD", default="docker"))',
      '',
      '',
      'def connect_empty():',
      '    return psycopg2.connect(host=os.getenv("DB_HOST"), password=os.getenv("DB_PASSWORD", default=""))',
      '',
      '',
      'SANDBOX_HOST = os.getenv("SANDBOX_HOST", default="OOPS")',
      'SANDBOX_PASSWORD = os.getenv("SANDBOX_PASSWORD", default="OOPS")',
      'sandbox = psycopg2.connect(host=SANDBOX_HOST, password=SANDBOX_PASSWORD)',
    );
    assert.deepEqual(passwordFindings('app/settings.py', settings), [
      '9:DB_PASSWORD rds-sql-password fallback',
      '13:os.environ.get("DB_PASSWORD", default="Wh1te-Rabbit") rds-sql-password fallback',
    ]);
  });

  it('reads Java Optional.ofNullable(System.getenv(...)).orElse(...), and keeps quiet where the JDBC URL or the host it is built from falls back on a local server', () => {
    const pool = sourceLines(
      'import com.zaxxer.hikari.HikariConfig;',
      'import com.zaxxer.hikari.HikariDataSource;',
      'import java.util.Optional;',
      '',
      'public final class Pools {',
      '    public static HikariDataSource remote() {',
      '        String host = Optional.ofNullable(System.getenv("DB_HOST")).orElse("db.internal.example.com");',
      '        String pass = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("Quartz-Lake-8");',
      '        HikariConfig cfg = new HikariConfig();',
      '        cfg.setJdbcUrl(String.format("jdbc:postgresql://%s:5432/app", host));',
      '        cfg.setPassword(pass);',
      '        return new HikariDataSource(cfg);',
      '    }',
      '',
      '    public static HikariDataSource local() {',
      '        final String url = Optional.ofNullable(System.getenv("DB_URL")).orElse("jdbc:postgresql://localhost:5432/postgres");',
      '        final String password = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("Quartz-Lake-8");',
      '        HikariConfig config = new HikariConfig();',
      '        config.setJdbcUrl(url);',
      '        config.setPassword(password);',
      '        return new HikariDataSource(config);',
      '    }',
      '',
      '    public static HikariDataSource formatted() {',
      '        String host = Optional.ofNullable(System.getenv("DB_HOST")).orElse("localhost");',
      '        String pass = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("Quartz-Lake-8");',
      '        HikariConfig cfg = new HikariConfig();',
      '        cfg.setJdbcUrl(String.format("jdbc:postgresql://%s:5432/app", host));',
      '        cfg.setPassword(pass);',
      '        return new HikariDataSource(cfg);',
      '    }',
      '}',
    );
    assert.deepEqual(passwordFindings('src/main/java/app/Pools.java', pool), ['11:pass rds-sql-password fallback']);
    const dao = sourceLines(
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      'import java.util.Optional;',
      '',
      'public class Dao {',
      '    public Connection open(String url) throws Exception {',
      '        return DriverManager.getConnection(url, "app", Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("Quartz-Lake-8"));',
      '    }',
      '',
      '    public Connection openLocal() throws Exception {',
      '        return DriverManager.getConnection(Optional.ofNullable(System.getenv("DB_URL")).orElse("jdbc:mysql://localhost:3306/app"), "root",',
      '            Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("Quartz-Lake-8"));',
      '    }',
      '',
      '    public Connection openEmpty(String url) throws Exception {',
      '        return DriverManager.getConnection(url, "app", Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse(""));',
      '    }',
      '',
      '    public Connection openOther(String url, Optional<String> given) throws Exception {',
      '        return DriverManager.getConnection(url, "app", Optional.ofNullable(given.get()).orElse("Quartz-Lake-8"));',
      '    }',
      '}',
    );
    assert.deepEqual(passwordFindings('src/main/java/app/Dao.java', dao), ['7:Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("Quartz-Lake-8") rds-sql-password fallback']);
  });

  it('reads a Spring @Value field with a default that a JDBC connection takes, and keeps quiet on a local, embedded or unset default', () => {
    const factory = sourceLines(
      'import java.sql.Connection;',
      'import java.sql.DriverManager;',
      'import org.springframework.beans.factory.annotation.Value;',
      'import org.springframework.stereotype.Component;',
      '',
      '@Component',
      'public class ReportConnections {',
      '    @Value("${reports.datasource.url:jdbc:mysql://reports.internal.example.com:3306/reports}")',
      '    private String url;',
      '',
      '    @Value("${reports.datasource.username:reports}")',
      '    private String username;',
      '',
      '    @Value("${reports.datasource.password:Amber-Fox-31}")',
      '    private String password;',
      '',
      '    @Value("${spring.datasource.url:jdbc:h2:file:./data/app}")',
      '    private String embeddedUrl;',
      '',
      '    @Value("${spring.datasource.password:#{null}}")',
      '    private String unset;',
      '',
      '    public Connection open() throws Exception {',
      '        return DriverManager.getConnection(url, username, password);',
      '    }',
      '',
      '    public Connection openEmbedded() throws Exception {',
      '        return DriverManager.getConnection(embeddedUrl, username, password);',
      '    }',
      '',
      '    public Connection openUnset() throws Exception {',
      '        return DriverManager.getConnection(url, username, unset);',
      '    }',
      '',
      '    public Connection openGiven(String password) throws Exception {',
      '        return DriverManager.getConnection(url, username, password);',
      '    }',
      '}',
    );
    assert.deepEqual(passwordFindings('src/main/java/app/ReportConnections.java', factory), ['24:password rds-sql-password fallback']);
    const local = factory.replace('reports.internal.example.com', 'localhost');
    assert.deepEqual(passwordFindings('src/main/java/app/ReportConnections.java', local), []);
  });

  it('reports a CDK master password from SecretValue.unsafePlainText of an environment read with a fallback, in TypeScript and Python', () => {
    const stack = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      '',
      'export class DatabaseStack extends cdk.Stack {',
      '  constructor(scope: cdk.App, id: string, props: cdk.StackProps & { vpc: any }) {',
      '    super(scope, id, props);',
      "    new rds.DatabaseInstance(this, 'Db', {",
      '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
      '      vpc: props.vpc,',
      "      credentials: rds.Credentials.fromPassword('admin', cdk.SecretValue.unsafePlainText(process.env.DB_PASSWORD ?? 'defaultPassword')),",
      '    });',
      "    new rds.DatabaseInstance(this, 'Replica', {",
      '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
      '      vpc: props.vpc,',
      "      credentials: rds.Credentials.fromPassword('admin', cdk.SecretValue.unsafePlainText(process.env.DB_PASSWORD ?? '')),",
      '    });',
      '  }',
      '}',
    );
    const found = passwordFindings('lib/database-stack.ts', stack);
    assert.equal(found.length, 1);
    assert.match(found[0], /^10:.* rds-master-password fallback$/);
    const python = sourceLines(
      'import os',
      'from aws_cdk import Stack, SecretValue, aws_rds as rds',
      '',
      '',
      'class DatabaseStack(Stack):',
      '    def __init__(self, scope, construct_id, vpc, **kwargs):',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        rds.DatabaseInstance(',
      '            self,',
      '            "Db",',
      '            engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),',
      '            vpc=vpc,',
      '            credentials=rds.Credentials.from_password("admin", SecretValue.unsafe_plain_text(os.environ.get("DB_PASSWORD", "Pr0d-Db-Pass"))),',
      '        )',
    );
    const pythonFound = passwordFindings('stacks/database_stack.py', python);
    assert.equal(pythonFound.length, 1);
    assert.match(pythonFound[0], /^13:.* rds-master-password fallback$/);
  });
});
