/**
 * `rds-ca-certificate`: the certificate authority of a DB instance's server certificate. A hover wherever it is
 * chosen (the API's CACertificateIdentifier, CloudFormation, Terraform resources and the registry module, CDK's
 * `caCertificate`), and a warning on `rds-ca-2019`, which expired in August 2024. Silent: the current CAs, a CDK
 * misspelt constant that names a current CA, a same-named key of an unrelated object, a comment.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-ca-certificate';

const of = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(` ${RULE}`) || hint.endsWith(` ${RULE}!`));

describe('RDS CA certificate', () => {
  it('warns on rds-ca-2019 in a Terraform resource and a registry module block, not on a current CA', () => {
    const code = sourceLines(
      'resource "aws_db_instance" "reports" {',
      '  engine             = "postgres"',
      '  instance_class     = "db.t4g.small"',
      '  ca_cert_identifier = "rds-ca-2019"', // 4
      '}',
      '',
      'resource "aws_rds_cluster_instance" "writer" {',
      '  cluster_identifier = aws_rds_cluster.main.id',
      '  instance_class     = "db.r6g.large"',
      '  ca_cert_identifier = "rds-ca-rsa2048-g1"', // 10
      '}',
      '',
      'module "db" {',
      '  source             = "terraform-aws-modules/rds/aws"',
      '  version            = "~> 6.0"',
      '  # ca_cert_identifier = "rds-ca-2019" before the rotation',
      '  ca_cert_identifier = "rds-ca-2019"', // 17
      '}',
    );
    assert.deepEqual(of('infra/db.tf', code), [
      `4:ca_cert_identifier ${RULE}`,
      `10:ca_cert_identifier ${RULE}`,
      `17:ca_cert_identifier ${RULE}`,
      `4:ca_cert_identifier ${RULE}!`,
      `17:ca_cert_identifier ${RULE}!`,
    ]);
  });

  it('reads the CDK constants and CaCertificate.of in a stack class, in TypeScript and Python', () => {
    const ts = sourceLines(
      "import { Stack, StackProps } from 'aws-cdk-lib';",
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      '',
      'export class DataStack extends Stack {',
      '  constructor(scope: Construct, id: string, vpc: ec2.IVpc, props?: StackProps) {',
      '    super(scope, id, props);',
      '    const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });',
      "    new rds.DatabaseInstance(this, 'Orders', { engine, vpc, caCertificate: rds.CaCertificate.RDS_CA_2019 });", // 9
      "    new rds.DatabaseInstance(this, 'Reports', { engine, vpc, caCertificate: rds.CaCertificate.RDS_CA_RDS2048_G1 });", // 10
      "    new rds.DatabaseInstance(this, 'Audit', { engine, vpc, caCertificate: rds.CaCertificate.of('rds-ca-2019') });", // 11
      '  }',
      '}',
    );
    assert.deepEqual(of('lib/data-stack.ts', ts), [
      `9:caCertificate ${RULE}`,
      `10:caCertificate ${RULE}`,
      `11:caCertificate ${RULE}`,
      `9:caCertificate ${RULE}!`,
      `11:caCertificate ${RULE}!`,
    ]);
    const py = sourceLines(
      'from aws_cdk import Stack',
      'from aws_cdk import aws_rds as rds',
      '',
      '',
      'class DataStack(Stack):',
      '    def __init__(self, scope, construct_id, vpc, **kwargs):',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        rds.DatabaseInstance(self, "Orders",',
      '            engine=rds.DatabaseInstanceEngine.POSTGRES,',
      '            vpc=vpc,',
      '            ca_certificate=rds.CaCertificate.RDS_CA_2019)', // 11
    );
    assert.deepEqual(of('stacks/data_stack.py', py), [`11:ca_certificate ${RULE}`, `11:ca_certificate ${RULE}!`]);
  });

  it('reads CACertificateIdentifier in a CloudFormation template and in a boto3 call made inside a function', () => {
    const template = sourceLines(
      'Resources:',
      '  Database:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      DBInstanceClass: db.t4g.micro',
      '      CACertificateIdentifier: rds-ca-2019', // 7
    );
    assert.deepEqual(of('template.yaml', template), [`7:CACertificateIdentifier ${RULE}`, `7:CACertificateIdentifier ${RULE}!`]);
    const python = sourceLines(
      'import boto3',
      '',
      '',
      'def rotate(event, context):',
      '    rds = boto3.client("rds")',
      '    for name in event["instances"]:',
      '        rds.modify_db_instance(DBInstanceIdentifier=name, CACertificateIdentifier="rds-ca-rsa4096-g1", ApplyImmediately=True)', // 7
      '    certificates = {"CACertificateIdentifier": "rds-ca-2019"}',
    );
    assert.deepEqual(of('functions/rotate.py', python), [`7:CACertificateIdentifier ${RULE}`]);
  });
});
