/**
 * Templates as teams keep them beside their code: Jinja tag lines of scaffolded templates (Backstage skeletons,
 * cookiecutter, copier) read as the rendered template, an SSM parameter holding `Ref` of the template's secret (its ARN),
 * an open rule on the clients' group, a cache AUTH token resolved into a function's environment, a Serverless `${ssm:...}` password variable, and mysql-connector's connection class made directly.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

describe('Scaffolded templates and the secrets they hand on', () => {
  it('reads a template past lines that hold only a Jinja statement or comment tag', () => {
    const template = sourceLines(
      'Resources:',
      '  Cluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties:',
      '      Engine: aurora-postgresql',
      '{% if values.db_name %}',
      '      DatabaseName: !Ref DbName',
      '{%- endif %}',
      '{# kept off while the team iterates #}',
      '      DeletionProtection: false', // 10
      '      StorageEncrypted: true',
    );
    assert.deepEqual(hintsOfRules('template.yaml', template, ['rds-deletion-protection', 'rds-storage-encrypted']), [
      '10:DeletionProtection rds-deletion-protection',
      '10:DeletionProtection rds-deletion-protection!',
      '11:StorageEncrypted rds-storage-encrypted',
    ]);
  });

  it('still reads a flow mapping, whose line starts with a brace', () => {
    const template = sourceLines(
      'Resources:',
      '  Cluster:',
      '    Type: AWS::RDS::DBCluster',
      '    Properties: { Engine: aurora-mysql, DeletionProtection: false }',
    );
    assert.deepEqual(hintsOfRules('template.yaml', template, ['rds-deletion-protection']), [
      '4:DeletionProtection rds-deletion-protection',
      '4:DeletionProtection rds-deletion-protection!',
    ]);
  });

  it('says nothing of an SSM parameter whose value is Ref of a secret of the template, whatever the secret is called', () => {
    const template = sourceLines(
      'Resources:',
      '  AdminPassword:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      GenerateSecretString:',
      '        GenerateStringKey: password',
      '  AdminPasswordParameter:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Type: String',
      '      Name: /app/db/AdminPassword',
      '      Value: !Ref AdminPassword',
      '  CopiedPassword:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Type: String', // 16
      '      Name: /app/db/CopiedPassword',
      '      Value: !Ref DbPassword',
    );
    assert.deepEqual(hintsOfRules('template.yaml', template, ['rds-password-in-ssm-string-parameter']), [
      '16:String rds-password-in-ssm-string-parameter',
      '16:String rds-password-in-ssm-string-parameter!',
    ]);
  });

  it("reports a cache's AUTH token resolved into a function's environment, not an API's token", () => {
    const template = sourceLines(
      'Resources:',
      '  Handler:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: nodejs20.x',
      '      Handler: index.handler',
      '      Environment:',
      '        Variables:',
      "          REDIS_AUTH_TOKEN: '{{resolve:secretsmanager:cache-auth:SecretString:authToken}}'", // 9
      "          API_AUTH_TOKEN: '{{resolve:secretsmanager:partner:SecretString:authToken}}'",
      "          SESSION_URL: '{{resolve:secretsmanager:cache-auth:SecretString:host}}'",
    );
    assert.deepEqual(hintsOfRules('template.yaml', template, ['rds-password-in-lambda-environment']), [
      "9:'{{resolve:secretsmanager:cache-auth:SecretString:authToken}}' rds-password-in-lambda-environment!",
      '9:REDIS_AUTH_TOKEN rds-password-in-lambda-environment',
    ]);
  });

  it('reports a password variable a Serverless service fills from Parameter Store when it deploys', () => {
    const service = sourceLines(
      'service: catalog',
      'provider:',
      '  name: aws',
      '  environment:',
      '    DB_PASSWORD: ${ssm:/catalog/db/password}', // 5
      '    DB_PASSWORD_PARAM: /catalog/db/password',
      '    DB_HOST: ${ssm:/catalog/db/host}',
      '    DB_PASS: ${env:DB_PASS}',
    );
    const found = hintsOfRules('serverless.yml', service, ['rds-password-in-lambda-environment']).filter((hint) => hint.endsWith('!'));
    assert.deepEqual(found, ['5:${ssm:/catalog/db/password} rds-password-in-lambda-environment!']);
  });

  it("says nothing of an open rule on the clients' group, which another group admits as its source and nothing attaches here", () => {
    const template = sourceLines(
      'Resources:',
      '  ClientGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: functions',
      '      SecurityGroupIngress:',
      '        - { CidrIp: 0.0.0.0/0, IpProtocol: "-1" }',
      '  DbGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: database',
      '      SecurityGroupIngress:',
      '        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, SourceSecurityGroupId: !Ref ClientGroup }',
      '  SpareGroup:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: spare',
      '      SecurityGroupIngress:',
      '        - { CidrIp: 0.0.0.0/0, IpProtocol: "-1" }', // 19
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      VPCSecurityGroups: [!Ref DbGroup]',
    );
    assert.deepEqual(hintsOfRules('template.yaml', template, ['rds-open-ingress']).filter((hint) => hint.endsWith('!')), ['19:0.0.0.0/0 rds-open-ingress!']);
  });

  it("reads mysql-connector's and PyMySQL's connection classes made directly as connections", () => {
    const code = sourceLines(
      'import os',
      'import mysql.connector',
      'import pymysql',
      'from mysql.connector.connection import MySQLConnection',
      '',
      'def open_inventory():',
      '    return mysql.connector.MySQLConnection(host=os.environ["DB_HOST"], password=os.environ["DB_PASSWORD"])',
      '',
      'def open_orders():',
      '    return pymysql.Connection(host=os.environ["DB_HOST"], password=os.environ["DB_PASSWORD"])',
      '',
      'def open_reports():',
      '    return MySQLConnection(host=os.environ["DB_HOST"], password=os.environ["DB_PASSWORD"])',
    );
    assert.deepEqual(hintsOfRules('db.py', code, ['rds-sql-connection']), [
      '10:Connection rds-sql-connection',
      '13:MySQLConnection rds-sql-connection',
      '7:MySQLConnection rds-sql-connection',
    ]);
  });
});
