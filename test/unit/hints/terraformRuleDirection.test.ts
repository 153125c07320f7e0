/**
 * An `aws_security_group_rule` over a `for_each` of rule objects takes its direction from each element
 * (`type = each.value.type`): an ingress element open to the internet on a database port is reported, and an
 * egress element is not.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(code: string): string[] {
  return hintsIn('main.tf', code)
    .filter((hint) => hint.endsWith('!'))
    .map((hint) => hint.slice(0, -1));
}

describe('Terraform rule resources whose direction each element gives', () => {
  it('reads type = each.value.type per element, from a variable default or a local map', () => {
    const code = sourceLines(
      'variable "rules" {',
      '  default = {',
      '    mysql_in   = { type = "ingress", port = 3306, cidr = "0.0.0.0/0" }',
      '    mysql_out  = { type = "egress", port = 3306, cidr = "0.0.0.0/0" }',
      '    office_in  = { type = "ingress", port = 5432, cidr = "192.0.2.0/24" }',
      '  }',
      '}',
      'resource "aws_security_group_rule" "db" {',
      '  for_each          = var.rules',
      '  type              = each.value.type',
      '  security_group_id = aws_security_group.db.id',
      '  protocol          = "tcp"',
      '  from_port         = each.value.port',
      '  to_port           = each.value.port',
      '  cidr_blocks       = [each.value.cidr]',
      '}',
    );
    assert.deepEqual(findings(code), ['15:each.value.cidr rds-open-ingress']);
    assert.deepEqual(findings(code.replace('mysql_in   = { type = "ingress"', 'mysql_in   = { type = "egress"')), [], 'egress only');
  });

  it('reads nothing where the direction is unknown', () => {
    const code = sourceLines(
      'resource "aws_security_group_rule" "db" {',
      '  for_each    = var.rules_from_elsewhere',
      '  type        = each.value.type',
      '  protocol    = "tcp"',
      '  from_port   = 3306',
      '  to_port     = 3306',
      '  cidr_blocks = ["0.0.0.0/0"]',
      '}',
    );
    assert.deepEqual(findings(code), []);
  });
});
