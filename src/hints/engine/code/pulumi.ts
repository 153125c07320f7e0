/**
 * Pulumi AWS (Classic) resources as the Terraform resources they are. The provider is generated from the
 * Terraform AWS provider ("a derived work of the Terraform Provider", Pulumi's pulumi_aws reference): each
 * resource takes its Terraform counterpart's arguments, in camelCase in TypeScript/JavaScript and snake_case
 * in Python, with the same defaults. So `new aws.rds.Instance("db", { publiclyAccessible: true })` is a
 * Terraform `aws_db_instance` context, judged by the Terraform rules, whose texts name the option as the
 * file writes it (origin `pulumi` or `pulumi-python`). Go programs (`rds.NewInstance(ctx, "db", &rds.InstanceArgs{...})`)
 * are read in `languages/goPulumi.ts`, with this class map.
 * https://www.pulumi.com/registry/packages/aws/api-docs/rds/instance/
 */
import { opensBroadRange } from '../iac/groupUse';
import { IngressFields, openIngress } from '../iac/ingress';
import { OptionContext, OptionOccurrence } from '../model';
import { normalizeName, RuleMatch, SiteOrigin } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { perFile } from './fileMemo';
import { contextFrom, literalOf, propertyValue, valueEnd } from './options';
import { pulumiEnvironmentPasswords } from './pulumiLambdaEnvironment';
import { pulumiGroupExposure } from './pulumiGroupUse';
import { withEnumLiterals } from './pulumiEnums';
import { withSecretLiterals } from './pulumiSecrets';
import { assignedOption, memberAssignmentsOf, variableContext } from './requests';
import { helperReturnedLiteral } from './returnedArgs';

/**
 * The resources whose Terraform rules exist, by module and class as Pulumi names them (`aws:rds/instance:Instance`
 * is `aws_db_instance`, as each registry page's "Import" section says). Lookups (`rds.getInstance`) and
 * `Instance.get(...)` of an existing resource name no class here, so they make no context.
 */
const PULUMI_RESOURCES: Readonly<Record<string, string>> = {
  'rds.Instance': 'aws_db_instance',
  'rds.Cluster': 'aws_rds_cluster',
  'rds.ClusterInstance': 'aws_rds_cluster_instance',
  'rds.Proxy': 'aws_db_proxy',
  'dynamodb.Table': 'aws_dynamodb_table',
  'dynamodb.GlobalTable': 'aws_dynamodb_global_table',
  'elasticache.ReplicationGroup': 'aws_elasticache_replication_group',
  'elasticache.Cluster': 'aws_elasticache_cluster',
  'elasticache.ServerlessCache': 'aws_elasticache_serverless_cache',
  'elasticache.GlobalReplicationGroup': 'aws_elasticache_global_replication_group',
  'elasticache.User': 'aws_elasticache_user',
  'elasticache.UserGroup': 'aws_elasticache_user_group',
  // For the passwords in its environment (`pulumiLambdaEnvironment.ts`); Python spells the module `lambda_`.
  // TypeScript's `CallbackFunction` takes the same args, with the code as a callback.
  'lambda.Function': 'aws_lambda_function',
  'lambda.CallbackFunction': 'aws_lambda_function',
};

/**
 * Security group resources whose inbound rules the Terraform ingress rules judge: a group's `ingress` list
 * (`aws_security_group`), a rule of `type: "ingress"` (`aws_security_group_rule`) and
 * `aws_vpc_security_group_ingress_rule`.
 */
const PULUMI_INGRESS = new Set(['ec2.SecurityGroup', 'ec2.SecurityGroupRule', 'vpc.SecurityGroupIngressRule']);

/** The Terraform type of a Pulumi AWS class by its module and name (`rds`, `Instance`), or undefined. */
export function pulumiClassType(module: string, name: string): string | undefined {
  const full = `${module}.${name}`;
  return Object.hasOwn(PULUMI_RESOURCES, full) ? PULUMI_RESOURCES[full] : undefined;
}

/**
 * Go and C# args held in a variable: `args.MaxAllocatedStorage = ...` after the literal sets a field too. Any other
 * use of the variable before the call (`applyIdentifier(args)`, `args = other`) may set any, so an absent one is unknown.
 */
