/**
 * Lambda layers a Node.js handler requires by absolute path (`workspace/lambdaLayers.ts`): `require('/opt/nodejs/db')`
 * reads the layer folder the project keeps (`layers/common/nodejs/db.js`, Amplify's
 * `amplify/backend/function/<layer>/lib/nodejs/db.js`), and an Amplify or CDK template's asset metadata
 * (`aws:asset:path`) says where a function's code is, so that its handler is known by the template's name.
 */
import * as assert from 'node:assert/strict';
import { layerBases, LayerFolders } from '../../../src/hints/engine/workspace/lambdaLayers';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const findings = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => hint.endsWith('!'));

/** A SAM layer's database module: a pg client made anew by each call, and a pool kept once. */
const DATABASE = sourceLines(
  "const { Client, Pool } = require('pg');",
  '',
  'let pool;',
  '',
  'async function getConn() {',
  '  const client = new Client({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD });',
  '  await client.connect();',
  '  return client;',
  '}',
  '',
  'function getPool() {',
  '  if (!pool) {',
  '    pool = new Pool({ host: process.env.DB_HOST, max: 1 });',
  '  }',
  '  return pool;',
  '}',
  '',
  'module.exports = { getConn, getPool };',
);

/** A layer's DynamoDB module: one DocumentClient of the SDK v2, made when the layer loads. */
const DYNAMO = sourceLines(
  "const AWS = require('aws-sdk');",
  '',
  'const docClient = new AWS.DynamoDB.DocumentClient();',
  '',
  'module.exports = { docClient };',
);

describe('workspace: modules of Lambda layers required as /opt/nodejs/…', () => {
  it("reads a SAM layer's helper that connects on each call and its shared client, not a kept pool", () => {
    const handler = sourceLines(
      "const { getConn, getPool } = require('/opt/nodejs/database');",
      "const { docClient } = require('/opt/nodejs/dynamo.js');",
      '',
      'exports.handler = async (event) => {',
      '  const conn = await getConn();',
      '  const shared = getPool();',
      "  await conn.query('INSERT INTO audit(value) VALUES ($1)', [event.detail]);",
      '  const data = await docClient.scan({ TableName: process.env.ORDERS_TABLE }).promise();',
      '  return data.Items;',
      '};',
    );
    const files = { 'layers/common/nodejs/database.js': DATABASE, 'layers/common/nodejs/dynamo.js': DYNAMO, 'functions/audit/app.js': handler };
    assert.deepEqual(findings(files, 'functions/audit/app.js'), ['5:getConn rds-sql-connection-per-invocation!', '8:scan dynamodb-scan!']);
  });

  it('reads an ES module and a TypeScript import of a layer, and a tsconfig path that maps the layer elsewhere', () => {
    const handler = sourceLines(
      "import { docClient } from '/opt/nodejs/dynamo';",
      '',
      'export const handler = async (event: { id: string }) => {',
      '  const page = await docClient.scan({ TableName: process.env.ORDERS_TABLE! }).promise();',
      '  return page.Items;',
      '};',
    );
    assert.deepEqual(findings({ 'src/layer/nodejs/dynamo.ts': DYNAMO, 'src/handlers/list.ts': handler }, 'src/handlers/list.ts'), ['4:scan dynamodb-scan!']);
    // TypeScript's `paths` decide first: this one maps the layer to a folder without the module.
    const tsconfig = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '/opt/nodejs/*': ['shared/*'] } } });
    assert.deepEqual(findings({ 'tsconfig.json': tsconfig, 'src/layer/nodejs/dynamo.ts': DYNAMO, 'src/handlers/list.ts': handler }, 'src/handlers/list.ts'), []);
    assert.deepEqual(findings({ 'tsconfig.json': tsconfig, 'shared/dynamo.ts': DYNAMO, 'src/handlers/list.ts': handler }, 'src/handlers/list.ts'), ['4:scan dynamodb-scan!']);
  });

  it('says nothing when two layers hold the module and differ, for another absolute path, or a path that climbs out', () => {
    const handler = sourceLines(
      "const { getConn } = require('/opt/nodejs/database');",
      "const other = require('/opt/python/database');",
      "const climbed = require('/opt/nodejs/../nodejs/database');",
      '',
      'exports.handler = async (event) => {',
      '  const conn = await getConn();',
      '  const second = await other.getConn();',
      '  const third = await climbed.getConn();',
      "  return conn.query('SELECT 1');",
      '};',
    );
    // Another layer's module of the same path connects to the host it is given: which one the function has, only its template tells.
    const given = sourceLines(
      "const { Client } = require('pg');",
      '',
      'async function getConn(host) {',
      '  const client = new Client({ host, password: process.env.DB_PASSWORD });',
      '  await client.connect();',
      '  return client;',
      '}',
      '',
      'module.exports = { getConn };',
    );
    assert.deepEqual(findings({ 'layers/a/nodejs/database.js': DATABASE, 'layers/b/nodejs/database.js': given, 'functions/app.js': handler }, 'functions/app.js'), []);
    // The same layer alone answers.
    assert.deepEqual(findings({ 'layers/a/nodejs/database.js': DATABASE, 'functions/app.js': handler }, 'functions/app.js'), ['6:getConn rds-sql-connection-per-invocation!']);
  });
});

