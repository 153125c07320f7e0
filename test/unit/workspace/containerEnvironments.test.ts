/**
 * An ECS container of a CDK app whose image is built from a folder of the workspace (`ContainerImage.fromAsset`,
 * `new AssetImage`, `fromDockerImageAsset` of a `DockerImageAsset({ directory })`) hands that folder's code its
 * environment, as a Lambda function does: `DB_HOST: db.dbInstanceEndpointAddress` makes the code's SQL connection
 * RDS's, so TLS switched off there is `rds-sql-tls-disabled`. An image from a registry or an ECR repository, a name
 * or a name bound twice gets nothing.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { workspaceSummary } from '../../../src/cli/workspace';
import { hintsOfFile, workspaceOf } from './support';

const tls = (files: Record<string, string>, file: string): string[] => hintsOfFile(files, file).filter((hint) => hint.endsWith('rds-sql-tls-disabled!'));

/** A Node.js service: a pg pool with `ssl: false` to `PG_SERVER`. */
const NODE_SERVICE = sourceLines(
  "const { Pool } = require('pg');",
  '',
  'const pool = new Pool({ host: process.env.PG_SERVER, user: "svc", ssl: false });', // 3
  '',
  'module.exports = { list: async () => (await pool.query("select 1")).rows };',
);

/** A Python service: psycopg2 with `sslmode="disable"` to `PG_SERVER`. */
const PYTHON_SERVICE = sourceLines('import os', 'import psycopg2', '', 'conn = psycopg2.connect(host=os.environ["PG_SERVER"], dbname="ledger", sslmode="disable")'); // 4

/** A TypeScript stack whose pattern service runs `image` with `PG_SERVER` set to `value`. */
const patternStack = (image: string, value = 'ledgerDb.dbInstanceEndpointAddress', before = ''): string =>
  sourceLines(
    "import * as path from 'path';",
    "import { Stack } from 'aws-cdk-lib';",
    "import * as ecs from 'aws-cdk-lib/aws-ecs';",
    "import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';",
    "import { DockerImageAsset } from 'aws-cdk-lib/aws-ecr-assets';",
    "import * as rds from 'aws-cdk-lib/aws-rds';",
    'export class LedgerStack extends Stack {',
    '  constructor(scope: any, id: string) {',
    '    super(scope, id);',
    "    const ledgerDb = new rds.DatabaseInstance(this, 'LedgerDb', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc: undefined as any });",
    before,
    "    new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'LedgerApi', {",
    `      taskImageOptions: { image: ${image}, environment: { PG_SERVER: ${value} } },`,
    '    });',
    '  }',
    '}',
  );

