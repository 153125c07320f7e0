/**
 * Settings another JavaScript or TypeScript module exports as literals (a config object, or a function whose every
 * return writes the same value), read where a stack or a client takes them: `publiclyAccessible: config.db.public`.
 * A value that varies by environment, a key a later spread may replace, or a binding set again stays unknown.
 */
import * as assert from 'node:assert/strict';
import { jsSettingConstants } from '../../../src/hints/engine/workspace/jsSettingConstants';
import { pythonSettingConstants } from '../../../src/hints/engine/workspace/pythonSettingConstants';
import { sourceLines } from '../hints/support';
import { hintsInWorkspace, workspaceOf } from './support';

const values = (text: string): Record<string, unknown> => Object.fromEntries(Object.entries(jsSettingConstants('config.ts', text) ?? {}).map(([path, setting]) => [path, setting.value]));

describe('workspace: literal settings exported by other modules', () => {
  it('reads exported objects, nested keys, and the keys every return of an exported function agrees on', () => {
    const config = sourceLines(
      "export const settings = { database: { public: true, retentionDays: 0, name: 'orders', engine: pickEngine() } } as const;",
      'export function getEnvConfig(stage: string): EnvConfig {',
      "  if (stage === 'prod') {",
      '    return { publicDbAccess: true, backups: 7, cache: { tls: true } };',
      '  }',
      '  const label = () => { return { publicDbAccess: false }; };',
      '  return { publicDbAccess: true, backups: 1, cache: { tls: true } };',
      '}',
      'export const forStage = (stage: string) => ({ encrypted: false, stage });',
      'export default { cache: { tls: false } };',
      'export const later = { db: { public: true }, ...overrides, audit: false };',
      'export let mutable = { public: true };',
    );
    assert.deepEqual(values(config), {
      'settings.database.public': true,
      'settings.database.retentionDays': 0,
      'settings.database.name': 'orders',
      'getEnvConfig().publicDbAccess': true,
      'getEnvConfig().cache.tls': true,
      'forStage().encrypted': false,
      'default.cache.tls': false,
      'later.audit': false,
    });
    assert.deepEqual(values('module.exports = { db: { ssl: false } };'), { 'db.ssl': false, 'default.db.ssl': false });
    assert.deepEqual(values('export function pick(stage) { return configs[stage]; }\nexport const x = { a: 1 }.a;'), {});
  });

  it('reports a stack setting read from another module, and nothing where the value varies by environment', () => {
    const config = sourceLines(
      'export const settings = { database: { public: true, retentionDays: 0 } };',
      'export function getEnvConfig(stage: string) {',
      "  if (stage === 'prod') {",
      '    return { publicDbAccess: true, multiAz: true };',
      '  }',
      '  return { publicDbAccess: true, multiAz: false };',
      '}',
    );
    const stack = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Construct } from 'constructs';",
      "import { getEnvConfig, settings } from '../config';",
      'export class DbStack extends cdk.Stack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    const cfg = getEnvConfig(process.env.STAGE ?? 'dev');",
      "    new rds.DatabaseInstance(this, 'Db', {",
      '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
      '      storageEncrypted: true,',
      '      publiclyAccessible: cfg.publicDbAccess,',
      '      multiAz: cfg.multiAz,',
      '      backupRetention: cdk.Duration.days(settings.database.retentionDays),',
      '    });',
      "    new rds.DatabaseInstance(this, 'Replica', {",
      '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
      '      storageEncrypted: true,',
      '      publiclyAccessible: settings.database.public,',
      '    });',
      '  }',
      '}',
    );
    const model = workspaceOf({ 'config/index.ts': config });
    const found = hintsInWorkspace(model, 'lib/db-stack.ts', stack).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found.filter((hint) => hint.includes('rds-publicly-accessible') || hint.includes('rds-backup-retention') || hint.includes('rds-multi-az')), [
      '12:publiclyAccessible rds-publicly-accessible!',
      '14:backupRetention rds-backup-retention!',
      '16:DatabaseInstance rds-multi-az!', '19:publiclyAccessible rds-publicly-accessible!',
    ]);
    assert.ok(!hintsInWorkspace(undefined, 'lib/db-stack.ts', stack).some((hint) => hint.includes('rds-publicly-accessible!')), 'without the workspace');
  });

  it('reads the literals a JavaScript settings module exports by name, where a stack imports them by name', () => {
    const config = sourceLines("export const AppName = 'Orders';", "export const EngineMode = 'serverless';", 'export const PublicDb = true;', "export const DbPassword = 'kept-elsewhere';", "export const Stage = `${AppName}-dev`;", 'export let Mutable = true;');
    assert.deepEqual(Object.fromEntries(Object.entries(jsSettingConstants('lib/config.ts', config) ?? {}).map(([name, setting]) => [name, setting.value])), { AppName: 'Orders', EngineMode: 'serverless', PublicDb: true });
    assert.equal(jsSettingConstants('lib/handlers.ts', config), undefined, 'only a module named for settings');
    const stack = sourceLines(
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { EngineMode, PublicDb } from './config';",
      "import { Mode } from './modes';",
      "new rds.CfnDBCluster(this, 'Db', { engine: 'aurora-postgresql', engineMode: EngineMode, deletionProtection: true });",
      "new rds.CfnDBCluster(this, 'Other', { engine: 'aurora-postgresql', engineMode: Mode, deletionProtection: true });",
      "new rds.CfnDBInstance(this, 'Single', { engine: 'postgres', publiclyAccessible: PublicDb, storageEncrypted: true, multiAz: true, deletionProtection: true });",
    );
    const model = workspaceOf({ 'lib/config.ts': config, 'lib/modes.ts': "export const Mode = 'serverless';\n" });
    assert.deepEqual(hintsInWorkspace(model, 'lib/stack.ts', stack).filter((hint) => hint.endsWith('!')), ['4:engineMode rds-aurora-serverless-v1!', '6:publiclyAccessible rds-publicly-accessible!']);
  });

  it('reads the top-level literals of a Python settings module where a CDK stack takes them', () => {
    const config = sourceLines('# Deployment settings', 'PUBLIC_DB = True', 'BACKUP_DAYS = 0', 'MULTI_AZ = False', 'MULTI_AZ = True', 'DB_PASSWORD = "kept-elsewhere"');
    assert.deepEqual(Object.fromEntries(Object.entries(pythonSettingConstants('app/config.py', config) ?? {}).map(([name, setting]) => [name, setting.value])), { PUBLIC_DB: true, BACKUP_DAYS: 0 });
    const stack = sourceLines(
      'from aws_cdk import Stack, Duration, aws_rds as rds',
      'import config',
      'from config import BACKUP_DAYS, MULTI_AZ',
      'class DbStack(Stack):',
      '    def __init__(self, scope, id, vpc):',
      '        super().__init__(scope, id)',
      '        rds.DatabaseInstance(self, "Db", engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16), vpc=vpc,',
      '            storage_encrypted=True, publicly_accessible=config.PUBLIC_DB, multi_az=MULTI_AZ,',
      '            backup_retention=Duration.days(BACKUP_DAYS))',
    );
    const found = (file: string): string[] => hintsInWorkspace(workspaceOf({ [file]: config }), 'stacks/db_stack.py', stack).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found('config.py'), ['7:DatabaseInstance rds-deletion-protection!', '8:publicly_accessible rds-publicly-accessible!', '9:backup_retention rds-backup-retention!']);
    // A module that is no settings module by its name lends nothing.
    assert.deepEqual(found('helpers.py'), ['7:DatabaseInstance rds-deletion-protection!']);
  });
});
