/**
 * Kotlin on the Java SDK's enhanced async client (`DynamoDbEnhancedAsyncClient`, its `DynamoDbAsyncTable`): a call per
 * element whose future is collected (`.map { table.putItem(it) }` then `.forEach { it.await() }`) sends the requests
 * together, so no item-loop finding; a call the coroutine awaits inside the loop (`table.putItem(it).await()`) waits
 * for each reply, so it keeps one.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const loopFindings = (code: string): string[] => hintsIn('PriceCacheAdapter.kt', code).filter((hint) => hint.endsWith(' dynamodb-item-loop!'));

/** A Spring component that caches prices through an enhanced async table made from the injected client; `body` is the cache method's. */
function priceAdapter(...body: string[]): string {
  return sourceLines(
    'package com.example.prices.adapter',
    '',
    'import kotlinx.coroutines.future.await',
    'import org.springframework.stereotype.Component',
    'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient',
    '',
    '@Component',
    'class PriceCacheAdapter(enhancedClient: DynamoDbEnhancedAsyncClient) {',
    '    private val prices = enhancedClient.table("Prices", PriceBean.tableSchema)',
    '',
    '    suspend fun cache(hourly: List<Price>) {',
    ...body.map((line) => `        ${line}`),
    '    }',
    '}',
  );
}

describe('Kotlin item loops on the enhanced async client', () => {
  it('futures collected by a map and awaited after it go out together: no finding', () => {
    assert.deepEqual(loopFindings(priceAdapter('hourly.map { it.toBean() }', '    .map { prices.putItem(it) }', '    .forEach { it.await() }')), []);
  });

  it('a put awaited inside the loop waits for each reply: a finding', () => {
    assert.equal(loopFindings(priceAdapter('for (price in hourly) {', '    prices.putItem(price.toBean()).await()', '}')).length, 1);
    assert.equal(loopFindings(priceAdapter('hourly.forEach { prices.putItem(it.toBean()).await() }')).length, 1);
  });

  it('a put joined inside the loop waits too: a finding', () => {
    assert.equal(loopFindings(priceAdapter('for (price in hourly) {', '    prices.putItem(price.toBean()).join()', '}')).length, 1);
  });
});
