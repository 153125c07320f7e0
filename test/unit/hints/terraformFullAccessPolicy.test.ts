/**
 * dynamodb-managed-full-access in Terraform: AmazonDynamoDBFullAccess attached by the IAM attachment resources, a
 * role's managed_policy_arns, the exclusive attachment resources, a policy lookup, a `for_each` over ARNs, and the
 * terraform-aws-modules lambda and iam modules' inputs that their attachments take; other policies, inputs the
 * module leaves unattached and mentions elsewhere stay silent.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { hintsIn, realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-managed-full-access';
const ARN = 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess';
const findings = (code: string): string[] => hintsIn('iam.tf', code).filter((hint) => hint.endsWith(`${RULE}!`)).sort();

describe('AmazonDynamoDBFullAccess attached in Terraform', () => {
  it('finds it on attachment resources, a role, the exclusive attachments, through a local, a lookup and an interpolated partition', () => {
    const code = sourceLines(
      'locals {',
      `  table_access = "${ARN}"`,
      '}',
      'data "aws_iam_policy" "ddb" {',
      '  name = "AmazonDynamoDBFullAccess"',
      '}',
      'resource "aws_iam_role_policy_attachment" "direct" {',
      '  role       = aws_iam_role.fn.name',
      `  policy_arn = "${ARN}"`,
      '}',
      'resource "aws_iam_policy_attachment" "shared" {',
      '  name       = "shared"',
      '  roles      = [aws_iam_role.fn.name]',
      '  policy_arn = local.table_access',
      '}',
      'resource "aws_iam_user_policy_attachment" "lookup" {',
      '  user       = aws_iam_user.ci.name',
      '  policy_arn = data.aws_iam_policy.ddb.arn',
      '}',
      'resource "aws_iam_role" "worker" {',
      '  name                = "worker"',
      '  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonDynamoDBFullAccess_v2"]',
      '}',
      'resource "aws_iam_role_policy_attachments_exclusive" "pinned" {',
      '  role_name   = aws_iam_role.worker.name',
      `  policy_arns = [format("arn:%s:iam::aws:policy/AmazonDynamoDBFullAccess", data.aws_partition.current.partition)]`,
      '}',
    );
    assert.deepEqual(
      findings(code).map((hint) => hint.split(':')[0]),
      ['14', '18', '22', '26', '9'],
    );
  });

  it('finds each element of a for_each that names the policy, and not the others', () => {
    const code = sourceLines(
      'resource "aws_iam_role_policy_attachment" "fn" {',
      '  for_each = toset([',
      '    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",',
      `    "${ARN}",`,
      '  ])',
      '  role       = aws_iam_role.fn.name',
      '  policy_arn = each.value',
      '}',
    );
    assert.deepEqual(findings(code), [`4:"${ARN}" ${RULE}!`]);
  });

  it('reads the lambda and iam modules only where their attachments exist', () => {
    const code = sourceLines(
      'module "attached" {',
      '  source             = "terraform-aws-modules/lambda/aws"',
      '  attach_policies    = true',
      `  policies           = ["${ARN}", "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"]`,
      '  number_of_policies = 2',
      '}',
      'module "not_attached" {',
      '  source   = "terraform-aws-modules/lambda/aws"',
      `  policies = ["${ARN}"]`,
      '}',
      'module "uncounted" {',
      '  source          = "terraform-aws-modules/lambda/aws"',
      '  attach_policies = true',
      `  policies        = ["arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess", "${ARN}"]`,
      '  number_of_policies = 1',
      '}',
      'module "single" {',
      '  source        = "terraform-aws-modules/lambda/aws"',
      '  attach_policy = true',
      `  policy        = "${ARN}"`,
      '}',
      'module "role" {',
      '  source   = "terraform-aws-modules/iam/aws//modules/iam-role"',
      '  version  = "~> 6.0"',
      `  policies = { tables = "${ARN}" }`,
      '}',
      'module "legacy_role" {',
      '  source                  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"',
      '  version                 = "~> 5.0"',
      `  custom_role_policy_arns = ["${ARN}"]`,
      '}',
    );
    assert.deepEqual(
      findings(code).map((hint) => hint.split(':')[0]),
      ['20', '25', '4'],
    );
  });

  it('leaves other policies, customer policies of that name, read-only access, a filter that drops it and mentions alone', () => {
    const code = sourceLines(
      '# policy_arn = "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"',
      'resource "aws_iam_role_policy_attachment" "read" {',
      '  role       = aws_iam_role.fn.name',
      '  policy_arn = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"',
      '}',
      'resource "aws_iam_role_policy_attachment" "own" {',
      '  role       = aws_iam_role.fn.name',
      '  policy_arn = "arn:aws:iam::123456789012:policy/AmazonDynamoDBFullAccess"',
      '}',
      'resource "aws_iam_role_policy_attachment" "bare" {',
      '  role       = aws_iam_role.fn.name',
      '  policy_arn = "AmazonDynamoDBFullAccess"',
      '}',
      'resource "aws_iam_role" "filtered" {',
      `  managed_policy_arns = [for arn in var.arns : arn if arn != "${ARN}"]`,
      '}',
      'resource "aws_ssm_parameter" "note" {',
      '  name  = "policy"',
      `  value = "${ARN}"`,
      '}',
    );
    assert.deepEqual(findings(code), []);
  });
});

/** Findings of `file` read in workspace mode beside the other files of its folder. */
function workspaceFindings(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: built });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

