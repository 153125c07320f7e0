/**
 * The aws-db-hints CLI on several threads: a tree large enough to be split gives the same stdout,
 * stderr and exit code, in the same order, as on one thread; small trees stay on one thread.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CliIo, runCli } from '../../../src/cli/cli';
import { BYTES_PER_THREAD, threadsFor } from '../../../src/cli/parallel';
import { FileEntry } from '../../../src/cli/files';
import { DEFAULT_LIMITS } from '../../../src/hints/engine/text';
import { BUILT_CLI, CliRun, ROOT, spawnBuiltCli } from './builtCli';
import { realHintRules } from './support';

const FIXTURES = path.join(ROOT, 'test/fixtures/hints');

/** runCli in this process, with workers started from the built bundle; counts the workers it starts. */
async function runInProcess(cwd: string, argv: string[]): Promise<CliRun & { workers: number }> {
  let stdout = '';
  let stderr = '';
  let workers = 0;
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    startWorker: (settings) => {
      workers++;
      return new Worker(BUILT_CLI, { workerData: settings });
    },
  };
  const code = await runCli(argv, io, realHintRules());
  return { code, stdout, stderr, workers };
}

/**
 * A quarter of a megabyte of real fixtures in eight languages, with files with findings and skips
 * (minified, binary) spread through the order, and one file over the size limit: never read, it
 * makes the tree worth two threads or more at little cost to the test.
 */
