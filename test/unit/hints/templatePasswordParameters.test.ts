/**
 * password-parameter-no-echo and password-in-stack-output: a template parameter that a password property takes in
 * (`Ref`, `Fn::Sub`, `Fn::Join`) without `NoEcho: true`, and an output whose value is such a parameter.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { TextEdit } from '../../../src/hints/engine/types';
import { hintsIn, realHintRules, sourceLines } from './support';

const NO_ECHO = 'password-parameter-no-echo';
const OUTPUT = 'password-in-stack-output';
const hints = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.includes(NO_ECHO) || hint.includes(OUTPUT)).sort();

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

describe('Password parameters that CloudFormation shows', () => {
  it('reports a SAM function password variable, an RDS master password and a Redis AUTH token taken from parameters without NoEcho', () => {
    const template = sourceLines(
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  DatabasePassword:',
      '    Type: String',
      '  CachePass:',
      '    Type: String',
      '    MinLength: 16',
      '  AdminPassword:',
      '    Type: String',
      '    NoEcho: true',
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: app.handler',
      '      Environment:',
      '        Variables:',
      '          DB_USER: app',
      '          PASSWORD: !Ref DatabasePassword',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      MasterUsername: admin',
      '      MasterUserPassword: !Sub "${AdminPassword}"',
      '  Cache:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      TransitEncryptionEnabled: true',
      "      AuthToken: !Join ['', [!Ref CachePass]]",
    );
    assert.deepEqual(hints('template.yaml', template), [`3:DatabasePassword ${NO_ECHO}`, `3:DatabasePassword ${NO_ECHO}!`, `5:CachePass ${NO_ECHO}`, `5:CachePass ${NO_ECHO}!`]);
    const findings = analyzeText(template, realHintRules(), { kind: 'yaml', fileName: 'template.yaml' }).findings.filter((finding) => finding.ruleId === NO_ECHO);
    assert.match(findings[0].message, /^Parameter DatabasePassword reaches the function's environment variable PASSWORD and has no NoEcho: true/);
    assert.equal(findings[1].service, 'elasticache');
    assert.equal(
      apply(template, findings[0].fix!.edits).split('\n').slice(2, 5).join('\n'),
      ['  DatabasePassword:', '    NoEcho: true', '    Type: String'].join('\n'),
    );
  });

  it('reads JSON templates and reports one parameter once, whatever reaches it', () => {
    const template = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Parameters: { DBPassword: { Type: 'String', Description: 'master password' } },
        Resources: {
          Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql', MasterUsername: 'admin', MasterUserPassword: { Ref: 'DBPassword' } } },
          Replica: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', MasterUserPassword: { 'Fn::Sub': '${DBPassword}' } } },
        },
      },
      null,
      2,
    );
    assert.deepEqual(hints('db.json', template), [`4:"DBPassword" ${NO_ECHO}`, `4:"DBPassword" ${NO_ECHO}!`]);
    const finding = analyzeText(template, realHintRules(), { kind: 'json', fileName: 'db.json' }).findings.find((candidate) => candidate.ruleId === NO_ECHO)!;
    const fixed = JSON.parse(apply(template, finding.fix!.edits)) as { Parameters: { DBPassword: { NoEcho: boolean } } };
    assert.equal(fixed.Parameters.DBPassword.NoEcho, true);
  });

  it('leaves alone dynamic references, secret names and ARNs, settings picked from AllowedValues, other types and resources', () => {
    const template = sourceLines(
      'Parameters:',
      '  SecretName:',
      '    Type: String',
      '  Environment:',
      '    Type: String',
      '    AllowedValues: [dev, prod]',
      '  DbPasswordSsm:',
      "    Type: 'AWS::SSM::Parameter::Value<String>'",
      '  Suffix:',
      '    Type: String',
      '  DBPassword:',
      '    Type: String',
      '    NoEcho: "true"',
      'Resources:',
      '  Secret:',
      '    Type: AWS::SecretsManager::Secret',
      '  A:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      "      MasterUserPassword: !Sub '{{resolve:secretsmanager:${SecretName}:SecretString:password}}'",
      '  B:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      MasterUserPassword: !Sub "{{resolve:ssm-secure:/db/password}}-${Environment}"',
      '  C:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      "      MasterUserPassword: !Join ['', ['{{resolve:secretsmanager:', !Ref Suffix, ':SecretString:password}}']]",
      '  D:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      MasterUserPassword: !Ref DbPasswordSsm',
      '  E:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      MasterUserPassword: !Ref DBPassword',
      '      DBName: !Ref Suffix',
      '  F:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          DB_PASSWORD_SECRET_ARN: !Ref Secret',
      '          DB_HOST: !Ref Suffix',
      'Outputs:',
      '  SecretArn:',
      '    Value: !Ref Secret',
      '  Name:',
      '    Value: !Ref Suffix',
    );
    assert.deepEqual(hints('template.yaml', template), []);
  });

  it('reports an output of a password parameter, with or without NoEcho, and not one of another parameter', () => {
    const template = sourceLines(
      'Parameters:',
      '  RedisAuthToken:',
      '    Type: String',
      '    NoEcho: true',
      '  DBName:',
      '    Type: String',
      'Resources:',
      '  Cache:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      AuthToken: !Ref RedisAuthToken',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      DBName: !Ref DBName',
      'Outputs:',
      '  RedisUrl:',
      "    Value: !Sub 'rediss://:${RedisAuthToken}@${Cache.PrimaryEndPoint.Address}:6379'",
      '  Database:',
      '    Value: !Ref DBName',
    );
    assert.deepEqual(hints('template.yaml', template), [
      `18:!Sub 'rediss://:\${RedisAuthToken}@\${Cache.PrimaryEndPoint.Address}:6379' ${OUTPUT}`,
      `18:!Sub 'rediss://:\${RedisAuthToken}@\${Cache.PrimaryEndPoint.Address}:6379' ${OUTPUT}!`,
    ]);
  });

  it('reads a variable named with the password first and its database after (PasswordDB), and not another word after it', () => {
    const template = (variable: string): string =>
      sourceLines(
        'Parameters:',
        `  ${variable}:`,
        '    Type: String',
        'Resources:',
        '  Api:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      Handler: index.handler',
        '      Runtime: nodejs20.x',
        '      Environment:',
        '        Variables:',
        `          ${variable}: !Ref ${variable}`,
      );
    const findings = (variable: string): string[] => hints('stack.yaml', template(variable)).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(findings('PasswordDB'), [`2:PasswordDB ${NO_ECHO}!`]);
    assert.deepEqual(findings('PASSWORD_REDIS'), [`2:PASSWORD_REDIS ${NO_ECHO}!`]);
    assert.deepEqual(hints('stack.yaml', template('PasswordPolicy')), []);
  });
});

