/**
 * A boto3 or aioboto3 session handed to a class or function (`Tables(boto3.Session())`, an `Ops` object passing
 * its `self.session` on): the callee's `session.client("dynamodb")` and `session.resource("dynamodb")` make the
 * clients, in the same file and (workspace mode) from another module. A caller that passes anything else leaves
 * the parameter unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const TABLES = sourceLines(
  'class Tables:',
  '    def __init__(self, session):',
  '        self.client = session.client("dynamodb")',
  '        self.resource = session.resource("dynamodb")',
  '',
  '    def dump(self, name):',
  '        return self.resource.Table(name).scan()["Items"]',
  '',
  '    def keys(self, name):',
  '        return self.client.scan(TableName=name, ProjectionExpression="pk")["Items"]',
);

const scans = (hints: string[]): string[] => hints.filter((hint) => / dynamodb-scan$/.test(hint));

describe('boto3 sessions handed to classes and functions', () => {
  it('reads the clients a session makes that the same file hands to a class or a function', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'def purge(session, name):',
      '    session.resource("dynamodb").Table(name).scan()',
      '',
      TABLES,
      '',
      'tables = Tables(boto3.session.Session(region_name="eu-west-1"))',
      'purge(boto3.Session(), "sessions")',
    );
    assert.deepEqual(scans(hintsIn('ops.py', code)).sort(), ['12:scan dynamodb-scan', '15:scan dynamodb-scan', '4:scan dynamodb-scan']);
  });

  it('reads the session another module passes, and nothing when one caller passes something else', () => {
    const ops = sourceLines(
      'import boto3',
      'from app.tables import Tables',
      '',
      'class Ops:',
      '    def __init__(self, session=None):',
      '        self.session = session or boto3.session.Session()',
      '',
      '    @property',
      '    def tables(self):',
      '        return Tables(self.session)',
    );
    const files = { 'app/__init__.py': '', 'app/ops.py': ops, 'app/tables.py': TABLES };
    assert.deepEqual(scans(hintsOfFile(files, 'app/tables.py')).sort(), ['10:scan dynamodb-scan', '7:scan dynamodb-scan']);
    const replay = sourceLines('import boto3', 'from app.tables import Tables', 'from app.fakes import RecordedSession', '', 'Tables(RecordedSession("calls.json")).dump("orders")');
    assert.deepEqual(scans(hintsOfFile({ ...files, 'tools/replay.py': replay, 'app/fakes.py': 'class RecordedSession:\n    pass\n' }, 'app/tables.py')), []);
  });
});
