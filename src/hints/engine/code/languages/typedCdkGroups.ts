/**
 * What a C# or Go CDK security group protects, as its file shows it (their side of `cdkGroupUse.ts`): a group made
 * into a local (`var sg = new SecurityGroup(this, "Sg", new SecurityGroupProps { ... })`, Go's
 * `sg := awsec2.NewSecurityGroup(stack, ...)`) or, in C#, into a class's private field (`private SecurityGroup sg;` set
 * once in one method, used in others), and handed to constructs through their props (`SecurityGroup = sg`,
 * `SecurityGroups = new[] { sg }`, `new List<ISecurityGroup> { sg }`, Go's `SecurityGroup: sg`,
 * `SecurityGroups: &[]awsec2.ISecurityGroup{sg}`) or `x.Connections.AddSecurityGroup(sg)` (Go `x.Connections().AddSecurityGroup(sg)`).
 * Its own rules, `sg.Node.AddDependency(...)` and naming it as another group's peer attach nothing. Anything else (a
 * public field another stack may read, a props variable, a construct of the project, `sg.SecurityGroupId` passed on)
 * leaves what it protects unknown.
 */
import { GroupUses, isDataStore } from '../../iac/groupUse';
import { IngressRule, OptionContext } from '../../model';
import { Binding } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { Value } from '../values';
import { csharpCdkTypes } from './csharpCdk';
import { cdkPackages } from './goCdk';

/** What an occurrence of a group says: neutral (undefined), the construct type it is given to, or null for unknown. */
type Use = string | null | undefined;

/** A group read: the binding its receiver names (a local, or a C# private field of its class) and where its name is read. */
export interface TypedGroup {
  /** The `AddIngressRule` token of the rule read. */
  method: number;
  binding: Binding<Value>;
  /** The name token of the local's or the field's declaration. */
  declaration?: number;
  range: [number, number];
  classScope: number;
  /** A field of the class, read wherever a name in its class is not bound to a local instead. */
  field: boolean;
}

/** How a language writes constructs and props (see `dialectOf`). */
interface Dialect {
  /** The separator of a prop in a props literal: C# `Key = value`, Go `Key: value`. */
  separator: string;
  /** The construct types the call whose arguments open at `open` may make. */
  typesAt(open: number): string[];
  /** Whether `typesAt` names the one class made (Go's packages) rather than one per namespace the file uses (C#). */
  exact: boolean;
}

function dialectOf(a: CodeAnalyzer): Dialect {
  if (a.language.family === 'go') {
    const packages = cdkPackages(a);
    const typesAt = (open: number): string[] => {
      const maker = a.isId(open - 1) && a.isAccess(open - 2) && a.isId(open - 3) && !a.isAccess(open - 4) ? /^New([A-Z]\w*)$/.exec(a.tokens.text(open - 1)) : null;
      const module = maker ? packages.get(a.tokens.text(open - 3)) : undefined;
      return module && maker ? [`${module}.${maker[1]}`] : [];
    };
    return { separator: ':', typesAt, exact: true };
  }
  const types = csharpCdkTypes(a);
  const typesAt = (open: number): string[] => {
    let start = open - 1;
    while (a.isId(start) && a.isAccess(start - 1) && a.isId(start - 2)) {
      start -= 2;
    }
    return a.isId(start) && a.idIs(start - 1, 'new') ? types(a.tokens.text(start) === 'new' ? '' : a.dottedPath(start).text) : [];
  };
  return { separator: '=', typesAt, exact: false };
}

/**
 * The constructs a C# group may be given to that hold no data: a bare class name stands for one type per namespace
 * the file uses whole, and only these (and the data stores) are known to be CDK's, not the project's own.
 */
