/**
 * The template readers on small, exact inputs: YAML block and flow style, tags and block scalars,
 * JSON detected by content whatever the file name, parameter defaults through Ref, registry modules
 * and their defaults, security group ingress, and the Multi-AZ DB cluster settings of a DB cluster.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { readTemplate } from '../../../src/hints/engine/iac';
import { looksLikeCloudFormation } from '../../../src/hints/engine/iac/cloudformation';
import { IacNode } from '../../../src/hints/engine/iac/tree';
import { readYaml } from '../../../src/hints/engine/iac/yaml';
import { OptionContext } from '../../../src/hints/engine/model';
import { LineIndex } from '../../../src/hints/engine/text';
import { realHintRules } from './support';

/** A tree as plain data: maps as objects, lists as arrays, scalars as their literal (tags shown). */
function plain(node: IacNode | undefined): unknown {
  if (!node) {
    return undefined;
  }
  if (node.kind === 'map') {
    return Object.fromEntries(node.entries.map((entry) => [entry.key, plain(entry.value)]));
  }
  if (node.kind === 'list') {
    return node.items.map(plain);
  }
  const literal = node.literal;
  const value = literal.kind === 'expr' ? `expr:${literal.text}` : literal.kind === 'none' ? null : literal.value;
  return node.tag ? `!${node.tag} ${String(value)}` : value;
}

function yaml(text: string): unknown {
  return plain(readYaml(text, new LineIndex(text)).root);
}

function contexts(kind: 'yaml' | 'json' | 'terraform', text: string): OptionContext[] {
  return readTemplate(kind, text, new LineIndex(text))?.model.contexts ?? [];
}

function findings(kind: 'yaml' | 'json' | 'terraform', text: string): string[] {
  return analyzeText(text, realHintRules(), { kind }).findings.map((finding) => `${finding.ruleId} ${text.slice(finding.start, finding.end)}`);
}

describe('YAML reader', () => {
  it('reads block maps, lists, list items that hold maps, and scalars of every kind', () => {
    const text = ['a: 1', 'b:', '  - x', '  - k: v', '    n: true', '  -', '    deep: "q # not a comment"', 'c: ~  # comment', "d: 'it''s'", 'e: -3.5', ''].join('\n');
    assert.deepEqual(yaml(text), { a: 1, b: ['x', { k: 'v', n: true }, { deep: 'q # not a comment' }], c: null, d: "it's", e: -3.5 });
  });

  it('reads flow maps and lists, on one line or across lines, with tags inside', () => {
    const text = ['Props: { A: 1, B: [x, "y, z"], C: !Ref Param }', 'List: [', '  { Key: k, Value: v },', '  !GetAtt T.Arn', ']', 'After: yes', ''].join('\n');
    assert.deepEqual(yaml(text), { Props: { A: 1, B: ['x', 'y, z'], C: '!Ref Param' }, List: [{ Key: 'k', Value: 'v' }, '!GetAtt T.Arn'], After: 'yes' });
  });

  it('skips block scalars and reads on after them; a list may sit at its key’s indentation', () => {
    const text = ['Description: |', '  Key: not a key', '', '  - nor an item', 'Items:', '- one', '- two', 'Tail: !Sub "${A}"', ''].join('\n');
    assert.deepEqual(yaml(text), { Description: 'expr:|', Items: ['one', 'two'], Tail: '!Sub ${A}' });
  });

  it('treats an unclosed flow collection as an opaque value and keeps reading the next key', () => {
    const text = ['Broken: { A: [1, 2', '  B: 3', 'Next: 4', ''].join('\n');
    assert.deepEqual(yaml(text), { Broken: 'expr:{ A: [1, 2', Next: 4 });
  });

  it('reads explicit keys (`? key` then `: value`), as `cdk synth` writes long logical IDs, and the keys after them', () => {
    const text = ['Resources:', '  ? LongId', '  : Type: T', '    Properties:', '      A: 1', "  ? 'Quoted Id'", '  : plain', '  Next:', '    B: 2', ''].join('\n');
    assert.deepEqual(yaml(text), { Resources: { LongId: { Type: 'T', Properties: { A: 1 } }, 'Quoted Id': 'plain', Next: { B: 2 } } });
    // A `?` line without a `:` line after it at its column is no key: it is skipped, as before, and reading goes on.
    assert.deepEqual(yaml(['A: 1', '? orphan', 'B: 2', ''].join('\n')), { A: 1, B: 2 });
  });

  it('gives keys their exact spans and values their replaceable spans', () => {
    const text = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: "true"   # open\n';
    const [context] = contexts('yaml', text);
    const option = context.options[0];
    assert.equal(text.slice(option.key.start, option.key.end), 'PubliclyAccessible');
    assert.equal(text.slice(option.literalSpan!.start, option.literalSpan!.end), '"true"');
    assert.deepEqual(context.insertion, { offset: text.indexOf('      Publicly'), indent: '      ', style: 'yaml' });
  });
});

