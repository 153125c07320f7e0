/**
 * Redis options a function of another module returns, spread into a client's options (workspace mode):
 * `new Redis({ ...getRedisConfig(), lazyConnect: true })`, also through a local. The returned object's keys are
 * read as the client's where they are written; nothing is judged missing there, since the spreading call may add
 * keys of its own.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

/** `line:text rule` for each hover site and `line:text rule!` for each finding of `file`, in workspace mode beside the other files. */
function hints(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: built });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)}:${files[file].slice(site.start, site.end)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)}:${files[file].slice(finding.start, finding.end)} ${finding.ruleId}!`),
  ];
}

const CONFIG = sourceLines(
  'export function getRedisConfig() {',
  '  return {',
  '    host: process.env.REDIS_HOST,',
  '    password: process.env.REDIS_PASSWORD,',
  '    tls: { rejectUnauthorized: false },',
  '  };',
  '}',
);

describe('Redis options returned by a function of another module and spread', () => {
  it('reads the returned object as the options of the client that spreads it', () => {
    const adapter = sourceLines(
      "import { Redis } from 'ioredis';",
      "import { getRedisConfig } from './config';",
      'export function connect() {',
      '  const options = { ...getRedisConfig(), lazyConnect: true };',
      '  return new Redis(options);',
      '}',
    );
    assert.deepEqual(hints({ 'src/config.ts': CONFIG, 'src/adapter.ts': adapter }, 'src/config.ts'), [
      '4:password redis-password',
      '5:tls redis-tls',
      '5:rejectUnauthorized redis-tls',
      '5:rejectUnauthorized redis-tls!',
    ]);
  });

  it('judges no key missing, and reads nothing when the function is not spread into a client', () => {
    const plain = sourceLines(
      'export function getRedisConfig() {',
      '  return { host: process.env.REDIS_HOST, password: process.env.REDIS_PASSWORD };',
      '}',
    );
    const tlsAdded = sourceLines(
      "import { Redis } from 'ioredis';",
      "import { getRedisConfig } from './config';",
      'export const redis = new Redis({ ...getRedisConfig(), tls: {} });',
    );
    assert.deepEqual(hints({ 'src/config.ts': plain, 'src/redis.ts': tlsAdded }, 'src/config.ts'), ['2:password redis-password']);
    const logger = sourceLines("import { getRedisConfig } from './config';", 'export const shown = { ...getRedisConfig(), level: 1 };');
    assert.deepEqual(hints({ 'src/config.ts': CONFIG, 'src/log.ts': logger }, 'src/config.ts'), []);
  });
});
