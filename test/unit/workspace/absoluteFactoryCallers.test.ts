/**
 * A route that calls another module's function which makes its boto3 resource through a factory of a third module,
 * imported by its absolute name (`from app.db.resources import dynamodb_resource`): a client per request. A function
 * that reads a table made once at import, and a module that uses no table, give nothing.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsInWorkspace, workspaceOf } from './support';

const RESOURCES = sourceLines('import boto3', '', '', 'def dynamodb_resource():', '    return boto3.resource("dynamodb")');

/** Uses tables and names no client library: the factory is its only way to one. */
const PROFILES = sourceLines(
  'from app.db.resources import dynamodb_resource',
  '',
  '',
  'def load_profile(user_id):',
  '    table = dynamodb_resource().Table("Profiles")',
  '    return table.update_item(',
  '        Key={"user_id": user_id},',
  '        UpdateExpression="SET seen = seen + :one",',
  '        ExpressionAttributeValues={":one": 1},',
  '        ReturnValues="ALL_NEW",',
  '    )["Attributes"]',
);

const SHARED = sourceLines(
  'from app.db.resources import dynamodb_resource',
  '',
  'profiles = dynamodb_resource().Table("Profiles")',
  '',
  '',
  'def cached_profile(user_id):',
  '    return profiles.get_item(Key={"user_id": user_id}).get("Item")',
);

const FORMATS = sourceLines('from app.text import titled', '', '', 'def display_name(profile):', '    return titled(profile["name"])');

const ROUTES = sourceLines(
  'from app.db.profiles import load_profile',
  'from app.db.shared import cached_profile',
  'from app.formats import display_name',
  '',
  '',
  'def register(app):',
  '    @app.route("/profiles/<user_id>")',
  '    def profile(user_id):',
  '        return load_profile(user_id)',
  '',
  '    @app.route("/profiles/<user_id>/cached")',
  '    def cached(user_id):',
  '        return cached_profile(user_id)',
  '',
  '    @app.route("/profiles/<user_id>/name")',
  '    def name(user_id):',
  '        return display_name(cached_profile(user_id))',
);

describe('workspace: a route calling a function that makes its resource through an absolutely imported factory', () => {
  const files = {
    'app/__init__.py': '',
    'app/db/__init__.py': '',
    'app/db/resources.py': RESOURCES,
    'app/db/profiles.py': PROFILES,
    'app/db/shared.py': SHARED,
    'app/formats.py': FORMATS,
    'app/text.py': sourceLines('def titled(text):', '    return text.title()'),
  };

  it('reports the call in the route, and not the function that reads a table made at import', () => {
    const found = hintsInWorkspace(workspaceOf(files), 'app/routes.py', ROUTES).filter((hint) => hint.includes('client-per-request'));
    assert.deepEqual(found, ['9:load_profile client-per-request', '9:load_profile client-per-request!']);
  });

  it('reports the same call in a Lambda handler', () => {
    const handler = sourceLines('from app.db.profiles import load_profile', '', '', 'def handler(event, context):', '    return load_profile(event["pathParameters"]["id"])');
    const found = hintsInWorkspace(workspaceOf(files), 'app/handler.py', handler).filter((hint) => hint.includes('per-invocation'));
    assert.deepEqual(found, ['5:load_profile lambda-client-per-invocation', '5:load_profile lambda-client-per-invocation!']);
  });

  it('reads nothing without the module that makes the resource', () => {
    const partial: Record<string, string> = { ...files };
    delete partial['app/db/resources.py'];
    assert.deepEqual(
      hintsInWorkspace(workspaceOf(partial), 'app/routes.py', ROUTES).filter((hint) => hint.includes('client-per-request')),
      [],
    );
  });
});
