/**
 * Pulumi AWS programs in Go: `rds.NewInstance(ctx, "db", &rds.InstanceArgs{...})` is the Terraform resource of its
 * class, judged by the Terraform rules, with options named as the program writes them, and no other language's example.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { pickExample } from '../../../src/hints/examples';
import { hintsIn, realHintRules, sourceLines } from './support';

function messagesIn(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
}

describe('Pulumi AWS resources in Go', () => {
  it('judges an RDS instance written in place, with pulumi.Bool/String/Int wrappers', () => {
    const code = sourceLines(
      'package main',
      'import (',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func main() {',
      '  pulumi.Run(func(ctx *pulumi.Context) error {',
      '    _, err := rds.NewInstance(ctx, "db", &rds.InstanceArgs{',
      '      Engine:                pulumi.String("postgres"),',
      '      InstanceClass:         pulumi.String("db.t4g.micro"),',
      '      PubliclyAccessible:    pulumi.Bool(true),',
      '      StorageEncrypted:      pulumi.Bool(false),',
      '      BackupRetentionPeriod: pulumi.Int(0),',
      '      Password:              pulumi.String("correct-horse-battery"),',
      '    }, pulumi.Protect(true))',
      '    return err',
      '  })',
      '}',
    );
    const found = hintsIn('main.go', code);
    for (const expected of [
      '11:PubliclyAccessible rds-publicly-accessible!',
      '12:StorageEncrypted rds-storage-encrypted!',
      '13:BackupRetentionPeriod rds-backup-retention!',
      '14:pulumi.String("correct-horse-battery") rds-master-password!',
    ]) {
      assert.ok(found.some((hint) => hint.startsWith(expected.split(' ')[0]) && hint.endsWith(expected.split(' ')[1])), `${expected}\n${found.join('\n')}`);
    }
    assert.ok(messagesIn('main.go', code).includes('rds-backup-retention: BackupRetentionPeriod 0 turns off automated backups and point-in-time restore for this database.'), messagesIn('main.go', code).join('\n'));
  });

  it('reads args held in a variable and aliased v5/v7 imports; a secret from config is no literal', () => {
    const code = sourceLines(
      'package infra',
      'import (',
      '  awsrds "github.com/pulumi/pulumi-aws/sdk/v5/go/aws/rds"',
      '  "github.com/pulumi/pulumi-aws/sdk/v7/go/aws/dynamodb"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"',
      ')',
      'func Database(ctx *pulumi.Context) (*awsrds.Cluster, error) {',
      '  cfg := config.New(ctx, "")',
      '  args := &awsrds.ClusterArgs{',
      '    Engine:             pulumi.String("aurora-postgresql"),',
      '    StorageEncrypted:   pulumi.Bool(true),',
      '    MasterPassword:     cfg.RequireSecret("dbPassword"),',
      '    DeletionProtection: pulumi.Bool(true),',
      '    SkipFinalSnapshot:  pulumi.Bool(true),',
      '  }',
      '  return awsrds.NewCluster(ctx, "orders", args)',
      '}',
      'func Table(ctx *pulumi.Context) error {',
      '  _, err := dynamodb.NewTable(ctx, "orders", &dynamodb.TableArgs{',
      '    HashKey:     pulumi.String("pk"),',
      '    BillingMode: pulumi.String("PAY_PER_REQUEST"),',
      '    Attributes: dynamodb.TableAttributeArray{',
      '      &dynamodb.TableAttributeArgs{Name: pulumi.String("pk"), Type: pulumi.String("S")},',
      '    },',
      '  })',
      '  return err',
      '}',
    );
    const found = hintsIn('infra.go', code);
    assert.ok(found.some((hint) => hint.startsWith('15:SkipFinalSnapshot') && hint.endsWith('rds-skip-final-snapshot!')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith('rds-master-password!') || hint.endsWith('rds-storage-encrypted!')), found.join('\n'));
    assert.ok(found.includes('22:BillingMode dynamodb-billing-mode'), found.join('\n'));
  });

  it('judges the v2 to v4 SDKs alike, in their older spellings; the unversioned v1 path and awsx are not read', () => {
    const code = sourceLines(
      'package catalogue',
      'import (',
      '  "github.com/pulumi/pulumi-aws/sdk/v4/go/aws/ec2"',
      '  "github.com/pulumi/pulumi-aws/sdk/v4/go/aws/rds"',
      '  cache "github.com/pulumi/pulumi-aws/sdk/v2/go/aws/elasticache"',
      '  oldrds "github.com/pulumi/pulumi-aws/sdk/go/aws/rds"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func newDatabase(ctx *pulumi.Context, sg *ec2.SecurityGroup) error {',
      '  _, err := ec2.NewSecurityGroupRule(ctx, "db_in", &ec2.SecurityGroupRuleArgs{',
      '    Type: pulumi.String("ingress"), Protocol: pulumi.String("tcp"), FromPort: pulumi.Int(5432), ToPort: pulumi.Int(5432),',
      '    CidrBlocks: pulumi.StringArray{pulumi.String("0.0.0.0/0")}, SecurityGroupId: sg.ID(),',
      '  })',
      '  if err != nil {',
      '    return err',
      '  }',
      '  _, err = rds.NewInstance(ctx, "catalogue", &rds.InstanceArgs{',
      '    Engine:   pulumi.String("postgres"),',
      '    Name:     pulumi.String("socks"),',
      '    Password: pulumi.String("default_password"),',
      '  })',
      '  if err != nil {',
      '    return err',
      '  }',
      '  _, err = cache.NewReplicationGroup(ctx, "sessions", &cache.ReplicationGroupArgs{',
      '    ReplicationGroupDescription: pulumi.String("sessions"),',
      '    NumberCacheClusters:         pulumi.Int(2),',
      '    AutomaticFailoverEnabled:    pulumi.Bool(true),',
      '    AtRestEncryptionEnabled:     pulumi.Bool(true),',
      '    TransitEncryptionEnabled:    pulumi.Bool(true),',
      '  })',
      '  if err != nil {',
      '    return err',
      '  }',
      '  _, err = oldrds.NewInstance(ctx, "legacy", &oldrds.InstanceArgs{PubliclyAccessible: pulumi.Bool(true)})',
      '  return err',
      '}',
    );
    const found = hintsIn('rds.go', code);
    for (const expected of ['12:pulumi.String("0.0.0.0/0") rds-open-ingress!', '20:pulumi.String("default_password") rds-master-password!', '28:AutomaticFailoverEnabled elasticache-automatic-failover']) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    // Two nodes with failover on: no failover finding from the v2 spelling of the node count.
    assert.ok(!found.some((hint) => hint.endsWith('elasticache-automatic-failover!')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('36:')), found.join('\n'));
  });

  it('reads fields set on the args after the literal; a helper handed the args may set any', () => {
    const code = sourceLines(
      'package infra',
      'import (',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func Reports(ctx *pulumi.Context, public bool) error {',
      '  args := &rds.InstanceArgs{Engine: pulumi.String("postgres"), StorageEncrypted: pulumi.Bool(true)}',
      '  if public {',
      '    args.PubliclyAccessible = pulumi.Bool(true)',
      '  }',
      '  _, err := rds.NewInstance(ctx, "reports", args)',
      '  return err',
      '}',
      'func Orders(ctx *pulumi.Context) error {',
      '  args := &rds.InstanceArgs{Engine: pulumi.String("postgres")}',
      '  withEncryption(args)',
      '  _, err := rds.NewInstance(ctx, "orders", args)',
      '  return err',
      '}',
    );
    const found = hintsIn('db.go', code);
    assert.ok(found.some((hint) => hint.startsWith('9:PubliclyAccessible') && hint.endsWith('rds-publicly-accessible!')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith('rds-storage-encrypted!')), found.join('\n'));
  });

  it('reads a struct value of args passed by its address, with the fields set on it afterwards', () => {
    const code = sourceLines(
      'package infra',
      'import (',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func Ledger(ctx *pulumi.Context, groupID pulumi.StringInput) error {',
      '  ledgerArgs := rds.ClusterArgs{',
      '    Engine:            pulumi.String("aurora-postgresql"),',
      '    SkipFinalSnapshot: pulumi.Bool(true),',
      '    StorageEncrypted:  pulumi.Bool(true),',
      '  }',
      '  ledgerArgs.VpcSecurityGroupIds = pulumi.StringArray{groupID}',
      '  _, err := rds.NewCluster(ctx, "ledger", &ledgerArgs)',
      '  return err',
      '}',
    );
    const found = hintsIn('ledger.go', code).filter((hint) => hint.endsWith('!'));
    assert.ok(found.some((hint) => hint.startsWith('9:SkipFinalSnapshot') && hint.endsWith('rds-skip-final-snapshot!')), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('13:') && hint.endsWith('rds-deletion-protection!')), found.join('\n'));
    assert.ok(!found.some((hint) => hint.endsWith('rds-storage-encrypted!')), found.join('\n'));
  });

  it('reads nothing from lookups, existing resources, other providers, test code, or classes the rules do not know', () => {
    const code = sourceLines(
      'package main',
      'import (',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds"',
      '  awsnative "github.com/pulumi/pulumi-aws-native/sdk/go/aws/rds"',
      '  gcpsql "github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/sql"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func program(ctx *pulumi.Context) error {',
      '  _, _ = rds.LookupInstance(ctx, &rds.LookupInstanceArgs{DbInstanceIdentifier: "legacy"}, nil)',
      '  _, _ = rds.GetInstance(ctx, "legacy", pulumi.ID("legacy-db"), &rds.InstanceState{PubliclyAccessible: pulumi.Bool(true)})',
      '  _, _ = awsnative.NewDbInstance(ctx, "n", &awsnative.DbInstanceArgs{PubliclyAccessible: pulumi.Bool(true)})',
      '  _, _ = gcpsql.NewDatabaseInstance(ctx, "g", &gcpsql.DatabaseInstanceArgs{DeletionProtection: pulumi.Bool(false)})',
      '  _, err := rds.NewParameterGroup(ctx, "pg", &rds.ParameterGroupArgs{Family: pulumi.String("postgres16")})',
      '  return err',
      '}',
    );
    assert.deepEqual(hintsIn('main.go', code), []);
    const test = sourceLines(
      'package main',
      'import (',
      '  "testing"',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func TestDatabase(t *testing.T) {',
      '  _ = pulumi.RunErr(func(ctx *pulumi.Context) error {',
      '    _, err := rds.NewInstance(ctx, "db", &rds.InstanceArgs{PubliclyAccessible: pulumi.Bool(true)})',
      '    return err',
      '  }, pulumi.WithMocks("project", "stack", mocks{}))',
      '}',
    );
    assert.deepEqual(hintsIn('main_test.go', test), []);
  });

  it('reads an Aurora Serverless v1 cluster and a table stream, which only the Terraform rules match', () => {
    const code = sourceLines(
      'package main',
      'import (',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/dynamodb"',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/rds"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func main() {',
      '  pulumi.Run(func(ctx *pulumi.Context) error {',
      '    _, err := rds.NewCluster(ctx, "reports", &rds.ClusterArgs{',
      '      Engine:     pulumi.String("aurora-mysql"),',
      '      EngineMode: pulumi.String("serverless"),',
      '    })',
      '    if err != nil {',
      '      return err',
      '    }',
      '    _, err = dynamodb.NewTable(ctx, "events", &dynamodb.TableArgs{',
      '      StreamEnabled:  pulumi.Bool(true),',
      '      StreamViewType: pulumi.String("NEW_IMAGE"),',
      '    })',
      '    return err',
      '  })',
      '}',
    );
    const found = hintsIn('main.go', code);
    for (const expected of ['11:EngineMode rds-aurora-serverless-v1!', '17:StreamEnabled dynamodb-streams', '18:StreamViewType dynamodb-streams']) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    for (const id of ['rds-aurora-serverless-v1', 'dynamodb-streams']) {
      assert.equal(pickExample(realHintRules().find((rule) => rule.id === id)!, 'go', 'pulumi-go')?.fence, 'go', id);
    }
  });

  it('shows the Pulumi Go example on a Go resource, never another language’s', () => {
    const shown = realHintRules().filter((rule) => {
      const example = pickExample(rule, 'go', 'pulumi-go');
      assert.ok(example === undefined || (example.fence === 'go' && example.code === rule.examples['pulumi-go']), rule.id);
      return example !== undefined;
    });
    assert.ok(shown.some((rule) => rule.id === 'rds-publicly-accessible'));
  });
});

describe('Pulumi AWS security groups in Go', () => {
  it('reports a database or cache port opened to the internet, in a group, a rule and an ingress rule resource', () => {
    const code = sourceLines(
      'package network', // 1
      '',
      'import (',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/vpc"', // 5
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      '',
      'func Groups(ctx *pulumi.Context, vpcID pulumi.IDOutput) error {',
      '  db, err := ec2.NewSecurityGroup(ctx, "db", &ec2.SecurityGroupArgs{', // 10
      '    VpcId: vpcID,',
      '    Ingress: ec2.SecurityGroupIngressArray{',
      '      &ec2.SecurityGroupIngressArgs{',
      '        Protocol:   pulumi.String("tcp"),',
      '        FromPort:   pulumi.Int(5432),', // 15
      '        ToPort:     pulumi.Int(5432),',
      '        CidrBlocks: pulumi.StringArray{pulumi.String("10.0.0.0/16"), pulumi.String("0.0.0.0/0")},',
      '      },',
      '      &ec2.SecurityGroupIngressArgs{Protocol: pulumi.String("tcp"), FromPort: pulumi.Int(443), ToPort: pulumi.Int(443), CidrBlocks: pulumi.StringArray{pulumi.String("0.0.0.0/0")}},',
      '    },', // 20
      '  })',
      '  if err != nil {',
      '    return err',
      '  }',
      '  rule := &ec2.SecurityGroupRuleArgs{Type: pulumi.String("ingress"), SecurityGroupId: db.ID(), Protocol: pulumi.String("tcp"), FromPort: pulumi.Int(3306), ToPort: pulumi.Int(3306), CidrBlocks: pulumi.StringArray{pulumi.String("0.0.0.0/0")}}', // 25
      '  if _, err := ec2.NewSecurityGroupRule(ctx, "mysql", rule); err != nil {',
      '    return err',
      '  }',
      '  _, err = vpc.NewSecurityGroupIngressRule(ctx, "redis", &vpc.SecurityGroupIngressRuleArgs{SecurityGroupId: db.ID(), IpProtocol: pulumi.String("tcp"), FromPort: pulumi.Int(6379), ToPort: pulumi.Int(6379), CidrIpv4: pulumi.String("0.0.0.0/0")})',
      '  return err', // 30
      '}',
    );
    const found = hintsIn('network/groups.go', code).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found, ['17:pulumi.String("0.0.0.0/0") rds-open-ingress!', '25:pulumi.String("0.0.0.0/0") rds-open-ingress!', '29:pulumi.String("0.0.0.0/0") elasticache-open-ingress!']);
    const pulumiGo = pickExample(realHintRules().find((rule) => rule.id === 'rds-open-ingress')!, 'go', 'pulumi-go');
    assert.match(pulumiGo?.code ?? "", /vpc\.NewSecurityGroupIngressRule/);
  });

  it('says nothing of egress, a group open on every port, office ranges, sources from config, or a test', () => {
    const code = sourceLines(
      'package network',
      '',
      'import (',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      '',
      'func Groups(ctx *pulumi.Context, office pulumi.StringArray) error {',
      '  _, err := ec2.NewSecurityGroup(ctx, "web", &ec2.SecurityGroupArgs{',
      '    Ingress: ec2.SecurityGroupIngressArray{&ec2.SecurityGroupIngressArgs{Protocol: pulumi.String("-1"), FromPort: pulumi.Int(0), ToPort: pulumi.Int(0), CidrBlocks: pulumi.StringArray{pulumi.String("0.0.0.0/0")}}},',
      '    Egress: ec2.SecurityGroupEgressArray{&ec2.SecurityGroupEgressArgs{Protocol: pulumi.String("tcp"), FromPort: pulumi.Int(5432), ToPort: pulumi.Int(5432), CidrBlocks: pulumi.StringArray{pulumi.String("0.0.0.0/0")}}},',
      '  })',
      '  _, err = ec2.NewSecurityGroup(ctx, "db", &ec2.SecurityGroupArgs{',
      '    Ingress: ec2.SecurityGroupIngressArray{&ec2.SecurityGroupIngressArgs{Protocol: pulumi.String("tcp"), FromPort: pulumi.Int(5432), ToPort: pulumi.Int(5432), CidrBlocks: office}},',
      '  })',
      '  _, err = ec2.NewSecurityGroupRule(ctx, "out", &ec2.SecurityGroupRuleArgs{Type: pulumi.String("egress"), Protocol: pulumi.String("tcp"), FromPort: pulumi.Int(6379), ToPort: pulumi.Int(6379), CidrBlocks: pulumi.StringArray{pulumi.String("0.0.0.0/0")}})',
      '  return err',
      '}',
    );
    assert.deepEqual(hintsIn('network/groups.go', code).filter((hint) => hint.endsWith('!')), []);
    const test = sourceLines(
      'package network',
      'import (',
      '  "testing"',
      '  "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"',
      '  "github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
      ')',
      'func TestGroups(t *testing.T) {',
      '  pulumi.RunErr(func(ctx *pulumi.Context) error {',
      '    _, err := ec2.NewSecurityGroup(ctx, "db", &ec2.SecurityGroupArgs{Ingress: ec2.SecurityGroupIngressArray{&ec2.SecurityGroupIngressArgs{Protocol: pulumi.String("tcp"), FromPort: pulumi.Int(5432), ToPort: pulumi.Int(5432), CidrBlocks: pulumi.StringArray{pulumi.String("0.0.0.0/0")}}}})',
      '    return err',
      '  }, pulumi.WithMocks("project", "stack", mocks(0)))',
      '}',
    );
    assert.deepEqual(hintsIn('network/groups_test.go', test).filter((hint) => hint.endsWith('!')), []);
  });
});
