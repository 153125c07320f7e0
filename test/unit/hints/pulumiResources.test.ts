/**
 * Pulumi AWS (Classic) programs: `aws.rds.Instance`, `aws.dynamodb.Table`, `aws.elasticache.ReplicationGroup`
 * are the Terraform resources they are generated from, judged by the Terraform rules, in TypeScript and Python,
 * with the options named as the program writes them.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsIn, realHintRules, sourceLines } from './support';

function messagesIn(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
}

describe('Pulumi AWS resources', () => {
  it('judges a TypeScript program’s database resources as their Terraform resources', () => {
    const code = sourceLines(
      'import * as pulumi from "@pulumi/pulumi";',
      'import * as aws from "@pulumi/aws";',
      'export function database(name: string, subnets: aws.rds.SubnetGroup) {',
      '  return new aws.rds.Instance(`${name}-db`, {',
      '    engine: "postgres",',
      '    instanceClass: "db.t4g.micro",',
      '    dbSubnetGroupName: subnets.name,',
      '    publiclyAccessible: true,',
      '    skipFinalSnapshot: true,',
      '    backupRetentionPeriod: 0,',
      '    password: "correct-horse-battery",',
      '  }, { parent: subnets });',
      '}',
    );
    const found = hintsIn('index.ts', code);
    for (const expected of [
      '4:Instance rds-storage-encrypted!',
      '8:publiclyAccessible rds-publicly-accessible!',
      '9:skipFinalSnapshot rds-skip-final-snapshot!',
      '10:backupRetentionPeriod rds-backup-retention!',
      '11:"correct-horse-battery" rds-master-password!',
    ]) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    assert.ok(messagesIn('index.ts', code).includes('rds-backup-retention: backupRetentionPeriod 0 turns off automated backups and point-in-time restore for this database.'));
  });

  it('reads named imports, args held in a variable, and leaves the resource options and secrets alone', () => {
    const code = sourceLines(
      'import * as pulumi from "@pulumi/pulumi";',
      'import { elasticache, rds } from "@pulumi/aws";',
      'const config = new pulumi.Config();',
      'const args: rds.ClusterArgs = {',
      '  engine: "aurora-postgresql",',
      '  storageEncrypted: true,',
      '  masterPassword: config.requireSecret("dbPassword"),',
      '  deletionProtection: true,',
      '};',
      'const cluster = new rds.Cluster("orders", args, { protect: true, ignoreChanges: ["masterPassword"] });',
      'const cache = new elasticache.ReplicationGroup("sessions", {',
      '  description: "sessions",',
      '  engine: "redis",',
      '  atRestEncryptionEnabled: true,',
      '  transitEncryptionEnabled: false,',
      '  authToken: pulumi.secret(config.require("redisToken")),',
      '});',
    );
    const found = hintsIn('index.ts', code);
    assert.ok(found.includes('15:transitEncryptionEnabled elasticache-transit-encryption!'), found.join('\n'));
    assert.ok(found.includes('7:masterPassword rds-master-password'), found.join('\n'));
    assert.ok(!found.some((hint) => /rds-master-password!|elasticache-auth-token!|elasticache-access-control!|^10:.*!$/.test(hint)), found.join('\n'));
  });

  it('names a setting left out in the program’s own case', () => {
    const ts = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'new aws.elasticache.ReplicationGroup("cache", { description: "c", engine: "redis", atRestEncryptionEnabled: true, transitEncryptionEnabled: true });',
    );
    assert.ok(messagesIn('index.ts', ts).some((message) => message.startsWith('elasticache-access-control: This replication group has neither an authToken nor')), messagesIn('index.ts', ts).join('\n'));
    const py = sourceLines(
      'import pulumi_aws as aws',
      'aws.elasticache.ReplicationGroup("cache", description="c", engine="redis", at_rest_encryption_enabled=True, transit_encryption_enabled=True)',
    );
    assert.ok(messagesIn('__main__.py', py).some((message) => message.startsWith('elasticache-access-control: This replication group has neither an auth_token nor')), messagesIn('__main__.py', py).join('\n'));
  });

  it('reads a table’s nested settings, and a spread’s hidden ones make absence unknown', () => {
    const code = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'import { baseDb } from "./defaults";',
      'const table = new aws.dynamodb.Table("orders", {',
      '  hashKey: "pk",',
      '  attributes: [{ name: "pk", type: "S" }],',
      '  billingMode: "PAY_PER_REQUEST",',
      '  pointInTimeRecovery: { enabled: true },',
      '});',
      'const db = new aws.rds.Instance("reports", { ...baseDb, publiclyAccessible: true });',
    );
    const found = hintsIn('index.ts', code);
    assert.ok(found.includes('7:pointInTimeRecovery dynamodb-pitr'), found.join('\n'));
    assert.ok(found.includes('6:billingMode dynamodb-billing-mode'), found.join('\n'));
    assert.ok(found.includes('9:publiclyAccessible rds-publicly-accessible!'), found.join('\n'));
    assert.ok(!found.some((hint) => hint.includes('rds-storage-encrypted!')), found.join('\n'));
  });

  it("reads a table's attribute and index lists as the Terraform blocks they are, in TypeScript and Python", () => {
    const ts = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'new aws.dynamodb.Table("users", {',
      '  attributes: [{ name: "pk", type: "S" }, { name: "team", type: "S" }],',
      '  hashKey: "pk",',
      '  globalSecondaryIndexes: [{ name: "by-team", hashKey: "team", projectionType: "ALL" }],',
      '  localSecondaryIndexes: [],',
      '});',
    );
    const found = hintsIn('index.ts', ts);
    assert.ok(found.includes('3:attributes dynamodb-key-schema'), found.join('\n'));
    assert.ok(found.includes('5:globalSecondaryIndexes dynamodb-secondary-index-definition'), found.join('\n'));
    assert.ok(found.includes('6:localSecondaryIndexes dynamodb-secondary-index-definition'), found.join('\n'));
    const python = sourceLines(
      'import pulumi_aws as aws',
      'aws.dynamodb.Table("users", hash_key="pk", attributes=[aws.dynamodb.TableAttributeArgs(name="pk", type="S")],',
      '    global_secondary_indexes=[aws.dynamodb.TableGlobalSecondaryIndexArgs(name="g", hash_key="pk", projection_type="ALL")])',
    );
    const pythonFound = hintsIn('__main__.py', python);
    assert.ok(pythonFound.includes('2:attributes dynamodb-key-schema'), pythonFound.join('\n'));
    assert.ok(pythonFound.includes('3:global_secondary_indexes dynamodb-secondary-index-definition'), pythonFound.join('\n'));
    // An RDS instance has no such lists: its names stay as written.
    assert.ok(!hintsIn('index.ts', 'import * as aws from "@pulumi/aws";\nnew aws.rds.Instance("db", { attributes: [] });\n').some((hint) => hint.includes('dynamodb-key-schema')));
  });

  it("reads the AWS SDK v2 that `aws.sdk` (or `aws.runtime`) gives a callback function, and no other member so", () => {
    const code = (member: string): string =>
      sourceLines(
        'import * as aws from "@pulumi/aws";',
        'export const list = new aws.lambda.CallbackFunction("list", {',
        '  callback: async () => {',
        `    const client = new aws.${member}.DynamoDB.DocumentClient();`,
        '    return (await client.scan({ TableName: "notes" }).promise()).Items;',
        '  },',
        '});',
      );
    assert.ok(hintsIn('index.ts', code('sdk')).includes('5:scan dynamodb-scan!'), hintsIn('index.ts', code('sdk')).join('\n'));
    assert.ok(hintsIn('index.ts', code('runtime')).includes('5:scan dynamodb-scan!'));
    assert.deepEqual(hintsIn('index.ts', code('dynamodb')), []);
  });

  it('reads nothing from lookups of existing resources, other Pulumi packages, or resources the Terraform rules do not know', () => {
    const code = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'import * as awsnative from "@pulumi/aws-native";',
      'const existing = aws.rds.Instance.get("legacy", "legacy-db");',
      'const found = aws.rds.getInstance({ dbInstanceIdentifier: "legacy-db" });',
      'const out = aws.rds.getInstanceOutput({ dbInstanceIdentifier: "legacy-db" });',
      'const table = aws.dynamodb.getTable({ name: "orders" });',
      'const native = new awsnative.rds.DbInstance("n", { publiclyAccessible: true, storageEncrypted: false });',
      'const params = new aws.rds.ParameterGroup("pg", { family: "postgres16", parameters: [{ name: "rds.force_ssl", value: "0" }] });',
    );
    assert.deepEqual(hintsIn('index.ts', code), []);
  });

  it('judges Python programs: module and submodule imports, keyword arguments and Args objects', () => {
    const code = sourceLines(
      'import pulumi',
      'import pulumi_aws as aws',
      'from pulumi_aws import rds',
      'config = pulumi.Config()',
      'db = aws.rds.Instance("db",',
      '    engine="mysql",',
      '    instance_class="db.t3.micro",',
      '    publicly_accessible=True,',
      '    storage_encrypted=True,',
      '    password=config.require_secret("db_password"),',
      '    opts=pulumi.ResourceOptions(protect=True))',
      'cluster = rds.Cluster("c", rds.ClusterArgs(',
      '    engine="aurora-mysql",',
      '    master_password="literal-password",',
      '    skip_final_snapshot=True,',
      '))',
      'existing = rds.get_instance(db_instance_identifier="legacy")',
    );
    const found = hintsIn('__main__.py', code);
    for (const expected of ['5:Instance rds-deletion-protection!', '5:Instance rds-multi-az!', '8:publicly_accessible rds-publicly-accessible!', '14:"literal-password" rds-master-password!', '15:skip_final_snapshot rds-skip-final-snapshot!']) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    assert.ok(!found.some((hint) => /^(?:5:(?!Instance rds-(?:multi-az|deletion-protection)!)|10:|17:).*!$/.test(hint)), found.join('\n'));
  });

  it('reports a database or cache port a security group opens to the internet, and no group open on every port', () => {
    const ts = sourceLines(
      'import * as aws from "@pulumi/aws";',
      'export function groups(vpcId: string) {',
      '  const db = new aws.ec2.SecurityGroup("db", {',
      '    vpcId,',
      '    ingress: [',
      '      { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16", "0.0.0.0/0"] },',
      '      { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },',
      '    ],',
      '    egress: [{ protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: ["0.0.0.0/0"] }],',
      '  });',
      '  new aws.ec2.SecurityGroup("web", { vpcId, ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });',
      '  new aws.ec2.SecurityGroupRule("mysql", { type: "ingress", securityGroupId: db.id, protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: ["0.0.0.0/0"] });',
      '  new aws.ec2.SecurityGroupRule("out", { type: "egress", securityGroupId: db.id, protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] });',
      '  new aws.vpc.SecurityGroupIngressRule("redis", { securityGroupId: db.id, ipProtocol: "tcp", fromPort: 6379, toPort: 6379, cidrIpv4: "0.0.0.0/0" });',
      '}',
    );
    assert.deepEqual(
      hintsIn('network.ts', ts).filter((hint) => hint.endsWith('!')),
      ['6:"0.0.0.0/0" rds-open-ingress!', '12:"0.0.0.0/0" rds-open-ingress!', '14:"0.0.0.0/0" elasticache-open-ingress!'],
    );
    const py = sourceLines(
      'import pulumi_aws as aws',
      'sg = aws.ec2.SecurityGroup("db",',
      '    vpc_id=vpc.id,',
      '    ingress=[',
      '        aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=3306, to_port=3306, cidr_blocks=["0.0.0.0/0"]),',
      '        {"protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": [office_cidr]},',
      '    ])',
    );
    assert.deepEqual(hintsIn('network.py', py).filter((hint) => hint.endsWith('!')), ['5:"0.0.0.0/0" rds-open-ingress!']);
  });
});

describe('SST v3 programs', () => {
  it('read the global aws namespace of sst.config.ts and of the infra files it loads as Pulumi AWS', () => {
    const config = sourceLines(
      '/// <reference path="./.sst/platform/config.d.ts" />',
      'export default $config({',
      '  app(input) {',
      '    return { name: "shop", home: "aws" };',
      '  },',
      '  async run() {',
      '    new aws.rds.Instance("Orders", { engine: "postgres", instanceClass: "db.t4g.micro", publiclyAccessible: true, storageEncrypted: true });', // 7
      '  },',
      '});',
    );
    assert.ok(hintsIn('sst.config.ts', config).includes('7:publiclyAccessible rds-publicly-accessible!'));
    const infra = sourceLines(
      'export const vpc = new sst.aws.Vpc("Vpc");',
      'export const sessions = new aws.elasticache.ReplicationGroup("Sessions", {', // 2
      '  description: "sessions",',
      '  engine: "redis",',
      '  nodeType: "cache.t4g.micro",',
      '  transitEncryptionEnabled: false,', // 6
      '});',
    );
    assert.ok(hintsIn('infra/cache.ts', infra).some((hint) => hint.startsWith('6:transitEncryptionEnabled') && hint.endsWith('!')));
  });

  it('read the props of the global sst.aws.Dynamo component: keys, indexes, TTL and stream', () => {
    const storage = sourceLines(
      'export const bucket = new sst.aws.Bucket("Uploads");',
      'export const table = new sst.aws.Dynamo("Main", {',
      '  fields: { pk: "string", sk: "string", gsi1pk: "string", lsi1sk: "string" },',
      '  primaryIndex: { hashKey: "pk", rangeKey: "sk" },', // 4
      '  globalIndexes: { byOwner: { hashKey: "gsi1pk", projection: "keys-only" } },', // 5
      '  localIndexes: { byDate: { rangeKey: "lsi1sk" } },', // 6
      '  ttl: "expiresAt",', // 7
      '  stream: "new-and-old-images",', // 8
      '});',
    );
    const found = hintsIn('infra/storage.ts', storage);
    assert.ok(found.includes('4:hashKey dynamodb-key-schema') && found.includes('4:rangeKey dynamodb-key-schema'), found.join('\n'));
    assert.ok(found.includes('5:globalIndexes dynamodb-secondary-index-definition'), found.join('\n'));
    assert.ok(found.includes('6:localIndexes dynamodb-secondary-index-definition'), found.join('\n'));
    assert.ok(found.includes('7:ttl dynamodb-ttl') && found.includes('8:stream dynamodb-streams'), found.join('\n'));
    assert.deepEqual(found.filter((hint) => hint.endsWith('!')), []);
  });

  it('read the props of an sst.aws.Dynamo, not the component options after them', () => {
    const storage = sourceLines(
      'export const table = new sst.aws.Dynamo("Main", {',
      '  fields: { pk: "string" },',
      '  primaryIndex: { hashKey: "pk" },', // 3
      '  ttl: "expiresAt",', // 4
      '}, { protect: $app.stage === "production", transform: { table: { deletionProtectionEnabled: true } } });',
    );
    const found = hintsIn('infra/storage.ts', storage);
    assert.ok(found.includes('3:hashKey dynamodb-key-schema') && found.includes('4:ttl dynamodb-ttl'), found.join('\n'));
  });

  it('leave a Dynamo of a file that is no SST program, and other components, alone', () => {
    const other = sourceLines('declare const sst: any;', 'const t = new Other.aws.Dynamo("Main", { ttl: "expiresAt", primaryIndex: { hashKey: "pk" } });');
    assert.deepEqual(hintsIn('scripts/legacy.ts', other), []);
    const queue = sourceLines('export const queue = new sst.aws.Queue("Jobs", { ttl: "expiresAt", stream: "x", fifo: true });');
    assert.deepEqual(hintsIn('infra/queue.ts', queue), []);
  });

  it('leave a global aws of any other file alone, and an aws the file binds itself', () => {
    const other = sourceLines('declare const aws: any;', 'new aws.rds.Instance("Orders", { publiclyAccessible: true });');
    assert.deepEqual(hintsIn('scripts/legacy.ts', other), []);
    const bound = sourceLines(
      'export default $config({',
      '  async run() {',
      '    const aws = { rds: { Instance: class {} } };',
      '    new aws.rds.Instance("Orders", { publiclyAccessible: true });',
      '  },',
      '});',
    );
    assert.deepEqual(hintsIn('sst.config.ts', bound).filter((hint) => hint.endsWith('!')), []);
  });
});
