/**
 * What a C# CDK security group protects, as its file shows it (the C# side of `cdkGroupUse.ts`): a group made with
 * `new SecurityGroup(this, "Sg", new SecurityGroupProps { ... })` into a local, or into a class's private field
 * (`private SecurityGroup sg;` set once in one method, used in others), and handed to constructs through their
 * props' object initializers (`SecurityGroup = sg`, `SecurityGroups = new[] { sg }`, `new List<ISecurityGroup> { sg }`)
 * or `x.Connections.AddSecurityGroup(sg)`. Its own rules, `sg.Node.AddDependency(...)` and naming it as another
 * group's peer attach nothing. Anything else (a public field another stack may read, a props variable, a construct of
 * the project, `sg.SecurityGroupId` passed on) leaves what it protects unknown.
 */
import { GroupUses, isDataStore } from '../../iac/groupUse';
import { IngressRule, OptionContext } from '../../model';
import { Binding } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { Value } from '../values';
import { csharpCdkTypes } from './csharpCdk';

/** What an occurrence of a group says: neutral (undefined), the construct type it is given to, or null for unknown. */
type Use = string | null | undefined;

/** A group read in C#: the binding its receiver names (a local, or a private field of its class) and where its name is read. */
export interface CsharpGroup {
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
const ATTACHING_PROPS = new Set(['SecurityGroup', 'SecurityGroups']);
/** Modifiers that let other files read a field: its uses in this file do not tell what it protects. */
const SHARED = new Set(['public', 'protected', 'internal']);

/**
 * The group an `AddIngressRule` call's receiver names, where it is a local or a private field made as
 * `new SecurityGroup(...)` once (the call's context may be of any type the receiver's bare class name may be).
 */
export function csharpGroupOf(a: CodeAnalyzer, context: OptionContext): CsharpGroup | undefined {
  const method = a.tokensOf(context.options[0].key)[0];
  const name = method - 2;
  if (!a.isAccess(method - 1) || !a.isId(name)) {
    return undefined;
  }
  const classScope = a.scopes.enclosing(name, ['class']);
  const own = a.isAccess(name - 1) && a.idIs(name - 2, 'this') && !a.isAccess(name - 3);
  if (classScope <= 0 || (a.isAccess(name - 1) && !own)) {
    return undefined;
  }
  const text = a.tokens.text(name);
  const binding = own ? a.scopes.member(classScope, text, true) : a.scopes.lookup(text, name, true);
  if (!binding || binding.method || binding.element || binding.destructured) {
    return undefined;
  }
  const types = csharpCdkTypes(a);
  const field = a.scopes.member(classScope, text, true) === binding;
  const declaration = field ? fieldDeclaration(a, classScope, text, types) : binding.token;
  const range = field ? a.scopes.range(classScope) : a.scopes.range(a.scopes.enclosing(binding.token, ['function']));
  const group = { method, binding, range, classScope, field };
  if (declaration < 0) {
    return undefined;
  }
  // Made once: the declaration's value, or a single assignment elsewhere when a field is declared without one.
  const values = occurrences(a, group, text)
    .filter((k) => a.is(k + 1, '='))
    .map((k) => k + 2);
  const made = values.length === 1 && madeAsGroup(a, values[0], declaration, types);
  return made ? { ...group, declaration } : undefined;
}

/** What each read of the group's name says it is given to (see `useAt`). */
export function csharpGroupUses(a: CodeAnalyzer, group: CsharpGroup): Use[] {
  const types = csharpCdkTypes(a);
  const text = a.tokens.text(group.binding.token);
  return occurrences(a, group, text)
    .filter((k) => k !== group.declaration && !a.is(k + 1, '='))
    .map((k) => useAt(a, a.isAccess(k - 1) ? k - 2 : k, k, types));
}

/** The tokens in the group's range that name it: its bare name bound to it, or `this.name` of its class. */
function occurrences(a: CodeAnalyzer, group: CsharpGroup, text: string): number[] {
  const found: number[] = [];
  for (let k = group.range[0]; k < group.range[1]; k++) {
    if (!a.idIs(k, text)) {
      continue;
    }
    const own = a.isAccess(k - 1) && a.idIs(k - 2, 'this') && !a.isAccess(k - 3) && a.scopes.enclosing(k, ['class']) === group.classScope;
    const bound = own ? a.scopes.member(group.classScope, text, true) : a.isAccess(k - 1) ? undefined : a.scopes.lookup(text, k, true);
    if (bound !== undefined && bound === (group.field ? a.scopes.member(group.classScope, text, true) : group.binding)) {
      found.push(k);
    }
  }
  return found;
}

/**
 * The name token of the class's own declaration of a security group field it keeps to itself (`private SecurityGroup sg;`,
 * C#'s default access), or -1: a field other files may read, a property, or none found.
 */
function fieldDeclaration(a: CodeAnalyzer, classScope: number, text: string, types: (path: string) => string[]): number {
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

/** Whether the expression at `start` makes a security group: `new SecurityGroup(...)`, or `new(...)` for a name declared a `SecurityGroup`. */
function madeAsGroup(a: CodeAnalyzer, start: number, name: number, types: (path: string) => string[]): boolean {
  if (start < 0 || !a.idIs(start, 'new')) {
    return false;
  }
  const path = a.is(start + 1, '(') && a.isId(name - 1) ? a.tokens.text(name - 1) : a.dottedPath(start + 1).text;
  return types(path).includes('aws_ec2.SecurityGroup');
}

/** What the group named by tokens [start, end] is used for there. */
function useAt(a: CodeAnalyzer, start: number, end: number, types: (path: string) => string[]): Use {
  if (a.isAccess(end + 1)) {
    const member = a.id(end + 2);
    const inner = a.isAccess(end + 3) ? a.id(end + 4) : undefined;
    const rules = member !== undefined && RULE_METHODS.test(member) && a.is(end + 3, '(');
    const connections = member === 'Connections' && inner !== undefined && RULE_METHODS.test(inner) && a.is(end + 5, '(');
    const dependency = member === 'Node' && inner === 'AddDependency' && a.is(end + 5, '(');
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
    return method === 'AddSecurityGroup' ? receiverType(a, bracket - 2, types) : null;
  }
  if (!a.is(bracket, '{')) {
    return null;
  }
  // `SecurityGroup = sg` in a props initializer.
  if (a.is(before, '=') && a.isId(before - 1) && (a.is(before - 2, '{') || a.is(before - 2, ','))) {
    return a.tokens.text(before - 1) === 'SecurityGroup' ? propsOwner(a, bracket, types) : null;
  }
  // An element of `SecurityGroups = new[] { a, b }`, `new ISecurityGroup[] { sg }`, `new List<ISecurityGroup> { sg }`.
  if (a.is(before, '{') || a.is(before, ',')) {
    let k = bracket - 1;
    while (k > bracket - 8 && !a.idIs(k, 'new') && !a.is(k, '=')) {
      k--;
    }
    const assigned = a.idIs(k, 'new') && a.is(k - 1, '=') && ATTACHING_PROPS.has(a.tokens.text(k - 2)) && (a.is(k - 3, '{') || a.is(k - 3, ','));
    return assigned && a.tokens.text(k - 2) === 'SecurityGroups' ? propsOwner(a, a.parent[k], types) : null;
  }
  return null;
}

/** The construct whose props initializer opens at `brace`: `new X(this, "id", new XProps { ... })`; null when unknown. */
function propsOwner(a: CodeAnalyzer, brace: number, types: (path: string) => string[]): Use {
  let k = brace - 1;
  if (a.is(k, ')') && a.partner[k] === k - 1) {
    k -= 2;
  }
  while (a.isId(k) && a.isAccess(k - 1) && a.isId(k - 2)) {
    k -= 2;
  }
  const made = a.idIs(k, 'new') ? k : a.idIs(k - 1, 'new') ? k - 1 : -1;
  const open = made >= 0 ? a.parent[made] : -1;
  const args = open >= 0 && a.is(open, '(') ? segments(a, open) : [];
  if (args.length < 3 || args[2][0] !== made || !a.isId(open - 1)) {
    return null;
  }
  let name = open - 1;
  while (a.isAccess(name - 1) && a.isId(name - 2)) {
    name -= 2;
  }
  return a.idIs(name - 1, 'new') ? construct(a, a.dottedPath(name).text, types) : null;
}

/** The type of the construct a `x.AddSecurityGroup` or `x.Connections.AddSecurityGroup` receiver holds, where a local or field made it in place. */
function receiverType(a: CodeAnalyzer, access: number, types: (path: string) => string[]): Use {
  const name = a.idIs(access - 1, 'Connections') && a.isAccess(access - 2) ? access - 3 : access - 1;
  const binding = a.isId(name) && !a.isAccess(name - 1) ? a.scopes.lookup(a.tokens.text(name), name, true) : undefined;
  const start = binding?.expression ?? -1;
  return start >= 0 && a.idIs(start, 'new') && a.isId(start + 1) ? construct(a, a.dottedPath(start + 1).text, types) : null;
}

/**
 * The construct type a class path names: a CDK construct known to hold no data, else a data store's; null where it
 * may be a class of the project (which might hold either kind of store), or one the file itself declares.
 */
function construct(a: CodeAnalyzer, path: string, types: (path: string) => string[]): Use {
  const candidates = types(path);
  if (a.text.includes(`class ${path.slice(path.lastIndexOf('.') + 1)}`)) {
    return null;
  }
  // A name no data store's namespace holds (`FargateService`) is the construct the using of its own namespace gives.
  const known = candidates.find((type) => HOLDS_NO_DATA.has(type));
  const store = candidates.find((type) => isDataStore(type) && DATA_CLASS.test(type));
  return known ?? store ?? null;
}

/** Marks the broad rules of each C# group by what the file gives the group to (see `GroupUses.settle`). */
export function settleCsharpGroups(a: CodeAnalyzer, groups: readonly CsharpGroup[], rules: ReadonlyMap<number, IngressRule[]>): void {
  const uses = new GroupUses();
  groups.forEach((group, position) => {
    (rules.get(group.method) ?? []).forEach((rule) => uses.rule(rule, String(position)));
    uses.name(String(position), [a.tokens.text(group.binding.token)]);
    for (const use of csharpGroupUses(a, group)) {
      if (use !== undefined) {
        uses.use(String(position), use ?? undefined);
      }
    }
  });
  uses.settle();
}
