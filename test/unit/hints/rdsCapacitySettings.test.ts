/**
 * `rds-instance-class` and `rds-storage-autoscaling`: an RDS instance's class and its allocated storage and
 * autoscaling threshold, where they are set, get their hovers: SDK requests, CloudFormation, Terraform and CDK.
 * An ElastiCache node type, an EC2 instance's type and an Aurora cluster's storage (it has none to allocate)
 * are not these.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const CLASS = 'rds-instance-class';
const STORAGE = 'rds-storage-autoscaling';

describe('RDS instance class and storage autoscaling', () => {
  it('reads a CloudFormation DB instance, not a cache cluster or an EC2 instance', () => {
    const code = sourceLines(
      'Resources:',
      '  Database:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      DBInstanceClass: db.t4g.medium',
      '      AllocatedStorage: "50"',
      '      MaxAllocatedStorage: 500',
      '  Cache:',
      '    Type: AWS::ElastiCache::CacheCluster',
      '    Properties:',
      '      CacheNodeType: cache.t4g.small',
      '  Bastion:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      InstanceType: t4g.nano',
    );
    assert.deepEqual(hintsOfRules('template.yaml', code, [CLASS, STORAGE]), [`6:DBInstanceClass ${CLASS}`, `7:AllocatedStorage ${STORAGE}`, `8:MaxAllocatedStorage ${STORAGE}`]);
  });

  it('reads Terraform instances and cluster instances, not an Aurora cluster', () => {
    const code = sourceLines(
      'resource "aws_db_instance" "orders" {',
      '  engine                = "mysql"',
      '  instance_class        = "db.r7g.large"',
      '  allocated_storage     = 100',
      '  max_allocated_storage = 1000',
      '}',
      'resource "aws_rds_cluster" "ledger" {',
      '  engine            = "aurora-postgresql"',
      '  allocated_storage = 100',
      '}',
      'resource "aws_rds_cluster_instance" "ledger_writer" {',
      '  cluster_identifier = aws_rds_cluster.ledger.id',
      '  instance_class     = "db.serverless"',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', code, [CLASS, STORAGE]), [`13:instance_class ${CLASS}`, `3:instance_class ${CLASS}`, `4:allocated_storage ${STORAGE}`, `5:max_allocated_storage ${STORAGE}`]);
  });

  it('reads CDK database instances and the SDK, not an EC2 instance', () => {
    const cdk = sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Stack } from 'aws-cdk-lib';",
      '',
      'export class Db extends Stack {',
      '  build(vpc: ec2.IVpc) {',
      "    new rds.DatabaseInstance(this, 'Orders', {",
      '      engine: rds.DatabaseInstanceEngine.POSTGRES,',
      '      vpc,',
      '      instanceType: ec2.InstanceType.of(ec2.InstanceClass.R7G, ec2.InstanceSize.LARGE),',
      '      maxAllocatedStorage: 500,',
      '    });',
      "    new ec2.Instance(this, 'Bastion', { vpc, instanceType: new ec2.InstanceType('t4g.nano'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });",
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('db.ts', cdk, [CLASS, STORAGE]), [`10:instanceType ${CLASS}`, `11:maxAllocatedStorage ${STORAGE}`]);
    const sdk = sourceLines(
      'import boto3',
      '',
      'rds = boto3.client("rds")',
      '',
      'def resize(name, size):',
      '    rds.modify_db_instance(DBInstanceIdentifier=name, DBInstanceClass=size, MaxAllocatedStorage=2000)',
    );
    assert.deepEqual(hintsOfRules('resize.py', sdk, [CLASS, STORAGE]), [`6:DBInstanceClass ${CLASS}`, `6:MaxAllocatedStorage ${STORAGE}`]);
  });
});
