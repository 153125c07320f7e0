/**
 * PynamoDB calls on `cls` in a model's `@classmethod` (`cls.get(...)`, `cls.query(...)`, `cls.scan(...)`): the
 * model class's own calls, read as `Model.get(...)` is. Silent: `cls` in a `@staticmethod` or a plain function,
 * a nested function's own `cls`, and a class method of a class that is no model.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const HEADER = [
  'from pynamodb.models import Model',
  'from pynamodb.attributes import UnicodeAttribute',
  '',
  '',
];

describe('PynamoDB: a model’s class methods called on cls', () => {
  it('reads get, query and scan on cls in a model’s class methods', () => {
    const code = sourceLines(
      ...HEADER,
      'class Badge(Model):',
      '    class Meta:',
      '        table_name = "badges"',
      '    owner = UnicodeAttribute(hash_key=True)',
      '    code = UnicodeAttribute(range_key=True)',
      '',
      '    @classmethod',
      '    def find(cls, owner, code, consistent_read=False):',
      '        return cls.get(owner, code, consistent_read=consistent_read)',
      '',
      '    @classmethod',
      '    def of_owner(cls, owner):',
      '        return cls.query(owner, cls.code.startswith("B#"))',
      '',
      '    @classmethod',
      '    async def all_codes(cls):',
      '        return [badge.code for badge in cls.scan()]',
    );
    assert.deepEqual(hintsIn('badges.py', code), [
      '13:get dynamodb-get-item',
      '13:consistent_read dynamodb-consistent-read',
      '17:query dynamodb-query',
      '21:scan dynamodb-scan',
    ]);
  });

  it('stays silent on cls in a static method, a plain function, a nested function and a class that is no model', () => {
    const code = sourceLines(
      ...HEADER,
      'class Badge(Model):',
      '    class Meta:',
      '        table_name = "badges"',
      '    owner = UnicodeAttribute(hash_key=True)',
      '',
      '    @staticmethod',
      '    def pick(cls, owner):',
      '        return cls.get(owner)',
      '',
      '    @classmethod',
      '    def later(cls, cache):',
      '        def fetch(cls, owner):',
      '            return cls.get(owner)',
      '        return fetch(cache, "x")',
      '',
      '',
      'def lookup(cls, owner):',
      '    return cls.get(owner)',
      '',
      '',
      'class BadgeCache:',
      '    @classmethod',
      '    def find(cls, owner):',
      '        return cls.get(owner)',
    );
    assert.deepEqual(hintsIn('badges.py', code), []);
  });
});