const HOLDS_NO_DATA = new Set([
  'aws_efs.FileSystem',
  'aws_ecs.FargateService',
  'aws_ecs.Ec2Service',
  'aws_lambda.Function',
  'aws_lambda.DockerImageFunction',
  'aws_ec2.Instance_',
  'aws_ec2.InterfaceVpcEndpoint',
  'aws_ec2.BastionHostLinux',
  'aws_autoscaling.AutoScalingGroup',
  'aws_elasticloadbalancingv2.ApplicationLoadBalancer',
  'aws_elasticloadbalancingv2.NetworkLoadBalancer',
]);
/** The data stores' construct classes (`DatabaseInstance`, `ServerlessCluster`, `CfnReplicationGroup`): another name in their namespaces may be the project's. */
const DATA_CLASS = /\.(?:Database|Serverless|Cfn)[A-Za-z]*$/;
const GROUP_TYPE = /^aws_ec2\.I?SecurityGroup$/;
/** Methods on a group, or on its `Connections`, that open rules or name peers: they attach no group to anything. */
const RULE_METHODS = /^(?:AddIngressRule|AddEgressRule|Allow[A-Za-z0-9]*)$/;
/** Modifiers that let other files read a C# field: its uses in this file do not tell what it protects. */
const SHARED = new Set(['public', 'protected', 'internal']);

/**
 * The group an `AddIngressRule` call's receiver names, where it is a local (or a C# private field) made as a
 * security group once (the call's context may be of any type the receiver's bare class name may be).
 */
export function typedGroupOf(a: CodeAnalyzer, context: OptionContext): TypedGroup | undefined {
  const method = a.tokensOf(context.options[0].key)[0];
  const name = method - 2;
  if (!a.isAccess(method - 1) || !a.isId(name)) {
    return undefined;
  }
  const classScope = a.scopes.enclosing(name, ['class']);
  const own = a.isAccess(name - 1) && a.idIs(name - 2, 'this') && !a.isAccess(name - 3) && classScope > 0;
  if (a.isAccess(name - 1) && !own) {
    return undefined;
  }
  const text = a.tokens.text(name);
  const binding = own ? a.scopes.member(classScope, text, true) : a.scopes.lookup(text, name, true);
  if (!binding || binding.method || binding.element || binding.destructured) {
    return undefined;
  }
  const dialect = dialectOf(a);
  const field = classScope > 0 && a.language.family === 'csharp' && a.scopes.member(classScope, text, true) === binding;
  const declaration = field ? fieldDeclaration(a, classScope, text) : binding.token;
  const range = field ? a.scopes.range(classScope) : a.scopes.range(a.scopes.enclosing(binding.token, ['function']));
  const group = { method, binding, range, classScope, field };
  if (declaration < 0) {
    return undefined;
  }
  // Made once: the declaration's value, or a single assignment elsewhere when a field is declared without one.
  const values = occurrences(a, group, text)
    .filter((k) => a.is(k + 1, '=') || a.is(k + 1, ':='))
    .map((k) => k + 2);
  const made = values.length === 1 && madeAsGroup(a, dialect, values[0], declaration);
  return made ? { ...group, declaration } : undefined;
}

/** The tokens in the group's range that name it: its bare name bound to it, or C# `this.name` of its class. */
function occurrences(a: CodeAnalyzer, group: Omit<TypedGroup, 'declaration'>, text: string): number[] {
  const found: number[] = [];
  for (let k = group.range[0]; k < group.range[1]; k++) {
    if (!a.idIs(k, text)) {
      continue;
    }
    const own = group.field && a.isAccess(k - 1) && a.idIs(k - 2, 'this') && !a.isAccess(k - 3) && a.scopes.enclosing(k, ['class']) === group.classScope;
    const bound = own ? a.scopes.member(group.classScope, text, true) : a.isAccess(k - 1) ? undefined : a.scopes.lookup(text, k, true);
    if (bound !== undefined && bound === (group.field ? a.scopes.member(group.classScope, text, true) : group.binding)) {
      found.push(k);
    }
  }
  return found;
}

/**
 * The name token of a C# class's own declaration of a security group field it keeps to itself (`private SecurityGroup sg;`,
 * C#'s default access), or -1: a field other files may read, a property, or none found.
 */
