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

  it('reads module usings, args held in a variable, and Output.CreateSecret as no literal', () => {
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
    assert.ok(!found.some((hint) => hint.startsWith('13:') && hint.endsWith('!')), found.join('\n'));
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
