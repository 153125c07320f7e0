/**
 * A SQL host read from the credentials secret attached to an RDS database (`code/sqlSecretHosts.ts`): the handler reads
 * the secret named by an environment variable that the workspace sets to such a secret (a secret a CloudFormation
 * `SecretTargetAttachment` ties to a database, the CDK's `db.secret!.secretArn` of a generated secret), parses its JSON
 * and connects to its `host`; or, in a file alone, the code reads the attached secret's `dbInstanceIdentifier`. Such a
 * connection with a driver that connects in clear is `rds-sql-tls-missing`. The secret RDS manages itself
 * (`ManageMasterUserPassword`, `rds!db-…`), which holds only the user name and password, a secret of unknown origin,
 * a host from elsewhere and a written `localhost` say nothing.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const missing = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => hint.endsWith('rds-sql-tls-missing!'));

/** A Node.js handler that reads the secret named by `SECRET_ARN` and opens a pg pool to its host (line 8). */
const NODE_HANDLER = sourceLines(
  "const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');",
  "const { Pool } = require('pg');",
  '',
  'const sm = new SecretsManagerClient({});',
  'let pool;',
  'async function db() {',
  '  const reply = await sm.send(new GetSecretValueCommand({ SecretId: process.env.SECRET_ARN }));',
  '  const login = JSON.parse(reply.SecretString);',
  '  pool ??= new Pool({ host: login.host, user: login.username, password: login.password });', // 9
  '  return pool;',
  '}',
  'exports.handler = async () => (await (await db()).query("select 1")).rows;',
);

/** A Python handler: PyMySQL to the host of the secret `SECRET_ARN` names (line 9). */
const PYTHON_HANDLER = sourceLines(
  'import json',
  'import os',
  'import boto3',
  'import pymysql',
  '',
  'def handler(event, context):',
  '    reply = boto3.client("secretsmanager").get_secret_value(SecretId=os.environ["SECRET_ARN"])',
  '    creds = json.loads(reply["SecretString"])',
  '    conn = pymysql.connect(host=creds["host"], user=creds["username"], password=creds["password"])', // 9
  '    return conn.open',
);

/** A SAM template whose function's `SECRET_ARN` is `value`. */
const samTemplate = (value: string, handler = 'app.handler', runtime = 'nodejs20.x'): string =>
  sourceLines(
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  LedgerDb:',
    '    Type: AWS::RDS::DBInstance',
    '    Properties:',
    '      Engine: postgres',
    '      ManageMasterUserPassword: true',
    '      StorageEncrypted: true',
    '  LedgerProxy:',
    '    Type: AWS::RDS::DBProxy',
    '  Ledger:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      CodeUri: src/',
    `      Handler: ${handler}`,
    `      Runtime: ${runtime}`,
    '      Environment:',
    '        Variables:',
    `          SECRET_ARN: ${value}`,
  );

/** A SAM template whose function's `SECRET_ARN` is a secret a SecretTargetAttachment ties to `target`. */
const attachedTemplate = (target: string): string =>
    sourceLines(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  LedgerLogin:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      GenerateSecretString:',
      '        SecretStringTemplate: \'{"username": "ledger"}\'',
      '        GenerateStringKey: password',
      '  LedgerCluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '  LedgerQueue:',
      '    Type: AWS::SQS::Queue',
      '  LoginAttachment:',
      '    Type: AWS::SecretsManager::SecretTargetAttachment',
      '    Properties:',
      '      SecretId: !Ref LedgerLogin',
      `      TargetId: !Ref ${target}`,
      '      TargetType: AWS::RDS::DBCluster',
      '  Ledger:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: src/',
      '      Handler: app.handler',
      '      Runtime: nodejs20.x',
      '      Environment:',
      '        Variables:',
      '          SECRET_ARN: !Ref LedgerLogin',
    );

