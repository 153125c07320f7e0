/** `rds-proxy-require-tls`: a DB proxy that also accepts clients without TLS, where each format's default leaves it off. */
import * as assert from 'node:assert/strict';
import { hintsIn } from './support';

// Both sides sorted: hovers and findings come in separate lists.
const proxyTls = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.includes('rds-proxy-require-tls')).sort();
const sorted = (hints: string[]): string[] => [...hints].sort();

describe('rds-proxy-require-tls', () => {
  it('reports a Terraform proxy that leaves require_tls out or sets it false, and not the registry module, whose default is true', () => {
    const terraform = [
      'resource "aws_db_proxy" "orders" {',
      '  name          = "orders"',
      '  engine_family = "POSTGRESQL"',
      '}',
      '',
      'resource "aws_db_proxy" "reports" {',
      '  name        = "reports"',
      '  require_tls = false',
      '}',
      '',
      'resource "aws_db_proxy" "billing" {',
      '  name        = "billing"',
      '  require_tls = true',
      '}',
      '',
      'module "proxy" {',
      '  source  = "terraform-aws-modules/rds-proxy/aws"',
      '  version = "~> 4.0"',
      '  name    = "sessions"',
      '}',
      '',
      'module "legacy_proxy" {',
      '  source      = "terraform-aws-modules/rds-proxy/aws"',
      '  version     = "~> 4.0"',
      '  require_tls = false',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(proxyTls('main.tf', terraform), sorted([
      '1:"orders" rds-proxy-require-tls!',
      '8:require_tls rds-proxy-require-tls',
      '8:require_tls rds-proxy-require-tls!',
      '13:require_tls rds-proxy-require-tls',
      '25:require_tls rds-proxy-require-tls',
      '25:require_tls rds-proxy-require-tls!',
    ]));
  });

  it('reports a CloudFormation proxy without RequireTLS, and a CDK proxy only where requireTLS is written false (the CDK turns it on)', () => {
    const template = [
      'Resources:',
      '  Proxy:',
      '    Type: AWS::RDS::DBProxy',
      '    Properties:',
      '      DBProxyName: orders',
      '      EngineFamily: POSTGRESQL',
      '',
    ].join('\n');
    assert.deepEqual(proxyTls('template.yaml', template), sorted(['2:Proxy rds-proxy-require-tls!']));
    const stack = [
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      '',
      'export function proxies(scope: any, instance: rds.DatabaseInstance, vpc: any) {',
      "  new rds.DatabaseProxy(scope, 'Default', { proxyTarget: rds.ProxyTarget.fromInstance(instance), secrets: [instance.secret!], vpc });",
      "  instance.addProxy('Plain', { secrets: [instance.secret!], vpc, requireTLS: false });",
      '}',
      '',
    ].join('\n');
    assert.deepEqual(proxyTls('stack.ts', stack), sorted(['5:requireTLS rds-proxy-require-tls', '5:requireTLS rds-proxy-require-tls!']));
  });

  it('reports CreateDBProxy without RequireTLS and ModifyDBProxy turning it off, in a function that makes its client', () => {
    const python = [
      'import boto3',
      '',
      '',
      'def create_proxy(name, role_arn, subnets, secret_arn):',
      '    rds = boto3.client("rds")',
      '    rds.create_db_proxy(',
      '        DBProxyName=name,',
      '        EngineFamily="POSTGRESQL",',
      '        Auth=[{"AuthScheme": "SECRETS", "SecretArn": secret_arn}],',
      '        RoleArn=role_arn,',
      '        VpcSubnetIds=subnets,',
      '    )',
      '    rds.modify_db_proxy(DBProxyName=name, RequireTLS=False)',
      '    rds.modify_db_proxy(DBProxyName=name, RequireTLS=True)',
      '',
    ].join('\n');
    assert.deepEqual(proxyTls('proxy.py', python), sorted([
      '6:create_db_proxy rds-proxy-require-tls!',
      '13:RequireTLS rds-proxy-require-tls',
      '13:RequireTLS rds-proxy-require-tls!',
      '14:RequireTLS rds-proxy-require-tls',
    ]));
  });
});
