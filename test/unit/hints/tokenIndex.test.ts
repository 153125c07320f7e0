/** Identifier tokens by name: the same tokens whether found by searching the text or through the index built after a few searches. */
import * as assert from 'node:assert/strict';
import { CodeAnalyzer } from '../../../src/hints/engine/code/analyzer';
import { typescript } from '../../../src/hints/engine/code/languages/javascript';
import { python } from '../../../src/hints/engine/code/languages/python';
import { CodeLanguage } from '../../../src/hints/engine/code/language';
import { tokensNamed } from '../../../src/hints/engine/code/tokenIndex';
import { LineIndex } from '../../../src/hints/engine/text';

const analyzer = (code: string, language: CodeLanguage = typescript): CodeAnalyzer => new CodeAnalyzer(code, language, new LineIndex(code));

/** The identifier tokens spelled `name`, read one token at a time. */
function naive(a: CodeAnalyzer, name: string): number[] {
  const found: number[] = [];
  for (let k = 0; k < a.tokens.length; k++) {
    if (a.isId(k) && a.tokens.text(k) === name) {
      found.push(k);
    }
  }
  return found;
}

const CODE = `
// connect() in a comment, and 'connect' in a string, are no uses
import { createClient } from 'redis';
const connection = createClient({ url: process.env.REDIS_URL });
export async function handler(event) {
  const client = createClient();
  await client.connect();
  const reconnect = () => client.connect();
  const message = "connect";
  await client.set(event.key, message);
  return client.get(event.key).then((connect) => connect);
}
`;

const NAMES = ['connect', 'client', 'createClient', 'event', 'connection', 'nect', 'reconnect', 'key', 'get', 'set', 'x', 'message', 'handler'];

describe('tokensNamed', () => {
  it('finds each name as an identifier only, not inside a longer name, a string or a comment', () => {
    const a = analyzer(CODE);
    const uses = tokensNamed(a, 'connect');
    assert.deepEqual(uses, naive(a, 'connect'));
    assert.equal(uses.length, 4);
    assert.deepEqual(tokensNamed(a, 'nect'), []);
  });

  it('gives the same tokens for every name, before and after the index is built', () => {
    const a = analyzer(CODE);
    for (const name of [...NAMES, ...NAMES]) {
      assert.deepEqual(tokensNamed(a, name), naive(a, name), name);
    }
  });

  it('reads the index alone when many names are asked of a large file', () => {
    const code = Array.from({ length: 400 }, (_, i) => `const name${i % 37} = table${i % 11}.query(k${i});`).join('\n');
    const a = analyzer(code);
    for (const name of ['name3', 'table7', 'query', 'k399', 'k0', 'name36', 'missing']) {
      assert.deepEqual(tokensNamed(a, name), naive(a, name), name);
    }
    assert.equal(tokensNamed(a, 'query').length, 400);
  });

  it('reads Python names, and none from a string prefix or an f-string', () => {
    const code = 'import redis\nr = redis.Redis()\nr.connect()\nprint(f"{r}")\nconnect = 1\n';
    const a = analyzer(code, python);
    assert.deepEqual(tokensNamed(a, 'connect'), naive(a, 'connect'));
    assert.equal(tokensNamed(a, 'connect').length, 2);
    assert.deepEqual(tokensNamed(a, 'f'), []);
  });
});
