/**
 * PynamoDB instances a loop takes from a local that holds a model's `query`, `scan` or `batch_get` iterator
 * (`stale = Connection.query(...)`, then `for connection in stale: connection.delete()`), read as they are when the
 * loop iterates the call itself. Silent: what the iterator's `next()` gives, and loops over other objects.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const MODEL = [
  'from pynamodb.models import Model',
  'from pynamodb.attributes import UnicodeAttribute',
  '',
  '',
  'class Connection(Model):',
  '    class Meta:',
  '        table_name = "connections"',
  '',
  '    endpoint_id = UnicodeAttribute(hash_key=True)',
  '    connection_id = UnicodeAttribute(range_key=True)',
  '',
  '',
];

function deletes(code: string): string[] {
  return hintsIn('sweeper.py', code).filter((hint) => /:(?:delete|save|refresh) /.test(hint));
}

describe('PynamoDB: loops over a local that holds a model iterator', () => {
  it('reads the loop variable over a query or scan held by a local as a model instance', () => {
    const code = sourceLines(
      ...MODEL,
      'def sweep(endpoint_id):',
      '    stale = Connection.query(endpoint_id)',
      '    for connection in stale:',
      '        connection.delete()',
      '    everything = Connection.scan()',
      '    for connection in everything:',
      '        connection.refresh()',
    );
    assert.deepEqual(deletes(code), [
      '16:delete dynamodb-delete-item',
      '16:delete dynamodb-item-loop',
      '19:refresh dynamodb-get-item',
      '19:refresh dynamodb-item-loop',
      '16:delete dynamodb-item-loop!',
      '19:refresh dynamodb-item-loop!',
    ]);
  });

  it('stays silent on the next() of an iterator and on loops over other objects', () => {
    const code = sourceLines(
      ...MODEL,
      'def sweep(endpoint_id, bucket):',
      '    first = Connection.query(endpoint_id).next()',
      '    for part in first:',
      '        part.delete()',
      '    files = bucket.objects.all()',
      '    for f in files:',
      '        f.delete()',
    );
    assert.deepEqual(deletes(code), []);
  });
});
