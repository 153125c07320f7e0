/**
 * Terraform: the AWS managed policy AmazonDynamoDBFullAccess attached by ARN, read as the same
 * `AmazonDynamoDBFullAccess` option the templates and CDK give (`managedPolicies.ts`). Attached by the IAM
 * attachment resources (`policy_arn`, also one per element of a `for_each` it takes as `each.value`), a role's
 * `managed_policy_arns`, the `*_policy_attachments_exclusive` resources' `policy_arns`, and the inputs of the
 * terraform-aws-modules lambda and iam modules that their own attachment resources take. The ARN is read through
 * `var.x`, `local.x`, the folder's `.tfvars` files and a `data "aws_iam_policy"` lookup (by ARN, or by the
 * policy's name); the partition may be interpolated (`arn:${data.aws_partition.current.partition}:iam::...`).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachment
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policy_attachments_exclusive
 */
import { TOKEN_KIND } from '../lexer';
import { Literal, OptionOccurrence } from '../model';
import { Span } from '../types';
import { fullAccessOption, isFullAccessArn, isFullAccessName } from './managedPolicies';
import { BodyItem, HclValues, Range } from './terraformIngress';
import { iterationReference } from './terraformIteration';

// A module constant rather than an imported binding: run unbundled (tsx), an import is read through the module object on every use.
const { STR } = TOKEN_KIND;

/** The argument of each resource type that attaches managed policies by ARN: one (`policy_arn`) or a list. */
const ATTACHING_RESOURCES: Readonly<Record<string, string>> = {
  aws_iam_role_policy_attachment: 'policy_arn',
  aws_iam_user_policy_attachment: 'policy_arn',
  aws_iam_group_policy_attachment: 'policy_arn',
  aws_iam_policy_attachment: 'policy_arn',
  aws_iam_role: 'managed_policy_arns',
  aws_iam_role_policy_attachments_exclusive: 'policy_arns',
  aws_iam_user_policy_attachments_exclusive: 'policy_arns',
  aws_iam_group_policy_attachments_exclusive: 'policy_arns',
};

/**
 * An input of a registry module that its attachment resources take, and what must hold for them to exist:
 * `enabledBy`, a boolean input (with its default), and `counted`, the input that says how many list items are
 * attached (a number, default 0; `length(...)` of anything reads as all of them).
 */
interface ModuleAttachment {
  input: string;
  attaches: string;
  enabledBy: readonly { input: string; byDefault: boolean }[];
  counted?: string;
}

const ROLE_V6 = (input: string, attaches: string): ModuleAttachment[] => [{ input, attaches, enabledBy: [{ input: 'create', byDefault: true }] }];

/**
 * By module source, from each module's main.tf and variables.tf: lambda v4 to v8 (`iam.tf`: `additional_one`
 * with `attach_policy`, `additional_many` with `attach_policies` over the first `number_of_policies` of
 * `policies`, both under `create_role`); iam v6's `iam-role`, `iam-user`, `iam-group` and
 * `iam-role-for-service-accounts` (`policies`, a map of ARNs, under `create`); iam v5's `iam-assumable-role`
 * (`custom_role_policy_arns` under `create_role`, false by default) and `iam-group-with-policies`
 * (`custom_group_policy_arns`).
 */
const MODULE_ATTACHMENTS: Readonly<Record<string, readonly ModuleAttachment[]>> = {
  'terraform-aws-modules/lambda/aws': [
    { input: 'policy', attaches: 'aws_iam_role_policy_attachment', enabledBy: [{ input: 'create_role', byDefault: true }, { input: 'attach_policy', byDefault: false }] },
    { input: 'policies', attaches: 'aws_iam_role_policy_attachment', enabledBy: [{ input: 'create_role', byDefault: true }, { input: 'attach_policies', byDefault: false }], counted: 'number_of_policies' },
  ],
  'terraform-aws-modules/iam/aws//modules/iam-role': ROLE_V6('policies', 'aws_iam_role_policy_attachment'),
  'terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts': ROLE_V6('policies', 'aws_iam_role_policy_attachment'),
  'terraform-aws-modules/iam/aws//modules/iam-user': ROLE_V6('policies', 'aws_iam_user_policy_attachment'),
  'terraform-aws-modules/iam/aws//modules/iam-group': ROLE_V6('policies', 'aws_iam_group_policy_attachment'),
  'terraform-aws-modules/iam/aws//modules/iam-assumable-role': [
    { input: 'custom_role_policy_arns', attaches: 'aws_iam_role_policy_attachment', enabledBy: [{ input: 'create_role', byDefault: false }] },
  ],
  'terraform-aws-modules/iam/aws//modules/iam-group-with-policies': [{ input: 'custom_group_policy_arns', attaches: 'aws_iam_group_policy_attachment', enabledBy: [] }],
};

/** The policy's ARN with the partition interpolated or left to `format` (`arn:${data.aws_partition.current.partition}:iam::aws:policy/...`). */
const TEMPLATED_ARN = /^arn:(?:\$\{[^{}]+\}|%s):iam::aws:policy\/AmazonDynamoDBFullAccess(?:_v2)?$/;

/** Whether [first, end) is `data.aws_iam_policy.<name>.arn`, a lookup that may name the policy by its name. */
function isPolicyLookup(values: HclValues, { first, end }: Range): boolean {
  return end - first === 7 && values.textOf(first) === 'data' && values.textOf(first + 2) === 'aws_iam_policy' && values.textOf(first + 6) === 'arn';
}

/** Whether [first, end) is `each.value`, or `each.key` over a list or set (where the key is the element), bare or as `"${each.value}"`. */
function isEachElement(values: HclValues, { first, end }: Range, keyIsElement: boolean): boolean {
  const reference = iterationReference(values.tokens, first, end);
  return reference?.iterator === 'each' && reference.key === undefined && (reference.member === 'value' || keyIsElement);
}

