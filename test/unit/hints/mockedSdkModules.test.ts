/**
 * A JavaScript test that replaces an AWS SDK module with `vi.mock` or `jest.mock` builds its commands to
 * compare them with what the code under test sent (`toHaveBeenCalledWith(new QueryCommand({ … }))`): those
 * commands are never sent, so they get no request hint. A test that mocks another module, and the code under
 * test itself, keep theirs. In C#, a FakeItEasy call specification (`A.CallTo(() => fake.QueryAsync(...))`)
 * configures or asserts a fake's method and calls nothing either, nor does an NSubstitute one
 * (`sub.LoadAsync<T>(...).Returns(value)`).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const queryHints = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => / dynamodb-query!?$/.test(hint));

/** A Vitest file for a session lookup; `mocks` are its module replacements. */
function sessionLookupTest(...mocks: string[]): string {
  return sourceLines(
    "import { describe, expect, it, vi } from 'vitest';",
    "import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';",
    "import { findSessions } from '../../src/database/find-sessions';",
    '',
    ...mocks,
    '',
    'const expectedQuery = new QueryCommand({',
    "  TableName: 'session-table',",
    "  KeyConditionExpression: 'sessionId = :value',",
    "  ExpressionAttributeValues: { ':value': { S: 'abc' } },",
    '});',
    '',
    "describe('findSessions', () => {",
    "  it('queries the session table by id', async () => {",
    '    const client = new DynamoDBClient({});',
    "    await findSessions(client, 'session-table', 'abc');",
    '    expect(client.send).toHaveBeenCalledWith(',
    '      new QueryCommand({',
    "        TableName: 'session-table',",
    "        KeyConditionExpression: 'sessionId = :value',",
    "        ExpressionAttributeValues: { ':value': { S: 'abc' } },",
    '      }),',
    '    );',
    '    expect(client.send).toHaveBeenCalledWith(expectedQuery);',
    '  });',
    '});',
  );
}

describe('commands built in a test that mocks the AWS SDK module', () => {
  it('Vitest: vi.mock of @aws-sdk/client-dynamodb with a factory silences the commands the test compares', () => {
    const code = sessionLookupTest(
      "vi.mock('@aws-sdk/client-dynamodb', () => ({",
      '  QueryCommand: vi.fn().mockImplementation(function (input) { return { input }; }),',
      '  DynamoDBClient: vi.fn().mockImplementation(function () { return { send: vi.fn() }; }),',
      '}));',
    );
    assert.deepEqual(queryHints('lambdas/common/tests/database/find-sessions.test.ts', code), []);
  });

  it('Jest: an automock of @aws-sdk/lib-dynamodb silences the document client commands', () => {
    const code = sourceLines(
      "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
      "import { listOrders } from '../src/orders';",
      '',
      "jest.mock('@aws-sdk/lib-dynamodb');",
      '',
      "test('lists the orders of a customer', async () => {",
      '  const send = jest.fn().mockResolvedValue({ Items: [] });',
      '  (DynamoDBDocumentClient.from as jest.Mock).mockReturnValue({ send });',
      "  await listOrders('c-1');",
      "  expect(send).toHaveBeenCalledWith(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'customerId = :c', ExpressionAttributeValues: { ':c': 'c-1' } }));",
      '});',
    );
    assert.deepEqual(queryHints('test/orders.test.ts', code), []);
  });

  it('a test that mocks only another module keeps the hints of the commands it builds, and the finding outside its tests', () => {
    const code = sessionLookupTest("vi.mock('@govuk-one-login/cri-logger');");
    // Inside `it(...)` a Query reads back what the test set up: no pagination finding there (testCodeQueries.test.ts).
    assert.deepEqual(queryHints('lambdas/common/tests/database/find-sessions.test.ts', code), ['7:QueryCommand dynamodb-query', '18:QueryCommand dynamodb-query', '7:QueryCommand dynamodb-query!']);
  });

  it('the code under test keeps its finding when it returns every item of the first page', () => {
    const code = sourceLines(
      "import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';",
      '',
      'export async function findSessions(client: DynamoDBClient, tableName: string, sessionId: string) {',
      '  const result = await client.send(',
      '    new QueryCommand({',
      '      TableName: tableName,',
      "      KeyConditionExpression: 'sessionId = :value',",
      "      ExpressionAttributeValues: { ':value': { S: sessionId } },",
      '    }),',
      '  );',
      '  return result.Items ?? [];',
      '}',
    );
    assert.deepEqual(queryHints('lambdas/common/src/database/find-sessions.ts', code), ['5:QueryCommand dynamodb-query', '5:QueryCommand dynamodb-query!']);
  });
});

describe('C#: FakeItEasy and NSubstitute call specifications', () => {
  it('gives nothing to a fake method configured or asserted inside A.CallTo, and keeps the client’s other calls', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2;', // 1
      'using Amazon.DynamoDBv2.Model;',
      'using FakeItEasy;',
      'public class StockServiceTests',
      '{',
      '    private readonly IAmazonDynamoDB _dynamo = A.Fake<IAmazonDynamoDB>();',
      '    public async Task Reads()',
      '    {',
      '        A.CallTo(() => _dynamo.QueryAsync(A<QueryRequest>._, A<CancellationToken>._)).Returns(new QueryResponse());', // 9
      '        A.CallTo(() => _dynamo.GetItemAsync(A<GetItemRequest>._, default)).MustHaveHappened();', // 10
      '        await _dynamo.DeleteItemAsync(new DeleteItemRequest { TableName = "stock", Key = Keys() });', // 11
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('StockServiceTests.cs', code).filter((hint) => !hint.startsWith('11:')), []);
    assert.ok(hintsIn('StockServiceTests.cs', code).includes('11:DeleteItemAsync dynamodb-delete-item'));
  });

  it('gives nothing to an NSubstitute substitute’s call that only sets its result, and keeps the client’s other calls', () => {
    const code = sourceLines(
      'using Amazon.DynamoDBv2.DataModel;', // 1
      'using NSubstitute;',
      'using NSubstitute.ExceptionExtensions;',
      'public class MenuStorageTests',
      '{',
      '    private readonly IDynamoDBContext _context;',
      '    public MenuStorageTests() { _context = Substitute.For<IDynamoDBContext>(); }',
      '    public async Task Loads(Guid id)',
      '    {',
      '        _context.LoadAsync<Menu>(Arg.Any<string>(), Arg.Any<DynamoDBOperationConfig>())', // 10
      '            .Returns(Task.FromResult(new Menu(id)));',
      '        this._context.DeleteAsync<Menu>(Arg.Any<string>()).ThrowsAsync(new Exception("down"));', // 12
      '        await _context.Received(1).SaveAsync(Arg.Any<Menu>());', // 13
      '        await _context.SaveAsync(new Menu(id));', // 14
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('MenuStorageTests.cs', code), ['14:SaveAsync dynamodb-update-item']);
  });
});
