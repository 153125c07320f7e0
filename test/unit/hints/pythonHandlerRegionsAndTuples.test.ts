/**
 * Python Lambda handlers that make a client on every invocation in two shapes real handlers write: the Region read
 * from a default boto3 session inside the handler (`boto3.session.Session().region_name`, alike for every
 * invocation), and a same-file helper's result unpacked into a bracketed list of targets (`(tz, client, name) = helper(...)`).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const perInvocation = (code: string): string[] => hintsIn('handler.py', code).filter((hint) => hint.endsWith('lambda-client-per-invocation!'));

describe('Python handlers: a default session Region, and bracketed tuple targets', () => {
  it('reports a client built with the Region of a default session read in the handler', () => {
    const handler = (region: string): string =>
      sourceLines(
        'import boto3',
        '',
        'def lambda_handler(event, context):',
        `    region = ${region}`,
        "    table = boto3.resource('dynamodb', region_name=region).Table('museums')",
        "    return table.get_item(Key={'id': event['id']})",
      );
    assert.deepEqual(perInvocation(handler('boto3.session.Session().region_name')), ['5:resource lambda-client-per-invocation!']);
    assert.deepEqual(perInvocation(handler('boto3.Session().region_name')), ['5:resource lambda-client-per-invocation!']);
    // A Region the event or a named profile picks is this invocation's.
    assert.deepEqual(perInvocation(handler("event['region']")), []);
    assert.deepEqual(perInvocation(handler("boto3.Session(profile_name=event['profile']).region_name")), []);
  });

  it('reports a helper that makes a client, unpacked into a bracketed list, and not where a target is a module-level name', () => {
    const code = (targets: string): string =>
      sourceLines(
        'import boto3',
        '',
        'def open_store(name):',
        "    client = boto3.client('dynamodb')",
        "    return 'UTC', client, name",
        '',
        'def lambda_handler(event, context):',
        "    body = dict(event['body'])",
        `    ${targets} = open_store(body['name'])`,
        "    return client.get_item(TableName='t', Key={'pk': {'S': name}})",
      );
    assert.deepEqual(perInvocation(code('(tz, client, name)')), ['9:open_store lambda-client-per-invocation!']);
    assert.deepEqual(perInvocation(code('[tz, client, name]')), ['9:open_store lambda-client-per-invocation!']);
    assert.deepEqual(perInvocation(code('tz, client, name')), ['9:open_store lambda-client-per-invocation!']);
    // A statement of its own though the line before ends with a call's `)`.
    // Which target takes the client is not read: a module-level name among them may keep it.
    const kept = code('(tz, client, name)').replace('def lambda_handler(event, context):', 'name = None\n\ndef lambda_handler(event, context):\n    global name');
    assert.deepEqual(perInvocation(kept), []);
  });
});
