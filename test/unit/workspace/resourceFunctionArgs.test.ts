/**
 * Resources built by a module-level function from what its callers in other files pass: a Pulumi program's
 * `makeDatabase({ exposed: true })` for `export function makeDatabase(settings)` setting `publiclyAccessible:
 * settings.exposed`, an arrow function's `props.x`, a Python `def create_database(name, public=False)`, and a
 * CDK helper `addTable(this, { removalPolicy: RemovalPolicy.DESTROY })`. Traps: an argument that is no object
 * literal, a function nested in another, a parameter reassigned before it is read, and a test's call. A
 * single-file program's calls of its own functions and constructions of its own components are read the same way.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { realHintRules, sourceLines } from '../hints/support';
import { passedFindings, workspaceOf } from './support';

const RULES = new Set(['rds-publicly-accessible', 'rds-backup-retention', 'rds-skip-final-snapshot', 'elasticache-transit-encryption', 'dynamodb-removal-policy', 'rds-deletion-protection']);

/** The findings of `file` among `files` that these tests follow, with where each value comes from. */
function findings(files: Record<string, string>, file: string): string[] {
  return passedFindings(files, file, RULES);
}

const TS_DATABASE = sourceLines(
  "import * as aws from '@pulumi/aws';",
  "import * as pulumi from '@pulumi/pulumi';",
  '',
  'export interface DatabaseSettings {',
  '  name: string;',
  '  password: pulumi.Input<string>;',
  '  exposed: boolean;',
  '  retentionDays: number;',
  '}',
  '',
  'export function makeDatabase(settings: DatabaseSettings): aws.rds.Instance {',
  '  return new aws.rds.Instance(settings.name, {',
  "    engine: 'postgres',",
  "    instanceClass: 'db.t4g.micro',",
  '    allocatedStorage: 20,',
  '    storageEncrypted: true,',
  "    username: 'app',",
  '    password: settings.password,',
  '    publiclyAccessible: settings.exposed,',
  '    backupRetentionPeriod: settings.retentionDays,',
  '  });',
  '}',
  '',
  'export const makeCache = (name: string, props: { tls: boolean }) =>',
  '  new aws.elasticache.ReplicationGroup(name, {',
  "    description: 'sessions',",
  "    nodeType: 'cache.t4g.small',",
  '    atRestEncryptionEnabled: true,',
  '    transitEncryptionEnabled: props.tls,',
  '  });',
);

function tsProgram(...lines: string[]): string {
  return sourceLines("import * as pulumi from '@pulumi/pulumi';", "import { makeCache, makeDatabase } from './infra/data';", '', 'const config = new pulumi.Config();', ...lines);
}