describe('CloudFormation templates', () => {
  it('is detected by a template key at the start of a line, not by text inside a value', () => {
    assert.ok(looksLikeCloudFormation('AWSTemplateFormatVersion: "2010-09-09"\n'));
    assert.ok(looksLikeCloudFormation('Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n'));
    assert.ok(looksLikeCloudFormation('{"Resources":{"T":{"Type":"AWS::DynamoDB::Table"}}}'));
    assert.ok(!looksLikeCloudFormation('note: "Type: AWS::RDS::DBInstance"\n'));
    assert.ok(!looksLikeCloudFormation('ResourceType: AWS::RDS::DBInstance\n'));
    assert.ok(!looksLikeCloudFormation('name: ci\non: push\n'));
  });

  it('reads a JSON template as JSON whatever its name (a .template file is read as yaml first)', () => {
    const json = '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": { "PubliclyAccessible": true, "StorageEncrypted": true }\n    }\n  }\n}\n';
    assert.deepEqual(findings('yaml', json), ['rds-deletion-protection "Db"', 'rds-multi-az "Db"', 'rds-publicly-accessible "PubliclyAccessible"']);
    const yamlTemplate = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { PubliclyAccessible: true, StorageEncrypted: true }\n';
    assert.deepEqual(findings('yaml', yamlTemplate), ['rds-deletion-protection Db', 'rds-multi-az Db', 'rds-publicly-accessible PubliclyAccessible']);
  });

  it('uses a parameter’s default through !Ref and {"Ref": ...}, and nothing when there is no default', () => {
    const text = [
      'Parameters:',
      '  Open: { Type: String, Default: "true" }',
      '  Days: { Type: Number, Default: 0 }',
      '  Guard: { Type: String }',
      'Resources:',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      PubliclyAccessible: !Ref Open',
      '      BackupRetentionPeriod: { Ref: Days }',
      '      DeletionProtection: !Ref Guard',
      '      StorageEncrypted: !Ref Guard',
      '',
    ].join('\n');
    assert.deepEqual(findings('yaml', text), ['rds-multi-az Db', 'rds-publicly-accessible PubliclyAccessible', 'rds-backup-retention BackupRetentionPeriod']);
    const [context] = contexts('yaml', text);
    // A value that comes through a parameter is never rewritten in place by a quick fix.
    assert.ok(context.options.every((option) => option.literalSpan === undefined));
  });

  it('reads a resource under an explicit key, as one whose logical ID is written plainly', () => {
    const text = ['Resources:', '  ? DbIngressFromAnyIpv4ForTheNightlyExportJobsOfTheReportingStack5F6A7B8C', '  : Type: AWS::EC2::SecurityGroupIngress', '    Properties:', '      IpProtocol: tcp', '      CidrIp: 0.0.0.0/0', '      FromPort: 5432', '      ToPort: 5432', ''].join('\n');
    assert.deepEqual(findings('yaml', text), ['rds-open-ingress 0.0.0.0/0']);
  });

  it('reads DeletionPolicy as an attribute of the resource', () => {
    const text = 'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    DeletionPolicy: Delete\n    Properties: {}\n  B:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: Delete\n';
    assert.deepEqual(findings('yaml', text), ['dynamodb-removal-policy DeletionPolicy']);
  });

  it('reports no DeletionPolicy Delete on a read replica, which gets no final snapshot anyway', () => {
    const text = [
      'Resources:',
      '  Primary:',
      '    Type: AWS::RDS::DBInstance',
      '    DeletionPolicy: Delete',
      '    Properties: { StorageEncrypted: true, DeletionProtection: true, MultiAZ: true }',
      '  Replica:',
      '    Type: AWS::RDS::DBInstance',
      '    DeletionPolicy: Delete',
      '    Properties: { SourceDBInstanceIdentifier: !Ref Primary, DeletionProtection: true }',
      '',
    ].join('\n');
    assert.deepEqual(findings('yaml', text), ['rds-removal-policy DeletionPolicy']);
    assert.equal(text.indexOf('DeletionPolicy'), analyzeText(text, realHintRules(), { kind: 'yaml' }).findings[0].start);
  });

  it('reports DeleteAutomatedBackups true on a primary, and on a read replica only where it keeps backups of its own', () => {
    const text = (source: string): string =>
      ['Resources:', '  Db:', '    Type: AWS::RDS::DBInstance', `    Properties: { ${source}DeleteAutomatedBackups: true, StorageEncrypted: true, DeletionProtection: true }`, ''].join('\n');
    assert.deepEqual(findings('yaml', text('')), ['rds-multi-az Db', 'rds-delete-automated-backups DeleteAutomatedBackups']);
    assert.deepEqual(findings('yaml', text('SourceDBInstanceIdentifier: orders, ')), []);
    const terraform = (source: string): string => `resource "aws_db_instance" "db" {\n  ${source}delete_automated_backups = true\n  storage_encrypted = true\n}\n`;
    assert.deepEqual(findings('terraform', terraform('replicate_source_db = aws_db_instance.primary.identifier\n  ')), []);
    // A replica that keeps backups of its own (MySQL, MariaDB) loses them with it.
    assert.deepEqual(findings('yaml', text('SourceDBInstanceIdentifier: orders, BackupRetentionPeriod: 7, ')), ['rds-delete-automated-backups DeleteAutomatedBackups']);
  });

  it('leaves DeleteAutomatedBackups true alone on a database that keeps no automated backups (retention 0)', () => {
    const terraform = (days: number): string =>
      `resource "aws_db_instance" "db" {\n  backup_retention_period = ${days}\n  delete_automated_backups = true\n  storage_encrypted = true\n}\n`;
    assert.deepEqual(findings('terraform', terraform(0)), ['rds-deletion-protection "db"', 'rds-multi-az "db"', 'rds-backup-retention backup_retention_period']);
    assert.deepEqual(findings('terraform', terraform(7)), ['rds-deletion-protection "db"', 'rds-multi-az "db"', 'rds-delete-automated-backups delete_automated_backups']);
  });

  it('reads the resources an Fn::ForEach loop repeats, in nested loops too, and none over an empty list', () => {
    // A table as the loop's fragment, the item of a list at `item` (`    - `).
    const table = (item: string, id: string): string[] => {
      const indent = ' '.repeat(item.length + 2);
      return [`${item}${id}:`, `${indent}Type: AWS::DynamoDB::Table`, `${indent}DeletionPolicy: Delete`, `${indent}Properties: { BillingMode: PAY_PER_REQUEST }`];
    };
    const text = [
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Fn::ForEach::Tables:',
      '    - Name',
      '    - !Ref TableNames',
      ...table('    - ', '${Name}Table'),
      '  Fn::ForEach::Regions:',
      '    - Region',
      '    - [east, west]',
      '    - Fn::ForEach::Shards:',
      '        - Shard',
      '        - [a, b]',
      ...table('        - ', '${Region}${Shard}Table'),
      '  Fn::ForEach::None:',
      '    - Name',
      '    - []',
      ...table('    - ', '${Name}Unused'),
      '',
    ].join('\n');
    assert.deepEqual(findings('yaml', text), ['dynamodb-removal-policy DeletionPolicy', 'dynamodb-removal-policy DeletionPolicy']);
    assert.deepEqual(contexts('yaml', text).map((context) => text.slice(context.anchor.start, context.anchor.end)), ['${Name}Table', '${Region}${Shard}Table']);
  });

  it("reads an ElastiCache user's passwords at the top level and under AuthenticationMode", () => {
    const user = (name: string, ...properties: string[]): string[] => [`  ${name}:`, '    Type: AWS::ElastiCache::User', '    Properties:', `      UserId: ${name.toLowerCase()}`, '      Engine: valkey', '      AccessString: on ~* +@read', ...properties.map((line) => `      ${line}`)];
    const text = [
      'Resources:',
      ...user('Top', 'Passwords:', '  - Top-Passw0rd-2026'),
      ...user('Nested', 'AuthenticationMode:', '  Type: password', '  Passwords: ["Nested-Passw0rd-2026"]'),
      ...user('Open', 'AuthenticationMode: { Type: no-password-required }'),
      ...user('Resolved', 'AuthenticationMode:', '  Type: password', "  Passwords: ['{{resolve:secretsmanager:cache-user:SecretString:password}}']"),
      ...user('Referenced', 'Passwords: [!Ref UserPassword]'),
      ...user('Iam', 'AuthenticationMode: { Type: iam }'),
      '',
    ].join('\n');
    assert.deepEqual(findings('yaml', text), ['elasticache-create-user - Top-Passw0rd-2026', 'elasticache-create-user ["Nested-Passw0rd-2026"]', 'elasticache-create-user Type']);
  });

  it('finds ingress open to the internet on a database port, including port ranges and all traffic', () => {
    const text = [
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      SecurityGroupIngress:',
      '        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 0.0.0.0/0 }',
      '        - { IpProtocol: "-1", CidrIpv6: "::/0" }',
      '        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }',
      '        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.0.0/8 }',
      '',
    ].join('\n');
    assert.deepEqual(findings('yaml', text), ['rds-open-ingress 0.0.0.0/0', 'elasticache-open-ingress "::/0"', 'rds-open-ingress "::/0"']);
  });

  it('says nothing of every port open on a group the template attaches only to resources that are not databases', () => {
    const text = [
      'Resources:',
      '  WebSg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      SecurityGroupIngress:',
      '        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }',
      '        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0 }',
      '  Lb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties: { SecurityGroups: [!Ref WebSg] }',
      '  DbSg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties: { GroupDescription: db }',
      '  DbOpen:',
      '    Type: AWS::EC2::SecurityGroupIngress',
      '    Properties: { GroupId: !GetAtt DbSg.GroupId, IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 0.0.0.0/0 }',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties: { StorageEncrypted: true, MultiAZ: true, VPCSecurityGroups: [!GetAtt [DbSg, GroupId]] }',
      '  App:',
      '    Type: AWS::ECS::Service',
      '    Properties: { NetworkConfiguration: { AwsvpcConfiguration: { SecurityGroups: [{ "Fn::GetAtt": [DbSg, GroupId] }] } } }',
      '',
    ].join('\n');
    // DbSg serves a database (and a service), no cache: every port open on it is a database's, not a cache's.
    assert.deepEqual(findings('yaml', text), ['rds-open-ingress 0.0.0.0/0', 'rds-open-ingress 0.0.0.0/0', 'rds-deletion-protection Db']);
    assert.deepEqual(
      analyzeText(text, realHintRules(), { kind: 'yaml' }).findings.map((finding) => text.slice(0, finding.start).split('\n').length),
      [7, 16, 17],
    );
  });

  it('gives an Aurora instance, which the cluster places, no Multi-AZ finding', () => {
    const text = [
      'Resources:',
      '  Member:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties: { DBClusterIdentifier: !Ref Cluster, Engine: aurora-postgresql, MultiAZ: false }',
      '  Single:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties: { Engine: postgres, StorageEncrypted: true, MultiAZ: false }',
      '',
    ].join('\n');
    assert.deepEqual(findings('yaml', text), ['rds-deletion-protection Single', 'rds-multi-az MultiAZ']);
    assert.equal(analyzeText(text, realHintRules(), { kind: 'yaml' }).findings.find((finding) => finding.ruleId === 'rds-multi-az')?.start, text.lastIndexOf('MultiAZ'));
  });

  it('reads PubliclyAccessible and Iops of a DB cluster (a Multi-AZ DB cluster), and says nothing of false or absence', () => {
    const text = [
      'Resources:',
      '  Reports:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties: { Engine: postgres, StorageEncrypted: true, Iops: 3000, PubliclyAccessible: true }',
      '  Archive:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties: { Engine: mysql, StorageEncrypted: true, PubliclyAccessible: false }',
      '  Dashboards:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties: { Engine: aurora-postgresql, StorageEncrypted: true }',
      '',
    ].join('\n');
    assert.deepEqual(findings('yaml', text), ['rds-deletion-protection Reports', 'rds-publicly-accessible PubliclyAccessible', 'rds-deletion-protection Archive', 'rds-deletion-protection Dashboards']);
    const hovers = analyzeText(text, realHintRules(), { kind: 'yaml' }).sites.flatMap((site) => site.ruleIds.map((id) => `${id} ${text.slice(site.start, site.end)}`));
    assert.ok(hovers.includes('rds-iops Iops'));
    assert.equal(hovers.filter((hover) => hover === 'rds-publicly-accessible PubliclyAccessible').length, 2);
  });

  it('reads a negative JSON number as one value, so the entries after it are still read', () => {
    const ingress = '{ "IpProtocol": "-1", "FromPort": -1, "ToPort": -1, "CidrIp": "0.0.0.0/0" }';
    const text = `{\n  "Resources": {\n    "Sg": {\n      "Type": "AWS::EC2::SecurityGroup",\n      "Properties": { "SecurityGroupIngress": [${ingress}] }\n    }\n  }\n}\n`;
    assert.deepEqual(findings('json', text), ['elasticache-open-ingress "0.0.0.0/0"', 'rds-open-ingress "0.0.0.0/0"']);
    const port = contexts('json', '{ "Resources": { "R": { "Type": "AWS::RDS::DBInstance", "Properties": { "Port": -5, "After": 1 } } } }')[0];
    assert.deepEqual(port.options.map((option) => `${option.name}=${JSON.stringify(option.literal)}`), ['Port={"kind":"num","value":-5}', 'After={"kind":"num","value":1}']);
  });
});

