/**
 * The commas of a construction's type arguments (`new Map<string, Redis>()`) separate no declarators or
 * arguments: before, the type after the comma was read as a new local that shadowed the import of the same
 * name, so every later `new Redis(...)` of the file was read as nothing.
 */
import * as assert from 'node:assert/strict';
import { CodeAnalyzer } from '../../../src/hints/engine/code/analyzer';
import { segments } from '../../../src/hints/engine/code/braces';
import { CodeLanguage } from '../../../src/hints/engine/code/language';
import { javascript, typescript } from '../../../src/hints/engine/code/languages/javascript';
import { java } from '../../../src/hints/engine/code/languages/java';
import { LineIndex } from '../../../src/hints/engine/text';
import { hintsIn, sourceLines } from './support';

describe('type arguments with commas', () => {
  it('keeps an import that a generic construction names as a type argument', () => {
    const code = sourceLines(
      "import Redis from 'ioredis';",
      'const pending = new Map<string, Redis>();',
      'const redis = new Redis(process.env.REDIS_URL!);',
      'export async function sweep(): Promise<string[]> {',
      "  return redis.keys('job:*');",
      '}',
    );
    assert.deepEqual(hintsIn('sweep.ts', code), ['3:Redis redis-tls', '5:keys redis-keys', '5:keys redis-keys!']);
  });

  it('reads the declarators after a generic construction that names the client class', () => {
    const code = sourceLines(
      "import { DynamoDB } from '@aws-sdk/client-dynamodb';",
      'const byRegion = new Map<string, DynamoDB>(), ddb = new DynamoDB({});',
      'export const direct = () => ddb.scan({ TableName: "orders" });',
    );
    assert.deepEqual(hintsIn('list.ts', code), ['3:scan dynamodb-scan', '3:scan dynamodb-scan!']);
  });

  it('splits arguments after a generic construction at their own commas, and JavaScript comparisons as before', () => {
    const argumentsOf = (text: string, language: CodeLanguage): number => {
      const a = new CodeAnalyzer(text, language, new LineIndex(text));
      a.bind();
      const open = [...Array(a.tokens.length).keys()].find((k) => a.tokens.text(k) === '(')!;
      return segments(a, open).length;
    };
    assert.equal(argumentsOf('track(new Map<string, number>(), ddb);', typescript), 2);
    assert.equal(argumentsOf('track(new HashMap<String, Integer>(), ddb);', java), 2);
    assert.equal(argumentsOf('track(low < high, top > (bottom));', javascript), 2);
  });
});
