/** rds-open-ingress on a Terraform security group's `ingress = [{ ... }]`, the attribute form of its ingress blocks. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (code: string): string[] => hintsIn('main.tf', code).filter((hint) => hint.endsWith('!'));

const group = (ingress: string[], egress: string[] = []): string =>
  sourceLines(
    'resource "aws_security_group" "db" {',
    '  name = "orders-db"',
    ...ingress,
    ...egress,
    '}',
    'resource "aws_db_instance" "orders" {',
    '  engine                 = "postgres"',
    '  storage_encrypted      = true',
    '  vpc_security_group_ids = [aws_security_group.db.id]',
    '}',
  );

const rule = (port: number, cidr: string): string[] => [
  `    { description = "db", from_port = ${port}, to_port = ${port}, protocol = "tcp", cidr_blocks = ["${cidr}"], ipv6_cidr_blocks = [], prefix_list_ids = [], security_groups = [], self = false },`,
];

describe('Terraform security group ingress in attribute form', () => {
  it('reports each open object of the list, written in place or in a local', () => {
    assert.deepEqual(findings(group(['  ingress = [', ...rule(5432, '0.0.0.0/0'), ...rule(22, '10.0.0.0/8'), '  ]'])), ['4:"0.0.0.0/0" rds-open-ingress!', '8:"orders" rds-deletion-protection!', '8:"orders" rds-multi-az!']);
    const local = sourceLines('locals {', '  db_ingress = [', ...rule(5432, '0.0.0.0/0'), '  ]', '}', group(['  ingress = local.db_ingress']));
    assert.deepEqual(findings(local), ['3:"0.0.0.0/0" rds-open-ingress!', '10:"orders" rds-deletion-protection!', '10:"orders" rds-multi-az!']);
  });

  it('stays silent on a narrow range, on egress, and on a for expression or an unknown list', () => {
    assert.deepEqual(findings(group(['  ingress = [', ...rule(5432, '10.0.0.0/16'), '  ]'])), ['7:"orders" rds-deletion-protection!', '7:"orders" rds-multi-az!']);
    assert.deepEqual(findings(group([], ['  egress = [', ...rule(0, '0.0.0.0/0'), '  ]'])), ['7:"orders" rds-deletion-protection!', '7:"orders" rds-multi-az!']);
    assert.deepEqual(findings(group(['  ingress = [for cidr in var.cidrs : { from_port = 5432, to_port = 5432, protocol = "tcp", cidr_blocks = [cidr] }]'])), ['5:"orders" rds-deletion-protection!', '5:"orders" rds-multi-az!']);
    assert.deepEqual(findings(group(['  ingress = var.ingress'])), ['5:"orders" rds-deletion-protection!', '5:"orders" rds-multi-az!']);
  });
});
