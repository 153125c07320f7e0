/**
 * Python getters of another workspace module that hand out what the module made at its top level: a table
 * (`users_table = dynamodb.Table("Users")`, then `def get_user_collection(): return users_table`) or a table
 * made from a module-level resource (`return dynamodb.Table("Users")`). The file that imports the getter reads
 * its call as that table, called inline or through a local. Such a call is no client made per request: the
 * getter hands out what the module made once. Then the traps: a getter of a dict, a local that hides the
 * import, a test double's module, and no workspace.
 */
import * as assert from 'node:assert/strict';
import { pythonModuleText } from '../../../src/hints/engine/workspace/pythonModuleText';
import { sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const DATABASE = sourceLines(
  'import boto3',
  '',
  'dynamodb = boto3.resource("dynamodb", region_name="us-east-2")',
  'users_table = dynamodb.Table("Users")',
  'settings = {"page_size": 25}',
  '',
  '',
  'def get_user_collection():',
  '    """Return the users table."""',
  '    return users_table',
  '',
  '',
  'def posts_table():',
  '    return dynamodb.Table("Posts")',
  '',
  '',
  'def get_settings():',
  '    return settings',
);

const ROUTES = sourceLines(
  'from fastapi import APIRouter',
  '',
  'from ..database import get_settings, get_user_collection, posts_table',
  '',
  'router = APIRouter()',
  '',
  '',
  '@router.get("/users")',
  'async def list_users():',
  '    """List users, with pagination left to the client."""',
  '    users = get_user_collection()',
  '    response = users.scan()',
  '    return response.get("Items", [])',
  '',
  '',
  '@router.get("/posts")',
  'async def list_posts():',
  '    return posts_table().scan()["Items"]',
  '',
  '',
  'def page_size():',
  '    return get_settings().get("page_size")',
);

const FILES = { 'backend/__init__.py': '', 'backend/routes/__init__.py': '', 'backend/database.py': DATABASE, 'backend/routes/users.py': ROUTES };

describe('workspace: Python getters of a module-level table of another module', () => {
  it('reads the getter’s call as the table, through a local or inline, and reports the unpaginated scans', () => {
    const found = hints(FILES, 'backend/routes/users.py');
    assert.ok(found.includes('12:scan dynamodb-scan!'), found.join('\n'));
    assert.ok(found.includes('18:scan dynamodb-scan!'), found.join('\n'));
  });

  it('reports no client made per request for a getter’s call, and nothing on a getter of a dict', () => {
    const found = hints(FILES, 'backend/routes/users.py');
    assert.ok(!found.some((hint) => hint.includes('client-per-request')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('22:')), found.join('\n'));
  });

  it('reads nothing without the workspace, under a local that hides the import, or from a test double', () => {
    assert.ok(!hints(FILES, 'backend/routes/users.py', null).some((hint) => hint.includes('dynamodb-scan')));
    const hidden = ROUTES.replace('    users = get_user_collection()', '    get_user_collection = dict\n    users = get_user_collection()');
    assert.ok(!hints({ ...FILES, 'backend/routes/users.py': hidden }, 'backend/routes/users.py').some((hint) => hint.startsWith('13:')));
    const fake = { 'tests/fakes.py': DATABASE, 'backend/jobs.py': ROUTES.replace('..database', 'tests.fakes') };
    assert.ok(!hints(fake, 'backend/jobs.py').some((hint) => hint.includes('dynamodb-scan')));
  });

  it('keeps the getters of a module-level client in the module’s text, and not the other functions', () => {
    const kept = pythonModuleText(DATABASE, false) ?? '';
    assert.ok(kept.includes('def get_user_collection'), kept);
    assert.ok(kept.includes('def posts_table'), kept);
    assert.ok(!kept.includes('def get_settings'), kept);
  });
});
