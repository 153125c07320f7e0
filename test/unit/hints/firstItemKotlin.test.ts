/**
 * Kotlin: a Query whose result the code uses only for its first item gets no one-page finding, on the AWS SDK for
 * Kotlin (`response.items!![0]`, `response.items?.firstOrNull()`) and on the Java SDK v2 called from Kotlin
 * (`response.items().first()`). Any other use of the items keeps it: mapped, returned, counted as a number.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const queryFindings = (code: string): string[] => hintsIn('UserRepository.kt', code).filter((hint) => hint.endsWith(' dynamodb-query!'));

/** A Spring repository on the AWS SDK for Kotlin's client, injected; `use` follows the Query on the email index. */
function kotlinSdkRepository(...use: string[]): string {
  return sourceLines(
    'package com.example.users',
    '',
    'import aws.sdk.kotlin.services.dynamodb.DynamoDbClient',
    'import aws.sdk.kotlin.services.dynamodb.model.AttributeValue',
    'import aws.sdk.kotlin.services.dynamodb.model.QueryRequest',
    'import org.springframework.stereotype.Repository',
    '',
    '@Repository',
    'class UserRepository(private val dynamoDbClient: DynamoDbClient) {',
    '    suspend fun findByEmail(email: String): User? {',
    '        val request = QueryRequest {',
    '            tableName = "users"',
    '            indexName = "email-index"',
    '            keyConditionExpression = "email = :email"',
    '            expressionAttributeValues = mapOf(":email" to AttributeValue.S(email))',
    '        }',
    '        val response = dynamoDbClient.query(request)',
    ...use.map((line) => `        ${line}`),
    '    }',
    '}',
  );
}

/** The same repository on the Java SDK v2's DynamoDbClient, called from Kotlin. */
function javaSdkRepository(...use: string[]): string {
  return sourceLines(
    'package com.example.users',
    '',
    'import software.amazon.awssdk.services.dynamodb.DynamoDbClient',
    'import software.amazon.awssdk.services.dynamodb.model.AttributeValue',
    'import software.amazon.awssdk.services.dynamodb.model.QueryRequest',
    '',
    'class UserRepository(private val client: DynamoDbClient) {',
    '    fun findByEmail(email: String): User? {',
    '        val request = QueryRequest.builder()',
    '            .tableName("users")',
    '            .indexName("email-index")',
    '            .keyConditionExpression("email = :email")',
    '            .expressionAttributeValues(mapOf(":email" to AttributeValue.fromS(email)))',
    '            .build()',
    '        val response = client.query(request)',
    ...use.map((line) => `        ${line}`),
    '    }',
    '}',
  );
}

describe('Kotlin reads of the first item of a Query', () => {
  it('the AWS SDK for Kotlin: items asserted non-null and indexed at 0 get no one-page finding', () => {
    assert.deepEqual(queryFindings(kotlinSdkRepository('val item = response.items!![0]', 'return User(item["PK"]!!.asS())')), []);
  });

  it('the AWS SDK for Kotlin: firstOrNull of the items, through a safe call, and an emptiness test get no finding', () => {
    assert.deepEqual(queryFindings(kotlinSdkRepository('if (response.items.isNullOrEmpty()) return null', 'val item = response.items?.firstOrNull() ?: return null', 'return User(item["PK"]!!.asS())')), []);
  });

  it('the items kept in a variable used only for the first item get no finding', () => {
    assert.deepEqual(queryFindings(javaSdkRepository('val items = response.items()', 'if (items.isEmpty()) return null', 'return User(items.first()["PK"]!!.s())')), []);
    assert.deepEqual(queryFindings(kotlinSdkRepository('if (response.items!!.size == 0) return null', 'return User(response.items!![0]["PK"]!!.asS())')), []);
  });

  it('the Java SDK from Kotlin: items() and first() or getOrNull(0) get no finding', () => {
    assert.deepEqual(queryFindings(javaSdkRepository('return response.items().firstOrNull()?.let { User(it["PK"]!!.s()) }')), []);
    assert.deepEqual(queryFindings(javaSdkRepository('val item = response.items().getOrNull(0) ?: return null', 'return User(item["PK"]!!.s())')), []);
  });

  it('keeps the finding when the items are mapped, indexed past 0, counted or returned', () => {
    assert.equal(queryFindings(kotlinSdkRepository('return response.items!!.map { User(it["PK"]!!.asS()) }.firstOrNull()')).length, 1);
    assert.equal(queryFindings(kotlinSdkRepository('val item = response.items!![1]', 'return User(item["PK"]!!.asS())')).length, 1);
    assert.equal(queryFindings(kotlinSdkRepository('println(response.items!!.size * 2)', 'return null')).length, 1);
    assert.equal(queryFindings(javaSdkRepository('val items = response.items()', 'return items.firstOrNull { it["active"]?.bool() == true }?.let { User(it["PK"]!!.s()) }')).length, 1);
  });
});
