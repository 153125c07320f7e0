/**
 * The code analyzers stay linear on shapes aimed at what follows names across a file: base classes,
 * type parameters, assignments to a request variable, spreads, embedded structs, helpers that build
 * requests, copies of requests and callbacks. These shapes build many contexts and pay for garbage
 * collection, so each gets an absolute bound with a wide margin, as the template readers do: 4n
 * characters (160,000) within 3 s of CPU time, where linear code needs a few hundred milliseconds and
 * a quadratic pass tens of seconds.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { DocumentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules } from './support';

/** Repeats `unit` to about `size` characters. */
const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
/** `count` lines made by `line(k)`. */
const numbered = (count: number, line: (k: number) => string): string => Array.from({ length: count }, (_, k) => line(k)).join('');

const SHAPES: { name: string; kind: DocumentKind; make: (n: number) => string }[] = [
  {
    name: 'module-level scans of one request, then misspelt page keys read of other names and set on them',
    kind: 'python',
    make: (n) => `import boto3\nt = boto3.resource("dynamodb").Table("t")\nq = {}\nr = t.scan(**q)\n${fill('r = t.scan(**q)\n', n / 2)}${fill('p["ExclusiveStartkey"] = s["LastEvaluateKey"]\n', n / 2)}`,
  },
  {
    name: 'one function of many reads of a lock key, each before a SET of it',
    kind: 'javascript',
    make: (n) => `const Redis = require('ioredis');\nconst redis = new Redis();\nasync function acquireLock(k) {\n${fill("  const held = await redis.get(k);\n  if (held) return false;\n  await redis.set(k, 1);\n", n)}}\n`,
  },
  { name: 'class heads with unclosed type parameters', kind: 'typescript', make: (n) => fill('class A<T extends { a: (\n', n) },
  {
    name: 'a chain of subclasses reading an inherited field',
    kind: 'typescript',
    make: (n) => `import { DocumentClient } from 'aws-sdk/clients/dynamodb';\nclass C0 { db: DocumentClient; }\n${numbered(n / 60, (k) => `class C${k + 1} extends C${k} { f() { this.db.scan({}); } }\n`)}`,
  },
  {
    name: 'assignments to one request variable, then calls with it',
    kind: 'typescript',
    make: (n) => `import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nconst c = DynamoDBDocumentClient.from(x);\nconst p = { TableName: 't' };\n${fill('p.Limit = 1;\n', n / 2)}${fill('c.query(p);\n', n / 2)}`,
  },
  {
    name: 'a chain of spreads into Redis clients',
    kind: 'typescript',
    make: (n) => `import Redis from 'ioredis';\nconst o0 = { password: 'x' };\n${numbered(n / 70, (k) => `const o${k + 1} = { ...o${k}, a: 1 }; new Redis({ ...o${k + 1} });\n`)}`,
  },
  { name: 'calls with a project module client and callbacks', kind: 'javascript', make: (n) => `const { ddb } = require('./db');\nconst cb = (e, x) => x.LastEvaluatedKey;\n${fill("ddb.scan({ TableName: 't' }, cb, (a) => a);\n", n)}` },
  {
    name: 'structs embedding a struct of many client fields',
    kind: 'go',
    make: (n) => `package p\nimport "github.com/aws/aws-sdk-go-v2/service/dynamodb"\ntype B struct {\n${numbered(n / 50, (k) => `\tf${k} *dynamodb.Client\n`)}}\n${numbered(n / 50, (k) => `type S${k} struct {\n\tB\n}\n`)}`,
  },
  {
    name: 'a helper with many returns, called for every request',
    kind: 'go',
    make: (n) => `package p\nimport "github.com/aws/aws-sdk-go-v2/service/dynamodb"\nvar c *dynamodb.Client\nfunc in() *dynamodb.ScanInput {\n${fill('\tif x { return nil }\n', n / 2)}}\n${fill('func f() { c.Scan(ctx, in()) }\n', n / 2)}`,
  },
  {
    name: 'a Python helper dict of many keys, spread into every call',
    kind: 'python',
    make: (n) => `import boto3\nt = boto3.resource("dynamodb").Table("t")\ndef h(x):\n    return {${fill('"Limit": x, ', n / 2)}}\n${fill('t.query(**h(1))\n', n / 2)}`,
  },
  {
    name: 'keys added to a dict a Python helper returns, then calls that spread it',
    kind: 'python',
    make: (n) => `import boto3\nt = boto3.resource("dynamodb").Table("t")\ndef h(x):\n    return {"Limit": x}\nq = h(1)\n${fill('q["FilterExpression"] = "a"\n', n / 2)}${fill('t.scan(**q)\n', n / 2)}`,
  },
  {
    name: 'module-level guards on an existence helper, each before a Put of the same key',
    kind: 'javascript',
    make: (n) =>
      `const { DynamoDBDocumentClient, GetCommand, PutCommand } = require('@aws-sdk/lib-dynamodb');\nconst doc = DynamoDBDocumentClient.from(x);\nasync function exists(id) { const { Item } = await doc.send(new GetCommand({ TableName: 't', Key: { id } })); return Item; }\n${fill("if (await exists(a)) throw e;\nawait doc.send(new PutCommand({ TableName: 't', Item: { id: a, v: b } }));\n", n)}`,
  },
  {
    name: 'one Python function of many Gets, each guarding a Put of its key',
    kind: 'python',
    make: (n) => `import boto3\nt = boto3.resource("dynamodb").Table("t")\ndef f(k, v):\n${fill('    r = t.get_item(Key={"id": k})\n    if "Item" in r:\n        return None\n    t.put_item(Item={"id": k, "v": v})\n', n)}`,
  },
  {
    name: 'a Python client emptied and used again, many times in one suite',
    kind: 'python',
    make: (n) => `import redis\ndef f():\n    c = redis.Redis()\n${fill("    c = None\n    c.get('k')\n", n)}`,
  },
  {
    name: 'a JavaScript client emptied in closed blocks, many times in one function',
    kind: 'javascript',
    make: (n) => `const Redis = require('ioredis');\nfunction f() {\n  let c = new Redis();\n${fill("  if (x) { c = null; }\n  c.get('k');\n", n)}}\n`,
  },
  {
    name: 'a Python helper with many returns, called for every request',
    kind: 'python',
    make: (n) => `import boto3\nt = boto3.resource("dynamodb").Table("t")\ndef h(x):\n${fill('    if x: return {"Limit": 1}\n', n / 2)}${fill('t.scan(**h(1))\n', n / 2)}`,
  },
  {
    name: 'v1 setter statements on one input, then calls with it',
    kind: 'go',
    make: (n) => `package p\nimport "github.com/aws/aws-sdk-go/service/dynamodb"\nvar c *dynamodb.DynamoDB\nfunc f() {\n\tin := new(dynamodb.QueryInput)\n${fill('\tin.SetLimit(1).SetIndexName("i")\n', n / 2)}${fill('\tc.Query(in)\n', n / 2)}}\n`,
  },
  {
    name: 'closures that build an input, each called in a loop',
    kind: 'go',
    make: (n) => `package p\nimport "github.com/aws/aws-sdk-go-v2/service/dynamodb"\nvar c *dynamodb.Client\nfunc f() {\n${numbered(n / 120, (k) => `\tq${k} := func() *dynamodb.QueryInput { return &dynamodb.QueryInput{Limit: l} }\n\tfor { in := q${k}(); c.Query(ctx, in) }\n`)}}\n`,
  },
  {
    name: 'copies of a request with toBuilder()',
    kind: 'java',
    make: (n) => `import software.amazon.awssdk.services.dynamodb.model.*;\nclass A { void f() { QueryRequest b = QueryRequest.builder().tableName("t").build();\n${fill('QueryRequest n = b.toBuilder().limit(1).build();\n', n)}} }\n`,
  },
  {
    name: 'operation configs and assignments to a request',
    kind: 'csharp',
    make: (n) => `using Amazon.DynamoDBv2.DocumentModel;\nusing Amazon.DynamoDBv2.Model;\nclass A { void F() { var r = new ScanRequest { TableName = "t" };\n${fill('r.Limit = 1; var q = new QueryOperationConfig { Limit = 2 };\n', n)}} }\n`,
  },
];

/** Milliseconds of CPU time for one run. */
function cpuTime(action: () => void): number {
  const start = process.cpuUsage();
  action();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('code analyzers scale linearly', () => {
  const rules = realHintRules();
  const limits = { maxSize: 64 * 1024 * 1024, maxLineLength: 100_000 };
  const n = 40_000;
  for (const shape of SHAPES) {
    it(`on ${shape.name}: 4n characters within 3 s`, function () {
      this.timeout(60_000);
      const text = shape.make(4 * n);
      const milliseconds = cpuTime(() => analyzeText(text, rules, { kind: shape.kind, limits, onError: (error) => assert.fail(String(error)) }));
      assert.ok(milliseconds < 3000, `4n took ${milliseconds.toFixed(0)} ms`);
    });
  }
});
