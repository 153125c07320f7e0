/**
 * Terraform: an Aurora or RDS engine and version taken from a `data "aws_rds_engine_version"` lookup (the
 * shape of the rds-aurora module's examples) are the lookup's `engine` and `version` arguments, written in the
 * same file or in another file of the module, so the engine-lifecycle rule reads them. A lookup without a
 * version (the engine's default, or `latest` among preferred versions) tells no major version: no finding.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const lookup = (engine: string, version: string | undefined, name = 'postgresql'): string =>
  [`data "aws_rds_engine_version" "${name}" {`, `  engine  = "${engine}"`, ...(version ? [`  version = "${version}"`] : ['  latest  = true', '  preferred_versions = ["16.4", "15.8"]']), '}'].join('\n');

const CLUSTER = [
  'module "cluster" {',
  '  source  = "terraform-aws-modules/rds-aurora/aws"',
  '  version = "~> 9.0"',
  '',
  '  name              = "reports"',
  '  engine            = data.aws_rds_engine_version.postgresql.engine',
  '  engine_version    = data.aws_rds_engine_version.postgresql.version',
  '  storage_encrypted = true',
  '  instances = {',
  '    one = {}',
  '    two = {}',
  '  }',
  '}',
].join('\n');

const RESOURCE = [
  'resource "aws_db_instance" "orders" {',
  '  identifier        = "orders"',
  '  engine            = data.aws_rds_engine_version.mysql.engine',
  '  engine_version    = data.aws_rds_engine_version.mysql.version_actual',
  '  instance_class    = "db.t3.small"',
  '  storage_encrypted = true',
  '  multi_az          = true',
  '}',
].join('\n');

const versionFindings = (files: Record<string, string>, file: string, view?: null): string[] =>
  hintsOfFile(files, file, view).filter((hint) => hint.includes('engine-version-extended-support'));

describe('an engine version from a data "aws_rds_engine_version" lookup', () => {
  it('reads the lookup in the same file, for a registry module and a resource (version_actual too)', () => {
    const file = `${lookup('aurora-postgresql', '12.9')}\n\n${CLUSTER}`;
    assert.deepEqual(versionFindings({ 'main.tf': file }, 'main.tf', null), [
      '12:data.aws_rds_engine_version.postgresql.version rds-engine-version-extended-support!',
      '12:engine_version rds-engine-version-extended-support',
    ]);
    const mysql = `${lookup('mysql', '5.7.44', 'mysql')}\n\n${RESOURCE}`;
    assert.deepEqual(versionFindings({ 'db.tf': mysql }, 'db.tf', null), [
      '9:data.aws_rds_engine_version.mysql.version_actual rds-engine-version-extended-support!',
      '9:engine_version rds-engine-version-extended-support',
    ]);
  });

  it('reads the lookup from another file of the module (data.tf), in workspace mode', () => {
    const files = { 'modules/rds/data.tf': lookup('aurora-postgresql', '11.21'), 'modules/rds/main.tf': CLUSTER };
    assert.deepEqual(versionFindings(files, 'modules/rds/main.tf'), [
      '7:data.aws_rds_engine_version.postgresql.version rds-engine-version-extended-support!',
      '7:engine_version rds-engine-version-extended-support',
    ]);
  });

  it('gives no finding for a supported major, for a lookup without a version, or for an attribute that is not the version', () => {
    assert.deepEqual(versionFindings({ 'main.tf': `${lookup('aurora-postgresql', '16.4')}\n\n${CLUSTER}` }, 'main.tf', null), ['12:engine_version rds-engine-version-extended-support']);
    assert.deepEqual(versionFindings({ 'main.tf': `${lookup('aurora-postgresql', undefined)}\n\n${CLUSTER}` }, 'main.tf', null), ['13:engine_version rds-engine-version-extended-support']);
    const family = CLUSTER.replace('postgresql.version', 'postgresql.parameter_group_family');
    assert.deepEqual(versionFindings({ 'main.tf': `${lookup('aurora-postgresql', '12.9')}\n\n${family}` }, 'main.tf', null), ['12:engine_version rds-engine-version-extended-support']);
  });
});
