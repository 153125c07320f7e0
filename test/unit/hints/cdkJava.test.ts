/**
 * AWS CDK apps in Java: builder chains (`DatabaseInstance.Builder.create(this, "Db")...build()`), props built with
 * `XProps.builder()` in place or in a local, and methods on constructs read as the TypeScript props and methods are,
 * judged by the same rules, with hovers that show Java CDK examples.
 */
import * as assert from 'node:assert/strict';
import { analyzeText, siteAt } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { HintRule } from '../../../src/hints/engine/types';
import { hoverMarkdown } from '../../../src/hints/hoverMarkdown';
import { HOVER_COMMANDS, HOVER_LABELS, hintsIn, realHintRules, sourceLines } from './support';

const FILE = 'infra/src/main/java/com/example/DataStack.java';

const HEADER = [
  'package com.example;',
  '',
  'import software.amazon.awscdk.Duration;',
  'import software.amazon.awscdk.RemovalPolicy;',
  'import software.amazon.awscdk.SecretValue;',
  'import software.amazon.awscdk.Stack;',
  'import software.amazon.awscdk.services.ec2.*;',
  'import software.amazon.awscdk.services.rds.*;',
  'import software.amazon.awscdk.services.dynamodb.*;',
  'import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;',
  'import software.constructs.Construct;',
];

