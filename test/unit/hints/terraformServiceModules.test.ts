/** rds-open-ingress and elasticache-open-ingress on a group that only registry modules making no database or cache use. */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { makesNoDataStore } from '../../../src/hints/engine/iac/terraformServiceModules';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { hintsIn, realHintRules, sourceLines } from './support';

const findings = (code: string): string[] => hintsIn('main.tf', code).filter((hint) => hint.endsWith('open-ingress!'));

/** A group whose only rule admits every TCP port from everywhere (line 6), and a Redis cluster on a group of its own. */
const everyPortGroup = [
  'resource "aws_security_group" "endpoints" {',
  '  vpc_id = var.vpc_id',
  '}',
  'resource "aws_security_group_rule" "endpoints_in" {',
  '  type              = "ingress"',
  '  cidr_blocks       = ["0.0.0.0/0"]',
  '  from_port         = 0',
  '  to_port           = 65535',
  '  protocol          = "tcp"',
  '  security_group_id = aws_security_group.endpoints.id',
  '}',
  'resource "aws_elasticache_cluster" "sessions" {',
  '  cluster_id         = "sessions"',
  '  engine             = "redis"',
  '  node_type          = "cache.t4g.small"',
  '  num_cache_nodes    = 1',
  '  security_group_ids = [aws_security_group.cache.id]',
  '}',
];

/** The open-ingress findings of `file` as `line rule`, judged with the workspace of `files`. */
function workspaceFindings(files: Record<string, string>, file: string): string[] {
  const workspace = new WorkspaceModel();
  workspace.batch(() => Object.entries(files).forEach(([name, text]) => workspace.update(name, indexFile(name, 'terraform', text))));
  const result = analyzeText(files[file], realHintRules(), { kind: 'terraform', fileName: file, workspace });
  return result.findings.filter((finding) => finding.ruleId.endsWith('-open-ingress')).map((finding) => `${files[file].slice(0, finding.start).split('\n').length} ${finding.ruleId}`);
}

const lambdaModule = (source: string): string =>
  sourceLines('module "ingest" {', `  source                 = "${source}"`, '  function_name          = "ingest"', '  vpc_security_group_ids = [aws_security_group.endpoints.id]', '}');

describe('a security group that only registry modules without a data store use', () => {
  it('stays silent when only a Lambda module and the VPC endpoints submodule take the group', () => {
    const code = sourceLines(
      ...everyPortGroup,
      'module "ingest" {',
      '  source                 = "terraform-aws-modules/lambda/aws"',
      '  function_name          = "ingest"',
      '  vpc_security_group_ids = [aws_security_group.endpoints.id]',
      '}',
      'module "endpoints" {',
      '  source = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"',
      '  endpoints = {',
      '    sqs = { service = "sqs", security_group_ids = [aws_security_group.endpoints.id] }',
      '  }',
      '}',
    );
    assert.deepEqual(findings(code), []);
  });

  it('still reports the rule when a module of the project, which may hold a database, takes the group', () => {
    const code = sourceLines(...everyPortGroup, 'module "store" {', '  source             = "./modules/store"', '  security_group_ids = [aws_security_group.endpoints.id]', '}');
    assert.deepEqual(findings(code), ['6:"0.0.0.0/0" elasticache-open-ingress!', '6:"0.0.0.0/0" rds-open-ingress!']);
  });

  it('stays silent when the module that takes the group is in another file of the folder', () => {
    const files = { 'platform/sg.tf': sourceLines(...everyPortGroup), 'platform/lambda.tf': lambdaModule('terraform-aws-modules/lambda/aws') };
    assert.deepEqual(workspaceFindings(files, 'platform/sg.tf'), []);
    const database = { ...files, 'platform/lambda.tf': lambdaModule('terraform-aws-modules/rds-aurora/aws') };
    assert.deepEqual(workspaceFindings(database, 'platform/sg.tf'), ['6 elasticache-open-ingress', '6 rds-open-ingress']);
  });

  it('knows the registry modules by their name, from the registry or from GitHub, submodules included', () => {
    assert.equal(makesNoDataStore('terraform-aws-modules/ecs/aws//modules/service'), true);
    assert.equal(makesNoDataStore('git::https://github.com/terraform-aws-modules/terraform-aws-alb.git?ref=v9.0.0'), true);
    assert.equal(makesNoDataStore('terraform-aws-modules/rds-aurora/aws'), false);
    assert.equal(makesNoDataStore('terraform-aws-modules/elasticache/aws'), false);
    assert.equal(makesNoDataStore('./modules/lambda'), false);
  });
});
