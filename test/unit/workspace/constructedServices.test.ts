/**
 * Workspace mode: a Lambda handler that constructs a service class whose constructor constructs, for each
 * instance, a repository class of another module (through a package's `__init__.py`) whose constructor makes
 * a boto3 resource makes a client per invocation, two classes down; so does a same-file helper of the handler
 * that constructs it, and a service class of the handler's own file that constructs such a repository. Silent:
 * a repository given the module's table, a repository kept as a class attribute, a service made at module level.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { sourceLines } from '../hints/support';

const REPOSITORY = sourceLines(
  'import os',
  'import boto3',
  '',
  'class GoalsRepository:',
  '    def __init__(self):',
  '        self.dynamodb = boto3.resource("dynamodb")',
  '        self.table = self.dynamodb.Table(os.environ["TABLE_NAME"])',
  '',
  'class TableRepository:',
  '    def __init__(self, table):',
  '        self.table = table',
);

const SERVICE = sourceLines(
  'from goals_common import GoalsRepository, TableRepository',
  'from shared.clock import Clock',
  '',
  'class ArchiveService:',
  '    def __init__(self):',
  '        self.clock = Clock()',
  '        self.repository = GoalsRepository()',
  '',
  'class GivenTableService:',
  '    def __init__(self, table):',
  '        self.repository = TableRepository(table)',
  '',
  'class SharedService:',
  '    repository = GoalsRepository()',
);

const HANDLERS = sourceLines(
  'import os',
  'import boto3',
  'from archive.service import ArchiveService, GivenTableService, SharedService',
  'from goals_common import GoalsRepository',
  '',
  'TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])',
  'kept = ArchiveService()',
  '',
  'class LocalService:',
  '    def __init__(self):',
  '        self.repository = GoalsRepository()',
  '',
  'def lambda_handler(event, context):',
  '    service = ArchiveService()',
  '    return service.clock',
  '',
  'def helper_handler(event, context):',
  '    return _handle(event)',
  '',
  'def _handle(event):',
  '    service = ArchiveService()',
  '    return service.clock',
  '',
  'def local_handler(event, context):',
  '    return LocalService()',
  '',
  'def quiet_handler(event, context):',
  '    given = GivenTableService(TABLE)',
  '    shared = SharedService()',
  '    return [given, shared, kept]',
);

const FILES = {
  'goals_common/__init__.py': 'from .repository import GoalsRepository, TableRepository\n',
  'goals_common/repository.py': REPOSITORY,
  'shared/__init__.py': '',
  'shared/clock.py': sourceLines('class Clock:', '    def __init__(self):', '        self.zone = "UTC"'),
  'archive/__init__.py': '',
  'archive/service.py': SERVICE,
  'archive/handler.py': HANDLERS,
};

const perInvocation = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('lambda-client-per-invocation!'));

describe('workspace: services whose constructor constructs a repository that makes a client', () => {
  it('reports the handler that constructs such a service, its same-file helper, and a local service over an imported repository', () => {
    assert.deepEqual(perInvocation(hintsOfFile(FILES, 'archive/handler.py')), [
      '14:ArchiveService lambda-client-per-invocation!',
      '18:_handle lambda-client-per-invocation!',
      '25:LocalService lambda-client-per-invocation!',
    ]);
  });

  it('reports, in one file alone, a service over a repository of the same file, and not one over a table it is given', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'class Repository:',
      '    def __init__(self):',
      '        self.table = boto3.resource("dynamodb").Table("goals")',
      '',
      'class Service:',
      '    def __init__(self):',
      '        self.repository = Repository()',
      '',
      'class Wrapper:',
      '    def __init__(self, repository=None):',
      '        self.repository = repository or Repository()',
      '',
      'def lambda_handler(event, context):',
      '    return [Service(), Wrapper(event["repository"])]',
    );
    assert.deepEqual(perInvocation(hintsOfFile({ 'handler.py': code }, 'handler.py', null)), ['16:Service lambda-client-per-invocation!']);
  });

  it('reports nothing alone, where the repository cannot be seen', () => {
    assert.deepEqual(perInvocation(hintsOfFile(FILES, 'archive/handler.py', null)), []);
  });
});
