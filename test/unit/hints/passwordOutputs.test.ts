/**
 * password-in-stack-output beyond CloudFormation: Terraform outputs and CDK `CfnOutput`s whose value is a
 * database or cache password.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { randomPasswordsUsed } from '../../../src/hints/engine/iac/terraformPasswordOutputs';
import { hintsIn, realHintRules, sourceLines } from './support';

const OUTPUT = 'password-in-stack-output';
const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.includes(`${OUTPUT}!`));

describe('Passwords in Terraform outputs and CDK CfnOutputs', () => {
  it('reports a Terraform output of an instance, cluster or replication group password, a registry module password and a random_password the database takes', () => {
    const code = sourceLines(
      'resource "random_password" "db" {',
      '  length = 20',
      '}',
      'resource "aws_db_instance" "main" {',
      '  engine   = "postgres"',
      '  password = random_password.db.result',
      '}',
      'output "instance_password" {',
      '  value = aws_db_instance.main.password',
      '}',
      'output "cluster_password" {',
      '  value     = aws_rds_cluster.main[0].master_password',
      '  sensitive = true',
      '}',
      'output "token" {',
      '  value = aws_elasticache_replication_group.sessions.auth_token',
      '}',
      'output "generated" {',
      '  value = module.db.db_instance_password',
      '}',
      'output "url" {',
      '  value = "postgres://app:${random_password.db.result}@host/app"',
      '}',
    );
    assert.deepEqual(findings('main.tf', code), [
      `9:aws_db_instance.main.password ${OUTPUT}!`,
      `12:aws_rds_cluster.main[0].master_password ${OUTPUT}!`,
      `16:aws_elasticache_replication_group.sessions.auth_token ${OUTPUT}!`,
      `19:module.db.db_instance_password ${OUTPUT}!`,
      `22:"postgres://app:\${random_password.db.result}@host/app" ${OUTPUT}!`,
    ]);
    const messages = analyzeText(code, realHintRules(), { kind: 'terraform', fileName: 'main.tf' }).findings.filter((finding) => finding.ruleId === OUTPUT);
    assert.match(messages[0].message, /without sensitive = true, Terraform 0\.14 and later refuse the output where the value is marked sensitive/);
    assert.match(messages[1].message, /sensitive = true only hides it from plan, apply/);
    assert.equal(messages[2].service, 'elasticache');
  });

  it('leaves alone other attributes, strings that name a password, commented values and random passwords no database takes', () => {
    const code = sourceLines(
      'resource "random_password" "api" {',
      '  length = 20',
      '}',
      'resource "google_sql_user" "app" {',
      '  password = random_password.api.result',
      '}',
      'output "address" {',
      '  value = aws_db_instance.main.address',
      '}',
      'output "hint" {',
      '  value = "see aws_db_instance.main.password"',
      '}',
      'output "key" {',
      '  value = random_password.api.result',
      '  # value = aws_db_instance.main.password',
      '}',
      'output "secret" {',
      '  value = aws_db_instance.main.master_user_secret[0].secret_arn',
      '}',
    );
    assert.deepEqual(findings('main.tf', code), []);
  });

  it('counts a random_password as a database password only in a database or cache block, or a module whose source names RDS', () => {
    assert.deepEqual(randomPasswordsUsed(sourceLines('module "db" {', '  source   = "terraform-aws-modules/rds/aws"', '  password = random_password.a.result', '}')), ['random_password.a']);
    assert.deepEqual(randomPasswordsUsed(sourceLines('module "vm" {', '  source   = "./modules/vm"', '  password = random_password.b.result', '}')), []);
    assert.deepEqual(randomPasswordsUsed(sourceLines('resource "aws_rds_cluster" "c" {', '  master_password = "${random_password.c.result}"', '}')), ['random_password.c']);
    assert.deepEqual(randomPasswordsUsed(sourceLines('resource "aws_db_instance" "d" {', '  password = var.db_password # from tfvars', '}')), ['var.db_password']);
    assert.deepEqual(randomPasswordsUsed(sourceLines('resource "aws_db_instance" "e" {', '  password = var.restore ? null : local.password', '}')), []);
  });

  it('reports an output of a random_string a database takes as its password, never one of a random_string used for a name', () => {
    const code = sourceLines(
      'resource "random_string" "db_password" {',
      '  length  = 24',
      '  special = false',
      '}',
      'resource "random_string" "suffix" {',
      '  length = 6',
      '}',
      'resource "aws_db_instance" "main" {',
      '  identifier = "app-${random_string.suffix.result}"',
      '  password   = random_string.db_password.result',
      '}',
      'output "pgpassword" {',
      '  value = random_string.db_password.result',
      '}',
      'output "suffix" {',
      '  value = random_string.suffix.result',
      '}',
    );
    assert.deepEqual(findings('main.tf', code), [`13:random_string.db_password.result ${OUTPUT}!`]);
    assert.deepEqual(randomPasswordsUsed(code), ['random_string.db_password']);
  });

  it('reports a CDK CfnOutput whose value holds what the stack hands a password prop, in Python and TypeScript', () => {
    const python = sourceLines(
      'from aws_cdk import CfnOutput, SecretValue',
      'from aws_cdk import aws_rds as rds',
      'PASSWORD = os.environ["DB_PASSWORD"]',
      'db = rds.DatabaseInstance(self, "Db", credentials=rds.Credentials.from_password("admin", SecretValue.unsafe_plain_text(PASSWORD)))',
      'CfnOutput(self, "Url", value=f"postgres://admin:{PASSWORD}@{db.db_instance_endpoint_address}")',
      'CfnOutput(self, "Host", value=db.db_instance_endpoint_address)',
      'CfnOutput(self, "Name", value="PASSWORD")',
    );
    assert.deepEqual(findings('stack.py', python), [`5:f"postgres://admin:{PASSWORD}@{db.db_instance_endpoint_address}" ${OUTPUT}!`]);
    const typescript = sourceLines(
      "import { CfnOutput } from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "new rds.CfnDBInstance(this, 'Db', { engine: 'postgres', masterUserPassword: props.dbPassword });",
      "new CfnOutput(this, 'Password', { value: props.dbPassword });",
      "new CfnOutput(this, 'Name', { value: props.dbName });",
    );
    assert.deepEqual(findings('stack.ts', typescript), [`4:props.dbPassword ${OUTPUT}!`]);
    const message = analyzeText(typescript, realHintRules(), { kind: 'typescript', fileName: 'stack.ts' }).findings.find((finding) => finding.ruleId === OUTPUT)!.message;
    assert.match(message, /CloudFormation returns stack outputs to anyone who may describe the stack/);
  });
});
