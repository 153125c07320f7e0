/**
 * Python CDK factory functions across modules (workspace mode): a stack calls `make_orders_table(self)` of one module,
 * which makes and returns a table, and hands the result to `make_api_function(self, orders)` of another, whose
 * parameter is read as that table, so its grants on it are the table's. Silent: a parameter the callers give something
 * else, and the factory read alone.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

function grantHovers(files: Record<string, string>, file: string, alone = false): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, ...(alone ? {} : { workspace: built }) });
  return result.sites.filter((site) => site.ruleIds.includes('dynamodb-grant')).map((site) => `${result.lines.lineOf(site.start) + 1}:${files[file].slice(site.start, site.end)}`);
}

const TABLES = sourceLines(
  'from aws_cdk import aws_dynamodb as dynamodb',
  '',
  'def make_orders_table(scope):',
  '    orders = dynamodb.Table(scope, "Orders", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING))',
  '    return orders',
);

const FUNCTIONS = sourceLines(
  'from aws_cdk import aws_lambda as lambda_',
  '',
  'def make_api_function(scope, orders):',
  '    fn = lambda_.Function(scope, "Api", runtime=lambda_.Runtime.PYTHON_3_12, handler="api.main", code=lambda_.Code.from_asset("api"))',
  '    orders.grant_read_write_data(fn)',
  '    return fn',
);

describe('Python CDK factory functions of other modules', () => {
  it('reads a factory parameter as the table another factory returns, where the stack passes it', () => {
    const stack = sourceLines(
      'from aws_cdk import Stack',
      'from infra.tables import make_orders_table',
      'from infra.functions import make_api_function',
      '',
      'class ApiStack(Stack):',
      '    def __init__(self, scope, id, **kwargs):',
      '        super().__init__(scope, id, **kwargs)',
      '        orders = make_orders_table(self)',
      '        make_api_function(self, orders)',
    );
    const files = { 'infra/__init__.py': '', 'infra/tables.py': TABLES, 'infra/functions.py': FUNCTIONS, 'infra/stack.py': stack };
    assert.deepEqual(grantHovers(files, 'infra/functions.py'), ['5:grant_read_write_data']);
    assert.deepEqual(grantHovers(files, 'infra/functions.py', true), []);
  });

  it('stays silent where the callers pass something else', () => {
    const stack = sourceLines(
      'from aws_cdk import Stack, aws_s3 as s3',
      'from infra.functions import make_api_function',
      '',
      'class ApiStack(Stack):',
      '    def __init__(self, scope, id, **kwargs):',
      '        super().__init__(scope, id, **kwargs)',
      '        uploads = s3.Bucket(self, "Uploads")',
      '        make_api_function(self, uploads)',
    );
    const files = { 'infra/__init__.py': '', 'infra/tables.py': TABLES, 'infra/functions.py': FUNCTIONS, 'infra/stack.py': stack };
    assert.deepEqual(grantHovers(files, 'infra/functions.py'), []);
  });
});
