/** A loop that waits each time round polls or retries: its Redis command is not one per key (audit 13). */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Redis commands in polling and retry loops', () => {
  it('a spin lock that sleeps between SET NX attempts gets no per-key finding; its hover stays', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      "import { sleep } from './time';",
      '',
      'const redis = new Redis(process.env.REDIS_URL);',
      '',
      'export async function withLock(lockKey: string, token: string, attempts: number, run: () => Promise<void>) {',
      '  while (attempts-- > 0) {',
      "    const acquired = await redis.set(lockKey, token, 'EX', 30, 'NX');",
      '    if (!acquired) {',
      '      await sleep(200);',
      '      continue;',
      '    }',
      '    try {',
      '      return await run();',
      '    } finally {',
      '      await redis.del(lockKey);',
      '    }',
      '  }',
      "  throw new Error('lock busy');",
      '}',
    );
    const hints = hintsIn('lock.ts', code);
    assert.ok(!hints.some((hint) => hint.endsWith('!')), hints.join('\n'));
    assert.ok(hints.includes('8:set redis-expire'), hints.join('\n'));
  });

  it('Python polling with time.sleep, and a JavaScript poll with a setTimeout promise, stay silent', () => {
    const python = sourceLines(
      'import time',
      'import redis',
      '',
      'r = redis.Redis(host="cache", port=6379)',
      '',
      'def wait_for(job_id):',
      '    while True:',
      '        state = r.get(f"job:{job_id}")',
      '        if state:',
      '            return state',
      '        time.sleep(0.5)',
    );
    assert.deepEqual(hintsIn('poll.py', python).filter((hint) => hint.endsWith('!')), []);
    const javascript = sourceLines(
      "const { createClient } = require('redis');",
      'const client = createClient({ url: process.env.REDIS_URL });',
      'async function waitFor(id) {',
      '  for (let i = 0; i < 20; i++) {',
      '    const state = await client.get(`job:${id}`);',
      '    if (state) return state;',
      '    await new Promise((resolve) => setTimeout(resolve, 250));',
      '  }',
      '}',
      'module.exports = { waitFor };',
    );
    assert.deepEqual(hintsIn('poll.js', javascript).filter((hint) => hint.endsWith('!')), []);
  });

  it('a loop over keys that does not wait keeps its finding, also beside a wait in another loop', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      '',
      'const redis = new Redis(process.env.REDIS_URL);',
      '',
      'export async function expireAll(ids: string[]) {',
      '  for (const id of ids) {',
      '    await redis.expire(`session:${id}`, 60);',
      '  }',
      '  for (let i = 0; i < 3; i++) {',
      '    await new Promise((resolve) => setTimeout(resolve, 100));',
      '  }',
      '}',
    );
    assert.ok(hintsIn('expire.ts', code).includes('7:expire redis-loop-round-trips!'));
  });

  it('a loop over keys that waits between keys keeps its finding: it is still one command per key', () => {
    const typescript = sourceLines(
      "import Redis from 'ioredis';",
      "import { sleep } from './time';",
      '',
      'const redis = new Redis(process.env.REDIS_URL);',
      '',
      'export async function expireSlowly(ids: string[]) {',
      '  for (const id of ids) {',
      '    await redis.expire(`session:${id}`, 60);',
      '    await sleep(5);',
      '  }',
      '}',
    );
    assert.ok(hintsIn('expire.ts', typescript).includes('8:expire redis-loop-round-trips!'));
    const java = sourceLines(
      'import redis.clients.jedis.Jedis;',
      'import java.util.List;',
      '',
      'public class Expiry {',
      '  private final Jedis jedis = new Jedis("cache", 6379);',
      '',
      '  public void expireSlowly(List<String> ids) throws InterruptedException {',
      '    for (String id : ids) {',
      '      jedis.expire("session:" + id, 60);',
      '      Thread.sleep(5);',
      '    }',
      '  }',
      '',
      '  public String waitFor(String id) throws InterruptedException {',
      '    while (true) {',
      '      String state = jedis.get("job:" + id);',
      '      if (state != null) return state;',
      '      Thread.sleep(250);',
      '    }',
      '  }',
      '}',
    );
    const hints = hintsIn('Expiry.java', java);
    assert.ok(hints.includes('9:expire redis-loop-round-trips!'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('16:') && hint.endsWith('!')), hints.join('\n'));
  });
});
