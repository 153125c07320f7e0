/**
 * AWS CDK apps in Go: `awsrds.NewDatabaseInstance(stack, jsii.String("Db"), &awsrds.DatabaseInstanceProps{...})`,
 * props held by a variable, L1 constructs, constructs made in a stack's function and methods on constructs, read as
 * the TypeScript props and methods are, with values through jsii's pointers and Go's `Type_Member` names, judged by
 * the same rules, with hovers that show Go CDK examples.
 */
import * as assert from 'node:assert/strict';
import { analyzeText, siteAt } from '../../../src/hints/engine/analyze';
import { goCdkText } from '../../../src/hints/engine/code/goCdkValues';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { HintRule } from '../../../src/hints/engine/types';
import { hoverMarkdown } from '../../../src/hints/hoverMarkdown';
import { HOVER_COMMANDS, HOVER_LABELS, hintsIn, realHintRules, sourceLines } from './support';

const FILE = 'infra/data_stack.go';

const HEADER = [
  'package main',
  '',
  'import (',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2"',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"',
  '\tcache "github.com/aws/aws-cdk-go/awscdk/v2/awselasticache"',
  '\t"github.com/aws/constructs-go/constructs/v10"',
  '\t"github.com/aws/jsii-runtime-go"',
  ')',
];

