/**
 * Requests a same-file helper completes from its parameter (`{ ...input, TableName }`, Python's `**kwargs`):
 * the options each caller passes are read as a request of the helper's operation, one caller at a time;
 * a parameter of unknown use, another function of the same name, or a caller's keyword argument that fills
 * a named parameter get nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function assertNothingOn(found: string[], line: number): void {
  assert.ok(!found.some((hint) => hint.startsWith(`${line}:`)), `nothing on line ${line} in\n${found.join('\n')}`);
}

describe('requests completed by a same-file helper', () => {
  it('reads the options a caller passes to a TypeScript helper that spreads its parameter into a command', () => {
    const code = sourceLines(
      "import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';",
      'export abstract class Repository {',
      '  constructor(protected readonly doc: DynamoDBDocumentClient, protected readonly table: string) {}',
      "  protected async firstPage(input: Omit<QueryCommandInput, 'TableName'>, label = 'page') {",
      '    return this.doc.send(new QueryCommand({ ...input, TableName: this.table }));',
      '  }',
      '  byEmail(email: string) {',
      "    return this.firstPage({ IndexName: 'gsi1', KeyConditionExpression: 'email = :e', ConsistentRead: true });",
      '  }',
      '  byOwner(owner: string) {',
      "    return this.firstPage({ KeyConditionExpression: 'pk = :o', ConsistentRead: true });",
      '  }',
      '  other(input: { ConsistentRead: boolean }) {',
      '    return input;',
      '  }',
      '  unrelated() {',
      "    return this.other({ ConsistentRead: true, IndexName: 'x' });",
      '  }',
      '}',
    );
    const found = hintsIn('repository.ts', code);
    assertHas(found, '8:ConsistentRead dynamodb-consistent-read', '8:ConsistentRead dynamodb-consistent-read!', '8:IndexName dynamodb-index-name');
    // The second caller queries the table itself: a consistent read there is fine, and the first caller's index does not leak in.
    assertHas(found, '11:ConsistentRead dynamodb-consistent-read');
    assert.ok(!found.includes('11:ConsistentRead dynamodb-consistent-read!'), found.join('\n'));
    assertNothingOn(found, 17);
  });

  it('reads a whole request passed through a JavaScript helper, at the parameter position it is sent from', () => {
    const code = sourceLines(
      "const { DynamoDBClient, ScanCommand } = require('@aws-sdk/client-dynamodb');",
      'const client = new DynamoDBClient({});',
      'async function scanOnce(label, input) {',
      '  return client.send(new ScanCommand(input));',
      '}',
      "scanOnce({ TableName: 'not-a-request' }, { TableName: 'orders', FilterExpression: 'a = :a', Limit: 10 });",
    );
    const found = hintsIn('scan.js', code);
    assertHas(found, '6:FilterExpression dynamodb-filter-expression!', '6:Limit dynamodb-limit!');
    assert.ok(!found.some((hint) => hint.startsWith('6:TableName')), found.join('\n'));
  });

  it('reads the keyword arguments a Python helper forwards with **kwargs, not those that fill its named parameters', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'class Orders:',
      '    def __init__(self):',
      '        self.table = boto3.resource("dynamodb").Table("orders")',
      '',
      '    def _query(self, pk, Limit=None, **kwargs):',
      '        return self.table.query(KeyConditionExpression="pk = :p", **kwargs)',
      '',
      '    def by_status(self, status):',
      '        return self._query(status, Limit=5, IndexName="by_status", ConsistentRead=True)',
      '',
      'def _query(**kwargs):',
      '    return kwargs',
      '',
      'print(_query(IndexName="x", ConsistentRead=True))',
    );
    const found = hintsIn('orders.py', code);
    assertHas(found, '11:ConsistentRead dynamodb-consistent-read!', '11:IndexName dynamodb-index-name');
    assert.ok(!found.some((hint) => hint.startsWith('11:Limit')), found.join('\n'));
    assertNothingOn(found, 16);
  });
});
