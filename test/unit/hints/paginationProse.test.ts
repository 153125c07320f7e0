/**
 * A string marks pagination when it is a key (`resp["LastEvaluatedKey"]`, `"ExclusiveStartKey" in kwargs`),
 * never when it is prose that names it: a docstring ("List users with pagination"), a log message, an error.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith('!'));

describe('pagination markers: keys, not prose', () => {
  it('reports a single-page scan whose docstring or log message speaks of pagination', () => {
    const python = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("users")',
      '',
      '',
      'def list_users():',
      '    """List users with pagination done by the caller (LastEvaluatedKey is ignored)."""',
      '    response = table.scan()',
      '    print(f"scanned, paginated later: {len(response[\'Items\'])}")',
      '    return response["Items"]',
    );
    assert.deepEqual(findings('users.py', python), ['8:scan dynamodb-scan!']);
    const javascript = sourceLines(
      "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
      'const client = new DynamoDBClient({});',
      'export async function all() {',
      "  const out = await client.send(new ScanCommand({ TableName: 'users' }));",
      "  console.log('no pagination yet');",
      '  return out.Items;',
      '}',
    );
    assert.deepEqual(findings('users.mjs', javascript), ['4:ScanCommand dynamodb-scan!']);
  });

  it('still reads a key in a string as the marker of a loop that pages', () => {
    const python = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("users")',
      '',
      '',
      'def list_users():',
      '    """All users, with pagination."""',
      '    kwargs = {}',
      '    while True:',
      '        page = table.scan(**kwargs)',
      '        yield from page["Items"]',
      '        if "LastEvaluatedKey" not in page:',
      '            return',
      '        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]',
    );
    assert.deepEqual(findings('users.py', python), []);
  });
});
