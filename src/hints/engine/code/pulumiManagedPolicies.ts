/**
 * The AWS managed policy AmazonDynamoDBFullAccess attached in a Pulumi program: by the provider's `ManagedPolicy`
 * enum (`aws.iam.ManagedPolicy.AmazonDynamoDBFullAccess` in TypeScript and C#, or the older `aws.iam.ManagedPolicies`
 * constants, `AMAZON_DYNAMO_DB_FULL_ACCESS` in Python, `iam.ManagedPolicyAmazonDynamoDBFullAccess` in Go), wherever
 * the program uses it (a role's list, an attachment, a `CallbackFunction`'s `policies`), or by its ARN as the
 * value of a `policyArn` (the policy attachment resources) or an item of `managedPolicyArns` (`iam.Role`). Each is
 * read as a Terraform `aws_iam_role_policy_attachment` context with one `AmazonDynamoDBFullAccess` option, as the
 * template readers give it (`iac/managedPolicies.ts`). Files that do not name the policy cost one substring search.
 * https://www.pulumi.com/registry/packages/aws/api-docs/iam/rolepolicyattachment/
 */
import { fullAccessOption, isFullAccessArn } from '../iac/managedPolicies';
import { OptionContext } from '../model';
import { normalizeName, SiteOrigin } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { tokenAt } from './tokenIndex';
import { namesPulumiAws } from './pulumi';

const POLICY = 'AmazonDynamoDBFullAccess';
const PYTHON_MEMBER = 'AMAZON_DYNAMO_DB_FULL_ACCESS';
const GO_MEMBER = 'ManagedPolicyAmazonDynamoDBFullAccess';
/** The properties whose value is a policy's ARN, or a list of them. */
const ARN_KEYS = new Set(['policyArn', 'managedPolicyArns', 'policyArns'].map(normalizeName));
/** How many wrapping calls and lists an ARN may sit in under its property (`pulumi.StringArray{pulumi.String("arn:...")}`). */
const MAX_WRAPPING = 3;

export function pulumiFullAccessPolicies(a: CodeAnalyzer): OptionContext[] {
  if (!(a.text.includes(POLICY) || a.text.includes(PYTHON_MEMBER)) || !namesPulumiAws(a)) {
    return [];
  }
  const origin = originOf(a);
  const contexts: OptionContext[] = [];
  for (const needle of [POLICY, PYTHON_MEMBER]) {
    for (let at = a.text.indexOf(needle); at >= 0; at = a.text.indexOf(needle, at + needle.length)) {
      const k = tokenAt(a, at);
      if (k >= 0 && (enumMember(a, k) || (a.isString(k) && isFullAccessArn(a.tokens.text(k).trim()) && underArnProperty(a, k)))) {
        const span = a.tokenSpan(k);
        contexts.push({ kind: 'terraform', type: 'aws_iam_role_policy_attachment', options: [fullAccessOption(span, POLICY)], complete: false, anchor: span, readerOrigin: origin });
      }
    }
  }
  return contexts;
}

function originOf(a: CodeAnalyzer): SiteOrigin {
  switch (a.language.family) {
    case 'python':
      return 'pulumi-python';
    case 'go':
      return 'pulumi-go';
    case 'csharp':
      return 'pulumi-csharp';
    default:
      return 'pulumi';
  }
}

/**
 * `ManagedPolicy.AmazonDynamoDBFullAccess` (`.AMAZON_DYNAMO_DB_FULL_ACCESS` in Python; `ManagedPolicies.…`, the older
 * TypeScript constants), or Go's `iam.ManagedPolicyAmazonDynamoDBFullAccess`.
 */
function enumMember(a: CodeAnalyzer, k: number): boolean {
  if (!a.isId(k) || !a.isAccess(k - 1)) {
    return false;
  }
  const name = a.tokens.text(k);
  if (a.language.family === 'go') {
    return name === GO_MEMBER;
  }
  return (name === POLICY || (name === PYTHON_MEMBER && a.language.family === 'python')) && (a.idIs(k - 2, 'ManagedPolicy') || a.idIs(k - 2, 'ManagedPolicies'));
}

/** Whether the string at `k` is the value of an ARN property, directly or inside a few wrapping calls and lists. */
function underArnProperty(a: CodeAnalyzer, k: number): boolean {
  let value = k;
  for (let wrapping = 0; wrapping <= MAX_WRAPPING; wrapping++) {
    if ((a.is(value - 1, ':') || a.is(value - 1, '=')) && (a.isId(value - 2) || a.isString(value - 2))) {
      return ARN_KEYS.has(normalizeName(a.tokens.text(value - 2)));
    }
    const open = a.parent[value];
    if (open < 0) {
      return false;
    }
    value = writtenStart(a, open);
  }
  return false;
}

/** Where the value a bracket opens is written from: the call or constructor before it (`pulumi.String(`, `new[] {`), or the bracket. */
function writtenStart(a: CodeAnalyzer, open: number): number {
  let start = open;
  if (a.is(open - 1, ']') && a.is(open - 2, '[') && a.idIs(open - 3, 'new')) {
    return open - 3;
  }
  if (a.isId(open - 1)) {
    start = open - 1;
    while (a.isAccess(start - 1) && a.isId(start - 2)) {
      start -= 2;
    }
    if (a.idIs(start - 1, 'new') || a.is(start - 1, '&')) {
      start--;
    }
  }
  return start;
}
