/**
 * Monorepo packages: a client exported by a package of the workspace (npm, yarn or pnpm workspaces) reaches
 * the files of the other packages that import it by name, through `main`/`types` into the build output
 * (read as the sources it is compiled from), through `exports` subpath patterns, or through a deep path.
 * Then what must stay silent: a package under node_modules, a subpath `exports` does not offer, a name that
 * only shares a prefix, two packages of one name that disagree, an alias that maps the name elsewhere.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/cli';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { readPackageJson } from '../../../src/hints/engine/workspace/packages';
import { realHintRules, sourceLines } from '../hints/support';
import { contributionOf, hintsInWorkspace, workspaceOf } from './support';

const REDIS_MODULE = sourceLines("import Redis from 'ioredis';", '', 'const redis = new Redis({ host: process.env.REDIS_HOST });', '', 'export default redis;');
const DOC_CLIENT = sourceLines("import { DynamoDB } from 'aws-sdk';", '', 'export const ddb = new DynamoDB.DocumentClient();');

/** A shared package built by tsc: `main` and `types` point into `dist`, the sources live in `src`, a barrel passes the client on. */
const SHARED = {
  'package.json': '{ "private": true, "workspaces": ["services/*", "packages/*"] }',
  'packages/shared/package.json': '{ "name": "@shop/shared", "main": "dist/index.js", "types": "dist/index.d.ts" }',
  'packages/shared/tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "dist" } }',
  'packages/shared/src/index.ts': "export { default as redis } from './config/redis';\n",
  'packages/shared/src/config/redis.ts': REDIS_MODULE,
};

const SYNC_JOB = sourceLines(
  "import { redis } from '@shop/shared';",
  '',
  'export async function syncCarts(keys: string[]): Promise<void> {',
  '  for (const key of keys) {',
  '    const cart = await redis.get(key);',
  '    console.log(cart);',
  '  }',
  "  await redis.keys('cart:*');",
  '}',
);

function onLine(found: readonly string[], line: number): string[] {
  return found.filter((hint) => hint.startsWith(`${line}:`)).map((hint) => hint.slice(hint.lastIndexOf(' ') + 1));
}

