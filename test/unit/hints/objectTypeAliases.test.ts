/**
 * TypeScript object type aliases are read as interfaces are: `type Deps = { redis: Redis }` gives a parameter
 * typed `Deps` (or destructured from one) a `redis` member of type `Redis`, in the file and, exported, in the
 * modules that import it (workspace mode). Before, only `interface Deps { ... }` was read.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { hintsIn, realHintRules, sourceLines } from './support';

/** Hover rules in `file` as `line:text rule`, read in workspace mode beside the other files. */
function hovers(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: built });
  return result.sites.flatMap((site) => site.ruleIds.map((id) => `${result.lines.lineOf(site.start) + 1}:${files[file].slice(site.start, site.end)} ${id}`));
}

describe('TypeScript object type aliases', () => {
  it('reads a member of a same-file alias, on the parameter and destructured from it', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'type Deps = { redis: Redis; prefix: string };',
      'export type Page<T> = { items: T[]; cursor?: string };',
      "export async function stale(deps: Deps) { return deps.redis.keys('*'); }",
      "export async function staleToo({ redis }: Deps) { return redis.keys('*'); }",
    );
    assert.deepEqual(hintsIn('stale.ts', code), ['4:keys redis-keys', '5:keys redis-keys', '4:keys redis-keys!', '5:keys redis-keys!']);
  });

  it('reads the members of an alias another module exports', () => {
    const files = {
      'src/types.ts': sourceLines("import { DocumentClient } from 'aws-sdk/clients/dynamodb';", 'export type StoreInput = {', '  ddbClient: DocumentClient', '  table: string', '}'),
      'src/expire.ts': sourceLines(
        "import { StoreInput } from './types';",
        'export function expire(params: StoreInput) {',
        '  const { ddbClient, table } = params;',
        "  return (id: string) => ddbClient.delete({ TableName: table, Key: { id } }).promise();",
        '}',
      ),
    };
    assert.deepEqual(hovers(files, 'src/expire.ts'), ['4:delete dynamodb-delete-item']);
  });

  it('leaves aliases of other types, object literals with a type key, and members of other types', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      "import { LocalCache } from './localCache';",
      'const redis = new Redis(process.env.REDIS_URL!);',
      'type Ids = string[];',
      'type Deps = { redis: LocalCache };',
      "const event = { type: 'sweep', data: { pattern: '*' } };",
      "export async function sweep(deps: Deps, ids: Ids) { return deps.redis.keys(event.data.pattern); }",
      "export async function sweepAll({ redis }: Deps) { return redis.keys('*'); }",
    );
    assert.deepEqual(hintsIn('sweep.ts', code), ['3:Redis redis-tls']);
  });
});
