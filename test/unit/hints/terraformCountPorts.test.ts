/**
 * An `aws_security_group_rule` made once per port of a list (`count = length(var.db_ports)`, `from_port =
 * element(var.db_ports, count.index)` or `var.db_ports[count.index]`): each instance opens its own port, so a
 * database or cache port among them, open to the internet, is reported once at the rule's open block.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(code: string): string[] {
  return hintsIn('main.tf', code)
    .filter((hint) => hint.endsWith('!'))
    .map((hint) => hint.slice(0, -1));
}

const rule = (ports: string, from: string, to = from): string =>
  sourceLines(
    'variable "ports" {',
    `  default = ${ports}`,
    '}',
    'resource "aws_security_group_rule" "db_in" {',
    '  count             = length(var.ports)',
    '  type              = "ingress"',
    '  protocol          = "tcp"',
    `  from_port         = ${from}`,
    `  to_port           = ${to}`,
    '  cidr_blocks       = ["0.0.0.0/0"]',
    '  security_group_id = aws_security_group.db.id',
    '}',
  );

describe('Terraform rule resources made once per port of a list', () => {
  it('reads each port of the list, written as strings or numbers, indexed with element() or brackets', () => {
    assert.deepEqual(findings(rule('["22", "3306"]', 'element(var.ports, count.index)')), ['10:"0.0.0.0/0" rds-open-ingress']);
    assert.deepEqual(findings(rule('[22, 6379]', 'var.ports[count.index]')), ['10:"0.0.0.0/0" elasticache-open-ingress']);
    assert.deepEqual(findings(rule('[5432, 3306, 6379]', 'element(var.ports, count.index)')), ['10:"0.0.0.0/0" elasticache-open-ingress', '10:"0.0.0.0/0" rds-open-ingress']);
  });

  it('reads nothing of a list without a database or cache port, of ends that index different lists, or of an unknown list', () => {
    assert.deepEqual(findings(rule('["22", "80", "443"]', 'element(var.ports, count.index)')), []);
    assert.deepEqual(findings(rule('["22", "3306"]', 'element(var.ports, count.index)', 'element(var.other_ports, count.index)')), []);
    assert.deepEqual(findings(rule('["22", "3306"]', 'element(var.ports, 0)')), []);
    assert.deepEqual(findings(rule('["22", "3306"]', 'element(var.ports, count.index)').replace('default = ["22", "3306"]', 'type = list(string)')), []);
  });
});