/** Lists are followed this deep (a list of locals that are lists). */
const MAX_DEPTH = 4;

/** Whether [first, end) is a template (`"arn:${...}:iam::..."`) or a `format("arn:%s:iam::...", ...)` call of the policy's ARN. */
function isTemplatedArn(values: HclValues, { first, end }: Range): boolean {
  const { tokens } = values;
  const template = end - first === 1 ? first : values.textOf(first) === 'format' && values.textOf(first + 1) === '(' ? first + 2 : -1;
  return template >= 0 && tokens.kinds[template] === STR && TEMPLATED_ARN.test(tokens.text(template).trim());
}

/**
 * The full-access ARNs a value gives: a string (through `var.x`, `local.x`, `.tfvars` and a policy lookup, which
 * may give the policy's name), or the items of a list or values of a map written in this file. Any other
 * expression (a `for` filter, a conditional) gives none.
 */
function fullAccessIn(values: HclValues, value: Range, depth = 0): OptionOccurrence[] {
  const elements = depth < MAX_DEPTH ? values.elements(value) : undefined;
  if (elements) {
    return elements.flatMap((element) => fullAccessIn(values, element, depth + 1));
  }
  const byName = isPolicyLookup(values, value);
  const lent = values.lentStrings(value);
  if (lent) {
    return lent.flatMap(({ literal, span }) => namedOptions(literal, span, byName));
  }
  const span = values.spanOf(value);
  if (isTemplatedArn(values, value)) {
    return [fullAccessOption(span, values.tokens.source.slice(span.start, span.end))];
  }
  return namedOptions(values.literalOf(value.first, value.end), span, byName);
}

/** The option for a string that is the policy's ARN (or, from a policy lookup, its name), at `span`. */
function namedOptions(literal: Literal, span: Span, byName: boolean): OptionOccurrence[] {
  const text = literal.kind === 'str' ? literal.value.trim() : undefined;
  return text !== undefined && (isFullAccessArn(text) || (byName && isFullAccessName(text))) ? [fullAccessOption(span, text)] : [];
}

/** The collection inside `toset(...)` / `tolist(...)`, or the value itself. */
function unwrapped(values: HclValues, { first, end }: Range): Range {
  const call = values.textOf(first);
  return (call === 'toset' || call === 'tolist') && values.textOf(first + 1) === '(' && values.partner[first + 1] === end - 1 ? { first: first + 2, end: end - 1 } : { first, end };
}

/**
 * The `AmazonDynamoDBFullAccess` options of a resource's attaching argument. `each`: the resource's `for_each`
 * and its elements written in this file, for `policy_arn = each.value` (each element that names the policy; for a
 * list another file or the `.tfvars` files give, each of its strings, placed on the reference).
 */
export function terraformFullAccess(values: HclValues, type: string, items: readonly BodyItem[], each: { forEach: Range; elements?: readonly Range[] } | undefined): OptionOccurrence[] {
  const argument = Object.hasOwn(ATTACHING_RESOURCES, type) ? ATTACHING_RESOURCES[type] : undefined;
  const item = argument ? items.find((candidate) => !candidate.block && candidate.option.name === argument) : undefined;
  if (!item) {
    return [];
  }
  if (!each || !isEachElement(values, item, !each.elements || values.isList(each.forEach))) {
    return fullAccessIn(values, item);
  }
  if (each.elements) {
    return each.elements.flatMap((range) => fullAccessIn(values, range));
  }
  const lent = values.lentStrings(unwrapped(values, each.forEach));
  return (lent ?? []).flatMap(({ literal, span }) => namedOptions(literal, span, false));
}

/** A module input's literal boolean, its default when absent; undefined when it is not a literal. */
function flag(values: HclValues, items: readonly BodyItem[], input: string, byDefault: boolean): boolean | undefined {
  const item = items.find((candidate) => !candidate.block && candidate.option.name === input);
  const literal = item && values.literalOf(item.first, item.end);
  return !literal ? byDefault : literal.kind === 'bool' ? literal.value : undefined;
}

/** How many of a list input's items are attached: all (undefined), a number, or none when the count is not known. */
function attachedCount(values: HclValues, items: readonly BodyItem[], counted: string | undefined): number | undefined {
  const item = counted ? items.find((candidate) => !candidate.block && candidate.option.name === counted) : undefined;
  if (!counted || (item && values.textOf(item.first) === 'length' && values.textOf(item.first + 1) === '(')) {
    return undefined;
  }
  const literal = item && values.literalOf(item.first, item.end);
  return !literal ? 0 : literal.kind === 'num' ? literal.value : 0;
}

/** The `AmazonDynamoDBFullAccess` options a registry module's inputs attach, each with the attachment resource type that attaches it. */
export function moduleFullAccess(values: HclValues, source: string, items: readonly BodyItem[]): { type: string; options: OptionOccurrence[] }[] {
  const attachments = Object.hasOwn(MODULE_ATTACHMENTS, source) ? MODULE_ATTACHMENTS[source] : [];
  const found: { type: string; options: OptionOccurrence[] }[] = [];
  for (const attachment of attachments) {
    const item = items.find((candidate) => !candidate.block && candidate.option.name === attachment.input);
    if (!item || !attachment.enabledBy.every(({ input, byDefault }) => flag(values, items, input, byDefault) === true)) {
      continue;
    }
    const count = attachedCount(values, items, attachment.counted);
    const elements = count === undefined ? [item] : values.elements(item)?.slice(0, count);
    const options = (elements ?? []).flatMap((range) => fullAccessIn(values, range));
    if (options.length > 0) {
      found.push({ type: attachment.attaches, options });
    }
  }
  return found;
}
