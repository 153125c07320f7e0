/**
 * `rds-sql-tls-disabled` on connection strings the code builds or writes outside a driver call (`code/sqlTlsBuilt.ts`):
 * Go `fmt.Sprintf` DSNs handed to GORM, JavaScript templates for knex, Python f-strings for SQLAlchemy, Pulumi's
 * `pulumi.interpolate` and CDK templates over an RDS resource's endpoint. Silent: a host not visibly RDS, TLS on,
 * test code.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-sql-tls-disabled';

const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(` ${RULE}!`));

describe('TLS switched off in connection strings the code builds', () => {
  it('reports a Go fmt.Sprintf DSN for GORM whose host a local reads from RDS_HOSTNAME, not one from DB_HOST', () => {
    const code = sourceLines(
      'package store',
      '',
      'import (',
      '\t"fmt"',
      '\t"os"',
      '',
      '\t"gorm.io/driver/postgres"',
      '\t"gorm.io/gorm"',
      ')',
      '',
      'func Connect() (*gorm.DB, error) {',
      '\thost := os.Getenv("RDS_HOSTNAME")',
      '\tdsn := fmt.Sprintf("host=%s port=%s user=%s password=%s dbname=%s "+',
      '\t\t"sslmode=disable TimeZone=UTC", host, os.Getenv("RDS_PORT"), os.Getenv("RDS_USERNAME"), os.Getenv("RDS_PASSWORD"), os.Getenv("RDS_DB_NAME"))', // 14
      '\treturn gorm.Open(postgres.Open(dsn), &gorm.Config{})',
      '}',
    );
    assert.deepEqual(findings('internal/store/db.go', code), [`14:"sslmode=disable TimeZone=UTC" ${RULE}!`]);
    assert.deepEqual(findings('internal/store/db.go', code.replace('RDS_HOSTNAME', 'DB_HOST')), []);
    assert.deepEqual(findings('internal/store/db.go', code.replace('sslmode=disable', 'sslmode=verify-full')), []);
    // A host from an RDS-named parameter, the DSN concatenated.
    const param = sourceLines(
      'package store',
      '',
      'import "database/sql"',
      '',
      'func Open(rdsEndpoint, user, password string) (*sql.DB, error) {',
      '\treturn sql.Open("postgres", "host="+rdsEndpoint+" user="+user+" password="+password+" sslmode=disable")', // 6
      '}',
    );
    assert.deepEqual(findings('internal/store/open.go', param), [`6:" sslmode=disable" ${RULE}!`]);
  });

  it('reports a JavaScript template for knex to an RDS-named host, not to another host nor in a test', () => {
    const knexfile = sourceLines(
      "import type { Knex } from 'knex';",
      '',
      'const config: Knex.Config = {',
      "  client: 'pg',",
      '  connection: `postgres://${process.env.DB_USER}:${process.env.DB_PASSWORD}@${process.env.RDS_HOSTNAME}:5432/app?sslmode=disable`,', // 5
      '  pool: { min: 0, max: 10 },',
      '};',
      '',
      'export default config;',
    );
    assert.deepEqual(findings('knexfile.ts', knexfile), [
      `5:\`postgres://\${process.env.DB_USER}:\${process.env.DB_PASSWORD}@\${process.env.RDS_HOSTNAME}:5432/app?sslmode=disable\` ${RULE}!`,
    ]);
    assert.deepEqual(findings('knexfile.ts', knexfile.replace('RDS_HOSTNAME', 'PGHOST')), []);
    // In a test, as for a driver's options.
    const inTest = sourceLines(
      "import knex from 'knex';",
      '',
      "describe('orders', () => {",
      "  it('reads the orders table', async () => {",
      '    const db = knex({ client: "pg", connection: `postgres://app@${process.env.RDS_HOSTNAME}/app?sslmode=disable` });',
      "    expect(await db('orders').count()).toBeDefined();",
      '  });',
      '});',
    );
    assert.deepEqual(findings('src/orders.test.ts', inTest), []);
    // The user, not the host, named for RDS: `rds_admin@${host}` says nothing of the server.
    assert.deepEqual(findings('knexfile.ts', knexfile.replace('${process.env.DB_USER}', 'rds_admin').replace('RDS_HOSTNAME', 'PGHOST')), []);
  });

  it('reports a Python f-string URL for SQLAlchemy and a literal RDS URL in settings, not a local one', () => {
    const code = sourceLines(
      'import os',
      '',
      'from sqlalchemy import create_engine',
      '',
      'engine = create_engine(f"postgresql+psycopg2://{os.environ[\'DB_USER\']}@{os.environ[\'RDS_HOSTNAME\']}:5432/app?sslmode=disable")', // 5
      'REPORTING_URL = "postgresql://reader@reports.c1x2y3.eu-west-1.rds.amazonaws.com/reports?sslmode=disable"', // 6
      'LOCAL_URL = "postgresql://app@localhost/app?sslmode=disable"',
    );
    assert.deepEqual(findings('app/database.py', code), [
      `5:f"postgresql+psycopg2://{os.environ['DB_USER']}@{os.environ['RDS_HOSTNAME']}:5432/app?sslmode=disable" ${RULE}!`,
      `6:"postgresql://reader@reports.c1x2y3.eu-west-1.rds.amazonaws.com/reports?sslmode=disable" ${RULE}!`,
    ]);
  });

  it("reports pulumi.interpolate over an aws.rds.Instance's endpoint, not over another resource's", () => {
    const program = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'import * as pulumi from "@pulumi/pulumi";',
      '',
      'const config = new pulumi.Config();',
      'const db = new aws.rds.Instance("db", {',
      '    engine: "postgres",',
      '    instanceClass: aws.rds.InstanceType.T3_Micro,',
      '    allocatedStorage: 20,',
      '    username: "app",',
      '    password: config.requireSecret("dbPassword"),',
      '    skipFinalSnapshot: true,',
      '});',
      '',
      'export const databaseUrl = pulumi.interpolate`postgres://app:${config.requireSecret("dbPassword")}@${db.endpoint}/app?sslmode=disable`;', // 14
    );
    const hits = findings('infra/index.ts', program);
    assert.equal(hits.length, 1);
    assert.ok(hits[0].startsWith(`14:\`postgres://app:`));
    const lightsail = program.replace('new aws.rds.Instance("db", {', 'new aws.lightsail.Database("db", {');
    assert.deepEqual(findings('infra/index.ts', lightsail), []);
    assert.deepEqual(findings('infra/index.ts', program.replace('sslmode=disable', 'sslmode=require')), []);
  });

  it("reports a CDK Lambda environment URL over a DatabaseInstance's endpoint address", () => {
    const stack = sourceLines(
      "import { Stack, StackProps } from 'aws-cdk-lib';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Construct } from 'constructs';",
      '',
      'export class ApiStack extends Stack {',
      '  constructor(scope: Construct, id: string, props?: StackProps) {',
      '    super(scope, id, props);',
      "    const instance = new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }) });",
      "    new lambda.Function(this, 'Api', {",
      '      runtime: lambda.Runtime.NODEJS_20_X,',
      "      handler: 'index.handler',",
      "      code: lambda.Code.fromAsset('dist'),",
      '      environment: { DATABASE_URL: `postgres://app@${instance.dbInstanceEndpointAddress}:5432/app?sslmode=disable` },', // 14
      '    });',
      '  }',
      '}',
    );
    assert.deepEqual(findings('lib/api-stack.ts', stack), [`14:\`postgres://app@\${instance.dbInstanceEndpointAddress}:5432/app?sslmode=disable\` ${RULE}!`]);
    // The instance held by a field of the stack, the URL in an SSM parameter.
    const field = stack
      .replace('    const instance = new rds.DatabaseInstance(', '    this.database = new rds.DatabaseInstance(')
      .replace('${instance.dbInstanceEndpointAddress}', '${this.database.dbInstanceEndpointAddress}')
      .replace('export class ApiStack extends Stack {', 'export class ApiStack extends Stack {\n  readonly database: rds.DatabaseInstance;');
    assert.deepEqual(findings('lib/api-stack.ts', field), [`15:\`postgres://app@\${this.database.dbInstanceEndpointAddress}:5432/app?sslmode=disable\` ${RULE}!`]);
  });

  it('reports Django OPTIONS sslmode="disable" beside an RDS-named HOST and SQLAlchemy connect_args to an RDS URL, not to other hosts', () => {
    const settings = sourceLines(
      'import os',
      '',
      'DATABASES = {',
      '    "default": {',
      '        "ENGINE": "django.db.backends.postgresql",',
      '        "NAME": os.environ["RDS_DB_NAME"],',
      '        "HOST": os.environ["RDS_HOSTNAME"],',
      '        "PORT": os.environ.get("RDS_PORT", "5432"),',
      '        "OPTIONS": {"sslmode": "disable"},', // 9
      '    },',
      '    "analytics": {',
      '        "ENGINE": "django.db.backends.postgresql",',
      '        "HOST": os.environ.get("ANALYTICS_HOST", "localhost"),',
      '        "OPTIONS": {"sslmode": "disable"},',
      '    },',
      '}',
    );
    assert.deepEqual(findings('shop/settings/production.py', settings), [`9:"sslmode" ${RULE}!`]);
    const engine = sourceLines(
      'from sqlalchemy import create_engine',
      '',
      'REPORTS_URL = "postgresql+psycopg2://reader@reports.c1x2y3.eu-west-1.rds.amazonaws.com:5432/reports"',
      'reports = create_engine(REPORTS_URL, pool_pre_ping=True, connect_args={"sslmode": "disable"})', // 4
      'local = create_engine("postgresql+psycopg2://app@db:5432/app", connect_args={"sslmode": "disable"})',
    );
    assert.deepEqual(findings('app/engines.py', engine), [`4:"sslmode" ${RULE}!`]);
  });
});
