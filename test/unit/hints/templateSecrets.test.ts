/**
 * rds-master-password and elasticache-auth-token through a secret of the same template: a password property that
 * resolves (`{{resolve:secretsmanager:${DbSecret}::password}}`, written with `Fn::Sub`, `!Sub` or the `Fn::Join`
 * of the same parts) an `AWS::SecretsManager::Secret` whose `SecretString` writes the value literally warns where
 * the literal is written. Silent: a secret that generates its value, one built of parameters, a JSON key the
 * string does not hold, a placeholder, and a secret of another stack named by its ARN.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith('!') && /master-password|auth-token/.test(hint)).sort();

describe('Password properties that resolve a literal secret of the same template', () => {
  it('warns at the SecretString a database or cache password resolves, in YAML long and short forms', () => {
    const template = sourceLines(
      'Resources:',
      '  Credentials:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      SecretString: \'{"username":"admin","password":"Tr0ub4dor-3"}\'',
      '  ReplicaCredentials:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      SecretString: \'{"username":"reader","password":"c0rrect-h0rse"}\'',
      '  CacheToken:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      SecretString: a-long-cache-token-0042',
      '  Cluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '      MasterUsername: admin',
      '      MasterUserPassword:',
      '        Fn::Sub: "{{resolve:secretsmanager:${Credentials}::password}}"',
      '  Replica:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: postgres',
      "      MasterUserPassword: !Join ['', ['{{resolve:secretsmanager:', !Ref ReplicaCredentials, ':SecretString:password}}']]",
      '  Cache:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      TransitEncryptionEnabled: true',
      '      AtRestEncryptionEnabled: true',
      "      AuthToken: !Sub '{{resolve:secretsmanager:${CacheToken}}}'",
    );
    assert.deepEqual(findings('template.yaml', template), [
      '13:a-long-cache-token-0042 elasticache-auth-token!',
      '5:\'{"username":"admin","password":"Tr0ub4dor-3"}\' rds-master-password!',
      '9:\'{"username":"reader","password":"c0rrect-h0rse"}\' rds-master-password!',
    ]);
  });

  it('reads JSON templates', () => {
    const template = JSON.stringify(
      {
        Resources: {
          Credentials: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: '{"username":"app","password":"n0t-a-placeholder"}' } },
          Database: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', MasterUserPassword: { 'Fn::Sub': '{{resolve:secretsmanager:${Credentials}:SecretString:password}}' } } },
        },
      },
      null,
      2,
    );
    assert.deepEqual(findings('template.json', template), ['6:"{\\"username\\":\\"app\\",\\"password\\":\\"n0t-a-placeholder\\"}" rds-master-password!']);
  });

  it('stays silent for generated, parameter-built, placeholder, keyless and other-stack secrets', () => {
    const template = sourceLines(
      'Parameters:',
      '  DbPassword:',
      '    Type: String',
      '    NoEcho: true',
      'Resources:',
      '  Generated:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      GenerateSecretString:',
      '        SecretStringTemplate: \'{"username":"admin"}\'',
      '        GenerateStringKey: password',
      '  Built:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      SecretString: !Sub \'{"username":"admin","password":"${DbPassword}"}\'',
      '  Placeholder:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      SecretString: \'{"username":"admin","password":"changeme"}\'',
      '  UserOnly:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      SecretString: \'{"username":"admin"}\'',
      '  A:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      MasterUserPassword: !Sub "{{resolve:secretsmanager:${Generated}::password}}"',
      '  B:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      MasterUserPassword: !Sub "{{resolve:secretsmanager:${Built}::password}}"',
      '  C:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      MasterUserPassword: !Sub "{{resolve:secretsmanager:${Placeholder}::password}}"',
      '  D:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      MasterUserPassword: !Sub "{{resolve:secretsmanager:${UserOnly}::password}}"',
      '  E:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      "      MasterUserPassword: '{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:shared-db:SecretString:password}}'",
    );
    assert.deepEqual(findings('template.yaml', template), []);
  });
});
