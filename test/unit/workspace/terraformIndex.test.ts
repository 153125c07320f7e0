/**
 * Terraform into the workspace model: tables from resources and the dynamodb-table module, databases,
 * Lambda functions with their package and environment; variables and locals of the same file are
 * followed, anything else is unknown.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, placed } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('workspace index: Terraform', () => {
  it('reads aws_dynamodb_table: keys with their attribute types, GSI and LSI blocks, billing, stream and TTL', () => {
    const text = lines(
      'resource "aws_dynamodb_table" "orders" {',
      '  name      = "orders"',
      '  hash_key  = "pk"',
      '  range_key = "sk"',
      '  attribute {',
      '    name = "pk"',
      '    type = "S"',
      '  }',
      '  attribute {',
      '    name = "sk"',
      '    type = "N"',
      '  }',
      '  global_secondary_index {',
      '    name               = "by_status"',
      '    hash_key           = "status"',
      '    projection_type    = "INCLUDE"',
      '    non_key_attributes = ["total"]',
      '  }',
      '  local_secondary_index {',
      '    name            = "by_date"',
      '    range_key       = "created"',
      '    projection_type = "ALL"',
      '  }',
      '  ttl {',
      '    attribute_name = "expires"',
      '    enabled        = true',
      '  }',
      '  stream_enabled   = true',
      '  stream_view_type = "NEW_AND_OLD_IMAGES"',
      '}',
    );
    assert.deepEqual(placed(contributionOf('infra/main.tf', text)!.tables), [
      {
        logicalName: 'aws_dynamodb_table.orders',
        format: 'terraform',
        indexes: [
          { name: 'by_status', kind: 'gsi', partitionKey: { name: 'status' }, definedAt: '13:25', projection: { type: 'INCLUDE', attributes: ['total'] } },
          { name: 'by_date', kind: 'lsi', partitionKey: { name: 'pk', type: 'S' }, definedAt: '19:22', sortKey: { name: 'created' }, projection: { type: 'ALL', attributes: [] } },
        ],
        indexesKnown: true,
        definedAt: '0:30',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type: 'N' },
        physicalName: 'orders',
        billingMode: 'PROVISIONED',
        streamViewType: 'NEW_AND_OLD_IMAGES',
        ttlAttribute: 'expires',
      },
    ]);
  });

  it('follows variable defaults and locals of the same file, and gives up on anything else', () => {
    const text = lines(
      'variable "env" {',
      '  default = "dev"',
      '}',
      'variable "region" {}',
      'locals {',
      '  prefix = "shop-${var.env}"',
      '}',
      'resource "aws_dynamodb_table" "a" {',
      '  name     = "${local.prefix}-a"',
      '  hash_key = "id"',
      '}',
      'resource "aws_dynamodb_table" "b" {',
      '  name     = "b-${var.region}"',
      '  hash_key = var.key',
      '}',
      'resource "aws_dynamodb_table" "c" {',
      '  name     = format("%s-c", var.env)',
      '  hash_key = "id"',
      '  ttl {',
      '    attribute_name = "expires"',
      '  }',
      '}',
    );
    const tables = contributionOf('main.tf', text)!.tables;
    assert.deepEqual(
      tables.map((table) => [table.logicalName, table.physicalName, table.partitionKey?.name, table.ttlAttribute]),
      [
        ['aws_dynamodb_table.a', 'shop-dev-a', 'id', undefined],
        ['aws_dynamodb_table.b', undefined, undefined, undefined],
        ['aws_dynamodb_table.c', undefined, 'id', undefined],
      ],
    );
  });

  it('marks the index list incomplete for dynamic index blocks and indexes it cannot read', () => {
    const table = (body: string[]): { names: string[]; known: boolean; types: (string | undefined)[] } => {
      const found = contributionOf('t.tf', lines('resource "aws_dynamodb_table" "t" {', '  hash_key = "pk"', ...body, '}'))!.tables[0];
      return { names: found.indexes.map((index) => index.name), known: found.indexesKnown, types: [found.partitionKey?.type] };
    };
    assert.deepEqual(table(['  dynamic "global_secondary_index" {', '    for_each = var.gsis', '    content {', '      name = global_secondary_index.value.name', '    }', '  }']), { names: [], known: false, types: [undefined] });
    assert.deepEqual(table(['  global_secondary_index {', '    name     = var.name', '    hash_key = "g"', '  }', '  global_secondary_index {', '    name     = "ok"', '    hash_key = "g"', '  }']), {
      names: ['ok'],
      known: false,
      types: [undefined],
    });
    assert.deepEqual(table(['  dynamic "attribute" {', '    for_each = ["pk"]', '    content {', '      name = attribute.value', '      type = "S"', '    }', '  }']), { names: [], known: true, types: [undefined] });
  });

  it('leaves the index list open when indexes are their own resources or ignored on the table', () => {
    const known = (body: string[]): boolean => contributionOf('t.tf', lines('resource "aws_dynamodb_table" "t" {', '  hash_key = "pk"', ...body, '}'))!.tables[0].indexesKnown;
    assert.equal(known(['  lifecycle {', '    ignore_changes = [global_secondary_index]', '  }']), false);
    assert.equal(known(['  lifecycle {', '    ignore_changes = [tags]', '  }']), true);
    const text = lines(
      'resource "aws_dynamodb_global_secondary_index" "by_owner" {',
      '  index_name = "by_owner"',
      '  table_name = aws_dynamodb_table.jobs.name',
      '}',
      'resource "aws_dynamodb_global_secondary_index" "by_day" {',
      '  index_name = "by_day"',
      '  table_name = var.table',
      '}',
    );
    assert.deepEqual(contributionOf('indexes.tf', text)!.indexedElsewhere, ['aws_dynamodb_table.jobs', '*']);
  });

  it('reads the dynamodb-table registry module (registry or GitHub source) with its own defaults', () => {
    const text = lines(
      'module "events" {',
      '  source    = "git::https://github.com/terraform-aws-modules/terraform-aws-dynamodb-table.git?ref=v5.1.0"',
      '  name      = "events"',
      '  hash_key  = "pk"',
      '  range_key = "sk"',
      '  attributes = [',
      '    { name = "pk", type = "S" },',
      '    { name = "sk", type = "N" },',
      '  ]',
      '  global_secondary_indexes = [',
      '    {',
      '      name            = "by_kind"',
      '      hash_key        = "kind"',
      '      projection_type = "KEYS_ONLY"',
      '    },',
      '  ]',
      '  local_secondary_indexes = var.lsis',
      '  stream_enabled     = true',
      '  stream_view_type   = "NEW_IMAGE"',
      '  ttl_enabled        = true',
      '  ttl_attribute_name = "expires_at"',
      '}',
      'module "skipped" {',
      '  source       = "terraform-aws-modules/dynamodb-table/aws"',
      '  create_table = false',
      '  name         = "never"',
      '}',
    );
    const tables = contributionOf('tables.tf', text)!.tables;
    assert.equal(tables.length, 1);
    const [events] = tables;
    assert.deepEqual(
      [events.logicalName, events.physicalName, events.partitionKey, events.sortKey, events.billingMode, events.streamViewType, events.ttlAttribute, events.indexesKnown],
      ['module.events', 'events', { name: 'pk', type: 'S' }, { name: 'sk', type: 'N' }, 'PAY_PER_REQUEST', 'NEW_IMAGE', 'expires_at', false],
    );
    assert.deepEqual(events.indexes.map((index) => [index.name, index.kind, index.partitionKey.name, index.projection?.type]), [['by_kind', 'gsi', 'kind', 'KEYS_ONLY']]);
  });

  it('reads RDS and ElastiCache resources and modules, skipping passwords and meta-arguments', () => {
    const text = lines(
      'resource "aws_db_instance" "main" {',
      '  engine         = "mysql"',
      '  engine_version = "8.0.39"',
      '  multi_az       = true',
      '  password       = "not-in-the-model"',
      '  count          = 1',
      '}',
      'resource "aws_rds_cluster" "aurora" {',
      '  engine = "aurora-postgresql"',
      '}',
      'resource "aws_elasticache_serverless_cache" "sessions" {',
      '  engine = "valkey"',
      '  name   = "sessions"',
      '}',
      'module "cache" {',
      '  source                   = "terraform-aws-modules/elasticache/aws"',
      '  create_replication_group = false',
      '  engine                   = "memcached"',
      '}',
      'module "pg" {',
      '  source  = "terraform-aws-modules/rds/aws"',
      '  version = "~> 6.0"',
      '  engine  = "postgres"',
      '}',
    );
    const databases = contributionOf('db.tf', text)!.databases;
    assert.deepEqual(
      databases.map((database) => [database.kind, database.logicalName, database.engine]),
      [
        ['rds-instance', 'aws_db_instance.main', 'mysql'],
        ['rds-cluster', 'aws_rds_cluster.aurora', 'aurora-postgresql'],
        ['elasticache-serverless', 'aws_elasticache_serverless_cache.sessions', 'valkey'],
        ['elasticache-cluster', 'module.cache', 'memcached'],
        ['rds-instance', 'module.pg', 'postgres'],
      ],
    );
    assert.deepEqual(databases[0].settings, { engine: 'mysql', engine_version: '8.0.39', multi_az: true });
    assert.equal(databases[0].engineVersion, '8.0.39');
  });

  it('reads Lambda functions: the archive they deploy, their handler, and environment variables wired to tables', () => {
    const text = lines(
      'data "archive_file" "api" {',
      '  type        = "zip"',
      '  source_dir  = "${path.module}/../src/api"',
      '  output_path = "${path.module}/dist/api.zip"',
      '}',
      'locals {',
      '  common_env = {',
      '    LOG_LEVEL = "debug"',
      '  }',
      '}',
      'resource "aws_lambda_function" "api" {',
      '  filename = data.archive_file.api.output_path',
      '  handler  = "app.handler"',
      '  environment {',
      '    variables = {',
      '      ORDERS       = aws_dynamodb_table.orders.name',
      '      ORDERS_ARN   = aws_dynamodb_table.orders.arn',
      '      EVENTS       = module.events.dynamodb_table_id',
      '      "QUOTED_KEY" = "literal"',
      '      STREAM       = aws_dynamodb_table.orders.stream_arn',
      '      JOINED       = join("-", ["a", "b"])',
      '    }',
      '  }',
      '}',
      'resource "aws_lambda_function" "shared" {',
      '  filename = "prebuilt.zip"',
      '  handler  = "index.handler"',
      '  environment {',
      '    variables = local.common_env',
      '  }',
      '}',
      'resource "aws_lambda_function" "opaque" {',
      '  filename = "x.zip"',
      '  environment {',
      '    variables = var.environment',
      '  }',
      '}',
    );
    const contribution = contributionOf('infra/lambda.tf', text)!;
    assert.deepEqual(contribution.archives, { api: ['src/api'] });
    const [api, shared, opaque] = contribution.functions;
    assert.deepEqual([api.archive, api.handler, api.codePaths], ['api', 'app.handler', []]);
    assert.deepEqual(api.environment, {
      ORDERS: { kind: 'table', logicalName: 'aws_dynamodb_table.orders' },
      ORDERS_ARN: { kind: 'table', logicalName: 'aws_dynamodb_table.orders' },
      EVENTS: { kind: 'table', logicalName: 'module.events' },
      QUOTED_KEY: { kind: 'literal', value: 'literal' },
    });
    assert.deepEqual(api.unknownEnvironment, ['STREAM', 'JOINED']);
    assert.deepEqual([shared.environment, shared.archive], [{ LOG_LEVEL: { kind: 'literal', value: 'debug' } }, undefined]);
    assert.equal(opaque.environmentUnreadable, true);
  });

  it('reads the lambda registry module: source_path as a path or a list, handler and environment_variables', () => {
    const text = lines(
      'module "worker" {',
      '  source        = "terraform-aws-modules/lambda/aws"',
      '  handler       = "worker.handle"',
      '  source_path = [',
      '    "${path.module}/../worker",',
      '    { path = "${path.module}/../lib", pip_requirements = true },',
      '    { path = "/opt/elsewhere" },',
      '  ]',
      '  environment_variables = {',
      '    TABLE = module.events.dynamodb_table_arn',
      '  }',
      '}',
    );
    const [worker] = contributionOf('infra/worker.tf', text)!.functions;
    assert.deepEqual([worker.logicalName, worker.handler, worker.codePaths], ['module.worker', 'worker.handle', ['worker', 'lib']]);
    assert.deepEqual(worker.environment, { TABLE: { kind: 'table', logicalName: 'module.events' } });
  });

  it('contributes nothing for Terraform without resources, and only that it holds no data store for one without tables, databases or functions', () => {
    assert.equal(contributionOf('outputs.tf', lines('output "region" {', '  value = var.region', '}')), undefined);
    // An output that names a VPC hands out its default security group (see moduleFolderIngress.test.ts).
    assert.deepEqual(contributionOf('outputs.tf', lines('output "vpc_id" {', '  value = aws_vpc.main.id', '}'))?.groupOutputs, ['aws_vpc.main']);
    // What a module folder holds: a group handed to it serves no database (see terraformGroupUses.test.ts).
    assert.deepEqual(contributionOf('network.tf', lines('resource "aws_vpc" "main" {', '  cidr_block = "10.0.0.0/16"', '}')), { tables: [], databases: [], functions: [], dataStores: 0 });
  });
});