function findings(found: string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

describe('CDK apps in Go', () => {
  it('reads props structs in a stack function, jsii values, Go enum and static names, and methods on constructs', () => {
    const code = sourceLines(
      ...HEADER,
      'func NewDataStack(scope constructs.Construct, id string, vpc awsec2.IVpc, reports awslambda.IFunction) awscdk.Stack {',
      '\tstack := awscdk.NewStack(scope, &id, nil)',
      '\tdbGroup := awsec2.NewSecurityGroup(stack, jsii.String("DbGroup"), &awsec2.SecurityGroupProps{Vpc: vpc})',
      '\tdbGroup.AddIngressRule(awsec2.Peer_AnyIpv4(), awsec2.Port_Tcp(jsii.Number(5432)), jsii.String("db"), nil)',
      '\tdb := awsrds.NewDatabaseInstance(stack, jsii.String("Orders"), &awsrds.DatabaseInstanceProps{',
      '\t\tEngine: awsrds.DatabaseInstanceEngine_Postgres(&awsrds.PostgresInstanceEngineProps{Version: awsrds.PostgresEngineVersion_VER_11()}),',
      '\t\tVpc: vpc,',
      '\t\tVpcSubnets: &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC},',
      '\t\tPubliclyAccessible: jsii.Bool(true),',
      '\t\tBackupRetention: awscdk.Duration_Days(jsii.Number(0)),',
      '\t\tRemovalPolicy: awscdk.RemovalPolicy_DESTROY,',
      '\t\tCredentials: awsrds.Credentials_FromPassword(jsii.String("admin"), awscdk.SecretValue_UnsafePlainText(jsii.String("s3cret-Passw0rd"))),',
      '\t})',
      '\tdb.Connections().AllowDefaultPortFromAnyIpv4(nil)',
      '\ttableProps := &awsdynamodb.TableProps{',
      '\t\tPartitionKey: &awsdynamodb.Attribute{Name: jsii.String("pk"), Type: awsdynamodb.AttributeType_STRING},',
      '\t\tRemovalPolicy: awscdk.RemovalPolicy_DESTROY,',
      '\t}',
      '\torders := awsdynamodb.NewTable(stack, jsii.String("OrdersTable"), tableProps)',
      '\torders.GrantFullAccess(reports)',
      '\tcache.NewCfnReplicationGroup(stack, jsii.String("Cache"), &cache.CfnReplicationGroupProps{',
      '\t\tReplicationGroupDescription: jsii.String("cache"),',
      '\t\tTransitEncryptionEnabled: jsii.Bool(false),',
      '\t})',
      '\treturn stack',
      '}',
    );
    const found = findings(hintsIn(FILE, code));
    for (const expected of [
      '16:AddIngressRule rds-open-ingress!',
      '21:PubliclyAccessible rds-publicly-accessible!',
      '17:NewDatabaseInstance rds-storage-encrypted!',
      '22:BackupRetention rds-backup-retention!',
      '23:RemovalPolicy rds-removal-policy!',
      '26:AllowDefaultPortFromAnyIpv4 rds-open-ingress!',
      '29:RemovalPolicy dynamodb-removal-policy!',
      '32:GrantFullAccess dynamodb-grant!',
      '35:TransitEncryptionEnabled elasticache-transit-encryption!',
    ]) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    assert.ok(found.some((hint) => hint.startsWith('18:awsrds.DatabaseInstanceEngine_Postgres(') && hint.endsWith('rds-engine-version-extended-support!')), found.join('\n'));
    assert.ok(found.some((hint) => hint.startsWith('24:awsrds.Credentials_FromPassword(') && hint.endsWith('rds-master-password!')), found.join('\n'));
    // The engine's, the subnet selection's and the key attribute's own structs hold no props of their construct.
    assert.ok(!hintsIn(FILE, code).some((hint) => /^(?:18:Version|20:SubnetType|28:Type) /.test(hint)), found.join('\n'));
  });

  it('reads fields set on a props variable after its literal, and aliased and CDK v1 packages', () => {
    const code = sourceLines(
      'package stacks',
      '',
      'import (',
      '\t"github.com/aws/aws-cdk-go/awscdk"',
      '\trds "github.com/aws/aws-cdk-go/awscdk/awsrds"',
      '\t"github.com/aws/jsii-runtime-go"',
      ')',
      '',
      'func addCluster(stack awscdk.Stack, vpc awsec2.IVpc) {',
      '\tprops := &rds.DatabaseClusterProps{Engine: rds.DatabaseClusterEngine_AURORA_POSTGRESQL(), Vpc: vpc}',
      '\tprops.StorageEncrypted = jsii.Bool(false)',
      '\trds.NewDatabaseCluster(stack, jsii.String("Cluster"), props)',
      '}',
    );
    const found = findings(hintsIn(FILE, code));
    assert.ok(found.includes('11:StorageEncrypted rds-storage-encrypted!'), found.join('\n'));
  });

  it('reads public placement, L1 props through jsii pointers, static properties and the DynamoDB full-access managed policy', () => {
    const code = sourceLines(
      ...HEADER.slice(0, -1),
      '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"',
      ')',
      'func NewOpsStack(stack awscdk.Stack, vpc awsec2.IVpc, role awsiam.Role) {',
      '\tawsrds.NewDatabaseInstance(stack, jsii.String("Reports"), &awsrds.DatabaseInstanceProps{',
      '\t\tEngine:        awsrds.DatabaseInstanceEngine_POSTGRES(),',
      '\t\tVpc:           vpc,',
      '\t\tVpcSubnets:    &awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC},',
      '\t\tCaCertificate: awsrds.CaCertificate_RDS_CA_2019(),',
      '\t})',
      '\tawsrds.NewCfnDBInstance(stack, jsii.String("Legacy"), &awsrds.CfnDBInstanceProps{',
      '\t\tEngine:                jsii.String("mysql"),',
      '\t\tDbInstanceClass:       jsii.String("db.t3.micro"),',
      '\t\tBackupRetentionPeriod: jsii.Number(0),',
      '\t})',
      '\trole.AddManagedPolicy(awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("AmazonDynamoDBFullAccess")))',
      '\trole.AddManagedPolicy(awsiam.ManagedPolicy_FromManagedPolicyArn(stack, aws.String("Full"), aws.String("arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess")))',
      '}',
    );
    const found = findings(hintsIn(FILE, code));
    for (const expected of ['15:NewDatabaseInstance rds-publicly-accessible!', '19:CaCertificate rds-ca-certificate!', '24:BackupRetentionPeriod rds-backup-retention!', '26:"AmazonDynamoDBFullAccess" dynamodb-managed-full-access!', '27:"arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess" dynamodb-managed-full-access!']) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
  });

  it('judges an engine version that reaches the construct through a variable where the constant is written', () => {
    const code = sourceLines(
      ...HEADER,
      'func NewReportsStack(stack awscdk.Stack, vpc awsec2.IVpc, legacy bool) {',
      '\tvar engine awsrds.IInstanceEngine',
      '\tif legacy {',
      '\t\tengine = awsrds.DatabaseInstanceEngine_Mysql(&awsrds.MySqlInstanceEngineProps{Version: awsrds.MysqlEngineVersion_VER_5_7_44()})',
      '\t} else {',
      '\t\tengine = awsrds.DatabaseInstanceEngine_Mysql(&awsrds.MySqlInstanceEngineProps{Version: awsrds.MysqlEngineVersion_VER_8_4_3()})',
      '\t}',
      '\tawsrds.NewDatabaseInstance(stack, jsii.String("Reports"), &awsrds.DatabaseInstanceProps{Engine: engine, Vpc: vpc})',
      '\tclusterEngine := awsrds.DatabaseClusterEngine_AuroraMysql(&awsrds.AuroraMysqlClusterEngineProps{Version: awsrds.AuroraMysqlEngineVersion_VER_2_11_2()})',
      '\tawsrds.NewDatabaseCluster(stack, jsii.String("Events"), &awsrds.DatabaseClusterProps{Engine: clusterEngine, Vpc: vpc})',
      '}',
    );
    const found = findings(hintsIn(FILE, code)).filter((hint) => hint.includes('rds-engine-version-extended-support'));
    assert.deepEqual(found, ['16:awsrds.MysqlEngineVersion_VER_5_7_44 rds-engine-version-extended-support!', '21:awsrds.AuroraMysqlEngineVersion_VER_2_11_2 rds-engine-version-extended-support!']);
  });

  it("reads the instance settings of an Aurora cluster's legacy InstanceProps struct as the cluster's", () => {
    const code = sourceLines(
      ...HEADER,
      'func NewClusterStack(stack awscdk.Stack, vpc awsec2.IVpc) {',
      '\tawsrds.NewDatabaseCluster(stack, jsii.String("Aurora"), &awsrds.DatabaseClusterProps{',
      '\t\tEngine: awsrds.DatabaseClusterEngine_AURORA_POSTGRESQL(),',
      '\t\tInstanceProps: &awsrds.InstanceProps{',
      '\t\t\tVpc:                vpc,',
      '\t\t\tPubliclyAccessible: jsii.Bool(true),',
      '\t\t},',
      '\t})',
      '}',
    );
    const found = findings(hintsIn(FILE, code));
    assert.ok(found.includes('18:PubliclyAccessible rds-publicly-accessible!'), found.join('\n'));
  });

  it('reads an ingress port written with its props, TCP only', () => {
    const code = sourceLines(
      ...HEADER,
      'func NewDbStack(stack awscdk.Stack, vpc awsec2.IVpc) {',
      '\tsg := awsec2.NewSecurityGroup(stack, jsii.String("Db"), &awsec2.SecurityGroupProps{Vpc: vpc})',
      '\tsg.AddIngressRule(awsec2.Peer_AnyIpv4(), awsec2.NewPort(&awsec2.PortProps{',
      '\t\tProtocol:             awsec2.Protocol_TCP,',
      '\t\tFromPort:             jsii.Number(3306),',
      '\t\tToPort:               jsii.Number(3306),',
      '\t\tStringRepresentation: jsii.String("MySQL"),',
      '\t}), jsii.String("mysql"), nil)',
      '\tsg.AddIngressRule(awsec2.Peer_AnyIpv4(), awsec2.NewPort(&awsec2.PortProps{Protocol: awsec2.Protocol_UDP, FromPort: jsii.Number(3306), ToPort: jsii.Number(3306)}), nil, nil)',
      '}',
    );
    assert.deepEqual(findings(hintsIn(FILE, code)), ['15:AddIngressRule rds-open-ingress!']);
  });

  it('gives nothing for lookups, other libraries, values it cannot resolve and tests', () => {
    const lookups = sourceLines(
      ...HEADER,
      'func NewDataStack(stack awscdk.Stack, settings *Settings) {',
      '\torders := awsdynamodb.Table_FromTableName(stack, jsii.String("Orders"), jsii.String("orders"))',
      '\torders.GrantFullAccess(nil)',
      '\tawsrds.NewDatabaseInstance(stack, jsii.String("Tuned"), &awsrds.DatabaseInstanceProps{',
      '\t\tEngine: awsrds.DatabaseInstanceEngine_POSTGRES(),',
      '\t\tStorageEncrypted: settings.Encrypted,',
      '\t\tMultiAz: settings.MultiAz,',
      '\t\tCredentials: awsrds.Credentials_FromPassword(jsii.String("admin"), awscdk.SecretValue_UnsafePlainText(settings.Password)),',
      '\t})',
      '}',
    );
    const found = hintsIn(FILE, lookups);
    assert.deepEqual(found.filter((hint) => /^1[45]:/.test(hint)), [], found.join('\n'));
    assert.deepEqual(findings(found), ['16:NewDatabaseInstance rds-deletion-protection!'], found.join('\n'));

    // A NewTable of another package, and a CDK constructor given another library's props struct.
    const others = sourceLines(
      'package store',
      '',
      'import (',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"',
      '\t"example.com/shop/dynamodb"',
      '\t"example.com/shop/settings"',
      ')',
      '',
      'func build(stack constructs.Construct) {',
      '\tt := dynamodb.NewTable(stack, "Orders", &dynamodb.TableProps{RemovalPolicy: "destroy", PointInTimeRecovery: false})',
      '\tt.GrantFullAccess(nil)',
      '\tawsrds.NewDatabaseInstance(stack, nil, &settings.DatabaseInstanceProps{PubliclyAccessible: true})',
      '}',
    );
    assert.deepEqual(findings(hintsIn('store/build.go', others)), []);

    const test = sourceLines(
      ...HEADER,
      'import "testing"',
      'func TestPublicDatabase(t *testing.T) {',
      '\tstack := awscdk.NewStack(nil, nil, nil)',
      '\tawsrds.NewDatabaseInstance(stack, jsii.String("Db"), &awsrds.DatabaseInstanceProps{PubliclyAccessible: jsii.Bool(true)})',
      '}',
    );
    assert.deepEqual(findings(hintsIn('infra/data_stack_test.go', test)), []);
  });

  it('writes Go CDK values as TypeScript does, and leaves other Go expressions alone', () => {
    assert.equal(goCdkText('awsec2.Port_Tcp(jsii.Number(5432))'), 'awsec2.Port.Tcp(5432)');
    assert.equal(goCdkText('awsrds.PostgresEngineVersion_VER_16()'), 'awsrds.PostgresEngineVersion.VER_16');
    assert.equal(goCdkText('awscdk.RemovalPolicy_RETAIN_ON_UPDATE_OR_DELETE'), 'awscdk.RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE');
    assert.equal(goCdkText('awscdk.SecretValue_UnsafePlainText(jsii.String("pw"))'), 'awscdk.SecretValue.UnsafePlainText("pw")');
    // SDK enums, os flags and snake_case names have no `Type_Member` of a package.
    for (const other of ['types.BillingModePayPerRequest', 'os.O_RDONLY', 'cfg.table_name', 'aws.String("orders")']) {
      assert.equal(goCdkText(other), other);
    }
  });

  it('shows the Go CDK example in hovers', () => {
    const code = sourceLines(
      ...HEADER,
      'func NewDataStack(stack awscdk.Stack, vpc awsec2.IVpc) {',
      '\tawsrds.NewDatabaseInstance(stack, jsii.String("Orders"), &awsrds.DatabaseInstanceProps{Engine: awsrds.DatabaseInstanceEngine_POSTGRES(), Vpc: vpc, MultiAz: jsii.Bool(false)})',
      '}',
    );
    const rules = realHintRules();
    const analysis = analyzeText(code, rules, { kind: documentKind(undefined, FILE)!, fileName: FILE });
    const site = siteAt(analysis.sites, code.indexOf('MultiAz'));
    assert.ok(site && analysis.language);
    const shown = site.ruleIds.map((id) => rules.find((rule) => rule.id === id)).filter((rule): rule is HintRule => rule !== undefined);
    const markdown = hoverMarkdown(shown, { language: analysis.language, origin: site.origin, name: site.name }, HOVER_LABELS, HOVER_COMMANDS);
    assert.match(markdown, /```go\n(?:.*\n)*?\s*MultiAz: jsii\.Bool\(true\)/);
    assert.doesNotMatch(markdown, /```ts|multi_az|pulumi/);
  });
});
