/**
 * Workspace mode of the command line: a folder is its own workspace, a file named alone belongs to its
 * git repository (or its folder outside git), and each code file is given its path in that workspace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/cli';
import { collectFiles } from '../../../src/cli/files';
import { CliWorkspaces } from '../../../src/cli/workspace';
import { Budget } from '../../../src/hints/engine/budget';
import { realHintRules } from '../hints/support';
import { FIXTURES } from './support';

const env = (variable: string) => ({ kind: 'env' as const, variable });

function workspaces(inputs: string[]): CliWorkspaces {
  const walked = collectFiles(inputs);
  return new CliWorkspaces(inputs, walked.files, { fs, read: (file) => fs.readFileSync(file, 'utf8'), budget: () => new Budget(1000) });
}

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd }, realHintRules());
  return { code, stdout, stderr };
}

describe('aws-db-hints workspace mode', () => {
  let temp: string;

  beforeEach(() => {
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-workspace-')));
  });

  afterEach(() => {
    fs.rmSync(temp, { recursive: true, force: true });
  });

  function copyFixture(name: string, to: string): string {
    const target = path.join(temp, to);
    fs.cpSync(path.join(FIXTURES, name), target, { recursive: true });
    return target;
  }

  it('judges the files of a folder with the IaC of that folder, by their paths in it', async () => {
    const app = copyFixture('sam-app', 'orders');
    const found = workspaces([app]).viewFor(path.join(app, 'src', 'handlers', 'list.ts'))!;
    assert.equal(found.root, app);
    assert.equal(found.fileName, 'src/handlers/list.ts');
    assert.equal(found.model.resolveTable(found.fileName, env('ORDERS_TABLE'))?.logicalName, 'OrdersTable');
    assert.deepEqual(found.model.files(), ['template.yaml']);
  });

  it('judges a file named alone with the IaC under its git root', async () => {
    copyFixture('terraform-python', 'repo');
    fs.mkdirSync(path.join(temp, 'repo', '.git'));
    const handler = path.join(temp, 'repo', 'app', 'handler.py');
    const found = workspaces([handler]).viewFor(handler)!;
    assert.equal(found.root, path.join(temp, 'repo'));
    assert.equal(found.fileName, 'app/handler.py');
    assert.equal(found.model.resolveTable(found.fileName, env('SESSIONS_TABLE'))?.logicalName, 'aws_dynamodb_table.sessions');
  });

  it('judges a file named alone outside git with the IaC of its own folder only', async () => {
    const app = copyFixture('sam-app', 'loose');
    const handler = path.join(app, 'src', 'handlers', 'list.ts');
    const found = workspaces([handler]).viewFor(handler)!;
    assert.equal(found.root, path.dirname(handler));
    assert.equal(found.fileName, 'list.ts');
    assert.equal(found.model.isEmpty(), true, 'the template is two folders up');
  });

  it('gives each folder named on the command line its own workspace', async () => {
    const sam = copyFixture('sam-app', 'a');
    const cdk = copyFixture('cdk-typescript', 'b');
    const both = workspaces([sam, cdk]);
    const samView = both.viewFor(path.join(sam, 'archive', 'app.js'))!;
    const cdkView = both.viewFor(path.join(cdk, 'lambda', 'orders', 'index.ts'))!;
    assert.notEqual(samView.model, cdkView.model);
    assert.equal(cdkView.model.resolveTable(cdkView.fileName, env('ORDERS_TABLE'))?.logicalName, 'Orders');
    assert.equal(samView.model.resolveTable(samView.fileName, env('ORDERS_TABLE'))?.logicalName, 'ArchiveTable');
  });

  it('says on stderr what each workspace defines, and nothing with --no-workspace or without IaC', async () => {
    copyFixture('terraform-python', 'tf');
    const withModel = await cli(temp, 'tf');
    assert.match(withModel.stderr, /^aws-db-hints: workspace tf: 2 DynamoDB tables, 2 RDS or ElastiCache resources, 2 Lambda functions in 3 files$/m);
    assert.ok(!(await cli(temp, '--no-workspace', 'tf')).stderr.includes('workspace'));
    fs.mkdirSync(path.join(temp, 'plain'));
    fs.writeFileSync(path.join(temp, 'plain', 'app.py'), 'import boto3\n');
    assert.ok(!(await cli(temp, 'plain')).stderr.includes('workspace'));
  });

  it('escapes a workspace name that carries control characters', async () => {
    copyFixture('sam-app', 'evil\n::error::x');
    assert.match((await cli(temp, '.')).stderr, /^aws-db-hints: workspace /m);
    const named = (await cli(temp, 'evil\n::error::x')).stderr;
    assert.ok(!named.includes('\n::error::'), named);
  });
  it('judges a file without a workspace by its path below the working folder, not by the folders above it', async () => {
    // A checkout that happens to sit in a folder named `tests`: its stack is no test's.
    const app = path.join(temp, 'tests', 'app');
    fs.mkdirSync(path.join(app, 'lib'), { recursive: true });
    fs.writeFileSync(
      path.join(app, 'lib', 'stack.ts'),
      [
        "import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';",
        "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
        "const stack = new Stack(new App(), 'Orders');",
        "new dynamodb.Table(stack, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, removalPolicy: RemovalPolicy.DESTROY });",
        '',
      ].join('\n'),
    );
    const { stdout } = await cli(app, '--no-workspace', '.');
    assert.match(stdout, /lib\/stack\.ts:4:\d+ information dynamodb-removal-policy/);
  });
});
