/**
 * dynamodb-managed-full-access: the AWS managed policy AmazonDynamoDBFullAccess attached in a template, by name in
 * a SAM function's Policies (alone, or among policy templates and inline statements) or by ARN in an IAM role's
 * ManagedPolicyArns, or taken into a CDK app by ManagedPolicy's factories, gets the hover and the finding; narrower
 * policies and mentions elsewhere do not.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'dynamodb-managed-full-access';
const hints = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.includes(RULE)).sort();

describe('AmazonDynamoDBFullAccess attached in a template or a CDK app', () => {
  it('finds it in a SAM function\'s Policies: a single name, a list item beside policy templates, an ARN with the partition', () => {
    const template = sourceLines(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  GetOrders:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: app.get',
      '      Policies: AmazonDynamoDBFullAccess',
      '  PutOrder:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: app.put',
      '      Policies:',
      '        - AWSLambdaBasicExecutionRole',
      '        - DynamoDBCrudPolicy:',
      '            TableName: !Ref Orders',
      '        - AmazonDynamoDBFullAccess',
      '  Report:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: app.report',
      '      Policies:',
      '        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonDynamoDBFullAccess_v2',
      '  Orders:',
      '    Type: AWS::Serverless::SimpleTable',
    );
    assert.deepEqual(hints('template.yaml', template), [
      `16:AmazonDynamoDBFullAccess ${RULE}`,
      `16:AmazonDynamoDBFullAccess ${RULE}!`,
      `22:!Sub arn:\${AWS::Partition}:iam::aws:policy/AmazonDynamoDBFullAccess_v2 ${RULE}`,
      `22:!Sub arn:\${AWS::Partition}:iam::aws:policy/AmazonDynamoDBFullAccess_v2 ${RULE}!`,
      `7:AmazonDynamoDBFullAccess ${RULE}`,
      `7:AmazonDynamoDBFullAccess ${RULE}!`,
    ]);
  });

  it("finds the ARN in an IAM role's ManagedPolicyArns, in YAML and in JSON, once per role", () => {
    const yaml = sourceLines(
      'Resources:',
      '  LambdaRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      ManagedPolicyArns:',
      '        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      '        - "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"',
    );
    assert.deepEqual(hints('template.yaml', yaml), [`7:"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess" ${RULE}`, `7:"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess" ${RULE}!`]);
    const json = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          Get: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'App::Get', Policies: ['AWSLambdaBasicExecutionRole', 'AmazonDynamoDBFullAccess'] } },
          Role: { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AmazonDynamoDBFullAccess' }] } },
        },
      },
      null,
      2,
    );
    assert.equal(hints('serverless.template', json).filter((hint) => hint.endsWith('!')).length, 2);
  });

  it("finds the ARN in a Serverless service's provider role (managedPolicies, and the older iamManagedPolicies), not a customer policy of the name", () => {
    const v3 = sourceLines(
      'service: orders',
      'provider:',
      '  name: aws',
      '  runtime: nodejs20.x',
      '  iam:',
      '    role:',
      '      managedPolicies:',
      '        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      '        - arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess',
      'functions:',
      '  list:',
      '    handler: src/list.handler',
    );
    assert.deepEqual(hints('serverless.yml', v3), [`9:arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess ${RULE}`, `9:arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess ${RULE}!`]);
    const v2 = sourceLines(
      'service: legacy',
      'provider:',
      '  name: aws',
      '  iamManagedPolicies:',
      '    - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonDynamoDBFullAccess_v2',
      '    - arn:aws:iam::123456789012:policy/AmazonDynamoDBFullAccess',
      '    - AmazonDynamoDBFullAccess',
      'functions:',
      '  list:',
      '    handler: src/list.handler',
    );
    // By ARN only: a role's managed policies are ARNs, and a customer policy of the same name is the account's own.
    assert.deepEqual(hints('serverless.yml', v2).filter((hint) => hint.endsWith('!')).map((hint) => hint.split(':')[0]), ['5']);
  });

  it('leaves narrower policies, the name in a role\'s ManagedPolicyArns (not an ARN), other resources and other keys alone', () => {
    const template = sourceLines(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Reader:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Policies:',
      '        - AmazonDynamoDBReadOnlyAccess',
      '        - DynamoDBReadPolicy:',
      '            TableName: AmazonDynamoDBFullAccess',
      '        - arn:aws:iam::123456789012:policy/AmazonDynamoDBFullAccess',
      '      Description: AmazonDynamoDBFullAccess',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      ManagedPolicyArns:',
      '        - AmazonDynamoDBFullAccess',
      '  Policy:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      '      Description: like AmazonDynamoDBFullAccess',
    );
    assert.deepEqual(hints('template.yaml', template), []);
  });

  it('finds the CDK factories in TypeScript, Python, Java and C#: by name, and by ARN', () => {
    const ts = sourceLines(
      "import { Stack } from 'aws-cdk-lib';",
      "import * as iam from 'aws-cdk-lib/aws-iam';",
      'export class ApiStack extends Stack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    const role = new iam.Role(this, 'FnRole', {",
      "      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),",
      "      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonDynamoDBFullAccess')],",
      '    });',
      "    role.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(this, 'Ddb', 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess_v2'));",
      '  }',
      '}',
    );
    assert.deepEqual(hints('lib/api-stack.ts', ts), [
      `10:'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess_v2' ${RULE}`,
      `10:'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess_v2' ${RULE}!`,
      `8:'AmazonDynamoDBFullAccess' ${RULE}`,
      `8:'AmazonDynamoDBFullAccess' ${RULE}!`,
    ]);
    const python = sourceLines(
      'from aws_cdk import Stack, aws_iam as iam',
      '',
      'class ApiStack(Stack):',
      '    def __init__(self, scope, construct_id, **kwargs):',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        role = iam.Role(self, "FnRole", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))',
      '        role.add_managed_policy(',
      '            iam.ManagedPolicy.from_aws_managed_policy_name("AmazonDynamoDBFullAccess")',
      '        )',
    );
    assert.equal(hints('stacks/api_stack.py', python).filter((hint) => hint.startsWith('8:') && hint.endsWith('!')).length, 1);
    const java = sourceLines('role.addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName("AmazonDynamoDBFullAccess"));');
    assert.equal(hints('src/main/java/ApiStack.java', java).filter((hint) => hint.endsWith('!')).length, 1);
    const csharp = sourceLines('role.AddManagedPolicy(ManagedPolicy.FromAwsManagedPolicyName("AmazonDynamoDBFullAccess"));');
    assert.equal(hints('src/ApiStack.cs', csharp).filter((hint) => hint.endsWith('!')).length, 1);
  });

  it('leaves other managed policies, the name outside the factories, comments and a name passed to the ARN factory alone', () => {
    const ts = sourceLines(
      "import * as iam from 'aws-cdk-lib/aws-iam';",
      '// was iam.ManagedPolicy.fromAwsManagedPolicyName("AmazonDynamoDBFullAccess")',
      "const readOnly = iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonDynamoDBReadOnlyAccess');",
      "const label = 'AmazonDynamoDBFullAccess';",
      "const odd = iam.ManagedPolicy.fromManagedPolicyArn(this, 'Odd', 'AmazonDynamoDBFullAccess');",
      "const own = iam.ManagedPolicy.fromManagedPolicyArn(this, 'Own', 'arn:aws:iam::123456789012:policy/AmazonDynamoDBFullAccess');",
      "const custom = fromAwsManagedPolicyName('AmazonDynamoDBFullAccess');",
    );
    assert.deepEqual(hints('lib/stack.ts', ts), []);
  });
});
