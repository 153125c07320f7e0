/**
 * Hovers in Pulumi programs show their examples as Pulumi code in the program's language: TypeScript for
 * `@pulumi/aws`, Python for `pulumi_aws`, Go and C# for their SDKs, not the Terraform (HCL) that the same rules show in `.tf` files.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { hoverAt, realHintRules, sourceLines } from './support';

describe('hovers in Pulumi programs', () => {
  it('show a Pulumi TypeScript example on a resource option, with the args written in a helper', () => {
    const ts = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'export function ordersDb(subnets: aws.rds.SubnetGroup) {',
      '  return new aws.rds.Instance("orders", {',
      '    engine: "postgres",',
      '    instanceClass: "db.t4g.micro",',
      '    dbSubnetGroupName: subnets.name,',
      '    publiclyAccessible: true,',
      '  });',
      '}',
    );
    const markdown = hoverAt('infra/index.ts', ts, 'publiclyAccessible');
    assert.match(markdown, /```ts\nnew aws\.rds\.Instance\("orders", \{\n(?:.*\n)*? {2}publiclyAccessible: false,/);
    assert.doesNotMatch(markdown, /```hcl|publicly_accessible/);
  });

  it('show the same example in a JavaScript program, and the nested block as an object', () => {
    const js = sourceLines('const { dynamodb } = require("@pulumi/aws");', 'new dynamodb.Table("orders", { hashKey: "pk", pointInTimeRecovery: { enabled: false } });');
    const markdown = hoverAt('index.js', js, 'pointInTimeRecovery');
    assert.match(markdown, /```ts\nnew aws\.dynamodb\.Table\("orders", \{\n(?:.*\n)*? {2}pointInTimeRecovery: \{ enabled: true \},/);
  });

  it('show a Pulumi Python example with keyword arguments in a pulumi_aws program', () => {
    const py = sourceLines(
      'import pulumi',
      'from pulumi_aws import elasticache',
      'config = pulumi.Config()',
      'cache = elasticache.ReplicationGroup(',
      '    "sessions",',
      '    description="sessions",',
      '    engine="redis",',
      '    transit_encryption_enabled=False,',
      ')',
    );
    const markdown = hoverAt('__main__.py', py, 'transit_encryption_enabled');
    assert.match(markdown, /```python\naws\.elasticache\.ReplicationGroup\(\n {4}"sessions",\n(?:.*\n)*? {4}transit_encryption_enabled=True, {2}# clients then connect with TLS/);
    assert.doesNotMatch(markdown, /```hcl|```ts/);
  });

  it('show the Pulumi ingress rule on an inbound rule open to the internet', () => {
    const ts = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'new aws.vpc.SecurityGroupIngressRule("redis", { securityGroupId: cacheGroup.id, ipProtocol: "tcp", fromPort: 6379, toPort: 6379, cidrIpv4: "0.0.0.0/0" });',
    );
    assert.match(hoverAt('network.ts', ts, '"0.0.0.0/0"'), /```ts\nnew aws\.vpc\.SecurityGroupIngressRule\("cache-from-app", \{\n {2}securityGroupId: cacheSecurityGroup\.id,/);
    const py = sourceLines(
      'import pulumi_aws as aws',
      'aws.ec2.SecurityGroup("db", vpc_id=vpc.id, ingress=[{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["0.0.0.0/0"]}])',
    );
    assert.match(hoverAt('network.py', py, '"0.0.0.0/0"'), /```python\naws\.vpc\.SecurityGroupIngressRule\(\n {4}"db-from-app",/);
  });

  it('show the Pulumi example where a rule explains only its finding: a single-node Redis cache cluster', () => {
    const ts = sourceLines('import * as aws from "@pulumi/aws";', 'const sessions = new aws.elasticache.Cluster("sessions", { engine: "redis", nodeType: "cache.t4g.micro", numCacheNodes: 1 });');
    const analysis = analyzeText(ts, realHintRules(), { kind: 'typescript', fileName: 'cache.ts' });
    const finding = analysis.findings.find((candidate) => candidate.ruleId === 'elasticache-standalone-redis-tls');
    assert.ok(finding, analysis.findings.map((candidate) => candidate.ruleId).join(', '));
    const markdown = hoverAt('cache.ts', ts, ts.slice(finding.start, finding.end));
    assert.match(markdown, /```ts\nnew aws\.elasticache\.ReplicationGroup\("sessions", \{ \/\/ not aws\.elasticache\.Cluster/);
  });

  it('keep the HCL example in Terraform and the CDK example in a CDK TypeScript stack', () => {
    const hcl = sourceLines('resource "aws_db_instance" "orders" {', '  publicly_accessible = true', '}');
    const terraform = hoverAt('main.tf', hcl, 'publicly_accessible');
    assert.match(terraform, /```hcl\nresource "aws_db_instance" "orders" \{/);
    assert.doesNotMatch(terraform, /```ts|```python/);
    const cdk = sourceLines(
      'import * as rds from "aws-cdk-lib/aws-rds";',
      'new rds.CfnDBInstance(this, "Orders", { dbInstanceClass: "db.t4g.micro", engine: "postgres", publiclyAccessible: true });',
    );
    const markdown = hoverAt('lib/stack.ts', cdk, 'publiclyAccessible');
    assert.match(markdown, /```ts\n/);
    assert.doesNotMatch(markdown, /new aws\.rds\.Instance/);
  });

  it('show a Pulumi Go example in a Go program and a Pulumi C# example in a C# program, naming options as they write them', () => {
    const go = sourceLines(
      'package main',
      'import (',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func db(ctx *pulumi.Context) error {',
      '  _, err := rds.NewInstance(ctx, "orders", &rds.InstanceArgs{PubliclyAccessible: pulumi.Bool(true)})',
      '  return err',
      '}',
    );
    const csharp = sourceLines(
      'using Pulumi;',
      'using Aws = Pulumi.Aws;',
      'return await Deployment.RunAsync(() =>',
      '{',
      '    var db = new Aws.Rds.Instance("orders", new() { PubliclyAccessible = true });',
      '});',
    );
    const goMarkdown = hoverAt('main.go', go, 'PubliclyAccessible');
    assert.match(goMarkdown, /```go\nrds\.NewInstance\(ctx, "orders", &rds\.InstanceArgs\{\n(?:.*\n)*?\tPubliclyAccessible: pulumi\.Bool\(false\),/);
    const csharpMarkdown = hoverAt('Program.cs', csharp, 'PubliclyAccessible');
    assert.match(csharpMarkdown, /```csharp\nnew Aws\.Rds\.Instance\("orders", new\(\)\n\{\n(?:.*\n)*? {4}PubliclyAccessible = false,/);
    for (const markdown of [goMarkdown, csharpMarkdown]) {
      assert.doesNotMatch(markdown, /```(?:ts|python|hcl)|new aws\.rds|publicly_accessible/);
    }
  });
});
