/** The rule catalog: the real one is valid and complete, and the validator rejects each kind of mistake. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileHintRules } from '../../../src/content/compiler/compileHintRules';
import { requiredExampleKeys } from '../../../src/hints/examples';
import { realHintRules } from './support';

const NOTES = [{ id: 'dynamodb-query-scan', title: 'Query versus Scan' }];

const VALID = `- id: dynamodb-scan
  service: dynamodb
  title: Scan
  languages: [typescript, python]
  match:
    operations: [dynamodb:Scan]
  hover: Reads every item.
  examples:
    javascript: |
      for await (const page of paginateScan({ client }, { TableName: 'orders' })) handle(page.Items);
    python: |
      for page in client.get_paginator("scan").paginate(TableName="orders"): handle(page["Items"])
  doc: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
  note: dynamodb-query-scan
  diagnostic:
    check: no-pagination
    severity: warning
    message: Scan without pagination.
  fix:
    kind: add-pagination-loop
`;

function compile(yaml: string, extra?: string): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-'));
  try {
    fs.mkdirSync(path.join(root, 'hints'));
    fs.writeFileSync(path.join(root, 'hints', 'a.yaml'), yaml);
    if (extra) {
      fs.writeFileSync(path.join(root, 'hints', 'b.yaml'), extra);
    }
    return compileHintRules(root, NOTES).errors.map((error) => `${error.file}: ${error.message}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function expectError(yaml: string, pattern: RegExp, extra?: string): void {
  const errors = compile(yaml, extra);
  assert.equal(errors.length, 1, `expected one error matching ${pattern}, got:\n${errors.join('\n')}`);
  assert.match(errors[0], pattern);
}

describe('hint rule catalog', () => {
  it('compiles the repository rules with a note title for every rule', () => {
    const rules = realHintRules();
    assert.ok(rules.length >= 50, `only ${rules.length} rules`);
    for (const rule of rules) {
      assert.ok(rule.noteTitle, `${rule.id} has no note title`);
      assert.match(rule.doc, /^https:\/\//, rule.id);
    }
  });

  it('covers the operations, options and resources the issue lists', () => {
    const rules = realHintRules();
    const operations = new Set(rules.flatMap((rule) => rule.match.operations));
    for (const operation of ['Scan', 'Query', 'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchGetItem', 'BatchWriteItem', 'TransactWriteItems', 'TransactGetItems']) {
      assert.ok(operations.has(`dynamodb:${operation}`), operation);
    }
    const options = new Set(rules.flatMap((rule) => [...rule.match.options, ...(rule.match.cloudformation?.properties ?? [])]));
    for (const option of ['ConsistentRead', 'IndexName', 'FilterExpression', 'ProjectionExpression', 'Limit', 'ExclusiveStartKey', 'Segment', 'TotalSegments', 'ReturnConsumedCapacity', 'BillingMode', 'TimeToLiveSpecification', 'StreamSpecification', 'PointInTimeRecoverySpecification', 'DeletionProtectionEnabled', 'MultiAZ', 'StorageEncrypted', 'PubliclyAccessible', 'BackupRetentionPeriod', 'DeletionProtection', 'EnableIAMDatabaseAuthentication', 'AutoMinorVersionUpgrade', 'StorageType', 'Iops', 'MonitoringInterval', 'EnablePerformanceInsights', 'SkipFinalSnapshot', 'Engine', 'AutomaticFailoverEnabled', 'MultiAZEnabled', 'TransitEncryptionEnabled', 'AtRestEncryptionEnabled', 'AuthToken', 'SnapshotRetentionLimit', 'NumNodeGroups', 'ReplicasPerNodeGroup']) {
      assert.ok(options.has(option), option);
    }
    const commands = new Set(rules.flatMap((rule) => rule.match.redis?.commands ?? []));
    for (const command of ['keys', 'scan', 'flushall', 'flushdb', 'expire', 'set', 'config', 'multi']) {
      assert.ok(commands.has(command), command);
    }
  });

  it('cites only controls in the verified form', () => {
    for (const rule of realHintRules()) {
      for (const control of rule.diagnostic?.controls ?? []) {
        assert.match(control, /^(?:checkov CKV_AWS_\d+|Security Hub [A-Za-z]+\.\d+)$/);
      }
    }
  });

  it('accepts a valid rule', () => {
    assert.deepEqual(compile(VALID), []);
  });

  it('rejects a duplicate rule id across files', () => {
    expectError(VALID, /duplicate rule id \(also in/, VALID);
  });

  it('rejects a rule that links a missing note', () => {
    expectError(VALID.replace('note: dynamodb-query-scan', 'note: dynamodb-nope'), /links to note 'dynamodb-nope', which does not exist/);
  });

  it('rejects a rule without hover text', () => {
    expectError(VALID.replace('  hover: Reads every item.\n', ''), /'hover' must be a non-empty string/);
  });

  it('rejects a rule without a doc link, or with one that is not https', () => {
    expectError(VALID.replace(/ {2}doc: .*\n/, ''), /'doc' must be a non-empty string/);
    expectError(VALID.replace('https://docs.aws', 'http://docs.aws'), /is not an https URL/);
  });

  it('rejects a bad severity, an unknown check and an unknown fix', () => {
    expectError(VALID.replace('severity: warning', 'severity: fatal'), /bad severity 'fatal'/);
    expectError(VALID.replace('check: no-pagination', 'check: guess'), /unknown check 'guess'/);
    expectError(VALID.replace('kind: add-pagination-loop', 'kind: rewrite-everything'), /unknown kind 'rewrite-everything'/);
  });

  it('rejects an unknown operation and options without operations', () => {
    expectError(VALID.replace('dynamodb:Scan]', 'dynamodb:Scann]'), /unknown operation 'dynamodb:Scann'/);
    expectError(VALID.replace('operations: [dynamodb:Scan]', 'options: [Limit]'), /'options' needs 'in'/);
  });

  it('rejects a language the match cannot reach', () => {
    expectError(VALID.replace('[typescript, python]', '[typescript, terraform]'), /lists 'terraform' but its match has nothing for that language/);
  });

  it('rejects a quick fix without a diagnostic, and a check without its parameters', () => {
    const noDiagnostic = VALID.replace(/ {2}diagnostic:\n(?: {4}.*\n)+/, '');
    expectError(noDiagnostic, /a quick fix needs a diagnostic/);
    expectError(VALID.replace('check: no-pagination', 'check: value-equals'), /check 'value-equals' needs 'value'/);
  });

  it('reads ingress ports and word values, and rejects an open-ingress check without ports', () => {
    const ingress = `- id: rds-open-ingress
  service: rds
  title: Open database port
  languages: [cloudformation, terraform]
  match:
    ingress:
      ports: [5432]
  hover: Open to every address.
  examples:
    cloudformation: 'SourceSecurityGroupId: !Ref App'
    terraform: 'referenced_security_group_id = aws_security_group.app.id'
  doc: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html
  note: dynamodb-query-scan
  diagnostic:
    check: open-ingress
    severity: warning
    message: Open.
`;
    assert.deepEqual(compile(ingress), []);
    expectError(ingress.replace('ports: [5432]', 'ports: [70000]'), /'ports' must list TCP port numbers/);
    expectError(ingress.replace('    ingress:\n      ports: [5432]\n', '    cloudformation: { resources: [AWS::RDS::DBInstance], properties: [DeletionPolicy] }\n').replace('[cloudformation, terraform]', '[cloudformation]'), /check 'open-ingress' needs 'match.ingress'/);
    const removal = ingress
      .replace('    ingress:\n      ports: [5432]\n', '    cloudformation: { resources: [AWS::RDS::DBInstance], properties: [DeletionPolicy] }\n')
      .replace('[cloudformation, terraform]', '[cloudformation]')
      .replace('check: open-ingress', 'check: value-equals\n    value: Delete')
      .concat('  fix: { kind: set-value, value: Snapshot }\n');
    assert.deepEqual(compile(removal), []);
  });

  it('rejects a rule without an example for a place it applies, naming the rule and the key', () => {
    expectError(VALID.replace(/ {4}python: \|\n {6}.*\n/, ''), /dynamodb-scan: has no example for python .*add examples\.python/);
    expectError(VALID.replace('[typescript, python]', '[typescript, python, java]'), /dynamodb-scan: has no example for java/);
    // TypeScript shares the JavaScript example; there is no separate key for it.
    const errors = compile(VALID.replace('    javascript: |', '    typescript: |'));
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.match(errors[0], /examples: unknown field 'typescript'/);
    assert.match(errors[1], /has no example for javascript/);
  });

  it('needs examples for every place the languages and match reach', () => {
    const match = { operations: [], options: [], in: [] };
    assert.deepEqual(requiredExampleKeys({ languages: ['javascript', 'typescript', 'python', 'go'], match: { ...match, operations: ['dynamodb:Scan'] } }), ['javascript', 'python', 'go']);
    // A CloudFormation match also reaches CDK L1 constructs, in TypeScript and in Python.
    const cloudformation = { resources: ['AWS::RDS::DBInstance'], properties: ['MultiAZ'] };
    assert.deepEqual(requiredExampleKeys({ languages: ['typescript', 'python', 'cloudformation'], match: { ...match, cloudformation } }), ['cdk-typescript', 'cdk-python', 'cloudformation']);
    assert.deepEqual(requiredExampleKeys({ languages: ['terraform'], match: { ...match, cloudformation, terraform: { resources: ['aws_db_instance'], arguments: ['multi_az'] } } }), ['terraform']);
    const redis = { commands: ['keys'], options: [] };
    assert.deepEqual(requiredExampleKeys({ languages: ['typescript', 'python'], match: { ...match, redis } }), ['ioredis', 'node-redis', 'redis-py']);
  });

  it('gives every repository rule an example for each place it applies', () => {
    for (const rule of realHintRules()) {
      for (const key of requiredExampleKeys(rule)) {
        assert.ok(rule.examples[key], `${rule.id} has no ${key} example`);
      }
    }
  });

  it('rejects unknown fields and malformed control names', () => {
    expectError(VALID.replace('  title: Scan\n', '  title: Scan\n  colour: red\n'), /unknown field 'colour'/);
    expectError(VALID.replace('    message: Scan without pagination.\n', '    message: Scan without pagination.\n    controls: [CIS 1.2]\n'), /control 'CIS 1.2' must look like/);
  });
});
