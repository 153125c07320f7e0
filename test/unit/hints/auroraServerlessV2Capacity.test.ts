/** rds-aurora-serverless-v2-capacity: the hover on an Aurora Serverless v2 capacity range, and none on v1's scaling settings. */
import * as assert from 'node:assert/strict';
import { hintsOfRules, hoverAt, sourceLines } from './support';

const RULE = ['rds-aurora-serverless-v2-capacity'];

describe('Aurora Serverless v2 capacity range', () => {
  it('hovers the Terraform scaling block, written or dynamic, and the rds-aurora module input, not v1 scaling', () => {
    const code = sourceLines(
      'resource "aws_rds_cluster" "orders" {',
      '  engine = "aurora-postgresql"',
      '  serverlessv2_scaling_configuration {',
      '    min_capacity = 0',
      '    max_capacity = 4',
      '  }',
      '}',
      'resource "aws_rds_cluster" "forms" {',
      '  engine = "aurora-postgresql"',
      '  dynamic "serverlessv2_scaling_configuration" {', // 10
      '    for_each = [local.capacity]',
      '    content {',
      '      min_capacity = serverlessv2_scaling_configuration.value.min_capacity',
      '      max_capacity = 8',
      '    }',
      '  }',
      '}',
      'module "ledger" {',
      '  source  = "terraform-aws-modules/rds-aurora/aws"',
      '  version = "9.3.1"', // 20
      '  engine  = "aurora-mysql"',
      '  serverlessv2_scaling_configuration = { min_capacity = 0.5, max_capacity = 8 }',
      '}',
      'resource "aws_rds_cluster" "legacy" {',
      '  engine      = "aurora-postgresql"',
      '  engine_mode = "serverless"',
      '  scaling_configuration {',
      '    min_capacity = 2',
      '  }',
      '}',
    );
    assert.deepEqual(hintsOfRules('main.tf', code, RULE), [
      '10:serverlessv2_scaling_configuration rds-aurora-serverless-v2-capacity',
      '22:serverlessv2_scaling_configuration rds-aurora-serverless-v2-capacity',
      '3:serverlessv2_scaling_configuration rds-aurora-serverless-v2-capacity',
    ]);
  });

  it('hovers CloudFormation ServerlessV2ScalingConfiguration, not the v1 ScalingConfiguration', () => {
    const template = sourceLines(
      'Resources:',
      '  Orders:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '      ServerlessV2ScalingConfiguration:',
      '        MinCapacity: 0',
      '        MaxCapacity: 4',
      '  Legacy:',
      '    Type: AWS::RDS::DBCluster', // 10
      '    Properties:',
      '      Engine: aurora-mysql',
      '      EngineMode: serverless',
      '      ScalingConfiguration:',
      '        MinCapacity: 2',
    );
    assert.deepEqual(hintsOfRules('template.yaml', template, RULE), ['6:ServerlessV2ScalingConfiguration rds-aurora-serverless-v2-capacity']);
  });

  it('hovers the CDK cluster props and an SDK ModifyDBCluster request, not ServerlessCluster scaling', () => {
    const stack = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export function database(scope: Construct, vpc: ec2.IVpc) {',
      "  new rds.DatabaseCluster(scope, 'Orders', {",
      '    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),',
      "    writer: rds.ClusterInstance.serverlessV2('writer'),",
      '    serverlessV2MinCapacity: 0,',
      '    serverlessV2MaxCapacity: 4,',
      '    vpc,',
      '  });',
      "  new rds.ServerlessCluster(scope, 'Legacy', { engine: rds.DatabaseClusterEngine.AURORA_MYSQL, vpc, scaling: { minCapacity: rds.AuroraCapacityUnit.ACU_2 } });", // 10
      '}',
    );
    assert.deepEqual(hintsOfRules('stack.ts', stack, RULE), ['6:serverlessV2MinCapacity rds-aurora-serverless-v2-capacity', '7:serverlessV2MaxCapacity rds-aurora-serverless-v2-capacity']);
    const handler = sourceLines(
      "import { RDSClient, ModifyDBClusterCommand } from '@aws-sdk/client-rds';",
      'const rds = new RDSClient({});',
      'export const handler = async () => {',
      "  await rds.send(new ModifyDBClusterCommand({ DBClusterIdentifier: 'orders', ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 8 } }));",
      '};',
    );
    assert.deepEqual(hintsOfRules('handler.ts', handler, RULE), ['4:ServerlessV2ScalingConfiguration rds-aurora-serverless-v2-capacity']);
  });

  it('tells what a minimum of 0 does', () => {
    const code = sourceLines('resource "aws_rds_cluster" "orders" {', '  serverlessv2_scaling_configuration {', '    min_capacity = 0', '  }', '}');
    const hover = hoverAt('main.tf', code, 'serverlessv2_scaling_configuration');
    assert.match(hover, /SecondsUntilAutoPause/);
    assert.match(hover, /256 ACUs/);
  });
});
