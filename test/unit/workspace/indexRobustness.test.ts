/**
 * Indexing is bounded like the analysis: it never throws on mutated or random input, its places stay
 * inside the text, and its time is linear on the shapes that make scanners quadratic.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentKind, DocumentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { FileContribution, SourceRef } from '../../../src/hints/engine/workspace/types';
import { HOSTILE_SHAPES, superlinearScaling } from '../../support/hostileShapes';
import { FIXTURES } from './support';

/** A header that makes each kind reach its reader, not only the cheap test that skips most files. */
const HEADERS: Partial<Record<DocumentKind, string>> = {
  yaml: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  T:\n    Type: AWS::DynamoDB::Table\n',
  json: '{ "AWSTemplateFormatVersion": "2010-09-09", "Resources": { "T": { "Type": "AWS::DynamoDB::Table" } },\n',
  terraform: 'resource "aws_dynamodb_table" "t" {\n',
  typescript: "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nconst t = new dynamodb.Table(this, 'T', {\n",
  python: 'from aws_cdk import aws_dynamodb as dynamodb\nt = dynamodb.Table(self, "T",\n',
  // A file that imports a client library and names a paging field: read line by line, then lexed.
  go: 'package p\n\nimport (\n\t"github.com/redis/go-redis/v9"\n\tdb "example.com/m/db"\n)\n\n// LastEvaluatedKey\nvar c *redis.Client\n',
  gomod: 'module example.com/m\n\n',
};
const KINDS = Object.keys(HEADERS) as DocumentKind[];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** Deletes, duplicates or swaps a few slices of a text. */
function mutate(text: string, next: () => number): string {
  let result = text;
  for (let edit = 0; edit < 3; edit++) {
    const start = Math.floor(next() * result.length);
    const end = Math.min(result.length, start + Math.floor(next() * 80));
    const choice = next();
    result = choice < 0.4 ? result.slice(0, start) + result.slice(end) : choice < 0.7 ? result.slice(0, end) + result.slice(start, end) + result.slice(end) : result.slice(0, start) + '{["\'`$(#\n'[Math.floor(next() * 9)] + result.slice(start);
  }
  return result;
}

function places(contribution: FileContribution | undefined): SourceRef[] {
  if (!contribution) {
    return [];
  }
  return [
    ...contribution.tables.flatMap((table) => [table.definedAt, ...table.indexes.map((index) => index.definedAt)]),
    ...contribution.databases.map((database) => database.definedAt),
    ...contribution.functions.map((fn) => fn.definedAt),
  ];
}

describe('workspace indexing robustness', () => {
  it('never throws and keeps every place inside the text, on mutated fixtures and random text', function () {
    this.timeout(60_000);
    const seeds = fs
      .readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && documentKind(undefined, entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .map((file) => ({ file, text: fs.readFileSync(file, 'utf8'), kind: documentKind(undefined, file)! }));
    const next = random(20261201);
    const failures: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const seed = seeds[Math.floor(next() * seeds.length)];
      const text = i % 5 === 0 ? (HEADERS[seed.kind] ?? '') + Array.from({ length: 600 }, () => '{}[]()"\'=:,.\n #-!$aZ_0'[Math.floor(next() * 24)]).join('') : mutate(seed.text, next);
      const contribution = indexFile('fixture/file', seed.kind, text, { onError: (error) => failures.push(`input ${i} (${seed.kind}): ${(error as Error).stack}`) });
      for (const place of places(contribution)) {
        assert.ok(place.span.start >= 0 && place.span.end <= text.length && place.span.start <= place.span.end, `place out of range for input ${i}`);
      }
    }
    assert.deepEqual(failures.slice(0, 3), []);
  });

  describe('scales linearly on pathological shapes (time for 4n against n)', () => {
    for (const kind of KINDS) {
      it(`in ${kind}`, function () {
        this.timeout(120_000);
        const slow: string[] = [];
        for (const shape of HOSTILE_SHAPES) {
          const make = (size: number): string => HEADERS[kind] + shape.make(size);
          const why = superlinearScaling(shape.name, make, (text) => indexFile('f', kind, text, { onError: (error) => assert.fail(String(error)) }), { startSize: 5_000, maxSize: 20_000, floorMs: 1, minimumMs: 10, samples: 3 });
          if (why) {
            slow.push(why);
          }
        }
        assert.deepEqual(slow, []);
      });
    }
  });

  it('reads locals built from locals once each, and gives up on a name longer than any table name', () => {
    // Six levels, each naming the one below 100 times: read naively, 100^6 pieces, even when they are
    // empty. The comment lines keep the average line short, as in a file that is not minified.
    const wide = (bottom: string): string => {
      const levels = Array.from({ length: 6 }, (_, i) => `  l${i + 1} = "${`\${local.l${i}}`.repeat(100)}"\n${'  # one of many levels\n'.repeat(10)}`).join('');
      const text = `locals {\n  l0 = "${bottom}"\n${levels}}\nresource "aws_dynamodb_table" "t" {\n  name     = "t\${local.l6}"\n  hash_key = "k\${local.l1}"\n}\n`;
      return indexFile('wide.tf', 'terraform', text, { onError: (error) => assert.fail(String(error)) })!.tables[0].physicalName ?? '(none)';
    };
    assert.equal(wide(''), 't');
    assert.equal(wide('a'), '(none)');
  });

  it('stays linear on many constructs and bindings of one name, and on deep nesting', () => {
    const constructs = (count: number): string =>
      `import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nimport * as lambda from 'aws-cdk-lib/aws-lambda';\n${"const t = new dynamodb.Table(this, 'T', {}); fn.addEnvironment('A', t.tableName);\n".repeat(count)}`;
    const nested = (count: number): string => `import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\n${'{\n'.repeat(count)}${"new dynamodb.Table(this, 'T', { partitionKey: {".repeat(20)}\n${'}\n'.repeat(count)}`;
    // Exported objects that never close (each would be read to the end), and many names bound to the environment.
    const unclosed = (count: number): string => `${'export const tables = {\n  orders: process.env.ORDERS_TABLE || "orders\n'.repeat(count)}`;
    const environment = (count: number): string => `import os\n${Array.from({ length: count }, (_, i) => `TABLE_${i} = os.environ["TABLE_${i}"]\n`).join('')}`;
    for (const [label, make, kind] of [
      ['constructs', constructs, 'typescript'],
      ['nesting', nested, 'typescript'],
      ['unclosed exported objects', unclosed, 'typescript'],
      ['names bound to the environment', environment, 'python'],
    ] as const) {
      assert.equal(superlinearScaling(label, (size) => make(Math.ceil(size / 60)), (text) => indexFile('f', kind, text, { onError: (error) => assert.fail(String(error)) }), { startSize: 20_000, maxSize: 200_000, floorMs: 1, minimumMs: 10, samples: 3 }), undefined);
    }
  });
});
