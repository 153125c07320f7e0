/**
 * A CloudFormation parameter with no default and a list of `AllowedValues` is one of them in every stack: an
 * `EngineVersion` that takes it is past its end of standard support when every allowed value is, and nothing
 * is said when one of them is not, nor of another property that takes such a choice.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-engine-version-extended-support', 'rds-deletion-protection'];

describe('CloudFormation parameters chosen from AllowedValues', () => {
  it('reports an engine version whose every allowed value is past standard support', () => {
    const template = sourceLines(
      'Parameters:',
      '  EngineVersion:',
      '    Type: String',
      '    AllowedValues:',
      '      - "5.7.mysql_aurora.2.11.2"',
      '      - "5.7.mysql_aurora.2.12.1"',
      '  Protect:',
      '    Type: String',
      '    AllowedValues: ["true", "false"]',
      'Resources:',
      '  Cluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-mysql',
      '      EngineVersion: !Ref EngineVersion',
      '      DeletionProtection: !Ref Protect',
      '      StorageEncrypted: true',
    );
    assert.deepEqual(hintsOfRules('db.yaml', template, RULES), [
      '15:!Ref EngineVersion rds-engine-version-extended-support!',
      '15:EngineVersion rds-engine-version-extended-support',
      '16:DeletionProtection rds-deletion-protection',
    ]);
  });

  it('says nothing where one allowed value is in standard support, or where a default decides', () => {
    const template = sourceLines(
      'Parameters:',
      '  Mixed:',
      '    Type: String',
      '    AllowedValues: ["5.7.mysql_aurora.2.12.1", "8.0.mysql_aurora.3.08.0"]',
      '  Defaulted:',
      '    Type: String',
      '    Default: "8.0.mysql_aurora.3.08.0"',
      '    AllowedValues: ["5.7.mysql_aurora.2.12.1", "8.0.mysql_aurora.3.08.0"]',
      'Resources:',
      '  Orders:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-mysql',
      '      EngineVersion: !Ref Mixed',
      '      StorageEncrypted: true',
      '  Billing:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-mysql',
      '      EngineVersion: !Ref Defaulted',
      '      StorageEncrypted: true',
    );
    assert.deepEqual(hintsOfRules('db.yaml', template, RULES).filter((hint) => hint.endsWith('!')), ['10:Orders rds-deletion-protection!', '16:Billing rds-deletion-protection!']);
  });

  it('reads the JSON form', () => {
    const template = sourceLines(
      '{',
      '  "Parameters": {',
      '    "Version": { "Type": "String", "AllowedValues": ["11.21", "11.22"] }',
      '  },',
      '  "Resources": {',
      '    "Db": {',
      '      "Type": "AWS::RDS::DBInstance",',
      '      "Properties": {',
      '        "Engine": "postgres",',
      '        "EngineVersion": { "Ref": "Version" },',
      '        "DBInstanceClass": "db.m7g.large",',
      '        "StorageEncrypted": true',
      '      }',
      '    }',
      '  }',
      '}',
    );
    assert.ok(hintsOfRules('db.json', template, RULES).some((hint) => hint.startsWith('10:') && hint.endsWith('rds-engine-version-extended-support!')));
  });
});