function writeLargeTree(root: string): void {
  const sources = ['typescript/order-store.ts', 'typescript/cache.ts', 'python/orders_repository.py', 'terraform/main.tf', 'cloudformation/database.yaml', 'java/OrderRepository.java', 'go/orders.go', 'traps/traps.ts'];
  const texts = sources.map((relative) => [path.extname(relative), fs.readFileSync(path.join(FIXTURES, relative), 'utf8')] as const);
  let bytes = 0;
  for (let i = 0; bytes < 256 * 1024; i++) {
    const [extension, text] = texts[i % texts.length];
    const dir = path.join(root, `module-${String(i % 23).padStart(2, '0')}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dir, `file-${i}${extension}`), text, { mode: 0o644 });
    bytes += text.length;
    if (i % 17 === 0) {
      fs.writeFileSync(path.join(dir, `bundle-${i}.min.js`), 'var a=1;', { mode: 0o644 });
    }
    if (i % 19 === 0) {
      fs.writeFileSync(path.join(dir, `blob-${i}.py`), 'PK\u0000\u0003binary', { mode: 0o644 });
    }
  }
  fs.writeFileSync(path.join(root, 'module-07', 'huge.tf'), '# padding\n'.repeat(Math.ceil(Math.max(DEFAULT_LIMITS.maxSize + 1024, 2 * BYTES_PER_THREAD) / 10)), { mode: 0o644 });
  fs.writeFileSync(path.join(root, 'module-11', 'locked.py'), 'import redis\nr = redis.Redis()\nprint(r.keys("*"))\n', { mode: 0o000 });
  writeSamApp(path.join(root, 'orders-app'));
}

/** A SAM app whose handler queries an index its template does not define: a finding only the workspace model gives. */
function writeSamApp(app: string): void {
  fs.mkdirSync(path.join(app, 'src'), { recursive: true, mode: 0o755 });
  const template = [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Orders:',
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    '      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }, { AttributeName: customerId, AttributeType: S }]',
    '      KeySchema: [{ AttributeName: pk, KeyType: HASH }]',
    '      GlobalSecondaryIndexes:',
    '        - { IndexName: byCustomer, KeySchema: [{ AttributeName: customerId, KeyType: HASH }], Projection: { ProjectionType: ALL } }',
    '  ListOrders:',
    '    Type: AWS::Serverless::Function',
    '    Properties: { CodeUri: src/, Handler: list.handler, Runtime: nodejs20.x, Environment: { Variables: { ORDERS_TABLE: !Ref Orders } } }',
  ];
  const handler = [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
    'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    'export const handler = (event: { customerId: string }) =>',
    "  doc.send(new QueryCommand({ TableName: process.env.ORDERS_TABLE, IndexName: 'byStatus', KeyConditionExpression: 'customerId = :c', ExpressionAttributeValues: { ':c': event.customerId } }));",
  ];
  fs.writeFileSync(path.join(app, 'template.yaml'), `${template.join('\n')}\n`, { mode: 0o644 });
  fs.writeFileSync(path.join(app, 'src', 'list.ts'), `${handler.join('\n')}\n`, { mode: 0o644 });
}

describe('aws-db-hints on several threads', function () {
  // Each run starts worker threads that load the bundle: slow on a loaded machine.
  this.timeout(300_000);
  let root: string;

  before(() => {
    execFileSync(process.execPath, ['esbuild.mjs', '--cli'], { cwd: ROOT, stdio: 'pipe' });
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-threads-'));
    fs.chmodSync(root, 0o755);
    fs.mkdirSync(path.join(root, '.git'));
    writeLargeTree(root);
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('splits only trees that pay for a thread each, and never into more threads than --jobs', () => {
    const files = (count: number, size: number): FileEntry[] => Array.from({ length: count }, (_, i) => ({ path: `/t/${i}.py`, kind: 'python', size }));
    assert.equal(threadsFor(files(1000, 1000), 8), 1, 'under one thread’s worth of bytes');
    assert.equal(threadsFor(files(3, BYTES_PER_THREAD), 8), 3, 'one thread per thread’s worth of bytes');
    assert.equal(threadsFor(files(100, BYTES_PER_THREAD), 4), 4);
    assert.equal(threadsFor(files(1, 10 * BYTES_PER_THREAD), 4), 1, 'one file is one thread’s work');
    assert.equal(threadsFor(files(100, BYTES_PER_THREAD), 1), 1);
  });

  it('gives the same output, in the same order, on worker threads as on one thread', async () => {
    const workspaceFinding = /^orders-app\/src\/list\.ts:5:\d+ error dynamodb-workspace-index-undefined /m;
    // Each run, with what its output must hold besides being the same on any number of threads.
    const runs: { args: string[]; stdout?: RegExp[]; stderr?: RegExp[] }[] = [
      {
        args: [],
        // The workers judged the handler with the workspace model, and skipped files as one thread does.
        stdout: [workspaceFinding],
        stderr: [
          /^skipped module-07\/huge\.tf: too-large/m,
          /^skipped module-\d+\/bundle-\d+\.min\.js: minified/m,
          /^skipped module-\d+\/blob-\d+\.py: binary/m,
          /^aws-db-hints: workspace \S+: \d+ DynamoDB tables?, /m,
        ],
      },
      // A folder is its own workspace; a file named alone is judged with the IaC of its git root, the whole tree.
      { args: ['--format', 'json', 'module-07', 'orders-app/src/list.ts'], stdout: [/"ruleId": "dynamodb-workspace-index-undefined"/] },
      { args: ['--format', 'sarif', '--rule', 'redis-keys,rds-multi-az', '--fail-on', 'information'] },
      { args: ['--list-hovers', '--format', 'json'] },
    ];
    // Three threads on a loaded 2-core machine can take a file past the default 1 s budget, which would
    // skip it on one side only: the budget is not what this test compares.
    const budget = ['--time-budget-ms', '50000'];
    for (const { args, stdout = [], stderr = [] } of runs) {
      const one = await runInProcess(root, [...args, ...budget, '--jobs', '1']);
      const three = await runInProcess(root, [...args, ...budget, '--jobs', '3']);
      assert.equal(one.workers, 0);
      assert.ok(three.workers > 1, 'the tree holds several threads’ worth of bytes');
      assert.ok(one.stdout.split('\n').length > 20, `findings for ${args.join(' ')}: ${one.stdout.length} characters`);
      assert.equal(three.stdout, one.stdout, `stdout for ${args.join(' ')}`);
      assert.equal(three.stderr, one.stderr, `stderr for ${args.join(' ')}`);
      assert.equal(three.code, one.code, `exit code for ${args.join(' ')}`);
      stdout.forEach((pattern) => assert.match(three.stdout, pattern));
      stderr.forEach((pattern) => assert.match(three.stderr, pattern));
    }
  });

  it('runs the same as the installed command, with unreadable files, on one thread or several', () => {
    // A budget no file reaches: on a busy machine the first file of a run, before the code is compiled, can take a second.
    const budget = ['--time-budget-ms', '50000'];
    const one = spawnBuiltCli(root, ['--jobs', '1', ...budget], { asNobody: true, timeoutMs: 60_000 });
    const two = spawnBuiltCli(root, ['--jobs', '2', ...budget], { asNobody: true, timeoutMs: 60_000 });
    assert.equal(one.code, 1, one.stderr);
    assert.match(one.stderr, /^skipped module-11\/locked\.py: cannot be read \(permission denied\)$/m);
    assert.deepEqual(two, one);
  });

  it('stops with the error when a worker thread dies, instead of waiting for it', async () => {
    const io: CliIo = {
      stdout: () => undefined,
      stderr: () => undefined,
      cwd: root,
      startWorker: () => new Worker('throw new Error("the worker broke")', { eval: true }),
    };
    await assert.rejects(runCli(['--jobs', '2'], io, realHintRules()), /the worker broke/);
  });

  it('stops with the error when a worker thread dies while the threads share the workspace models', async () => {
    // Workers that index nothing, then break at one step of the sharing: asked for their part, or handed everyone's.
    const breakingAt = (step: 'share' | 'workspaces'): string => `
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (task) => {
        if (task.kind === '${step}') throw new Error('the worker broke at ' + task.kind);
        if (task.kind === 'index') parentPort.postMessage({ chunk: task.chunk, results: [] });
        if (task.kind === 'share') parentPort.postMessage({ part: new SharedArrayBuffer(0) });
      });`;
    for (const step of ['share', 'workspaces'] as const) {
      const io: CliIo = { stdout: () => undefined, stderr: () => undefined, cwd: root, startWorker: () => new Worker(breakingAt(step), { eval: true }) };
      await assert.rejects(runCli(['--jobs', '2'], io, realHintRules()), new RegExp(`the worker broke at ${step}`));
    }
  });

  it('rejects a --jobs that is not a whole number of threads', () => {
    for (const jobs of ['0', '-1', 'all', '1.5']) {
      const result = spawnBuiltCli(root, ['--jobs', jobs], { timeoutMs: 60_000 });
      assert.equal(result.code, 2, jobs);
      assert.match(result.stderr, /--jobs needs a whole number of threads/);
    }
  });
});
