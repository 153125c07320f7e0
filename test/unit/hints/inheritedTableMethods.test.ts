/**
 * Python, workspace mode: a repository that extends a base class of another module and takes its table from a method
 * of that base (`self.table = self._get_table()`, `self._get_table().scan(...)`), where the base keeps a boto3
 * resource on the instance (set in `__init__` or a method it calls) and returns `self.resource.Table(name)`. Silent:
 * a base method that returns no client, a method the subclass defines itself, and the file read alone.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { sourceLines } from './support';

const BASE = sourceLines(
  'import boto3',
  '',
  '',
  'class BaseRepository:',
  '    table_name = ""',
  '',
  '    def __init__(self):',
  '        self.dynamodb = None',
  '        self._init_dynamodb()',
  '',
  '    def _init_dynamodb(self):',
  '        try:',
  '            self.dynamodb = boto3.resource("dynamodb")',
  '        except Exception:',
  '            self.dynamodb = None',
  '',
  '    def _get_table(self):',
  '        if not self.dynamodb:',
  '            return None',
  '        return self.dynamodb.Table(self.table_name)',
  '',
  '    def _key(self, value):',
  '        return {"id": value}',
);

const USERS = sourceLines(
  'from app.repositories.base_repository import BaseRepository',
  '',
  '',
  'class UserRepository(BaseRepository):',
  '    table_name = "users"',
  '',
  '    def __init__(self):',
  '        super().__init__()',
  '        self.table = self._get_table()',
  '',
  '    def find_by_email(self, email):',
  '        return self.table.scan(FilterExpression="email = :e", ExpressionAttributeValues={":e": email})["Items"]',
  '',
  '    def find(self, user_id):',
  '        return self._get_table().get_item(Key=self._key(user_id)).get("Item")',
  '',
  '    def keys(self, values):',
  '        return [self._key(value).get("id") for value in values]',
);

function dynamodbHints(files: Record<string, string>, file: string, alone = false): string[] {
  return hintsOfFile(files, file, alone ? null : undefined)
    .filter((hint) => / dynamodb-/.test(hint))
    .sort();
}

describe('Python: tables from a method of a base class of another module', () => {
  const files = { 'app/repositories/base_repository.py': BASE, 'app/repositories/user_repository.py': USERS };

  it('reads the table a subclass takes from the inherited method, kept on the instance or called in place', () => {
    assert.deepEqual(dynamodbHints(files, 'app/repositories/user_repository.py'), [
      '12:FilterExpression dynamodb-filter-expression',
      '12:FilterExpression dynamodb-filter-expression!',
      '12:scan dynamodb-scan',
      '12:scan dynamodb-scan!',
      '15:get_item dynamodb-get-item',
    ]);
  });

  it('stays silent alone, and where the subclass defines the method itself', () => {
    assert.deepEqual(dynamodbHints(files, 'app/repositories/user_repository.py', true), []);
    const own = USERS.replace('    def keys(self, values):', '    def _get_table(self):\n        return self.source\n\n    def keys(self, values):');
    assert.deepEqual(dynamodbHints({ ...files, 'app/repositories/user_repository.py': own }, 'app/repositories/user_repository.py'), []);
  });
});
