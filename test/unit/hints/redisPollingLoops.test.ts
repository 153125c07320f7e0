/**
 * A Redis command in an endless loop that sleeps between rounds (a poller, a worker) runs once per round of
 * the clock, not once per key, so it gets no round-trip finding. A loop over keys, a loop that does not
 * sleep, and a comprehension over keys inside the poller keep it.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const loopFindings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith(' redis-loop-round-trips!'));

describe('Redis commands in a polling loop', () => {
  it('Python: a `while True:` that sleeps each round gets no round-trip finding, sync or async', () => {
    const sync = sourceLines(
      'import json',
      'import time',
      '',
      'import redis',
      '',
      'r = redis.Redis(host="cache", port=6379, decode_responses=True)',
      '',
      '',
      'def watch_price(symbol):',
      '    while True:',
      '        cached = r.get(f"price:{symbol}")',
      '        if cached is None:',
      '            r.set(f"price:{symbol}", json.dumps(fetch(symbol)), ex=30)',
      '        time.sleep(5)',
    );
    assert.deepEqual(loopFindings('poller.py', sync), []);
    const asynchronous = sourceLines(
      'import asyncio',
      '',
      'import redis.asyncio as redis',
      '',
      'r = redis.Redis(host="cache")',
      '',
      '',
      'async def heartbeat(worker_id):',
      '    while True:',
      '        await r.set(f"worker:{worker_id}", "alive", ex=15)',
      '        await asyncio.sleep(5)',
    );
    assert.deepEqual(loopFindings('heartbeat.py', asynchronous), []);
  });

  it('Python: keeps the finding in a loop over keys that sleeps, in an endless loop that never sleeps, and in a comprehension inside a poller', () => {
    const code = sourceLines(
      'import time',
      '',
      'import redis',
      '',
      'r = redis.Redis(host="cache")',
      '',
      '',
      'def throttled_purge(keys):',
      '    for key in keys:',
      '        r.delete(key)',
      '        time.sleep(0.01)',
      '',
      '',
      'def drain(queue):',
      '    while True:',
      '        key = queue.pop()',
      '        r.delete(key)',
      '',
      '',
      'def refresh(keys):',
      '    while True:',
      '        values = [r.get(key) for key in keys]',
      '        time.sleep(10)',
    );
    assert.deepEqual(loopFindings('purge.py', code), ['10:delete redis-loop-round-trips!', '17:delete redis-loop-round-trips!', '22:get redis-loop-round-trips!']);
  });

  it('Python: a `for … in range(n)` that sleeps each round counts rounds, as a `while` does; without the sleep it keeps the finding', () => {
    const code = sourceLines(
      'import time',
      '',
      'import redis',
      '',
      'r = redis.Redis(host="cache")',
      '',
      '',
      'def probe(rounds):',
      '    for attempt in range(rounds):',
      '        r.set("probe", attempt)',
      '        time.sleep(1)',
      '',
      '',
      'def warm(count):',
      '    for i in range(count):',
      '        r.set(f"slot:{i}", 0)',
    );
    assert.deepEqual(loopFindings('probe.py', code), ['16:set redis-loop-round-trips!']);
  });

  it('an endless loop that stops once a call answers (`if not r.exists(key): return key`) retries, in Python and TypeScript; a queue drained until empty keeps the finding on the writes per job', () => {
    const python = sourceLines(
      'import secrets',
      '',
      'import redis',
      '',
      'r = redis.Redis(host="cache")',
      '',
      '',
      'def new_code():',
      '    while True:',
      '        code = secrets.token_urlsafe(6)',
      '        if not r.exists(f"code:{code}"):',
      '            return code',
      '        clashes = r.incr("code-clashes")',
      '        if clashes == 1:',
      '            r.expire("code-clashes", 86400)',
      '',
      '',
      'def drain(queue):',
      '    while True:',
      '        job = r.lpop(queue)',
      '        if not job:',
      '            break',
      '        r.hset(f"job:{job}", "state", "done")',
      '',
      '',
      'def first_missing(keys):',
      '    i = 0',
      '    while i < len(keys):',
      '        if r.get(keys[i]) is None:',
      '            return keys[i]',
      '        i += 1',
    );
    assert.deepEqual(loopFindings('codes.py', python), ['23:hset redis-loop-round-trips!', '29:get redis-loop-round-trips!'], 'a loop that walks the keys by index is no retry');
    const typescript = sourceLines(
      "import Redis from 'ioredis';",
      '',
      "const redis = new Redis(process.env.REDIS_URL ?? '');",
      '',
      'export async function reserveSlug(make: () => string): Promise<string> {',
      '  for (;;) {',
      '    const slug = make();',
      "    if (await redis.set(`slug:${slug}`, '1', 'EX', 3600, 'NX')) {",
      '      return slug;',
      '    }',
      "    await redis.incr('slug-clashes');",
      '  }',
      '}',
      '',
      'export async function touchAll(ids: string[]): Promise<void> {',
      '  let i = 0;',
      '  while (i < ids.length) {',
      '    if (await redis.exists(`user:${ids[i]}`)) {',
      "      await redis.expire(`user:${ids[i]}`, 60);",
      '    }',
      '    i++;',
      '  }',
      '}',
    );
    assert.deepEqual(loopFindings('slugs.ts', typescript), ['18:exists redis-loop-round-trips!', '19:expire redis-loop-round-trips!']);
  });

  it('Go: a `for {` that sleeps each round gets no round-trip finding; a range over keys that sleeps keeps it', () => {
    const code = sourceLines(
      'package worker',
      '',
      'import (',
      '\t"context"',
      '\t"time"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'func Heartbeat(ctx context.Context, rdb *redis.Client, id string) {',
      '\tfor {',
      '\t\trdb.Set(ctx, "worker:"+id, "alive", 15*time.Second)',
      '\t\ttime.Sleep(5 * time.Second)',
      '\t}',
      '}',
      '',
      'func Purge(ctx context.Context, rdb *redis.Client, keys []string) {',
      '\tfor _, k := range keys {',
      '\t\trdb.Del(ctx, k)',
      '\t\ttime.Sleep(time.Millisecond)',
      '\t}',
      '}',
    );
    assert.deepEqual(loopFindings('worker.go', code), ['19:Del redis-loop-round-trips!']);
  });
  it('Java and Go: a consumer loop that blocks on BLPOP / BRPop reads one key per popped job, not one per key of a list; a loop over keys keeps the finding', () => {
    const java = sourceLines(
      'import java.util.List;',
      'import redis.clients.jedis.Jedis;',
      'import redis.clients.jedis.JedisPool;',
      '',
      'public class JobWorker {',
      '    private final JedisPool pool = new JedisPool("jobs-cache", 6379);',
      '',
      '    public void work() {',
      '        try (Jedis jedis = pool.getResource()) {',
      '            while (true) {',
      '                List<String> popped = jedis.blpop(5, "jobs");',
      '                if (popped != null) {',
      '                    jedis.hget("job-payloads", popped.get(1));',
      '                }',
      '            }',
      '        }',
      '    }',
      '',
      '    public void expire(List<String> ids) {',
      '        try (Jedis jedis = pool.getResource()) {',
      '            for (String id : ids) {',
      '                jedis.blpop(1, "lock:" + id);',
      '                jedis.del("job:" + id);',
      '            }',
      '        }',
      '    }',
      '}',
    );
    assert.deepEqual(loopFindings('JobWorker.java', java), ['23:del redis-loop-round-trips!']);
    const go = sourceLines(
      'package worker',
      '',
      'import (',
      '\t"context"',
      '\t"time"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'func Consume(ctx context.Context, rdb *redis.Client) {',
      '\tfor ctx.Err() == nil {',
      '\t\tjob, err := rdb.BRPop(ctx, 5*time.Second, "jobs").Result()',
      '\t\tif err == nil {',
      '\t\t\trdb.Get(ctx, "job:"+job[1])',
      '\t\t}',
      '\t}',
      '}',
    );
    assert.deepEqual(loopFindings('consume.go', go), []);
  });
});
