/**
 * Aurora encrypts every cluster created from 2026-02-18 whatever StorageEncrypted says: a written `false` on an
 * Aurora cluster keeps its finding (a cluster created before is unencrypted) with a message that says both cases;
 * a Multi-AZ DB cluster or a DB instance keeps the plain message. The CDK's DatabaseCluster takes only Aurora
 * engines, whatever expression names one.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { DocumentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules, sourceLines } from './support';

function storageMessages(code: string, kind: DocumentKind): string[] {
  return analyzeText(code, realHintRules(), { kind })
    .findings.filter((finding) => finding.ruleId === 'rds-storage-encrypted')
    .map((finding) => finding.message);
}

const AURORA = /^storage_encrypted is false on this Aurora cluster\. One created with it before 18 February 2026 is unencrypted/;
const PLAIN = /^Storage encryption is off/;

describe('StorageEncrypted false on Aurora, which encrypts new clusters anyway', () => {
  it('Terraform: an Aurora cluster gets the two-case message in its own terms; a Multi-AZ DB cluster and an instance the plain one', () => {
    const code = sourceLines(
      'resource "aws_rds_cluster" "ledger" {',
      '  engine            = "aurora-postgresql"',
      '  storage_encrypted = false',
      '}',
      'resource "aws_rds_cluster" "orders" {',
      '  engine            = "postgres"',
      '  storage_encrypted = false',
      '}',
      'resource "aws_db_instance" "reports" {',
      '  engine            = "mysql"',
      '  storage_encrypted = false',
      '}',
    );
    const messages = storageMessages(code, 'terraform');
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0], AURORA);
    assert.match(messages[1], PLAIN);
    assert.match(messages[2], PLAIN);
  });

  it('CloudFormation and the SDK: the Aurora engines by name, and an engine that is not a literal keeps the plain message', () => {
    const template = sourceLines(
      'Resources:',
      '  Ledger:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-mysql',
      '      StorageEncrypted: false',
      '  Reports:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: !Ref EngineName',
      '      StorageEncrypted: false',
    );
    const [ledger, reports] = storageMessages(template, 'yaml');
    assert.match(ledger, /^StorageEncrypted is false on this Aurora cluster/);
    assert.match(reports, PLAIN);
    const code = sourceLines(
      "import { RDSClient, CreateDBClusterCommand } from '@aws-sdk/client-rds';",
      'const rds = new RDSClient({});',
      'export async function createLedger() {',
      "  await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'ledger', Engine: 'aurora-postgresql', StorageEncrypted: false }));",
      '}',
    );
    const [sdk] = storageMessages(code, 'typescript');
    assert.match(sdk, /^StorageEncrypted is false on this Aurora cluster/);
  });

  it('CDK: a DatabaseCluster is Aurora whatever expression gives its engine; a DatabaseInstance keeps the plain message', () => {
    const typescript = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'export class DataStack extends Stack {',
      '  constructor(scope: Construct, id: string, props: DataProps) {',
      '    super(scope, id, props);',
      "    new rds.DatabaseCluster(this, 'Ledger', {",
      '      engine: props.clusterEngine,',
      "      writer: rds.ClusterInstance.provisioned('writer'),",
      '      vpc: props.vpc,',
      '      storageEncrypted: false,',
      '    });',
      "    new rds.DatabaseInstance(this, 'Reports', {",
      '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
      '      vpc: props.vpc,',
      '      storageEncrypted: false,',
      '    });',
      '  }',
      '}',
    );
    const [ledger, reports] = storageMessages(typescript, 'typescript');
    assert.match(ledger, /^storageEncrypted is false on this Aurora cluster/);
    assert.match(reports, PLAIN);
    const python = sourceLines(
      'from aws_cdk import Stack, aws_rds as rds',
      'class DataStack(Stack):',
      '    def __init__(self, scope, construct_id, *, vpc, **kwargs):',
      '        super().__init__(scope, construct_id, **kwargs)',
      '        rds.DatabaseCluster(self, "Ledger",',
      '            engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),',
      '            writer=rds.ClusterInstance.provisioned("writer"),',
      '            vpc=vpc,',
      '            storage_encrypted=False,',
      '        )',
    );
    const [cluster] = storageMessages(python, 'python');
    assert.match(cluster, /^storage_encrypted is false on this Aurora cluster/);
  });
});