describe('Terraform variables', () => {
  it('uses a variable’s default from the same file, and nothing when it has none', () => {
    const text = [
      'resource "aws_db_instance" "db" {',
      '  publicly_accessible     = var.public',
      '  backup_retention_period = var.retention',
      '  storage_encrypted       = var.encrypted',
      '}',
      'variable "public" {',
      '  type    = bool',
      '  default = true',
      '}',
      'variable "retention" {',
      '  type = number',
      '}',
      'variable "encrypted" {',
      '  default = local.encrypted',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(findings('terraform', text), ['rds-deletion-protection "db"', 'rds-multi-az "db"', 'rds-publicly-accessible publicly_accessible']);
  });
});

describe('Terraform registry modules', () => {
  it('reads a module as the resource it creates, with its inputs as that resource’s arguments', () => {
    const text = 'module "db" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "~> 7.0"\n  publicly_accessible = true\n}\n';
    const [context] = contexts('terraform', text);
    assert.equal(context.type, 'aws_db_instance');
    assert.deepEqual(findings('terraform', text), ['rds-deletion-protection "db"', 'rds-multi-az "db"', 'rds-publicly-accessible publicly_accessible']);
  });

  it('lets a module default decide what an absent input means', () => {
    // storage_encrypted defaults to true in the rds module: no finding; off on purpose: a finding.
    assert.deepEqual(findings('terraform', 'module "db" {\n  source = "terraform-aws-modules/rds/aws"\n}\n'), ['rds-deletion-protection "db"', 'rds-multi-az "db"']);
    assert.deepEqual(findings('terraform', 'module "db" {\n  source = "terraform-aws-modules/rds/aws"\n  storage_encrypted = false\n}\n'), ['rds-deletion-protection "db"', 'rds-multi-az "db"', 'rds-storage-encrypted storage_encrypted']);
    // The plain resource has no such default: absence is a finding there.
    assert.deepEqual(findings('terraform', 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n'), ['rds-deletion-protection "db"', 'rds-multi-az "db"', 'rds-storage-encrypted "db"']);
  });

  it('maps renamed inputs and recognises registry, registry-host and GitHub sources', () => {
    const table = 'module "t" {\n  source = "registry.terraform.io/terraform-aws-modules/dynamodb-table/aws"\n  point_in_time_recovery_enabled = true\n}\n';
    const [context] = contexts('terraform', table);
    assert.equal(context.type, 'aws_dynamodb_table');
    assert.equal(context.options[0].norm, 'pointintimerecovery');
    // The module's `attributes` list is the table's `attribute` blocks: the key schema's hover.
    const keyed = 'module "t" {\n  source = "terraform-aws-modules/dynamodb-table/aws"\n  hash_key = "id"\n  attributes = [{ name = "id", type = "S" }]\n}\n';
    assert.deepEqual(contexts('terraform', keyed)[0].options.map((option) => option.norm), ['hashkey', 'attribute']);
    const cache = 'module "c" {\n  source = "git::https://github.com/terraform-aws-modules/terraform-aws-elasticache.git?ref=v1.4.0"\n  create_replication_group = false\n}\n';
    assert.equal(contexts('terraform', cache)[0].type, 'aws_elasticache_cluster');
    assert.deepEqual(contexts('terraform', 'module "x" {\n  source = "./modules/rds"\n  storage_encrypted = false\n}\n'), []);
  });

  it('reads Aurora v9 instance inputs as settings of the cluster instances', () => {
    const text = 'module "aurora" {\n  source = "terraform-aws-modules/rds-aurora/aws"\n  version = "9.16.1"\n  publicly_accessible = true\n}\n';
    assert.deepEqual(
      contexts('terraform', text).map((context) => `${context.type} ${context.options.map((option) => option.name).join(',')}`),
      ['aws_rds_cluster ', 'aws_rds_cluster_instance publicly_accessible'],
    );
    assert.deepEqual(findings('terraform', text), ['rds-deletion-protection "aurora"', 'rds-publicly-accessible publicly_accessible']);
  });

  it('reads Aurora v10 instance settings inside the instances map, on one line or several', () => {
    const text = [
      'module "aurora" {',
      '  source  = "terraform-aws-modules/rds-aurora/aws"',
      '  version = "~> 10.0"',
      '  instances = {',
      '    writer = { instance_class = "db.r7g.large", publicly_accessible = true }',
      '    reader = {',
      '      instance_class      = "db.r7g.large"',
      '      publicly_accessible = false',
      '      monitoring_interval = var.interval', // not a single token: not read
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const instances = contexts('terraform', text).find((context) => context.type === 'aws_rds_cluster_instance');
    const described = instances?.options.map((option) => `${option.name}=${option.literal.kind === 'expr' ? option.literal.text : String((option.literal as { value: unknown }).value)}`);
    assert.deepEqual(described, ['instance_class=db.r7g.large', 'publicly_accessible=true', 'instance_class=db.r7g.large', 'publicly_accessible=false']);
    assert.deepEqual(findings('terraform', text), ['rds-deletion-protection "aurora"', 'rds-publicly-accessible publicly_accessible']);
  });
});

describe('Terraform Multi-AZ DB clusters', () => {
  it('reads iops of an aws_rds_cluster, which has no publicly_accessible argument', () => {
    const text = [
      'resource "aws_rds_cluster" "reports" {',
      '  engine              = "postgres"',
      '  storage_encrypted   = true',
      '  iops                = 3000',
      '  publicly_accessible = true',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(findings('terraform', text), ['rds-deletion-protection "reports"']);
    const sites = analyzeText(text, realHintRules(), { kind: 'terraform' }).sites.flatMap((site) => site.ruleIds.map((id) => `${id} ${text.slice(site.start, site.end)}`));
    assert.deepEqual(sites.filter((site) => !site.startsWith('rds-storage-encrypted')), ['rds-iops iops']);
  });
});
