/** Terraform RDS resources that take the same arguments as their API operations. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Terraform RDS arguments', () => {
  it('hovers apply_immediately on an Aurora cluster instance as on the cluster and a DB instance', () => {
    const code = sourceLines(
      'resource "aws_rds_cluster_instance" "writer" {',
      '  cluster_identifier = aws_rds_cluster.orders.id',
      '  instance_class     = "db.r6g.large"',
      '  engine             = "aurora-postgresql"',
      '  apply_immediately  = true',
      '}',
    );
    assert.ok(hintsIn('main.tf', code).includes('5:apply_immediately rds-apply-immediately'), hintsIn('main.tf', code).join('\n'));
  });
});
