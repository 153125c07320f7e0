/**
 * Pulumi AWS programs in C#: `new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs { ... })` is the Terraform resource of
 * its class, judged by the Terraform rules, with options named as the program writes them, and no other language's example.
 */
import * as assert from 'node:assert/strict';
import { pickExample } from '../../../src/hints/examples';
import { hintsIn, realHintRules, sourceLines } from './support';

describe('Pulumi AWS resources in C#', () => {
  it('judges resources under the Aws alias, with typed and target-typed args', () => {
    const code = sourceLines(
      'using Pulumi;',
      'using Aws = Pulumi.Aws;',
      'return await Deployment.RunAsync(() =>',
      '{',
      '    var config = new Config();',
      '    var db = new Aws.Rds.Instance("db", new Aws.Rds.InstanceArgs',
      '    {',
      '        Engine = "postgres",',
      '        InstanceClass = "db.t4g.micro",',
      '        PubliclyAccessible = true,',
      '        SkipFinalSnapshot = true,',
      '        Password = "correct-horse-battery",',
      '    });',
      '    var cluster = new Aws.Rds.Cluster("orders", new()',
      '    {',
      '        Engine = "aurora-postgresql",',
      '        StorageEncrypted = true,',
      '        MasterPassword = config.RequireSecret("dbPassword"),',
      '        BackupRetentionPeriod = 0,',
      '    }, new CustomResourceOptions { Protect = true });',
      '});',
    );
    const found = hintsIn('Program.cs', code);
    for (const expected of ['6:Instance rds-storage-encrypted!', '10:PubliclyAccessible rds-publicly-accessible!', '11:SkipFinalSnapshot rds-skip-final-snapshot!', '12:"correct-horse-battery" rds-master-password!', '19:BackupRetentionPeriod rds-backup-retention!']) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    assert.ok(!found.some((hint) => hint.startsWith('18:') && hint.endsWith('!')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('20:')), found.join('\n'));
  });

  it('reads module usings, args held in a variable, and a literal in Output.CreateSecret as a wrapped secret', () => {
    const code = sourceLines(
      'using Pulumi;',
      'using Pulumi.Aws.ElastiCache;',
      'using Pulumi.Aws;',
      'class DataStack : Stack',
      '{',
      '    public DataStack()',
      '    {',
      '        var args = new ReplicationGroupArgs',
      '        {',
      '            Description = "sessions",',
      '            Engine = "redis",',
      '            TransitEncryptionEnabled = false,',
      '            AuthToken = Output.CreateSecret("sessions-token-0123456789"),',
      '        };',
      '        var cache = new ReplicationGroup("sessions", args);',
      '        var table = new DynamoDB.Table("orders", new DynamoDB.TableArgs { HashKey = "pk", BillingMode = "PAY_PER_REQUEST" });',
      '    }',
      '}',
    );
    const found = hintsIn('DataStack.cs', code);
    assert.ok(found.includes('12:TransitEncryptionEnabled elasticache-transit-encryption!'), found.join('\n'));
    // Encrypted in the stack state, but the literal itself is in source control (pulumiSecrets.test.ts).
    assert.ok(found.includes('13:Output.CreateSecret("sessions-token-0123456789") elasticache-auth-token!'), found.join('\n'));
    assert.ok(found.includes('16:BillingMode dynamodb-billing-mode'), found.join('\n'));
  });

  it('reads nothing from lookups, existing resources, other providers, test code, or classes the rules do not know', () => {
    const code = sourceLines(
      'using Pulumi;',
      'using Aws = Pulumi.Aws;',
      'using Native = Pulumi.AwsNative;',
      'return await Deployment.RunAsync(() =>',
      '{',
      '    var found = Aws.Rds.GetInstance.Invoke(new() { DbInstanceIdentifier = "legacy" });',
      '    var existing = Aws.Rds.Instance.Get("legacy", "legacy-db");',
      '    var native = new Native.Rds.DbInstance("n", new() { PubliclyAccessible = true });',
      '    var pg = new Aws.Rds.ParameterGroup("pg", new() { Family = "postgres16" });',
      '    var mine = new Rds.Instance("mine", new() { PubliclyAccessible = true });',
      '});',
    );
    assert.deepEqual(hintsIn('Program.cs', code), []);
    const test = sourceLines(
      'using Pulumi;',
      'using Aws = Pulumi.Aws;',
      'using Xunit;',
      'public class DbTests',
      '{',
      '    [Fact]',
      '    public void IsPrivate()',
      '    {',
      '        var db = new Aws.Rds.Instance("db", new() { PubliclyAccessible = true });',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('DbTests.cs', test).filter((hint) => hint.endsWith('!')), []);
  });

  it('shows the Pulumi C# example on a C# resource, never another language’s', () => {
    const shown = realHintRules().filter((rule) => {
      const example = pickExample(rule, 'csharp', 'pulumi-csharp');
      assert.ok(example === undefined || (example.fence === 'csharp' && example.code === rule.examples['pulumi-csharp']), rule.id);
      return example !== undefined;
    });
    assert.ok(shown.some((rule) => rule.id === 'rds-publicly-accessible'));
  });
});

