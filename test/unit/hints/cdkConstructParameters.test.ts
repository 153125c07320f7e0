/**
 * CDK constructs handed to a helper of the same file through a parameter with no type: a Python stack's private
 * method (`self._wire(self.table)` into `def _wire(self, ddb_table)`) or a JavaScript function, whose every call
 * passes the same kind of construct. The helper's calls on the parameter are read as the construct's
 * (`ddb_table.grant_full_access(fn)`). Silent: a helper whose callers pass different things, or that nothing calls.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const GRANT = 'dynamodb-grant';

function grants(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.includes(` ${GRANT}`));
}

describe('CDK constructs passed to a same-file helper with an untyped parameter', () => {
  it('reads the grants of a Python stack method its constructor passes the table', () => {
    const code = sourceLines(
      'from aws_cdk import Stack, aws_dynamodb as dynamodb, aws_lambda as _lambda',
      '',
      'class OrdersStack(Stack):',
      '    def __init__(self, scope, id, **kwargs):',
      '        super().__init__(scope, id, **kwargs)',
      '        self.table = dynamodb.Table(self, "Orders", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING))',
      '        self._reader(self.table)',
      '        self._mixed(self.table)',
      '        self._mixed("orders")',
      '',
      '    def _reader(self, ddb_table):',
      '        fn = _lambda.Function(self, "Reader", runtime=_lambda.Runtime.PYTHON_3_12, handler="app.handler", code=_lambda.Code.from_asset("src"))',
      '        ddb_table.grant_stream_read(fn)',
      '        ddb_table.grant_full_access(fn)',
      '',
      '    def _mixed(self, target):',
      '        target.grant_read_data(None)',
      '',
      'def never_called(table, fn):',
      '    table.grant_read_data(fn)',
    );
    assert.deepEqual(grants('orders_stack.py', code), [`13:grant_stream_read ${GRANT}`, `14:grant_full_access ${GRANT}`, `14:grant_full_access ${GRANT}!`]);
  });

  it('reads the grants of a JavaScript function every call passes a table', () => {
    const code = sourceLines(
      "const { Stack } = require('aws-cdk-lib');",
      "const dynamodb = require('aws-cdk-lib/aws-dynamodb');",
      'function allowRead(table, fn) {',
      '  table.grantReadData(fn);',
      '}',
      'class ApiStack extends Stack {',
      '  constructor(scope, id, props) {',
      '    super(scope, id, props);',
      "    const orders = new dynamodb.Table(this, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });",
      '    allowRead(orders, props.handler);',
      '  }',
      '}',
    );
    assert.deepEqual(grants('api-stack.js', code), [`4:grantReadData ${GRANT}`]);
  });
});
