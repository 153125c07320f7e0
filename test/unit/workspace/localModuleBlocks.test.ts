/**
 * Terraform module folders whose inputs reach a resource through a nested block's switch
 * (`point_in_time_recovery { enabled = var.pitr }`), or rds-aurora's per-instance map passed on whole, and
 * a function's password variables (of aws_lambda_function or the lambda registry module).
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';
import { moduleInputsOf } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function hints(files: Record<string, string>, file: string): string[] {
  const model = new WorkspaceModel();
  model.batch(() => Object.entries(files).forEach(([name, text]) => model.update(name, indexFile(name, 'terraform', text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: model });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)} ${finding.ruleId}!`),
  ].sort();
}

const TABLE_MODULE = lines(
  'resource "aws_dynamodb_table" "this" {',
  '  name     = var.name',
  '  hash_key = "pk"',
  '  point_in_time_recovery {',
  '    enabled = var.pitr',
  '  }',
  '  server_side_encryption {',
  '    enabled     = var.encrypt',
  '    kms_key_arn = var.kms_key',
  '  }',
  '  dynamic "ttl" {',
  '    for_each = var.ttl_attribute == null ? [] : [1]',
  '    content {',
  '      enabled = var.ttl_on',
  '    }',
  '  }',
  '}',
);

describe('Terraform module folders: nested block switches', () => {
  it("indexes a nested block's `enabled` input as the block, and no other key of it or of a dynamic block", () => {
    assert.deepEqual(moduleInputsOf('modules/table/main.tf', TABLE_MODULE), {
      name: { resource: 'aws_dynamodb_table', argument: 'name' },
      pitr: { resource: 'aws_dynamodb_table', argument: 'point_in_time_recovery' },
      encrypt: { resource: 'aws_dynamodb_table', argument: 'server_side_encryption' },
    });
  });

  it("shows each block's hover on the caller's input, a finding where it turns the switch off, and nothing on inputs that reach no rule", () => {
    const caller = lines('module "orders" {', '  source  = "../modules/table"', '  name    = "orders"', '  pitr    = false', '  encrypt = true', '  kms_key = "alias/orders"', '  ttl_on  = true', '}');
    assert.deepEqual(hints({ 'modules/table/main.tf': TABLE_MODULE, 'live/main.tf': caller }, 'live/main.tf'), ['4 dynamodb-pitr', '4 dynamodb-pitr!', '5 dynamodb-encryption-key']);
    const elsewhere = caller.replace('../modules/table', '../modules/other');
    assert.deepEqual(hints({ 'modules/table/main.tf': TABLE_MODULE, 'live/main.tf': elsewhere }, 'live/main.tf'), []);
  });
});

describe('Terraform module folders wrapping rds-aurora: renamed and per-instance inputs', () => {
  const WRAPPER = lines(
    'module "cluster" {',
    '  source                               = "terraform-aws-modules/rds-aurora/aws"',
    '  version                              = "~> 10.0"',
    '  name                                 = var.name',
    '  engine                               = "aurora-postgresql"',
    '  instances                            = var.instances',
    '  cluster_performance_insights_enabled = var.insights',
    '  cluster_monitoring_interval          = var.monitoring',
    '}',
  );

  it('reads the cluster-wide Performance Insights and monitoring inputs as the arguments they set', () => {
    const direct = lines('module "db" {', '  source                               = "terraform-aws-modules/rds-aurora/aws"', '  cluster_performance_insights_enabled = false', '  cluster_monitoring_interval          = 0', '}');
    assert.deepEqual(hints({ 'main.tf': direct }, 'main.tf'), ['1 rds-deletion-protection!', '3 rds-performance-insights', '4 rds-monitoring-interval']);
    assert.deepEqual(moduleInputsOf('modules/aurora/main.tf', WRAPPER), {
      name: { resource: 'aws_rds_cluster', argument: 'name' },
      instances: { resource: 'aws_rds_cluster_instance', argument: 'instances', keys: ['publicly_accessible', 'monitoring_interval', 'cluster_monitoring_interval', 'performance_insights_enabled', 'auto_minor_version_upgrade', 'instance_class', 'cluster_instance_class', 'instance_type'] },
      insights: { resource: 'aws_rds_cluster', argument: 'performance_insights_enabled' },
      monitoring: { resource: 'aws_rds_cluster_instance', argument: 'monitoring_interval' },
    });
  });

  it("reads the instances' class from cluster_instance_class (v10), instance_class (v6 to v9), instance_type (v1 to v5) and each instance's own key", () => {
    const v10 = lines('module "db" {', '  source                 = "terraform-aws-modules/rds-aurora/aws"', '  cluster_instance_class = "db.r6g.large"', '  instances = {', '    reader = { instance_class = "db.r6g.xlarge" }', '  }', '}');
    assert.deepEqual(hints({ 'main.tf': v10 }, 'main.tf'), ['1 rds-deletion-protection!', '3 rds-instance-class', '5 rds-instance-class']);
    const v9 = lines('module "db" {', '  source         = "terraform-aws-modules/rds-aurora/aws"', '  version        = "~> 9.0"', '  instance_class = "db.r6g.large"', '}');
    assert.deepEqual(hints({ 'main.tf': v9 }, 'main.tf'), ['1 rds-deletion-protection!', '4 rds-instance-class']);
    assert.deepEqual(hints({ 'main.tf': v9.replace('~> 9.0', '~> 5.0').replace('instance_class = ', 'instance_type  = ') }, 'main.tf'), ['1 rds-deletion-protection!', '4 rds-instance-class'], 'v1 to v5');
    // The Multi-AZ DB cluster's class is the cluster's own setting: the class of each of its instances.
    const multiAz = lines('module "db" {', '  source                    = "terraform-aws-modules/rds-aurora/aws"', '  version                   = "~> 9.0"', '  db_cluster_instance_class = "db.r6gd.large"', '}');
    assert.deepEqual(hints({ 'main.tf': multiAz }, 'main.tf'), ['1 rds-deletion-protection!', '4 rds-instance-class']);
  });

  it('reads the rds-proxy registry module as a DB proxy, and no module it does not know', () => {
    const proxy = lines('module "proxy" {', '  source  = "terraform-aws-modules/rds-proxy/aws"', '  version = "~> 4.4"', '}');
    assert.deepEqual(hints({ 'main.tf': proxy }, 'main.tf'), ['2 rds-proxy']);
    assert.deepEqual(hints({ 'main.tf': proxy.replace('terraform-aws-modules/rds-proxy/aws', 'example-org/rds-proxy/aws') }, 'main.tf'), []);
  });

  it("reads the keys of a caller's instances map as the instances' arguments, and nothing of a map built elsewhere", () => {
    const caller = lines(
      'module "db" {',
      '  source    = "../modules/aurora"',
      '  name      = "orders"',
      '  insights  = true',
      '  instances = {',
      '    writer = {',
      '      instance_class      = "db.r6g.large"',
      '      publicly_accessible = true',
      '    }',
      '    reader = { publicly_accessible = false }',
      '  }',
      '}',
    );
    const files = { 'modules/aurora/main.tf': WRAPPER, 'live/db.tf': caller };
    assert.deepEqual(hints(files, 'live/db.tf'), ['10 rds-publicly-accessible', '4 rds-performance-insights', '7 rds-instance-class', '8 rds-publicly-accessible', '8 rds-publicly-accessible!']);
    const computed = caller.replace(/ {2}instances = \{[^]*\n {2}\}\n/, '  instances = local.instances\n');
    assert.deepEqual(hints({ ...files, 'live/db.tf': computed }, 'live/db.tf'), ['4 rds-performance-insights']);
  });
});

describe("Terraform module folders: a function's password variable", () => {
  const API_MODULE = lines(
    'resource "aws_lambda_function" "api" {',
    '  function_name = var.name',
    '  environment {',
    '    variables = {',
    '      DB_HOST     = var.db_host',
    '      DB_PASSWORD = var.api_password',
    '      PGPASSWORD  = var.db_password',
    '    }',
    '  }',
    '}',
    'resource "aws_db_instance" "db" {',
    '  password = var.db_password',
    '}',
  );

  it("indexes a password variable's input as EnvironmentPassword, and a database's password before it", () => {
    const inputs = moduleInputsOf('modules/api/main.tf', API_MODULE);
    assert.deepEqual(inputs?.api_password, { resource: 'aws_lambda_function', argument: 'EnvironmentPassword' });
    assert.deepEqual(inputs?.db_password, { resource: 'aws_db_instance', argument: 'password' });
    assert.equal(inputs?.db_host, undefined);
  });

  it("warns on a caller's literal, and says nothing of an input that reaches no password", () => {
    const caller = lines('module "api" {', '  source       = "../modules/api"', '  name         = "api"', '  db_host      = "db.internal"', '  api_password = "hunter2hunter2"', '  db_password  = var.db_password', '}');
    assert.deepEqual(hints({ 'modules/api/main.tf': API_MODULE, 'live/main.tf': caller }, 'live/main.tf'), [
      '5 rds-password-in-lambda-environment',
      '5 rds-password-in-lambda-environment!',
      '6 rds-master-password',
    ]);
  });
});

describe('Terraform module folders: a wrapper of the lambda registry module', () => {
  const WRAPPER = lines(
    'module "lambda" {',
    '  source                = "terraform-aws-modules/lambda/aws"',
    '  function_name         = var.name',
    '  environment_variables = { DB_HOST = var.db_host, DB_PASSWORD = var.db_password }',
    '}',
  );
  const PASS_THROUGH = lines('module "lambda" {', '  source                = "terraform-aws-modules/lambda/aws"', '  environment_variables = var.environment', '}');

  it("indexes the module's password variable input, and a map passed whole", () => {
    assert.deepEqual(moduleInputsOf('modules/fn/main.tf', WRAPPER), { db_password: { resource: 'aws_lambda_function', argument: 'EnvironmentPassword' } });
    assert.deepEqual(moduleInputsOf('modules/fn/main.tf', PASS_THROUGH), { environment: { resource: 'aws_lambda_function', argument: 'EnvironmentPassword', environment: true } });
    const resource = lines('resource "aws_lambda_function" "fn" {', '  environment {', '    variables = var.environment', '  }', '}');
    assert.deepEqual(moduleInputsOf('modules/fn/main.tf', resource), { environment: { resource: 'aws_lambda_function', argument: 'EnvironmentPassword', environment: true } });
  });

  it("warns on a caller's literal password, in the input or in the map it passes, and stays silent on other variables and on unknown values", () => {
    const caller = lines('module "fn" {', '  source      = "../modules/fn"', '  db_host     = "db.internal"', '  db_password = "hunter2hunter2"', '}');
    assert.deepEqual(hints({ 'modules/fn/main.tf': WRAPPER, 'live/main.tf': caller }, 'live/main.tf'), ['4 rds-password-in-lambda-environment', '4 rds-password-in-lambda-environment!']);
    const mapCaller = lines('module "fn" {', '  source = "../modules/fn"', '  environment = {', '    TABLE       = "orders"', '    DB_PASSWORD = "hunter2hunter2"', '    PGPASSWORD  = var.pg_password', '  }', '}');
    assert.deepEqual(hints({ 'modules/fn/main.tf': PASS_THROUGH, 'live/main.tf': mapCaller }, 'live/main.tf'), [
      '5 rds-password-in-lambda-environment',
      '5 rds-password-in-lambda-environment!',
      '6 rds-password-in-lambda-environment',
    ]);
    const silent = lines('module "fn" {', '  source      = "../modules/fn"', '  environment = var.environment', '}');
    assert.deepEqual(hints({ 'modules/fn/main.tf': PASS_THROUGH, 'live/main.tf': silent }, 'live/main.tf'), []);
    const other = lines('module "fn" {', '  source      = "../modules/other"', '  db_password = "hunter2hunter2"', '}');
    assert.deepEqual(hints({ 'modules/fn/main.tf': WRAPPER, 'live/main.tf': other }, 'live/main.tf'), []);
  });
});

describe("Terraform module folders: an ECS task definition's container environment", () => {
  const TASK_MODULE = lines(
    'resource "aws_ecs_task_definition" "app" {',
    '  family = "app"',
    '  container_definitions = jsonencode([',
    '    {',
    '      name  = "web"',
    '      environment = [',
    '        { name = "DB_HOST", value = var.db_host },',
    '        { name = "DB_PASSWORD", value = var.db_password },',
    '        { name = "DB_PASSWORD_ARN", value = var.secret_arn }',
    '      ]',
    '      secrets = [{ name = "API_PASSWORD", valueFrom = var.api_secret }]',
    '    }',
    '  ])',
    '}',
  );

  it('indexes the input a password variable of a container takes, not a secret ARN or a `secrets` entry', () => {
    assert.deepEqual(moduleInputsOf('modules/svc/main.tf', TASK_MODULE), { db_password: { resource: 'aws_ecs_task_definition', argument: 'EnvironmentPassword' } });
  });

  it("reports a caller's literal password at the caller, and gives a variable the hover", () => {
    const caller = lines('module "svc" {', '  source      = "../modules/svc"', '  db_host     = "db.internal"', '  db_password = "hunter2hunter2"', '  secret_arn  = "arn:aws:secretsmanager:eu-west-1:1:secret:db"', '}');
    assert.deepEqual(hints({ 'modules/svc/main.tf': TASK_MODULE, 'live/main.tf': caller }, 'live/main.tf'), ['4 rds-password-in-lambda-environment', '4 rds-password-in-lambda-environment!']);
    const passedOn = lines('module "svc" {', '  source      = "../modules/svc"', '  db_password = var.db_password', '}');
    assert.deepEqual(hints({ 'modules/svc/main.tf': TASK_MODULE, 'live/main.tf': passedOn }, 'live/main.tf'), ['3 rds-password-in-lambda-environment']);
  });

  it('reads nothing from definitions that are not a jsonencode call of a list', () => {
    const fromFile = lines('resource "aws_ecs_task_definition" "app" {', '  container_definitions = file("${path.module}/containers.json")', '}');
    assert.equal(moduleInputsOf('modules/svc/main.tf', fromFile), undefined);
  });
});
