/**
 * The switch that lets RDS generate the master password and keep it in Secrets Manager
 * (`ManageMasterUserPassword`, Terraform's and Pulumi's `manage_master_user_password`) is where a reviewer
 * points at the master-password hover, whose advice it follows: it gets that hover in the API, CloudFormation,
 * Terraform and Pulumi, and never the literal-password finding, whatever its value is written as.
 */
import * as assert from 'node:assert/strict';
import { readerNames } from '../../../src/hints/engine/readerTerms';
import { hintsOfRules, hoverAt, realHintRules, sourceLines } from './support';

const RULES = ['rds-master-password', 'password-parameter-no-echo'];

describe('the managed master password switch', () => {
  it('gets the master-password hover in Terraform, on an instance and a cluster, and no finding', () => {
    const code = sourceLines(
      'resource "aws_db_instance" "orders" {',
      '  engine                      = "postgres"',
      '  username                    = "app"',
      '  manage_master_user_password = true',
      '}',
      'resource "aws_rds_cluster" "ledger" {',
      '  engine                      = var.engine',
      '  master_username             = "app"',
      '  manage_master_user_password = var.managed',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', code, RULES), [
      '4:manage_master_user_password rds-master-password',
      '9:manage_master_user_password rds-master-password',
    ]);
    assert.match(hoverAt('main.tf', code, 'manage_master_user_password'), /Secrets Manager/);
  });

  it('gets the hover in CloudFormation, also as a quoted string or a parameter, with no finding', () => {
    const code = sourceLines(
      'Parameters:',
      '  Managed:',
      '    Type: String',
      '    Default: "true"',
      'Resources:',
      '  Orders:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      MasterUsername: app',
      '      ManageMasterUserPassword: "true"',
      '  Ledger:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      MasterUsername: app',
      '      ManageMasterUserPassword: !Ref Managed',
    );
    assert.deepEqual(hintsOfRules('template.yaml', code, RULES), [
      '10:ManageMasterUserPassword rds-master-password',
      '15:ManageMasterUserPassword rds-master-password',
    ]);
  });

  it('gets the hover in Pulumi TypeScript, Python and Go programs and in a boto3 call', () => {
    const typescript = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'new aws.rds.Instance("orders", { engine: "postgres", username: "app", manageMasterUserPassword: true });',
    );
    assert.deepEqual(hintsOfRules('index.ts', typescript, RULES), ['2:manageMasterUserPassword rds-master-password']);
    const python = sourceLines(
      'import pulumi_aws as aws',
      'aws.rds.Cluster("ledger", engine="aurora-postgresql", master_username="app", manage_master_user_password=True)',
    );
    assert.deepEqual(hintsOfRules('__main__.py', python, RULES), ['2:manage_master_user_password rds-master-password']);
    const go = sourceLines(
      'package main',
      'import (',
      '\t"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds"',
      '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func db(ctx *pulumi.Context) {',
      '\trds.NewInstance(ctx, "orders", &rds.InstanceArgs{',
      '\t\tUsername:                 pulumi.String("app"),',
      '\t\tManageMasterUserPassword: pulumi.Bool(true),',
      '\t})',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.go', go, RULES), ['9:ManageMasterUserPassword rds-master-password']);
    const boto3 = sourceLines(
      'import boto3',
      'rds = boto3.client("rds")',
      'rds.create_db_instance(DBInstanceIdentifier="orders", MasterUsername="app", ManageMasterUserPassword=True)',
    );
    assert.deepEqual(hintsOfRules('provision.py', boto3, RULES), ['3:ManageMasterUserPassword rds-master-password']);
  });

  it('still reports a literal password beside it', () => {
    const code = sourceLines(
      'resource "aws_db_instance" "orders" {',
      '  password                    = "Orders-2024-pw"',
      '  manage_master_user_password = false',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', code, RULES), [
      '2:"Orders-2024-pw" rds-master-password!',
      '2:password rds-master-password',
      '3:manage_master_user_password rds-master-password',
    ]);
  });

  it("names both settings in the file's terms: the written password argument for MasterUserPassword, the switch's own spelling", () => {
    const rule = realHintRules().find((candidate) => candidate.id === 'rds-master-password')!;
    assert.equal(readerNames(rule, 'terraform', 'password').get('MasterUserPassword'), 'password');
    assert.equal(readerNames(rule, 'terraform', 'master_password').get('MasterUserPassword'), 'master_password');
    const python = readerNames(rule, 'pulumi-python', 'password');
    assert.equal(python.get('MasterUserPassword'), 'password');
    assert.equal(python.get('ManageMasterUserPassword'), 'manage_master_user_password');
    assert.equal(readerNames(rule, 'terraform', 'manage_master_user_password').get('MasterUserPassword'), undefined);
  });
});