describe('workspace: clients imported from another package of a monorepo', () => {
  it('reads a client through main and types into dist as the src it is built from, and a barrel', () => {
    const found = hintsInWorkspace(workspaceOf(SHARED), 'services/worker/src/sync.ts', SYNC_JOB);
    assert.ok(onLine(found, 5).includes('redis-loop-round-trips'), found.join('\n'));
    assert.ok(onLine(found, 8).includes('redis-keys!'), found.join('\n'));
    assert.deepEqual(hintsInWorkspace(undefined, 'services/worker/src/sync.ts', SYNC_JOB), [], 'nothing without the workspace');
  });

  it('maps dist to src by convention when the package has no tsconfig, and reads a package of the workspace root', () => {
    const withoutConfig = Object.fromEntries(Object.entries(SHARED).filter(([file]) => !file.endsWith('tsconfig.json')));
    assert.ok(onLine(hintsInWorkspace(workspaceOf(withoutConfig), 'services/worker/src/sync.ts', SYNC_JOB), 8).includes('redis-keys!'));
    const rootPackage = workspaceOf({ 'package.json': '{ "name": "@shop/shared", "main": "./src/index.ts" }', 'src/index.ts': SHARED['packages/shared/src/index.ts'], 'src/config/redis.ts': REDIS_MODULE });
    assert.ok(onLine(hintsInWorkspace(rootPackage, 'scripts/sync.ts', SYNC_JOB), 8).includes('redis-keys!'));
  });

  it('follows an exports subpath pattern (the SST layout) and a deep import of a package without exports', () => {
    const sst = workspaceOf({
      'packages/core/package.json': '{ "name": "@notes/core", "type": "module", "exports": { "./*": ["./src/*/index.ts", "./src/*.ts"] } }',
      'packages/core/src/dynamo.ts': DOC_CLIENT,
      'packages/plain/package.json': '{ "name": "plain-db", "version": "1.0.0" }',
      'packages/plain/lib/client.js': DOC_CLIENT,
    });
    const code = sourceLines(
      "import { ddb } from '@notes/core/dynamo';",
      "import { ddb as plain } from 'plain-db/lib/client';",
      '',
      'export const main = async () => {',
      "  const notes = await ddb.scan({ TableName: 'notes' }).promise();",
      "  const others = await plain.scan({ TableName: 'others' }).promise();",
      '  return [notes, others];',
      '};',
    );
    const found = hintsInWorkspace(sst, 'packages/functions/src/list.ts', code);
    assert.ok(onLine(found, 5).includes('dynamodb-scan!'), found.join('\n'));
    assert.ok(onLine(found, 6).includes('dynamodb-scan!'), found.join('\n'));
  });

  it('maps a deep import into lib or build to src when the package has no tsconfig (Babel and bundler output)', () => {
    const babel = workspaceOf({
      'packages/model/package.json': '{ "name": "model", "main": "lib/index.js", "scripts": { "build": "babel src --out-dir lib" } }',
      'packages/model/src/entities/orders.js': DOC_CLIENT,
      'packages/jobs/package.json': '{ "name": "@acme/jobs", "main": "build/index.js" }',
      'packages/jobs/src/db.js': DOC_CLIENT,
      'packages/typed/package.json': '{ "name": "@acme/typed", "main": "out/index.js" }',
      'packages/typed/tsconfig.json': '{ "compilerOptions": { "rootDir": "src", "outDir": "out" } }',
      'packages/typed/src/db.ts': DOC_CLIENT,
    });
    const code = sourceLines(
      "import { ddb } from 'model/lib/entities/orders';",
      "import { ddb as jobs } from '@acme/jobs/build/db';",
      "import { ddb as typed } from '@acme/typed/lib/db';",
      '',
      'export const main = async () => {',
      "  const orders = await ddb.scan({ TableName: 'orders' }).promise();",
      "  const runs = await jobs.scan({ TableName: 'runs' }).promise();",
      "  const rows = await typed.scan({ TableName: 'rows' }).promise();",
      '  return [orders, runs, rows];',
      '};',
    );
    const found = hintsInWorkspace(babel, 'packages/api/src/list.js', code);
    assert.ok(onLine(found, 6).includes('dynamodb-scan!'), found.join('\n'));
    assert.ok(onLine(found, 7).includes('dynamodb-scan!'), found.join('\n'));
    // A tsconfig that names its outDir says where the build goes: `lib` of that package is not its output.
    assert.deepEqual(onLine(found, 8), [], found.join('\n'));
  });

  it('reads conditional exports, nested and in lists, and the package itself as a string export', () => {
    const model = workspaceOf({
      'libs/cache/package.json': '{ "name": "@acme/cache", "exports": { ".": { "import": { "types": "./dist/index.d.mts", "default": "./dist/index.mjs" }, "require": "./dist/index.cjs" } } }',
      'libs/cache/src/index.ts': "export { default as redis } from './redis';\n",
      'libs/cache/src/redis.ts': REDIS_MODULE,
      'libs/db/package.json': '{ "name": "@acme/db", "exports": "./src/index.ts" }',
      'libs/db/src/index.ts': DOC_CLIENT,
    });
    const code = sourceLines("import { redis } from '@acme/cache';", "import { ddb } from '@acme/db';", '', "export const purge = () => Promise.all([redis.flushall(), ddb.scan({ TableName: 't' }).promise()]);");
    const found = hintsInWorkspace(model, 'apps/api/src/purge.ts', code);
    assert.ok(onLine(found, 4).includes('redis-flush!'), found.join('\n'));
    assert.ok(onLine(found, 4).includes('dynamodb-scan!'), found.join('\n'));
  });

  it('stays silent for node_modules, subpaths exports hides, prefixes, disagreeing twins and names an alias maps elsewhere', () => {
    const hidden = workspaceOf({
      'node_modules/@shop/shared/package.json': '{ "name": "@shop/shared", "main": "src/index.ts" }',
      'node_modules/@shop/shared/src/index.ts': SHARED['packages/shared/src/index.ts'],
      'node_modules/@shop/shared/src/config/redis.ts': REDIS_MODULE,
    });
    assert.deepEqual(hintsInWorkspace(hidden, 'services/worker/src/sync.ts', SYNC_JOB), [], 'an installed package is not the workspace');
    const closed = workspaceOf({ ...SHARED, 'packages/shared/package.json': '{ "name": "@shop/shared", "exports": { ".": "./dist/index.js" } }' });
    const deep = "import redis from '@shop/shared/src/config/redis';\n\nexport const drop = () => redis.flushall();\n";
    assert.deepEqual(hintsInWorkspace(closed, 'services/worker/src/drop.ts', deep), [], 'exports offers no such subpath');
    const prefixed = SYNC_JOB.replace("'@shop/shared'", "'@shop/shared-utils'");
    assert.deepEqual(hintsInWorkspace(workspaceOf(SHARED), 'services/worker/src/sync.ts', prefixed), []);
    const twins = workspaceOf({
      ...SHARED,
      'templates/shared/package.json': '{ "name": "@shop/shared", "main": "src/index.ts" }',
      'templates/shared/src/index.ts': "import { DynamoDB } from 'aws-sdk';\n\nexport const redis = new DynamoDB.DocumentClient();\n",
    });
    assert.deepEqual(hintsInWorkspace(twins, 'services/worker/src/sync.ts', SYNC_JOB), [], 'two packages of one name that disagree');
    const aliased = workspaceOf({ ...SHARED, 'services/worker/tsconfig.json': '{ "compilerOptions": { "paths": { "@shop/shared": ["./src/stub.ts"] } } }' });
    assert.deepEqual(hintsInWorkspace(aliased, 'services/worker/src/sync.ts', SYNC_JOB), [], 'a paths alias decides alone');
  });

  it('reads package.json as a manifest, never for hints, and stays bounded on hostile ones', () => {
    assert.equal(documentKind('json', 'packages/shared/package.json'), 'packagejson');
    assert.equal(documentKind(undefined, 'package-lock.json'), 'json');
    const analysed = analyzeText('{ "name": "x", "main": "KEYS *" }', realHintRules(), { kind: 'packagejson', fileName: 'package.json' });
    assert.deepEqual([analysed.sites, analysed.findings], [[], []]);
    assert.deepEqual(contributionOf('package.json', '{ "name": "@a/b", "main": "./dist/x.js" }')?.packageJson, { name: '@a/b', entries: ['dist/x.js'] });
    assert.equal(contributionOf('package.json', '{ "private": true }'), undefined, 'a workspace root names no package');
    for (const text of ['[1]', '{ "name": 3 }', '{ "name": "../up" }', '{ "name": "a b" }', '{ "name": ', `{ "name": "${'n'.repeat(300)}" }`]) {
      assert.equal(readPackageJson(text), undefined, text);
    }
    assert.deepEqual(readPackageJson('{ "name": "p", "main": "/abs/x.js", "module": "https://x/y.js", "types": "./t.d.ts" }'), { name: 'p', entries: ['t.d.ts'] });
    const deep = `{ "name": "p", "exports": ${'{ "a": '.repeat(5000)}"./x.js"${' }'.repeat(5000)} }`;
    assert.deepEqual(readPackageJson(deep)?.exports, { '.': [] });
    const wide = `{ "name": "p", "exports": { ${Array.from({ length: 5000 }, (_, n) => `"./p${n}": "./s${n}.js"`).join(', ')} } }`;
    assert.equal(Object.keys(readPackageJson(wide)?.exports ?? {}).length, 256);
  });
});

describe('aws-db-hints: monorepo packages in workspace mode', () => {
  let temp: string;

  beforeEach(() => {
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-packages-')));
  });

  afterEach(() => {
    fs.rmSync(temp, { recursive: true, force: true });
  });

  it('gives the importing package the findings of the shared client, and none with --no-workspace', async () => {
    for (const [file, text] of Object.entries({ ...SHARED, 'services/worker/src/sync.ts': SYNC_JOB })) {
      fs.mkdirSync(path.dirname(path.join(temp, file)), { recursive: true });
      fs.writeFileSync(path.join(temp, file), text);
    }
    const run = async (...argv: string[]): Promise<string> => {
      let stdout = '';
      await runCli(argv, { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: temp }, realHintRules());
      return stdout;
    };
    const found = await run('.');
    assert.match(found, /services\/worker\/src\/sync\.ts:8:\d+ warning redis-keys/);
    assert.doesNotMatch(found, /package\.json/);
    assert.doesNotMatch(await run('--no-workspace', '.'), /redis-keys/);
  });
});
