/**
 * A parameter typed with boto3's generic `ServiceResource` (`boto3.resources.base`) may be any service's resource;
 * only DynamoDB's has `Table(...)`, so that call alone makes a table, and the S3 or SQS objects such a resource
 * gives stay unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Python resources typed with boto3 ServiceResource', () => {
  it("reads a Table of a constructor parameter typed ServiceResource, imported or written in quotes through the module", () => {
    const code = sourceLines(
      'from boto3.resources import base',
      'from boto3.resources.base import ServiceResource',
      '',
      '',
      'class Orders:',
      '    def __init__(self, resource: ServiceResource, name: str) -> None:',
      '        self._table = resource.Table(name)',
      '',
      '    def save(self, order):',
      '        self._table.put_item(Item=order)',
      '',
      '',
      'class Audit:',
      '    def __init__(self, resource: "base.ServiceResource", name: str) -> None:',
      '        self.table = resource.Table(name)',
      '',
      '    def record(self, entry):',
      '        self.table.put_item(Item=entry)',
    );
    assert.deepEqual(hintsIn('repos.py', code), ['10:put_item dynamodb-put-item', '18:put_item dynamodb-put-item']);
  });

  it('gives nothing for the S3 bucket or SQS queue of a resource so typed, nor for a ServiceResource of another library', () => {
    const code = sourceLines(
      'from boto3.resources.base import ServiceResource',
      'from shapes.base import ServiceResource as Shape',
      '',
      '',
      'class Receipts:',
      '    def __init__(self, resource: ServiceResource, queues: ServiceResource, other: Shape) -> None:',
      '        self._bucket = resource.Bucket("receipts")',
      '        self._queue = queues.get_queue_by_name(QueueName="notices")',
      '        self._other = other.Table("x")',
      '',
      '    def store(self, key, body):',
      '        self._bucket.put_object(Key=key, Body=body)',
      '        self._queue.delete_messages(Entries=[])',
      '        self._other.put_item(Item={})',
    );
    assert.deepEqual(hintsIn('receipts.py', code), []);
  });
});
