/** Quick fixes produce the intended code, and suppression comments silence exactly one rule. */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { DocumentKind } from '../../../src/hints/engine/documentKinds';
import { suppressionFix } from '../../../src/hints/engine/fixes';
import { Finding, TextEdit } from '../../../src/hints/engine/types';
import { realHintRules } from './support';

function analyze(text: string, kind: DocumentKind) {
  return analyzeText(text, realHintRules(), { kind });
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

function finding(text: string, kind: DocumentKind, ruleId: string): Finding {
  const found = analyze(text, kind).findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(found, `no ${ruleId} finding`);
  return found;
}

describe('hint quick fixes', () => {
  it('rewrites a single-page SDK v3 Scan as a paginator loop and imports the paginator', () => {
    const text = [
      "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
      'const client = new DynamoDBClient({});',
      'export async function all() {',
      "  const result = await client.send(new ScanCommand({ TableName: 'orders' }));",
      '  return result.Items ?? [];',
      '}',
      '',
    ].join('\n');
    const fixed = apply(text, finding(text, 'typescript', 'dynamodb-scan').fix!.edits);
    assert.equal(
      fixed,
      [
        "import { DynamoDBClient, ScanCommand, paginateScan } from '@aws-sdk/client-dynamodb';",
        'const client = new DynamoDBClient({});',
        'export async function all() {',
        '  const resultPages = [];',
        "  for await (const page of paginateScan({ client: client }, { TableName: 'orders' })) {",
        '    resultPages.push(page);',
        '  }',
        '  const result = { Items: resultPages.flatMap((page) => page.Items ?? []) };',
        '  return result.Items ?? [];',
        '}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(analyze(fixed, 'typescript').findings, [], 'the fixed code has no finding');
  });

  it('rewrites a boto3 scan as a LastEvaluatedKey loop', () => {
    const text = ['import boto3', 'table = boto3.resource("dynamodb").Table("orders")', 'def shipped():', '    response = table.scan(Limit=None if False else 10) if False else table.scan(ConsistentRead=True)', ''].join('\n');
    assert.equal(finding(text, 'python', 'dynamodb-scan').fix, undefined, 'no rewrite for statements it does not understand');
    const simple = ['import boto3', 'table = boto3.resource("dynamodb").Table("orders")', 'def shipped():', '    response = table.scan(ConsistentRead=True)', '    return response["Items"]', ''].join('\n');
    const fixed = apply(simple, finding(simple, 'python', 'dynamodb-scan').fix!.edits);
    assert.equal(
      fixed,
      [
        'import boto3',
        'table = boto3.resource("dynamodb").Table("orders")',
        'def shipped():',
        '    response = {"Items": []}',
        '    scan_kwargs = dict(ConsistentRead=True)',
        '    while True:',
        '        page = table.scan(**scan_kwargs)',
        '        response["Items"].extend(page["Items"])',
        '        if "LastEvaluatedKey" not in page:',
        '            break',
        '        scan_kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]',
        '    return response["Items"]',
        '',
      ].join('\n'),
    );
    assert.deepEqual(analyze(fixed, 'python').findings, []);
  });

  it('removes ConsistentRead from a GSI query, line and all', () => {
    const text = [
      "import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';",
      'const client = new DynamoDBClient({});',
      'export const q = () => client.send(new QueryCommand({',
      "  TableName: 't',",
      "  IndexName: 'gsi',",
      '  ConsistentRead: true,',
      '  Limit: 10,',
      '}));',
    ].join('\n');
    const fixed = apply(text, finding(text, 'typescript', 'dynamodb-consistent-read').fix!.edits);
    assert.ok(!fixed.includes('ConsistentRead'));
    assert.ok(fixed.includes("  IndexName: 'gsi',\n  Limit: 10,"));
  });

  it('sets an IaC flag in place, and adds a missing one', () => {
    const terraform = 'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = true\n}\n';
    assert.equal(
      apply(terraform, finding(terraform, 'terraform', 'rds-publicly-accessible').fix!.edits),
      'resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  publicly_accessible = false\n}\n',
    );
    const encrypted = apply(terraform, finding(terraform, 'terraform', 'rds-storage-encrypted').fix!.edits);
    assert.equal(encrypted, 'resource "aws_db_instance" "db" {\n  storage_encrypted = true\n  engine              = "postgres"\n  publicly_accessible = true\n}\n');
    const yaml = 'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      Engine: redis\n      AuthToken: !Ref Token\n      TransitEncryptionEnabled: true\n';
    assert.equal(
      apply(yaml, finding(yaml, 'yaml', 'elasticache-at-rest-encryption').fix!.edits),
      'Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      AtRestEncryptionEnabled: true\n      Engine: redis\n      AuthToken: !Ref Token\n      TransitEncryptionEnabled: true\n',
    );
  });

  it('requires TLS on an RDS Proxy: turns a written false to true, and adds the argument where it is left out', () => {
    const terraform = 'resource "aws_db_proxy" "orders" {\n  name        = "orders"\n  require_tls = false\n}\n';
    assert.equal(apply(terraform, finding(terraform, 'terraform', 'rds-proxy-require-tls').fix!.edits), terraform.replace('= false', '= true'));
    const yaml = 'Resources:\n  Proxy:\n    Type: AWS::RDS::DBProxy\n    Properties:\n      DBProxyName: orders\n';
    assert.equal(
      apply(yaml, finding(yaml, 'yaml', 'rds-proxy-require-tls').fix!.edits),
      'Resources:\n  Proxy:\n    Type: AWS::RDS::DBProxy\n    Properties:\n      RequireTLS: true\n      DBProxyName: orders\n',
    );
  });

  it('replaces a Delete policy with a word in the quoting it had, and sets a module input in place', () => {
    const yaml = 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    DeletionPolicy: Delete\n    Properties:\n      StorageEncrypted: true\n';
    assert.equal(apply(yaml, finding(yaml, 'yaml', 'rds-removal-policy').fix!.edits), yaml.replace('DeletionPolicy: Delete', 'DeletionPolicy: Snapshot'));
    const json = '{\n  "Resources": {\n    "T": {\n      "Type": "AWS::DynamoDB::Table",\n      "DeletionPolicy": "Delete"\n    }\n  }\n}\n';
    assert.equal(apply(json, finding(json, 'json', 'dynamodb-removal-policy').fix!.edits), json.replace('"Delete"', '"Retain"'));
    const module = 'module "db" {\n  source            = "terraform-aws-modules/rds/aws"\n  storage_encrypted = false\n}\n';
    assert.equal(apply(module, finding(module, 'terraform', 'rds-storage-encrypted').fix!.edits), module.replace('= false', '= true'));
  });

  it('replaces KEYS with SCAN (ioredis loop, redis-py iterator)', () => {
    const ts = "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function f() {\n  const keys = await redis.keys('user:*');\n  return keys;\n}\n";
    const fixedTs = apply(ts, finding(ts, 'typescript', 'redis-keys').fix!.edits);
    assert.ok(fixedTs.includes("const [next, batch] = await redis.scan(keysCursor, 'MATCH', 'user:*', 'COUNT', 100);"), fixedTs);
    assert.ok(fixedTs.includes('  const keys: string[] = [];'));
    assert.deepEqual(analyze(fixedTs, 'typescript').findings, []);
    const py = 'import redis\nr = redis.Redis()\nfor key in r.keys("user:*"):\n    r.unlink(key)\n';
    assert.equal(apply(py, finding(py, 'python', 'redis-keys').fix!.edits), 'import redis\nr = redis.Redis()\nfor key in list(r.scan_iter(match="user:*", count=500)):\n    r.unlink(key)\n');
  });

  it('honours aws-db-hints-disable-next-line for the named rule only', () => {
    const text = 'resource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  # aws-db-hints-disable-next-line rds-publicly-accessible\n  publicly_accessible = true\n  multi_az            = false\n}\n';
    assert.deepEqual(
      analyze(text, 'terraform').findings.map((f) => f.ruleId),
      ['rds-deletion-protection', 'rds-multi-az'],
    );
  });

  it('inserts a suppression comment that silences the finding', () => {
    const text = "import Redis from 'ioredis';\nconst redis = new Redis();\nexport const all = () => redis.flushall();\n";
    const result = analyze(text, 'typescript');
    const flush = result.findings.find((f) => f.ruleId === 'redis-flush')!;
    const fixed = apply(text, suppressionFix(result.lines, flush.start, 'redis-flush', result.commentPrefix!).edits);
    assert.ok(fixed.includes('// aws-db-hints-disable-next-line redis-flush\nexport const all'));
    assert.deepEqual(analyze(fixed, 'typescript').findings, []);
  });
});
