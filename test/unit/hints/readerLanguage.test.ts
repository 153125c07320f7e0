/**
 * Hovers and messages in the reader's language: the example for the file's language, format or Redis
 * client, and property names as the file writes them.
 */
import * as assert from 'node:assert/strict';
import { analyzeText, siteAt } from '../../../src/hints/engine/analyze';
import { DocumentKind } from '../../../src/hints/engine/documentKinds';
import { inReaderTerms } from '../../../src/hints/engine/readerTerms';
import { HintLanguage, HintRule, SiteOrigin } from '../../../src/hints/engine/types';
import { exampleKeyFor, pickExample } from '../../../src/hints/examples';
import { hoverMarkdown } from '../../../src/hints/hoverMarkdown';
import { HOVER_COMMANDS, HOVER_LABELS, realHintRules } from './support';

const rule = (id: string): HintRule => realHintRules().find((candidate) => candidate.id === id)!;

/** The hover markdown at the first occurrence of `needle` in `text`, as the editor would build it. */
function hoverIn(text: string, kind: DocumentKind, needle: string): string {
  const result = analyzeText(text, realHintRules(), { kind });
  const site = siteAt(result.sites, text.indexOf(needle) + 1);
  assert.ok(site && result.language, `no hover site at ${needle}`);
  const rules = site.ruleIds.map(rule);
  return hoverMarkdown(rules, { language: result.language, origin: site.origin, name: site.name }, HOVER_LABELS, HOVER_COMMANDS);
}

