/**
 * Security groups whose own names say they serve something that holds no data (a load balancer, a proxy, a
 * bastion): every port open to the internet on such a group, which the document attaches to nothing, is not a
 * database or cache port left open. A data word in the names, a use by a data store, or a database's own port
 * keeps the finding.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith('open-ingress!'));

const terraform = (label: string, names: string[], port = '0', toPort = '65535', ...more: string[]): string =>
  sourceLines(
    `resource "aws_security_group" "${label}" {`,
    '  vpc_id = var.vpc_id',
    ...names,
    '  ingress {',
    `    from_port   = ${port}`,
    `    to_port     = ${toPort}`,
    '    protocol    = "tcp"',
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '}',
    ...more,
  );

const template = (logicalId: string, description: string, port = '-1'): string =>
  sourceLines(
    'Resources:',
    `  ${logicalId}:`,
    '    Type: AWS::EC2::SecurityGroup',
    '    Properties:',
    `      GroupDescription: ${description}`,
    '      SecurityGroupIngress:',
    `        - IpProtocol: "${port === '-1' ? '-1' : 'tcp'}"`,
    `          FromPort: ${port === '-1' ? 0 : port}`,
    `          ToPort: ${port === '-1' ? 65535 : port}`,
    '          CidrIp: 0.0.0.0/0',
  );

describe('Security groups named for what they serve', () => {
  it('says nothing of every port open on a Terraform group named for a load balancer or a bastion', () => {
    assert.deepEqual(findings('main.tf', terraform('alb', [])), []);
    assert.deepEqual(findings('main.tf', terraform('edge', ['  name        = "edge"', '  description = "Bastion hosts for operators"'])), []);
    assert.ok(findings('main.tf', terraform('edge', ['  name = "edge"'])).length > 0, 'no role in the names');
  });

  it('keeps the finding for a data word, a database port, a rule resource of its own name, and a group a database uses', () => {
    assert.ok(findings('main.tf', terraform('alb', ['  description = "ALB and the Postgres clients"'])).length > 0, 'a data word');
    assert.deepEqual(findings('main.tf', terraform('alb', [], '5432', '5432')), ['7:"0.0.0.0/0" rds-open-ingress!']);
    const used = terraform('alb', [], '0', '65535', 'resource "aws_db_instance" "db" {', '  engine                 = "postgres"', '  vpc_security_group_ids = [aws_security_group.alb.id]', '}');
    assert.ok(findings('main.tf', used).includes('7:"0.0.0.0/0" rds-open-ingress!'), 'given to a database');
    // The rule's own label (`allow_lb`) names the rule, not the group it joins.
    const rule = sourceLines(
      'resource "aws_security_group" "shared" {',
      '  vpc_id = var.vpc_id',
      '}',
      'resource "aws_security_group_rule" "allow_lb" {',
      '  type              = "ingress"',
      '  from_port         = 0',
      '  to_port           = 65535',
      '  protocol          = "tcp"',
      '  cidr_blocks       = ["0.0.0.0/0"]',
      '  security_group_id = aws_security_group.shared.id',
      '}',
    );
    assert.ok(findings('main.tf', rule).length > 0);
    assert.deepEqual(findings('main.tf', rule.replace(/shared/g, 'nginx_proxy')), []);
  });

  it('reads a CloudFormation group by its logical id and description', () => {
    assert.deepEqual(findings('template.yaml', template('LoadBalancerSecurityGroup', 'Public entry')), []);
    assert.deepEqual(findings('template.yaml', template('EdgeGroup', 'Security group for the NAT instances')), []);
    assert.ok(findings('template.yaml', template('EdgeGroup', 'Public entry')).length > 0);
    assert.ok(findings('template.yaml', template('LoadBalancerSecurityGroup', 'Public entry', '6379')).includes('10:0.0.0.0/0 elasticache-open-ingress!'));
  });
});
