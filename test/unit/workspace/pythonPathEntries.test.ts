/**
 * Folders a Python script puts on `sys.path` (`workspace/pythonPathEntries.ts`): a Chalice app's migration script
 * runs `sys.path.insert(0, 'chalicelib')` and then imports the models by their plain names, so the model is read
 * there as in the app.
 */
import * as assert from 'node:assert/strict';
import { pythonPathRoots } from '../../../src/hints/engine/workspace/pythonPathEntries';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

/** A PynamoDB model kept in the app's `chalicelib/models` package. */
const MODEL = sourceLines(
  'from pynamodb.attributes import UnicodeAttribute',
  'from pynamodb.models import Model',
  '',
  '',
  'class Badge(Model):',
  '    class Meta:',
  "        table_name = 'badges'",
  '',
  '    badge_id = UnicodeAttribute(hash_key=True)',
);

/** A module of the same package that exports a boto3 table. */
const STORE = sourceLines('import boto3', '', "events = boto3.resource('dynamodb').Table('badge-events')");

/** A script beside the app that puts `chalicelib` on the path as `entry` writes it, then uses both modules. */
const script = (entry: string): string =>
  sourceLines(
    'import os',
    'import sys',
    '',
    entry,
    '',
    'from models.badge import Badge',
    'from store import events',
    '',
    '',
    'def migrate():',
    '    Badge.create_table(read_capacity_units=1, write_capacity_units=1, wait=True)',
    "    print(Badge.get('b-1'))",
    '    return events.scan()',
  );

const WANTED = [
  '11:read_capacity_units dynamodb-billing-mode',
  '11:write_capacity_units dynamodb-billing-mode',
  '12:get dynamodb-get-item',
  '13:scan dynamodb-scan',
  '13:scan dynamodb-scan!',
];

describe('folders a Python script puts on sys.path', () => {
  it('reads models and tables imported after sys.path.insert of a literal folder', () => {
    const files = { 'chalicelib/models/__init__.py': '', 'chalicelib/models/badge.py': MODEL, 'chalicelib/store.py': STORE, 'migrate.py': script("sys.path.insert(0, 'chalicelib')") };
    assert.deepEqual(hintsOfFile(files, 'migrate.py'), WANTED);
  });

  it('reads a folder joined to the script’s own folder, from a script in another folder', () => {
    const entry = "sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'chalicelib'))";
    const files = { 'chalicelib/models/__init__.py': '', 'chalicelib/models/badge.py': MODEL, 'chalicelib/store.py': STORE, 'scripts/migrate.py': script(entry) };
    assert.deepEqual(hintsOfFile(files, 'scripts/migrate.py'), WANTED);
  });

  it('reads nothing from a folder no literal names', () => {
    const files = { 'vendor/models/__init__.py': '', 'vendor/models/badge.py': MODEL, 'vendor/store.py': STORE, 'migrate.py': script('sys.path.insert(0, sys.argv[1])') };
    assert.deepEqual(hintsOfFile(files, 'migrate.py'), []);
  });

  it('records only folders the script is not already in or below', () => {
    assert.deepEqual(pythonPathRoots('tools/seed.py', "import sys\nsys.path.insert(0, 'chalicelib')\nsys.path.append('..')\nsys.path.append('.')\n"), ['tools/chalicelib']);
    assert.deepEqual(pythonPathRoots('app.py', "sys.path.insert(0,'chalicelib')\nsys.path.append(\"lib/shared\")\n"), ['chalicelib', 'lib/shared']);
    assert.equal(pythonPathRoots('app.py', "sys.path.insert(0, '/opt/python')\nsys.path.append(os.environ['LIB'])\n"), undefined);
    assert.equal(pythonPathRoots('a/b.py', "sys.path.append('../../outside')\n"), undefined);
  });
});