function pulumiArgsSetLater(a: CodeAnalyzer, name: number, context: OptionContext): void {
  const text = a.tokens.text(name);
  const binding = a.scopes.lookup(text, name);
  if (!binding) {
    context.complete = false;
    return;
  }
  const sites = memberAssignmentsOf(a, text, binding).filter((eq) => eq < name);
  context.options.push(...sites.map((eq) => assignedOption(a, eq)));
  const assigned = new Set(sites.map((eq) => eq - 3));
  for (let k = binding.token + 1; k < name; k++) {
    if (a.idIs(k, text) && !a.isAccess(k - 1) && !assigned.has(k) && a.scopes.lookup(text, k) === binding) {
      context.complete = false;
    }
  }
}

const LAMBDA_FUNCTION = 'aws_lambda_function';

/** Whether the file names the Pulumi AWS provider, in any of its languages (a cheap test before a Pulumi reader). */
export const namesPulumiAws = perFile((a) => /@pulumi\/aws|pulumi_aws|pulumi-aws\/sdk|Pulumi\.Aws/.test(a.text));

/** The resources the classes above are, and the policy attachments `pulumiManagedPolicies.ts` reads. */
const PULUMI_TERRAFORM_TYPES: ReadonlySet<string> = new Set([...Object.values(PULUMI_RESOURCES), 'aws_iam_role_policy_attachment']);

/**
 * Arguments Pulumi names in the plural where Terraform writes one block per element (`attributes: [...]` for
 * `attribute { ... }`, `globalSecondaryIndexes` for `global_secondary_index`), normalised, by Terraform type
 * (`replicas` is among the rule's own arguments).
 */
const PULUMI_BLOCK_LISTS: Readonly<Record<string, ReadonlyMap<string, string>>> = {
  aws_dynamodb_table: new Map(
    [
      ['attributes', 'attribute'],
      ['globalSecondaryIndexes', 'global_secondary_index'],
      ['localSecondaryIndexes', 'local_secondary_index'],
    ].map(([plural, block]) => [normalizeName(plural), normalizeName(block)]),
  ),
};

/** The context with its plural list arguments read as the Terraform blocks they are (see PULUMI_BLOCK_LISTS). */
function withBlockNames(context: OptionContext): OptionContext {
  const blocks = Object.hasOwn(PULUMI_BLOCK_LISTS, context.type) ? PULUMI_BLOCK_LISTS[context.type] : undefined;
  if (blocks && context.options.some((option) => blocks.has(option.norm))) {
    // The option stays the prototype: its spans are worked out when asked (see TokenOption).
    context.options = context.options.map((option) => {
      const block = blocks.get(option.norm);
      return block === undefined ? option : (Object.create(option, { norm: { value: block, enumerable: true } }) as OptionOccurrence);
    });
  }
  return context;
}

/**
 * Whether a rule reaches Pulumi programs: a Terraform resource one of the classes above is, or security group
 * ingress. The content build then requires its Pulumi examples (`examples.ts`).
 */
export function pulumiReaches(match: RuleMatch): boolean {
  return match.ingress !== undefined || (match.terraform?.resources.some((type) => PULUMI_TERRAFORM_TYPES.has(type)) ?? false);
}

/**
 * The `{` a C# object initializer opens at the `new` at `k`, for a type whose name `typeName` matches
 * (`new InstanceArgs { ... }`, `new Rds.DatabaseInstanceProps() { ... }`), or target-typed (`new() { ... }`); -1 for any other.
 */
export function csharpInitializer(typeName: RegExp): (a: CodeAnalyzer, k: number) => number {
  return (a, k) => {
    if (!a.idIs(k, 'new')) {
      return -1;
    }
    let j = k + 1;
    if (a.isId(j)) {
      const { text, end } = a.dottedPath(j);
      if (!typeName.test(text)) {
        return -1;
      }
      j = end;
    }
    if (a.is(j, '(') && a.partner[j] === j + 1) {
      j += 2;
    }
    return a.is(j, '{') && a.partner[j] > j ? j : -1;
  };
}

/** The args argument at `args` is a name alone, the variable that holds the literal. */
function heldArgs(a: CodeAnalyzer, args: number): boolean {
  return args >= 0 && a.isId(args) && (a.is(args + 1, ',') || a.is(args + 1, ')'));
}

/**
 * Where the args literal starts that the argument at `args` gives: the expression a variable is bound to, the
 * literal a same-file helper called in place returns, or the argument itself (-1: none).
 */
