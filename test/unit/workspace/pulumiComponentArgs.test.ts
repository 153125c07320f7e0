/**
 * Pulumi component resources whose database settings come from the args another file passes: a TypeScript
 * `class Rds extends pulumi.ComponentResource` setting `publiclyAccessible: args.publiclyAccessible` with
 * `new Rds('db', { publiclyAccessible: true })` in `index.ts`, and a Python `Db(ComponentResource)` reading
 * `args.skip_final_snapshot` of a `DbArgs` class (an `__init__` with defaults, or a dataclass) that `__main__.py`
 * builds. Traps: a value passed by a variable, args passed by keyword, an args class that sets the attribute
 * elsewhere, a default that is no literal, a program that sets the safe value, and a test's construction.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { realHintRules, sourceLines } from '../hints/support';
import { passedFindings, workspaceOf } from './support';

const RULES = new Set(['rds-publicly-accessible', 'rds-skip-final-snapshot', 'rds-master-password', 'rds-deletion-protection', 'elasticache-transit-encryption']);

/** The findings of `file` among `files` that these tests follow, with where each value comes from. */
function findings(files: Record<string, string>, file: string): string[] {
  return passedFindings(files, file, RULES);
}

const TS_COMPONENT = sourceLines(
  "import * as aws from '@pulumi/aws';",
  "import * as pulumi from '@pulumi/pulumi';",
  '',
  'export interface DatabaseArgs {',
  '  username: pulumi.Input<string>;',
  '  password: pulumi.Input<string>;',
  '  subnetIds: pulumi.Input<string[]>;',
  '  publiclyAccessible?: boolean;',
  '  skipFinalSnapshot?: boolean;',
  '}',
  '',
  'export class Database extends pulumi.ComponentResource {',
  '  readonly instance: aws.rds.Instance;',
  '',
  '  constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {',
  "    super('acme:db:Database', name, {}, opts);",
  '    const subnets = new aws.rds.SubnetGroup(`${name}-subnets`, { subnetIds: args.subnetIds }, { parent: this });',
  '    this.instance = new aws.rds.Instance(`${name}-db`, {',
  "      engine: 'postgres',",
  "      instanceClass: 'db.t4g.micro',",
  '      allocatedStorage: 20, deletionProtection: true,',
  '      storageEncrypted: true,',
  '      dbSubnetGroupName: subnets.name,',
  '      username: args.username,',
  '      password: args.password,',
  '      publiclyAccessible: args.publiclyAccessible,',
  '      skipFinalSnapshot: args.skipFinalSnapshot || false,',
  '    }, { parent: this });',
  '    this.registerOutputs({ endpoint: this.instance.endpoint });',
  '  }',
  '}',
);

function tsProgram(...construction: string[]): string {
  return sourceLines(
    "import * as pulumi from '@pulumi/pulumi';",
    "import * as awsx from '@pulumi/awsx';",
    "import { Database } from './components/database';",
    '',
    'const config = new pulumi.Config();',
    "const vpc = new awsx.ec2.Vpc('app');",
    ...construction,
    'export const endpoint = db.instance.endpoint;',
  );
}

