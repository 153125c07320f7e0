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

  it('shows the Pulumi Go example on a Go resource, never another language’s', () => {
    const shown = realHintRules().filter((rule) => {
      const example = pickExample(rule, 'go', 'pulumi-go');
      assert.ok(example === undefined || (example.fence === 'go' && example.code === rule.examples['pulumi-go']), rule.id);
      return example !== undefined;
    });
    assert.ok(shown.some((rule) => rule.id === 'rds-publicly-accessible'));
  });
});
