/**
 * Terraform variable definitions files: the values `terraform.tfvars` and `*.auto.tfvars` give a root
 * module's variables stand before their defaults, and a variable that a file loaded only on request
 * (`-var-file`) sets is unknown, as is one a `.tfvars` file of a values folder below the module, or beside it in a
 * project's folder, sets.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind, isAnalysedKind } from '../../../src/hints/engine/documentKinds';
import { WRITTEN_SECRET } from '../../../src/hints/engine/workspace/contribution';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { contributionOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const DATABASE = lines(
  'resource "aws_db_instance" "shared" {',
  '  identifier        = "shared"',
  '  engine            = var.engine',
  '  engine_version    = var.engine_version',
  '  storage_encrypted = var.encrypted',
  '  multi_az          = true',
  '  deletion_protection = true',
  '}',
);

const VARIABLES = lines(
  'variable "engine" {',
  '  type    = string',
  '  default = "mysql"',
  '}',
  'variable "engine_version" {',
  '  default = "8.0.32"',
  '}',
  'variable "encrypted" {',
  '  default = true',
  '}',
);

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, documentKind(undefined, file)!, text))));
  return built;
}

/** The findings of `file` among `files`, judged in workspace mode. */
function findings(files: Record<string, string>, file: string): string[] {
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: model(files) });
  return result.findings.map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}`).sort();
}

const EXTENDED = ['4 rds-engine-version-extended-support'];

describe('Terraform .tfvars files', () => {
  it('are read by the workspace model only, with the variables they set', () => {
    assert.equal(documentKind(undefined, 'stacks/db/terraform.tfvars'), 'tfvars');
    assert.ok(!isAnalysedKind('tfvars'));
    const { secretsAt, ...read } = contributionOf('stacks/db/terraform.tfvars', lines('engine = "postgres"', 'ports = [5432, 5433]', 'tags = { team = "data" }', 'db_password = "hunter2-literal"', 'name = "${var.env}-db"'))!.tfvars!;
    assert.deepEqual(read, {
      loadedByItself: true,
      assignments: { engine: 'postgres', ports: [5432, 5433], tags: null, db_password: WRITTEN_SECRET, name: null },
      objects: { tags: { team: 'data' } },
    });
    assert.deepEqual(Object.entries(secretsAt ?? {}).map(([name, at]) => [name, at.line]), [['db_password', 3]]);
    assert.equal(contributionOf('stacks/db/prod.tfvars', lines('engine = "postgres"'))?.tfvars?.loadedByItself, false);
    assert.equal(contributionOf('stacks/db/override.auto.tfvars', lines('engine = "postgres"'))?.tfvars?.loadedByItself, true);
  });

  it('give the value terraform.tfvars sets instead of the default, in another file or the same one', () => {
    const defaults = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES };
    assert.deepEqual(findings(defaults, 'db/main.tf'), EXTENDED, 'the defaults name MySQL 8.0');
    const postgres = { ...defaults, 'db/terraform.tfvars': lines('engine         = "postgres"', 'engine_version = "16.4"') };
    assert.deepEqual(findings(postgres, 'db/main.tf'), []);
    const together = { 'db/main.tf': lines(DATABASE, VARIABLES), 'db/terraform.tfvars': postgres['db/terraform.tfvars'] };
    assert.deepEqual(findings(together, 'db/main.tf'), []);
    const older = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES.replace('"mysql"', '"postgres"').replace('"8.0.32"', '"16.4"'), 'db/terraform.tfvars': lines('engine = "mysql"', 'engine_version = "8.0.36"', 'encrypted = false') };
    assert.deepEqual(findings(older, 'db/main.tf'), ['4 rds-engine-version-extended-support', '5 rds-storage-encrypted']);
  });

  it('let a later *.auto.tfvars file win over terraform.tfvars', () => {
    const files = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES, 'db/terraform.tfvars': lines('engine_version = "8.0.32"'), 'db/zz.auto.tfvars': lines('engine_version = "8.4.3"') };
    assert.deepEqual(findings(files, 'db/main.tf'), []);
    const earlier = { ...files, 'db/zz.auto.tfvars': lines('engine_version = "8.4.3"'), 'db/terraform.tfvars': lines('engine_version = "8.0.32"'), 'db/aa.auto.tfvars': lines('engine_version = "5.7.44"') };
    assert.deepEqual(findings(earlier, 'db/main.tf'), [], 'the last in name order wins');
    const later = { ...files, 'db/terraform.tfvars': lines('engine_version = "8.4.3"'), 'db/zz.auto.tfvars': lines('engine_version = "8.0.32"') };
    assert.deepEqual(findings(later, 'db/main.tf'), EXTENDED);
  });

  it('leave a variable unknown where a file loaded on request or a value not written out sets it, and apply to their own folder only', () => {
    const defaults = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES };
    const onRequest = { ...defaults, 'db/prod.tfvars': lines('engine_version = "8.4.3"'), 'db/dev.tfvars': lines('engine_version = "8.0.32"') };
    assert.deepEqual(findings(onRequest, 'db/main.tf'), [], 'a plan names one -var-file or another');
    const beside = { ...defaults, 'db/prod.tfvars': lines('engine_version = "8.4.3"'), 'db/terraform.tfvars': lines('region = "eu-west-1"') };
    assert.deepEqual(findings(beside, 'db/main.tf'), [], 'a plan may leave the -var-file out and keep the default');
    assert.deepEqual(findings({ ...defaults, 'db/terraform.tfvars': lines('engine_version = local.version') }, 'db/main.tf'), []);
    assert.deepEqual(findings({ ...defaults, 'other/terraform.tfvars': lines('engine = "postgres"') }, 'db/main.tf'), EXTENDED);
    assert.deepEqual(findings({ ...defaults, 'db/terraform.tfvars': lines('region = "eu-west-1"') }, 'db/main.tf'), EXTENDED, 'another variable');
  });

  it('take the value of the one file loaded on request that a module folder holds, the only one a plan there can name', () => {
    const defaults = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES.replace('"mysql"', '"postgres"').replace('"8.0.32"', '"16.4"') };
    assert.deepEqual(findings({ ...defaults, 'db/rds.tfvars': lines('engine = "postgres"', 'engine_version = "12.4"') }, 'db/main.tf'), ['4 rds-engine-version-extended-support']);
    const below = { ...defaults, 'db/rds.tfvars': lines('engine_version = "12.4"'), 'db/envs/prod.tfvars': lines('region = "eu-west-1"') };
    assert.deepEqual(findings(below, 'db/main.tf'), [], 'a values folder below holds another file to name');
    assert.deepEqual(findings({ ...defaults, 'rds.tfvars': lines('engine_version = "12.4"') }, 'db/main.tf'), [], 'a file of another folder');
  });

  it('count the files of a values folder below the module (no variable declared there) as loaded on request by the module', () => {
    const defaults = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES };
    assert.deepEqual(findings({ ...defaults, 'db/dev/small.tfvars': lines('engine_version = "8.4.3"') }, 'db/main.tf'), [], 'a plan may pass -var-file=dev/small.tfvars');
    assert.deepEqual(findings({ ...defaults, 'db/envs/prod/terraform.tfvars': lines('engine_version = "8.4.3"') }, 'db/main.tf'), [], 'two folders down, under any file name');
    const encrypted = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES.replace('default = true', 'default = false') };
    assert.deepEqual(findings(encrypted, 'db/main.tf'), [...EXTENDED, '5 rds-storage-encrypted']);
    assert.deepEqual(findings({ ...encrypted, 'db/prod/large.tfvars': lines('encrypted = true') }, 'db/main.tf'), EXTENDED, 'another variable keeps its default');
  });

  it('count the files of an environment folder beside the module in a project’s folder as loaded on request by it', () => {
    // service/terraform/ is planned with -var-file=../prod/terraform.tfvars (the shape of per-environment folders).
    const module = { 'orders/terraform/main.tf': DATABASE, 'orders/terraform/variables.tf': VARIABLES.replace('default = true', 'default = false') };
    assert.deepEqual(findings(module, 'orders/terraform/main.tf'), [...EXTENDED, '5 rds-storage-encrypted'], 'the defaults alone');
    const environments = {
      ...module,
      'orders/prod/terraform.tfvars': lines('engine = "postgres"', 'engine_version = "16.4"', 'encrypted = true'),
      'orders/prod/backend.conf': lines('key = "orders/prod"'),
      'orders/test/terraform.tfvars': lines('engine = "postgres"', 'engine_version = "16.4"', 'encrypted = true'),
    };
    assert.deepEqual(findings(environments, 'orders/terraform/main.tf'), [], 'each environment may set its own values');
    const versionOnly = { ...module, 'orders/prod/terraform.tfvars': lines('engine_version = "16.4"') };
    assert.deepEqual(findings(versionOnly, 'orders/terraform/main.tf'), ['5 rds-storage-encrypted'], 'a variable no environment sets keeps its default');
    const otherModule = { ...module, 'orders/prod/terraform.tfvars': lines('engine_version = "16.4"'), 'orders/cache/variables.tf': lines('variable "node_type" {', '  default = "cache.t4g.small"', '}') };
    assert.deepEqual(findings(otherModule, 'orders/terraform/main.tf'), ['5 rds-storage-encrypted'], 'a sibling that does not declare the variable changes nothing');
  });

  it('leave the module above alone when the folder of the .tfvars file declares variables of its own (a root module)', () => {
    const defaults = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES };
    const root = { 'db/live/main.tf': lines('variable "engine_version" {', '  type = string', '}'), 'db/live/prod.tfvars': lines('engine_version = "8.4.3"') };
    assert.deepEqual(findings({ ...defaults, ...root }, 'db/main.tf'), EXTENDED);
    assert.deepEqual(findings({ ...defaults, 'other/dev/small.tfvars': lines('engine_version = "8.4.3"') }, 'db/main.tf'), EXTENDED, 'a values folder of another module');
  });
});

describe('Terraform .tfvars.json files', () => {
  const json = (values: Record<string, unknown>): string => `${JSON.stringify(values, null, 2)}\n`;

  it('are read by the workspace model only, with the variables their object sets', () => {
    assert.equal(documentKind(undefined, 'stacks/db/terraform.tfvars.json'), 'tfvars');
    assert.equal(documentKind('json', 'stacks/db/prod.auto.tfvars.json'), 'tfvars');
    assert.equal(documentKind(undefined, 'stacks/db/tfvars.json'), 'json', 'only the .tfvars.json suffix');
    assert.deepEqual(contributionOf('stacks/db/terraform.tfvars.json', json({ engine: 'postgres', ports: [5432, 5433], tags: { team: 'data' }, db_password: 'hunter2-literal', multi_az: true }))?.tfvars, {
      loadedByItself: true,
      assignments: { engine: 'postgres', ports: [5432, 5433], tags: null, db_password: WRITTEN_SECRET, multi_az: true },
      objects: { tags: { team: 'data' } },
    });
    assert.equal(contributionOf('stacks/db/override.auto.tfvars.json', json({ engine: 'postgres' }))?.tfvars?.loadedByItself, true);
    assert.equal(contributionOf('stacks/db/prod.tfvars.json', json({ engine: 'postgres' }))?.tfvars?.loadedByItself, false);
    assert.deepEqual(contributionOf('stacks/db/terraform.tfvars.json', '{ "engine": ')?.tfvars?.assignments ?? {}, {}, 'a file Terraform cannot read sets nothing');
    assert.deepEqual(contributionOf('stacks/db/terraform.tfvars.json', '["postgres"]')?.tfvars?.assignments ?? {}, {});
  });

  it('load after terraform.tfvars, and with the *.auto.tfvars files in name order', () => {
    const defaults = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES };
    assert.deepEqual(findings({ ...defaults, 'db/terraform.tfvars.json': json({ engine: 'postgres', engine_version: '16.4' }) }, 'db/main.tf'), []);
    const both = { ...defaults, 'db/terraform.tfvars': lines('engine_version = "8.4.3"'), 'db/terraform.tfvars.json': json({ engine_version: '8.0.32' }) };
    assert.deepEqual(findings(both, 'db/main.tf'), EXTENDED, 'terraform.tfvars.json wins over terraform.tfvars');
    const auto = { ...both, 'db/a.auto.tfvars.json': json({ engine_version: '8.4.3' }) };
    assert.deepEqual(findings(auto, 'db/main.tf'), [], 'an *.auto.tfvars.json file wins over both');
    const mixed = { ...auto, 'db/b.auto.tfvars': lines('engine_version = "8.0.36"') };
    assert.deepEqual(findings(mixed, 'db/main.tf'), EXTENDED, 'b.auto.tfvars comes after a.auto.tfvars.json');
    const reversed = { ...defaults, 'db/a.auto.tfvars': lines('engine_version = "8.0.36"'), 'db/b.auto.tfvars.json': json({ engine_version: '8.4.3' }) };
    assert.deepEqual(findings(reversed, 'db/main.tf'), []);
  });

  it('leave a variable unknown where a JSON file loaded on request sets it, or its value is not a single value', () => {
    const defaults = { 'db/main.tf': DATABASE, 'db/variables.tf': VARIABLES };
    assert.deepEqual(findings({ ...defaults, 'db/prod.tfvars.json': json({ engine_version: '8.4.3' }) }, 'db/main.tf'), []);
    assert.deepEqual(findings({ ...defaults, 'db/terraform.tfvars.json': json({ engine_version: { major: '8.0' } }) }, 'db/main.tf'), []);
    assert.deepEqual(findings({ ...defaults, 'db/terraform.tfvars.json': json({ encrypted: false }) }, 'db/main.tf'), [...EXTENDED, '5 rds-storage-encrypted']);
  });
});

describe('Terraform .tfvars files and security group sources', () => {
  const GROUP = lines(
    'variable "db_ingress_cidrs" {',
    '  type    = list(string)',
    '  default = ["10.0.0.0/16"]',
    '}',
    'variable "db_ingress_rules" {',
    '  type = list(string)',
    '}',
    'module "db_sg" {',
    '  source              = "terraform-aws-modules/security-group/aws"',
    '  name                = "orders-db"',
    '  ingress_rules       = var.db_ingress_rules',
    '  ingress_cidr_blocks = var.db_ingress_cidrs',
    '}',
  );

  it('read the rule names and CIDR blocks a .tfvars file gives a security group module', () => {
    const open = { 'db/sg.tf': GROUP, 'db/sg.auto.tfvars': lines('db_ingress_rules = ["mysql-tcp"]', 'db_ingress_cidrs = ["0.0.0.0/0"]') };
    assert.deepEqual(findings(open, 'db/sg.tf'), ['12 rds-open-ingress']);
  });

  it('stay silent where the .tfvars value narrows the default, is not written out, or names no database port', () => {
    const narrowed = { 'db/sg.tf': GROUP.replace('["10.0.0.0/16"]', '["0.0.0.0/0"]'), 'db/terraform.tfvars': lines('db_ingress_rules = ["mysql-tcp"]', 'db_ingress_cidrs = ["10.20.0.0/16"]') };
    assert.deepEqual(findings(narrowed, 'db/sg.tf'), []);
    const unknown = { ...narrowed, 'db/terraform.tfvars': lines('db_ingress_rules = ["mysql-tcp"]', 'db_ingress_cidrs = local.office_cidrs') };
    assert.deepEqual(findings(unknown, 'db/sg.tf'), []);
    const web = { 'db/sg.tf': GROUP, 'db/sg.auto.tfvars': lines('db_ingress_rules = ["https-443-tcp"]', 'db_ingress_cidrs = ["0.0.0.0/0"]') };
    assert.deepEqual(findings(web, 'db/sg.tf'), []);
  });
});

describe('Terraform .tfvars files and literal secrets', () => {
  const instance = lines(
    'variable "db_password" {',
    '  type      = string',
    '  sensitive = true',
    '}',
    'resource "aws_db_instance" "orders" {',
    '  engine            = "postgres"',
    '  storage_encrypted = true',
    '  password          = var.db_password',
    '  multi_az          = true',
    '  deletion_protection = true',
    '}',
  );

  it('keep only that a literal is written, which makes the master password that reads it a literal in source control', () => {
    assert.deepEqual(findings({ 'db/main.tf': instance, 'db/terraform.tfvars': lines('db_password = "Orders2024!"') }, 'db/main.tf'), ['8 rds-master-password']);
    assert.deepEqual(contributionOf('db/terraform.tfvars', lines('db_password = "Orders2024!"', 'api_token = ""'))?.tfvars?.assignments, { db_password: WRITTEN_SECRET, api_token: null });
    const files = { 'db/main.tf': instance, 'db/terraform.tfvars': lines('engine = "postgres"', 'db_password = "Orders2024!"') };
    const [finding] = analyzeText(instance, realHintRules(), { kind: 'terraform', fileName: 'db/main.tf', workspace: model(files) }).findings;
    assert.deepEqual(finding.related?.map((place) => [place.message, place.at.file, place.at.line]), [['Value from db/terraform.tfvars:2 (db_password = …)', 'db/terraform.tfvars', 1]], 'points at the literal, never quotes it');
  });

  it('count files loaded on request only when every one of them writes a literal', () => {
    const both = { 'db/main.tf': instance, 'db/envs/prod.tfvars': lines('db_password = "Prod-2024!"'), 'db/envs/dev.tfvars': lines('db_password = "Dev-2024!"') };
    assert.deepEqual(findings(both, 'db/main.tf'), ['8 rds-master-password']);
    const oneEmpty = { ...both, 'db/envs/dev.tfvars': lines('db_password = ""') };
    assert.deepEqual(findings(oneEmpty, 'db/main.tf'), []);
  });

  it('stay silent on a secret that is empty, built from another value, or not set', () => {
    assert.deepEqual(findings({ 'db/main.tf': instance, 'db/terraform.tfvars': lines('db_password = ""') }, 'db/main.tf'), []);
    assert.deepEqual(findings({ 'db/main.tf': instance, 'db/terraform.tfvars': lines('db_password = "${var.prefix}-pw"') }, 'db/main.tf'), []);
    assert.deepEqual(findings({ 'db/main.tf': instance, 'db/terraform.tfvars': lines('engine = "postgres"') }, 'db/main.tf'), []);
  });
});
