/**
 * A name typed as ioredis' pipeline (`Pipeline`, v4 and v5, or v5's `ChainableCommander`): its commands are Redis
 * commands queued together, whether the pipeline was made in this file or handed in. The project's own `Pipeline`
 * type stays unread.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('ioredis pipeline types', () => {
  it('reads a constructor field typed Pipeline, reassigned with its own chained commands', () => {
    const code = sourceLines(
      "import { Pipeline } from 'ioredis';",
      'export class Batch {',
      '  constructor(private pipeline: Pipeline) {}',
      '  put(key: string, value: string, ttl: number) {',
      "    this.pipeline = this.pipeline.set(key, value, 'EX', ttl);",
      '    this.pipeline = this.pipeline.del(key);',
      '    return this;',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('batch.ts', code), ['5:set redis-expire', '6:del redis-unlink']);
  });

  it("reads a parameter typed ChainableCommander (KEYS reported), and a HSET's EXPIRE queued on it as one batch", () => {
    const code = sourceLines(
      "import type { ChainableCommander } from 'ioredis';",
      'export function queue(batch: ChainableCommander, hash: string) {',
      "  batch.hset(hash, { a: '1' });",
      '  batch.expire(hash, 60);',
      "  batch.keys('session:*');",
      '  return batch.exec();',
      '}',
    );
    assert.deepEqual(hintsIn('queue.ts', code), ['4:expire redis-expire', '5:keys redis-keys', '5:keys redis-keys!']);
  });

  it("leaves the project's own Pipeline type and node-redis' module alone", () => {
    const own = sourceLines(
      "import { Pipeline } from './steps';",
      'export function reset(steps: Pipeline, name: string) {',
      '  steps.del(name);',
      "  steps.set(name, 'pending');",
      '}',
    );
    const nodeRedis = sourceLines(
      "import { Pipeline } from 'redis';",
      'export function reset(steps: Pipeline, name: string) {',
      "  steps.keys('*');",
      '}',
    );
    assert.deepEqual([...hintsIn('own.ts', own), ...hintsIn('node.ts', nodeRedis)], []);
  });
});
