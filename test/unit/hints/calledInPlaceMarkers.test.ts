/**
 * JavaScript and TypeScript: a function expression called where it is written (`(() => { ... })()`) runs as part of
 * the function around it, so a page key it reads of that function's reply pages the read (a cursor built in place),
 * and a request it sends inside a loop runs once per element.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const CURSOR = sourceLines(
  "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
  '',
  'export async function followers(doc: DynamoDBDocumentClient, input: QueryCommandInput) {',
  '  const page = await doc.send(new QueryCommand(input));', // 4
  '  return {',
  '    items: page.Items ?? [],',
  '    nextCursor: ((): string | undefined => {',
  '      const lastKey = page.LastEvaluatedKey;',
  '      return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString("base64") : undefined;',
  '    })(),',
  '  };',
  '}',
);

const findings = (code: string): string[] => hintsIn('src/followers.ts', code).filter((hint) => hint.endsWith('!'));

describe('JavaScript: function expressions called where they are written', () => {
  it('reads a page key an in-place function reads of the reply as the read\'s pagination', () => {
    assert.deepEqual(findings(CURSOR), []);
  });

  it('keeps the finding where the page key is read by a function that is only defined, not called in place', () => {
    const deferred = CURSOR.replace('    })(),', '    }),');
    assert.deepEqual(findings(deferred), ['4:QueryCommand dynamodb-query!']);
  });
});
