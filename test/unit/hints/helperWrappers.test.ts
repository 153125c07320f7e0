/**
 * A per-key helper one call further up: a loop over a function that only hands its key on to a same-file helper
 * (`getProfile(id)` returning `readJson(...)`, which GETs; `findOrder(id)` over a GetItem helper) waits for the
 * helper's round trip per element; a helper declared with type parameters is one too. Silent: a wrapper that
 * calls two helpers, loops itself, or sends something of its own, and a loop over a helper that only writes.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

describe('Per-key helpers called through a wrapper', () => {
  it('reports a loop over a function or method that hands its key on to a Redis read helper', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL!);',
      '',
      'async function readJson(key: string) {',
      '  const raw = await redis.get(key);',
      '  return raw ? JSON.parse(raw) : null;',
      '}',
      'const profileOf = (id: string) => readJson(`profile:${id}`);',
      '',
      'export class Profiles {',
      '  async cached(key: string) {',
      '    return redis.hgetall(key);',
      '  }',
      '  async byId(id: string) {',
      '    return this.cached(`p:${id}`);',
      '  }',
      '  async all(ids: string[]) {',
      '    const found = [];',
      '    for (const id of ids) {',
      '      found.push(await this.byId(id));',
      '    }',
      '    return found;',
      '  }',
      '}',
      '',
      'export async function profiles(ids: string[]) {',
      '  const out = [];',
      '  for (const id of ids) {',
      '    out.push(await profileOf(id));',
      '  }',
      '  return out;',
      '}',
    );
    assert.deepEqual(hintsOfRules('src/profiles.ts', code, ['redis-loop-round-trips']), [
      '20:byId redis-loop-round-trips',
      '20:byId redis-loop-round-trips!',
      '29:profileOf redis-loop-round-trips',
      '29:profileOf redis-loop-round-trips!',
    ]);
  });

  it('reads a helper declared with type parameters (`function cachedJson<T>(key)`), called directly or through a wrapper', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const cache = new Redis(process.env.CACHE_URL!);',
      '',
      'async function cachedJson<T>(key: string): Promise<T | null> {',
      '  const raw = await cache.get(key);',
      '  return raw ? (JSON.parse(raw) as T) : null;',
      '}',
      'function priceOf(sku: string) {',
      '  return cachedJson<number>(`price:${sku}`);',
      '}',
      'export async function prices(skus: string[]) {',
      '  const out = [];',
      '  for (const sku of skus) {',
      '    out.push(await cachedJson<string>(`name:${sku}`), await priceOf(sku));',
      '  }',
      '  return out;',
      '}',
    );
    assert.deepEqual(hintsOfRules('src/prices.ts', code, ['redis-loop-round-trips']), [
      '14:cachedJson redis-loop-round-trips',
      '14:cachedJson redis-loop-round-trips!',
      '14:priceOf redis-loop-round-trips',
      '14:priceOf redis-loop-round-trips!',
    ]);
  });

  it('reports a loop over a function that hands its key on to a GetItem helper', () => {
    const code = sourceLines(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      '',
      'async function getOrderItem(orderId: string) {',
      "  const { Item } = await doc.send(new GetCommand({ TableName: 'orders', Key: { orderId } }));",
      '  return Item;',
      '}',
      'async function findOrder(orderId: string) {',
      '  return getOrderItem(orderId);',
      '}',
      'export async function invoice(orderIds: string[]) {',
      '  const lines = [];',
      '  for (const orderId of orderIds) {',
      '    lines.push(await findOrder(orderId));',
      '  }',
      '  return lines;',
      '}',
    );
    assert.deepEqual(hintsOfRules('src/invoice.ts', code, ['dynamodb-item-loop']), ['15:findOrder dynamodb-item-loop', '15:findOrder dynamodb-item-loop!']);
  });

  it('says nothing of wrappers that call two helpers, loop themselves or send, nor of a write helper', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const redis = new Redis(process.env.REDIS_URL!);',
      '',
      'async function readJson(key: string) {',
      '  return JSON.parse((await redis.get(key)) ?? "null");',
      '}',
      'async function remember(key: string, value: string) {',
      "  await redis.set(key, value, 'EX', 60);",
      '}',
      'async function both(id: string) {',
      '  return [await readJson(`a:${id}`), await readJson(`b:${id}`)];',
      '}',
      'async function touched(id: string) {',
      '  const value = await readJson(`a:${id}`);',
      '  await redis.expire(`a:${id}`, 60);',
      '  return value;',
      '}',
      'async function store(id: string, value: string) {',
      '  return remember(`a:${id}`, value);',
      '}',
      'export async function run(ids: string[]) {',
      '  for (const id of ids) {',
      '    await both(id);',
      '    await touched(id);',
      "    await store(id, 'x');",
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('src/run.ts', code, ['redis-loop-round-trips']), []);
  });
});
