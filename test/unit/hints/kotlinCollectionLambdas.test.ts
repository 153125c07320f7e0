/**
 * Kotlin's collection functions that call their lambda once per element (`associate`, `associateWith`, `mapNotNull`,
 * `forEachIndexed`, `filter`, ...): a Redis command or a DynamoDB item request in the lambda runs once per element,
 * as in `forEach`, while a scope function (`let`, `run`) runs its lambda once.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

/** A Spring service over a Redis template and an enhanced DynamoDB table; `body` is its method's. */
function viewService(...body: string[]): string {
  return sourceLines(
    'package com.example.views',
    '',
    'import org.springframework.data.redis.core.StringRedisTemplate',
    'import org.springframework.stereotype.Service',
    'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable',
    '',
    '@Service',
    'class ViewService(private val redis: StringRedisTemplate, private val views: DynamoDbTable<ViewCount>) {',
    '    fun flush(ids: List<Long>): Map<Long, String?> {',
    ...body.map((line) => `        ${line}`),
    '    }',
    '}',
  );
}

const findingsOf = (rule: string, ...body: string[]): string[] =>
  hintsIn('ViewService.kt', viewService(...body))
    .filter((hint) => hint.endsWith(` ${rule}!`))
    .map((hint) => hint.split(':')[0]);

describe('Kotlin collection functions that run their lambda per element', () => {
  it('reports a Redis command per element in associate, associateWith, mapNotNull, forEachIndexed and filter', () => {
    const rule = 'redis-loop-round-trips';
    assert.deepEqual(findingsOf(rule, 'return ids.associate { id -> id to redis.opsForValue().get("views:$id") }'), ['10']);
    assert.deepEqual(findingsOf(rule, 'return ids.associateWith { redis.opsForValue().get("views:$it") }'), ['10']);
    assert.deepEqual(findingsOf(rule, 'ids.mapNotNull { redis.opsForValue().get("views:$it") }', 'return emptyMap()'), ['10']);
    assert.deepEqual(findingsOf(rule, 'ids.forEachIndexed { i, id -> redis.delete("views:$id") }', 'return emptyMap()'), ['10']);
    assert.deepEqual(findingsOf(rule, 'ids.filter { redis.hasKey("views:$it") }', 'return emptyMap()'), ['10']);
  });

  it('reports a DynamoDB item request per element in associateWith', () => {
    assert.deepEqual(findingsOf('dynamodb-item-loop', 'ids.associateWith { views.getItem(Key.builder().partitionValue(it).build()) }', 'return emptyMap()'), ['10']);
  });

  it('leaves a scope function, which runs its lambda once', () => {
    assert.deepEqual(findingsOf('redis-loop-round-trips', 'return ids.first().let { id -> mapOf(id to redis.opsForValue().get("views:$id")) }'), []);
  });
});
