/**
 * A CDK app's settings module whose object literal gives a password member a literal, where another module that makes
 * RDS databases writes that member in plain text (`SecretValue.unsafePlainText(rdsConfig.password)`): the literal
 * is the master password, found where it is written, also as the fallback of a context lookup. Silent without such
 * a module, for a member no module writes so, for a module not named for settings, and for a value read elsewhere.
 */
import * as assert from 'node:assert/strict';
import { cdkPasswordMembers } from '../../../src/hints/engine/workspace/cdkPasswordMembers';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const DATABASE = sourceLines(
  "import { SecretValue } from 'aws-cdk-lib';",
  "import { Credentials, DatabaseInstance, DatabaseInstanceEngine } from 'aws-cdk-lib/aws-rds';",
  "import { Secret } from 'aws-cdk-lib/aws-secretsmanager';",
  "import { Construct } from 'constructs';",
  "import { LedgerSettings } from './settings';",
  '',
  'export class LedgerDatabase {',
  '  constructor(scope: Construct, settings: LedgerSettings) {',
  "    const secret = new Secret(scope, 'LedgerSecret', {",
  '      secretObjectValue: {',
  '        username: SecretValue.unsafePlainText(settings.db_user),',
  '        password: SecretValue.unsafePlainText(',
  '          settings.db_password,',
  '        ),',
  '      },',
  '    });',
  "    new DatabaseInstance(scope, 'Ledger', { engine: DatabaseInstanceEngine.POSTGRES, credentials: Credentials.fromSecret(secret) });",
  '  }',
  '}',
);

const SETTINGS = sourceLines(
  "import { Construct } from 'constructs';",
  '',
  'export function loadSettings(scope: Construct) {',
  "  const fallback = scope.node.tryGetContext('db_password') || 'ledger-Pa55';",
  '  return {',
  "    ledger: { db_user: 'ledger', db_password: fallback },",
  "    reports: { db_user: 'reports', db_password: 'rep0rts-Pa55', api_key: 'k-123' },",
  "    audit: { db_user: 'audit', db_password: scope.node.tryGetContext('audit_password') },",
  '  };',
  '}',
);

const found = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('!'));

describe('CDK: a settings module’s literal password that a database module writes in plain text', () => {
  it('reports the literal, written in place or as a context lookup’s fallback', () => {
    const files = { 'lib/ledger-database.ts': DATABASE, 'config/app-config.ts': SETTINGS };
    assert.deepEqual(found(hintsOfFile(files, 'config/app-config.ts')), ["4:'ledger-Pa55' rds-master-password!", "7:'rep0rts-Pa55' rds-master-password!"]);
    assert.deepEqual(cdkPasswordMembers(DATABASE), ['db_password']);
  });

  it('stays silent without a module that writes the member, in a module not named for settings, and alone', () => {
    const plain = DATABASE.replace('SecretValue.unsafePlainText(\n          settings.db_password,\n        )', 'SecretValue.secretsManager(settings.secretArn)');
    assert.deepEqual(found(hintsOfFile({ 'lib/ledger-database.ts': plain, 'config/app-config.ts': SETTINGS }, 'config/app-config.ts')), []);
    assert.deepEqual(found(hintsOfFile({ 'lib/ledger-database.ts': DATABASE, 'lib/ledger-stack.ts': SETTINGS }, 'lib/ledger-stack.ts')), []);
    assert.deepEqual(found(hintsOfFile({ 'config/app-config.ts': SETTINGS }, 'config/app-config.ts')), []);
    assert.equal(cdkPasswordMembers(DATABASE.replace("from 'aws-cdk-lib/aws-rds'", "from 'aws-cdk-lib/aws-docdb'").replace(/DatabaseInstance/g, 'DatabaseCluster')), undefined);
  });

  it('reports the fallback literal the app entry passes a stack as the member, not one read from the environment alone (audit59f)', () => {
    const stack = sourceLines(
      "import { SecretValue, Stack } from 'aws-cdk-lib';",
      "import { Credentials, DatabaseCluster, DatabaseClusterEngine } from 'aws-cdk-lib/aws-rds';",
      '',
      'export class BillingDbStack extends Stack {',
      '  constructor(scope: any, id: string, props: { dbUsername: string; dbPassword: string }) {',
      '    super(scope, id);',
      "    new DatabaseCluster(this, 'Billing', {",
      '      engine: DatabaseClusterEngine.AURORA_POSTGRESQL,',
      '      credentials: Credentials.fromPassword(props.dbUsername, SecretValue.unsafePlainText(props.dbPassword)),',
      '    });',
      '  }',
      '}',
    );
    const entry = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import { BillingDbStack } from '../lib/billing-db-stack';",
      '',
      'const app = new cdk.App();',
      "new BillingDbStack(app, 'Billing', { dbUsername: 'billing', dbPassword: process.env.BILLING_DB_PASSWORD || 'billing-Pa55' });",
      "new BillingDbStack(app, 'BillingCopy', { dbUsername: 'billing', dbPassword: process.env.BILLING_DB_PASSWORD! });",
    );
    const files = { 'lib/billing-db-stack.ts': stack, 'bin/billing.ts': entry };
    assert.deepEqual(found(hintsOfFile(files, 'bin/billing.ts')), ["5:'billing-Pa55' rds-master-password!"]);
  });
});