describe('hovers in the reader\'s language', () => {
  it('picks the example key from the language and what produced the site', () => {
    const cases: [HintLanguage, SiteOrigin, string | undefined][] = [
      ['typescript', 'sdk', 'javascript'],
      ['javascript', 'sdk', 'javascript'],
      ['python', 'sdk', 'python'],
      ['java', 'sdk', 'java'],
      ['go', 'sdk', 'go'],
      ['csharp', 'sdk', 'csharp'],
      ['cloudformation', 'cloudformation', 'cloudformation'],
      ['terraform', 'terraform', 'terraform'],
      ['typescript', 'cdk', 'cdk-typescript'],
      ['javascript', 'cdk', 'cdk-typescript'],
      ['python', 'cdk', 'cdk-python'],
      ['typescript', 'ioredis', 'ioredis'],
      ['javascript', 'node-redis', 'node-redis'],
      ['python', 'redis-py', 'redis-py'],
      ['python', 'redis-py-async', 'redis-py'],
      ['terraform', 'sdk', undefined],
    ];
    for (const [language, origin, key] of cases) {
      assert.equal(exampleKeyFor(language, origin), key, `${language} ${origin}`);
    }
  });

  it('shows no example rather than one in another language', () => {
    const scan = rule('dynamodb-scan');
    assert.equal(pickExample(scan, 'terraform', 'terraform'), undefined);
    assert.equal(pickExample({ ...scan, examples: { python: 'x' } }, 'java', 'sdk'), undefined);
  });

  it('shows the Scan example in the language of the file', () => {
    const python = hoverIn('import boto3\nclient = boto3.client("dynamodb")\nclient.scan(TableName="orders")\n', 'python', 'scan(');
    assert.match(python, /```python\npaginator = client.get_paginator\("scan"\)/);
    assert.doesNotMatch(python, /paginateScan/);
    const typescript = hoverIn("import { ScanCommand } from '@aws-sdk/client-dynamodb';\nawait client.send(new ScanCommand({ TableName: 'orders' }));\n", 'typescript', 'ScanCommand(');
    assert.match(typescript, /```js\nfor await \(const page of paginateScan/);
    assert.doesNotMatch(typescript, /: ScanRequest|: string/, 'the shared JavaScript/TypeScript example has no type annotations');
    const java = pickExample(rule('dynamodb-scan'), 'java', 'sdk');
    assert.equal(java?.fence, 'java');
    assert.match(java?.code ?? '', /scanPaginator/);
    assert.match(pickExample(rule('dynamodb-query'), 'go', 'sdk')?.code ?? '', /dynamodb.NewQueryPaginator/);
    assert.match(pickExample(rule('dynamodb-query'), 'csharp', 'sdk')?.code ?? '', /QueryAsync/);
  });

  it('shows the PubliclyAccessible example in the format of the template', () => {
    const template = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: true\n';
    const cloudformation = hoverIn(template, 'yaml', 'PubliclyAccessible');
    assert.match(cloudformation, /^\*\*PubliclyAccessible\*\*/);
    assert.match(cloudformation, /```yaml\n(?:.*\n)*? {4}PubliclyAccessible: false/);
    assert.doesNotMatch(cloudformation, /```hcl/);
    const terraform = hoverIn('resource "aws_db_instance" "db" {\n  publicly_accessible = true\n}\n', 'terraform', 'publicly_accessible');
    assert.match(terraform, /^\*\*publicly_accessible\*\*/);
    assert.match(terraform, /```hcl\n/);
  });

  it('shows CDK code for a CDK construct, in the language of the stack', () => {
    const stack = "import * as rds from 'aws-cdk-lib/aws-rds';\nnew rds.DatabaseInstance(this, 'Db', { engine, vpc, storageEncrypted: false });\n";
    const markdown = hoverIn(stack, 'typescript', 'storageEncrypted');
    assert.match(markdown, /^\*\*storageEncrypted\*\*/);
    assert.match(markdown, /```ts\nnew rds.DatabaseInstance\(this, 'Orders', \{\n(?:.*\n)*? {2}storageEncrypted: true,/);
    assert.doesNotMatch(markdown, /StorageEncrypted: true\nKmsKeyId/);
    assert.match(pickExample(rule('rds-storage-encrypted'), 'python', 'cdk')?.code ?? '', /storage_encrypted=True/);
  });

  it('shows the KEYS example for the Redis client in use', () => {
    const ioredis = hoverIn("import Redis from 'ioredis';\nconst redis = new Redis();\nawait redis.keys('session:*');\n", 'typescript', 'keys(');
    assert.match(ioredis, /```js\nconst stream = redis.scanStream/);
    assert.doesNotMatch(ioredis, /```[a-z]+\n[^`]*scan_iter/, 'no Python in the code block');
    const redisPy = hoverIn('import redis\nr = redis.Redis()\nr.keys("session:*")\n', 'python', 'keys(');
    assert.match(redisPy, /```python\nfor key in r.scan_iter/);
    assert.match(pickExample(rule('redis-keys'), 'typescript', 'node-redis')?.code ?? '', /client.scanIterator/);
  });
});

describe('names in the reader\'s terms', () => {
  it('uses the name the file wrote, in messages and titles', () => {
    const backup = rule('rds-backup-retention');
    assert.match(inReaderTerms(backup.diagnostic!.message, backup, 'terraform', 'backup_retention_period'), /^backup_retention_period 0 turns off/);
    assert.match(inReaderTerms(backup.diagnostic!.message, backup, 'cdk', 'backupRetentionPeriod'), /^backupRetentionPeriod 0 turns off/);
    // Remembered per rule, format and written name: asking again in another format gets that format's text.
    assert.match(inReaderTerms(backup.diagnostic!.message, backup, 'terraform', 'backup_retention_period'), /^backup_retention_period 0 turns off/);
    assert.match(inReaderTerms(backup.diagnostic!.message, backup, 'cloudformation'), /^BackupRetentionPeriod 0 turns off/);
    assert.equal(inReaderTerms(backup.title, backup, 'cloudformation', 'BackupRetentionPeriod'), 'BackupRetentionPeriod');
    assert.equal(inReaderTerms(backup.title, backup, 'cdk', 'backupRetention'), 'backupRetention');
    // A name that differs in more than case and underscores still maps when the rule has one property.
    const iam = rule('rds-iam-auth');
    assert.equal(inReaderTerms('EnableIAMDatabaseAuthentication is off', iam, 'cdk', 'iamAuthentication'), 'iamAuthentication is off');
    assert.equal(inReaderTerms('EnableIAMDatabaseAuthentication is off', iam, 'terraform', 'iam_database_authentication_enabled'), 'iam_database_authentication_enabled is off');
  });

  it('falls back to the rule\'s name for the format when nothing is written, and leaves other words alone', () => {
    const encrypted = rule('rds-storage-encrypted');
    assert.equal(inReaderTerms('Set StorageEncrypted to true.', encrypted, 'terraform'), 'Set storage_encrypted to true.');
    assert.equal(inReaderTerms('Set StorageEncrypted to true.', encrypted, 'cdk'), 'Set storageEncrypted to true.');
    assert.equal(inReaderTerms('Set StorageEncrypted to true.', encrypted, 'sdk', 'StorageEncrypted'), 'Set StorageEncrypted to true.');
    assert.equal(inReaderTerms('StorageEncryptedX and MyStorageEncrypted stay.', encrypted, 'terraform'), 'StorageEncryptedX and MyStorageEncrypted stay.');
    // Two properties: each maps only to its own name.
    const shards = rule('elasticache-cluster-mode');
    assert.equal(inReaderTerms('NumNodeGroups and ReplicasPerNodeGroup', shards, 'terraform', 'num_node_groups'), 'num_node_groups and ReplicasPerNodeGroup');
  });

  it('writes Terraform findings with Terraform names', () => {
    const text = 'resource "aws_db_instance" "db" {\n  backup_retention_period = 0\n}\n';
    const finding = analyzeText(text, realHintRules(), { kind: 'terraform' }).findings.find((candidate) => candidate.ruleId === 'rds-backup-retention');
    assert.ok(finding);
    assert.match(finding.message, /^backup_retention_period 0 turns off/);
    assert.doesNotMatch(finding.message, /BackupRetentionPeriod/);
    const template = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      BackupRetentionPeriod: 0\n';
    const cfn = analyzeText(template, realHintRules(), { kind: 'yaml' }).findings.find((candidate) => candidate.ruleId === 'rds-backup-retention');
    assert.match(cfn?.message ?? '', /^BackupRetentionPeriod 0 turns off/);
  });
});