describe('workspace: a SQL host read from an RDS database secret', () => {
  it("leaves CloudFormation's MasterUserSecret alone: the secret RDS manages holds the user name and password only", () => {
    assert.deepEqual(missing({ 'template.yaml': samTemplate('!GetAtt LedgerDb.MasterUserSecret.SecretArn'), 'src/app.js': NODE_HANDLER }, 'src/app.js'), []);
    const python = { 'template.yaml': samTemplate('!GetAtt LedgerDb.MasterUserSecret.SecretArn', 'app.handler', 'python3.12'), 'src/app.py': PYTHON_HANDLER };
    assert.deepEqual(missing(python, 'src/app.py'), []);
  });

  it('keeps silent for another secret, a proxy, another variable, or no workspace', () => {
    for (const value of ['!Ref ApiKeySecret', '!GetAtt LedgerProxy.MasterUserSecret.SecretArn', '!GetAtt LedgerDb.Endpoint.Port', 'ledger-credentials']) {
      assert.deepEqual(missing({ 'template.yaml': samTemplate(value), 'src/app.js': NODE_HANDLER }, 'src/app.js'), [], value);
    }
    assert.deepEqual(missing({ 'src/app.js': NODE_HANDLER }, 'src/app.js'), []);
    // The secret holds the password only; the host comes from elsewhere.
    const fromEnvironment = NODE_HANDLER.replace('host: login.host', 'host: process.env.DB_HOST');
    assert.deepEqual(missing({ 'template.yaml': samTemplate('!GetAtt LedgerDb.MasterUserSecret.SecretArn'), 'src/app.js': fromEnvironment }, 'src/app.js'), []);
    // A host written as localhost stays a developer's server.
    const local = NODE_HANDLER.replace('host: login.host', "host: 'localhost'");
    assert.deepEqual(missing({ 'template.yaml': samTemplate('!GetAtt LedgerDb.MasterUserSecret.SecretArn'), 'src/app.js': local }, 'src/app.js'), []);
  });

  it('reads a secret a SecretTargetAttachment ties to a cluster of the template', () => {
    assert.deepEqual(missing({ 'template.yaml': attachedTemplate('LedgerCluster'), 'src/app.js': NODE_HANDLER }, 'src/app.js'), ['9:Pool rds-sql-tls-missing!']);
    assert.deepEqual(missing({ 'template.yaml': attachedTemplate('LedgerQueue'), 'src/app.js': NODE_HANDLER }, 'src/app.js'), []);
  });

  it("leaves Terraform's managed master user secret and the rds module's output alone, as RDS's own secret", () => {
    const terraform = (value: string): string =>
      sourceLines(
        'resource "aws_db_instance" "ledger" {',
        '  engine                      = "mysql"',
        '  instance_class              = "db.t4g.micro"',
        '  manage_master_user_password = true',
        '  storage_encrypted           = true',
        '}',
        '',
        'data "archive_file" "ledger" {',
        '  type        = "zip"',
        '  source_dir  = "${path.module}/../src"',
        '  output_path = "${path.module}/ledger.zip"',
        '}',
        '',
        'resource "aws_lambda_function" "ledger" {',
        '  function_name = "ledger"',
        '  filename      = data.archive_file.ledger.output_path',
        '  handler       = "app.handler"',
        '  runtime       = "python3.12"',
        '  environment {',
        `    variables = { SECRET_ARN = ${value} }`,
        '  }',
        '}',
      );
    for (const value of ['aws_db_instance.ledger.master_user_secret[0].secret_arn', 'module.db.db_instance_master_user_secret_arn', 'aws_secretsmanager_secret.api.arn', 'var.secret_arn']) {
      assert.deepEqual(missing({ 'infra/main.tf': terraform(value), 'src/app.py': PYTHON_HANDLER }, 'src/app.py'), [], value);
    }
  });

  it("reads a CDK database's generated secret, with a non-null assertion or an optional chain", () => {
    const stack = (value: string): string =>
      sourceLines(
        "import * as lambda from 'aws-cdk-lib/aws-lambda';",
        "import * as rds from 'aws-cdk-lib/aws-rds';",
        '',
        'export function build(stack: any, vpc: any) {',
        "  const ledger = new rds.DatabaseCluster(stack, 'Db', { engine: rds.DatabaseClusterEngine.AURORA_MYSQL, vpc, credentials: rds.Credentials.fromGeneratedSecret('admin') });",
        "  const key = new Secret(stack, 'ApiKey');",
        "  new lambda.Function(stack, 'Ledger', {",
        '    runtime: lambda.Runtime.NODEJS_20_X,',
        "    handler: 'app.handler',",
        "    code: lambda.Code.fromAsset('src'),",
        `    environment: { SECRET_ARN: ${value} },`,
        '  });',
        '}',
      );
    for (const value of ['ledger.secret!.secretArn', 'ledger.secret?.secretName!', 'ledger.secret.secretFullArn']) {
      assert.deepEqual(missing({ 'infra/stack.ts': stack(value), 'src/app.js': NODE_HANDLER }, 'src/app.js'), ['9:Pool rds-sql-tls-missing!'], value);
    }
    for (const value of ['key.secretArn', 'props.other.secret!.secretArn', 'ledger.clusterArn']) {
      assert.deepEqual(missing({ 'infra/stack.ts': stack(value), 'src/app.js': NODE_HANDLER }, 'src/app.js'), [], value);
    }
    // A cluster whose master user RDS manages: `secret` is then RDS's own, with no host.
    const managed = stack('ledger.secret!.secretArn').replace("credentials: rds.Credentials.fromGeneratedSecret('admin')", 'manageMasterUserPassword: true');
    assert.deepEqual(missing({ 'infra/stack.ts': managed, 'src/app.js': NODE_HANDLER }, 'src/app.js'), []);
  });

  it('reads a host destructured from the parsed secret, with mysql2, or from a helper named for the secret', () => {
    const destructured = sourceLines(
      "import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';",
      "import mysql from 'mysql2/promise';",
      '',
      'const sm = new SecretsManagerClient({});',
      'export const handler = async () => {',
      '  const out = await sm.send(new GetSecretValueCommand({ SecretId: process.env.SECRET_ARN }));',
      '  const { host, username, password } = JSON.parse(out.SecretString);',
      '  const conn = await mysql.createConnection({ host, user: username, password });', // 8
      '  return conn.query("select 1");',
      '};',
    );
    const template = attachedTemplate('LedgerCluster');
    assert.deepEqual(missing({ 'template.yaml': template, 'src/app.js': destructured }, 'src/app.js'), ['8:createConnection rds-sql-tls-missing!']);
    // The secret read by a helper of another module, named for it (`getSecret`), with `host: host`.
    const helper = sourceLines(
      "const { getSecret } = require('./secrets');",
      "const { Pool } = require('pg');",
      '',
      'exports.handler = async () => {',
      '  const { host, username, password } = await getSecret(process.env.SECRET_ARN);',
      '  const pool = new Pool({ host: host, user: username, password });', // 6
      '  return (await pool.query("select 1")).rows;',
      '};',
    );
    assert.deepEqual(missing({ 'template.yaml': template, 'src/app.js': helper }, 'src/app.js'), ['6:Pool rds-sql-tls-missing!']);
    assert.deepEqual(missing({ 'template.yaml': template, 'src/app.js': helper.replace(/getSecret/g, 'loadSettings') }, 'src/app.js'), []);
    // Destructured from a config object that is no secret: nothing.
    const config = destructured.replace('JSON.parse(out.SecretString)', 'require("./settings")');
    assert.deepEqual(missing({ 'template.yaml': template, 'src/app.js': config }, 'src/app.js'), []);
  });

  it("reads a file alone when the code reads the attached secret's dbInstanceIdentifier, and not RDS's own secret or a Redshift field", () => {
    const named = PYTHON_HANDLER.replace('os.environ["SECRET_ARN"]', '"rds!cluster-0f3a9c2e-77d1-4b0e-9e55-1c2d3e4f5a6b"');
    assert.deepEqual(missing({ 'src/app.py': named }, 'src/app.py'), []);
    const identifier = PYTHON_HANDLER.replace('    conn = ', '    print(creds["dbInstanceIdentifier"])\n    conn = ');
    assert.deepEqual(missing({ 'src/app.py': identifier }, 'src/app.py'), ['10:connect rds-sql-tls-missing!']);
    for (const field of ['engine', 'dbClusterIdentifier']) {
      assert.deepEqual(missing({ 'src/app.py': PYTHON_HANDLER.replace('    conn = ', `    print(creds["${field}"])\n    conn = `) }, 'src/app.py'), [], field);
    }
    const engine = identifier;
    // A secret of unknown origin, or one the file never reads from Secrets Manager: nothing.
    assert.deepEqual(missing({ 'src/app.py': PYTHON_HANDLER.replace('os.environ["SECRET_ARN"]', '"warehouse-redshift-login"') }, 'src/app.py'), []);
    const noRead = engine.replace('boto3.client("secretsmanager").get_secret_value(SecretId=os.environ["SECRET_ARN"])', 'load_settings()');
    assert.deepEqual(missing({ 'src/app.py': noRead }, 'src/app.py'), []);
  });
});
