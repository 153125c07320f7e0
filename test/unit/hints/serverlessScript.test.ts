/**
 * Serverless Framework services written in TypeScript or JavaScript (`serverless.ts`, `serverless.js`): the
 * exported configuration's `resources` are read as CloudFormation, with names bound to object literals of the
 * file followed; spreads, imports and other files stay unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const SERVICE = sourceLines(
  "import type { AWS } from '@serverless/typescript';",
  "import hello from '@functions/hello';",
  'const ordersTable = {',
  "  Type: 'AWS::DynamoDB::Table',",
  "  DeletionPolicy: 'Delete',",
  "  Properties: { BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] },",
  '};',
  'const serverlessConfiguration: AWS = {',
  "  service: 'orders-api',",
  "  provider: { name: 'aws', runtime: 'nodejs20.x' },",
  '  functions: { hello },',
  '  resources: {',
  '    Resources: {',
  '      ...sharedResources,',
  '      OrdersTable: ordersTable,',
  '      Database: {',
  "        Type: 'AWS::RDS::DBInstance',",
  "        Properties: { Engine: 'postgres', StorageEncrypted: false, PubliclyAccessible: true },",
  '      },',
  '      Cache: {',
  "        Type: 'AWS::ElastiCache::CacheCluster',",
  "        Properties: { ...cacheDefaults, Engine: 'redis' },",
  '      },',
  '    },',
  '  },',
  '};',
  'export default serverlessConfiguration;',
);

describe('Serverless services written in TypeScript or JavaScript', () => {
  it('reads the resources of serverless.ts, following a name bound to an object literal of the file', () => {
    const found = hintsIn('serverless.ts', SERVICE).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found.sort(), ["16:Database rds-deletion-protection!", "16:Database rds-multi-az!", "18:PubliclyAccessible rds-publicly-accessible!", "18:StorageEncrypted rds-storage-encrypted!", "5:DeletionPolicy dynamodb-removal-policy!"].sort());
  });

  it('reads serverless.js that exports the object itself', () => {
    const code = sourceLines(
      'module.exports = {',
      "  service: 'cache',",
      "  provider: { name: 'aws' },",
      '  resources: { Resources: { Cache: { Type: "AWS::ElastiCache::CacheCluster", Properties: { Engine: "redis", NumCacheNodes: 1 } } } },',
      '};',
    );
    assert.ok(hintsIn('serverless.js', code).includes('4:Engine elasticache-standalone-redis-tls!'), hintsIn('serverless.js', code).join('\n'));
  });

  it('reads a module that declares resources for a service to spread in, and no object that also holds something else', () => {
    const fragment = sourceLines(
      "import type { AWS } from '@serverless/typescript';",
      '',
      "const databaseResources: AWS['resources']['Resources'] = {",
      '  ReportsDatabase: {',
      "    Type: 'AWS::RDS::DBInstance',",
      "    Properties: { Engine: 'postgres', StorageEncrypted: true, PubliclyAccessible: true },",
      '  },',
      '};',
      '',
      'export default databaseResources;',
    );
    assert.ok(hintsIn('serverless/databaseResources.ts', fragment).includes('6:PubliclyAccessible rds-publicly-accessible!'), hintsIn('serverless/databaseResources.ts', fragment).join('\n'));
    const mixed = fragment.replace('  ReportsDatabase: {', "  region: 'eu-west-1',\n  ReportsDatabase: {");
    assert.deepEqual(hintsIn('serverless/databaseResources.ts', mixed), []);
    const inFunction = sourceLines('export function resources() {', '  const r = {', "    Db: { Type: 'AWS::RDS::DBInstance', Properties: { PubliclyAccessible: true } },", '  };', '  return r;', '}');
    assert.deepEqual(hintsIn('resources.ts', inFunction), []);
  });

  it('reads a module that holds one resource for a service to list by name, assigned or exported by default', () => {
    const table = sourceLines(
      "import type { AWS } from '@serverless/typescript';",
      '',
      "export const ordersTable: AWS['resources']['Resources'][string] = {",
      "  Type: 'AWS::DynamoDB::Table',",
      "  DeletionPolicy: 'Delete',",
      '  Properties: {',
      "    TableName: '${self:custom.ordersTable}',",
      "    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },",
      '  },',
      '};',
    );
    const found = hintsIn('resources/ordersTable.ts', table);
    for (const expected of ['5:DeletionPolicy dynamodb-removal-policy!', '8:ProvisionedThroughput dynamodb-billing-mode']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
    const database = sourceLines('export default {', "  Type: 'AWS::RDS::DBInstance',", "  Properties: { Engine: 'postgres', StorageEncrypted: true, PubliclyAccessible: true },", '};');
    assert.ok(hintsIn('resources/database.ts', database).includes('3:PubliclyAccessible rds-publicly-accessible!'), hintsIn('resources/database.ts', database).join('\n'));
    const exported = database.replace('export default {', 'module.exports = {');
    assert.ok(hintsIn('resources/database.js', exported).includes('3:PubliclyAccessible rds-publicly-accessible!'), hintsIn('resources/database.js', exported).join('\n'));
  });

  it('reads a module that exports a whole template or the part of one a build merges', () => {
    const template = sourceLines(
      'module.exports = {',
      '  Parameters: {',
      '    DBPassword: { Type: "String" },',
      '  },',
      '  Resources: {',
      '    "WarehouseCluster": {',
      '      "Type": "AWS::RDS::DBCluster",',
      '      "Properties": {',
      '        "Engine": "aurora-postgresql",',
      '        "MasterUserPassword": { "Ref": "DBPassword" },',
      '        "BackupRetentionPeriod": 0',
      '      }',
      '    },',
      '    "WarehouseWriter": {',
      '      "Type": "AWS::RDS::DBInstance",',
      '      "Properties": { "PubliclyAccessible": true, "DBClusterIdentifier": { "Ref": "WarehouseCluster" } }',
      '    }',
      '  }',
      '};',
    );
    const found = hintsIn('cloudformation/databases.js', template).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found.sort(), ['11:"BackupRetentionPeriod" rds-backup-retention!', '16:"PubliclyAccessible" rds-publicly-accessible!', '6:"WarehouseCluster" rds-deletion-protection!']);
    const exported = template.replace('module.exports = {', "export default {\n  AWSTemplateFormatVersion: '2010-09-09',");
    assert.ok(hintsIn('cloudformation/databases.ts', exported).includes('17:"PubliclyAccessible" rds-publicly-accessible!'), hintsIn('cloudformation/databases.ts', exported).join('\n'));
    // A service object with a top-level Resources key is no template; nor is an object built inside a function.
    assert.deepEqual(hintsIn('cloudformation/databases.js', template.replace('module.exports = {', "module.exports = {\n  service: 'warehouse',")), []);
    const inFunction = `export function template() {\n  const t = ${template.slice('module.exports = '.length).replace(/;\s*$/, '')};\n  return t;\n}`;
    assert.deepEqual(hintsIn('cloudformation/databases.ts', inFunction), []);
  });

  it('reads no object as a resource without a literal AWS type and a Properties object, nor one inside a function', () => {
    const open = "{ Engine: 'postgres', StorageEncrypted: true, PubliclyAccessible: true }";
    for (const code of [
      `const db = { Type: 'Custom::Database', Properties: ${open} };`,
      `const db = { Type: databaseType, Properties: ${open} };`,
      `const db = { Type: 'AWS::RDS::DBInstance', Properties: props };`,
      `const db = { Type: 'AWS::RDS::DBInstance', Metadata: ${open} };`,
      `export function database() {\n  const db = { Type: 'AWS::RDS::DBInstance', Properties: ${open} };\n  return db;\n}`,
      `export default function () {\n  return { Type: 'AWS::RDS::DBInstance', Properties: ${open} };\n}`,
    ]) {
      assert.deepEqual(hintsIn('resources/database.ts', code), [], code);
    }
  });

  it('reads no other file, no object without a service and an AWS provider, and no object a spread hides', () => {
    assert.deepEqual(hintsIn('config.ts', SERVICE), []);
    const google = SERVICE.replace("provider: { name: 'aws'", "provider: { name: 'google'");
    assert.deepEqual(hintsIn('serverless.ts', google), []);
    assert.ok(!hintsIn('serverless.ts', SERVICE).some((hint) => hint.startsWith('22:')), 'the spread cache properties');
  });
});
