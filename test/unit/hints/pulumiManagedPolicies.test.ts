/**
 * dynamodb-managed-full-access in Pulumi programs: AmazonDynamoDBFullAccess attached by the provider's
 * `ManagedPolicy` enum or by its ARN under `policyArn` / `managedPolicyArns`, in TypeScript, Python, Go and C#;
 * the read-only policy, an ARN kept for something else and a program without the Pulumi provider stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, hoverAt, sourceLines } from './support';

const RULE = 'dynamodb-managed-full-access';
const findings = (file: string, code: string): string[] => hintsIn(file, code).filter((hint) => hint.includes(RULE) && hint.endsWith('!'));

describe('Pulumi programs: AmazonDynamoDBFullAccess', () => {
  it('TypeScript: the enum on an attachment and in a ternary, the ARN in a role, the older ManagedPolicies constant, with a Pulumi example', () => {
    const code = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'new aws.iam.RolePolicyAttachment("ddb", { role: role.name, policyArn: aws.iam.ManagedPolicy.AmazonDynamoDBFullAccess });',
      'new aws.iam.RolePolicyAttachment("route", {',
      '  role: role.name,',
      '  policyArn: readOnly ? aws.iam.ManagedPolicy.AmazonDynamoDBReadOnlyAccess : aws.iam.ManagedPolicy.AmazonDynamoDBFullAccess,',
      '});',
      'new aws.iam.Role("worker", {',
      '  assumeRolePolicy: trust,',
      '  managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"],',
      '});',
      'const documented = "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess";',
      'new aws.lambda.CallbackFunction("inbox", { policies: [aws.iam.ManagedPolicies.AmazonDynamoDBFullAccess], callback });',
    );
    assert.deepEqual(findings('infra/index.ts', code), [
      `2:AmazonDynamoDBFullAccess ${RULE}!`,
      `5:AmazonDynamoDBFullAccess ${RULE}!`,
      `9:"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess" ${RULE}!`,
      `12:AmazonDynamoDBFullAccess ${RULE}!`,
    ]);
    assert.match(hoverAt('infra/index.ts', code, 'AmazonDynamoDBFullAccess'), /```ts\nnew aws\.iam\.RolePolicy\("orders"/);
  });

  it('Python: the enum in managed_policy_arns and the ARN as policy_arn', () => {
    const code = sourceLines(
      'import pulumi_aws as aws',
      'aws.iam.Role("fn", assume_role_policy=trust,',
      '    managed_policy_arns=[aws.iam.ManagedPolicy.AWS_LAMBDA_BASIC_EXECUTION_ROLE, aws.iam.ManagedPolicy.AMAZON_DYNAMO_DB_FULL_ACCESS])',
      'aws.iam.RolePolicyAttachment("ddb", role=role.name, policy_arn="arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess")',
    );
    assert.deepEqual(findings('__main__.py', code), [`3:AMAZON_DYNAMO_DB_FULL_ACCESS ${RULE}!`, `4:"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess" ${RULE}!`]);
    assert.match(hoverAt('__main__.py', code, 'AMAZON_DYNAMO_DB_FULL_ACCESS'), /```python\naws\.iam\.RolePolicy\("orders"/);
  });

  it('Go: the enum in a role and the ARN wrapped in pulumi.String under PolicyArn', () => {
    const code = sourceLines(
      'package main',
      'import (',
      '\t"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/iam"',
      '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func roles(ctx *pulumi.Context) error {',
      '\t_, err := iam.NewRole(ctx, "fn", &iam.RoleArgs{',
      '\t\tManagedPolicyArns: pulumi.StringArray{iam.ManagedPolicyAWSLambdaBasicExecutionRole, iam.ManagedPolicyAmazonDynamoDBFullAccess},',
      '\t})',
      '\t_, err = iam.NewRolePolicyAttachment(ctx, "ddb", &iam.RolePolicyAttachmentArgs{',
      '\t\tPolicyArn: pulumi.String("arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"),',
      '\t})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(findings('main.go', code), [`8:ManagedPolicyAmazonDynamoDBFullAccess ${RULE}!`, `11:"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess" ${RULE}!`]);
    assert.match(hoverAt('main.go', code, 'ManagedPolicyAmazonDynamoDBFullAccess'), /```go\niam\.NewRolePolicy\(ctx, "orders"/);
  });

  it('C#: the enum as PolicyArn and the ARN in a ManagedPolicyArns list', () => {
    const code = sourceLines(
      'using Pulumi;',
      'using Aws = Pulumi.Aws;',
      'class Roles : Stack {',
      '    public Roles() {',
      '        new Aws.Iam.RolePolicyAttachment("ddb", new() { Role = role.Name, PolicyArn = Aws.Iam.ManagedPolicy.AmazonDynamoDBFullAccess });',
      '        new Aws.Iam.Role("fn", new() { ManagedPolicyArns = new[] { "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess" } });',
      '    }',
      '}',
    );
    assert.deepEqual(findings('Roles.cs', code), [`5:AmazonDynamoDBFullAccess ${RULE}!`, `6:"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess" ${RULE}!`]);
    assert.match(hoverAt('Roles.cs', code, 'AmazonDynamoDBFullAccess'), /```csharp\nnew Aws\.Iam\.RolePolicy\("orders", new\(\)/);
  });

  it('leaves the read-only policy and a program without the Pulumi provider alone', () => {
    const readOnly = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'new aws.iam.RolePolicyAttachment("ddb", { role: role.name, policyArn: aws.iam.ManagedPolicy.AmazonDynamoDBReadOnlyAccess });',
    );
    assert.deepEqual(findings('infra/index.ts', readOnly), []);
    const other = sourceLines(
      'import { ManagedPolicy } from "./policies";',
      'attach(role, ManagedPolicy.AmazonDynamoDBFullAccess);',
    );
    assert.deepEqual(findings('infra/index.ts', other), []);
  });
});
