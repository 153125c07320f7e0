/**
 * A group made by the terraform-aws-modules security-group module is `module.<name>`: its every-port or
 * broad rules get no open-ingress finding when the module folder attaches the group
 * (`module.<name>.security_group_id`) only to resources that are not databases or caches (container
 * instances, a search domain), in the same file or in another file of the folder; a group given to a
 * database, a module that may hold one, or to nothing, is still reported, and a rule aimed at one engine's
 * port always is.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { contributionOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** A security-group module named `name` with the named rules `rules` open to the CIDR blocks of a variable whose default is the internet. */
function groupModule(name: string, rules: string): string {
  return lines(
    'variable "allowed_cidrs" {',
    '  type    = list(string)',
    '  default = ["0.0.0.0/0"]',
    '}',
    `module "${name}" {`,
    '  source              = "terraform-aws-modules/security-group/aws"',
    '  version             = "4.3.0"',
    `  name                = "${name}"`,
    '  vpc_id              = var.vpc_id',
    '  ingress_cidr_blocks = var.allowed_cidrs',
    `  ingress_rules       = ${rules}`,
    '  egress_rules        = ["all-all"]',
    '}',
  );
}

const INSTANCES = lines(
  'resource "aws_launch_template" "hosts" {',
  '  name_prefix            = "hosts-"',
  '  vpc_security_group_ids = concat([module.hosts-sg.security_group_id], var.extra_groups)',
  '}',
);

const SEARCH = lines(
  'resource "aws_opensearch_domain" "logs" {',
  '  domain_name = "logs"',
  '  vpc_options {',
  '    security_group_ids = ["${module.hosts-sg.security_group_id}"]',
  '  }',
  '}',
);

const DATABASE = lines(
  'resource "aws_db_instance" "orders" {',
  '  engine                 = "postgres"',
  '  storage_encrypted      = true',
  '  vpc_security_group_ids = [module.hosts-sg.security_group_id]',
  '}',
);

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, 'terraform', text))));
  return built;
}

/** The open-ingress findings of `file` as `line rule`, judged with the workspace of `files` (alone without). */
function openIngress(files: Record<string, string>, file: string, workspace = true): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: workspace ? model(files) : undefined });
  return result.findings.filter((finding) => finding.ruleId.endsWith('-open-ingress')).map((finding) => `${files[file].slice(0, finding.start).split('\n').length} ${finding.ruleId}`);
}

const EVERY_PORT = '["all-tcp", "all-udp"]';
const REPORTED = ['10 elasticache-open-ingress', '10 rds-open-ingress'];

describe('Terraform groups made by the security-group module', () => {
  it('records the module group a file attaches, by the module name with its hyphens', () => {
    assert.deepEqual(contributionOf('ecs/hosts.tf', INSTANCES)?.groupUses, { 'module.hosts-sg': 0 });
    assert.deepEqual(contributionOf('ecs/db.tf', DATABASE)?.groupUses, { 'module.hosts-sg': 1 });
  });

  it('says nothing of every port open on a module group the folder gives only to instances or a search domain', () => {
    const group = groupModule('hosts-sg', EVERY_PORT);
    assert.deepEqual(openIngress({ 'ecs/main.tf': lines(group, INSTANCES) }, 'ecs/main.tf', false), []);
    assert.deepEqual(openIngress({ 'ecs/main.tf': lines(group, SEARCH) }, 'ecs/main.tf', false), []);
    assert.deepEqual(openIngress({ 'ecs/security.tf': group, 'ecs/hosts.tf': INSTANCES }, 'ecs/security.tf'), []);
  });

  it('still reports a module group given to a database, used nowhere, or aimed at one engine', () => {
    const group = groupModule('hosts-sg', EVERY_PORT);
    assert.deepEqual(openIngress({ 'ecs/main.tf': lines(group, INSTANCES, DATABASE) }, 'ecs/main.tf', false), ['10 rds-open-ingress']);
    assert.deepEqual(openIngress({ 'ecs/security.tf': group, 'ecs/hosts.tf': INSTANCES, 'ecs/db.tf': DATABASE }, 'ecs/security.tf'), ['10 rds-open-ingress']);
    assert.deepEqual(openIngress({ 'ecs/main.tf': group }, 'ecs/main.tf'), REPORTED, 'a group nothing attaches (an output only)');
    // Another module's name that only starts like the group's is not the group.
    assert.deepEqual(openIngress({ 'ecs/main.tf': lines(group, INSTANCES.replace('module.hosts-sg', 'module.hosts')) }, 'ecs/main.tf', false), REPORTED);
    // A module that may hold a database (not in the workspace) keeps the finding.
    const registry = lines('module "db" {', '  source                 = "terraform-aws-modules/rds/aws"', '  vpc_security_group_ids = [module.hosts-sg.security_group_id]', '}');
    assert.deepEqual(openIngress({ 'ecs/main.tf': lines(group, INSTANCES, registry) }, 'ecs/main.tf', false), ['10 rds-open-ingress']);
    const postgres = groupModule('hosts-sg', '["postgresql-tcp"]');
    assert.deepEqual(openIngress({ 'ecs/main.tf': lines(postgres, INSTANCES) }, 'ecs/main.tf', false), ['10 rds-open-ingress']);
  });
});
