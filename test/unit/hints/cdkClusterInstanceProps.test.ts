/**
 * An Aurora cluster's legacy `instanceProps` in the CDK's Python, C# and Java: the instance-level props written there
 * (`publiclyAccessible`, `enablePerformanceInsights`, `autoMinorVersionUpgrade`) are the cluster's, as TypeScript's
 * object literal already gave them. The placement's props (`vpc`, `securityGroups`) get nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('A DatabaseCluster\'s instanceProps in Python, C# and Java', () => {
  it('reads Python\'s rds.InstanceProps(...) keyword arguments', () => {
    const stack = sourceLines(
      'from aws_cdk import Stack, aws_rds as rds',
      '',
      'class Db(Stack):',
      '    def __init__(self, scope, id, vpc):',
      '        super().__init__(scope, id)',
      '        rds.DatabaseCluster(self, "Db",',
      '            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),',
      '            instance_props=rds.InstanceProps(vpc=vpc, publicly_accessible=True, enable_performance_insights=True),',
      '        )',
    );
    const hints = hintsIn('stack.py', stack);
    assert.ok(hints.includes('8:publicly_accessible rds-publicly-accessible'), hints.join('\n'));
    assert.ok(hints.includes('8:publicly_accessible rds-publicly-accessible!'));
    assert.ok(hints.includes('8:enable_performance_insights rds-performance-insights'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('8:vpc ')));
  });

  it('reads C#\'s new InstanceProps { ... } initializer', () => {
    const stack = sourceLines(
      'using Amazon.CDK;',
      'using Amazon.CDK.AWS.RDS;',
      'using Constructs;',
      'using InstanceProps = Amazon.CDK.AWS.RDS.InstanceProps;',
      '',
      'public class Db : Stack',
      '{',
      '    public Db(Construct scope, string id, Amazon.CDK.AWS.EC2.IVpc vpc) : base(scope, id)',
      '    {',
      '        new DatabaseCluster(this, "Db", new DatabaseClusterProps',
      '        {',
      '            Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_16_4 }),',
      '            InstanceProps = new InstanceProps() { Vpc = vpc, PubliclyAccessible = false },',
      '            StorageEncrypted = true',
      '        });',
      '    }',
      '}',
    );
    const hints = hintsIn('Db.cs', stack);
    assert.ok(hints.includes('13:PubliclyAccessible rds-publicly-accessible'), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.endsWith('rds-publicly-accessible!')));
  });

  it('reads Java\'s InstanceProps.builder() chain', () => {
    const stack = sourceLines(
      'import software.amazon.awscdk.Stack;',
      'import software.amazon.awscdk.services.ec2.IVpc;',
      'import software.amazon.awscdk.services.rds.*;',
      'import software.constructs.Construct;',
      '',
      'public class Db extends Stack {',
      '    public Db(final Construct scope, final String id, final IVpc vpc) {',
      '        super(scope, id);',
      '        DatabaseCluster.Builder.create(this, "Db")',
      '                .engine(DatabaseClusterEngine.auroraMysql(AuroraMysqlClusterEngineProps.builder().version(AuroraMysqlEngineVersion.VER_3_08_0).build()))',
      '                .instanceProps(InstanceProps.builder().vpc(vpc).publiclyAccessible(true).autoMinorVersionUpgrade(false).build())',
      '                .build();',
      '    }',
      '}',
    );
    const hints = hintsIn('Db.java', stack);
    assert.ok(hints.includes('11:publiclyAccessible rds-publicly-accessible!'), hints.join('\n'));
    assert.ok(hints.includes('11:autoMinorVersionUpgrade rds-auto-minor-version-upgrade'), hints.join('\n'));
  });
});
