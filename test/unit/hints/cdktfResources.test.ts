/**
 * CDK for Terraform programs: `new DbInstance(this, "db", {...})` of `@cdktf/provider-aws` (or of bindings
 * `cdktf get` generates) is the Terraform resource it synthesizes, judged by the Terraform rules, in TypeScript
 * and Python, with the options named as the program writes them and examples in cdktf.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsIn, hoverAt, realHintRules, sourceLines } from './support';

function messagesIn(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
}

const defects = (found: string[]): string[] => found.filter((hint) => hint.endsWith('!'));

describe('CDK for Terraform AWS resources', () => {
  it('judges a TypeScript stack’s database instance, imported from its lib submodule, as aws_db_instance', () => {
    const code = sourceLines(
      'import { Construct } from "constructs";',
      'import { TerraformStack } from "cdktf";',
      'import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";',
      'export class DataStack extends TerraformStack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      '    new DbInstance(this, "db", {', // 7
      '      engine: "postgres",',
      '      instanceClass: "db.t4g.micro",',
      '      publiclyAccessible: true,', // 10
      '      storageEncrypted: false,', // 11
      '      skipFinalSnapshot: true,', // 12
      '      backupRetentionPeriod: 0,', // 13
      '      password: "correct-horse-battery",', // 14
      '    });',
      '  }',
      '}',
    );
    const found = hintsIn('main.ts', code);
    for (const expected of [
      '10:publiclyAccessible rds-publicly-accessible!',
      '11:storageEncrypted rds-storage-encrypted!',
      '12:skipFinalSnapshot rds-skip-final-snapshot!',
      '13:backupRetentionPeriod rds-backup-retention!',
      '14:"correct-horse-battery" rds-master-password!',
    ]) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    assert.ok(messagesIn('main.ts', code).includes('rds-backup-retention: backupRetentionPeriod 0 turns off automated backups and point-in-time restore for this database.'));
  });

  it('reads the namespace import, the older per-service and root imports, and generated bindings', () => {
    const namespace = sourceLines(
      'import * as aws from "@cdktf/provider-aws";',
      'new aws.dynamodbTable.DynamodbTable(this, "orders", { name: "orders", hashKey: "pk", attribute: [{ name: "pk", type: "S" }], pointInTimeRecovery: { enabled: false } });',
    );
    assert.deepEqual(hintsIn('main.ts', namespace), ['2:hashKey dynamodb-key-schema', '2:attribute dynamodb-key-schema', '2:pointInTimeRecovery dynamodb-pitr']);
    const service = sourceLines('import { rds } from "@cdktf/provider-aws";', 'new rds.RdsCluster(this, "c", { engine: "aurora-postgresql", masterPassword: "literal-pass", storageEncrypted: true });');
    assert.ok(hintsIn('main.ts', service).includes('2:"literal-pass" rds-master-password!'), hintsIn('main.ts', service).join('\n'));
    const root = sourceLines('import { ElasticacheReplicationGroup } from "@cdktf/provider-aws";', 'new ElasticacheReplicationGroup(this, "cache", { description: "c", engine: "redis", atRestEncryptionEnabled: true, transitEncryptionEnabled: false });');
    assert.ok(hintsIn('main.ts', root).includes('2:transitEncryptionEnabled elasticache-transit-encryption!'), hintsIn('main.ts', root).join('\n'));
    const generated = sourceLines('import { DbInstance } from "../.gen/providers/aws/db-instance";', 'new DbInstance(this, "db", { engine: "mysql", instanceClass: "db.t3.micro", storageEncrypted: true, publiclyAccessible: true });');
    assert.ok(hintsIn('stacks/db.ts', generated).includes('2:publiclyAccessible rds-publicly-accessible!'), hintsIn('stacks/db.ts', generated).join('\n'));
    const aliased = generated.replace('../.gen/providers/aws/db-instance', '@gen/providers/aws/db-instance');
    assert.ok(hintsIn('stacks/db.ts', aliased).includes('2:publiclyAccessible rds-publicly-accessible!'), hintsIn('stacks/db.ts', aliased).join('\n'));
  });

  it('reads a config held in a variable, a spread that hides settings, and names a setting left out in the file’s case', () => {
    const code = sourceLines(
      'import { DbInstance, DbInstanceConfig } from "@cdktf/provider-aws/lib/db-instance";',
      'import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";',
      'import { base } from "./defaults";',
      'const config: DbInstanceConfig = { engine: "postgres", instanceClass: "db.t4g.small", publiclyAccessible: true };',
      'new DbInstance(this, "db", config);', // 5
      'new DbInstance(this, "other", { ...base, deletionProtection: false });', // 6
      'new ElasticacheReplicationGroup(this, "cache", { description: "c", engine: "redis", atRestEncryptionEnabled: true, transitEncryptionEnabled: true });',
    );
    const found = hintsIn('main.ts', code);
    assert.ok(found.includes('4:publiclyAccessible rds-publicly-accessible!'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('6:') && hint.includes('rds-storage-encrypted!')), found.join('\n'));
    const messages = messagesIn('main.ts', code);
    assert.ok(messages.some((message) => message.startsWith('elasticache-access-control: This replication group has neither an authToken nor')), messages.join('\n'));
  });

  it('reads a profile typed with a resource’s config interface, once where the file also constructs the resource with it', () => {
    const profile = sourceLines(
      "import type { dbInstance, elasticacheReplicationGroup } from '@cdktf/provider-aws'",
      'const instance: Partial<dbInstance.DbInstanceConfig> = {',
      '  backupRetentionPeriod: 0,',
      '  deletionProtection: false,',
      '  skipFinalSnapshot: true,',
      '}',
      'const cluster: Partial<elasticacheReplicationGroup.ElasticacheReplicationGroupConfig> = { automaticFailoverEnabled: false }',
      'const params: Partial<Record<string, string>> = { backupRetentionPeriod: "0" }',
      'export { instance, cluster, params }',
    );
    // Settings left out (storage encryption, transit encryption) say nothing: the construction elsewhere may set them.
    assert.deepEqual(defects(hintsIn('profiles/database/default.ts', profile)), ['3:backupRetentionPeriod rds-backup-retention!', '4:deletionProtection rds-deletion-protection!', '5:skipFinalSnapshot rds-skip-final-snapshot!']);
    const passed = sourceLines(
      'import { DbInstance, DbInstanceConfig } from "@cdktf/provider-aws/lib/db-instance";',
      'const config: DbInstanceConfig = { engine: "postgres", instanceClass: "db.t4g.small", storageEncrypted: true, publiclyAccessible: true };',
      'new DbInstance(this, "db", config);',
    );
    const analysis = analyzeText(passed, realHintRules(), { kind: 'typescript', fileName: 'main.ts' });
    assert.deepEqual(analysis.findings.map((finding) => finding.ruleId), ['rds-publicly-accessible', 'rds-deletion-protection', 'rds-multi-az']);
  });

  it('reports a database port a security group opens to the internet, and not an egress rule', () => {
    const code = sourceLines(
      'import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";',
      'import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";',
      'import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";',
      'const sg = new SecurityGroup(this, "db", { vpcId, ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }] });',
      'new SecurityGroupRule(this, "out", { type: "egress", securityGroupId: sg.id, protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: ["0.0.0.0/0"] });',
      'new VpcSecurityGroupIngressRule(this, "redis", { securityGroupId: sg.id, ipProtocol: "tcp", fromPort: 6379, toPort: 6379, cidrIpv4: "0.0.0.0/0" });',
    );
    assert.deepEqual(defects(hintsIn('network.ts', code)), ['4:"0.0.0.0/0" rds-open-ingress!', '6:"0.0.0.0/0" elasticache-open-ingress!']);
  });

  it('judges Python stacks: prebuilt provider submodules and generated imports, keyword arguments', () => {
    const code = sourceLines(
      'from constructs import Construct',
      'from cdktf import TerraformStack',
      'from cdktf_cdktf_provider_aws.db_instance import DbInstance',
      'from imports.aws.elasticache_replication_group import ElasticacheReplicationGroup',
      'from cdktf_cdktf_provider_aws import security_group',
      'class Data(TerraformStack):',
      '    def __init__(self, scope: Construct, id: str):',
      '        super().__init__(scope, id)',
      '        DbInstance(self, "db", engine="mysql", instance_class="db.t3.micro",',
      '            publicly_accessible=True, storage_encrypted=True, password="hunter22")', // 10
      '        ElasticacheReplicationGroup(self, "cache", description="c", engine="redis", transit_encryption_enabled=False)', // 11
      '        security_group.SecurityGroup(self, "sg", ingress=[security_group.SecurityGroupIngress(protocol="tcp", from_port=3306, to_port=3306, cidr_blocks=["0.0.0.0/0"])])', // 12
    );
    const found = hintsIn('main.py', code);
    for (const expected of ['10:publicly_accessible rds-publicly-accessible!', '10:"hunter22" rds-master-password!', '11:transit_encryption_enabled elasticache-transit-encryption!', '12:"0.0.0.0/0" rds-open-ingress!']) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    assert.ok(messagesIn('main.py', code).some((message) => message.startsWith('elasticache-access-control: This replication group has neither an auth_token nor')), messagesIn('main.py', code).join('\n'));
  });

  it('reads a proxy, an Aurora cluster and a Lambda function’s environment, in TypeScript and Python', () => {
    const ts = sourceLines(
      'import { DbProxy } from "@cdktf/provider-aws/lib/db-proxy";',
      'import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";',
      'import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";',
      'new DbProxy(this, "proxy", { name: "p", engineFamily: "POSTGRESQL", requireTls: false, roleArn: role.arn, vpcSubnetIds: [], auth: [{ authScheme: "SECRETS", secretArn: secret.arn }] });',
      'new RdsCluster(this, "legacy", { engine: "aurora-mysql", engineMode: "serverless", storageEncrypted: true });',
      'new LambdaFunction(this, "fn", { functionName: "f", role: role.arn, environment: { variables: { DB_PASSWORD: "hunter2hunter2" } } });',
    );
    assert.deepEqual(defects(hintsIn('main.ts', ts)), ['4:requireTls rds-proxy-require-tls!', '5:RdsCluster rds-deletion-protection!', '5:engineMode rds-aurora-serverless-v1!', '6:"hunter2hunter2" rds-password-in-lambda-environment!']);
    const py = sourceLines(
      'import cdktf_cdktf_provider_aws as aws',
      'from cdktf_cdktf_provider_aws.lambda_function import LambdaFunction, LambdaFunctionEnvironment',
      'aws.db_instance.DbInstance(self, "db", publicly_accessible=True, storage_encrypted=True)',
      'LambdaFunction(self, "fn", function_name="f", role="r", environment=LambdaFunctionEnvironment(variables={"DB_PASSWORD": "hunter2hunter2"}))',
    );
    assert.deepEqual(defects(hintsIn('main.py', py)), ['3:DbInstance rds-deletion-protection!', '3:DbInstance rds-multi-az!', '3:publicly_accessible rds-publicly-accessible!', '4:"hunter2hunter2" rds-password-in-lambda-environment!']);
  });

  it('reads nothing from other providers, data sources, values no literal gives, or constructions in tests', () => {
    const other = sourceLines(
      'import { SqlDatabaseInstance } from "@cdktf/provider-google/lib/sql-database-instance";',
      'import { DbInstance as Other } from "./.gen/providers/alicloud/db-instance";',
      'import { DataAwsDbInstance } from "@cdktf/provider-aws/lib/data-aws-db-instance";',
      'new SqlDatabaseInstance(this, "db", { databaseVersion: "POSTGRES_15", settings: { tier: "db-f1-micro" }, deletionProtection: false });',
      'new Other(this, "db", { publiclyAccessible: true });',
      'new DataAwsDbInstance(this, "existing", { dbInstanceIdentifier: "legacy" });',
    );
    assert.deepEqual(hintsIn('main.ts', other), []);
    const variable = sourceLines(
      'import { TerraformVariable } from "cdktf";',
      'import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";',
      'const publicDb = new TerraformVariable(this, "public", { type: "bool", default: false });',
      'const password = new TerraformVariable(this, "password", { type: "string", sensitive: true });',
      'new DbInstance(this, "db", { engine: "postgres", storageEncrypted: true, publiclyAccessible: publicDb.booleanValue, password: password.stringValue, backupRetentionPeriod: 7, deletionProtection: true });',
    );
    assert.deepEqual(defects(hintsIn('main.ts', variable)), ['5:DbInstance rds-multi-az!']);
    const test = sourceLines(
      'import { Testing } from "cdktf";',
      'import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";',
      'describe("stack", () => {',
      '  it("synthesizes", () => {',
      '    const synthed = Testing.synthScope((scope) => { new DbInstance(scope, "db", { publiclyAccessible: true, storageEncrypted: false }); });',
      '    expect(synthed).toHaveResourceWithProperties(DbInstance, { publicly_accessible: true });',
      '  });',
      '});',
    );
    assert.deepEqual(hintsIn('__tests__/main-test.ts', test), []);
  });

  it('shows a cdktf example in the file’s language, with the options named as it writes them', () => {
    const code = sourceLines('import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";', 'new DbInstance(this, "db", { engine: "postgres", storageEncrypted: true, publiclyAccessible: true });');
    const markdown = hoverAt('main.ts', code, 'publiclyAccessible');
    assert.match(markdown, /\*\*publiclyAccessible/);
    assert.match(markdown, /```ts\nnew DbInstance\(this, "orders", \{\n(?:.*\n)*? {2}publiclyAccessible: false,/);
    assert.doesNotMatch(markdown, /new aws\.rds|publicly_accessible|```hcl/);
    const py = sourceLines('from cdktf_cdktf_provider_aws.db_instance import DbInstance', 'DbInstance(self, "db", engine="postgres", storage_encrypted=True, publicly_accessible=True)');
    const pyMarkdown = hoverAt('main.py', py, 'publicly_accessible');
    assert.match(pyMarkdown, /\*\*publicly_accessible/);
    assert.match(pyMarkdown, /```python\nDbInstance\(\n {4}self,\n {4}"orders",\n(?:.*\n)*? {4}publicly_accessible=False,/);
    assert.doesNotMatch(pyMarkdown, /aws\.rds\.Instance|```hcl/);
    const ingress = sourceLines(
      'import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";',
      'new SecurityGroupRule(this, "pg", { type: "ingress", securityGroupId: sg.id, protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] });',
    );
    assert.match(hoverAt('network.ts', ingress, '"0.0.0.0/0"'), /```ts\nnew VpcSecurityGroupIngressRule\(this, "db-from-app", \{/);
  });
});
