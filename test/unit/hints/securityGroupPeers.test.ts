/**
 * A security group that a database or cache module names as the peer its rules admit (`allowed_security_groups`,
 * `allowed_security_group_ids`, a rule object's `source_security_group_id`) is the clients' group: that attaches it to
 * nothing, so its own broad rule opens no database port. A group the module joins (`vpc_security_group_ids`) still does.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const RULES = ['rds-open-ingress', 'elasticache-open-ingress'];
const findings = (code: string): string[] => hintsIn('main.tf', code).filter((hint) => RULES.some((rule) => hint.endsWith(`${rule}!`)));

const appGroup = sourceLines(
  'module "app_sg" {',
  '  source = "terraform-aws-modules/security-group/aws"',
  '  name   = "app"',
  '  vpc_id = var.vpc_id',
  '  ingress_with_cidr_blocks = [{',
  '    from_port   = 80',
  '    to_port     = 8000',
  '    protocol    = "tcp"',
  '    cidr_blocks = "0.0.0.0/0"',
  '  }]',
  '}',
);
const database = (groupArgument: string): string =>
  sourceLines(
    'module "db" {',
    '  source         = "terraform-aws-modules/rds-aurora/aws"',
    '  name           = "orders"',
    '  engine         = "aurora-postgresql"',
    `  ${groupArgument} = [module.app_sg.security_group_id]`,
    '}',
  );
const cache = sourceLines(
  'module "redis" {',
  '  source  = "cloudposse/elasticache-redis/aws"',
  '  name    = "sessions"',
  '  allowed_security_group_ids = [module.app_sg.security_group_id]',
  '  security_group_rules = [',
  '    {',
  '      type                     = "ingress"',
  '      from_port                = 0',
  '      to_port                  = 65535',
  '      protocol                 = "-1"',
  '      source_security_group_id = module.app_sg.security_group_id',
  '    },',
  '  ]',
  '}',
);

describe('security groups named as the peer a rule admits', () => {
  it("leaves the clients' group's broad rule alone where the database and cache modules only admit it", () => {
    assert.deepEqual(findings(sourceLines(appGroup, database('allowed_security_groups'), cache)), []);
  });

  it('reports it where a module joins the group, or where nothing admits it', () => {
    assert.deepEqual(findings(sourceLines(appGroup, database('vpc_security_group_ids'))), ['9:"0.0.0.0/0" rds-open-ingress!']);
    assert.deepEqual(findings(sourceLines(appGroup, database('subnets'))), ['9:"0.0.0.0/0" rds-open-ingress!']);
  });

  it('reads the peers the same way when the modules are in another file of the folder', () => {
    const files = { 'infra/groups.tf': appGroup, 'infra/data.tf': sourceLines(database('allowed_security_groups'), cache) };
    assert.deepEqual(hintsOfFile(files, 'infra/groups.tf').filter((hint) => RULES.some((rule) => hint.endsWith(`${rule}!`))), []);
  });

  it("reads a rule resource's source_security_group_id as the clients' group, as a template's inline rules are read", () => {
    const code = (admitted: boolean): string =>
      sourceLines(
        'resource "aws_security_group" "app" {',
        '  name = "orders"',
        '  ingress {',
        '    from_port   = 0',
        '    to_port     = 65535',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        '  }',
        '}',
        'resource "aws_security_group" "data" {',
        '  name = "orders-data"',
        '}',
        'resource "aws_security_group_rule" "from_app" {',
        '  type                     = "ingress"',
        '  from_port                = 5432',
        '  to_port                  = 5432',
        '  protocol                 = "tcp"',
        '  security_group_id        = aws_security_group.data.id',
        `  ${admitted ? 'source_security_group_id' : 'description             '} = aws_security_group.app.id`,
        '}',
        'resource "aws_db_instance" "orders" {',
        '  engine                 = "postgres"',
        '  vpc_security_group_ids = [aws_security_group.data.id]',
        '}',
      );
    assert.deepEqual(findings(code(true)), []);
    assert.deepEqual(findings(code(false)), ['7:"0.0.0.0/0" rds-open-ingress!']);
  });
});

