/**
 * rds-password-in-ssm-string-parameter: a plain `String` SSM parameter whose name, description or value says it holds
 * a password, in CloudFormation, Terraform and the CDK. A SecureString, a parameter that holds a host name, an ARN
 * or a secret's name, and one whose name only mentions a password on the way (`password-policy`) get nothing.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsOfRules, realHintRules, sourceLines } from './support';

const RULE = 'rds-password-in-ssm-string-parameter';
const hints = (fileName: string, code: string): string[] => hintsOfRules(fileName, code, [RULE]);

function messages(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => finding.message);
}

describe('Passwords in plain String SSM parameters', () => {
  it('reads CloudFormation parameters by name, description and the template parameter they take, and a SecureString one, which CloudFormation rejects', () => {
    const template = sourceLines(
      'Parameters:',
      '  DBPassword:',
      '    Type: String',
      '    NoEcho: true',
      'Resources:',
      '  PasswordParameter:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Name: !Sub /${AWS::StackName}/db/password',
      '      Type: String', // 10
      '      Value: !Ref DBPassword',
      '  Described:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Name: /orders/db/master',
      '      Description: Master password of the orders database',
      '      Type: String', // 17
      '      Value: changeme',
      '  ByValue:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Name: /orders/db/credential',
      '      Type: String', // 23
      '      Value: !Ref DBPassword',
      '  Host:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Name: /orders/db/host',
      '      Type: String',
      '      Value: !GetAtt Database.Endpoint.Address',
      '  SecretName:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Name: /orders/db/secret',
      '      Description: Name of the secret with the database password',
      '      Type: String',
      '      Value: orders/db-credentials',
      '  SecretArn:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Name: /orders/db/password-secret-arn',
      '      Type: String',
      '      Value: !Ref DatabaseSecret',
      '  Policy:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Name: /orders/password-policy',
      '      Type: String',
      '      Value: strict',
      '  Secure:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Name: /orders/db/admin-password',
      '      Type: SecureString', // 54
      '      Value: !Ref DBPassword',
    );
    assert.deepEqual(hints('template.yaml', template), [
      `10:String ${RULE}`,
      `10:String ${RULE}!`,
      `17:String ${RULE}`,
      `17:String ${RULE}!`,
      `23:String ${RULE}`,
      `23:String ${RULE}!`,
      `54:SecureString ${RULE}`,
      `54:SecureString ${RULE}!`,
    ]);
    assert.match(messages('template.yaml', template)[0], /CloudFormation cannot create SecureString parameters/);
    assert.match(messages('template.yaml', template)[3], /fails to deploy/);
  });

  it('reads Terraform parameters: a String one warns, a SecureString one and a secret\'s ARN or name do not', () => {
    const tf = sourceLines(
      'resource "aws_ssm_parameter" "db_password" {',
      '  name  = "/${var.env}/orders/db_password"',
      '  type  = "String"', // 3
      '  value = random_password.db.result',
      '}',
      'resource "aws_ssm_parameter" "master" {',
      '  name  = "/orders/db/master"',
      '  type  = "String"', // 8
      '  value = var.master_password',
      '}',
      'resource "aws_ssm_parameter" "secure" {',
      '  name  = "/orders/db/password"',
      '  type  = "SecureString"',
      '  value = random_password.db.result',
      '}',
      'resource "aws_ssm_parameter" "secret_arn" {',
      '  name  = "/orders/db/secret"',
      '  type  = "String"',
      '  value = aws_secretsmanager_secret.db.arn',
      '}',
      'resource "aws_ssm_parameter" "jwt_secret" {',
      '  name  = "${var.environment}-jwt-secret"',
      '  type  = "String"', // 23
      '  value = "${var.jwt_secret}"',
      '}',
      'resource "aws_ssm_parameter" "secret_name" {',
      '  name  = "/orders/db/secret"',
      '  type  = "String"',
      '  value = aws_secretsmanager_secret.db.name',
      '}',
      'resource "aws_ssm_parameter" "endpoint" {',
      '  name  = "/orders/db/endpoint"',
      '  type  = "String"',
      '  value = aws_db_instance.orders.address',
      '}',
    );
    assert.deepEqual(hints('ssm.tf', tf), [
      `23:"String" ${RULE}`,
      `23:"String" ${RULE}!`,
      `3:"String" ${RULE}`,
      `3:"String" ${RULE}!`,
      `8:"String" ${RULE}`,
      `8:"String" ${RULE}!`,
    ]);
    assert.match(messages('ssm.tf', tf)[0], /Set type = "SecureString"/);
  });

  it('reads the CDK\'s StringParameter by its name or value, not one that holds a secret\'s name', () => {
    const code = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as ssm from 'aws-cdk-lib/aws-ssm';",
      'export class ConfigStack extends cdk.Stack {',
      '  constructor(scope, id, props) {',
      '    super(scope, id, props);',
      "    new ssm.StringParameter(this, 'DbPassword', {",
      "      parameterName: '/orders/db/password',",
      '      stringValue: props.dbPassword,', // 8
      '    });',
      "    new ssm.StringParameter(this, 'DbSecretName', {",
      "      parameterName: '/orders/db/secret',",
      '      stringValue: props.database.secret.secretName,',
      '    });',
      "    new ssm.StringParameter(this, 'DbHost', { parameterName: '/orders/db/host', stringValue: props.host });",
      '  }',
      '}',
    );
    assert.deepEqual(hints('config-stack.ts', code), [`8:stringValue ${RULE}`, `8:stringValue ${RULE}!`]);
    assert.match(messages('config-stack.ts', code)[0], /The CDK cannot create SecureString parameters/);
    const python = sourceLines(
      'from aws_cdk import Stack, aws_ssm as ssm',
      'class ConfigStack(Stack):',
      '    def __init__(self, scope, construct_id, db_password, **kwargs):',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        ssm.StringParameter(self, "Password", parameter_name="/orders/db/pwd", string_value=db_password)', // 5
      '        ssm.StringParameter(self, "Endpoint", parameter_name="/orders/db/endpoint", string_value="orders.example.com")',
    );
    assert.deepEqual(hints('config_stack.py', python), [`5:string_value ${RULE}`, `5:string_value ${RULE}!`]);
  });
});
