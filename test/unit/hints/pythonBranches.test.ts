/**
 * Python requests built in the branches of an if/elif/else: each branch that reaches a call is a request of
 * its own (keys of exclusive branches never mix), and a pagination marker in one branch does not page a call
 * in another. Shaped as real handlers and repository classes build them.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Python: pagination markers in branches of an if/else', () => {
  it('pages the calls of the branch that loops, and not the one-page call of the other branch', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'dynamodb = boto3.client("dynamodb")',
      '',
      '',
      'def scan_table(name, everything):',
      '    if everything:',
      '        response = dynamodb.scan(TableName=name)',
      '        items = response["Items"]',
      '        while "LastEvaluatedKey" in response:',
      '            response = dynamodb.scan(TableName=name, ExclusiveStartKey=response["LastEvaluatedKey"])',
      '            items.extend(response["Items"])',
      '        return items',
      '    else:',
      '        response = dynamodb.scan(TableName=name)',
      '        return response["Items"]',
    );
    const findings = hintsIn('scan.py', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, ['15:scan dynamodb-scan!']);
  });

  it('still pages a call before the if whose branch holds the marker', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      'def orders(kwargs, everything):',
      '    response = table.query(**kwargs)',
      '    items = response["Items"]',
      '    if everything:',
      '        while response.get("LastEvaluatedKey"):',
      '            response = table.query(ExclusiveStartKey=response["LastEvaluatedKey"], **kwargs)',
      '            items += response["Items"]',
      '    return items',
    );
    assert.deepEqual(hintsIn('orders.py', code).filter((hint) => hint.endsWith('!')), []);
  });
});
