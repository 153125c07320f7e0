/**
 * Python client classes of another workspace module whose class methods hand out a client: a route of a Django
 * or FastAPI view that calls one makes a client per request when the method makes a new one on each call
 * (`return session.resource("dynamodb")`), imported relatively or not; none, imported either way, when it hands out
 * the one the class keeps (`if cls._resource is None: cls._resource = ...`).
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile as hints } from './support';

const CLIENTS = sourceLines(
  'import aioboto3',
  'import boto3',
  '',
  '',
  'class Dynamo:',
  '    _session = None',
  '    _resource = None',
  '',
  '    @classmethod',
  '    def session(cls):',
  '        if cls._session is None:',
  '            cls._session = aioboto3.Session()',
  '        return cls._session',
  '',
  '    @classmethod',
  '    def async_resource(cls):',
  '        session = cls.session()',
  '        return session.resource("dynamodb", region_name="eu-west-1")',
  '',
  '    @classmethod',
  '    def shared(cls):',
  '        if cls._resource is None:',
  '            cls._resource = boto3.resource("dynamodb")',
  '        return cls._resource',
  '',
  '    @classmethod',
  '    def table(cls):',
  '        return cls.shared().Table("main")',
);

const VIEWS = sourceLines(
  'from adrf.views import APIView',
  'from ..db.clients import Dynamo',
  '',
  '',
  'class ProfileView(APIView):',
  '    async def get(self, request):',
  '        async with Dynamo.async_resource() as resource:',
  '            table = await resource.Table("main")',
  '            return await table.get_item(Key={"PK": request.user.id})',
  '',
  '    async def put(self, request):',
  '        return Dynamo.table().put_item(Item={"PK": request.user.id})',
);

const FILES = { 'api/__init__.py': '', 'api/db/__init__.py': '', 'api/views/__init__.py': '', 'api/db/clients.py': CLIENTS, 'api/views/profile.py': VIEWS };

function perRequest(found: string[]): string[] {
  return found.filter((hint) => hint.endsWith('client-per-request!'));
}

describe('workspace: Python class methods of another module that hand out a client', () => {
  it('reports a route’s call of a class method that makes a new client, imported relatively, and not one that hands out the kept table', () => {
    assert.deepEqual(perRequest(hints(FILES, 'api/views/profile.py')), ['7:async_resource client-per-request!']);
  });

  it('reports the same through an absolute import, and not the kept table there either', () => {
    const absolute = VIEWS.replace('from ..db.clients import Dynamo', 'from api.db.clients import Dynamo');
    assert.deepEqual(perRequest(hints({ ...FILES, 'api/views/profile.py': absolute }, 'api/views/profile.py')), ['7:async_resource client-per-request!']);
  });

  it('reports nothing without the workspace', () => {
    assert.deepEqual(perRequest(hints(FILES, 'api/views/profile.py', null)), []);
  });
});
