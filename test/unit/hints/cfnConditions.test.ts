/**
 * CloudFormation conditions under the parameters' defaults: `Fn::If` takes the branch the defaults
 * choose (JSON, YAML long form, short form inline and over a block), `AWS::NoValue` leaves a property
 * out, and anything that depends on an unknown input stays unknown.
 */
import * as assert from 'node:assert/strict';
import { Conditions } from '../../../src/hints/engine/iac/conditions';
import { IacNode, scalarText } from '../../../src/hints/engine/iac/tree';
import { readYaml } from '../../../src/hints/engine/iac/yaml';
import { Literal } from '../../../src/hints/engine/model';
import { LineIndex } from '../../../src/hints/engine/text';
import { hintsIn, sourceLines } from './support';

function yamlRoot(text: string): IacNode | undefined {
  return readYaml(text, new LineIndex(text)).root;
}

describe('CloudFormation conditions', () => {
  const defaults = new Map<string, Literal>([
    ['Stage', { kind: 'str', value: 'dev' }],
    ['Replicas', { kind: 'num', value: 2 }],
  ]);

  it('evaluates Equals, Not, And, Or and Condition references over literals and parameter defaults', () => {
    const conditions = new Conditions(
      yamlRoot(
        sourceLines(
          'IsDev: !Equals [!Ref Stage, dev]',
          'IsProd:',
          '  Fn::Equals: [{ Ref: Stage }, prod]',
          'NotProd: !Not [!Condition IsProd]',
          'TwoReplicas: !Equals [!Ref Replicas, "2"]',
          'DevWithReplicas: !And [!Condition IsDev, !Condition TwoReplicas]',
          'InRegion: !Equals [!Ref AWS::Region, us-east-1]',
          'DevOrRegion: !Or [!Condition IsDev, !Condition InRegion]',
          'ProdAndRegion: !And [!Condition IsProd, !Condition InRegion]',
          'DevAndRegion: !And [!Condition IsDev, !Condition InRegion]',
          'NoDefault: !Equals [!Ref Missing, x]',
          'Loop: !Not [!Condition Loop]',
        ),
      ),
      defaults,
    );
    const names = ['IsDev', 'IsProd', 'NotProd', 'TwoReplicas', 'DevWithReplicas', 'InRegion', 'DevOrRegion', 'ProdAndRegion', 'DevAndRegion', 'NoDefault', 'Loop', 'Undeclared'];
    assert.deepEqual(
      names.map((name) => `${name}=${String(conditions.named(name))}`),
      ['IsDev=true', 'IsProd=false', 'NotProd=true', 'TwoReplicas=true', 'DevWithReplicas=true', 'InRegion=undefined', 'DevOrRegion=true', 'ProdAndRegion=false', 'DevAndRegion=undefined', 'NoDefault=undefined', 'Loop=undefined', 'Undeclared=undefined'],
    );
  });

  it('reads a short-form function over a block as a function with that block as its argument', () => {
    const root = yamlRoot(sourceLines('Ingress: !If', '  - IsProd', '  - - Port: 1', '  - - Port: 2', 'Next: !If', '- IsProd', '- a', '- b', 'Items:', '  - !If', '    - IsProd', '    - x', '    - !Ref AWS::NoValue', 'After: 3'));
    const conditions = new Conditions(yamlRoot('IsProd: !Equals [!Ref Stage, prod]\n'), defaults);
    const entries = root?.kind === 'map' ? root.entries : [];
    assert.deepEqual(
      entries.map((entry) => entry.key),
      ['Ingress', 'Next', 'Items', 'After'],
    );
    const ingress = conditions.resolve(entries[0].value);
    const rule = ingress?.kind === 'list' ? ingress.items[0] : undefined;
    assert.equal(rule?.kind === 'map' ? scalarText(rule.entries[0].value) : undefined, '2');
    assert.equal(scalarText(conditions.resolve(entries[1].value) ?? undefined), 'b');
    const items = entries[2].value;
    assert.equal(items.kind === 'list' ? conditions.resolve(items.items[0]) : undefined, null);
  });

  it('takes the branches the defaults choose in a JSON template, and leaves a property out for AWS::NoValue', () => {
    const template = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Parameters: { Environment: { Type: 'String', Default: 'dev' }, Tier: { Type: 'String' } },
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Environment' }, 'prod'] }, IsPremium: { 'Fn::Equals': [{ Ref: 'Tier' }, 'premium'] } },
        Resources: {
          Db: {
            Type: 'AWS::RDS::DBInstance',
            Properties: {
              Engine: 'postgres',
              PubliclyAccessible: { 'Fn::If': ['IsProd', false, true] },
              StorageEncrypted: { 'Fn::If': ['IsProd', true, { Ref: 'AWS::NoValue' }] },
              BackupRetentionPeriod: { 'Fn::If': ['IsProd', 14, { 'Fn::If': ['IsPremium', 7, 0] }] },
              DeletionProtection: { 'Fn::If': ['IsPremium', true, false] },
            },
          },
        },
      },
      null,
      2,
    );
    assert.deepEqual(
      hintsIn('db.json', template).filter((hint) => hint.endsWith('!')),
      ['31:"Db" rds-multi-az!', '31:"Db" rds-storage-encrypted!', '35:"PubliclyAccessible" rds-publicly-accessible!'],
    );
  });

  it('reads a mapping entry that Fn::FindInMap names through a parameter default, and nothing when a key is unknown', () => {
    const template = sourceLines(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Parameters:',
      '  Env: { Type: String, Default: dev }',
      'Mappings:',
      '  EnvConfig:',
      '    dev: { MultiAZ: false, Retention: 0, Public: "true" }',
      '    prod: { MultiAZ: true, Retention: 14, Public: "false" }',
      'Conditions:',
      '  PublicEnv: !Equals [!FindInMap [EnvConfig, !Ref Env, Public], "true"]',
      'Resources:',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      StorageEncrypted: true',
      '      MultiAZ: !FindInMap [EnvConfig, !Ref Env, MultiAZ]',
      '      BackupRetentionPeriod: !FindInMap [EnvConfig, !Ref AWS::Region, Retention]',
      '      PubliclyAccessible: !If [PublicEnv, true, false]',
    );
    assert.deepEqual(
      hintsIn('db.yaml', template).filter((hint) => hint.endsWith('!')),
      ['11:Db rds-deletion-protection!', '15:MultiAZ rds-multi-az!', '17:PubliclyAccessible rds-publicly-accessible!'],
    );
  });

  it('opens the ingress list of the branch a SAM template takes, and nothing inside a resource whose condition is false', () => {
    const template = sourceLines(
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  Stage: { Type: String, Default: dev }',
      'Conditions:',
      '  IsProd: !Equals [!Ref Stage, prod]',
      'Resources:',
      '  CacheSecurityGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: cache',
      '      SecurityGroupIngress: !If',
      '        - IsProd',
      '        - - IpProtocol: tcp',
      '            FromPort: 6379',
      '            ToPort: 6379',
      '            SourceSecurityGroupId: !Ref AppSecurityGroup',
      '        - - IpProtocol: tcp',
      '            FromPort: 6379',
      '            ToPort: 6379',
      '            CidrIp: 0.0.0.0/0',
      '  ProdOnlyGroup:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Condition: IsProd',
      '    Properties:',
      '      Engine: redis',
      '      NumCacheClusters: 2',
      '      AutomaticFailoverEnabled: !If [IsProd, true, false]',
    );
    assert.deepEqual(
      hintsIn('template.yaml', template).filter((hint) => hint.endsWith('!')),
      // The replication group's findings come from properties it leaves out, not from the branch it does not take.
      ['20:0.0.0.0/0 elasticache-open-ingress!', '21:ProdOnlyGroup elasticache-access-control!', '21:ProdOnlyGroup elasticache-at-rest-encryption!', '21:ProdOnlyGroup elasticache-transit-encryption!'],
    );
  });
  it('reads a parameter without a default that allows one value as that value, and one that allows several as unknown', () => {
    const template = sourceLines(
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Parameters:',
      '  EngineVersion:',
      '    Type: String',
      "    AllowedValues: ['5.7.mysql_aurora.2.08.3']",
      '  Encrypted:',
      '    Type: String',
      "    AllowedValues: ['false', 'true']",
      'Resources:',
      '  Cluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-mysql',
      '      EngineVersion: !Ref EngineVersion',
      '      StorageEncrypted: !Ref Encrypted',
      '      ManageMasterUserPassword: true',
    );
    const findings = hintsIn('db.yaml', template).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings, ['10:Cluster rds-deletion-protection!', '14:!Ref EngineVersion rds-engine-version-extended-support!']);
  });
});
