/**
 * The password members a CDK module of the workspace writes into its stack in plain text: in a module that makes
 * RDS databases, `SecretValue.unsafePlainText(rdsConfig.password)` (CDK v1's `SecretValue.plainText`, Python's
 * `unsafe_plain_text`) of a member whose name says it is a password. The settings object that gives the member a
 * literal in another module (`db_pass: "pass1234"` in the app's configuration) then puts that literal in the template
 * (`code/configPasswords.ts`). The names only: where the member comes from is not followed.
 */
import { PASSWORD_NAME } from './secretConstants';

/** A module that makes RDS databases with the CDK (v2, v1, Python). */
const RDS_MODULE = /aws-cdk-lib\/aws-rds|@aws-cdk\/aws-rds|\baws_rds\b/;
/** `SecretValue.unsafePlainText(a.b.member)`, the argument a dotted name alone (a trailing comma allowed). */
const PLAIN_MEMBER = /\bSecretValue\.(?:unsafePlainText|plainText|unsafe_plain_text|plain_text)\([ \t\r\n]*[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.([A-Za-z_$][\w$]*)[ \t\r\n]*(?:,[ \t\r\n]*)?\)/g;
/** How many members one module names at most. */
const MAX_MEMBERS = 16;

/** The password-named members the module writes in plain text into a stack that makes RDS databases; undefined for none. */
export function cdkPasswordMembers(text: string): string[] | undefined {
  if (!text.includes('SecretValue.') || !RDS_MODULE.test(text)) {
    return undefined;
  }
  const members = new Set<string>();
  for (const match of text.matchAll(PLAIN_MEMBER)) {
    if (PASSWORD_NAME.test(match[1]) && members.size < MAX_MEMBERS) {
      members.add(match[1]);
    }
  }
  return members.size > 0 ? [...members] : undefined;
}
