/**
 * The template readers stay linear on hostile shapes. Two kinds of test, both with wide margins so
 * that a busy shared machine does not make them flaky:
 * - shapes that are mostly whitespace allocate little, so their process CPU time for 4n against n is
 *   near 4 when linear and near 16 when quadratic (the old detection pattern: 0.5 s for 20,000 blank
 *   lines, 6.5 s for 80,000); the bound is 10;
 * - shapes that build many nodes also pay for garbage collection, which grows faster than the input
 *   on its own, so they get an absolute bound instead: 160,000 lines within 3 s, where linear code
 *   needs a few hundred milliseconds and a quadratic reader tens of seconds.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { DocumentKind } from '../../../src/hints/engine/documentKinds';
import { looksLikeCloudFormation } from '../../../src/hints/engine/iac/cloudformation';
import { LineIndex } from '../../../src/hints/engine/text';
import { readYaml } from '../../../src/hints/engine/iac/yaml';
import { realHintRules } from './support';

const HEADER = 'AWSTemplateFormatVersion: "2010-09-09"\n';

/** Shapes that made earlier readers backtrack or rescan, as a function of a size n. */
const SHAPES: { name: string; kind: DocumentKind; make: (n: number) => string; allocates?: boolean }[] = [
  { name: 'blank YAML lines', kind: 'yaml', make: (n) => '\n'.repeat(n) },
  { name: 'blank lines inside a template', kind: 'yaml', make: (n) => `${HEADER}Resources:\n${'\n'.repeat(n)}  T:\n    Type: AWS::DynamoDB::Table\n` },
  { name: 'whitespace-only JSON lines', kind: 'json', make: (n) => '   \t  \t   \n'.repeat(n) },
  { name: 'whitespace lines in a JSON template', kind: 'json', make: (n) => `{"AWSTemplateFormatVersion": "x",${'  \t \n'.repeat(n)}"Resources": {}}` },
  { name: 'lines of spaces and a colon', kind: 'yaml', make: (n) => `${HEADER}${`Type${' '.repeat(60)}\n`.repeat(n / 4)}`, allocates: true },
  { name: 'many Type: AWS:: fragments without a template', kind: 'yaml', make: (n) => 'x: Type :  AWS::\n'.repeat(n / 4) },
  { name: 'an unclosed flow map over many lines', kind: 'yaml', make: (n) => `${HEADER}Resources: {\n${'  a: [b, c,\n'.repeat(n / 8)}`, allocates: true },
  { name: 'a long flow list across lines', kind: 'yaml', make: (n) => `${HEADER}Resources:\n  T:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      Tags: [\n${'        { Key: k, Value: v },\n'.repeat(n / 8)}      ]\n`, allocates: true },
  { name: 'deepening indentation', kind: 'yaml', make: (n) => `${HEADER}${Array.from({ length: n / 8 }, (_, i) => `${' '.repeat(i % 200)}k${i}:\n`).join('')}`, allocates: true },
  { name: 'nested list items', kind: 'yaml', make: (n) => `${HEADER}Resources:\n${'  - - - - - - a: b\n'.repeat(n / 8)}`, allocates: true },
  { name: 'unterminated quotes', kind: 'yaml', make: (n) => `${HEADER}${'k: "abc\n'.repeat(n / 4)}`, allocates: true },
  { name: 'block scalars', kind: 'yaml', make: (n) => `${HEADER}${'d: |\n  text\n\n'.repeat(n / 4)}`, allocates: true },
  {
    name: 'Serverless variables and unclosed ${ in a service file',
    kind: 'yaml',
    make: (n) => `service: s\ncustom:\n  name: orders\n  chain: \${self:custom.name}-\${self:custom.name}\nprovider:\n  name: aws\nresources:\n  Resources:\n    T:\n      Type: AWS::RDS::DBInstance\n      Properties:\n${'        Tag: ${self:custom.chain}-${AWS::Region}-${self:custom.chain} ${ ${ ${\n'.repeat(n / 4)}`,
    allocates: true,
  },
  {
    name: 'a resource fragment of many logical ids with Serverless variables',
    kind: 'yaml',
    make: (n) => Array.from({ length: n / 4 }, (_, i) => `Queue${i}:\n  Type: AWS::SQS::Queue\n  Properties:\n    QueueName: \${opt:queue, 'postgres'}-\${AWS::Region} \${ \${\n`).join(''),
    allocates: true,
  },
  { name: 'blank Terraform lines', kind: 'terraform', make: (n) => `resource "aws_db_instance" "x" {\n${'\n'.repeat(n)}}\n` },
  { name: 'many ingress blocks', kind: 'terraform', make: (n) => `resource "aws_security_group" "x" {\n${'  ingress {\n    from_port = 5432\n    to_port = 5432\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n'.repeat(n / 16)}}\n`, allocates: true },
];

/** Milliseconds of CPU time, the best of `runs`. */
function bestOf(runs: number, action: () => void): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage();
    action();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('template readers scale linearly', () => {
  const rules = realHintRules();
  const limits = { maxSize: 64 * 1024 * 1024, maxLineLength: 100_000 };
  // Large enough that both sizes outgrow the processor caches, which would otherwise flatter n.
  const n = 40_000;
  const ratioN = 160_000;
  for (const shape of SHAPES) {
    const run = (text: string) => () => analyzeText(text, rules, { kind: shape.kind, limits, onError: (error) => assert.fail(String(error)) });
    if (shape.allocates) {
      it(`on ${shape.name}: 4n lines within 3 s`, function () {
        this.timeout(60_000);
        const milliseconds = bestOf(1, run(shape.make(4 * n)));
        assert.ok(milliseconds < 3000, `4n took ${milliseconds.toFixed(0)} ms`);
      });
    } else {
      it(`on ${shape.name}: 4n against n`, function () {
        this.timeout(60_000);
        const small = run(shape.make(ratioN));
        const large = run(shape.make(4 * ratioN));
        small();
        // A few milliseconds of the collector's or the compiler's threads can land on either size: measure
        // again before calling it superlinear (a quadratic reader is near 16 every time).
        let ratio = Infinity;
        for (let attempt = 0; attempt < 3 && ratio >= 10; attempt++) {
          ratio = bestOf(3, large) / Math.max(bestOf(3, small), 0.05);
        }
        assert.ok(ratio < 10, `4n took ${ratio.toFixed(1)} times as long as n`);
      });
    }
  }

  it('reads 80,000 blank YAML lines in a fraction of a second', () => {
    const text = `${HEADER}${'\n'.repeat(80_000)}Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n`;
    const start = performance.now();
    const document = readYaml(text, new LineIndex(text));
    assert.equal(document.root?.kind, 'map');
    assert.ok(looksLikeCloudFormation(text));
    // Generous: the reader needs a few milliseconds; the quadratic one needed seconds.
    assert.ok(performance.now() - start < 500);
  });
});
