/**
 * The workspace readers on bad input: never a throw, spans inside the text, and linear time on the shapes
 * that would make them rescan (many requests sharing one constant, filter or builder; long condition chains).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { DocumentKind, documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules } from './support';
import { VIEW } from './workspaceSupport';

const FIXTURES = path.resolve(__dirname, '../../fixtures/hints');
const CODE_KINDS: readonly DocumentKind[] = ['typescript', 'javascript', 'python', 'java', 'go', 'csharp'];

/**
 * CPU milliseconds one call takes: the least of three averages over calls that fill 20 ms each. CPU time,
 * not wall time, so that other work on a shared machine does not count.
 */
function cpuPerCall(run: () => void): number {
  let best = Infinity;
  for (let sample = 0; sample < 3; sample++) {
    let calls = 0;
    const start = process.cpuUsage();
    let elapsed: number;
    do {
      run();
      calls++;
      const used = process.cpuUsage(start);
      elapsed = (used.user + used.system) / 1000;
    } while (elapsed < 20);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

/** Repeats `unit` until the text is about `size` characters. */
const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

const SHAPES: { label: string; kind: DocumentKind; make(size: number): string }[] = [
  {
    label: 'many requests on one constant',
    kind: 'typescript',
    make: (size) =>
      `import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';\nconst doc = DynamoDBDocumentClient.from(c);\nconst A = process.env.ORDERS_TABLE;\nconst T = A;\n` +
      fill(`await doc.send(new QueryCommand({ TableName: T, IndexName: 'by-status', ConsistentRead: true, KeyConditionExpression: '#s = :s AND created > :c', ExpressionAttributeNames: { '#s': 'status' } }));\n`, size),
  },
  {
    label: 'one long constant read by many requests',
    kind: 'javascript',
    make: (size) =>
      `const { DynamoDBDocumentClient, GetCommand } = require('@aws-sdk/lib-dynamodb');\nconst doc = DynamoDBDocumentClient.from(c);\nconst T = 'orders' +\n${fill("  'x' +\n", size / 4)}  'y';\n` +
      fill(`doc.send(new GetCommand({ TableName: T, Key: { customer: 1, sk: 2 } }));\n`, size / 2),
  },
  {
    label: 'long Key condition chains',
    kind: 'python',
    make: (size) =>
      `import boto3\nfrom boto3.dynamodb.conditions import Key\ntable = boto3.resource("dynamodb").Table("orders")\n` +
      fill(`table.query(KeyConditionExpression=(\n${fill('    Key("customer").eq(1) &\n', 400)}    Key("sk").eq(2)))\n`, size),
  },
  {
    label: 'many queries on one filter variable',
    kind: 'csharp',
    make: (size) =>
      `using Amazon.DynamoDBv2.DocumentModel;\npublic class S {\n  public void Run(IAmazonDynamoDB client) {\n    var table = Table.LoadTable(client, "orders");\n    var filter = new QueryFilter("sk", QueryOperator.BeginsWith, "A");\n` +
      fill(`    filter.AddCondition("customer", QueryOperator.Equal, 1);\n    table.Query(filter);\n`, size) +
      `  }\n}\n`,
  },
  {
    label: 'many queries on one expression builder',
    kind: 'go',
    make: (size) =>
      `package p\n\nimport (\n\t"github.com/aws/aws-sdk-go-v2/aws"\n\t"github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"\n\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"\n)\n\nfunc F(client *dynamodb.Client) {\n\tkc := expression.Key("customer").Equal(expression.Value(1)).\n${fill('\t\tAnd(expression.Key("sk").Equal(expression.Value(2))).\n', size / 4)}\t\tAnd(expression.Key("sk").Equal(expression.Value(3)))\n\texpr, _ := expression.NewBuilder().WithKeyCondition(kc).Build()\n` +
      fill(`\tclient.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("orders"), KeyConditionExpression: expr.KeyCondition()})\n`, size / 2) +
      `}\n`,
  },
  {
    label: 'many Scan wrappers of one name, each called in a paging loop',
    kind: 'go',
    make: (size) =>
      `package p\n\nimport (\n\t"context"\n\n\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"\n)\n\ntype S struct{ db *dynamodb.Client }\n\n` +
      fill(
        `func (s *S) page(ctx context.Context, in *dynamodb.ScanInput) (*dynamodb.ScanOutput, error) {\n\tout, err := s.db.Scan(ctx, in)\n\treturn out, err\n}\n\nfunc (s *S) all(ctx context.Context, in *dynamodb.ScanInput) {\n\tfor {\n\t\tout, _ := s.page(ctx, in)\n\t\tin.ExclusiveStartKey = out.LastEvaluatedKey\n\t}\n}\n\n`,
        size,
      ),
  },
  {
    label: 'many options functions handed to go-redis factories',
    kind: 'go',
    make: (size) =>
      `package p\n\nimport "github.com/redis/go-redis/v9"\n\n` + fill(`func options() *redis.Options {\n\treturn &redis.Options{Addr: "cache:6379", Password: secret}\n}\n\nvar c = redis.NewClient(options())\n\n`, size),
  },
  {
    label: 'many builders with maps',
    kind: 'java',
    make: (size) =>
      `import software.amazon.awssdk.services.dynamodb.model.*;\nimport java.util.Map;\nclass R {\n  static final String T = System.getenv("ORDERS_TABLE");\n  void run() {\n` +
      fill(`    ddb.getItem(GetItemRequest.builder().tableName(T).key(Map.of("customer", v, "sk", w, "x", y)).build());\n`, size) +
      `  }\n}\n`,
  },
];

describe('workspace readers on bad input', () => {
  it('read a Python file cut off after `async` at the start of a line', () => {
    const failures: unknown[] = [];
    const code = 'import boto3\n\nclient = boto3.client("dynamodb")\nclient.scan(TableName="orders")\nasync';
    const result = analyzeText(code, realHintRules(), { kind: 'python', fileName: 'src/app.py', workspace: VIEW, onError: (error) => failures.push(error) });
    assert.deepEqual(failures, []);
    assert.ok(result.sites.some((site) => code.slice(site.start, site.end) === 'scan'));
  });

  it('never throw and keep every span inside the text on mutated fixtures', function () {
    this.timeout(120_000);
    const rules = realHintRules();
    const seeds = fs
      .readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .map((file) => ({ text: fs.readFileSync(file, 'utf8'), kind: documentKind(undefined, file) }))
      .filter((seed): seed is { text: string; kind: DocumentKind } => seed.kind !== undefined && CODE_KINDS.includes(seed.kind));
    const pieces = ['process.env.ORDERS_TABLE', "'orders'", "IndexName: 'by-status', ", 'ConsistentRead: true, ', "KeyConditionExpression: 'customer = :c AND (sk', ", 'Key: {', '#s', ' & Key("sk")', '.And(', 'AddCondition("', '{{', ')', '}'];
    let state = 20261201;
    const next = (): number => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 0x100000000;
    };
    const failures: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const seed = seeds[Math.floor(next() * seeds.length)];
      let text = seed.text;
      for (let edit = 0; edit < 6; edit++) {
        const at = Math.floor(next() * (text.length + 1));
        text = next() < 0.5 ? text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + Math.floor(next() * 12));
      }
      const result = analyzeText(text, rules, { kind: seed.kind, fileName: 'src/app', workspace: VIEW, onError: (error) => failures.push(`input ${i}: ${(error as Error).stack}`) });
      for (const item of [...result.sites, ...result.findings]) {
        assert.ok(item.start >= 0 && item.end <= text.length && item.start <= item.end, `span out of range for input ${i}`);
      }
    }
    assert.deepEqual(failures.slice(0, 3), []);
  });

  for (const shape of SHAPES) {
    it(`scale linearly: ${shape.label} (${shape.kind})`, function () {
      this.timeout(120_000);
      const rules = realHintRules();
      const analyze = (text: string) => () => analyzeText(text, rules, { kind: shape.kind, fileName: 'src/app', workspace: VIEW });
      const small = analyze(shape.make(20_000));
      const large = analyze(shape.make(80_000));
      // Linear is 4; the slack absorbs GC and cache effects, a quadratic shape is 16 on every attempt. A
      // process-wide CPU clock also counts the collector's helper threads, which a loaded machine can leave
      // behind on one sample: a shape passes when one of three attempts is within the bound.
      const attempts: string[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const smallMs = cpuPerCall(small);
        const largeMs = cpuPerCall(large);
        if (largeMs <= 8 * smallMs + 10) {
          return;
        }
        attempts.push(`${smallMs.toFixed(1)} ms of CPU for 20,000 characters, ${largeMs.toFixed(1)} ms for 4 times as many`);
      }
      assert.fail(attempts.join('; '));
    });
  }
});
