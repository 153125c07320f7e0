/**
 * A CloudFormation parameter of an SSM type (`AWS::SSM::Parameter::Value<String>`) takes the value Parameter Store
 * holds under the name its default gives: the default is never the value, so nothing is judged from it (a
 * literal master password, an engine version, a retention, a table name), alone or passed by a parent stack.
 */
import * as assert from 'node:assert/strict';
import { contributionOf } from '../workspace/support';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-master-password', 'rds-engine-version-extended-support', 'rds-backup-retention'];

function database(type: string): string {
  return sourceLines(
    'Parameters:',
    '  AdminPassword:',
    `    Type: ${type}`,
    '    Default: /billing/prod/admin-password',
    '  Version:',
    `    Type: ${type}`,
    '    Default: "5.7.44"',
    '  Days:',
    `    Type: ${type}`,
    '    Default: 0',
    'Resources:',
    '  Db:',
    '    Type: AWS::RDS::DBInstance',
    '    Properties:',
    '      Engine: mysql',
    '      EngineVersion: !Ref Version',
    '      MasterUserPassword: !Ref AdminPassword',
    '      BackupRetentionPeriod: !Ref Days',
    '      StorageEncrypted: true',
  );
}

describe('CloudFormation parameters read from Parameter Store', () => {
  it('judges nothing from the default of an SSM-typed parameter, and a String parameter by its default', () => {
    assert.deepEqual(hintsOfRules('db.yaml', database('AWS::SSM::Parameter::Value<String>'), RULES), [
      '16:EngineVersion rds-engine-version-extended-support',
      '17:MasterUserPassword rds-master-password',
      '18:BackupRetentionPeriod rds-backup-retention',
    ]);
    assert.deepEqual(hintsOfRules('db.yaml', database('String'), RULES), [
      '16:!Ref Version rds-engine-version-extended-support!',
      '16:EngineVersion rds-engine-version-extended-support',
      '17:!Ref AdminPassword rds-master-password!',
      '17:MasterUserPassword rds-master-password',
      '18:BackupRetentionPeriod rds-backup-retention',
      '18:BackupRetentionPeriod rds-backup-retention!',
    ]);
  });

  it('names no table by such a default', () => {
    const template = sourceLines(
      'Parameters:',
      '  TableName:',
      '    Type: AWS::SSM::Parameter::Value<String>',
      '    Default: /orders/table-name',
      'Resources:',
      '  Orders:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      TableName: !Ref TableName',
      '      BillingMode: PAY_PER_REQUEST',
      '      KeySchema: [{ AttributeName: pk, KeyType: HASH }]',
      '      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]',
    );
    assert.equal(contributionOf('orders.yaml', template)?.tables[0]?.physicalName, undefined);
    const named = template.replace('AWS::SSM::Parameter::Value<String>', 'String').replace('/orders/table-name', 'orders');
    assert.equal(contributionOf('orders.yaml', named)?.tables[0]?.physicalName, 'orders');
  });
});