describe('workspace: an ECS container built from a folder, with its environment', () => {
  it('reads a pattern service whose image is built from the folder, in place, through a name or a DockerImageAsset', () => {
    const images: [string, string][] = [
      ["ecs.ContainerImage.fromAsset(path.join(__dirname, '../../ledger-api'))", ''],
      ["ecs.ContainerImage.fromAsset('ledger-api')", ''],
      ["new ecs.AssetImage(path.join(__dirname, '../../ledger-api'))", ''],
      ['apiImage', "    const apiImage = ecs.ContainerImage.fromAsset(path.join(__dirname, '../../ledger-api'));"],
      ['ecs.ContainerImage.fromDockerImageAsset(asset)', "    const asset = new DockerImageAsset(this, 'ApiImage', { directory: path.join(__dirname, '../../ledger-api') });"],
    ];
    for (const [image, before] of images) {
      const files = { 'infra/lib/stack.ts': patternStack(image, undefined, before), 'infra/cdk.json': '{}', 'ledger-api/db.js': NODE_SERVICE };
      assert.deepEqual(tls(files, 'ledger-api/db.js'), ['3:ssl rds-sql-tls-disabled!'], image);
    }
  });

  it("reads a task definition's addContainer, and Python's add_container and task_image_options", () => {
    const addContainer = patternStack('x').replace(
      / {4}new ecsPatterns[\s\S]*?\}\);\n/,
      sourceLines(
        "    const task = new ecs.FargateTaskDefinition(this, 'Task');",
        "    task.addContainer('Api', { image: ecs.ContainerImage.fromAsset(path.join(__dirname, '../../ledger-api')), environment: { PG_SERVER: ledgerDb.dbInstanceEndpointAddress } });",
        '',
      ),
    );
    assert.deepEqual(tls({ 'infra/lib/stack.ts': addContainer, 'ledger-api/db.js': NODE_SERVICE }, 'ledger-api/db.js'), ['3:ssl rds-sql-tls-disabled!']);
    const python = sourceLines(
      'from aws_cdk import Stack, aws_ecs as ecs, aws_ecs_patterns as ecs_patterns, aws_rds as rds',
      '',
      'class LedgerStack(Stack):',
      '    def __init__(self, scope, id):',
      '        super().__init__(scope, id)',
      '        db = rds.DatabaseCluster(self, "LedgerDb", engine=rds.DatabaseClusterEngine.AURORA_POSTGRESQL)',
      '        ecs_patterns.ApplicationLoadBalancedFargateService(',
      '            self, "LedgerApi",',
      '            task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(',
      '                image=ecs.ContainerImage.from_asset("./ledger-api"),',
      '                environment={"PG_SERVER": db.cluster_endpoint.hostname},',
      '            ),',
      '        )',
      '        task = ecs.FargateTaskDefinition(self, "Worker")',
      '        task.add_container("Worker", image=ecs.ContainerImage.from_asset("./ledger-worker"), environment={"PG_SERVER": db.cluster_endpoint.hostname})',
    );
    const files = { 'app.py': python, 'cdk.json': '{}', 'ledger-api/db.py': PYTHON_SERVICE, 'ledger-worker/db.py': PYTHON_SERVICE };
    assert.deepEqual(tls(files, 'ledger-api/db.py'), ['4:sslmode rds-sql-tls-disabled!']);
    assert.deepEqual(tls(files, 'ledger-worker/db.py'), ['4:sslmode rds-sql-tls-disabled!']);
  });

  it("reads a secret's host key when the secret is an RDS construct's own, and a JavaScript read with a literal fallback", () => {
    const secrets = patternStack("ecs.ContainerImage.fromAsset('ledger-api')").replace(
      'environment: { PG_SERVER: ledgerDb.dbInstanceEndpointAddress }',
      "secrets: { PG_SERVER: ecs.Secret.fromSecretsManager(ledgerDb.secret!, 'host'), PG_USER: ecs.Secret.fromSecretsManager(ledgerDb.secret!, 'username') }",
    );
    const fallback = NODE_SERVICE.replace('process.env.PG_SERVER', "process.env.PG_SERVER || 'localhost'");
    assert.deepEqual(tls({ 'infra/lib/stack.ts': secrets, 'ledger-api/db.js': fallback }, 'ledger-api/db.js'), ['3:ssl rds-sql-tls-disabled!']);
    // Another key of the secret, or a secret the file does not make for a database, names no endpoint.
    for (const [name, secret] of [['PG_SERVER', "ecs.Secret.fromSecretsManager(ledgerDb.secret!, 'port')"], ['PG_SERVER', "ecs.Secret.fromSecretsManager(appSecret, 'host')"], ['PG_SERVER', "ecs.Secret.fromSecretsManager(props.other.secret!, 'host')"]]) {
      const stack = patternStack("ecs.ContainerImage.fromAsset('ledger-api')").replace('environment: { PG_SERVER: ledgerDb.dbInstanceEndpointAddress }', `secrets: { ${name}: ${secret} }`);
      assert.deepEqual(tls({ 'infra/lib/stack.ts': stack, 'ledger-api/db.js': NODE_SERVICE }, 'ledger-api/db.js'), [], secret);
    }
  });

  it("names the containers apart from Lambda functions in the CLI's workspace line", () => {
    const model = workspaceOf({ 'infra/lib/stack.ts': patternStack("ecs.ContainerImage.fromAsset('ledger-api')"), 'ledger-api/db.js': NODE_SERVICE });
    assert.equal(workspaceSummary(model), '0 DynamoDB tables, 1 RDS or ElastiCache resource, 1 ECS container, 0 Lambda functions in 1 file');
  });

  it('stays silent for an image from a registry or a repository, a name bound twice, or another value', () => {
    const silent: [string, string][] = [
      ["ecs.ContainerImage.fromRegistry('ledger/api:1.4')", ''],
      ['ecs.ContainerImage.fromEcrRepository(repo)', ''],
      ['apiImage', "    let apiImage = ecs.ContainerImage.fromAsset('ledger-api');\n    apiImage = ecs.ContainerImage.fromRegistry('ledger/api');"],
      ['ecs.ContainerImage.fromDockerImageAsset(props.asset)', ''],
    ];
    for (const [image, before] of silent) {
      assert.deepEqual(tls({ 'infra/lib/stack.ts': patternStack(image, undefined, before), 'ledger-api/db.js': NODE_SERVICE }, 'ledger-api/db.js'), [], image);
    }
    const local = patternStack("ecs.ContainerImage.fromAsset('ledger-api')", "'db.internal'");
    assert.deepEqual(tls({ 'infra/lib/stack.ts': local, 'ledger-api/db.js': NODE_SERVICE }, 'ledger-api/db.js'), []);
    const port = patternStack("ecs.ContainerImage.fromAsset('ledger-api')", 'ledgerDb.dbInstanceEndpointPort');
    assert.deepEqual(tls({ 'infra/lib/stack.ts': port, 'ledger-api/db.js': NODE_SERVICE }, 'ledger-api/db.js'), []);
  });
});
