/** Bad input: size and line limits, minified and binary text, and a fuzz run that must never throw or stall. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { DocumentKind, documentKind } from '../../../src/hints/engine/documentKinds';
import { assessText } from '../../../src/hints/engine/text';
import { ALL_KINDS, hostileCases, superlinearScaling } from '../../support/hostileShapes';
import { realHintRules } from './support';

const KINDS: readonly DocumentKind[] = ALL_KINDS;
const FIXTURES = path.resolve(__dirname, '../../fixtures/hints');

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

const ALPHABET = ' \n\t\r{}[]()<>"\'`$#/*\\:;,.=!?&|+-@%^~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_\u00e9\u2028\ud83d';
const FRAGMENTS = [
  // The runs that make a backtracking pattern or a rescanning loop quadratic.
  '\n'.repeat(1500),
  '\r\n'.repeat(700),
  `${' '.repeat(60)}\n`.repeat(40),
  ' \t'.repeat(1900),
  '{[('.repeat(300),
  '"'.repeat(400),
  'AWSTemplateFormatVersion: "2010-09-09"\n',
  '  - Key:\n      Value: [a, {b: c}\n',
  'new ScanCommand({', 'client.scan(', 'Type: AWS::RDS::DBInstance\n', 'resource "aws_db_instance" "x" {', '/*', '"""', '`${', '<<EOF\n', 'import boto3\n', 'redis.keys(', '"Resources": {', 'ConsistentRead: true', '\\', '*/', '}', ')', ']'];

function mutate(text: string, next: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(next() * 8);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (result.length + 1));
    const choice = next();
    if (choice < 0.4) {
      result = result.slice(0, at) + result.slice(at + Math.floor(next() * 20));
    } else if (choice < 0.8) {
      result = result.slice(0, at) + FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] + result.slice(at);
    } else {
      result = result.slice(0, at) + ALPHABET[Math.floor(next() * ALPHABET.length)] + result.slice(at);
    }
  }
  return result;
}

describe('hint engine robustness', () => {
  it('skips text over the size limit without reading it further', () => {
    const result = analyzeText('x'.repeat(100), realHintRules(), { kind: 'typescript', limits: { maxSize: 50, maxLineLength: 4000 } });
    assert.equal(result.skipped?.kind, 'too-large');
  });

  it('skips a file with an over-long line, minified bundles and binary files', () => {
    assert.equal(assessText(`const a = 1;\n${'a'.repeat(5000)}\n`)?.kind, 'long-line');
    assert.equal(assessText('x', undefined, 'vendor/app.min.js')?.kind, 'minified');
    assert.equal(assessText(`${'var a=1;'.repeat(400)}\n`.repeat(3))?.kind, 'minified');
    assert.equal(assessText('PK\u0003\u0004\u0000\u0000binary')?.kind, 'binary');
    assert.equal(assessText('const ok = true;\n'), undefined);
  });

  it('never throws and stays fast on thousands of random and mutated inputs', function () {
    this.timeout(120_000);
    const rules = realHintRules();
    const seeds = fs
      .readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .map((file) => ({ text: fs.readFileSync(file, 'utf8'), kind: documentKind(undefined, file)! }));
    const next = random(20260706);
    let slowest = 0;
    const failures: string[] = [];
    for (let i = 0; i < 4000; i++) {
      let text: string;
      let kind: DocumentKind;
      if (i % 4 === 0) {
        kind = KINDS[i % KINDS.length];
        text = Array.from({ length: Math.floor(next() * 2000) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
      } else {
        const seed = seeds[Math.floor(next() * seeds.length)];
        kind = seed.kind;
        text = mutate(seed.text, next);
      }
      const start = performance.now();
      const result = analyzeText(text, rules, { kind, onError: (error) => failures.push(`input ${i} (${kind}): ${(error as Error).stack}`) });
      slowest = Math.max(slowest, performance.now() - start);
      for (const item of [...result.sites, ...result.findings]) {
        assert.ok(item.start >= 0 && item.end <= text.length && item.start <= item.end, `span out of range for input ${i}`);
      }
    }
    assert.deepEqual(failures.slice(0, 3), []);
    // A generous bound: it catches hangs and quadratic blow-ups, not speed (that is bench/hints.ts).
    assert.ok(slowest < 2000, `slowest input took ${slowest.toFixed(1)} ms`);
  });

  describe('scales linearly on pathological shapes (time for 4n against n)', () => {
    const rules = realHintRules();
    for (const kind of KINDS) {
      it(`in ${kind}`, function () {
        this.timeout(120_000);
        const slow: string[] = [];
        for (const shape of hostileCases().filter((candidate) => candidate.kind === kind)) {
          const why = superlinearScaling(shape.label, shape.make, (text) => analyzeText(text, rules, { kind }), { startSize: 5_000, maxSize: 20_000, floorMs: 1, minimumMs: 10, samples: 3 });
          if (why) {
            slow.push(why);
          }
        }
        assert.deepEqual(slow, []);
      });
    }
  });

  it('reads a chain of thousands of getters, each returning the next, without overflowing the stack', () => {
    const rules = realHintRules();
    const depth = 3000;
    const chains: [DocumentKind, string][] = [
      ['python', ['import boto3', 'def g0():', '    return boto3.client("dynamodb")', ...Array.from({ length: depth }, (_, i) => `def g${i + 1}():\n    return g${i}()`), `g${depth}().scan(TableName="t")`, 'g5().scan(TableName="t")'].join('\n')],
      ['javascript', ["const { DynamoDB } = require('@aws-sdk/client-dynamodb');", 'function g0() { return new DynamoDB({}); }', ...Array.from({ length: depth }, (_, i) => `function g${i + 1}() { return g${i}(); }`), `g${depth}().scan({ TableName: 't' });`, "g5().scan({ TableName: 't' });"].join('\n')],
    ];
    for (const [kind, text] of chains) {
      const result = analyzeText(text, rules, { kind, onError: (error) => assert.fail(`${kind}: ${String(error)}`) });
      const lastLine = text.split('\n').length - 1;
      // The deep end of the chain reads as unknown; a short chain of the same file is still read.
      assert.ok(
        result.sites.some((site) => site.ruleIds.includes('dynamodb-scan') && result.lines.position(site.start).line === lastLine),
        `${kind}: g5().scan gets its hover`,
      );
    }
  });

  it('stays linear on pathological nesting and unbalanced brackets', () => {
    const rules = realHintRules();
    for (const text of ['('.repeat(100_000), ')'.repeat(50_000) + ']'.repeat(50_000), '{'.repeat(60_000) + '}'.repeat(60_000), '"'.repeat(200_000), '/*'.repeat(50_000)]) {
      for (const kind of KINDS) {
        const lines = text.replace(/(.{1000})/g, '$1\n');
        const start = performance.now();
        analyzeText(lines, rules, { kind, onError: (error) => assert.fail(String(error)) });
        assert.ok(performance.now() - start < 1000, `${kind} took too long`);
      }
    }
  });
});
