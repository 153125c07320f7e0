/**
 * AWS CDK apps in C#: `new DatabaseInstance(this, "Db", new DatabaseInstanceProps { ... })`, props held by a variable,
 * and methods on constructs, read as the TypeScript props and methods are (PascalCase), judged by the same rules,
 * with hovers that show C# CDK examples.
 */
import * as assert from 'node:assert/strict';
import { analyzeText, siteAt } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { HintRule } from '../../../src/hints/engine/types';
import { hoverMarkdown } from '../../../src/hints/hoverMarkdown';
import { HOVER_COMMANDS, HOVER_LABELS, hintsIn, realHintRules, sourceLines } from './support';

const FILE = 'src/Infra/DataStack.cs';

const HEADER = [
  'using Amazon.CDK;',
  'using Amazon.CDK.AWS.EC2;',
  'using Amazon.CDK.AWS.RDS;',
  'using Amazon.CDK.AWS.DynamoDB;',
  'using ElastiCache = Amazon.CDK.AWS.ElastiCache;',
  'using Constructs;',
];

function findings(found: string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

describe('CDK apps in C#', () => {
  it('reads props initializers in a stack constructor, a props variable and methods on constructs', () => {
    const code = sourceLines(
      ...HEADER,
      'namespace Infra',
      '{',
      '    public class DataStack : Stack',
      '    {',
      '        internal DataStack(Construct scope, string id, IVpc vpc, IFunction reports) : base(scope, id)',
      '        {',
      '            var dbGroup = new SecurityGroup(this, "DbGroup", new SecurityGroupProps { Vpc = vpc });',
      '            dbGroup.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(5432));',
      '            var db = new DatabaseInstance(this, "Orders", new DatabaseInstanceProps',
      '            {',
      '                Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_11 }),',
      '                Vpc = vpc,',
      '                VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },',
      '                BackupRetention = Duration.Days(0),',
      '                RemovalPolicy = RemovalPolicy.DESTROY,',
      '                Credentials = Credentials.FromPassword("admin", SecretValue.UnsafePlainText("s3cret-Passw0rd")),',
      '            });',
      '            db.Connections.AllowDefaultPortFromAnyIpv4();',
      '            var tableProps = new TableProps',
      '            {',
      '                PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING },',
      '                RemovalPolicy = RemovalPolicy.DESTROY,',
      '            };',
      '            var orders = new Table(this, "OrdersTable", tableProps);',
      '            orders.GrantFullAccess(reports);',
      '            new ElastiCache.CfnReplicationGroup(this, "Cache", new ElastiCache.CfnReplicationGroupProps',
      '            {',
      '                ReplicationGroupDescription = "cache",',
      '                TransitEncryptionEnabled = false,',
      '            });',
      '        }',
      '    }',
      '}',
    );
    const found = findings(hintsIn(FILE, code));
    for (const expected of [
      '14:AddIngressRule rds-open-ingress!',
      '15:DatabaseInstance rds-publicly-accessible!',
      '15:DatabaseInstance rds-storage-encrypted!',
      '20:BackupRetention rds-backup-retention!',
      '21:RemovalPolicy rds-removal-policy!',
      '24:AllowDefaultPortFromAnyIpv4 rds-open-ingress!',
      '28:RemovalPolicy dynamodb-removal-policy!',
      '31:GrantFullAccess dynamodb-grant!',
      '35:TransitEncryptionEnabled elasticache-transit-encryption!',
    ]) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    assert.ok(found.some((hint) => hint.startsWith('17:DatabaseInstanceEngine.Postgres(') && hint.endsWith('rds-engine-version-extended-support!')), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('22:Credentials.FromPassword(') && hint.endsWith('rds-master-password!')), found.join('\n'));
    // The engine's and the subnet selection's own initializers hold no props of the instance.
    assert.ok(!hintsIn(FILE, code).some((hint) => /^1[79]:(?:Version|SubnetType) /.test(hint)), found.join('\n'));
  });

  it('reads members set on a props variable after its initializer', () => {
    const code = sourceLines(
      ...HEADER,
      'public class ClusterStack : Stack',
      '{',
      '    public ClusterStack(Construct scope, string id, IVpc vpc) : base(scope, id)',
      '    {',
      '        var props = new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_POSTGRESQL, Vpc = vpc };',
      '        props.StorageEncrypted = false;',
      '        new DatabaseCluster(this, "Cluster", props);',
      '    }',
      '}',
    );
    const found = findings(hintsIn(FILE, code));
    assert.ok(found.includes('12:StorageEncrypted rds-storage-encrypted!'), found.join('\n'));
  });

  it('gives nothing for lookups, values it cannot resolve, tests and files without the CDK', () => {
    const lookups = sourceLines(
      ...HEADER,
      'public class DataStack : Stack',
      '{',
      '    public DataStack(Construct scope, string id, DataStackProps settings) : base(scope, id)',
      '    {',
      '        var orders = Table.FromTableName(this, "Orders", "orders");',
      '        new DatabaseInstance(this, "Tuned", new DatabaseInstanceProps',
      '        {',
      '            Engine = DatabaseInstanceEngine.POSTGRES,',
      '            StorageEncrypted = settings.Encrypted,',
      '            MultiAz = settings.MultiAz,',
      '            Credentials = Credentials.FromPassword("admin", SecretValue.UnsafePlainText(settings.Password)),',
      '        });',
      '    }',
      '}',
    );
    const found = hintsIn(FILE, lookups);
    assert.deepEqual(found.filter((hint) => hint.startsWith('11:')), [], found.join('\n'));
    assert.deepEqual(findings(found), ['12:DatabaseInstance rds-deletion-protection!'], found.join('\n'));

    const test = sourceLines(
      ...HEADER,
      'using Xunit;',
      'public class DataStackTests',
      '{',
      '    [Fact]',
      '    public void MakesAPublicDatabase()',
      '    {',
      '        var stack = new Stack();',
      '        new DatabaseInstance(stack, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, PubliclyAccessible = true });',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('test/Infra.Tests/DataStackTests.cs', test), []);

    const ownClasses = sourceLines(
      'using Shop.Model;',
      'public class Inventory',
      '{',
      '    public DatabaseInstance Make() => new DatabaseInstance(this, "Db", new DatabaseInstanceProps { PubliclyAccessible = true });',
      '}',
    );
    assert.deepEqual(hintsIn('src/Shop/Inventory.cs', ownClasses), []);
  });

  it('shows the C# CDK example in hovers', () => {
    const code = sourceLines(
      ...HEADER,
      'public class DataStack : Stack',
      '{',
      '    public DataStack(Construct scope, string id, IVpc vpc) : base(scope, id)',
      '    {',
      '        new DatabaseInstance(this, "Orders", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = false });',
      '    }',
      '}',
    );
    const rules = realHintRules();
    const analysis = analyzeText(code, rules, { kind: documentKind(undefined, FILE)!, fileName: FILE });
    const site = siteAt(analysis.sites, code.indexOf('MultiAz'));
    assert.ok(site && analysis.language);
    const shown = site.ruleIds.map((id) => rules.find((rule) => rule.id === id)).filter((rule): rule is HintRule => rule !== undefined);
    const markdown = hoverMarkdown(shown, { language: analysis.language, origin: site.origin, name: site.name }, HOVER_LABELS, HOVER_COMMANDS);
    assert.match(markdown, /```csharp\nnew DatabaseInstance\(this, "Orders", new DatabaseInstanceProps\n\{\n(?:.*\n)*? {4}MultiAz = true/);
    assert.doesNotMatch(markdown, /```ts|multi_az|Aws\.Rds/);
  });
});