describe('resources built by a function from what its callers in other files pass', () => {
  it('reads a TypeScript function and an arrow function that a Pulumi program calls with object literals', () => {
    const files = {
      'infra/data.ts': TS_DATABASE,
      'index.ts': tsProgram(
        'export const db = makeDatabase({',
        "  name: 'orders',",
        "  password: config.requireSecret('dbPassword'),",
        '  exposed: true,',
        '  retentionDays: 0,',
        '});',
        "export const cache = makeCache('sessions', { tls: false });",
      ),
    };
    assert.deepEqual(findings(files, 'infra/data.ts'), [
      '12:Instance rds-deletion-protection',
      '19:publiclyAccessible rds-publicly-accessible | Value from index.ts:8 (exposed: true)',
      '20:backupRetentionPeriod rds-backup-retention | Value from index.ts:9 (retentionDays: 0)',
      '29:transitEncryptionEnabled elasticache-transit-encryption | Value from index.ts:11 (tls: false)',
    ]);
  });

  it('stays silent on safe values, on arguments that are no object literal, and on calls in tests', () => {
    const safe = { 'infra/data.ts': TS_DATABASE, 'index.ts': tsProgram("export const db = makeDatabase({ name: 'orders', password: 'x', exposed: false, retentionDays: 7 });", "export const cache = makeCache('sessions', { tls: true });") };
    assert.deepEqual(findings(safe, 'infra/data.ts'), ['12:Instance rds-deletion-protection']);
    const variable = { 'infra/data.ts': TS_DATABASE, 'index.ts': tsProgram("const settings = { name: 'orders', password: 'x', exposed: true, retentionDays: 0 };", 'export const db = makeDatabase(settings);') };
    assert.deepEqual(findings(variable, 'infra/data.ts'), ['12:Instance rds-deletion-protection']);
    const test = { 'infra/data.ts': TS_DATABASE, 'test/data.test.ts': tsProgram("makeDatabase({ name: 'orders', password: 'x', exposed: true, retentionDays: 0 });").replace('./infra/data', '../infra/data') };
    assert.deepEqual(findings(test, 'infra/data.ts'), ['12:Instance rds-deletion-protection']);
  });

  it('does not read a nested function, nor a parameter reassigned before it is read', () => {
    const nested = TS_DATABASE.replace('export function makeDatabase(settings: DatabaseSettings): aws.rds.Instance {', 'export function makeDatabase(input: DatabaseSettings): aws.rds.Instance {\n  const build = (settings: DatabaseSettings) =>').replace('  });\n}\n\nexport const makeCache', '  });\n  return build(input);\n}\n\nexport const makeCache');
    const program = tsProgram("export const db = makeDatabase({ name: 'orders', password: 'x', exposed: true, retentionDays: 0 });");
    assert.deepEqual(findings({ 'infra/data.ts': nested, 'index.ts': program }, 'infra/data.ts'), ['13:Instance rds-deletion-protection']);
    const reassigned = TS_DATABASE.replace("  return new aws.rds.Instance(settings.name, {", "  settings = { ...settings, exposed: false };\n  return new aws.rds.Instance(settings.name, {");
    assert.deepEqual(findings({ 'infra/data.ts': reassigned, 'index.ts': program }, 'infra/data.ts'), ['13:Instance rds-deletion-protection']);
  });

  it('reads a Python function: keywords its callers pass, and its defaults when they leave them out', () => {
    const database = sourceLines(
      'import pulumi_aws as aws',
      '',
      '',
      'def create_database(name, password, public=False, keep_snapshot=False):',
      '    return aws.rds.Instance(',
      '        name,',
      '        engine="postgres",',
      '        instance_class="db.t4g.micro",',
      '        allocated_storage=20,',
      '        storage_encrypted=True,',
      '        username="app",',
      '        password=password,',
      '        publicly_accessible=public,',
      '        skip_final_snapshot=not keep_snapshot,',
      '        deletion_protection=keep_snapshot,',
      '    )',
    );
    const main = sourceLines('import pulumi', 'from infra import database', '', 'config = pulumi.Config()', 'db = database.create_database("orders", config.require_secret("dbPassword"), public=True)');
    assert.deepEqual(findings({ 'infra/database.py': database, '__main__.py': main }, 'infra/database.py'), [
      '13:publicly_accessible rds-publicly-accessible | Value from __main__.py:5 (public: True)',
      '14:skip_final_snapshot rds-skip-final-snapshot | __main__.py:5 leaves keep_snapshot out, so the fallback applies',
      '15:deletion_protection rds-deletion-protection | __main__.py:5 leaves keep_snapshot out, so the fallback applies',
    ]);
    const positional = main.replace('public=True', 'True');
    // Passed by position, `public` is not read; `keep_snapshot`, left out, still falls back to its default.
    assert.deepEqual(findings({ 'infra/database.py': database, '__main__.py': positional }, 'infra/database.py'), [
      '14:skip_final_snapshot rds-skip-final-snapshot | __main__.py:5 leaves keep_snapshot out, so the fallback applies',
      '15:deletion_protection rds-deletion-protection | __main__.py:5 leaves keep_snapshot out, so the fallback applies',
    ]);
  });

  it('reads a CDK helper function that a stack calls with its props', () => {
    const helper = sourceLines(
      "import { RemovalPolicy } from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { Construct } from 'constructs';",
      '',
      'export function addTable(scope: Construct, props: { name: string; removalPolicy?: RemovalPolicy }): dynamodb.Table {',
      '  return new dynamodb.Table(scope, props.name, {',
      "    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },",
      '    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,',
      '    pointInTimeRecovery: true,',
      '    removalPolicy: props.removalPolicy,',
      '  });',
      '}',
    );
    const stack = sourceLines(
      "import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';",
      "import { Construct } from 'constructs';",
      "import { addTable } from './tables';",
      '',
      'export class DataStack extends Stack {',
      '  constructor(scope: Construct, id: string, props?: StackProps) {',
      '    super(scope, id, props);',
      "    addTable(this, { name: 'Sessions', removalPolicy: RemovalPolicy.DESTROY });",
      '  }',
      '}',
    );
    assert.deepEqual(findings({ 'lib/tables.ts': helper, 'lib/data-stack.ts': stack }, 'lib/tables.ts'), ['10:removalPolicy dynamodb-removal-policy | Value from lib/data-stack.ts:8 (removalPolicy: RemovalPolicy.DESTROY)']);
  });
  it('reads the calls a single-file program makes of its own functions and component classes', () => {
    const program = sourceLines(
      TS_DATABASE,
      '',
      'class Reports extends pulumi.ComponentResource {',
      '  constructor(name: string, args: { multiAz?: boolean }) {',
      "    super('acme:reports', name, {});",
      "    new aws.rds.Instance(`${name}-db`, { engine: 'mysql', storageEncrypted: true, multiAz: args.multiAz });",
      '  }',
      '}',
      '',
      "export const db = makeDatabase({ name: 'orders', password: 'x', exposed: true, retentionDays: 7 });",
      "export const cache = makeCache('sessions', { tls: true });",
      "export const reports = new Reports('reports', { multiAz: false });",
    );
    assert.deepEqual(findings({ 'index.ts': program }, 'index.ts'), ['12:Instance rds-deletion-protection', '19:publiclyAccessible rds-publicly-accessible | Value from index.ts:40 (exposed: true)', '36:Instance rds-deletion-protection']);
    const multiAz = analyzeText(program, realHintRules(), { kind: 'typescript', fileName: 'index.ts', workspace: workspaceOf({ 'index.ts': program }) }).findings.filter((finding) => finding.ruleId === 'rds-multi-az');
    // makeDatabase's instance leaves MultiAZ out (single-AZ); the component's takes its caller's false.
    assert.equal(multiAz.length, 2);
    multiAz.sort((a, b) => b.start - a.start);
    assert.match(multiAz[0].message, /Value from index\.ts:42 \(multiAz: false\)/);
    const python = sourceLines(
      'import pulumi',
      'import pulumi_aws as aws',
      '',
      '',
      'def create_database(name, public=False):',
      '    return aws.rds.Instance(name, engine="postgres", storage_encrypted=True, publicly_accessible=public)',
      '',
      '',
      'orders = create_database("orders", public=True)',
      'reports = create_database("reports")',
    );
    assert.deepEqual(findings({ '__main__.py': python }, '__main__.py'), ['6:Instance rds-deletion-protection', '6:publicly_accessible rds-publicly-accessible | Value from __main__.py:9 (public: True)']);
  });
  it('reads a negated prop: the negation of what each call passes, or of the default it leaves in place', () => {
    const component = sourceLines(
      "import * as aws from '@pulumi/aws';",
      '',
      'export function makeStore(name: string, settings: { keepSnapshot?: boolean; open?: boolean }) {',
      '  return new aws.rds.Instance(name, {',
      "    engine: 'postgres',",
      '    storageEncrypted: true,',
      '    skipFinalSnapshot: !settings.keepSnapshot,',
      '    publiclyAccessible: !settings.open ?? true,',
      '  });',
      '}',
    );
    const program = (args: string): string => sourceLines("import * as pulumi from '@pulumi/pulumi';", "import { makeStore } from './store';", `export const store = makeStore('orders', { ${args} });`);
    assert.deepEqual(findings({ 'store.ts': component, 'index.ts': program('keepSnapshot: false') }, 'store.ts'), ['4:Instance rds-deletion-protection', '7:skipFinalSnapshot rds-skip-final-snapshot | Value from index.ts:3 (keepSnapshot: false)']);
    assert.deepEqual(findings({ 'store.ts': component, 'index.ts': program('open: false') }, 'store.ts'), ['4:Instance rds-deletion-protection', '7:skipFinalSnapshot rds-skip-final-snapshot | index.ts:3 leaves keepSnapshot out, so the fallback applies']);
    assert.deepEqual(findings({ 'store.ts': component, 'index.ts': program('keepSnapshot: true') }, 'store.ts'), ['4:Instance rds-deletion-protection']);
    const python = sourceLines(
      'import pulumi_aws as aws',
      '',
      '',
      'def make_store(name, keep_snapshot=True, private=True):',
      '    return aws.rds.Instance(name, engine="postgres", storage_encrypted=True, skip_final_snapshot=not keep_snapshot, publicly_accessible=not private)',
      '',
      '',
      'orders = make_store("orders", private=False)',
      'reports = make_store("reports", keep_snapshot=False)',
    );
    assert.deepEqual(findings({ '__main__.py': python }, '__main__.py'), [
      '5:Instance rds-deletion-protection',
      '5:skip_final_snapshot rds-skip-final-snapshot | Value from __main__.py:9 (keep_snapshot: False)',
      '5:publicly_accessible rds-publicly-accessible | Value from __main__.py:8 (private: False)',
    ]);
  });
  it('reads a single file without a workspace, placing the value by the file name or, without one, by its line', () => {
    const program = sourceLines(TS_DATABASE, '', "export const db = makeDatabase({ name: 'orders', password: 'x', exposed: true, retentionDays: 7 });");
    const passed = (fileName?: string): string[] =>
      analyzeText(program, realHintRules(), { kind: 'typescript', ...(fileName ? { fileName } : {}) })
        .findings.filter((finding) => finding.ruleId === 'rds-publicly-accessible')
        .flatMap((finding) => finding.related?.map((place) => place.message) ?? []);
    assert.deepEqual(passed('infra/index.ts'), ['Value from infra/index.ts:33 (exposed: true)']);
    assert.deepEqual(passed(), ['Value from line 33 (exposed: true)']);
    assert.deepEqual(passed('test/index.test.ts'), [], "a test's calls pass what it asserts on");
  });
  it('reads a CDK for Terraform stack that its own file makes with props', () => {
    const program = sourceLines(
      'import { App, TerraformStack } from "cdktf";',
      'import { Construct } from "constructs";',
      'import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";',
      '',
      'class DbStack extends TerraformStack {',
      '  constructor(scope: Construct, id: string, props: { exposed: boolean; backups: number }) {',
      '    super(scope, id);',
      '    new DbInstance(this, "db", { engine: "postgres", storageEncrypted: true, publiclyAccessible: props.exposed, backupRetentionPeriod: props.backups });',
      '  }',
      '}',
      '',
      'const app = new App();',
      'new DbStack(app, "orders", { exposed: true, backups: 7 });',
      'app.synth();',
    );
    assert.deepEqual(findings({ 'main.ts': program }, 'main.ts'), ['8:DbInstance rds-deletion-protection', '8:publiclyAccessible rds-publicly-accessible | Value from main.ts:13 (exposed: true)']);
  });
});
