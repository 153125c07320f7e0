/**
 * Whole lists, sorted sets and sets read once per key of a KEYS or SCAN reply (LRANGE or ZRANGE from 0 to -1,
 * SMEMBERS): a round trip per key, as a GET per key is; and redis-py's indexes written as keywords
 * (`lrange(key, start=0, end=-1)`), which read the whole list as the positional ones do. A loop that waits for the
 * next message of a subscription or a socket (also a loop over `pubsub.listen()`) is a consumer, not a loop over keys.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('Redis whole-collection reads per key in a loop', () => {
  it('Python (redis-py): LRANGE and SMEMBERS per key of a SCAN, directly and through a helper; not a page, not a pipeline', () => {
    const found = hintsIn(
      'queues.py',
      sourceLines(
        'import redis',
        '',
        'store = redis.Redis(host="cache", port=6379)',
        '',
        '',
        'def snapshot(prefix):',
        '    lists = {}',
        '    for name in store.scan_iter(match=prefix + "*"):',
        '        lists[name] = store.lrange(name, 0, -1)',
        '    for name in store.scan_iter(match="tags:*"):',
        '        lists[name] = store.smembers(name)',
        '    for name in store.scan_iter(match="recent:*"):',
        '        lists[name] = store.lrange(name, 0, 9)',
        '    return lists',
        '',
        '',
        'def board(name):',
        '    return store.zrevrange(name, 0, -1, withscores=True)',
        '',
        '',
        'def boards(names):',
        '    out = []',
        '    for name in names:',
        '        out.append(board(name))',
        '    return out',
        '',
        '',
        'def piped(names):',
        '    pipe = store.pipeline()',
        '    for name in names:',
        '        pipe.lrange(name, 0, -1)',
        '    return pipe.execute()',
      ),
    );
    assert.deepEqual(findings(found).filter((hint) => hint.includes('redis-loop-round-trips')), [
      '9:lrange redis-loop-round-trips!',
      '11:smembers redis-loop-round-trips!',
      '24:board redis-loop-round-trips!',
    ]);
  });

  it('TypeScript (ioredis): LRANGE 0 -1 awaited per key of KEYS', () => {
    const found = hintsIn(
      'dump.ts',
      sourceLines(
        "import Redis from 'ioredis';",
        'const redis = new Redis(process.env.REDIS_URL!);',
        'export async function dump(): Promise<Record<string, string[]>> {',
        '  const out: Record<string, string[]> = {};',
        "  for (const key of await redis.keys('log:*')) {",
        '    out[key] = await redis.lrange(key, 0, -1);',
        '  }',
        '  return out;',
        '}',
      ),
    );
    assert.ok(found.includes('6:lrange redis-loop-round-trips!'), found.join('\n'));
  });

  it('Python: a consumer loop that reads once per message of a subscription or a socket is no loop over keys', () => {
    const found = hintsIn(
      'relay.py',
      sourceLines(
        'import json',
        '',
        'import redis',
        '',
        'r = redis.Redis(host="cache")',
        '',
        '',
        'def relay(pubsub, send):',
        '    while True:',
        '        message = pubsub.get_message(timeout=5)',
        '        if message:',
        '            send(r.smembers(message["channel"]))',
        '',
        '',
        'async def follow(socket):',
        '    while True:',
        '        body = await socket.receive_json()',
        '        await socket.send_text(json.dumps(r.get(body["key"])))',
      ),
    );
    assert.deepEqual(findings(found), []);
  });

  it('Python (redis-py): start= and end= keywords read the whole range as 0 and -1 do; other indexes do not', () => {
    const found = hintsIn(
      'history.py',
      sourceLines(
        'import redis',
        '',
        'r = redis.Redis(host="cache", decode_responses=True)',
        '',
        'everything = r.lrange("history:all", start=0, end=-1)',
        'ranked = r.zrevrange("scores", 0, end=-1, withscores=True)',
        'latest = r.lrange("history:all", start=0, end=9)',
        'tail = r.lrange("history:all", start=1, end=-1)',
      ),
    );
    const reads = found.filter((hint) => hint.includes('redis-collection-read'));
    assert.deepEqual(reads, ['5:lrange redis-collection-read', '6:zrevrange redis-collection-read']);
  });

  it("leaves a loop over a subscription's messages (redis-py's pubsub.listen(), sync or async) alone, not a loop over keys", () => {
    const code = (iterable: string): string =>
      sourceLines(
        'from redis.asyncio import Redis',
        '',
        '',
        'class Quotes:',
        '    def __init__(self, host):',
        '        self.redis = Redis(host=host)',
        '        self.pubsub = self.redis.pubsub()',
        '',
        '    async def stream(self, keys, send):',
        `        async for message in ${iterable}:`,
        '            await send(await self.redis.get(message))',
      );
    assert.deepEqual(findings(hintsIn('quotes.py', code('self.pubsub.listen()'))), []);
    assert.deepEqual(findings(hintsIn('quotes.py', code('keys'))), ['11:get redis-loop-round-trips!']);
  });
});