describe('workspace: Lambda layer folders', () => {
  it('takes the nodejs folders outside node_modules, and none once there are too many to be sure', () => {
    const layers = new LayerFolders('nodejs');
    ['layers/common/nodejs/db.js', 'nodejs/util.js', 'layers/common/nodejs/node_modules/pg/index.js', 'src/nodejs-tools/run.js'].forEach((file) => layers.add(file));
    assert.deepEqual(layers.folders(), ['layers/common/nodejs', 'nodejs']);
    assert.deepEqual(layerBases(layers.folders(), '/opt/nodejs/lib/db'), ['layers/common/nodejs/lib/db', 'nodejs/lib/db']);
    assert.equal(layerBases(layers.folders(), '/opt/python/db'), undefined);
    const many = new LayerFolders('nodejs');
    for (let k = 0; k < 65; k++) {
      many.add(`services/s${k}/layer/nodejs/db.js`);
    }
    assert.deepEqual(many.folders(), []);
  });
});

describe("workspace: an Amplify function's code by its template's asset metadata", () => {
  const template = (assetProperty: string): string =>
    JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        LambdaFunction: {
          Type: 'AWS::Lambda::Function',
          Metadata: { 'aws:asset:path': './src', 'aws:asset:property': assetProperty },
          Properties: {
            Code: { S3Bucket: { Ref: 'deploymentBucketName' }, S3Key: { Ref: 's3Key' } },
            Handler: 'index.handler',
            Runtime: 'nodejs18.x',
          },
        },
      },
    });
  // Amplify lets the handler call its event anything; only the template tells it is one.
  const handler = sourceLines(
    "const { getConn } = require('/opt/nodejs/database');",
    '',
    'exports.handler = async (params) => {',
    '  const conn = await getConn();',
    '  try {',
    "    return (await conn.query('SELECT * FROM trips WHERE id = $1', [params.tripId])).rows;",
    '  } finally {',
    '    await conn.end();',
    '  }',
    '};',
  );
  const files = (assetProperty: string): Record<string, string> => ({
    'amplify/backend/function/dbLayer/lib/nodejs/database.js': DATABASE,
    'amplify/backend/function/tripDetail/tripDetail-cloudformation-template.json': template(assetProperty),
    'amplify/backend/function/tripDetail/src/index.js': handler,
  });

  it('knows the handler the template names in the asset folder, and reads the layer it requires', () => {
    assert.deepEqual(findings(files('Code'), 'amplify/backend/function/tripDetail/src/index.js'), ['4:getConn rds-sql-connection-per-invocation!']);
  });

  it("says nothing when the metadata names another property than the function's code", () => {
    assert.deepEqual(findings(files('Content'), 'amplify/backend/function/tripDetail/src/index.js'), []);
  });
});

describe('workspace: modules of Python Lambda layers imported by their plain name', () => {
  /** A SAM layer's module below its `python` folder, which Lambda puts on the import path as `/opt/python`. */
  const COMMON_DB = sourceLines(
    'import os',
    'import boto3',
    '',
    '_dynamodb = boto3.resource("dynamodb")',
    'orders_table = _dynamodb.Table(os.environ["ORDERS_TABLE"])',
    '',
    '',
    'def get_table():',
    '    return boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])',
  );
  const handler = sourceLines(
    'from common.db import orders_table, get_table',
    '',
    '',
    'def lambda_handler(event, context):',
    '    items = orders_table.scan()["Items"]', // 5
    '    table = get_table()', // 6
    '    return {"count": len(items), "table": table.name}',
  );

  it("reads the layer's shared table and its function that makes a resource on each call", () => {
    const files = { 'layers/shared/python/common/__init__.py': '', 'layers/shared/python/common/db.py': COMMON_DB, 'functions/list_orders/app.py': handler };
    assert.deepEqual(findings(files, 'functions/list_orders/app.py'), ['5:scan dynamodb-scan!', '6:get_table lambda-client-per-invocation!']);
  });

  /** A SAM template whose layer `sam build` builds with `method`, putting its ContentUri folder below `python`. */
  const template = (method: string): string =>
    sourceLines(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  SharedLayer:',
      '    Type: AWS::Serverless::LayerVersion',
      '    Properties:',
      '      ContentUri: layers/shared/',
      '    Metadata:',
      `      BuildMethod: ${method}`,
      '  ListOrders:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: functions/list_orders/',
      '      Handler: app.lambda_handler',
      '      Runtime: python3.12',
      '      Layers: [!Ref SharedLayer]',
    );

  it('reads a layer that sam build builds for Python from its ContentUri folder, and not one built otherwise', () => {
    const files = (method: string): Record<string, string> => ({ 'template.yaml': template(method), 'layers/shared/common/db.py': COMMON_DB, 'functions/list_orders/app.py': handler });
    assert.deepEqual(findings(files('python3.12'), 'functions/list_orders/app.py'), ['5:scan dynamodb-scan!', '6:get_table lambda-client-per-invocation!']);
    assert.deepEqual(findings(files('makefile'), 'functions/list_orders/app.py'), []);
  });
});
