/**
 * TypeScript request literals typed by an assertion on the literal (`<QueryCommandInput>{ ... }`,
 * `{ ... } as ScanCommandInput`, `satisfies`): the type names the operation, so the options get their hovers and
 * findings even where a project wrapper sends the request. The traps: a generic call's type argument, an
 * assertion to a type of no SDK, a union, `as const`, and a test's expectation of what the wrapper is sent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('TypeScript: a request literal under a type assertion', () => {
  it('reads the options of angle-bracket, `as` and `satisfies` literals sent through a wrapper', () => {
    const repository = sourceLines(
      "import { QueryCommandInput, ScanCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';",
      "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
      "import { TableGateway } from './table-gateway';",
      '',
      'export class AccountRepository {',
      '  constructor(private readonly gateway: TableGateway) {}',
      '',
      '  byEmail(email: string) {',
      '    const input = <QueryCommandInput>{',
      "      TableName: 'accounts',",
      "      IndexName: 'EmailIndex',",
      "      KeyConditionExpression: 'email = :e',",
      "      ExpressionAttributeValues: { ':e': email },",
      '    };',
      "    return this.gateway.query('accounts', input);",
      '  }',
      '',
      '  touch(id: string) {',
      '    return this.gateway.update(<UpdateCommandInput>{',
      "      TableName: 'accounts',",
      '      Key: { id },',
      "      UpdateExpression: 'set seenAt = :t',",
      "      ConditionExpression: 'attribute_exists(id)',",
      "      ExpressionAttributeValues: { ':t': Date.now() },",
      '    });',
      '  }',
      '',
      '  dormant() {',
      "    return this.gateway.scan({ TableName: 'accounts', FilterExpression: 'seenAt < :t', Limit: 50 } as ScanCommandInput);",
      '  }',
      '',
      '  legacy(owner: string) {',
      "    return this.gateway.query({ TableName: 'accounts', IndexName: 'OwnerIndex' } satisfies DocumentClient.QueryInput);",
      '  }',
      '}',
    );
    const hints = hintsIn('src/accounts/account.repository.ts', repository);
    for (const expected of [
      '11:IndexName dynamodb-index-name',
      '12:KeyConditionExpression dynamodb-key-condition-expression',
      '22:UpdateExpression dynamodb-update-expression',
      '23:ConditionExpression dynamodb-condition-expression',
      '29:FilterExpression dynamodb-filter-expression',
      '29:FilterExpression dynamodb-filter-expression!',
      '29:Limit dynamodb-limit',
      '33:IndexName dynamodb-index-name',
    ]) {
      assert.ok(hints.includes(expected), `${expected}\n${hints.join('\n')}`);
    }
  });

  it('says nothing of type arguments, other types, unions and `as const`', () => {
    const source = sourceLines(
      "import { QueryCommandInput, ScanCommandInput } from '@aws-sdk/lib-dynamodb';",
      "import { SearchRequest } from './search';",
      'declare function build<T>(value: object): T;',
      '',
      'export function shapes() {',
      "  const typed = build<QueryCommandInput>({ IndexName: 'ByOwner' });",
      "  const other = <SearchRequest>{ IndexName: 'ByOwner', Limit: 5 };",
      "  const union = { FilterExpression: 'a = :a' } as ScanCommandInput | undefined;",
      "  const fixed = { IndexName: 'ByOwner', Limit: 5 } as const;",
      '  return [typed, other, union, fixed];',
      '}',
    );
    assert.deepEqual(hintsIn('src/shapes.ts', source), []);
  });

  it("says nothing of a test's expectation of the request a wrapper is sent", () => {
    const spec = sourceLines(
      "import { QueryCommandInput } from '@aws-sdk/lib-dynamodb';",
      "import { AccountRepository } from './account.repository';",
      '',
      "describe('AccountRepository', () => {",
      "  it('queries the email index', async () => {",
      '    const gateway = { query: jest.fn().mockResolvedValue({ Items: [] }) };',
      "    await new AccountRepository(gateway as never).byEmail('a@b.c');",
      "    expect(gateway.query).toBeCalledWith('accounts', <QueryCommandInput>{",
      "      TableName: 'accounts',",
      "      IndexName: 'EmailIndex',",
      "      KeyConditionExpression: 'email = :e',",
      '    });',
      '  });',
      '});',
    );
    assert.deepEqual(hintsIn('src/accounts/account.repository.spec.ts', spec), []);
  });
});
