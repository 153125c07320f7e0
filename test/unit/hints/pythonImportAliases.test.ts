/** boto3's factories imported under another name (`from boto3 import client as boto3_client`) make the same clients. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('boto3 factories imported under an alias', () => {
  it('reads client, resource and Session under their aliases, and another service as nothing', () => {
    const code = sourceLines(
      'from boto3 import client as boto3_client',
      'from boto3 import resource as make_resource',
      'from boto3.session import Session as AwsSession',
      '',
      'audit = boto3_client("dynamodb", region_name="eu-west-2")',
      'orders = make_resource("dynamodb").Table("orders")',
      'ddb = AwsSession().client("dynamodb")',
      'queue = boto3_client("sqs")',
      '',
      'def audit_items():',
      '    return audit.scan(TableName="audit").get("Items", [])',
      '',
      'def order_items():',
      '    return orders.scan()["Items"]',
      '',
      'def raw_items():',
      '    return ddb.scan(TableName="orders")["Items"]',
      '',
      'def messages():',
      '    return queue.receive_message(QueueUrl="q")',
    );
    const hints = hintsIn('audit.py', code).filter((hint) => hint.includes('dynamodb-scan'));
    assert.deepEqual(hints.filter((hint) => !hint.endsWith('!')), ['11:scan dynamodb-scan', '14:scan dynamodb-scan', '17:scan dynamodb-scan']);
    assert.ok(!hintsIn('audit.py', code).some((hint) => hint.startsWith('20:')));
  });
});
