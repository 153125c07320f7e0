/** rds-open-ingress and elasticache-open-ingress on the inline rules of a VPC's default security group that Terraform adopts (`aws_default_security_group`). */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (code: string): string[] => hintsIn('main.tf', code).filter((hint) => hint.endsWith('open-ingress!'));

/** A VPC whose default group admits `cidr` on `port`, beside the default rule that admits the group itself. */
const defaultGroup = (port: number, cidr: string): string[] => [
  'resource "aws_vpc" "main" {',
  '  cidr_block = "10.0.0.0/16"',
  '}',
  'resource "aws_default_security_group" "default" {',
  '  vpc_id = aws_vpc.main.id',
  '  ingress {',
  '    protocol    = "tcp"',
  `    from_port   = ${port}`,
  `    to_port     = ${port}`,
  `    cidr_blocks = ["${cidr}"]`, // 10
  '  }',
  '  ingress {',
  '    protocol  = -1',
  '    self      = true',
  '    from_port = 0',
  '    to_port   = 0',
  '  }',
  '}',
];

describe('a VPC default security group that Terraform adopts', () => {
  it('reports its inline rule open to every address on the port of the database that uses it', () => {
    const code = sourceLines(
      ...defaultGroup(5432, '0.0.0.0/0'),
      'resource "aws_db_instance" "orders" {',
      '  engine                 = "postgres"',
      '  storage_encrypted      = true',
      '  vpc_security_group_ids = [aws_default_security_group.default.id]',
      '}',
    );
    assert.deepEqual(findings(code), ['10:"0.0.0.0/0" rds-open-ingress!']);
  });

  it('reports it on the cache port for a replication group that uses it', () => {
    const code = sourceLines(
      ...defaultGroup(6379, '0.0.0.0/0'),
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  description                = "sessions"',
      '  engine                     = "redis"',
      '  transit_encryption_enabled = true',
      '  at_rest_encryption_enabled = true',
      '  security_group_ids         = [aws_default_security_group.default.id]',
      '}',
    );
    assert.deepEqual(findings(code), ['10:"0.0.0.0/0" elasticache-open-ingress!']);
  });

  it('stays silent on a private range, and on a default group that only a load balancer uses', () => {
    const database = ['resource "aws_db_instance" "orders" {', '  engine                 = "postgres"', '  storage_encrypted      = true', '  vpc_security_group_ids = [aws_default_security_group.default.id]', '}'];
    assert.deepEqual(findings(sourceLines(...defaultGroup(5432, '10.0.0.0/16'), ...database)), []);
    const web = sourceLines(
      ...defaultGroup(0, '0.0.0.0/0').map((line) => line.replace('protocol    = "tcp"', 'protocol    = "-1"')),
      'resource "aws_lb" "web" {',
      '  security_groups = [aws_default_security_group.default.id]',
      '}',
    );
    assert.deepEqual(findings(web), []);
  });
});
