/**
 * Python, workspace mode: `from app_lib import *` brings in the names a module uses and never binds nor imports
 * by name, from the last star import, so a table a helper of that module returns is a table here too.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { sourceLines } from '../hints/support';

const LIB = sourceLines(
  'import os',
  'import boto3',
  '',
  'def get_table(name):',
  '    return boto3.resource("dynamodb").Table(os.environ[name])',
  '',
  'def respond(status, body):',
  '    return {"statusCode": status, "body": body}',
);

describe('Python star imports of a project module', () => {
  it('reads a table made by a helper the module brings in with import *', () => {
    const files = {
      'api/app_lib.py': LIB,
      'api/doctors_list.py': sourceLines(
        'from app_lib import *',
        '',
        'table = get_table("DOCTORS_TABLE")',
        '',
        'def handler(event, context):',
        '    items = table.scan()["Items"]',
        '    return respond(200, items)',
      ),
    };
    const found = hintsOfFile(files, 'api/doctors_list.py');
    assert.ok(found.includes('6:scan dynamodb-scan'), found.join('\n'));
    assert.ok(found.includes('6:scan dynamodb-scan!'), found.join('\n'));
  });

  it('takes a name the module binds itself, or imports by name, from there, and a later star import over an earlier one', () => {
    const files = {
      'api/app_lib.py': LIB,
      'api/fakes.py': sourceLines('class FakeTable:', '    def scan(self):', '        return {"Items": []}', '', 'def get_table(name):', '    return FakeTable()'),
      'api/local_only.py': sourceLines('from app_lib import *', '', 'def get_table(name):', '    return {}', '', 'def handler(event, context):', '    return get_table("T").scan()'),
      'api/shadowed.py': sourceLines('from app_lib import *', 'from fakes import *', '', 'def handler(event, context):', '    return get_table("T").scan()'),
      'api/by_name.py': sourceLines('from app_lib import *', 'from fakes import get_table', '', 'def handler(event, context):', '    return get_table("T").scan()'),
    };
    for (const file of ['api/local_only.py', 'api/shadowed.py', 'api/by_name.py']) {
      const found = hintsOfFile(files, file);
      assert.ok(!found.some((hint) => hint.includes('dynamodb-scan')), `${file}\n${found.join('\n')}`);
    }
  });
});
