/**
 * The AWS managed policies that allow every DynamoDB action on every table, attached in a template: a SAM
 * function's `Policies` (a managed policy by name or ARN, next to policy templates and inline statements) and the
 * `ManagedPolicyArns` of an IAM role, user or group. Each attachment is read as one `AmazonDynamoDBFullAccess`
 * option on its list item, for the rule that points to a policy scoped to the tables the code uses.
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonDynamoDBFullAccess.html
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-policies
 */
import { OptionOccurrence } from '../model';
import { normalizeName, Span } from '../types';
import { intrinsic } from './conditions';
import { entryOf, IacNode } from './tree';

const FULL_ACCESS_OPTION = 'AmazonDynamoDBFullAccess';
const FULL_ACCESS_NORM = normalizeName(FULL_ACCESS_OPTION);

/** The policy's name (its `_v2` too, which also allows `dynamodb:*` on every resource) and its ARN in any partition. */
const POLICY_NAME = /^AmazonDynamoDBFullAccess(?:_v2)?$/;
const POLICY_ARN = /^arn:(?:aws(?:-[a-z]+)*|\$\{AWS::Partition\}):iam::aws:policy\/AmazonDynamoDBFullAccess(?:_v2)?$/;

/** The policy attached at `span`, as written (`text`): the option the rule reads, the same from a template and from CDK code. */
export function fullAccessOption(span: Span, text: string): OptionOccurrence {
  return { name: FULL_ACCESS_OPTION, norm: FULL_ACCESS_NORM, key: span, value: span, literal: { kind: 'str', value: text }, removal: span };
}

export const isFullAccessName = (text: string): boolean => POLICY_NAME.test(text);
export const isFullAccessArn = (text: string): boolean => POLICY_ARN.test(text);

/** The list property of each resource type that attaches managed policies, and whether it takes a bare policy name. */
const ATTACHING: Readonly<Record<string, { property: string; byName: boolean }>> = {
  'AWS::Serverless::Function': { property: 'Policies', byName: true },
  'AWS::IAM::Role': { property: 'ManagedPolicyArns', byName: false },
  'AWS::IAM::User': { property: 'ManagedPolicyArns', byName: false },
  'AWS::IAM::Group': { property: 'ManagedPolicyArns', byName: false },
};

/** A plain string, or the string of an `Fn::Sub` without variables of its own (`!Sub arn:${AWS::Partition}:...`). */
function policyText(node: IacNode): string | undefined {
  if (node.kind === 'scalar' && !node.tag) {
    return node.literal.kind === 'str' ? node.literal.value.trim() : undefined;
  }
  const call = intrinsic(node);
  const argument = call?.name === 'Sub' ? call.argument : undefined;
  return argument?.kind === 'scalar' && !argument.tag && argument.literal.kind === 'str' ? argument.literal.value.trim() : undefined;
}

/**
 * The `AmazonDynamoDBFullAccess` options of a resource: one per list item (or single value, as SAM allows) that
 * attaches the policy. `resolve` takes the template's chosen `Fn::If` branch (null: left out).
 */
export function fullAccessPolicies(type: string, properties: IacNode | undefined, resolve: (node: IacNode | undefined) => IacNode | null | undefined): OptionOccurrence[] {
  const attaching = ATTACHING[type];
  const entry = attaching ? entryOf(properties, attaching.property) : undefined;
  if (!attaching || !entry) {
    return [];
  }
  return fullAccessItems(entry.value, attaching.byName, resolve);
}

/**
 * The `AmazonDynamoDBFullAccess` options of a list of policies (or one), by ARN, and by name where `byName`: a
 * resource's, or a Serverless service's `provider.iam.role.managedPolicies`, the ARNs its shared role attaches
 * (https://www.serverless.com/framework/docs/providers/aws/guide/iam).
 */
export function fullAccessItems(list: IacNode, byName: boolean, resolve: (node: IacNode | undefined) => IacNode | null | undefined): OptionOccurrence[] {
  const written = resolve(list) ?? list;
  const items = written.kind === 'list' ? written.items : [written];
  const found: OptionOccurrence[] = [];
  for (const item of items) {
    const value = resolve(item);
    const text = value ? policyText(value) : undefined;
    if (value && text !== undefined && (isFullAccessArn(text) || (byName && isFullAccessName(text)))) {
      found.push(fullAccessOption(value.span, text));
    }
  }
  return found;
}
