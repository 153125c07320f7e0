/**
 * An every-port group that nothing attaches can only come to serve the data stores its template or module
 * declares: in a cache module only the cache rule speaks, in a database module only the database rule, and
 * where both kinds (or a module that may make either) are declared, both still do. Where the workspace shows a
 * module that declares none, neither speaks unless an output hands the group out or a data source may look it
 * up. A rule aimed at one engine's port is reported whatever the module holds.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { DocumentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const OPEN_GROUP = lines(
  'resource "aws_security_group" "main" {',
  '  name_prefix = "cache-"',
  '  vpc_id      = var.vpc_id',
  '  ingress {',
  '    from_port   = 0',
  '    to_port     = 0',
  '    protocol    = "-1"',
  '    cidr_blocks = ["0.0.0.0/0"]',
  '  }',
  '}',
);

const REDIS_PORT_GROUP = OPEN_GROUP.replace('from_port   = 0', 'from_port   = 6379').replace('to_port     = 0', 'to_port     = 6379').replace('"-1"', '"tcp"');

const REPLICATION_GROUP = lines(
  'resource "aws_elasticache_replication_group" "main" {',
  '  replication_group_id       = "sessions"',
  '  description                = "sessions"',
  '  node_type                  = var.node_type',
  '  port                       = 6379',
  '  automatic_failover_enabled = true',
  '}',
);

const DATABASE = lines(
  'resource "aws_db_instance" "orders" {',
  '  engine            = "postgres"',
  '  instance_class    = "db.t4g.micro"',
  '  storage_encrypted = true',
  '}',
);

const REGISTRY_MODULE = lines('module "store" {', '  source = "some-org/store/aws"', '}');

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, 'terraform', text))));
  return built;
}

/** The open-ingress rule ids of `file`, judged with the workspace of `files` (alone without). */
function openIngress(files: Record<string, string>, file: string, workspace = true, kind: DocumentKind = 'terraform'): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind, fileName: file, workspace: workspace ? model(files) : undefined });
  return result.findings
    .filter((finding) => finding.ruleId.endsWith('-open-ingress'))
    .map((finding) => finding.ruleId)
    .sort();
}

const BOTH = ['elasticache-open-ingress', 'rds-open-ingress'];

describe('every-port groups that nothing attaches', () => {
  it('reports only the cache rule in a module whose one data store is a replication group', () => {
    const file = OPEN_GROUP + REPLICATION_GROUP;
    assert.deepEqual(openIngress({ 'modules/cache/main.tf': file }, 'modules/cache/main.tf', false), ['elasticache-open-ingress']);
    assert.deepEqual(openIngress({ 'modules/cache/main.tf': file }, 'modules/cache/main.tf'), ['elasticache-open-ingress']);
  });

  it('reports only the database rule when another file of the module declares the only data store, a database', () => {
    const files = { 'modules/db/sg.tf': OPEN_GROUP, 'modules/db/rds.tf': DATABASE };
    assert.deepEqual(openIngress(files, 'modules/db/sg.tf'), ['rds-open-ingress']);
  });

  it('reports both where the module declares both kinds, or a module from outside the workspace', () => {
    assert.deepEqual(openIngress({ 'm/main.tf': OPEN_GROUP + REPLICATION_GROUP + DATABASE }, 'm/main.tf'), BOTH);
    assert.deepEqual(openIngress({ 'm/sg.tf': OPEN_GROUP + REPLICATION_GROUP, 'm/store.tf': REGISTRY_MODULE }, 'm/sg.tf'), BOTH);
    assert.deepEqual(openIngress({ 'm/main.tf': OPEN_GROUP + REPLICATION_GROUP + REGISTRY_MODULE }, 'm/main.tf', false), BOTH);
  });

  it('reports neither where the workspace shows a module with no data store, unless the group may reach one beyond it', () => {
    const instances = lines('resource "aws_instance" "bastion" {', '  ami = var.ami', '}');
    assert.deepEqual(openIngress({ 'm/main.tf': OPEN_GROUP }, 'm/main.tf'), []);
    assert.deepEqual(openIngress({ 'm/main.tf': OPEN_GROUP, 'm/hosts.tf': instances }, 'm/main.tf'), []);
    // Judged alone, the module's other files are unknown.
    assert.deepEqual(openIngress({ 'm/main.tf': OPEN_GROUP }, 'm/main.tf', false), BOTH);
    // An output hands the group to the module's callers (or to configurations that read its state).
    const output = lines('output "group_id" {', '  value = aws_security_group.main.id', '}');
    assert.deepEqual(openIngress({ 'm/main.tf': OPEN_GROUP, 'm/outputs.tf': output }, 'm/main.tf'), BOTH);
    assert.deepEqual(openIngress({ 'm/main.tf': OPEN_GROUP + output }, 'm/main.tf'), BOTH);
    // Another configuration of the workspace may find it by name or tags.
    const lookup = lines('data "aws_security_group" "shared" {', '  name = "cache-shared"', '}');
    assert.deepEqual(openIngress({ 'm/main.tf': OPEN_GROUP, 'db/main.tf': lookup + DATABASE }, 'm/main.tf'), BOTH);
    // The same port aimed at one engine is still reported.
    assert.deepEqual(openIngress({ 'm/main.tf': REDIS_PORT_GROUP }, 'm/main.tf'), ['elasticache-open-ingress']);
  });

  it('reports a rule aimed at the Redis port in a database module', () => {
    assert.deepEqual(openIngress({ 'm/main.tf': REDIS_PORT_GROUP + DATABASE }, 'm/main.tf'), ['elasticache-open-ingress']);
  });

  it('reads a CloudFormation template the same way', () => {
    const template = lines(
      'Resources:',
      '  CacheSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: cache',
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 0',
      '          ToPort: 65535',
      '          CidrIp: 0.0.0.0/0',
      '  Cache:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: sessions',
      '      CacheNodeType: cache.t4g.micro',
      '      Engine: redis',
    );
    assert.deepEqual(openIngress({ 'template.yaml': template }, 'template.yaml', false, 'yaml'), ['elasticache-open-ingress']);
    const withDatabase = template + lines('  Db:', '    Type: AWS::RDS::DBInstance', '    Properties:', '      Engine: postgres', '      StorageEncrypted: true');
    assert.deepEqual(openIngress({ 'template.yaml': withDatabase }, 'template.yaml', false, 'yaml'), BOTH);
  });
});
