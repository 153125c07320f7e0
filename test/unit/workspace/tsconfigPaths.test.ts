/**
 * TypeScript path aliases: a client exported by a module that a file imports through the nearest
 * tsconfig's `paths` (wildcard and exact patterns, one level of `extends`) or `baseUrl`. Then what must
 * stay silent: client libraries and packages of the same prefix, an alias whose target the workspace does
 * not hold, a tsconfig of an unrelated folder, and config files that are no JSON object.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/cli';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { readTsconfig } from '../../../src/hints/engine/workspace/tsconfig';
import { sourceLines, realHintRules } from '../hints/support';
import { contributionOf, hintsInWorkspace, workspaceOf } from './support';

const DB_CLIENT = sourceLines(
  "import { DynamoDB } from 'aws-sdk';",
  '',
  'export const ddb = new DynamoDB.DocumentClient({ region: process.env.AWS_REGION });',
);
const REDIS_CLIENT = sourceLines("import Redis from 'ioredis';", '', 'export const redis = new Redis(process.env.REDIS_URL!);');

const TSCONFIG = sourceLines(
  '{',
  '  // Shared aliases of the service',
  '  "compilerOptions": {',
  '    "target": "es2021", /* emitted for Node 16 */',
  '    "baseUrl": ".",',
  '    "paths": {',
  '      "@libs/*": ["src/libs/*"],',
  '      "@cache": ["src/infra/redis.ts"],',
  '    },',
  '  },',
  '}',
);

const HANDLER = sourceLines(
  "import { ddb } from '@libs/db';",
  "import { redis } from '@cache';",
  '',
  'export async function purge(): Promise<void> {',
  "  const all = await ddb.scan({ TableName: 'orders' }).promise();",
  "  await redis.keys('order:*');",
  '  return void all;',
  '}',
);

/** The rule ids of the hints on `line` of the file (hovers, and findings marked `!`). */
function onLine(found: readonly string[], line: number): string[] {
  return found.filter((hint) => hint.startsWith(`${line}:`)).map((hint) => hint.slice(hint.lastIndexOf(' ') + 1));
}

