/**
 * A `for await` over an SDK paginator that leaves the loop in its first iteration reads one page, as a
 * single Scan or Query does; a loop that leaves only under a condition, or may `continue` past its exit,
 * still pages.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const IMPORTS = "import { DynamoDBClient, paginateScan, paginateQuery } from '@aws-sdk/client-dynamodb';";

function findingsOf(body: string[]): string[] {
  const code = sourceLines(IMPORTS, 'const client = new DynamoDBClient({});', 'export async function read(items: unknown[]) {', ...body, '}');
  return hintsIn('read.ts', code).filter((hint) => hint.endsWith('!'));
}

describe('paginators left after their first page', () => {
  it('reports a paginator whose loop body returns, breaks or throws as one of its own statements', () => {
    assert.deepEqual(
      findingsOf([
        "  for await (const page of paginateScan({ client }, { TableName: 'orders' })) {",
        '    items.push(...(page.Items ?? []));',
        '    return items;',
        '  }',
      ]),
      ['4:paginateScan dynamodb-scan!'],
    );
    assert.deepEqual(findingsOf(["  for await (const page of paginateScan({ client }, { TableName: 'orders' })) return page.Items;"]), ['4:paginateScan dynamodb-scan!']);
    assert.deepEqual(
      findingsOf([
        "  for await (const page of paginateQuery({ client }, { TableName: 'orders', KeyConditionExpression: 'pk = :p' })) {",
        '    if (page.Count === 0) {',
        '      items.length = 0;',
        '    }',
        '    break;',
        '  }',
      ]),
      ['4:paginateQuery dynamodb-query!'],
    );
  });

  it('keeps a paginator whose loop leaves only under a condition, may continue, or reads every page', () => {
    const conditional = [
      "  for await (const page of paginateScan({ client }, { TableName: 'orders' })) {",
      '    items.push(...(page.Items ?? []));',
      '    if (items.length >= 100) return items;',
      '  }',
    ];
    const continued = [
      "  for await (const page of paginateScan({ client }, { TableName: 'orders' })) {",
      '    if (!page.Items?.length) {',
      '      continue;',
      '    }',
      '    return page.Items;',
      '  }',
    ];
    const everyPage = [
      "  for await (const page of paginateScan({ client }, { TableName: 'orders' })) {",
      '    items.push(...(page.Items ?? []));',
      '    const done = () => {',
      '      return items;',
      '    };',
      '  }',
      '  return items;',
    ];
    assert.deepEqual(findingsOf(conditional), []);
    assert.deepEqual(findingsOf(continued), []);
    assert.deepEqual(findingsOf(everyPage), []);
  });
});
