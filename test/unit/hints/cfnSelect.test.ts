/**
 * `Fn::Select` in CloudFormation: the item its index picks from a written list, or from `Fn::Split` of a text
 * that is known (a literal, a parameter default, a mapping entry), stands for the property's value; a list or
 * text that is not known leaves the value unknown, so no finding.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('CloudFormation Fn::Select', () => {
  it('reads an engine version split out of a parameter default, in both syntaxes', () => {
    const template = sourceLines(
      'Parameters:',
      '  EngineAndVersion: { Type: String, Default: postgres-11.22 }',
      'Resources:',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      StorageEncrypted: true',
      '      MultiAZ: true',
      '      EngineVersion: !Select [1, !Split ["-", !Ref EngineAndVersion]]',
      '  Reporting:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      '      StorageEncrypted: true',
      '      MultiAZ: true',
      '      EngineVersion:',
      '        Fn::Select:',
      '          - 1',
      '          - Fn::Split: ["-", "postgres-16.4"]',
    );
    const findings = hintsIn('db.yaml', template).filter((hint) => hint.includes('engine-version') && hint.endsWith('!'));
    assert.deepEqual(findings, ['10:!Select [1, !Split ["-", !Ref EngineAndVersion]] rds-engine-version-extended-support!']);
  });

  it('picks from a written list and through a mapping entry, and stays silent where a part is unknown', () => {
    const template = sourceLines(
      'Parameters:',
      '  Stage: { Type: String, Default: dev }',
      '  Flags: { Type: CommaDelimitedList }',
      'Mappings:',
      '  Tiers:',
      '    dev: { Public: "false,true" }',
      'Resources:',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      StorageEncrypted: !Select [0, [false, true]]',
      '      PubliclyAccessible: !Select [1, !Split [",", !FindInMap [Tiers, !Ref Stage, Public]]]',
      '      MultiAZ: !Select [0, !Ref Flags]',
      '      BackupRetentionPeriod: !Select [5, !Split [",", "7,0"]]',
    );
    const findings = hintsIn('db.yaml', template).filter((hint) => hint.endsWith('!') && !hint.includes('engine-version'));
    assert.deepEqual(findings, ['8:Db rds-deletion-protection!', '11:StorageEncrypted rds-storage-encrypted!', '12:PubliclyAccessible rds-publicly-accessible!']);
  });
});
