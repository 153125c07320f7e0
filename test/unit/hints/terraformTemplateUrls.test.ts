/**
 * A database or cache URL that an HCL template builds, in place or in a local of the file, with its password part
 * filled by a variable the module gives a literal (its default here or in another file, or what `.tfvars` set): in a
 * container's or a function's environment it is a literal password there, as the URL written out is. A local of
 * another file of the module is read in workspace mode, where that file lends its URL templates.
 */
import * as assert from 'node:assert/strict';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { hintsOfFile } from '../workspace/support';
import { hintsOfRules, sourceLines } from './support';

const RULE = 'rds-password-in-lambda-environment';
const findings = (code: string): string[] => hintsOfRules('main.tf', code, [RULE]).filter((hint) => hint.endsWith('!'));

const stack = (passwordVariable: string[]): string =>
  sourceLines(
    ...passwordVariable,
    'locals {',
    '  database_url = "postgresql://app:${var.db_password}@${aws_db_instance.main.address}:5432/app"',
    '  local_url    = "postgresql://app:${var.db_password}@localhost:5432/app"',
    '  token_url    = "rediss://:${var.cache_token}@${aws_elasticache_replication_group.main.primary_endpoint_address}:6379"',
    '}',
    'resource "aws_ecs_task_definition" "api" {',
    '  family = "api"',
    '  container_definitions = jsonencode([{',
    '    name  = "api"',
    '    image = "example/api:latest"',
    '    environment = [',
    '      { name = "DATABASE_URL", value = local.database_url },',
    '      { name = "LOCAL_URL", value = local.local_url },',
    '      { name = "CACHE_URL", value = local.token_url }',
    '    ]',
    '  }])',
    '}',
    'resource "aws_lambda_function" "worker" {',
    '  function_name = "worker"',
    '  role          = "arn:aws:iam::123456789012:role/worker"',
    '  handler       = "index.handler"',
    '  runtime       = "nodejs20.x"',
    '  filename      = "worker.zip"',
    '  environment {',
    '    variables = {',
    '      DATABASE_URL = "mysql://worker:${var.db_password}@${aws_db_instance.main.address}/app"',
    '    }',
    '  }',
    '}',
  );

describe('URLs an HCL template builds in environments', () => {
  it('reports a URL whose password a variable default fills, through a local or in place, and not one to localhost', () => {
    const code = stack(['variable "db_password" {', '  default = "change-me-please"', '}']);
    // DATABASE_URL of the container (line 15) and of the function (line 29); LOCAL_URL goes to localhost, CACHE_URL's token has no value.
    assert.deepEqual(findings(code), [`15:local.database_url ${RULE}!`, `29:"mysql://worker:\${var.db_password}@\${aws_db_instance.main.address}/app" ${RULE}!`]);
  });

  it('leaves a URL whose password variable has no literal', () => {
    assert.deepEqual(findings(stack(['variable "db_password" {', '  type = string', '}'])), []);
  });
});

describe('URL templates a local of another file of the module builds', () => {
  const files = (locals: string[], variables: string[]): Record<string, string> => ({
    'app/local.tf': sourceLines('locals {', ...locals, '}'),
    'app/variables.tf': sourceLines(...variables),
    'app/main.tf': sourceLines(
      'resource "aws_ecs_task_definition" "api" {',
      '  family = "api"',
      '  container_definitions = jsonencode([{',
      '    name  = "api"',
      '    image = "example/api:latest"',
      '    environment = [',
      '      { name = "DATABASE_URL", value = local.database_url },',
      '      { name = "LOCAL_URL", value = local.local_url },',
      '      { name = "GREETING", value = local.greeting }',
      '    ]',
      '  }])',
      '}',
    ),
    // A module of its own: its locals are not the app's.
    'other/local.tf': sourceLines('locals {', '  greeting = "postgresql://app:${var.db_password}@${aws_db_instance.main.address}/app"', '}'),
  });
  const locals = [
    '  database_url = "postgresql://${var.db_user}:${var.db_password}@${aws_db_instance.main.address}:5432/app"',
    '  local_url    = "postgresql://app:${var.db_password}@localhost:5432/app"',
    '  greeting     = "hello ${var.db_user}"',
  ];
  const password = ['variable "db_user" {', '  default = "app"', '}', 'variable "db_password" {', '  default = "change-me-please"', '  sensitive = true', '}'];

  const workspaceFindings = (written: Record<string, string>): string[] => hintsOfFile(written, 'app/main.tf').filter((hint) => hint.endsWith(`${RULE}!`));

  it('reports the container variable a URL template of another file fills with a literal password, and not one to localhost', () => {
    assert.deepEqual(workspaceFindings(files(locals, password)), [`7:local.database_url ${RULE}!`]);
  });

  it('leaves it when the password variable has no literal', () => {
    assert.deepEqual(workspaceFindings(files(locals, ['variable "db_password" {', '  type = string', '}'])), []);
  });

  it('lends URL templates only, not other templates nor plain strings', () => {
    const contribution = indexFile('app/local.tf', 'terraform', sourceLines('locals {', ...locals, '  plain = "postgresql://app@db.example.com/app"', '}'));
    assert.deepEqual(Object.keys(contribution?.localTemplates ?? {}), ['database_url', 'local_url']);
    assert.equal(contribution?.localTemplates?.database_url, 'postgresql://${var.db_user}:${var.db_password}@${aws_db_instance.main.address}:5432/app');
  });
});