describe('AmazonDynamoDBFullAccess attached through another file of the module', () => {
  it('reads a lookup, a variable default and a for_each list another file declares, and no other policy there', () => {
    const files = {
      'stack/data.tf': sourceLines(
        'data "aws_iam_policy" "tables" {',
        '  name = "AmazonDynamoDBFullAccess"',
        '}',
        'data "aws_iam_policy" "logs" {',
        '  name = "CloudWatchLogsFullAccess"',
        '}',
      ),
      'stack/variables.tf': sourceLines(
        'variable "worker_policies" {',
        `  default = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "${ARN}"]`,
        '}',
        'variable "reader_policies" {',
        '  default = ["arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"]',
        '}',
      ),
      'stack/iam.tf': sourceLines(
        'resource "aws_iam_role_policy_attachment" "tables" {',
        '  role       = aws_iam_role.api.name',
        '  policy_arn = data.aws_iam_policy.tables.arn',
        '}',
        'resource "aws_iam_role_policy_attachment" "logs" {',
        '  role       = aws_iam_role.api.name',
        '  policy_arn = data.aws_iam_policy.logs.arn',
        '}',
        'resource "aws_iam_role_policy_attachment" "worker" {',
        '  for_each   = toset(var.worker_policies)',
        '  role       = aws_iam_role.worker.name',
        '  policy_arn = each.value',
        '}',
        'resource "aws_iam_role_policy_attachment" "reader" {',
        '  for_each   = toset(var.reader_policies)',
        '  role       = aws_iam_role.reader.name',
        '  policy_arn = each.key',
        '}',
        'resource "aws_iam_role" "worker" {',
        '  name                = "worker"',
        '  managed_policy_arns = var.worker_policies',
        '}',
      ),
    };
    assert.deepEqual(workspaceFindings(files, 'stack/iam.tf'), ['3:data.aws_iam_policy.tables.arn', '10:var.worker_policies', '21:var.worker_policies']);
  });
});

describe('for_each elements that give different values', () => {
  it('judges each element: a public tenant among private ones is reported once on the argument', () => {
    const code = sourceLines(
      'locals {',
      '  tenants = {',
      '    acme   = { public = false, retention = 7 }',
      '    globex = { public = true, retention = 7 }',
      '    initech = { public = true, retention = 14 }',
      '  }',
      '}',
      'resource "aws_db_instance" "tenant" {',
      '  for_each                = local.tenants',
      '  identifier              = "tenant-${each.key}"',
      '  engine                  = "postgres"',
      '  storage_encrypted       = true',
      '  multi_az                = true',
      '  deletion_protection     = true',
      '  publicly_accessible     = each.value.public',
      '  backup_retention_period = each.value.retention',
      '}',
    );
    const found = hintsIn('tenants.tf', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found.filter((hint) => hint.includes('rds-publicly-accessible')), ['15:publicly_accessible rds-publicly-accessible!']);
    assert.deepEqual(found.filter((hint) => hint.includes('rds-backup-retention')), []);
  });

  it('stays silent where no element gives a defect, and on a registry module whose elements differ harmlessly', () => {
    const code = sourceLines(
      'variable "caches" {',
      '  default = {',
      '    sessions = { tls = true, failover = true }',
      '    carts    = { tls = true, failover = false }',
      '  }',
      '}',
      'module "db" {',
      '  source   = "terraform-aws-modules/rds/aws"',
      '  for_each = { a = { public = false }, b = { public = false } }',
      '  identifier          = each.key',
      '  publicly_accessible = each.value.public',
      '}',
      'resource "aws_elasticache_replication_group" "cache" {',
      '  for_each                   = var.caches',
      '  replication_group_id       = each.key',
      '  description                = each.key',
      '  at_rest_encryption_enabled = true',
      '  transit_encryption_enabled = each.value.tls',
      '}',
    );
    const found = hintsIn('caches.tf', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found.filter((hint) => hint.includes('publicly-accessible') || hint.includes('transit-encryption')), []);
  });
});
