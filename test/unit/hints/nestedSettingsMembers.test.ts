/**
 * Option values read through a chain of members of a settings object of the same file
 * (`publiclyAccessible: config.database.public`, where `const config = { database: { public: true } }`): the value
 * written in the nested object decides, as for `config.x`, also as the days of CDK's `Duration.days(...)`. A nested member written later, a member that is no
 * object literal, or a chain longer than three members keeps the value unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-publicly-accessible', 'rds-storage-encrypted', 'rds-multi-az'];

function stack(settings: string[], after: string[] = []): string {
  return sourceLines(
    "import * as cdk from 'aws-cdk-lib';",
    "import { aws_ec2 as ec2, aws_rds as rds } from 'aws-cdk-lib';",
    "import { Construct } from 'constructs';",
    ...settings,
    'export class DatabaseStack extends cdk.Stack {',
    '  constructor(scope: Construct, id: string, vpc: ec2.IVpc) {',
    '    super(scope, id);',
    ...after,
    "    new rds.DatabaseInstance(this, 'Db', {",
    '      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
    '      vpc,',
    '      publiclyAccessible: config.database.public,',
    '      storageEncrypted: config.database.storage.encrypted,',
    '      multiAz: config.database.multiAz,',
    '    });',
    '  }',
    '}',
  );
}

const SETTINGS = ['const config = {', '  database: { public: true, multiAz: false, storage: { encrypted: false } },', '};'];

describe('CDK props read through nested members of a const settings object', () => {
  it('reads the days of a Duration.days that a settings member holds', () => {
    const code = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import { aws_ec2 as ec2, aws_rds as rds } from 'aws-cdk-lib';",
      'const config = { dev: { backupDays: 0 }, prod: { backupDays: 14 } };',
      'export function databases(stack: cdk.Stack, vpc: ec2.IVpc) {',
      "  new rds.DatabaseInstance(stack, 'Dev', {",
      '    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
      '    vpc,',
      '    storageEncrypted: true,',
      '    backupRetention: cdk.Duration.days(config.dev.backupDays),',
      '  });',
      "  new rds.DatabaseInstance(stack, 'Prod', {",
      '    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),',
      '    vpc,',
      '    storageEncrypted: true,',
      '    backupRetention: cdk.Duration.days(config.prod.backupDays),',
      '  });',
      '}',
    );
    assert.deepEqual(hintsOfRules('databases.ts', code, ['rds-backup-retention']).filter((hint) => hint.endsWith('!')), ['9:backupRetention rds-backup-retention!']);
  });

  it('reads a member two and three deep', () => {
    const findings = hintsOfRules('database-stack.ts', stack(SETTINGS), RULES).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, [
      '13:publiclyAccessible rds-publicly-accessible!',
      '14:storageEncrypted rds-storage-encrypted!',
      '15:multiAz rds-multi-az!',
    ]);
  });

  it('keeps the value unknown when a nested member is written, or the member is no object literal', () => {
    const written = hintsOfRules('database-stack.ts', stack(SETTINGS, ['    config.database.public = false;']), RULES).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(written, []);
    const built = ['const base = { public: true, multiAz: false, storage: { encrypted: false } };', 'const config = { database: base };'];
    assert.deepEqual(hintsOfRules('database-stack.ts', stack(built), RULES).filter((hint) => hint.endsWith('!')), []);
  });
});