function fieldDeclaration(a: CodeAnalyzer, classScope: number, text: string): number {
  const types = csharpCdkTypes(a);
  const [start, end] = a.scopes.range(classScope);
  for (let name = start; name < end; name++) {
    if (!a.idIs(name, text) || a.isAccess(name - 1) || a.scopes.enclosing(name, ['class', 'function']) !== classScope || !a.isId(name - 1)) {
      continue;
    }
    if (!(a.is(name + 1, ';') || a.is(name + 1, '=')) || !types(a.tokens.text(name - 1)).some((type) => GROUP_TYPE.test(type))) {
      return -1;
    }
    for (let k = name - 2; a.isId(k) && !a.isAccess(k - 1); k--) {
      if (SHARED.has(a.tokens.text(k))) {
        return -1;
      }
    }
    return name;
  }
  return -1;
}

/** Whether the expression at `start` makes a security group: `new SecurityGroup(...)`, C# `new(...)` for a name declared a `SecurityGroup`, Go `awsec2.NewSecurityGroup(...)`. */
function madeAsGroup(a: CodeAnalyzer, dialect: Dialect, start: number, name: number): boolean {
  if (a.language.family === 'csharp' && a.idIs(start, 'new') && a.is(start + 1, '(')) {
    return a.isId(name - 1) && csharpCdkTypes(a)(a.tokens.text(name - 1)).includes('aws_ec2.SecurityGroup');
  }
  const path = a.dottedPath(a.idIs(start, 'new') ? start + 1 : start);
  return a.is(path.end, '(') && dialect.typesAt(path.end).includes('aws_ec2.SecurityGroup');
}

/** What each read of the group's name says it is given to (see `useAt`). */
function groupUses(a: CodeAnalyzer, dialect: Dialect, group: TypedGroup): Use[] {
  const text = a.tokens.text(group.binding.token);
  return occurrences(a, group, text)
    .filter((k) => k !== group.declaration && !a.is(k + 1, '=') && !a.is(k + 1, ':='))
    .map((k) => useAt(a, dialect, a.isAccess(k - 1) ? k - 2 : k, k));
}

/** The member named after the access at `access`, past Go's empty call of a getter (`sg.Connections().AllowFrom`): [name, next token]. */
function member(a: CodeAnalyzer, access: number): [string | undefined, number] {
  const name = a.id(access + 1);
  const getter = a.language.family === 'go' && a.is(access + 2, '(') && a.is(access + 3, ')') && a.isAccess(access + 4);
  return [name, getter ? access + 4 : access + 2];
}

/** What the group named by tokens [start, end] is used for there. */
function useAt(a: CodeAnalyzer, dialect: Dialect, start: number, end: number): Use {
  if (a.isAccess(end + 1)) {
    const [first, after] = member(a, end + 1);
    const [inner, last] = a.isAccess(after) ? member(a, after) : [undefined, after];
    const rules = first !== undefined && RULE_METHODS.test(first) && a.is(after, '(');
    const connections = first === 'Connections' && inner !== undefined && RULE_METHODS.test(inner) && a.is(last, '(');
    const dependency = first === 'Node' && inner === 'AddDependency' && a.is(last, '(');
    return rules || connections || dependency ? undefined : null;
  }
  if (!(a.is(end + 1, ',') || a.is(end + 1, ')') || a.is(end + 1, '}'))) {
    return null;
  }
  const bracket = a.parent[start];
  const before = start - 1;
  if (a.is(bracket, '(') && (a.is(before, '(') || a.is(before, ','))) {
    const method = a.isAccess(bracket - 2) ? a.id(bracket - 1) : undefined;
    if (method !== undefined && RULE_METHODS.test(method)) {
      return undefined;
    }
    return method === 'AddSecurityGroup' ? receiverType(a, dialect, bracket - 2) : null;
  }
  if (!a.is(bracket, '{')) {
    return null;
  }
  // `SecurityGroup = sg` (Go `SecurityGroup: sg`) in a props literal.
  if (a.is(before, dialect.separator) && a.isId(before - 1) && (a.is(before - 2, '{') || a.is(before - 2, ','))) {
    return a.tokens.text(before - 1) === 'SecurityGroup' ? propsOwner(a, dialect, bracket) : null;
  }
  // An element of `SecurityGroups = new[] { a, b }`, `new List<ISecurityGroup> { sg }`, Go's `SecurityGroups: &[]awsec2.ISecurityGroup{sg}`.
  if (a.is(before, '{') || a.is(before, ',')) {
    let k = bracket - 1;
    while (k > bracket - 8 && !a.is(k, dialect.separator) && !a.is(k, ';') && !a.is(k, '{')) {
      k--;
    }
    const listed = a.is(k, dialect.separator) && a.idIs(k - 1, 'SecurityGroups') && (a.is(k - 2, '{') || a.is(k - 2, ','));
    return listed ? propsOwner(a, dialect, a.parent[k]) : null;
  }
  return null;
}

