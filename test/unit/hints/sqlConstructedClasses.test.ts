/**
 * `rds-sql-connection-per-invocation` at a Lambda handler's construction of a class whose constructor opens a SQL
 * connection for each instance (`self.conn = psycopg2.connect(...)`, or through a method of the class:
 * `self.conn = self.get_connection()`), of the handler's file or (workspace mode) of another module. Silent: a
 * class built once at module level, a class whose constructor only keeps a connection it is given, and a
 * constructor that opens nothing. SDK clients made by constructors keep their own rule.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-sql-connection-per-invocation!';

const RDS_MODULE = sourceLines(
  'import os',
  'import psycopg2',
  '',
  '',
  'class Warehouse:',
  '    def __init__(self, schema="stage"):',
  '        self.schema = schema',
  '        self.conn = self.connect()',
  '',
  '    def connect(self):',
  '        return psycopg2.connect(host=os.environ["DB_HOST"], user=os.environ["DB_USER"], password=os.environ["DB_PASSWORD"])',
  '',
  '    def dealers(self):',
  '        with self.conn.cursor() as cur:',
  '            cur.execute("SELECT id FROM dealers")',
  '            return cur.fetchall()',
  '',
  '',
  'class Direct:',
  '    def __init__(self):',
  '        self.conn = psycopg2.connect(host=os.environ["DB_HOST"])',
  '',
  '',
  'class Given:',
  '    def __init__(self, conn):',
  '        self.conn = conn',
);

describe('SQL connections a class constructor opens, constructed in a Lambda handler', () => {
  it('reports a same-file class that connects in its constructor or through its own method', () => {
    const code = sourceLines(RDS_MODULE, '', '', 'def lambda_handler(event, context):', '    w = Warehouse()', '    d = Direct()', '    g = Given(None)', '    return w.dealers()');
    const found = hintsIn('handler.py', code).filter((hint) => hint.endsWith(RULE));
    assert.deepEqual(found, [`31:Warehouse ${RULE}`, `32:Direct ${RULE}`]);
  });

  it('reports another module\'s class in workspace mode, and not one built once at module level', () => {
    const handler = sourceLines(
      'from warehouse import Warehouse, Given',
      '',
      'SHARED = Warehouse()',
      '',
      '',
      'def lambda_handler(event, context):',
      '    warehouse = Warehouse("prod")',
      '    given = Given(SHARED.conn)',
      '    return warehouse.dealers() + SHARED.dealers()',
    );
    const found = hintsOfFile({ 'app/warehouse.py': RDS_MODULE, 'app/handler.py': handler }, 'app/handler.py').filter((hint) => hint.endsWith(RULE));
    assert.deepEqual(found, [`7:Warehouse ${RULE}`]);
  });

  it('stays silent on a class whose constructor opens nothing, and outside handlers', () => {
    const code = sourceLines(RDS_MODULE, '', '', 'def report():', '    return Warehouse().dealers()', '', 'def lambda_handler(event, context):', '    return Given(None)');
    assert.deepEqual(hintsIn('handler.py', code).filter((hint) => hint.endsWith(RULE)), []);
  });
});
