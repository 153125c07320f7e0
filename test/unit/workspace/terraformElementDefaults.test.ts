/**
 * `each.value.x` over a collection of objects whose element type defaults `x` (`map(object({ x = optional(bool,
 * false) }))`, also `list(...)` and `set(...)`): an element that leaves `x` out takes the type's default, as
 * Terraform sets it, whether the elements are written as the variable's default, in a `.tfvars` file, or passed
 * by a caller's module block; an element that writes `x` keeps its own value.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { elementOptionalDefaults } from '../../../src/hints/engine/workspace/terraformObjects';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function findings(files: Record<string, string>, file: string, rule: string): string[] {
  const model = new WorkspaceModel();
  model.batch(() => Object.entries(files).forEach(([name, text]) => model.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: model });
  return result.findings.filter((finding) => finding.ruleId === rule).map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.ruleId}`);
}

const INSTANCES = lines(
  'resource "aws_db_instance" "db" {',
  '  for_each            = var.databases',
  '  identifier          = each.key',
  '  engine              = "postgres"',
  '  instance_class      = "db.t3.micro"',
  '  storage_encrypted   = each.value.storage_encrypted',
  '  publicly_accessible = try(each.value.publicly_accessible, true)',
  '}',
);

const variable = (collection: string, fallback = 'false'): string =>
  lines('variable "databases" {', `  type = ${collection}(object({`, '    engine              = optional(string, "postgres")', `    storage_encrypted   = optional(bool, ${fallback})`, '    publicly_accessible = optional(bool, false)', '  }))', '}');

describe('Terraform for_each elements with optional() attribute defaults', () => {
  it('reads the defaults of the element type of a map, list or set of objects', () => {
    assert.deepEqual(elementOptionalDefaults('map(object({ x = optional(bool, true), y = string }))'), { x: true });
    assert.deepEqual(elementOptionalDefaults('list(object({\n  n = optional(number, 7)\n}))'), { n: 7 });
    assert.deepEqual(elementOptionalDefaults('set(object({ s = optional(string, "gp3") }))'), { s: 'gp3' });
    assert.equal(elementOptionalDefaults('object({ x = optional(bool, true) })'), undefined);
    assert.equal(elementOptionalDefaults('map(any)'), undefined);
    // An attribute of a nested object is not the element's own.
    assert.equal(elementOptionalDefaults('map(object({ inner = object({ x = optional(bool, true) }) }))'), undefined);
  });

  it('gives an element of a .tfvars map that leaves the attribute out the type default, in another file of the module', () => {
    const files = (fallback: string, tfvars: string): Record<string, string> => ({ 'db/main.tf': INSTANCES, 'db/variables.tf': variable('map', fallback), 'db/terraform.tfvars': tfvars });
    const leftOut = lines('databases = {', '  orders = { engine = "postgres" }', '}');
    assert.deepEqual(findings(files('false', leftOut), 'db/main.tf', 'rds-storage-encrypted'), ['6 rds-storage-encrypted']);
    assert.deepEqual(findings(files('true', leftOut), 'db/main.tf', 'rds-storage-encrypted'), []);
    // The element's own value wins over the default.
    const written = lines('databases = {', '  orders = { storage_encrypted = true }', '}');
    assert.deepEqual(findings(files('false', written), 'db/main.tf', 'rds-storage-encrypted'), []);
    // try's fallback does not stand for an attribute the type defaults: the default does.
    assert.deepEqual(findings(files('false', leftOut), 'db/main.tf', 'rds-publicly-accessible'), []);
    // One element without encryption among encrypted ones: reported once.
    const mixed = lines('databases = {', '  orders = { storage_encrypted = true }', '  users  = {}', '}');
    assert.deepEqual(findings(files('false', mixed), 'db/main.tf', 'rds-storage-encrypted'), ['6 rds-storage-encrypted']);
    // Files loaded only on request, one or another, leave the map unknown; the only one the folder holds decides it.
    assert.deepEqual(findings({ 'db/main.tf': INSTANCES, 'db/variables.tf': variable('map'), 'db/dev.tfvars': leftOut, 'db/prod.tfvars': written }, 'db/main.tf', 'rds-storage-encrypted'), []);
    assert.deepEqual(findings({ 'db/main.tf': INSTANCES, 'db/variables.tf': variable('map'), 'db/dev.tfvars': leftOut }, 'db/main.tf', 'rds-storage-encrypted'), ['6 rds-storage-encrypted']);
  });

  it('gives the default to an element of the default written in the same file, and of a list rekeyed by a for expression', () => {
    const inPlace = variable('map').replace('  }))\n}', '  }))\n  default = { orders = { engine = "postgres" } }\n}') + INSTANCES;
    assert.deepEqual(findings({ 'db/main.tf': inPlace }, 'db/main.tf', 'rds-storage-encrypted'), ['14 rds-storage-encrypted']);
    const listed = variable('list').replace('  }))\n}', '  }))\n  default = [{ engine = "postgres" }]\n}') + INSTANCES.replace('var.databases', '{ for db in var.databases : db.engine => db }');
    assert.deepEqual(findings({ 'db/main.tf': listed }, 'db/main.tf', 'rds-storage-encrypted'), ['14 rds-storage-encrypted']);
  });

  it("gives the default to the elements a caller's module block passes from its own .tfvars", () => {
    const files: Record<string, string> = {
      'modules/db/main.tf': INSTANCES,
      'modules/db/variables.tf': variable('map'),
      'live/main.tf': lines('variable "databases" {}', 'module "db" {', '  source    = "../modules/db"', '  databases = var.databases', '}'),
      'live/terraform.tfvars': lines('databases = {', '  orders = {}', '}'),
    };
    assert.deepEqual(findings(files, 'modules/db/main.tf', 'rds-storage-encrypted'), ['6 rds-storage-encrypted']);
    assert.deepEqual(findings({ ...files, 'modules/db/variables.tf': variable('map', 'true') }, 'modules/db/main.tf', 'rds-storage-encrypted'), []);
  });

  it("judges a nested block's argument element by element, a switch block too", () => {
    const table = (pitr: string, encryption: string): string =>
      lines(
        'variable "tables" {',
        '  type = map(object({ pitr = optional(bool, false), sse = optional(bool, true) }))',
        `  default = { carts = { ${pitr} }, orders = { pitr = true } }`,
        '}',
        'resource "aws_dynamodb_table" "t" {',
        '  for_each     = var.tables',
        '  name         = each.key',
        '  billing_mode = "PAY_PER_REQUEST"',
        '  hash_key     = "id"',
        '  attribute {',
        '    name = "id"',
        '    type = "S"',
        '  }',
        '  point_in_time_recovery {',
        '    enabled = each.value.pitr',
        '  }',
        '  server_side_encryption {',
        `    enabled = ${encryption}`,
        '  }',
        '}',
      );
    assert.deepEqual(findings({ 't/main.tf': table('', 'true') }, 't/main.tf', 'dynamodb-pitr'), ['14 dynamodb-pitr']);
    assert.deepEqual(findings({ 't/main.tf': table('pitr = true', 'true') }, 't/main.tf', 'dynamodb-pitr'), []);
  });
});
