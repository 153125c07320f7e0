/**
 * A literal a Pulumi program wraps as a secret (`pulumi.secret("…")`, `pulumi.Output.secret("…")`,
 * `pulumi.ToSecret(pulumi.String("…"))`, `Output.CreateSecret("…")`) is still in source control: the hard-coded
 * secret rules report it with a message of its own; a wrapped value that is no literal, or a `secret` of no Pulumi
 * import, is no finding.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsIn, realHintRules, sourceLines } from './support';

function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => hint.endsWith('!'));
}

function messagesIn(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings.map((finding) => finding.message);
}

describe('Pulumi secrets written as literals', () => {
  it('reports a literal that TypeScript wraps in pulumi.secret, and no wrapped config value nor a secret() of its own', () => {
    const code = sourceLines(
      'import * as pulumi from "@pulumi/pulumi";',
      'import * as aws from "@pulumi/aws";',
      'import { secret as keep } from "./vault";',
      'const config = new pulumi.Config();',
      'new aws.rds.Instance("a", { engine: "mysql", storageEncrypted: true, password: pulumi.secret("Orders-2024-pw") });',
      'new aws.rds.Instance("b", { engine: "mysql", storageEncrypted: true, password: pulumi.secret(config.require("pw")) });',
      'new aws.rds.Instance("c", { engine: "mysql", storageEncrypted: true, password: keep("Not-Pulumi-1") });',
      'new aws.rds.Instance("d", { engine: "mysql", storageEncrypted: true, password: pulumi.output("Plain-Output-1") });',
    );
    assert.deepEqual(
      findings('index.ts', code).filter((finding) => !finding.includes('rds-multi-az')),
      ['5:Instance rds-deletion-protection!', '5:pulumi.secret("Orders-2024-pw") rds-master-password!', '6:Instance rds-deletion-protection!', '7:Instance rds-deletion-protection!', '8:Instance rds-deletion-protection!'],
    );
    assert.ok(messagesIn('index.ts', code).some((message) => message.startsWith('This literal is wrapped as a Pulumi secret')));
  });

  it("reports a wrapped literal in a function's environment with the rule's own message, since the function holds it in plain text", () => {
    const code = sourceLines(
      'import * as pulumi from "@pulumi/pulumi";',
      'import * as aws from "@pulumi/aws";',
      'new aws.lambda.Function("api", {',
      '  runtime: "nodejs20.x",',
      '  handler: "index.handler",',
      '  role: roleArn,',
      '  environment: { variables: { DB_HOST: host, DB_PASSWORD: pulumi.secret("Lambda-Env-pw1") } },',
      '});',
    );
    assert.deepEqual(findings('index.ts', code), ['7:pulumi.secret("Lambda-Env-pw1") rds-password-in-lambda-environment!']);
    assert.ok(messagesIn('index.ts', code)[0].startsWith("A literal password in a Lambda function's or ECS container's environment"));
  });

  it('reports Python Output.secret, through the module or a name imported from it, on a password and an AUTH token', () => {
    const code = sourceLines(
      'import pulumi',
      'import pulumi_aws as aws',
      'from pulumi import Output',
      'aws.rds.Cluster("c", engine="aurora-postgresql", master_password=pulumi.Output.secret("Cluster-Pw-1"))',
      'aws.elasticache.ReplicationGroup("r", description="r", at_rest_encryption_enabled=True, transit_encryption_enabled=True, auth_token=Output.secret("token-token-token-1"))',
      'aws.rds.Cluster("d", engine="aurora-postgresql", master_password=Output.secret(f"{prefix}-pw"))',
    );
    assert.deepEqual(findings('__main__.py', code), [
      '4:Cluster rds-deletion-protection!',
      '4:pulumi.Output.secret("Cluster-Pw-1") rds-master-password!',
      '5:Output.secret("token-token-token-1") elasticache-auth-token!',
      '6:Cluster rds-deletion-protection!',
    ]);
  });

  it('reports Go pulumi.ToSecret and C# Output.CreateSecret around a literal', () => {
    const go = sourceLines(
      'package main',
      'import (',
      '\t"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds"',
      '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func db(ctx *pulumi.Context) error {',
      '\t_, err := rds.NewInstance(ctx, "db", &rds.InstanceArgs{Engine: pulumi.String("mysql"), StorageEncrypted: pulumi.Bool(true), Password: pulumi.ToSecret(pulumi.String("Go-Secret-pw1"))})',
      '\treturn err',
      '}',
    );
    assert.deepEqual(findings('main.go', go), ['7:NewInstance rds-deletion-protection!', '7:NewInstance rds-multi-az!', '7:pulumi.ToSecret(pulumi.String("Go-Secret-pw1")) rds-master-password!']);
    const cs = sourceLines(
      'using Pulumi;',
      'using Aws = Pulumi.Aws;',
      'class Db : Stack {',
      '  public Db() {',
      '    new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { Engine = "mysql", StorageEncrypted = true, Password = Output.CreateSecret("Cs-Secret-pw1") });',
      '  }',
      '}',
    );
    assert.deepEqual(findings('Db.cs', cs), ['5:Instance rds-deletion-protection!', '5:Instance rds-multi-az!', '5:Output.CreateSecret("Cs-Secret-pw1") rds-master-password!']);
  });
});
