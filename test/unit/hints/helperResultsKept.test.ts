/**
 * A Lambda or web handler that calls another module's function which makes its client in its own body and returns
 * data, not the client (`BodyClient`): wherever the handler puts the result (a key of its response dict, a library
 * call's argument such as `json.dumps(...)`), the client is made on each call. Silent: a function of a module that
 * keeps its table at module level.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile as hints } from '../workspace/support';
import { sourceLines } from './support';

const PER_INVOCATION = 'lambda-client-per-invocation!';
const PER_REQUEST = 'client-per-request!';

function reported(files: Record<string, string>, file: string, rule: string): string[] {
  return hints(files, file).filter((hint) => hint.endsWith(rule));
}

const STORE = sourceLines(
  'import os',
  'import boto3',
  '',
  'def _table():',
  '    return boto3.resource("dynamodb").Table(os.environ["TABLE"])',
  '',
  'def load(pk):',
  '    return _table().get_item(Key={"pk": pk}).get("Item")',
  '',
  'def list_all():',
  '    return _table().scan()["Items"]',
);

const KEPT = sourceLines(
  'import boto3',
  '',
  'TABLE = boto3.resource("dynamodb").Table("counters")',
  '',
  'def count():',
  '    return TABLE.get_item(Key={"pk": "n"}).get("Item")',
);

describe('A per-call helper whose result the handler keeps somewhere (audit57b)', () => {
  it('reports the call whose result goes into a key of the response or through json.dumps', () => {
    const handler = sourceLines(
      'import json',
      'from store import list_all, load',
      'from kept import count',
      '',
      'def handler(event, context):',
      '    response = {"statusCode": 200}',
      '    response["body"] = json.dumps(list_all())',
      '    response["item"] = load(event["pk"])',
      '    response["count"] = count()',
      '    return response',
    );
    const files = { 'store.py': STORE, 'kept.py': KEPT, 'handler.py': handler };
    assert.deepEqual(reported(files, 'handler.py', PER_INVOCATION), [`7:list_all ${PER_INVOCATION}`, `8:load ${PER_INVOCATION}`]);
  });

  it('reports it in a Flask view too', () => {
    const view = sourceLines(
      'import json',
      'from flask import Flask',
      'from store import load',
      'app = Flask(__name__)',
      '',
      '@app.route("/items/<pk>")',
      'def item(pk):',
      '    payload = {}',
      '    payload["item"] = json.dumps(load(pk))',
      '    return payload',
    );
    const files = { 'store.py': STORE, 'view.py': view };
    assert.deepEqual(reported(files, 'view.py', PER_REQUEST), [`9:load ${PER_REQUEST}`]);
  });

  it('reports a JavaScript handler that stores the result of such a function on its response', () => {
    const store = sourceLines(
      "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
      'export async function loadOrder(id) {',
      '  const client = new DynamoDBClient({});',
      "  const out = await client.send(new GetItemCommand({ TableName: 'orders', Key: { pk: { S: id } } }));",
      '  return out.Item;',
      '}',
    );
    const handler = sourceLines(
      "import { loadOrder } from './store.mjs';",
      'export const handler = async (event) => {',
      '  const response = {};',
      '  response.item = await loadOrder(event.id);',
      '  return response;',
      '};',
    );
    const files = { 'store.mjs': store, 'handler.mjs': handler };
    assert.deepEqual(reported(files, 'handler.mjs', PER_INVOCATION), [`4:loadOrder ${PER_INVOCATION}`]);
  });
});