const PY_BACKEND = sourceLines(
  'from pulumi import ComponentResource, ResourceOptions',
  'from pulumi_aws import rds',
  '',
  '',
  'class DbArgs:',
  '    def __init__(self, db_name=None, db_user=None, db_password=None, subnet_ids=None,',
  '                 skip_final_snapshot=True, publicly_accessible=False, deletion_protection=False):',
  '        self.db_name = db_name',
  '        self.db_user = db_user',
  '        self.db_password = db_password',
  '        self.subnet_ids = subnet_ids',
  '        self.skip_final_snapshot = skip_final_snapshot',
  '        self.publicly_accessible = publicly_accessible',
  '        self.deletion_protection = deletion_protection',
  '',
  '',
  'class Db(ComponentResource):',
  '    def __init__(self, name: str, args: DbArgs, opts: ResourceOptions = None):',
  '        super().__init__("acme:resource:Db", name, {}, opts)',
  '        subnets = rds.SubnetGroup(f"{name}-sng", subnet_ids=args.subnet_ids, opts=ResourceOptions(parent=self))',
  '        self.db = rds.Instance(f"{name}-rds",',
  '                               db_name=args.db_name,',
  '                               engine="postgres",',
  '                               instance_class="db.t4g.micro",',
  '                               allocated_storage=20,',
  '                               storage_encrypted=True,',
  '                               db_subnet_group_name=subnets.id,',
  '                               username=args.db_user,',
  '                               password=args.db_password,',
  '                               skip_final_snapshot=args.skip_final_snapshot,',
  '                               publicly_accessible=args.publicly_accessible,',
  '                               deletion_protection=args.deletion_protection,',
  '                               opts=ResourceOptions(parent=self))',
  '        self.register_outputs({})',
);

function pyMain(...construction: string[]): string {
  return sourceLines('import pulumi', 'import backend', '', 'config = pulumi.Config()', 'password = config.require_secret("dbPassword")', ...construction, 'pulumi.export("address", be.db.address)');
}