describe('workspace: clients imported through tsconfig path aliases', () => {
  const files = { 'tsconfig.json': TSCONFIG, 'src/libs/db.ts': DB_CLIENT, 'src/infra/redis.ts': REDIS_CLIENT };

  it('reads a DocumentClient through a wildcard alias and an ioredis client through an exact one, and nothing alone', () => {
    const found = hintsInWorkspace(workspaceOf(files), 'src/functions/purge/handler.ts', HANDLER);
    assert.ok(onLine(found, 5).includes('dynamodb-scan'), found.join('\n'));
    assert.ok(onLine(found, 6).includes('redis-keys!'), found.join('\n'));
    assert.deepEqual(hintsInWorkspace(undefined, 'src/functions/purge/handler.ts', HANDLER), []);
    const withoutConfig = { 'src/libs/db.ts': DB_CLIENT, 'src/infra/redis.ts': REDIS_CLIENT };
    assert.deepEqual(hintsInWorkspace(workspaceOf(withoutConfig), 'src/functions/purge/handler.ts', HANDLER), [], 'no tsconfig');
  });

  it("reads a JavaScript project's jsconfig.json as a tsconfig, and a folder's tsconfig.json before it", () => {
    const getter = sourceLines("import { createClient } from 'redis';", '', 'export const getClient = async () => {', '  const client = createClient({ url: process.env.REDIS_URL });', '  await client.connect();', '  return client;', '};');
    const route = sourceLines(
      "import { getClient } from '$lib/redis';",
      '',
      'export const get = async ({ url }) => {',
      '  const client = await getClient();',
      "  const target = await client.get(url.searchParams.get('id'));",
      '  await client.disconnect();',
      '  return { status: 302, headers: { location: target } };',
      '};',
    );
    const jsconfig = '{ "compilerOptions": { "baseUrl": ".", "paths": { "$lib": ["src/lib"], "$lib/*": ["src/lib/*"] } } }';
    assert.equal(documentKind(undefined, 'jsconfig.json'), 'tsconfig');
    const found = hintsInWorkspace(workspaceOf({ 'jsconfig.json': jsconfig, 'src/lib/redis.js': getter }), 'src/routes/download.js', route);
    assert.deepEqual(onLine(found, 4), ['redis-connection-per-call', 'redis-connection-per-call!']);
    // A tsconfig.json of the same folder decides, as TypeScript reads it first.
    const both = workspaceOf({ 'tsconfig.json': '{ "compilerOptions": { "paths": { "$lib/*": ["lib/*"] } } }', 'jsconfig.json': jsconfig, 'src/lib/redis.js': getter });
    assert.deepEqual(hintsInWorkspace(both, 'src/routes/download.js', route), []);
  });

  it('follows a folder index and an alias a config extends one level, its targets written from the base folder', () => {
    const model = workspaceOf({
      'tsconfig.base.json': '{ "compilerOptions": { "paths": { "~/*": ["./packages/core/src/*"] } } }',
      'services/orders/tsconfig.json': '{ "extends": "../../tsconfig.base", "compilerOptions": { "outDir": "dist" } }',
      'packages/core/src/clients/index.ts': REDIS_CLIENT,
    });
    const code = "import { redis } from '~/clients';\n\nexport const drop = () => redis.flushdb();\n";
    assert.ok(onLine(hintsInWorkspace(model, 'services/orders/src/jobs.ts', code), 3).includes('redis-flush'));
  });

  it('resolves a module under baseUrl alone, and a longer prefix before a shorter one', () => {
    const baseOnly = workspaceOf({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": "src" } }', 'src/shared/cache.ts': REDIS_CLIENT });
    const code = "import { redis } from 'shared/cache';\n\nexport const drop = () => redis.flushdb();\n";
    assert.ok(onLine(hintsInWorkspace(baseOnly, 'src/jobs/drop.ts', code), 3).includes('redis-flush'));
    const nested = workspaceOf({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@app/*": ["src/*"], "@app/cache/*": ["src/old-cache/*"] } } }',
      'src/cache/main.ts': REDIS_CLIENT,
    });
    const fromNested = "import { redis } from '@app/cache/main';\n\nexport const drop = () => redis.flushdb();\n";
    assert.deepEqual(hintsInWorkspace(nested, 'src/jobs/drop.ts', fromNested), [], 'the longer prefix maps to a folder the workspace lacks');
  });

  it('follows a barrel that passes a client on through an alias: export *, export { } from, and import then export', () => {
    const barrels = {
      'src/libs/index.ts': "export * from '@libs/db';\n",
      'src/shared/index.ts': "export { redis as cache } from '@cache';\n",
      'src/common/index.ts': "import { redis } from '@cache';\n\nexport { redis };\n",
    };
    const model = workspaceOf({ ...files, ...barrels });
    const code = sourceLines(
      "import { ddb } from 'src/libs';",
      "import { cache } from 'src/shared';",
      "import { redis } from 'src/common';",
      '',
      'export async function purge(): Promise<void> {',
      "  await ddb.scan({ TableName: 'orders' }).promise();",
      "  await cache.keys('order:*');",
      "  await redis.flushall();",
      '}',
    );
    const found = hintsInWorkspace(model, 'src/functions/purge/handler.ts', code);
    assert.ok(onLine(found, 6).includes('dynamodb-scan'), found.join('\n'));
    assert.ok(onLine(found, 7).includes('redis-keys!'), found.join('\n'));
    assert.ok(onLine(found, 8).includes('redis-flush!'), found.join('\n'));
    // The same barrels without the config that maps their aliases pass nothing on.
    const unmapped = workspaceOf({ 'src/libs/db.ts': DB_CLIENT, 'src/infra/redis.ts': REDIS_CLIENT, 'tsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }', ...barrels });
    assert.deepEqual(hintsInWorkspace(unmapped, 'src/functions/purge/handler.ts', code), []);
  });

  it('stays silent for client libraries, packages of the same prefix, missing targets and configs of other folders', () => {
    const model = workspaceOf({ ...files, 'node_modules/@libs/db/index.ts': DB_CLIENT, 'tools/tsconfig.json': '{ "compilerOptions": { "paths": { "#db": ["../src/libs/db"] } } }' });
    const missing = sourceLines("import { ddb } from '@libs/dynamo';", "import { ddb as other } from '@libsx/db';", "import { ddb as third } from '#db';", '', "export const read = () => Promise.all([ddb.scan({ TableName: 'a' }), other.scan({ TableName: 'b' }), third.scan({ TableName: 'c' })]);");
    assert.deepEqual(hintsInWorkspace(model, 'src/functions/read.ts', missing), []);
    // The config of tools/ maps `#db` for tools/ only.
    assert.ok(onLine(hintsInWorkspace(model, 'tools/read.ts', "import { ddb } from '#db';\n\nexport const read = () => ddb.scan({ TableName: 'a' });\n"), 3).includes('dynamodb-scan'));
    // A nearer tsconfig without aliases is the one TypeScript uses.
    const nearer = workspaceOf({ ...files, 'src/functions/tsconfig.json': '{ "compilerOptions": { "strict": true } }' });
    assert.deepEqual(hintsInWorkspace(nearer, 'src/functions/purge/handler.ts', HANDLER), []);
    // An alias that climbs out of the workspace, or a baseUrl that does, maps nothing.
    const outside = workspaceOf({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": "../..", "paths": { "@libs/*": ["src/libs/*"] } } }', 'src/libs/db.ts': DB_CLIENT });
    assert.deepEqual(hintsInWorkspace(outside, 'src/functions/purge/handler.ts', HANDLER), []);
    // `extends` of a config the workspace lacks may hold the aliases: the baseUrl alone is not trusted.
    const unread = workspaceOf({ 'tsconfig.json': '{ "extends": "./tsconfig.paths.json", "compilerOptions": { "baseUrl": "." } }', 'src/libs/db.ts': DB_CLIENT, '@libs/db.ts': DB_CLIENT });
    assert.deepEqual(hintsInWorkspace(unread, 'src/functions/purge/handler.ts', HANDLER), []);
  });

  it('reads tsconfig files as configs, never as templates, and stays bounded on hostile ones', () => {
    assert.equal(documentKind('jsonc', 'services/api/tsconfig.json'), 'tsconfig');
    assert.equal(documentKind(undefined, 'tsconfig.build.json'), 'tsconfig');
    assert.equal(documentKind(undefined, 'template.json'), 'json');
    assert.deepEqual(contributionOf('tsconfig.json', '{}')?.tsconfig, {});
    assert.equal(contributionOf('tsconfig.json', '[1, 2]'), undefined);
    assert.equal(contributionOf('tsconfig.json', '{ "compilerOptions": '), undefined);
    assert.deepEqual(readTsconfig('{ "compilerOptions": { "paths": { "a/*": ["b/*", 3, "c//d"], "__proto__": ["x"] }, }, /* open'), undefined);
    assert.deepEqual(readTsconfig('{ "compilerOptions": { "paths": { "a/*": ["b/*", 3, "c/*"], "__proto__": ["x"] }, }, }'), { paths: { 'a/*': ['b/*', 'c/*'] } });
    assert.deepEqual(readTsconfig('{ "a": "// not a comment", "extends": "./base.json" }'), { extends: './base.json' });
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    assert.equal(readTsconfig(deep), undefined);
    const wide = `{ "compilerOptions": { "paths": { ${Array.from({ length: 5000 }, (_, n) => `"p${n}/*": ["s/*"]`).join(', ')} } } }`;
    assert.equal(Object.keys(readTsconfig(wide)?.paths ?? {}).length, 256);
    const cyclic = workspaceOf({ 'tsconfig.json': '{ "extends": "./tsconfig.json", "compilerOptions": { "paths": { "@libs/*": ["src/libs/*"] } } }', 'src/libs/db.ts': DB_CLIENT });
    assert.ok(hintsInWorkspace(cyclic, 'src/purge.ts', HANDLER).length > 0, 'a config that extends itself keeps its own aliases');
  });
});

describe('aws-db-hints: tsconfig path aliases in workspace mode', () => {
  let temp: string;

  beforeEach(() => {
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-tsconfig-')));
  });

  afterEach(() => {
    fs.rmSync(temp, { recursive: true, force: true });
  });

  it('gives the importing file the findings of an aliased client, and none with --no-workspace', async () => {
    const files: Record<string, string> = { 'tsconfig.json': TSCONFIG, 'src/libs/db.ts': DB_CLIENT, 'src/infra/redis.ts': REDIS_CLIENT, 'src/functions/purge/handler.ts': HANDLER };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(temp, file)), { recursive: true });
      fs.writeFileSync(path.join(temp, file), text);
    }
    const run = async (...argv: string[]): Promise<string> => {
      let stdout = '';
      await runCli(argv, { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: temp }, realHintRules());
      return stdout;
    };
    const found = await run('.');
    assert.match(found, /src\/functions\/purge\/handler\.ts:6:\d+ warning redis-keys/);
    assert.doesNotMatch(found, /tsconfig\.json/);
    const alone = await run('--no-workspace', '.');
    assert.doesNotMatch(alone, /redis-keys/);
  });
});
