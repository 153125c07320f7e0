/**
 * Terraform module folders whose resources build nested blocks with `dynamic` from an input
 * (`dynamic "global_secondary_index" { for_each = var.global_secondary_indexes }`): a caller's value for that input
 * is the list of blocks, so it gets the block's hover, and no finding is read from it. Also a caller that passes on
 * its own input to one that switches an argument (`var.keep_backups ? 14 : 0`): the hover, with the value unknown.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { moduleInputsOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const TABLE_MODULE = lines(
  'resource "aws_dynamodb_table" "this" {',
  '  name         = var.name',
  '  billing_mode = "PAY_PER_REQUEST"',
  '  hash_key     = var.hash_key',
  '  dynamic "attribute" {',
  '    for_each = var.attributes',
  '    content {',
  '      name = attribute.value.name',
  '      type = attribute.value.type',
  '    }',
  '  }',
  '  dynamic "global_secondary_index" {',
  '    for_each = var.indexes == null ? [] : var.indexes',
  '    content {',
  '      name            = global_secondary_index.value.name',
  '      hash_key        = global_secondary_index.value.hash_key',
  '      projection_type = "ALL"',
  '    }',
  '  }',
  '  dynamic "ttl" {',
  '    for_each = var.expire_after_attribute == null ? [] : [1]',
  '    content {',
  '      attribute_name = var.expire_after_attribute',
  '      enabled        = true',
  '    }',
  '  }',
  '}',
);

const CALLER = lines(
  'module "orders" {',
  '  source   = "../modules/table"',
  '  name     = "orders"',
  '  hash_key = "order_id"',
  '  attributes = [',
  '    {',
  '      name = "order_id"',
  '      type = "S"',
  '    },',
  '    {',
  '      name = "customer_id"',
  '      type = "S"',
  '    },',
  '  ]',
  '  indexes = [',
  '    {',
  '      name     = "by_customer"',
  '      hash_key = "customer_id"',
  '    },',
  '    {',
  '      name     = "by_status"',
  '      hash_key = "status"',
  '    },',
  '  ]',
  '  expire_after_attribute = "expires_at"',
  '}',
);

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([file, text]) => built.update(file, indexFile(file, 'terraform', text))));
  return built;
}

function hints(text: string, workspace: { model: WorkspaceModel; file: string }): string[] {
  const result = analyzeText(text, realHintRules(), { kind: 'terraform', fileName: workspace.file, workspace: workspace.model });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)} ${finding.ruleId}!`),
  ].sort();
}

describe('Terraform module inputs that a dynamic block iterates', () => {
  it('indexes an input a dynamic block iterates as reaching the block, in part; not one that only switches it on', () => {
    assert.deepEqual(moduleInputsOf('modules/table/main.tf', TABLE_MODULE), {
      name: { resource: 'aws_dynamodb_table', argument: 'name' },
      hash_key: { resource: 'aws_dynamodb_table', argument: 'hash_key' },
      attributes: { resource: 'aws_dynamodb_table', argument: 'attribute', partial: true },
      indexes: { resource: 'aws_dynamodb_table', argument: 'global_secondary_index', partial: true },
    });
  });

  it("gives a caller's lists of blocks the blocks' hovers and reads no attribute definition from them", () => {
    const workspace = model({ 'modules/table/main.tf': TABLE_MODULE, 'orders/main.tf': CALLER });
    assert.deepEqual(hints(CALLER, { model: workspace, file: 'orders/main.tf' }), [
      '15 dynamodb-secondary-index-definition',
      '4 dynamodb-key-schema',
      '5 dynamodb-key-schema',
    ]);
  });
});

describe('Terraform module inputs passed on to a folder that switches an argument with them', () => {
  const DATABASE = lines(
    'resource "aws_db_instance" "this" {',
    '  engine                  = "postgres"',
    '  storage_encrypted       = true',
    '  backup_retention_period = var.keep_backups ? 14 : 0',
    '  deletion_protection     = var.stage == "prod" ? true : false',
    '}',
  );
  const SERVICE = lines(
    'module "database" {',
    '  source       = "../database"',
    '  stage        = var.stage',
    '  keep_backups = var.database_backups',
    '}',
  );

  it("gives a switch's input the argument's hover where its value is not known, and an input compared with a value none", () => {
    const workspace = model({ 'modules/database/main.tf': DATABASE, 'modules/service/main.tf': SERVICE });
    assert.deepEqual(hints(SERVICE, { model: workspace, file: 'modules/service/main.tf' }), ['4 rds-backup-retention']);
  });

  it('still judges the branch a literal chooses', () => {
    const caller = SERVICE.replace('var.database_backups', 'false').replace('var.stage', '"dev"');
    const workspace = model({ 'modules/database/main.tf': DATABASE, 'modules/service/main.tf': caller });
    assert.deepEqual(hints(caller, { model: workspace, file: 'modules/service/main.tf' }), [
      '3 rds-deletion-protection',
      '3 rds-deletion-protection!',
      '4 rds-backup-retention',
      '4 rds-backup-retention!',
    ]);
  });
});