describe('Pulumi component args passed from another file', () => {
  it('reads a TypeScript component args object that the program passes', () => {
    const files = {
      'components/database.ts': TS_COMPONENT,
      'index.ts': tsProgram("const db = new Database('orders', {", "  username: 'app',", "  password: 'orders-2024!',", '  subnetIds: vpc.publicSubnetIds,', '  publiclyAccessible: true,', '  skipFinalSnapshot: true,', '});'),
    };
    assert.deepEqual(findings(files, 'components/database.ts'), [
      "25:args.password rds-master-password | Value from index.ts:9 (password: 'orders-2024!')",
      '26:publiclyAccessible rds-publicly-accessible | Value from index.ts:11 (publiclyAccessible: true)',
      '27:skipFinalSnapshot rds-skip-final-snapshot | Value from index.ts:12 (skipFinalSnapshot: true)',
    ]);
  });

  it('says which construction leaves a prop to the resource default', () => {
    const component = TS_COMPONENT.replace('      storageEncrypted: true,\n', '      storageEncrypted: args.encrypted,\n').replace('  skipFinalSnapshot?: boolean;\n', '  skipFinalSnapshot?: boolean;\n  encrypted?: boolean;\n');
    const files = { 'components/database.ts': component, 'index.ts': tsProgram("const db = new Database('orders', { username: 'app', password, subnetIds: vpc.privateSubnetIds });") };
    const code = files['components/database.ts'];
    const result = analyzeText(code, realHintRules(), { kind: 'typescript', fileName: 'components/database.ts', workspace: workspaceOf(files), onError: (error) => assert.fail(String(error)) });
    const encrypted = result.findings.filter((finding) => finding.ruleId === 'rds-storage-encrypted');
    assert.equal(encrypted.length, 1);
    assert.match(encrypted[0].message, /index\.ts:7 leaves out the prop storageEncrypted reads, so the resource's default applies/);
  });

  it('stays silent on the safe values, on values no literal gives, and on props left to the resource', () => {
    const safe = { 'components/database.ts': TS_COMPONENT, 'index.ts': tsProgram("const db = new Database('orders', {", "  username: 'app',", "  password: config.requireSecret('dbPassword'),", '  subnetIds: vpc.privateSubnetIds,', '  publiclyAccessible: false,', '  skipFinalSnapshot: false,', '});') };
    assert.deepEqual(findings(safe, 'components/database.ts'), []);
    const leftOut = { 'components/database.ts': TS_COMPONENT, 'index.ts': tsProgram("const db = new Database('orders', { username: 'app', password, subnetIds: vpc.privateSubnetIds });") };
    assert.deepEqual(findings(leftOut, 'components/database.ts'), []);
    const variable = { 'components/database.ts': TS_COMPONENT, 'index.ts': tsProgram("const isPublic = config.getBoolean('public');", "const db = new Database('orders', { username: 'app', password, subnetIds: vpc.privateSubnetIds, publiclyAccessible: isPublic });") };
    assert.deepEqual(findings(variable, 'components/database.ts'), []);
  });

  it('reads a Python args class: what the program passes, and the defaults of its __init__ otherwise', () => {
    const files = {
      'backend.py': PY_BACKEND,
      '__main__.py': pyMain('be = backend.Db("app-be", backend.DbArgs(', '    db_name="app",', '    db_user="admin",', '    db_password=password,', '    publicly_accessible=True,', '))'),
    };
    assert.deepEqual(findings(files, 'backend.py'), [
      '30:skip_final_snapshot rds-skip-final-snapshot | __main__.py:6 leaves skip_final_snapshot out, so the fallback applies',
      '31:publicly_accessible rds-publicly-accessible | Value from __main__.py:10 (publicly_accessible: True)',
      '32:deletion_protection rds-deletion-protection | __main__.py:6 leaves deletion_protection out, so the fallback applies',
    ]);
  });

  it('reads a Python dataclass of args imported by name', () => {
    const component = sourceLines(
      'from dataclasses import dataclass',
      'import pulumi',
      'import pulumi_aws as aws',
      '',
      '',
      '@dataclass(frozen=True)',
      'class CacheArgs:',
      '    node_type: str',
      '    transit_encryption_enabled: bool = False',
      '',
      '',
      'class Cache(pulumi.ComponentResource):',
      '    def __init__(self, name: str, args: CacheArgs, opts=None):',
      '        super().__init__("acme:cache:Cache", name, None, opts)',
      '        self.group = aws.elasticache.ReplicationGroup(',
      '            name,',
      '            description="sessions",',
      '            engine="redis",',
      '            node_type=args.node_type,',
      '            num_cache_clusters=2,',
      '            automatic_failover_enabled=True,',
      '            at_rest_encryption_enabled=True,',
      '            transit_encryption_enabled=args.transit_encryption_enabled,',
      '            opts=pulumi.ResourceOptions(parent=self),',
      '        )',
    );
    const files = { 'infra/cache.py': component, '__main__.py': sourceLines('import pulumi', 'from infra.cache import Cache, CacheArgs', '', 'cache = Cache("sessions", CacheArgs(node_type="cache.t4g.small"))') };
    assert.deepEqual(findings(files, 'infra/cache.py'), ['23:transit_encryption_enabled elasticache-transit-encryption | __main__.py:4 leaves transit_encryption_enabled out, so the fallback applies']);
  });

  it('stays silent where the Python args cannot be known', () => {
    // Args passed by keyword, built positionally, or held in a variable.
    for (const construction of [
      ['be = backend.Db("app-be", args=backend.DbArgs(db_name="app", publicly_accessible=True))'],
      ['be = backend.Db("app-be", backend.DbArgs("app", "admin", password, None, True, True))'],
      ['db_args = backend.DbArgs(db_name="app", publicly_accessible=True)', 'be = backend.Db("app-be", db_args)'],
    ]) {
      assert.deepEqual(findings({ 'backend.py': PY_BACKEND, '__main__.py': pyMain(...construction) }, 'backend.py'), [], construction.join('\n'));
    }
    // The class sets the attribute again elsewhere, or its default is no literal: the left-out values stay unknown.
    const reassigned = PY_BACKEND.replace('        self.deletion_protection = deletion_protection\n', '        self.deletion_protection = deletion_protection\n        self.skip_final_snapshot = not deletion_protection\n');
    const computed = PY_BACKEND.replace('skip_final_snapshot=True,', 'skip_final_snapshot=DEFAULT_SKIP,');
    const safe = pyMain('be = backend.Db("app-be", backend.DbArgs(db_name="app", deletion_protection=True))');
    assert.deepEqual(findings({ 'backend.py': reassigned, '__main__.py': safe }, 'backend.py'), []);
    assert.deepEqual(findings({ 'backend.py': computed, '__main__.py': safe }, 'backend.py'), []);
  });

  it('does not read a construction made in a test', () => {
    const files = { 'components/database.ts': TS_COMPONENT, 'test/database.test.ts': tsProgram("const db = new Database('t', { username: 'u', password: 'p', subnetIds: [], publiclyAccessible: true });") };
    assert.deepEqual(findings(files, 'components/database.ts'), []);
  });
  it('reads args merged over a module-level defaults object, with the default where a construction leaves a key out', () => {
    const component = sourceLines(
      "import * as aws from '@pulumi/aws';",
      "import * as pulumi from '@pulumi/pulumi';",
      '',
      'export type StoreArgs = { password: pulumi.Input<string>; publiclyAccessible?: boolean; skipFinalSnapshot?: boolean };',
      '',
      'const defaults = {',
      '  publiclyAccessible: false,',
      '  skipFinalSnapshot: true,',
      '  instanceClass: aws.rds.InstanceType.T4G_Micro,',
      '};',
      '',
      'export class Store extends pulumi.ComponentResource {',
      '  constructor(name: string, args: StoreArgs, opts?: pulumi.ComponentResourceOptions) {',
      "    super('acme:store:Store', name, {}, opts);",
      '    const settings = Object.assign({}, defaults, args);',
      '    new aws.rds.Instance(`${name}-db`, { deletionProtection: true,',
      "      engine: 'postgres',",
      '      storageEncrypted: true,',
      '      password: settings.password,',
      '      publiclyAccessible: settings.publiclyAccessible,',
      '      skipFinalSnapshot: settings.skipFinalSnapshot,',
      '    }, { parent: this });',
      '  }',
      '}',
    );
    const program = (args: string): string => sourceLines("import * as pulumi from '@pulumi/pulumi';", "import { Store } from './store';", 'const config = new pulumi.Config();', `export const store = new Store('orders', { password: config.requireSecret('db'), ${args} });`);
    assert.deepEqual(findings({ 'store.ts': component, 'index.ts': program('publiclyAccessible: true') }, 'store.ts'), [
      '20:publiclyAccessible rds-publicly-accessible | Value from index.ts:4 (publiclyAccessible: true)',
      '21:skipFinalSnapshot rds-skip-final-snapshot | index.ts:4 leaves skipFinalSnapshot out, so the fallback applies',
    ]);
    assert.deepEqual(findings({ 'store.ts': component, 'index.ts': program('skipFinalSnapshot: false') }, 'store.ts'), []);
    const spread = component.replace('const settings = Object.assign({}, defaults, args);', 'const settings = { ...defaults, ...args };');
    assert.deepEqual(findings({ 'store.ts': spread, 'index.ts': program('skipFinalSnapshot: false') }, 'store.ts'), []);
    assert.equal(findings({ 'store.ts': spread, 'index.ts': program('publiclyAccessible: true') }, 'store.ts').length, 2);
    // Defaults that spread others, or merged into a `let`, may hold anything.
    const open = component.replace('const defaults = {', 'const defaults = {\n  ...baseDefaults,').replace("import * as pulumi from '@pulumi/pulumi';", "import * as pulumi from '@pulumi/pulumi';\nimport { baseDefaults } from './base';");
    assert.deepEqual(findings({ 'store.ts': open, 'index.ts': program('publiclyAccessible: false') }, 'store.ts'), []);
    const reassignable = component.replace('const settings = Object.assign', 'let settings = Object.assign');
    assert.deepEqual(findings({ 'store.ts': reassignable, 'index.ts': program('publiclyAccessible: true') }, 'store.ts'), []);
  });
});
