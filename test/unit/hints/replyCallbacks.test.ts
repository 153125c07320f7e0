/**
 * Scans and Queries that hand their reply to a callback which sends them again from `LastEvaluatedKey`: the
 * callback pages the first call, whether it is given to the `then` of the call's promise (SDK v3 `send`, SDK v2
 * `.promise()`) or passed to the call as a function declared further down (hoisted, as in the SDK v2 examples).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.endsWith('!') && !hint.includes('aws-sdk-end-of-support'));

describe('reads paged by the callback their reply goes to', () => {
  it('JavaScript, SDK v3: send(...).then(onPage) where onPage sends the Scan again with the next key', () => {
    const code = sourceLines(
      "const { DynamoDBClient, ScanCommand } = require('@aws-sdk/client-dynamodb');",
      'const client = new DynamoDBClient({});',
      'function sweep(done) {',
      "  const input = { TableName: 'sessions' };",
      '  const onPage = (page) => {',
      '    forget(page.Items);',
      '    if (page.LastEvaluatedKey) {',
      '      input.ExclusiveStartKey = page.LastEvaluatedKey;',
      '      return client.send(new ScanCommand(input)).then(onPage);',
      '    }',
      '    return done();',
      '  };',
      '  client.send(new ScanCommand(input)).then(onPage).catch(done);',
      '}',
    );
    assert.deepEqual(findingsIn('sweep.js', code), []);
  });

  it('JavaScript, SDK v2: scan(params, onScan) with onScan declared after the call', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const documents = new AWS.DynamoDB.DocumentClient();',
      "const params = { TableName: 'movies' };",
      'documents.scan(params, onScan);',
      'function onScan(err, data) {',
      '  if (err) return;',
      '  data.Items.forEach(print);',
      "  if (typeof data.LastEvaluatedKey != 'undefined') {",
      '    params.ExclusiveStartKey = data.LastEvaluatedKey;',
      '    documents.scan(params, onScan);',
      '  }',
      '}',
    );
    assert.deepEqual(findingsIn('movies.js', code), []);
  });

  it('JavaScript, SDK v2: scan(params).promise().then(next) where next pages', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const documents = new AWS.DynamoDB.DocumentClient();',
      'exports.handler = async () => {',
      "  const params = { TableName: 'orders' };",
      '  const next = (data) => {',
      '    if (data.LastEvaluatedKey) {',
      '      params.ExclusiveStartKey = data.LastEvaluatedKey;',
      '      return documents.scan(params).promise().then(next);',
      '    }',
      '    return data;',
      '  };',
      '  return documents.scan(params).promise().then(next);',
      '};',
    );
    assert.deepEqual(findingsIn('orders.js', code), []);
  });

  it('JavaScript, SDK v2: scan(params, self.onScan(observer, params)) where a method of the class or a function of the file returns the paging callback', () => {
    const dao = (builder: string, callback: string): string =>
      sourceLines(
        'class GuestsDao {',
        '  constructor(client) {',
        '    this.client = client;',
        '  }',
        '  list() {',
        '    const self = this;',
        '    return new Observable((observer) => {',
        "      const params = { TableName: process.env.GUESTS_TABLE, FilterExpression: 'active = :on', ExpressionAttributeValues: { ':on': true } };",
        `      self.client.scan(params, ${builder});`,
        '    });',
        '  }',
        callback,
        '}',
        'module.exports = GuestsDao;',
      );
    const method = sourceLines(
      '  onScan(observer, params) {',
      '    const self = this;',
      '    return function (err, data) {',
      '      if (err) return observer.error(err);',
      '      data.Items.forEach((item) => observer.next(item));',
      '      if (data.LastEvaluatedKey) {',
      '        params.ExclusiveStartKey = data.LastEvaluatedKey;',
      '        self.client.scan(params, self.onScan(observer, params));',
      '      } else {',
      '        observer.complete();',
      '      }',
      '    };',
      '  }',
    );
    assert.deepEqual(findingsIn('guests.js', dao('self.onScan(observer, params)', method)), ['8:FilterExpression dynamodb-filter-expression!']);
    // A function of the module that builds the callback.
    const builder = sourceLines(
      "const AWS = require('aws-sdk');",
      'const documents = new AWS.DynamoDB.DocumentClient();',
      'function pageHandler(params, done, items) {',
      '  return function onPage(err, data) {',
      '    if (err) return done(err);',
      '    items.push(...data.Items);',
      '    if (!data.LastEvaluatedKey) return done(null, items);',
      '    documents.scan({ ...params, ExclusiveStartKey: data.LastEvaluatedKey }, pageHandler(params, done, items));',
      '  };',
      '}',
      'exports.listAll = (done) => {',
      "  const params = { TableName: 'movies' };",
      '  documents.scan(params, pageHandler(params, done, []));',
      '};',
    );
    assert.deepEqual(findingsIn('movies.js', builder), []);
    // A builder whose callback reads one page only: the Scan is still one page.
    const onePage = sourceLines('  onScan(observer) {', '    return (err, data) => observer.next(data.Items);', '  }');
    assert.deepEqual(findingsIn('guests.js', dao('self.onScan(observer)', onePage)), ['8:FilterExpression dynamodb-filter-expression!', '9:scan dynamodb-scan!']);
  });

  it('traps: a callback that reads only the first page, and a hoisted function that does not page', () => {
    const code = sourceLines(
      "const { DynamoDBClient, ScanCommand } = require('@aws-sdk/client-dynamodb');",
      "const AWS = require('aws-sdk');",
      'const client = new DynamoDBClient({});',
      'const documents = new AWS.DynamoDB.DocumentClient();',
      'function count(done) {',
      '  const summarise = (page) => done(null, page.Count);',
      "  client.send(new ScanCommand({ TableName: 'sessions', Select: 'COUNT' })).then(summarise);",
      '}',
      'function list(done) {',
      "  documents.scan({ TableName: 'movies' }, firstPage);",
      '  function firstPage(err, data) {',
      '    done(err, data.Items);',
      '  }',
      '}',
    );
    assert.deepEqual(findingsIn('count.js', code), ['7:ScanCommand dynamodb-scan!', '10:scan dynamodb-scan!']);
  });

  it('Java and Kotlin: an async client\'s future whose continuation reads the next key, and one that reads only the items', () => {
    const java = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;',
      'import software.amazon.awssdk.services.dynamodb.model.ScanRequest;',
      'class Export {',
      '    private final DynamoDbAsyncClient client;',
      '    void all(Pages pages) {',
      '        do {',
      '            ScanRequest request = pages.next();',
      '            client.scan(request).whenComplete((result, error) -> pages.remember(result.lastEvaluatedKey()));',
      '        } while (pages.more());',
      '    }',
      '    void first(ScanRequest request) {',
      '        client.scan(request).thenAccept(result -> System.out.println(result.items()));',
      '    }',
      '}',
    );
    assert.deepEqual(findingsIn('Export.java', java), ['12:scan dynamodb-scan!']);
    const kotlin = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient',
      'import software.amazon.awssdk.services.dynamodb.model.ScanRequest',
      'class Export(private val client: DynamoDbAsyncClient) {',
      '    fun all(pages: Pages) {',
      '        do {',
      '            client.scan(pages.next()).whenComplete { result, _ -> pages.remember(result.lastEvaluatedKey()) }',
      '        } while (pages.more())',
      '    }',
      '    fun first(request: ScanRequest) = client.scan(request).thenAccept { println(it.items()) }',
      '}',
    );
    assert.deepEqual(findingsIn('Export.kt', kotlin), ['9:scan dynamodb-scan!']);
  });
});