describe('Pulumi AWS security groups in C#', () => {
  it('reports a database or cache port opened to the internet, in a group, a rule and an ingress rule resource', () => {
    const code = sourceLines(
      'using Pulumi;', // 1
      'using Aws = Pulumi.Aws;',
      '',
      'class NetworkStack : Stack',
      '{', // 5
      '    public NetworkStack(Output<string> vpcId)',
      '    {',
      '        var db = new Aws.Ec2.SecurityGroup("db", new()',
      '        {',
      '            VpcId = vpcId,', // 10
      '            Ingress =',
      '            {',
      '                new Aws.Ec2.Inputs.SecurityGroupIngressArgs',
      '                {',
      '                    Protocol = "tcp", FromPort = 5432, ToPort = 5432,', // 15
      '                    CidrBlocks = { "10.0.0.0/16", "0.0.0.0/0" },',
      '                },',
      '                new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 443, ToPort = 443, CidrBlocks = new[] { "0.0.0.0/0" } },',
      '            },',
      '        });', // 20
      '        var rule = new Aws.Ec2.SecurityGroupRuleArgs { Type = "ingress", SecurityGroupId = db.Id, Protocol = "tcp", FromPort = 3306, ToPort = 3306, CidrBlocks = new[] { "0.0.0.0/0" } };',
      '        new Aws.Ec2.SecurityGroupRule("mysql", rule);',
      '        new Aws.Vpc.SecurityGroupIngressRule("redis", new() { SecurityGroupId = db.Id, IpProtocol = "tcp", FromPort = 6379, ToPort = 6379, CidrIpv4 = "0.0.0.0/0" });',
      '    }',
      '}', // 25
    );
    const found = hintsIn('NetworkStack.cs', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found, ['16:"0.0.0.0/0" rds-open-ingress!', '21:"0.0.0.0/0" rds-open-ingress!', '23:"0.0.0.0/0" elasticache-open-ingress!']);
  });

  it('reads classes through module aliases, as Pulumi\'s C# templates write them', () => {
    const code = sourceLines(
      'using Pulumi;', // 1
      'using Ec2 = Pulumi.Aws.Ec2;',
      'using Rds = Pulumi.Aws.Rds;',
      '',
      'class DataStack : Stack', // 5
      '{',
      '    public DataStack()',
      '    {',
      '        var sg = new Ec2.SecurityGroup("db-sg", new Ec2.SecurityGroupArgs',
      '        {', // 10
      '            Ingress = { new Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 3306, ToPort = 3306, CidrBlocks = {"0.0.0.0/0"} } },',
      '            Egress = { new Ec2.Inputs.SecurityGroupEgressArgs { Protocol = "-1", FromPort = 0, ToPort = 0, CidrBlocks = {"0.0.0.0/0"} } },',
      '        });',
      '        var db = new Rds.Instance("db", new Rds.InstanceArgs { Engine = "mysql", InstanceClass = "db.t4g.micro", PubliclyAccessible = true });', // 14
      '    }',
      '}',
    );
    const found = hintsIn('DataStack.cs', code).filter((hint) => hint.endsWith('!'));
    assert.ok(found.includes('11:"0.0.0.0/0" rds-open-ingress!'), found.join('\n'));
    assert.ok(found.includes('14:PubliclyAccessible rds-publicly-accessible!'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('12:')), found.join('\n'));
  });

  it('says nothing of egress, a group open on every port, sources from config, or other providers', () => {
    const code = sourceLines(
      'using Pulumi;',
      'using Pulumi.Aws.Ec2;',
      'using Pulumi.Aws.Ec2.Inputs;',
      'using Native = Pulumi.AwsNative;',
      'return await Deployment.RunAsync(() =>',
      '{',
      '    var config = new Config();',
      '    new SecurityGroup("web", new SecurityGroupArgs { Ingress = { new SecurityGroupIngressArgs { Protocol = "-1", FromPort = 0, ToPort = 0, CidrBlocks = { "0.0.0.0/0" } } } });',
      '    new SecurityGroup("db", new SecurityGroupArgs',
      '    {',
      '        Ingress = { new SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 5432, ToPort = 5432, CidrBlocks = config.RequireObject<string[]>("officeCidrs") } },',
      '        Egress = { new SecurityGroupEgressArgs { Protocol = "tcp", FromPort = 6379, ToPort = 6379, CidrBlocks = { "0.0.0.0/0" } } },',
      '    });',
      '    new Native.Ec2.SecurityGroup("native", new() { SecurityGroupIngress = { new() { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, CidrIp = "0.0.0.0/0" } } });',
      '});',
    );
    assert.deepEqual(hintsIn('Program.cs', code).filter((hint) => hint.endsWith('!')), []);
  });
});
