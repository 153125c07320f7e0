/**
 * rds-password-in-lambda-environment on ECS: a password variable in a container's `environment` of a task
 * definition, in Terraform's `container_definitions = jsonencode([...])` and CloudFormation's `ContainerDefinitions`,
 * gets the hover, and a literal the finding; `secrets`, other names and values that name a secret are left alone.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULE = ['rds-password-in-lambda-environment'];

describe('passwords in an ECS container\'s environment', () => {
  it('reads Terraform\'s jsonencode container definitions, not secrets, a heredoc or a value that names a secret', () => {
    const code = sourceLines(
      'variable "db_password" {',
      '  type      = string',
      '  sensitive = true',
      '}',
      'resource "aws_ecs_task_definition" "api" {',
      '  family = "api"',
      '  container_definitions = jsonencode([',
      '    {',
      '      name  = "api"',
      '      environment = [', // 10
      '        { name = "DB_HOST", value = aws_db_instance.main.address },',
      '        { name = "DB_PASSWORD", value = var.db_password },',
      '        { name = "REDIS_PASS", value = "hunter2-literal" },',
      '        { name = "DB_PASSWORD_SECRET", value = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db" },',
      '      ]',
      '      secrets = [{ name = "API_PASSWORD", valueFrom = aws_secretsmanager_secret.api.arn }]',
      '    }',
      '  ])',
      '}',
      'resource "aws_ecs_task_definition" "worker" {', // 20
      '  family                = "worker"',
      '  container_definitions = <<EOF',
      '[{ "name": "worker", "environment": [{ "name": "DB_PASSWORD", "value": "in-a-heredoc" }] }]',
      'EOF',
      '}',
    );
    assert.deepEqual(hintsOfRules('ecs.tf', code, RULE), [
      '12:"DB_PASSWORD" rds-password-in-lambda-environment',
      '13:"REDIS_PASS" rds-password-in-lambda-environment',
      '13:"hunter2-literal" rds-password-in-lambda-environment!',
    ]);
  });

  it('reads CloudFormation\'s ContainerDefinitions, with a NoEcho parameter as a hover and a literal as the finding', () => {
    const code = sourceLines(
      'Parameters:',
      '  DbPassword:',
      '    Type: String',
      '    NoEcho: true',
      'Resources:',
      '  ApiTask:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      ContainerDefinitions:',
      '        - Name: api', // 10
      '          Environment:',
      '            - Name: DB_HOST',
      '              Value: !GetAtt Database.Endpoint.Address',
      '            - Name: DB_PASSWORD',
      '              Value: !Ref DbPassword',
      '            - Name: CACHE_PASSWORD',
      '              Value: s3cr3t-value',
      '          Secrets:',
      '            - Name: API_PASSWORD',
      '              ValueFrom: !Ref ApiSecret', // 20
    );
    assert.deepEqual(hintsOfRules('task.yaml', code, RULE), [
      '14:DB_PASSWORD rds-password-in-lambda-environment',
      '16:CACHE_PASSWORD rds-password-in-lambda-environment',
      '17:s3cr3t-value rds-password-in-lambda-environment!',
    ]);
  });
});
