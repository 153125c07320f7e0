/**
 * The AWS managed policy AmazonDynamoDBFullAccess taken into a CDK app: `ManagedPolicy.fromAwsManagedPolicyName(...)`
 * by name or `fromManagedPolicyArn(scope, id, ...)` by ARN, in TypeScript, JavaScript, Python, Java, C# and Go
 * (`awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(...))`). Each is
 * read as an `aws_iam.ManagedPolicy` context with one `AmazonDynamoDBFullAccess` option on the string, for the rule
 * that the template readers feed from SAM `Policies` and IAM `ManagedPolicyArns` (`iac/managedPolicies.ts`).
 * Files that do not name the policy cost one substring search.
 */
import { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { fullAccessOption, isFullAccessArn, isFullAccessName } from '../iac/managedPolicies';
import { tokenAt } from './tokenIndex';

const POLICY = 'AmazonDynamoDBFullAccess';

/** The factories by name and by ARN, as each CDK language spells them. */
const BY_NAME = new Set(['fromAwsManagedPolicyName', 'from_aws_managed_policy_name', 'FromAwsManagedPolicyName', 'ManagedPolicy_FromAwsManagedPolicyName']);
const BY_ARN = new Set(['fromManagedPolicyArn', 'from_managed_policy_arn', 'FromManagedPolicyArn', 'ManagedPolicy_FromManagedPolicyArn']);

export function cdkFullAccessPolicies(a: CodeAnalyzer): OptionContext[] {
  const contexts: OptionContext[] = [];
  for (let at = a.text.indexOf(POLICY); at >= 0; at = a.text.indexOf(POLICY, at + POLICY.length)) {
    const k = tokenAt(a, at);
    if (k < 0 || !a.isString(k)) {
      continue;
    }
    // The string is an argument of the factory call: `ManagedPolicy.fromAwsManagedPolicyName('...')`.
    let open = a.parent[k];
    // Go passes it as a pointer: `awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("..."))`, or the SDK's `aws.String`.
    if (open > 3 && a.language.family === 'go' && a.is(open, '(') && a.idIs(open - 1, 'String') && a.isAccess(open - 2) && (a.idIs(open - 3, 'jsii') || a.idIs(open - 3, 'aws'))) {
      open = a.parent[open];
    }
    const method = open > 0 && a.is(open, '(') ? a.id(open - 1) : undefined;
    const value = a.tokens.text(k).trim();
    const takes = method !== undefined && ((BY_NAME.has(method) && isFullAccessName(value)) || (BY_ARN.has(method) && isFullAccessArn(value)));
    if (!takes || !a.isAccess(open - 2)) {
      continue;
    }
    contexts.push({
      kind: 'cdk',
      type: 'aws_iam.ManagedPolicy',
      options: [fullAccessOption(a.tokenSpan(k), value)],
      complete: false,
      anchor: a.tokenSpan(open - 1),
    });
  }
  return contexts;
}
