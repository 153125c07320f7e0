/**
 * Terraform resources with `dynamic` blocks: a dynamic block makes nested blocks only, so the arguments the
 * resource leaves out still count as left out, and the arguments a dynamic block's `content` sets where the rules
 * read that block's arguments as the resource's own are set, to values unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

describe('Terraform resources with dynamic blocks', () => {
  it('counts what a replication group with a dynamic log delivery block leaves out', () => {
    const code = sourceLines(
      'variable "redis_version" {',
      '  default = "5.0.6"',
      '}',
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  replication_group_id       = "sessions"',
      '  description                = "sessions"',
      '  engine_version             = var.redis_version',
      '  at_rest_encryption_enabled = true',
      '  dynamic "log_delivery_configuration" {',
      '    for_each = var.log_groups',
      '    content {',
      '      destination      = log_delivery_configuration.value',
      '      destination_type = "cloudwatch-logs"',
      '      log_format       = "json"',
      '      log_type         = "slow-log"',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(
      hintsOfRules('main.tf', code, ['elasticache-transit-encryption', 'elasticache-access-control', 'elasticache-engine-version-extended-support']).filter((hint) => hint.endsWith('!')),
      ['4:"sessions" elasticache-access-control!', '4:"sessions" elasticache-transit-encryption!', '7:var.redis_version elasticache-engine-version-extended-support!'],
    );
  });

  it('counts a DB instance without storage encryption whatever blue/green block it has, and not one restored in a dynamic block', () => {
    const code = sourceLines(
      'resource "aws_db_instance" "audit" {',
      '  engine            = "postgres"',
      '  instance_class    = "db.t4g.medium"',
      '  dynamic "blue_green_update" {',
      '    for_each = var.blue_green ? [1] : []',
      '    content {',
      '      enabled = true',
      '    }',
      '  }',
      '}',
      'resource "aws_db_instance" "restored" {',
      '  engine            = "postgres"',
      '  instance_class    = "db.t4g.medium"',
      '  dynamic "restore_to_point_in_time" {',
      '    for_each = var.restore_time == null ? [] : [var.restore_time]',
      '    content {',
      '      source_db_instance_identifier = "audit"',
      '      restore_time                  = restore_to_point_in_time.value',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(
      hintsOfRules('main.tf', code, ['rds-storage-encrypted']).filter((hint) => hint.endsWith('!')),
      ['1:"audit" rds-storage-encrypted!'],
    );
  });

  it("reads a dynamic cluster_mode block's content as the group's shards and replicas, with values unknown", () => {
    const code = sourceLines(
      'resource "aws_elasticache_replication_group" "sessions" {',
      '  replication_group_id       = "sessions"',
      '  description                = "sessions"',
      '  automatic_failover_enabled = false',
      '  at_rest_encryption_enabled = true',
      '  transit_encryption_enabled = true',
      '  auth_token                 = var.token',
      '  dynamic "cluster_mode" {',
      '    for_each = var.shards',
      '    content {',
      '      num_node_groups         = 2',
      '      replicas_per_node_group = 1',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', code, ['elasticache-cluster-mode', 'elasticache-automatic-failover']), [
      '11:num_node_groups elasticache-cluster-mode',
      '12:replicas_per_node_group elasticache-cluster-mode',
      '4:automatic_failover_enabled elasticache-automatic-failover',
    ]);
  });

  it('reads only the per-replica settings of a dynamic replica block, and finds nothing in them', () => {
    const code = sourceLines(
      'resource "aws_dynamodb_table" "sessions" {',
      '  name         = "sessions"',
      '  billing_mode = "PAY_PER_REQUEST"',
      '  hash_key     = "id"',
      '  attribute {',
      '    name = "id"',
      '    type = "S"',
      '  }',
      '  dynamic "replica" {',
      '    for_each = var.regions',
      '    content {',
      '      region_name                 = replica.value',
      '      point_in_time_recovery      = false',
      '      deletion_protection_enabled = true',
      '    }',
      '  }',
      '}',
    );
    const hints = hintsOfRules('main.tf', code, ['dynamodb-pitr', 'dynamodb-deletion-protection', 'dynamodb-global-tables']);
    assert.deepEqual(hints, ['13:point_in_time_recovery dynamodb-pitr', '14:deletion_protection_enabled dynamodb-deletion-protection', '9:replica dynamodb-global-tables']);
  });

  it('reads a dynamic ingress element\'s attributes written with brackets (`ingress.value["port"]`)', () => {
    const group = (cidr: string): string =>
      sourceLines(
        'variable "db_ingress" {',
        `  default = [{ cidr = "${cidr}", port = 5432, protocol = "tcp" }]`,
        '}',
        'resource "aws_security_group" "db" {',
        '  dynamic "ingress" {',
        '    for_each = var.db_ingress',
        '    content {',
        '      cidr_blocks = [ingress.value["cidr"]]',
        '      from_port   = ingress.value["port"]',
        '      to_port     = ingress.value["port"]',
        '      protocol    = ingress.value["protocol"]',
        '    }',
        '  }',
        '}',
      );
    assert.deepEqual(hintsOfRules('main.tf', group('0.0.0.0/0'), ['rds-open-ingress']).filter((hint) => hint.endsWith('!')), ['8:ingress.value["cidr"] rds-open-ingress!']);
    assert.deepEqual(hintsOfRules('main.tf', group('10.0.0.0/16'), ['rds-open-ingress']).filter((hint) => hint.endsWith('!')), []);
  });
});
