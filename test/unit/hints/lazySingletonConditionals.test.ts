/**
 * A lazy singleton written as a conditional that keeps the name when it is set (`db = db ? db : makeClient()`),
 * read as `db || makeClient()` is: the client the other branch makes.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Lazy singletons written as a conditional', () => {
  it('reads `db = db ? db : make()` in a static method of a service class, with the client a sibling method makes', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'let db = null;',
      'let other = null;',
      'class Catalog {',
      '  static make() {',
      "    return new AWS.DynamoDB({ region: 'us-east-1' });",
      '  }',
      '  static stub() {',
      "    return { scan: (params, done) => done(null, { Items: [] }) };",
      '  }',
      '  static ready() {',
      '    db = db ? db : this.make();',
      '    other = other ? other : this.stub();',
      '  }',
      '  static all(TableName, done) {',
      '    Catalog.ready();',
      '    db.scan({ TableName }, done);',
      '    other.scan({ TableName }, done);',
      '  }',
      '  static add(TableName, Item, done) {',
      '    Catalog.ready();',
      '    db.putItem({ TableName, Item }, done);',
      '  }',
      '}',
      'module.exports = Catalog;',
    );
    const found = hintsIn('catalog.js', code).filter((hint) => /dynamodb-(scan|put-item)/.test(hint));
    // A stand-in object made the same way is no client.
    assert.deepEqual(found, ['17:scan dynamodb-scan', '22:putItem dynamodb-put-item', '17:scan dynamodb-scan!']);
  });
});
