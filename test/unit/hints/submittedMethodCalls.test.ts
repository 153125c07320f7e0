/**
 * A DynamoDB method handed with its request to an executor's `submit` (`executor.submit(table.scan, **params)`,
 * the shape of a parallel scan on a thread pool) is that method's call: its hover, and its findings when
 * the pages it returns are not followed.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('a Python DynamoDB method handed with its request to submit', () => {
  it('is a parallel scan that follows its pages when a later submit passes LastEvaluatedKey on', () => {
    const code = sourceLines(
      'from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait',
      '',
      'import boto3',
      '',
      '',
      'def scan_all(table_name, segments):',
      '    client = boto3.client("dynamodb")',
      '    with ThreadPoolExecutor(max_workers=segments) as executor:',
      '        pending = {}',
      '        for segment in range(segments):',
      '            params = {"TableName": table_name, "Segment": segment, "TotalSegments": segments}',
      '            pending[executor.submit(client.scan, **params)] = params',
      '        while pending:',
      '            done, _ = wait(pending, return_when=FIRST_COMPLETED)',
      '            for future in done:',
      '                params = pending.pop(future)',
      '                page = future.result()',
      '                yield from page["Items"]',
      '                if "LastEvaluatedKey" in page:',
      '                    params["ExclusiveStartKey"] = page["LastEvaluatedKey"]',
      '                    pending[executor.submit(client.scan, **params)] = params',
    );
    const hints = hintsIn('scan.py', code).filter((hint) => /dynamodb-scan|unpaginated|pagination/.test(hint));
    assert.deepEqual(hints, ['12:scan dynamodb-scan', '21:scan dynamodb-scan']);
  });

  it('is a scan that reads one page per segment when nothing passes LastEvaluatedKey on', () => {
    const code = sourceLines(
      'from concurrent.futures import ThreadPoolExecutor',
      '',
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      'def export_orders(total):',
      '    with ThreadPoolExecutor() as pool:',
      '        futures = [pool.submit(table.scan, Segment=n, TotalSegments=total) for n in range(total)]',
      '        return [item for future in futures for item in future.result()["Items"]]',
    );
    const hints = hintsIn('export.py', code).filter((hint) => hint.startsWith('10:scan'));
    assert.ok(hints.includes('10:scan dynamodb-scan'), hints.join(', '));
    assert.ok(hints.some((hint) => hint.endsWith('!')), `a finding on the unpaginated scan: ${hints.join(', ')}`);
  });

  it('stays silent on a function, another service, and a method submitted without its request', () => {
    const code = sourceLines(
      'from concurrent.futures import ThreadPoolExecutor',
      '',
      'import boto3',
      '',
      's3 = boto3.client("s3")',
      'table = boto3.resource("dynamodb").Table("orders")',
      '',
      '',
      'def scan_segment(segment, total):',
      '    return segment',
      '',
      '',
      'def run(total):',
      '    with ThreadPoolExecutor() as pool:',
      '        pool.submit(scan_segment, 0, total)',
      '        pool.submit(s3.list_objects_v2, Bucket="exports")',
      '        pool.submit(table.scan)',
    );
    assert.deepEqual(hintsIn('run.py', code), []);
  });
});
