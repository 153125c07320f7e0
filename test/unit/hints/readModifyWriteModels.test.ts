/**
 * `dynamodb-read-modify-write` through a Python model object: the item a GetItem read wrapped in a class of the
 * repository's own (`Account(reply["Item"])`, `Order.from_item(item)`, `User(**item)`), an attribute of the object
 * changed, and the object put back through a serializer (`to_dynamo()`, `to_item()`, `model_dump()`).
 * Silent: an object put back unchanged, a condition on the put, a call that is no model's (`json.dumps`), a
 * serializer of another object, a model built from something else.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write!';

function reported(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith(RULE));
}

const HEADER = [
  'import json',
  'import boto3',
  '',
  'client = boto3.client("dynamodb")',
  'seats = boto3.resource("dynamodb").Table("seats")',
  '',
];

describe('DynamoDB: read-modify-write through a Python model object', () => {
  it('reports a pool item wrapped in a class, changed, and put back through its serializer', () => {
    const code = sourceLines(
      ...HEADER,
      'def take_seat(table_name):',
      '    reply = client.get_item(TableName=table_name, Key={"pk": {"S": "pool#free"}})',
      '    pool = SeatPool(reply["Item"])',
      '    seat = pool.seats.pop()',
      '    client.put_item(TableName=table_name, Item=pool.to_dynamo())',
      '    return seat',
      '',
      'def rename(seat_id, label):',
      '    item = seats.get_item(Key={"pk": seat_id})["Item"]',
      '    seat = Seat.from_item(item)',
      '    seat.label = label',
      '    seats.put_item(Item=seat.to_item())',
      '',
      'def hold(seat_id, holder):',
      '    item = seats.get_item(Key={"pk": seat_id}).get("Item")',
      '    seat = SeatModel(**item)',
      '    seat.holder = holder',
      '    seats.put_item(Item=seat.model_dump(by_alias=True))',
    );
    assert.deepEqual(reported('seats.py', code), [`11:put_item ${RULE}`, `18:put_item ${RULE}`, `24:put_item ${RULE}`]);
  });

  it('stays silent on an unchanged object, a condition, a call that is no model, another object and another source', () => {
    const code = sourceLines(
      ...HEADER,
      'def republish(seat_id):',
      '    item = seats.get_item(Key={"pk": seat_id})["Item"]',
      '    seat = Seat.from_item(item)',
      '    seats.put_item(Item=seat.to_item())',
      '',
      'def rename_checked(seat_id, label, version):',
      '    item = seats.get_item(Key={"pk": seat_id})["Item"]',
      '    seat = Seat.from_item(item)',
      '    seat.label = label',
      '    seats.put_item(Item=seat.to_item(), ConditionExpression="version = :v", ExpressionAttributeValues={":v": version})',
      '',
      'def log_copy(seat_id, label):',
      '    item = seats.get_item(Key={"pk": seat_id})["Item"]',
      '    text = json.dumps(item)',
      '    text.label = label',
      '    seats.put_item(Item=text.to_item())',
      '',
      'def replace(seat_id, label, other):',
      '    item = seats.get_item(Key={"pk": seat_id})["Item"]',
      '    seat = Seat.from_item(item)',
      '    seat.label = label',
      '    seats.put_item(Item=other.to_item())',
      '',
      'def fresh(seat_id, label, body):',
      '    item = seats.get_item(Key={"pk": seat_id})["Item"]',
      '    seat = Seat.from_item(body)',
      '    seat.label = label',
      '    seats.put_item(Item=seat.to_item())',
    );
    assert.deepEqual(reported('seats.py', code), []);
  });
});
