/**
 * ECS container definitions rendered from a template: `templatefile(path, { ... })` in the task definition, or the
 * `rendered` text of a `template_file` data source of the module's folder. The variables' values are written into the
 * task definition, so a password variable is read as the containers' environment.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules } from '../hints/support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

function hints(files: Record<string, string>, file: string, workspace = true): string[] {
  const model = new WorkspaceModel();
  model.batch(() => Object.entries(files).forEach(([name, text]) => model.update(name, indexFile(name, 'terraform', text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace: workspace ? model : undefined });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return [
    ...result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)} ${id}`)),
    ...result.findings.map((finding) => `${at(finding.start)} ${finding.ruleId}!`),
  ].sort();
}

const TEMPLATE = lines(
  'data "template_file" "api" {',
  '  template = file("${path.module}/containers.json.tpl")',
  '  vars = {',
  '    db_host       = aws_db_instance.main.address',
  '    db_password   = "s3cret-Passw0rd"',
  '    redis_pass    = var.redis_pass',
  '    secret_arn    = "arn:aws:secretsmanager:eu-west-1:1:secret:db"',
  '  }',
  '}',
);
const TASK = lines('resource "aws_ecs_task_definition" "api" {', '  family                = "api"', '  container_definitions = data.template_file.api.rendered', '}');

describe('Terraform: container definitions rendered from a template', () => {
  it("reads a template_file's password variables where a task definition of the folder renders it", () => {
    assert.deepEqual(hints({ 'infra/template.tf': TEMPLATE, 'infra/task.tf': TASK }, 'infra/template.tf'), [
      '5 rds-password-in-lambda-environment',
      '5 rds-password-in-lambda-environment!',
      '6 rds-password-in-lambda-environment',
    ]);
  });

  it("reads Terraform 0.11's interpolated reference, and the template_file in the task definition's own file", () => {
    const legacy = TASK.replace('data.template_file.api.rendered', '"${data.template_file.api.rendered}"');
    assert.deepEqual(hints({ 'infra/template.tf': TEMPLATE, 'infra/task.tf': legacy }, 'infra/template.tf').length, 3);
    assert.deepEqual(hints({ 'infra/main.tf': TEMPLATE + TASK }, 'infra/main.tf').length, 3);
  });

  it('says nothing of a template_file no task definition renders, of another folder, or without the workspace', () => {
    const other = TASK.replace('template_file.api', 'template_file.worker');
    assert.deepEqual(hints({ 'infra/template.tf': TEMPLATE, 'infra/task.tf': other }, 'infra/template.tf'), []);
    assert.deepEqual(hints({ 'infra/template.tf': TEMPLATE, 'other/task.tf': TASK }, 'infra/template.tf'), []);
    assert.deepEqual(hints({ 'infra/main.tf': TEMPLATE + TASK }, 'infra/main.tf', false), []);
  });

  it('reads the variables map of templatefile(...) written in the task definition', () => {
    const inPlace = lines(
      'resource "aws_ecs_task_definition" "api" {',
      '  container_definitions = templatefile("${path.module}/containers.json.tpl", {',
      '    image       = var.image',
      '    DB_PASSWORD = "s3cret-Passw0rd"',
      '    DB_PASSWORD_ARN = aws_secretsmanager_secret.db.arn',
      '  })',
      '}',
    );
    assert.deepEqual(hints({ 'infra/main.tf': inPlace }, 'infra/main.tf', false), ['4 rds-password-in-lambda-environment', '4 rds-password-in-lambda-environment!']);
    const merged = inPlace.replace('templatefile("${path.module}/containers.json.tpl", {', 'templatefile("${path.module}/containers.json.tpl", merge(local.base, {').replace('  })', '  }))');
    assert.deepEqual(hints({ 'infra/main.tf': merged }, 'infra/main.tf', false), []);
  });
});
