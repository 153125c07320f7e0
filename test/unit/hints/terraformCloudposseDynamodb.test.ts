/**
 * cloudposse/dynamodb read as the `aws_dynamodb_table` it creates (audit iac35): its own input names
 * (`enable_point_in_time_recovery`, `ttl_attribute`, `global_secondary_index_map`, `replicas`) reach the
 * table's arguments, and its other inputs (autoscaler, naming) stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('cloudposse/dynamodb module (iac35)', () => {
  it('gives the table hovers on the inputs that set its arguments', () => {
    const code = sourceLines(
      'module "orders" {',
      '  source                        = "cloudposse/dynamodb/aws"',
      '  version                       = "0.37.0"',
      '  name                          = "orders"',
      '  hash_key                      = "pk"',
      '  billing_mode                  = "PAY_PER_REQUEST"',
      '  enable_point_in_time_recovery = false',
      '  ttl_attribute                 = "expires"',
      '  global_secondary_index_map    = []',
      '  replicas                      = ["us-west-2"]',
      '  autoscale_min_read_capacity   = 5',
      '}',
    );
    assert.deepEqual(hintsIn('main.tf', code).sort(), [
      '10:replicas dynamodb-global-tables',
      '5:hash_key dynamodb-key-schema',
      '6:billing_mode dynamodb-billing-mode',
      '7:enable_point_in_time_recovery dynamodb-pitr',
      '7:enable_point_in_time_recovery dynamodb-pitr!',
      '8:ttl_attribute dynamodb-ttl',
      '9:global_secondary_index_map dynamodb-secondary-index-definition',
    ]);
  });

  it('says nothing of a module from another namespace with the same name', () => {
    const code = sourceLines('module "orders" {', '  source   = "acme/dynamodb/aws"', '  hash_key = "pk"', '}');
    assert.deepEqual(hintsIn('main.tf', code), []);
  });
});
