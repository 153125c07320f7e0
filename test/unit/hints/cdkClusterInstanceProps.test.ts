/**
 * An Aurora cluster's legacy `instanceProps` in the CDK's Python, C# and Java: the instance-level props written there
 * (`publiclyAccessible`, `enablePerformanceInsights`, `autoMinorVersionUpgrade`) are the cluster's, as TypeScript's
 * object literal already gave them. The placement's props (`vpc`, `securityGroups`) get nothing. The instance class
 * written there (`instanceType`) is every instance's, in TypeScript too; an EC2 instance's `instanceType` is not a class.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, hintsOfRules, sourceLines } from './support';

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

  describe('the instance class written in instanceProps', () => {
    it('reads TypeScript\'s instanceProps: { instanceType } and leaves an EC2 instance\'s alone', () => {
      const stack = sourceLines(
        "import { Instance, InstanceClass, InstanceSize, InstanceType, MachineImage, Vpc } from '@aws-cdk/aws-ec2';",
        "import { AuroraMysqlEngineVersion, DatabaseCluster, DatabaseClusterEngine } from '@aws-cdk/aws-rds';",
        "import { App, Stack } from '@aws-cdk/core';",
        'export class Db extends Stack {',
        '  constructor(scope: App, id: string, vpc: Vpc) {',
        '    super(scope, id);',
        "    new DatabaseCluster(this, 'Db', {",
        '      engine: DatabaseClusterEngine.auroraMysql({ version: AuroraMysqlEngineVersion.VER_3_04_0 }),',
        '      instanceProps: { instanceType: InstanceType.of(InstanceClass.R5, InstanceSize.LARGE), vpc },',
        '    });',
        "    new Instance(this, 'Bastion', { vpc, instanceType: InstanceType.of(InstanceClass.T3, InstanceSize.MICRO), machineImage: MachineImage.latestAmazonLinux() });",
        '  }',
        '}',
      );
      assert.deepEqual(hintsOfRules('db-stack.ts', stack, ['rds-instance-class']), ['9:instanceType rds-instance-class']);
    });

    it('reads Python\'s rds.InstanceProps(instance_type=...)', () => {
      const stack = sourceLines(
        'from aws_cdk import Stack, aws_ec2 as ec2, aws_rds as rds',
        '',
        'class Db(Stack):',
        '    def __init__(self, scope, id, vpc):',
        '        super().__init__(scope, id)',
        '        rds.DatabaseCluster(self, "Db",',
        '            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),',
        '            instance_props=rds.InstanceProps(vpc=vpc, instance_type=ec2.InstanceType("r6g.large")),',
        '        )',
        '        ec2.Instance(self, "Worker", vpc=vpc, instance_type=ec2.InstanceType("t3.small"), machine_image=ec2.MachineImage.latest_amazon_linux2())',
      );
      assert.deepEqual(hintsOfRules('stack.py', stack, ['rds-instance-class']), ['8:instance_type rds-instance-class']);
    });

    it('reads Java\'s InstanceProps.builder().instanceType(...)', () => {
      const stack = sourceLines(
        'import software.amazon.awscdk.Stack;',
        'import software.amazon.awscdk.services.ec2.*;',
        'import software.amazon.awscdk.services.rds.*;',
        'import software.constructs.Construct;',
        '',
        'public class Db extends Stack {',
        '    public Db(final Construct scope, final String id, final IVpc vpc) {',
        '        super(scope, id);',
        '        DatabaseCluster.Builder.create(this, "Db")',
        '                .engine(DatabaseClusterEngine.auroraMysql(AuroraMysqlClusterEngineProps.builder().version(AuroraMysqlEngineVersion.VER_3_08_0).build()))',
        '                .instanceProps(InstanceProps.builder().vpc(vpc).instanceType(InstanceType.of(InstanceClass.R6G, InstanceSize.LARGE)).build())',
        '                .build();',
        '    }',
        '}',
      );
      assert.deepEqual(hintsOfRules('Db.java', stack, ['rds-instance-class']), ['11:instanceType rds-instance-class']);
    });
  });
});
