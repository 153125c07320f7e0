/**
 * A Lambda function's environment variable set to an RDS endpoint's address in the workspace's template, Terraform
 * configuration or CDK app (`DB_HOST: !GetAtt Db.Endpoint.Address`, `aws_db_instance.x.address`,
 * `cluster.clusterEndpoint.hostname`, Go's `db.DbInstanceEndpointAddress()`): the handler that reads it as its
 * database host connects to RDS, so a connection there that switches TLS off is `rds-sql-tls-disabled`. A variable
 * set to anything else, or set differently by two functions that run the file, keeps the hover only.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const tls = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => hint.endsWith('rds-sql-tls-disabled!'));

/** A Node.js handler: a pg pool with `ssl: false`, and a URL built with `sslmode=disable`, both to `DB_HOST`. */
const NODE_HANDLER = sourceLines(
  "const { Pool } = require('pg');",
  '',
  'const pool = new Pool({ host: process.env.DB_HOST, user: process.env.DB_USER, ssl: false });', // 3
  'const url = `postgres://app@${process.env["DB_HOST"]}:5432/orders?sslmode=disable`;', // 4
  '',
  'exports.handler = async () => (await pool.query("select 1")).rows.concat(url);',
);

/** A Python handler: psycopg2 with `sslmode="disable"` to `DB_HOST`. */
const PYTHON_HANDLER = sourceLines(
  'import os',
  'import psycopg2',
  '',
  'conn = psycopg2.connect(host=os.environ.get("DB_HOST"), dbname="orders", sslmode="disable")', // 4
  '',
  '',
  'def handler(event, context):',
  '    return conn.closed',
);

/** A SAM template whose function's `DB_HOST` is `value`. */
const samTemplate = (value: string, handler = 'app.handler', runtime = 'nodejs20.x'): string =>
  sourceLines(
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  OrdersDb:',
    '    Type: AWS::RDS::DBCluster',
    '    Properties:',
    '      Engine: aurora-postgresql',
    '      StorageEncrypted: true',
    '  Orders:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      CodeUri: src/',
    `      Handler: ${handler}`,
    `      Runtime: ${runtime}`,
    '      Environment:',
    '        Variables:',
    `          DB_HOST: ${value}`,
  );

