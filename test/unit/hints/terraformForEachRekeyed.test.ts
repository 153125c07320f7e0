/**
 * `for_each = { for rule in var.rules : rule.name => rule }`: a `for` expression that only rekeys a list (or a map)
 * keeps its elements, so `each.value.x` reads them as it reads a collection written as the `for_each` itself.
 * One that filters, groups or computes its values keeps them unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findingsIn = (code: string): string[] => hintsIn('main.tf', code).filter((hint) => hint.endsWith('!'));

const rules = (forEach: string): string =>
  sourceLines(
    'variable "db_rules" {',
    '  default = [',
    '    { name = "vpn", cidr = "10.8.0.0/16", port = 5432 },',
    '    { name = "anyone", cidr = "0.0.0.0/0", port = 5432 },',
    '  ]',
    '}',
    'resource "aws_security_group_rule" "db" {',
    `  for_each          = ${forEach}`,
    '  type              = "ingress"',
    '  from_port         = each.value.port',
    '  to_port           = each.value.port',
    '  protocol          = "tcp"',
    '  cidr_blocks       = [each.value.cidr]',
    '  security_group_id = "sg-0"',
    '}',
  );

describe('Terraform for_each over a for expression that rekeys a collection', () => {
  it('reads the elements of a list rekeyed by an attribute, a key built from several, or by index', () => {
    for (const forEach of ['{ for rule in var.db_rules : rule.name => rule }', '{ for rule in var.db_rules : "${rule.name}-${rule.port}" => rule }', '{ for i, rule in var.db_rules : i => rule }']) {
      assert.deepEqual(findingsIn(rules(forEach)), ['13:each.value.cidr rds-open-ingress!'], forEach);
    }
  });

  it('reads a map rekeyed with its own keys, for a resource argument', () => {
    const code = sourceLines(
      'locals {',
      '  tenants = {',
      '    acme   = { public = true }',
      '    globex = { public = true }',
      '  }',
      '}',
      'resource "aws_db_instance" "tenant" {',
      '  for_each            = { for name, tenant in local.tenants : name => tenant }',
      '  engine              = "postgres"',
      '  instance_class      = "db.t3.small"',
      '  storage_encrypted   = true',
      '  publicly_accessible = each.value.public',
      '}',
    );
    assert.deepEqual(findingsIn(code), ['7:"tenant" rds-deletion-protection!', '7:"tenant" rds-multi-az!', '12:publicly_accessible rds-publicly-accessible!']);
  });

  it('stays silent where the for expression filters, groups, computes its value or reads a conditional', () => {
    for (const forEach of [
      '{ for rule in var.db_rules : rule.name => rule if rule.name != "anyone" }',
      '{ for rule in var.db_rules : rule.name => rule... }',
      '{ for rule in var.db_rules : rule.name => merge(rule, { cidr = "10.0.0.0/8" }) }',
      '{ for rule in var.db_rules : rule.name => other }',
      '{ for rule in (var.open ? var.db_rules : []) : rule.name => rule }',
      '{ for rule in var.open ? var.db_rules : [] : rule.name => rule }',
    ]) {
      assert.deepEqual(findingsIn(rules(forEach)), [], forEach);
    }
  });

  it('reads a dynamic ingress block over a rekeyed list', () => {
    const group = (forEach: string): string =>
      sourceLines(
        'locals {',
        '  cache_sources = [{ name = "office", cidr = "198.51.100.0/24" }, { name = "anyone", cidr = "0.0.0.0/0" }]',
        '}',
        'resource "aws_security_group" "cache" {',
        '  dynamic "ingress" {',
        `    for_each = ${forEach}`,
        '    content {',
        '      from_port   = 6379',
        '      to_port     = 6379',
        '      protocol    = "tcp"',
        '      cidr_blocks = [ingress.value.cidr]',
        '    }',
        '  }',
        '}',
      );
    assert.deepEqual(findingsIn(group('{ for source in local.cache_sources : source.name => source }')), ['11:ingress.value.cidr elasticache-open-ingress!']);
    assert.deepEqual(findingsIn(group('{ for source in local.cache_sources : source.name => source if source.name == "office" }')), []);
  });
});