function argsLiteral(a: CodeAnalyzer, args: number, argsGroup: (a: CodeAnalyzer, k: number) => number): number {
  if (heldArgs(a, args)) {
    const binding = a.scopes.lookup(a.tokens.text(args), args);
    return binding && binding.expression >= 0 ? binding.expression : -1;
  }
  const returned = args >= 0 ? helperReturnedLiteral(a, args, argsGroup) : -1;
  return returned >= 0 ? returned : args;
}

/**
 * The context of a Go or C# constructor whose args argument starts at `args` (-1: none): an args literal in
 * place, the one a variable holds (with the fields set on it afterwards) or the one a same-file helper called in
 * place returns (`returnedArgs.ts`), `argsGroup` telling the `{` such a literal opens (or -1). C# CDK props
 * (`new DatabaseInstanceProps { ... }`) are read the same way.
 */
export function typedArgsContext(a: CodeAnalyzer, kind: OptionContext['kind'], type: string, nameIndex: number, args: number, argsGroup: (a: CodeAnalyzer, k: number) => number): OptionContext {
  const anchor = a.tokenSpan(nameIndex);
  const held = heldArgs(a, args);
  const literal = argsLiteral(a, args, argsGroup);
  const group = literal < 0 ? -1 : argsGroup(a, literal);
  const context: OptionContext = group >= 0 ? contextFrom(a, group, a.partner[group], kind, type, anchor) : { kind, type, options: [], complete: false, anchor };
  if (held && group >= 0) {
    pulumiArgsSetLater(a, args, context);
  }
  if (type === LAMBDA_FUNCTION && group >= 0) {
    context.options.push(...pulumiEnvironmentPasswords(a, group));
  }
  context.typeSpan = anchor;
  return context;
}

/** A Go or C# Pulumi resource (see typedArgsContext), judged as its Terraform resource in the program's own terms (`origin`). */
export function typedArgsResource(a: CodeAnalyzer, type: string, nameIndex: number, args: number, argsGroup: (a: CodeAnalyzer, k: number) => number, origin: SiteOrigin): void {
  const context = withBlockNames(typedArgsContext(a, 'terraform', type, nameIndex, args, argsGroup));
  context.options = withEnumLiterals(a, withSecretLiterals(a, context.options));
  context.readerOrigin = origin;
  a.contexts.push(context);
}

/**
 * The Terraform type of a Pulumi AWS class reached through an import: `aws.rds.Instance` after
 * `import * as aws from "@pulumi/aws"`, `rds.Instance` after `import { rds } from "@pulumi/aws"` or
 * `from pulumi_aws import rds`, and the submodules themselves (`@pulumi/aws/rds`, `pulumi_aws.rds`).
 */
export function pulumiResourceType(module: string, path: string): string | undefined {
  const match = /^(?:@pulumi\/aws|pulumi_aws)(?:[/.]([a-z0-9]+_?))?$/.exec(module);
  if (!match) {
    return undefined;
  }
  // Python's `lambda_` module, named so because `lambda` is a keyword there.
  const full = (match[1] ? (path ? `${match[1]}.${path}` : match[1]) : path).replace(/^lambda_(?=\.|$)/, 'lambda');
  return Object.hasOwn(PULUMI_RESOURCES, full) ? PULUMI_RESOURCES[full] : PULUMI_INGRESS.has(full) ? full : undefined;
}

/**
 * The context of `new aws.rds.Instance(name, args, opts?)` (or Python `aws.rds.Instance(name, **args)`): the
 * args object written in place or held by a variable; Python's keyword arguments, or an `…Args(...)` call
 * passed as `args`. The third argument, the resource options (`{ protect: true }`), is no setting.
 */
