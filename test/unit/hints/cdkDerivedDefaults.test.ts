/** rds-publicly-accessible on a CDK database instance placed in PUBLIC subnets, where CDK makes it public unless told otherwise. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RULE = 'rds-publicly-accessible';
const hints = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.includes(RULE));

describe('CDK defaults that follow other props', () => {
  const ts = (construct: string, props: string): string =>
    sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export function data(scope: any, vpc: ec2.IVpc, engine: rds.IInstanceEngine) {',
      `  return new rds.${construct}(scope, 'Orders', { engine, vpc, storageEncrypted: true, ${props} });`,
      '}',
    );

  it('reports an instance in PUBLIC subnets that leaves publiclyAccessible out, on the construct (TypeScript and Python)', () => {
    assert.deepEqual(hints('data.ts', ts('DatabaseInstance', 'vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }')), [`4:DatabaseInstance ${RULE}!`]);
    assert.deepEqual(hints('data.ts', ts('DatabaseInstanceFromSnapshot', 'vpcSubnets: { onePerAz: true, subnetType: ec2.SubnetType.PUBLIC }')), [`4:DatabaseInstanceFromSnapshot ${RULE}!`]);
    const python = (subnets: string): string =>
      sourceLines(
        'from aws_cdk import aws_ec2 as ec2, aws_rds as rds',
        'def data(scope, vpc, engine):',
        `    rds.DatabaseInstance(scope, "Orders", engine=engine, vpc=vpc, storage_encrypted=True, vpc_subnets=${subnets})`,
      );
    assert.deepEqual(hints('data.py', python('ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC)')), [`3:DatabaseInstance ${RULE}!`]);
    assert.deepEqual(hints('data.py', python('{"subnet_type": ec2.SubnetType.PUBLIC}')), [`3:DatabaseInstance ${RULE}!`]);
  });

  it("reads CDK v1's vpcPlacement as the instance's vpcSubnets", () => {
    assert.deepEqual(hints('data.ts', ts('DatabaseInstance', 'vpcPlacement: { subnetType: ec2.SubnetType.PUBLIC }')), [`4:DatabaseInstance ${RULE}!`]);
    assert.deepEqual(hints('data.ts', ts('DatabaseInstance', 'vpcPlacement: { subnetType: ec2.SubnetType.PUBLIC }, publiclyAccessible: false')), [`4:publiclyAccessible ${RULE}`]);
    assert.deepEqual(hints('data.ts', ts('DatabaseInstance', 'vpcPlacement: { subnetType: ec2.SubnetType.ISOLATED }')), []);
  });

  it('stays silent where the instance says false, sits in private subnets, or takes a selection it does not write out', () => {
    assert.deepEqual(hints('data.ts', ts('DatabaseInstance', 'vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, publiclyAccessible: false')), [`4:publiclyAccessible ${RULE}`]);
    assert.deepEqual(hints('data.ts', ts('DatabaseInstance', 'vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }')), []);
    assert.deepEqual(hints('data.ts', ts('DatabaseInstance', 'vpcSubnets: vpc.selectSubnets({ subnetGroupName: "db" })')), []);
    assert.deepEqual(hints('data.ts', ts('DatabaseInstance', '')), []);
  });

  it("reports an Aurora cluster placed in PUBLIC subnets, whose instances follow its placement, unless one of them says so itself", () => {
    const writer = 'writer: rds.ClusterInstance.provisioned("writer")';
    assert.deepEqual(hints('data.ts', ts('DatabaseCluster', `vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, ${writer}`)), [`4:DatabaseCluster ${RULE}!`]);
    assert.deepEqual(hints('data.ts', ts('DatabaseCluster', 'instanceProps: { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } }')), [`4:DatabaseCluster ${RULE}!`]);
    const privateWriter = 'writer: rds.ClusterInstance.provisioned("writer", { publiclyAccessible: false })';
    assert.deepEqual(hints('data.ts', ts('DatabaseCluster', `vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, ${privateWriter}`)), [`4:publiclyAccessible ${RULE}`]);
    assert.deepEqual(hints('data.ts', ts('DatabaseCluster', `vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, ${writer}`)), []);
    const python = sourceLines(
      'from aws_cdk import aws_ec2 as ec2, aws_rds as rds',
      'def data(scope, vpc, engine):',
      '    rds.DatabaseCluster(scope, "Orders", engine=engine, vpc=vpc, storage_encrypted=True, writer=rds.ClusterInstance.provisioned("writer"),',
      '        vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC))',
    );
    assert.deepEqual(hints('data.py', python), [`3:DatabaseCluster ${RULE}!`]);
  });

  it('reads a selection held in a variable, or returned alone by a function of the file the prop calls without arguments', () => {
    const held = sourceLines(
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export function data(scope: any, vpc: ec2.IVpc, engine: rds.IInstanceEngine) {',
      '  const publicSubnets = { subnetType: ec2.SubnetType.PUBLIC };',
      '  const privateSubnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };',
      "  new rds.DatabaseInstance(scope, 'Orders', { engine, vpc, storageEncrypted: true, vpcSubnets: publicSubnets });",
      "  new rds.DatabaseInstance(scope, 'Ledger', { engine, vpc, storageEncrypted: true, vpcSubnets: privateSubnets });",
      '}',
    );
    assert.deepEqual(hints('data.ts', held), [`6:DatabaseInstance ${RULE}!`]);
    const java = (subnetType: string): string =>
      sourceLines(
        'package app;',
        'import software.amazon.awscdk.services.ec2.*;',
        'import software.amazon.awscdk.services.rds.DatabaseInstance;',
        'public class DataStack extends Stack {',
        '  public DataStack(final Construct scope, final String id, final IVpc vpc) {',
        '    super(scope, id);',
        '    var subnets = placement();',
        '    DatabaseInstance.Builder.create(this, "Orders").vpc(vpc).storageEncrypted(true).vpcSubnets(subnets).build();',
        '  }',
        '  private SubnetSelection placement() {',
        `    return SubnetSelection.builder().subnetType(SubnetType.${subnetType}).build();`,
        '  }',
        '}',
      );
    assert.deepEqual(hints('DataStack.java', java('PUBLIC')), [`8:DatabaseInstance ${RULE}!`]);
    assert.deepEqual(hints('DataStack.java', java('PRIVATE_WITH_EGRESS')), []);
  });
});
