/**
 * `dynamodb-batch-write-item` and `dynamodb-batch-get-item` under a Python retry decorator that reads the reply
 * (`code/pagination.ts`, `decoratedScope` in `code/languages/pythonDecorators.ts`): backoff's `on_predicate` and
 * tenacity's `retry_if_result`, whose predicate looks at `UnprocessedItems` or `UnprocessedKeys`, call the function
 * again until none are left, so its batch reads them. Still reported: a batch in a function the decorator does not
 * decorate, and one under a decorator whose predicate reads something else.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function batchFindings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / dynamodb-batch-(?:write|get)-item!$/.test(hint));
}

describe('Python retry decorators that read the unprocessed items', () => {
  it('treats a batch as read where backoff or tenacity retries its function on UnprocessedItems or UnprocessedKeys', () => {
    const code = sourceLines(
      'import logging',
      '',
      'import backoff',
      'import boto3',
      'from tenacity import retry, retry_if_result, stop_after_attempt, wait_exponential',
      '',
      'LOG = logging.getLogger(__name__)',
      '',
      '',
      'class Publisher:',
      '    def __init__(self, table_name, max_tries=5):',
      '        self.client = boto3.client("dynamodb")',
      '        self.table_name = table_name',
      '        self.max_tries = max_tries',
      '',
      '    def write(self, requests):',
      '        @backoff.on_predicate(',
      '            wait_gen=backoff.expo,',
      '            predicate=lambda response: response["UnprocessedItems"],',
      '            max_tries=self.max_tries,',
      '        )',
      '        def _write(batch):',
      '            return self.client.batch_write_item(RequestItems={self.table_name: batch})',
      '',
      '        if len(requests) > 25:',
      '            raise ValueError("too many items")',
      '        return _write(requests)',
      '',
      '',
      'client = boto3.client("dynamodb")',
      '',
      '',
      '@retry(',
      '    retry=retry_if_result(lambda reply: bool(reply.get("UnprocessedKeys"))),',
      '    wait=wait_exponential(max=10),',
      '    stop=stop_after_attempt(6),',
      ')',
      'def read_batch(keys):',
      '    return client.batch_get_item(RequestItems={"orders": {"Keys": keys}})',
    );
    assert.deepEqual(batchFindings('publisher/dynamodb.py', code), []);
  });

  it('still reports a batch the decorated function does not hold, and one under a decorator that retries on something else', () => {
    const code = sourceLines(
      'import backoff',
      'import boto3',
      'from botocore.exceptions import EndpointConnectionError',
      '',
      'client = boto3.client("dynamodb")',
      '',
      '',
      '@backoff.on_predicate(backoff.expo, predicate=lambda reply: reply["UnprocessedItems"], max_tries=4)',
      'def write_orders(batch):',
      '    return client.batch_write_item(RequestItems={"orders": batch})',
      '',
      '',
      'def write_audit(batch):',
      '    return client.batch_write_item(RequestItems={"audit": batch})',
      '',
      '',
      '@backoff.on_exception(backoff.expo, EndpointConnectionError, max_tries=4)',
      'def write_events(batch):',
      '    return client.batch_write_item(RequestItems={"events": batch})',
    );
    assert.deepEqual(batchFindings('jobs/writer.py', code), ['14:batch_write_item dynamodb-batch-write-item!', '19:batch_write_item dynamodb-batch-write-item!']);
  });
});
