/**
 * Terraform's `aws_rds_global_cluster`: the settings a global database writes itself (`storage_encrypted`,
 * `deletion_protection`, `engine_version`) get the cluster's hovers and are judged as a cluster's where written;
 * one it leaves out is not judged there (its member clusters, or the source cluster it is made from, say).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Terraform aws_rds_global_cluster', () => {
  it("hovers its own settings and judges the values it writes as an Aurora cluster's", () => {
    const code = sourceLines(
      'resource "aws_rds_global_cluster" "ledger" {',
      '  global_cluster_identifier = "ledger"',
      '  engine                    = "aurora-postgresql"',
      '  engine_version            = "11.9"',
      '  storage_encrypted         = false',
      '  deletion_protection       = true',
      '}',
    );
    assert.deepEqual(hintsIn('main.tf', code).sort(), [
      '4:engine_version rds-engine-version-extended-support',
      '4:"11.9" rds-engine-version-extended-support!',
      '5:storage_encrypted rds-storage-encrypted',
      '5:storage_encrypted rds-storage-encrypted!',
      '6:deletion_protection rds-deletion-protection',
    ].sort());
  });

  it('judges nothing a global cluster made from an existing cluster leaves out', () => {
    const code = sourceLines('resource "aws_rds_global_cluster" "ledger" {', '  global_cluster_identifier    = "ledger"', '  source_db_cluster_identifier = aws_rds_cluster.primary.arn', '  force_destroy                = true', '}');
    assert.deepEqual(hintsIn('main.tf', code), []);
  });
});