export function pulumiResource(a: CodeAnalyzer, type: string, nameIndex: number, open: number): void {
  const close = a.partner[open];
  if (close < 0) {
    return;
  }
  const anchor = a.tokenSpan(nameIndex);
  let context: OptionContext | undefined;
  const python = a.language.family === 'python';
  let second = open + 1;
  while (second < close && !a.is(second, ',')) {
    second = a.skipGroup(second);
  }
  const args = second < close ? second + 1 : -1;
  if (PULUMI_INGRESS.has(type)) {
    pulumiIngress(a, type, python ? (args >= 0 ? argsObjectCall(a, args, close) : -1) : args, python ? open : -1, open);
    return;
  }
  if (python) {
    const argsCall = args >= 0 ? argsObjectCall(a, args, close) : -1;
    context = argsCall >= 0 ? contextFrom(a, argsCall, a.partner[argsCall], 'terraform', type, anchor) : contextFrom(a, open, close, 'terraform', type, anchor);
    context.options = context.options.filter((option) => option.norm !== 'opts' && option.norm !== 'args');
  } else if (args >= 0 && a.is(args, '{')) {
    context = contextFrom(a, args, a.partner[args], 'terraform', type, anchor);
  } else if (args >= 0 && a.isId(args) && (a.is(args + 1, ',') || a.is(args + 1, ')'))) {
    context = variableContext(a, args, 'terraform', type, anchor);
  }
  context ??= { kind: 'terraform', type, options: [], complete: false, anchor };
  if (type === LAMBDA_FUNCTION) {
    const group = python ? (args >= 0 ? argsObjectCall(a, args, close) : -1) : args;
    context.options.push(...pulumiEnvironmentPasswords(a, group >= 0 ? group : python ? open : -1));
  }
  context.options = withEnumLiterals(a, withSecretLiterals(a, context.options));
  context.typeSpan = anchor;
  context.readerOrigin = python ? 'pulumi-python' : 'pulumi';
  a.contexts.push(withBlockNames(context));
}

/** Python `aws.rds.Instance("db", aws.rds.InstanceArgs(...))` or `args=InstanceArgs(...)`: the `(` of the Args call, or -1. */
function argsObjectCall(a: CodeAnalyzer, start: number, close: number): number {
  let k = a.idIs(start, 'args') && a.is(start + 1, '=') ? start + 2 : start;
  while (a.isId(k) && a.isAccess(k + 1)) {
    k += 2;
  }
  return a.isId(k) && /Args$/.test(a.tokens.text(k)) && a.is(k + 1, '(') && a.partner[k + 1] < close ? k + 1 : -1;
}

/** The security group class a Go or C# program constructs (`ec2`, `SecurityGroup`), or undefined. */
export function pulumiIngressClass(module: string, name: string): string | undefined {
  const full = `${module}.${name}`;
  return PULUMI_INGRESS.has(full) ? full : undefined;
}

/**
 * Inbound rules open to the internet, from the args group (`{` or an `…Args(` call; Python's call parentheses
 * when it is -1) of the resource whose arguments open at `open`.
 */
function pulumiIngress(a: CodeAnalyzer, type: string, argsGroup: number, callOpen: number, open: number): void {
  let group = argsGroup >= 0 && (a.is(argsGroup, '{') || a.is(argsGroup, '(')) ? argsGroup : callOpen;
  if (group < 0 && argsGroup >= 0 && a.isId(argsGroup)) {
    group = a.objectVariable(a.tokens.text(argsGroup), argsGroup);
  }
  if (group >= 0 && a.partner[group] >= 0) {
    // A group's own rules: what it protects is what the file attaches it to.
    const exposure = type === 'ec2.SecurityGroup' ? () => pulumiGroupExposure(a, open) : undefined;
    ingressRules(a, type, group, a.language.family === 'python' ? 'pulumi-python' : 'pulumi', exposure);
  }
}

/**
 * A Go or C# security group resource (`ec2.NewSecurityGroup(ctx, name, &ec2.SecurityGroupArgs{...})`,
 * `new Aws.Ec2.SecurityGroup(name, new SecurityGroupArgs { ... })`): its args literal in place or held by a
 * variable, as `typedArgsContext` finds it, read for inbound rules open to the internet.
 */
export function typedArgsIngress(a: CodeAnalyzer, type: string, args: number, argsGroup: (a: CodeAnalyzer, k: number) => number, origin: SiteOrigin): void {
  const literal = argsLiteral(a, args, argsGroup);
  const group = literal < 0 ? -1 : argsGroup(a, literal);
  if (group >= 0) {
    ingressRules(a, type, group, origin);
  }
}

/**
 * The `[`, `{` or `(`-less list a value starting at `value` writes out: `[...]` (TypeScript, Python), Go's
 * `ec2.SecurityGroupIngressArray{...}` and `pulumi.StringArray{...}`, C#'s `{ ... }`, `new[] { ... }` and
 * `new InputList<T> { ... }`; -1 for a call or a name.
 */