function findings(found: string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

describe('CDK apps in Java', () => {
  it('reads builder chains in a stack constructor, with the TypeScript rules and names', () => {
    const code = sourceLines(
      ...HEADER,
      'public class DataStack extends Stack {',
      '    private final DatabaseInstance database;',
      '    public DataStack(final Construct scope, final String id, final IVpc vpc) {',
      '        super(scope, id);',
      '        this.database = DatabaseInstance.Builder.create(this, "Orders")',
      '                .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder().version(PostgresEngineVersion.VER_11).build()))',
      '                .vpc(vpc)',
      '                .publiclyAccessible(true)',
      '                .backupRetention(Duration.days(0))',
      '                .removalPolicy(RemovalPolicy.DESTROY)',
      '                .credentials(Credentials.fromPassword("admin", SecretValue.unsafePlainText("s3cret-Passw0rd")))',
      '                .build();',
      '        Table sessions = Table.Builder.create(this, "Sessions")',
      '                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())',
      '                .removalPolicy(RemovalPolicy.DESTROY)',
      '                .build();',
      '        CfnReplicationGroup.Builder.create(this, "Cache").replicationGroupDescription("cache").engine("redis").transitEncryptionEnabled(false).build();',
      '    }',
      '}',
    );
    const found = hintsIn(FILE, code);
    for (const expected of [
      '16:DatabaseInstance rds-storage-encrypted!',
      '19:publiclyAccessible rds-publicly-accessible!',
      '20:backupRetention rds-backup-retention!',
      '21:removalPolicy rds-removal-policy!',
      '26:removalPolicy dynamodb-removal-policy!',
      '28:transitEncryptionEnabled elasticache-transit-encryption!',
    ]) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    assert.ok(found.some((hint) => hint.startsWith('17:DatabaseInstanceEngine.postgres(') && hint.endsWith('rds-engine-version-extended-support!')), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('22:Credentials.fromPassword(') && hint.endsWith('rds-master-password!')), found.join('\n'));
  });

  it('reads props built in a local and in place, methods on constructs, and a public subnet placement', () => {
    const code = sourceLines(
      ...HEADER,
      'public class DataStack extends Stack {',
      '    public DataStack(final Construct scope, final String id, final IVpc vpc, final ITable shared) {',
      '        super(scope, id);',
      '        SecurityGroup dbGroup = new SecurityGroup(this, "DbGroup", SecurityGroupProps.builder().vpc(vpc).build());',
      '        dbGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(5432));',
      '        DatabaseClusterProps clusterProps = DatabaseClusterProps.builder()',
      '                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder().version(AuroraPostgresEngineVersion.VER_16_4).build()))',
      '                .vpc(vpc)',
      '                .storageEncrypted(false)',
      '                .deletionProtection(false)',
      '                .build();',
      '        DatabaseCluster cluster = new DatabaseCluster(this, "Cluster", clusterProps);',
      '        DatabaseInstance reports = new DatabaseInstance(this, "Reports", DatabaseInstanceProps.builder()',
      '                .engine(DatabaseInstanceEngine.MYSQL)',
      '                .vpc(vpc)',
      '                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())',
      '                .storageEncrypted(true)',
      '                .build());',
      '        reports.getConnections().allowDefaultPortFromAnyIpv4();',
      '        shared.grantFullAccess(reportsFunction);',
      '    }',
      '}',
    );
    const found = findings(hintsIn(FILE, code));
    for (const expected of [
      '16:addIngressRule rds-open-ingress!',
      '20:storageEncrypted rds-storage-encrypted!',
      '21:deletionProtection rds-deletion-protection!',
      '24:DatabaseInstance rds-publicly-accessible!',
      '30:allowDefaultPortFromAnyIpv4 rds-open-ingress!',
      '31:grantFullAccess dynamodb-grant!',
    ]) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    // Encrypted in its props: the instance itself is no finding of that rule.
    assert.ok(!found.some((hint) => hint.startsWith('24:') && hint.includes('rds-storage-encrypted')), found.join('\n'));
  });

  it('reads an addProxy call as a proxy with its options', () => {
    const code = sourceLines(
      ...HEADER,
      'public class ProxyStack extends Stack {',
      '    public ProxyStack(final Construct scope, final String id, final IVpc vpc, final DatabaseInstance instance) {',
      '        super(scope, id);',
      '        instance.addProxy("Proxy", DatabaseProxyOptions.builder().secrets(List.of(instance.getSecret())).vpc(vpc).iamAuth(true).build());',
      '    }',
      '}',
    );
    const found = hintsIn(FILE, code);
    assert.ok(found.includes('15:addProxy rds-proxy'), found.join('\n'));
    assert.ok(found.includes('15:iamAuth rds-iam-auth'), found.join('\n'));
  });

  it('gives nothing for lookups, values it cannot resolve, unfinished builders, tests and files without the CDK', () => {
    const lookups = sourceLines(
      ...HEADER,
      'public class DataStack extends Stack {',
      '    public DataStack(final Construct scope, final String id, final DataStackProps props) {',
      '        super(scope, id);',
      '        ITable orders = Table.fromTableName(this, "Orders", "orders");',
      '        IDatabaseInstance db = DatabaseInstance.fromDatabaseInstanceAttributes(this, "Db", DatabaseInstanceAttributes.builder().instanceIdentifier("db").port(5432).build());',
      '        DatabaseInstance.Builder.create(this, "Tuned")',
      '                .engine(DatabaseInstanceEngine.POSTGRES)',
      '                .storageEncrypted(props.getEncrypted())',
      '                .multiAz(props.isMultiAz())',
      '                .credentials(Credentials.fromPassword("admin", SecretValue.unsafePlainText(props.getPassword())))',
      '                .build();',
      '        DatabaseInstance.Builder later = DatabaseInstance.Builder.create(this, "Later").engine(DatabaseInstanceEngine.POSTGRES);',
      '    }',
      '}',
    );
    const found = hintsIn(FILE, lookups);
    assert.deepEqual(found.filter((hint) => /^1[5-6]:/.test(hint)), [], found.join('\n'));
    assert.deepEqual(findings(found), ['17:DatabaseInstance rds-deletion-protection!'], found.join('\n'));

    const test = sourceLines(
      ...HEADER,
      'import org.junit.jupiter.api.Test;',
      'class DataStackTest {',
      '    @Test',
      '    void makesAPublicDatabase() {',
      '        Stack stack = new Stack();',
      '        DatabaseInstance.Builder.create(stack, "Db").engine(DatabaseInstanceEngine.POSTGRES).publiclyAccessible(true).build();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('infra/src/test/java/com/example/DataStackTest.java', test), []);

    const ownClasses = sourceLines(
      'package com.example;',
      'import com.example.model.DatabaseInstance;',
      'class Inventory {',
      '    DatabaseInstance make() {',
      '        return DatabaseInstance.Builder.create(this, "Db").publiclyAccessible(true).build();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('src/main/java/com/example/Inventory.java', ownClasses), []);
  });

  it('shows the Java CDK example in hovers', () => {
    const code = sourceLines(
      ...HEADER,
      'public class DataStack extends Stack {',
      '    public DataStack(final Construct scope, final String id, final IVpc vpc) {',
      '        super(scope, id);',
      '        DatabaseInstance.Builder.create(this, "Orders").engine(DatabaseInstanceEngine.POSTGRES).vpc(vpc).multiAz(false).build();',
      '    }',
      '}',
    );
    const rules = realHintRules();
    const analysis = analyzeText(code, rules, { kind: documentKind(undefined, FILE)!, fileName: FILE });
    const site = siteAt(analysis.sites, code.indexOf('multiAz'));
    assert.ok(site && analysis.language);
    const shown = site.ruleIds.map((id) => rules.find((rule) => rule.id === id)).filter((rule): rule is HintRule => rule !== undefined);
    const markdown = hoverMarkdown(shown, { language: analysis.language, origin: site.origin, name: site.name }, HOVER_LABELS, HOVER_COMMANDS);
    assert.match(markdown, /```java\nDatabaseInstance\.Builder\.create\(this, "Orders"\)\n(?:.*\n)*? {4}\.multiAz\(true\)/);
    assert.doesNotMatch(markdown, /```ts|multi_az|MultiAZ:/);
  });
});