/** The construct whose props literal opens at `brace`: `new X(this, "id", new XProps { ... })`, Go `pkg.NewX(stack, id, &pkg.XProps{ ... })`; null when unknown. */
function propsOwner(a: CodeAnalyzer, dialect: Dialect, brace: number): Use {
  let k = brace - 1;
  if (a.is(k, ')') && a.partner[k] === k - 1) {
    k -= 2;
  }
  while (a.isId(k) && a.isAccess(k - 1) && a.isId(k - 2)) {
    k -= 2;
  }
  const made = a.idIs(k, 'new') ? k : a.idIs(k - 1, 'new') || a.is(k - 1, '&') ? k - 1 : a.language.family === 'go' ? k : -1;
  const open = made >= 0 ? a.parent[made] : -1;
  const args = open >= 0 && a.is(open, '(') ? segments(a, open) : [];
  return args.length >= 3 && args[2][0] === made ? construct(a, dialect, dialect.typesAt(open)) : null;
}

/** The type of the construct a `x.AddSecurityGroup` or `x.Connections.AddSecurityGroup` receiver holds, where a local made it in place. */
function receiverType(a: CodeAnalyzer, dialect: Dialect, access: number): Use {
  let name = access - 1;
  if (a.language.family === 'go' && a.is(name, ')') && a.is(name - 1, '(')) {
    name -= 2;
  }
  name = a.idIs(name, 'Connections') && a.isAccess(name - 1) ? name - 2 : name;
  const binding = a.isId(name) && !a.isAccess(name - 1) ? a.scopes.lookup(a.tokens.text(name), name, true) : undefined;
  const start = binding?.expression ?? -1;
  const path = start >= 0 ? a.dottedPath(a.idIs(start, 'new') ? start + 1 : start) : undefined;
  return path && a.is(path.end, '(') ? construct(a, dialect, dialect.typesAt(path.end)) : null;
}

/**
 * The construct type a class may be: Go's package names the one made, a data store or not; in C#, a construct known
 * to hold no data, else a data store's; null where it may be a class of the project (which might hold either kind of
 * store), or one the file itself declares.
 */
function construct(a: CodeAnalyzer, dialect: Dialect, candidates: readonly string[]): Use {
  if (dialect.exact) {
    return candidates[0] ?? null;
  }
  const name = candidates[0]?.slice(candidates[0].lastIndexOf('.') + 1);
  if (name === undefined || a.text.includes(`class ${name}`)) {
    return null;
  }
  // A name no data store's namespace holds (`FargateService`) is the construct the using of its own namespace gives.
  const known = candidates.find((type) => HOLDS_NO_DATA.has(type));
  const store = candidates.find((type) => isDataStore(type) && DATA_CLASS.test(type));
  return known ?? store ?? null;
}

/** Marks the broad rules of each group by what the file gives the group to (see `GroupUses.settle`). */
export function settleTypedGroups(a: CodeAnalyzer, groups: readonly TypedGroup[], rules: ReadonlyMap<number, IngressRule[]>): void {
  const dialect = dialectOf(a);
  const uses = new GroupUses();
  groups.forEach((group, position) => {
    (rules.get(group.method) ?? []).forEach((rule) => uses.rule(rule, String(position)));
    uses.name(String(position), [a.tokens.text(group.binding.token)]);
    for (const use of groupUses(a, dialect, group)) {
      if (use !== undefined) {
        uses.use(String(position), use ?? undefined);
      }
    }
  });
  uses.settle();
}