describe('workspace: an environment variable set to an RDS endpoint', () => {
  it('reads a CloudFormation GetAtt of an instance or cluster endpoint, or a Sub of one, as the host of the handler it runs', () => {
    for (const value of ['!GetAtt OrdersDb.Endpoint.Address', '!GetAtt OrdersDb.ReadEndpoint.Address', "!Sub '${OrdersDb.Endpoint.Address}'"]) {
      assert.deepEqual(tls({ 'template.yaml': samTemplate(value), 'src/app.js': NODE_HANDLER }, 'src/app.js'), ['3:ssl rds-sql-tls-disabled!', '4:`postgres://app@${process.env["DB_HOST"]}:5432/orders?sslmode=disable` rds-sql-tls-disabled!'], value);
    }
    const python = { 'template.yaml': samTemplate('!GetAtt OrdersDb.Endpoint.Address', 'app.handler', 'python3.12'), 'src/app.py': PYTHON_HANDLER };
    assert.deepEqual(tls(python, 'src/app.py'), ['4:sslmode rds-sql-tls-disabled!']);
  });

  it('keeps the hover only for another value, another attribute, or two functions that disagree', () => {
    for (const value of ['localhost', '!GetAtt OrdersDb.Endpoint.Port', '!Ref OrdersDb', "!Sub '${OrdersDb.Endpoint.Address}:5432'"]) {
      assert.deepEqual(tls({ 'template.yaml': samTemplate(value), 'src/app.js': NODE_HANDLER }, 'src/app.js'), [], value);
    }
    const second = sourceLines('  Local:', '    Type: AWS::Serverless::Function', '    Properties:', '      CodeUri: src/', '      Handler: app.handler', '      Runtime: nodejs20.x', '      Environment:', '        Variables:', '          DB_HOST: db.internal');
    const template = samTemplate('!GetAtt OrdersDb.Endpoint.Address') + '\n' + second;
    assert.deepEqual(tls({ 'template.yaml': template, 'src/app.js': NODE_HANDLER }, 'src/app.js'), []);
    // No workspace: the name alone says nothing.
    assert.deepEqual(tls({ 'src/app.js': NODE_HANDLER }, 'src/app.js'), []);
  });

  it("reads Terraform's instance address and the rds module's output", () => {
    const terraform = (value: string): string =>
      sourceLines(
        'resource "aws_db_instance" "orders" {',
        '  engine            = "postgres"',
        '  instance_class    = "db.t4g.micro"',
        '  storage_encrypted = true',
        '}',
        '',
        'data "archive_file" "orders" {',
        '  type        = "zip"',
        '  source_dir  = "${path.module}/../src"',
        '  output_path = "${path.module}/orders.zip"',
        '}',
        '',
        'resource "aws_lambda_function" "orders" {',
        '  function_name = "orders"',
        '  filename      = data.archive_file.orders.output_path',
        '  handler       = "app.handler"',
        '  runtime       = "python3.12"',
        '  environment {',
        `    variables = { DB_HOST = ${value} }`,
        '  }',
        '}',
      );
    for (const value of ['aws_db_instance.orders.address', 'aws_db_instance.orders.endpoint', 'module.db.db_instance_address']) {
      assert.deepEqual(tls({ 'infra/main.tf': terraform(value), 'src/app.py': PYTHON_HANDLER }, 'src/app.py'), ['4:sslmode rds-sql-tls-disabled!'], value);
    }
    for (const value of ['aws_db_instance.orders.port', 'module.eks.cluster_endpoint', 'var.db_host']) {
      assert.deepEqual(tls({ 'infra/main.tf': terraform(value), 'src/app.py': PYTHON_HANDLER }, 'src/app.py'), [], value);
    }
  });

  it('reads a CDK cluster endpoint in TypeScript, and an instance address in a Go and a Java stack', () => {
    const typescript = sourceLines(
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      '',
      'export function build(stack: any, vpc: any) {',
      "  const cluster = new rds.DatabaseCluster(stack, 'Db', { engine: rds.DatabaseClusterEngine.AURORA_POSTGRESQL, vpc });",
      "  new lambda.Function(stack, 'Orders', {",
      '    runtime: lambda.Runtime.NODEJS_20_X,',
      "    handler: 'app.handler',",
      "    code: lambda.Code.fromAsset('src'),",
      '    environment: { DB_HOST: cluster.clusterEndpoint.hostname, DB_USER: cluster.clusterIdentifier },',
      '  });',
      '}',
    );
    assert.deepEqual(tls({ 'infra/stack.ts': typescript, 'src/app.js': NODE_HANDLER }, 'src/app.js').length, 2);
    assert.deepEqual(tls({ 'infra/stack.ts': typescript.replace('cluster.clusterEndpoint.hostname', 'cluster.clusterIdentifier'), 'src/app.js': NODE_HANDLER }, 'src/app.js'), []);
    assert.deepEqual(tls({ 'infra/stack.ts': typescript.replace('cluster.clusterEndpoint.hostname', 'props.database.dbInstanceEndpointAddress'), 'src/app.js': NODE_HANDLER }, 'src/app.js').length, 2);
    assert.deepEqual(tls({ 'infra/stack.ts': typescript.replace('cluster.clusterEndpoint.hostname', 'props.docdb.clusterEndpoint.hostname'), 'src/app.js': NODE_HANDLER }, 'src/app.js'), []);

    const goStack = sourceLines(
      'package main',
      '',
      'import (',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"',
      '\t"github.com/aws/jsii-runtime-go"',
      ')',
      '',
      'func build(stack awscdk.Stack, vpc awsec2.Vpc) {',
      '\tdb := awsrds.NewDatabaseInstance(stack, jsii.String("Db"), &awsrds.DatabaseInstanceProps{Vpc: vpc})',
      '\tawslambda.NewFunction(stack, jsii.String("Orders"), &awslambda.FunctionProps{',
      '\t\tRuntime: awslambda.Runtime_PYTHON_3_12(),',
      '\t\tHandler: jsii.String("app.handler"),',
      '\t\tCode:    awslambda.Code_FromAsset(jsii.String("src"), nil),',
      '\t\tEnvironment: &map[string]*string{"DB_HOST": db.DbInstanceEndpointAddress()},',
      '\t})',
      '}',
    );
    assert.deepEqual(tls({ 'stack.go': goStack, 'src/app.py': PYTHON_HANDLER }, 'src/app.py'), ['4:sslmode rds-sql-tls-disabled!']);
    assert.deepEqual(tls({ 'stack.go': goStack.replace('db.DbInstanceEndpointAddress()', 'db.InstanceIdentifier()'), 'src/app.py': PYTHON_HANDLER }, 'src/app.py'), []);
    // An instance another stack hands over in its props: only database instances have this member.
    const handedOver = goStack.replace('db.DbInstanceEndpointAddress()', 'props.Storage.Database.DbInstanceEndpointAddress()');
    assert.deepEqual(tls({ 'stack.go': handedOver, 'src/app.py': PYTHON_HANDLER }, 'src/app.py'), ['4:sslmode rds-sql-tls-disabled!']);
    // A cluster endpoint of a receiver the file does not make may be another service's cluster (DocumentDB, Neptune, Redshift).
    const otherCluster = goStack.replace('db.DbInstanceEndpointAddress()', 'props.Storage.Cluster.ClusterEndpoint().Hostname()');
    assert.deepEqual(tls({ 'stack.go': otherCluster, 'src/app.py': PYTHON_HANDLER }, 'src/app.py'), []);

    const javaStack = sourceLines(
      'package com.example;',
      '',
      'import software.amazon.awscdk.services.lambda.Code;',
      'import software.amazon.awscdk.services.lambda.Function;',
      'import software.amazon.awscdk.services.lambda.Runtime;',
      'import software.amazon.awscdk.services.rds.DatabaseCluster;',
      'import java.util.Map;',
      '',
      'public class OrdersStack {',
      '    public void build(Object stack, DatabaseCluster.Builder builder) {',
      '        DatabaseCluster cluster = DatabaseCluster.Builder.create(stack, "Db").build();',
      '        Function.Builder.create(stack, "Orders")',
      '            .runtime(Runtime.PYTHON_3_12)',
      '            .handler("app.handler")',
      '            .code(Code.fromAsset("src"))',
      '            .environment(Map.of("DB_HOST", cluster.getClusterEndpoint().getHostname()))',
      '            .build();',
      '    }',
      '}',
    );
    assert.deepEqual(tls({ 'infra/src/main/java/com/example/OrdersStack.java': javaStack, 'src/app.py': PYTHON_HANDLER }, 'src/app.py'), ['4:sslmode rds-sql-tls-disabled!']);
  });
});
