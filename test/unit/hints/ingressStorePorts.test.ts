/**
 * rds-open-ingress and elasticache-open-ingress on a rule whose port is the store's own port attribute
 * (`iac/storePorts.ts`): Terraform's `aws_db_instance.db.port` and the rds module's `db_instance_port`,
 * CloudFormation's `!GetAtt Db.Endpoint.Port` and an ElastiCache endpoint port. Silent: a narrow source, another
 * resource's port, a store of the other kind, ports that name different things, UDP.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith('open-ingress!'));

const terraformRule = (port: string, cidr = '0.0.0.0/0', protocol = 'tcp', toPort = port): string =>
  sourceLines(
    'resource "aws_db_instance" "ledger" {',
    '  engine                 = "postgres"',
    '  storage_encrypted      = true',
    '  vpc_security_group_ids = [aws_security_group.db.id]',
    '}',
    'resource "aws_security_group" "db" {',
    '  name = "ledger-db"',
    '}',
    'resource "aws_security_group_rule" "db_in" {',
    '  type              = "ingress"',
    `  from_port         = ${port}`,
    `  to_port           = ${toPort}`,
    `  protocol          = "${protocol}"`,
    `  cidr_blocks       = ["${cidr}"]`,
    '  security_group_id = aws_security_group.db.id',
    '}',
  );

describe('Ingress opened on a data store\'s own port attribute', () => {
  it('reports a Terraform rule on aws_db_instance.<name>.port or the rds module\'s db_instance_port', () => {
    assert.deepEqual(findings('main.tf', terraformRule('aws_db_instance.ledger.port')), ['14:"0.0.0.0/0" rds-open-ingress!']);
    assert.deepEqual(findings('main.tf', terraformRule('module.ledger_db.db_instance_port')), ['14:"0.0.0.0/0" rds-open-ingress!']);
    const inline = sourceLines(
      'resource "aws_security_group" "cache" {',
      '  ingress {',
      '    from_port   = aws_elasticache_replication_group.sessions.port',
      '    to_port     = aws_elasticache_replication_group.sessions.port',
      '    protocol    = "tcp"',
      '    cidr_blocks = ["0.0.0.0/0"]',
      '  }',
      '}',
    );
    assert.deepEqual(findings('cache.tf', inline), ['6:"0.0.0.0/0" elasticache-open-ingress!']);
  });

  it('stays silent on a narrow source, another port attribute, different ports and UDP', () => {
    assert.deepEqual(findings('main.tf', terraformRule('aws_db_instance.ledger.port', '10.0.0.0/16')), []);
    assert.deepEqual(findings('main.tf', terraformRule('aws_lb.front.port')), []);
    assert.deepEqual(findings('main.tf', terraformRule('aws_db_instance.ledger.port', '0.0.0.0/0', 'tcp', 'var.last_port')), []);
    assert.deepEqual(findings('main.tf', terraformRule('aws_db_instance.ledger.port', '0.0.0.0/0', 'udp')), []);
  });

  it('reports a CloudFormation rule on a database\'s Endpoint.Port, not on a Redshift cluster\'s nor on an address', () => {
    const template = (port: string, dbType = 'AWS::RDS::DBInstance'): string =>
      sourceLines(
        'Resources:',
        '  Ledger:',
        `    Type: ${dbType}`,
        '    Properties:',
        '      Engine: postgres',
        '      StorageEncrypted: true',
        '      VPCSecurityGroups: [!Ref LedgerSg]',
        '  LedgerSg:',
        '    Type: AWS::EC2::SecurityGroup',
        '    Properties:',
        '      GroupDescription: ledger database',
        '      SecurityGroupIngress:',
        '        - IpProtocol: tcp',
        `          FromPort: ${port}`,
        `          ToPort: ${port}`,
        '          CidrIp: 0.0.0.0/0',
      );
    assert.deepEqual(findings('template.yaml', template('!GetAtt Ledger.Endpoint.Port')), ['16:0.0.0.0/0 rds-open-ingress!']);
    assert.deepEqual(findings('template.yaml', template('!GetAtt Ledger.Endpoint.Port', 'AWS::Redshift::Cluster')), []);
    assert.deepEqual(findings('template.yaml', template('!GetAtt Ledger.Endpoint.Address')), []);
  });
});
