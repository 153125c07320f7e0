/**
 * A TypeScript field declared with a client type and assigned another module's export that the workspace does not
 * resolve (`code/members.ts` `assignedOrDeclared`): the declared type stands, as TypeScript checks the assignment
 * against it; an export the workspace does resolve keeps what it resolves to.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const repository = (assigned: string, declared: string): string =>
  sourceLines(
    "import { DynamoDB } from 'aws-sdk';",
    "import { DynamoDBUtils } from '@test/utils/dynamodb-utils';",
    '',
    'export class SessionStore {',
    `  private readonly dynamoDBD: ${declared};`,
    '',
    '  constructor(private readonly tableName: string) {',
    `    this.dynamoDBD = ${assigned};`,
    '  }',
    '',
    '  async all(): Promise<unknown[]> {',
    '    const out = await this.dynamoDBD.scan({ TableName: this.tableName }).promise();', // 12
    '    return out.Items ?? [];',
    '  }',
    '}',
  );

const UTILS = sourceLines("import { DynamoDB } from 'aws-sdk';", 'export class DynamoDBUtils {', '  static dynamoDBD = new DynamoDB.DocumentClient();', '}');

describe('workspace: a field declared with a client type and assigned an unresolved export', () => {
  it('reads the field as its declared client', () => {
    const files = { 'test/utils/dynamodb-utils.ts': UTILS, 'src/session-store.ts': repository('DynamoDBUtils.dynamoDBD', 'DynamoDB.DocumentClient') };
    assert.ok(hintsOfFile(files, 'src/session-store.ts').includes('12:scan dynamodb-scan!'));
  });

  it('leaves a field declared with another type, or with none', () => {
    for (const declared of ['SessionCache', 'any']) {
      const files = { 'test/utils/dynamodb-utils.ts': UTILS, 'src/session-store.ts': repository('DynamoDBUtils.dynamoDBD', declared) };
      assert.ok(!hintsOfFile(files, 'src/session-store.ts').some((hint) => hint.startsWith('12:scan')), declared);
    }
  });
});
