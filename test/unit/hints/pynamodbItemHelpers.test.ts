/**
 * PynamoDB items a helper of the same file fetches: a function or a method of the class around whose every
 * `return` gives what a model's `get` gives or `None` (directly, or through a local every assignment of which
 * does), the way services turn `DoesNotExist` into `None`. Its call gives an item, whose `save()` and `delete()`
 * write. Silent: a helper that may return something else, and one that only ever returns `None`.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const MODEL = [
  'from pynamodb.exceptions import DoesNotExist',
  'from pynamodb.models import Model',
  'from pynamodb.attributes import UnicodeAttribute',
  '',
  '',
  'class Lease(Model):',
  '    class Meta:',
  '        table_name = "leases"',
  '',
  '    lease_id = UnicodeAttribute(hash_key=True)',
  '    holder = UnicodeAttribute(null=True)',
  '',
  '',
];

function writes(code: string): string[] {
  return hintsIn('leases.py', code).filter((hint) => /:(?:save|delete) dynamodb-(?:put|delete)-item$/.test(hint));
}

describe('PynamoDB: items a helper fetches or gives None for', () => {
  it('reads the item a function or a class method of the file fetches', () => {
    const code = sourceLines(
      ...MODEL,
      'def lease_or_none(lease_id):',
      '    try:',
      '        return Lease.get(lease_id)',
      '    except DoesNotExist:',
      '        return None',
      '',
      '',
      'class LeaseService:',
      '    @classmethod',
      '    def find(cls, lease_id):',
      '        try:',
      '            found = Lease.get(lease_id)',
      '        except DoesNotExist:',
      '            found = None',
      '        return found',
      '',
      '    @classmethod',
      '    def release(cls, lease_id):',
      '        lease = cls.find(lease_id)',
      '        if lease:',
      '            lease.delete()',
      '',
      '',
      'def take(lease_id, holder):',
      '    lease = lease_or_none(lease_id)',
      '    lease.holder = holder',
      '    lease.save()',
    );
    assert.deepEqual(writes(code), ['34:delete dynamodb-delete-item', '40:save dynamodb-put-item']);
  });

  it('stays silent on a helper that may return something else or only None', () => {
    const code = sourceLines(
      ...MODEL,
      'def lease_or_default(lease_id, default):',
      '    try:',
      '        return Lease.get(lease_id)',
      '    except DoesNotExist:',
      '        return default',
      '',
      '',
      'def nothing(lease_id):',
      '    return None',
      '',
      '',
      'def take(lease_id, holder, default):',
      '    lease = lease_or_default(lease_id, default)',
      '    lease.save()',
      '    other = nothing(lease_id)',
      '    other.delete()',
    );
    assert.deepEqual(writes(code), []);
  });
});