function listGroup(a: CodeAnalyzer, value: number, close: number): number {
  const end = valueEnd(a, value, close);
  for (let k = value; k < end; k++) {
    if (a.is(k, '[') && a.partner[k] === k + 1) {
      k++;
    } else if ((a.is(k, '{') || a.is(k, '[')) && a.partner[k] > k) {
      return k;
    } else if (a.is(k, '(')) {
      return -1;
    }
  }
  return -1;
}

/**
 * The open inbound rules of a security group resource whose args group is `group`. A rule over every port or many
 * engines' ports is left out, unless `exposure` tells the data stores (see `pulumiGroupUse.ts`) the file
 * attaches the group to: without the group's use in view it says nothing of a database (a web server's group
 * open on all traffic).
 */
function ingressRules(a: CodeAnalyzer, type: string, group: number, origin: SiteOrigin, exposure?: () => number): void {
  const entries: number[] = [];
  if (type === 'ec2.SecurityGroup') {
    const value = propertyValue(a, group, 'ingress');
    const list = value >= 0 ? listGroup(a, value, a.partner[group]) : -1;
    for (let k = list >= 0 ? list + 1 : a.tokens.length; k < a.partner[list]; k = a.skipGroup(k)) {
      if ((a.is(k, '{') || a.is(k, '(')) && a.parent[k] === list) {
        entries.push(k);
      }
    }
  } else if (type === 'vpc.SecurityGroupIngressRule' || ruleType(a, group) === 'ingress') {
    entries.push(group);
  }
  let exposes: number | undefined;
  for (const entry of entries) {
    const rule = openIngress('terraform', ingressFields(a, entry));
    if (rule && opensBroadRange(rule)) {
      exposes ??= exposure?.() ?? 0;
      rule.exposes = exposes;
    }
    if (rule && (rule.exposes === undefined || rule.exposes > 0)) {
      rule.readerOrigin = origin;
      a.ingress.push(rule);
    }
  }
}

/** `aws.ec2.SecurityGroupRule`'s `type`, written as a literal. */
function ruleType(a: CodeAnalyzer, group: number): string | undefined {
  const value = propertyValue(a, group, 'type');
  const literal = value >= 0 ? literalOf(a, value, valueEnd(a, value, a.partner[group])).literal : undefined;
  return literal?.kind === 'str' ? literal.value : undefined;
}

const INGRESS_FIELDS: Record<string, Exclude<keyof IngressFields, 'storePort'>> = {
  protocol: 'protocol',
  ipprotocol: 'protocol',
  fromport: 'fromPort',
  toport: 'toPort',
  cidrblocks: 'sources',
  ipv6cidrblocks: 'sources',
  cidripv4: 'sources',
  cidripv6: 'sources',
};

/** The fields of one inbound rule: `{ protocol, fromPort, toPort, cidrBlocks: [...] }` or its Python keywords and keys. */
function ingressFields(a: CodeAnalyzer, group: number): IngressFields {
  const fields: IngressFields = { sources: [] };
  const close = a.partner[group];
  for (let k = group + 1; k < close; k = a.skipGroup(k)) {
    const field = (a.isId(k) || a.isString(k)) && (a.is(k + 1, ':') || a.is(k + 1, '=')) && (k === group + 1 || a.is(k - 1, ',')) ? INGRESS_FIELDS[normalizeName(a.tokens.text(k))] : undefined;
    if (!field) {
      continue;
    }
    const end = valueEnd(a, k + 2, close);
    const list = field === 'sources' ? listGroup(a, k + 2, close) : -1;
    if (field !== 'sources') {
      fields[field] = literalOf(a, k + 2, end).literal;
    } else if (list >= 0) {
      // A list of blocks: each literal element is a source of its own.
      for (let e = list + 1; e < a.partner[list]; e = valueEnd(a, e, a.partner[list]) + 1) {
        const elementEnd = valueEnd(a, e, a.partner[list]);
        fields.sources.push({ literal: literalOf(a, e, elementEnd).literal, span: a.span(e, elementEnd - 1) });
      }
    } else {
      fields.sources.push({ literal: literalOf(a, k + 2, end).literal, span: a.span(k + 2, end - 1) });
    }
    k = end - 1;
  }
  return fields;
}
