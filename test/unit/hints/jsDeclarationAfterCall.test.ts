/**
 * JavaScript and TypeScript written without semicolons: a declaration that destructures (`const { table } =
 * new Store(this, 'S')`) on the line after a call (`super(scope, id)`) starts a statement of its own. Before, the
 * call was read as a method signature whose return type was `const`, and the pattern as its body, so the names
 * it binds were out of scope on the next line.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('JavaScript: a destructuring declaration after a call with no semicolon', () => {
  it('binds its names for the statements after it', () => {
    const source = sourceLines(
      "import { Stack } from 'aws-cdk-lib'",
      "import { Construct } from 'constructs'",
      "import { Table, ITable, AttributeType } from 'aws-cdk-lib/aws-dynamodb'",
      "import { Function } from 'aws-cdk-lib/aws-lambda'",
      '',
      'class Store extends Construct {',
      '  public readonly table: ITable',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id)',
      "    this.table = new Table(this, 'T', { partitionKey: { name: 'id', type: AttributeType.STRING } })",
      '  }',
      '}',
      '',
      'export class Events extends Stack {',
      '  constructor(scope: Construct, id: string, fn: Function) {',
      '    super(scope, id)',
      "    const { table } = new Store(this, 'Store')",
      '    table.grantStreamRead(fn)',
      '    fn.addEnvironment("TABLE", table.tableName)',
      '    let { table: copy } = this.node.tryGetContext("store") ? new Store(this, "Copy") : { table }',
      '    copy.grantReadData(fn)',
      '  }',
      '}',
    );
    const hints = hintsIn('lib/events.ts', source).filter((hint) => hint.includes('grant'));
    assert.deepEqual(hints, ['18:grantStreamRead dynamodb-grant']);
  });

  it('still reads a method whose return type follows its parameters', () => {
    const source = sourceLines(
      "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb'",
      'const db = new DynamoDBClient({})',
      'export class Repo {',
      '  all(table: string): Promise<unknown> {',
      '    const { Items } = { Items: [] }',
      '    return db.send(new ScanCommand({ TableName: table, Limit: 10 })).then(() => Items)',
      '  }',
      '}',
    );
    assert.ok(hintsIn('src/repo.ts', source).includes('6:ScanCommand dynamodb-scan'));
  });
});
