/**
 * An ElastiCache user whose access string starts with `off` cannot sign in: the usual way to disable the
 * `default` user of a user group. Its password is a stand-in the API requires for a password user, so a
 * literal there is no credential in the code, in Terraform, CloudFormation and SDK code alike; a user that
 * is on (or whose access string is not a literal) keeps the finding. A user whose access string says neither
 * `on` nor `off` is `off` (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

/** Findings of one rule, as `line:text`. */
function findings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code)
    .filter((hint) => hint.endsWith(' elasticache-create-user!'))
    .map((hint) => hint.slice(0, -' elasticache-create-user!'.length));
}

describe('ElastiCache users that are switched off', () => {
  it('says nothing of the stand-in password of a disabled default user in Terraform', () => {
    const user = (name: string, access: string): string[] => [
      `resource "aws_elasticache_user" "${name}" {`,
      `  user_id       = "\${var.env}-${name}"`,
      '  user_name     = "default"',
      `  access_string = ${access}`,
      '  engine        = "valkey"',
      '  authentication_mode {',
      '    type      = "password"',
      '    passwords = ["placeholder-never-used-01"]',
      '  }',
      '}',
    ];
    const code = sourceLines(
      ...user('disabled', '"off ~keys* -@all +get"'),
      ...user('upper', '"OFF -@all"'),
      ...user('enabled', '"on ~* +@all"'),
      ...user('unknown', 'var.default_access'),
      // Neither `on` nor `off`: ElastiCache makes the user `off`; the last switch written wins.
      ...user('neither', '"~* +@all"'),
      ...user('reenabled', '"off ~* on +@all"'),
    );
    assert.deepEqual(findings('main.tf', code), ['28:["placeholder-never-used-01"]', '38:["placeholder-never-used-01"]', '58:["placeholder-never-used-01"]']);
  });

  it('says nothing of a disabled user in CloudFormation, and still reports one that is on', () => {
    const user = (name: string, access: string): string[] => [
      `  ${name}:`,
      '    Type: AWS::ElastiCache::User',
      '    Properties:',
      `      UserId: ${name.toLowerCase()}`,
      '      UserName: default',
      '      Engine: redis',
      `      AccessString: ${access}`,
      '      AuthenticationMode:',
      '        Type: password',
      '        Passwords: ["stand-in-password-0001"]',
    ];
    const code = sourceLines('Resources:', ...user('DefaultOff', "'off -@all'"), ...user('DefaultOn', "'on ~* +@all'"));
    assert.deepEqual(findings('template.yaml', code), ['21:["stand-in-password-0001"]']);
  });

  it('says nothing of a disabled user created with the SDK', () => {
    const code = sourceLines(
      "import { ElastiCacheClient, CreateUserCommand } from '@aws-sdk/client-elasticache';",
      'const client = new ElastiCacheClient({});',
      'export async function disableDefault(group: string): Promise<void> {',
      "  await client.send(new CreateUserCommand({ UserId: `${group}-default-off`, UserName: 'default', Engine: 'redis', AccessString: 'off -@all', Passwords: ['not-a-real-password-01'] }));",
      "  await client.send(new CreateUserCommand({ UserId: `${group}-admin`, UserName: 'admin', Engine: 'redis', AccessString: 'on ~* +@all', Passwords: ['Admin-Passw0rd-2026'] }));",
      '}',
    );
    assert.deepEqual(findings('users.ts', code), ["5:['Admin-Passw0rd-2026']"]);
  });
});
