/**
 * A client a Lambda handler builds from the environment parsed by a conversion (`int(os.environ["REDIS_PORT"])`,
 * `Number(process.env.REDIS_PORT)`; `code/envConversions.ts`) is made from what every invocation shares, as one
 * built from the read itself is: reported. Still silent: a conversion of the event's data, and a conversion that
 * takes a name of the handler besides the read.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function perInvocation(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith('lambda-client-per-invocation!'));
}

describe('environment reads parsed by a conversion', () => {
  it('reports Python and JavaScript handlers that build a client from a parsed environment variable', () => {
    const python = sourceLines(
      'import os',
      '',
      'import redis',
      '',
      '',
      'def handler(event, context):',
      '    port = int(os.environ["REDIS_PORT"])',
      '    cache = redis.Redis(host=os.environ["REDIS_HOST"], port=port, ssl=True)',
      '    return cache.get(event["key"])',
    );
    assert.deepEqual(perInvocation('functions/lookup.py', python), ['8:Redis lambda-client-per-invocation!']);

    const javascript = sourceLines(
      "import Redis from 'ioredis';",
      '',
      'export const handler = async (event) => {',
      '  const port = Number(process.env.REDIS_PORT);',
      '  const cache = new Redis({ host: process.env.REDIS_HOST, port, tls: {} });',
      '  return cache.get(event.key);',
      '};',
    );
    assert.deepEqual(perInvocation('src/lookup.mjs', javascript), ['5:Redis lambda-client-per-invocation!']);
  });

  it('says nothing where the conversion parses the event or mixes in another name of the handler', () => {
    const python = sourceLines(
      'import os',
      '',
      'import redis',
      '',
      '',
      'def handler(event, context):',
      '    db = int(event["db"])',
      '    shard = int(os.environ.get("REDIS_DB_" + event["tenant"], "0"))',
      '    first = redis.Redis(host=os.environ["REDIS_HOST"], db=db)',
      '    second = redis.Redis(host=os.environ["REDIS_HOST"], db=shard)',
      '    return first.get("a"), second.get("b")',
    );
    assert.deepEqual(perInvocation('functions/tenants.py', python), []);
  });
});
