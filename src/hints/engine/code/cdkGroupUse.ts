/**
 * What a CDK security group protects, as far as its file shows: the constructs it is handed to
 * (`securityGroup: sg`, `securityGroups: [sg]`, `security_groups=[sg]`, `lb.addSecurityGroup(sg)`, a
 * construct's `connections: new ec2.Connections({ securityGroups: [sg] })`). A group that the file gives
 * only to constructs that are not data stores (a load balancer, a service, a function, an endpoint) gets
 * its every-port rules marked as serving others, as templates' groups do (see `iac/groupUse.ts`); so does a group
 * the file does not show given to anything whose names say it serves others (`lbSecurityGroup`, made with the
 * description "Security group for load balancers"). Any other group used nowhere, or anywhere the file does not
 * show what takes it, keeps them.
 */
import { GroupUses, namedForOthers, opensBroadRange, servesOthers } from '../iac/groupUse';
import { IngressRule, OptionContext } from '../model';
import { Binding } from '../scope/scopes';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { importedPath } from './calls';
import { cdkIngress } from './cdk';
import { heldArgumentsText } from './cdkHeldArguments';
import { bundledFunction, cdkConstructType, Value } from './values';
import { functionName } from './helperFunctions';
import { settleTypedGroups, TypedGroup, typedGroupOf } from './languages/typedCdkGroups';
import { javaBuilderOwner, javaConstructTypes } from './languages/javaCdk';

const ADD_INGRESS = /^(?:addIngressRule|add_ingress_rule)$/;
/** A group's own rule methods: they add rules, and attach the group to nothing. */
const OWN_RULES = /^(?:addIngressRule|addEgressRule|add_ingress_rule|add_egress_rule)$/;
/** Methods that take a group as the peer of a rule on another group: naming a peer attaches nothing. */
const PEER_METHODS = /^(?:addIngressRule|addEgressRule|add_ingress_rule|add_egress_rule|allowFrom|allowTo|allow_from|allow_to|allowDefaultPortFrom|allowDefaultPortTo|allow_default_port_from|allow_default_port_to)$/;
/** Rules a construct's `connections` opens on the construct's own security groups. */
const CONNECTIONS_RULES = /^(?:allowFrom|allow_from|allowFromAnyIpv4|allow_from_any_ipv4)$/;
/** Constructs whose `connections` are a group's: their rules are read as the group's (see groupOf). */
const GROUP_CONSTRUCTS = new Set(['aws_ec2.SecurityGroup', 'aws_ec2.Connections']);
const ATTACHING_METHODS = /^(?:addSecurityGroup|add_security_group)$/;
const ATTACHING_PROPS = new Set(['securitygroup', 'securitygroups']);

/** Groups with every-port rules read per file; past this many (generated code), every rule keeps its findings. */
const MAX_GROUPS = 64;

/** What an occurrence of a group says: neutral (undefined), the construct type it is given to, or null for unknown. */
type Use = string | null | undefined;

/** The ingress of the file's construct method calls, each rule marked where its group serves others only. */
export function cdkGroupIngress(a: CodeAnalyzer, contexts: readonly OptionContext[]): IngressRule[] {
  const rules: IngressRule[] = [];
  const groups: { rules: IngressRule[]; binding: Binding<Value>; field?: string; classScope?: number }[] = [];
  // Groups read by their names, each a pass over the file: past MAX_GROUPS (generated code), the rest keep their findings.
  let namedChecks = 0;
  // C# and Go (`languages/typedCdkGroups.ts`); a C# bare class name is one type per namespace the file uses whole, so one call may make a context per type.
  const typedGroups: TypedGroup[] = [];
  const typedRules = new Map<number, IngressRule[]>();
  for (const context of contexts) {
    // Go's arguments are read in TypeScript's terms by the option's literal (`goCdkValues.ts`), which keeps them.
    const held = a.language.family === 'js' || a.language.family === 'python';
    const own = cdkIngress([context], held ? (option) => heldArgumentsText(a, ...a.tokensOf(option.value)) : undefined);
    rules.push(...own);
    const broad = own.filter(opensBroadRange);
    if (broad.length > 0 && opensOnOthers(a, context)) {
      broad.forEach((rule) => (rule.servesOthersOnly = true));
      continue;
    }
    if ((a.language.family === 'csharp' || a.language.family === 'go') && broad.length > 0) {
      const method = a.tokensOf(context.options[0].key)[0];
      const seen = typedRules.get(method);
      typedRules.set(method, [...(seen ?? []), ...broad]);
      const group = !seen && typedGroups.length <= MAX_GROUPS && ADD_INGRESS.test(context.options[0].name) ? typedGroupOf(a, context) : undefined;
      if (group) {
        typedGroups.push(group);
      }
      if (group || typedGroups.some((read) => read.method === method)) {
        continue;
      }
    }
    const group = broad.length > 0 && groups.length <= MAX_GROUPS && context.type === 'aws_ec2.SecurityGroup' && ADD_INGRESS.test(context.options[0].name) ? groupOf(a, context) : undefined;
    if (group) {
      groups.push({ ...group, rules: broad });
    } else if (broad.length > 0 && context.type === 'aws_ec2.SecurityGroup' && namedChecks++ < MAX_GROUPS && namedForOthers(groupNames(a, context)) && !givenToStore(a, context)) {
      broad.forEach((rule) => (rule.servesOthersOnly = true));
    }
  }
  if (typedGroups.length > 0 && typedGroups.length <= MAX_GROUPS) {
    settleTypedGroups(a, typedGroups, typedRules);
  }
  if (groups.length === 0 || groups.length > MAX_GROUPS) {
    return rules;
  }
  const uses = new GroupUses();
  const byName = new Map<string, number[]>();
  groups.forEach((group, position) => {
    const name = group.field ?? a.tokens.text(group.binding.token);
    byName.set(name, [...(byName.get(name) ?? []), position]);
    for (const rule of group.rules) {
      uses.rule(rule, String(position));
    }
    uses.name(String(position), [name, ...constructorStrings(a, group.binding)]);
  });
  const assignments = new Map<number, number>();
  for (let k = 0; k < a.tokens.length; k++) {
    const positions = a.isId(k) ? byName.get(a.tokens.text(k)) : undefined;
    for (const position of positions ?? []) {
      const group = groups[position];
      const start = group.field ? k - 2 : k;
      if (!refersTo(a, k, group)) {
        // Another binding of the same name in the group's function hides where the group goes next.
        if (!group.field && a.is(k + 1, '=') && a.scopes.enclosing(k, ['function']) === a.scopes.enclosing(group.binding.token, ['function'])) {
          uses.use(String(position), undefined);
        }
        continue;
      }
      if (k === group.binding.token || a.is(k + 1, '=')) {
        assignments.set(position, (assignments.get(position) ?? 0) + 1);
        continue;
      }
      const use = useAt(a, start, k);
      if (use !== undefined) {
        uses.use(String(position), use ?? undefined);
      }
    }
  }
  for (const [position, count] of assignments) {
    if (count > 1) {
      uses.use(String(position), undefined);
    }
  }
  uses.settle();
  return rules;
}

/**
 * Whether a rule is written on the connections of a construct that holds no data (`asg.connections.allowFromAnyIpv4(...)`,
 * `lb.connections.allowFrom(...)`): it opens that construct's security groups, not a database's. A security
 * group's own connections and anything of unknown type say nothing.
 */
function opensOnOthers(a: CodeAnalyzer, context: OptionContext): boolean {
  const method = a.tokensOf(context.options[0].key)[0];
  const onConnections = CONNECTIONS_RULES.test(context.options[0].name) && a.isAccess(method - 1) && a.idIs(method - 2, 'connections') && a.isAccess(method - 3);
  return onConnections && !GROUP_CONSTRUCTS.has(context.type) && servesOthers(context.type) === true;
}

/**
 * The names an `addIngressRule` call's group goes by: the receiver's name (`lbSecurityGroup`), and the strings it
 * was made with (its id, `securityGroupName` and description) where its variable or `this.x`/`self.x` field shows them.
 */
function groupNames(a: CodeAnalyzer, context: OptionContext): string[] {
  const method = a.tokensOf(context.options[0].key)[0];
  const name = method - 2;
  if (!a.isAccess(method - 1) || !a.isId(name)) {
    return [];
  }
  const own = (a.idIs(name - 2, 'this') || a.idIs(name - 2, 'self')) && !a.isAccess(name - 3);
  const binding = !a.isAccess(name - 1) ? a.scopes.lookup(a.tokens.text(name), name) : own ? a.scopes.member(a.scopes.enclosing(name, ['class']), a.tokens.text(name), true) : undefined;
  return [a.tokens.text(name), ...(binding ? constructorStrings(a, binding) : [])];
}

/** Whether the file gives the receiver of a rule, read by its name where it is read the same way, to a construct that holds data. */
function givenToStore(a: CodeAnalyzer, context: OptionContext): boolean {
  const method = a.tokensOf(context.options[0].key)[0];
  const name = a.tokens.text(method - 2);
  for (let k = 0; k < a.tokens.length; k++) {
    if (k !== method - 2 && a.idIs(k, name) && a.isAccess(k - 1) === a.isAccess(method - 3)) {
      const use = useAt(a, a.isAccess(k - 1) ? k - 2 : k, k);
      if (use && servesOthers(use) === false) {
        return true;
      }
    }
  }
  return false;
}

/** The string literals written among the arguments of the `new ec2.SecurityGroup(...)` a binding holds. */
function constructorStrings(a: CodeAnalyzer, binding: Binding<Value>): string[] {
  if (!madeAsGroup(a, binding)) {
    return [];
  }
  const start = a.language.family === 'python' ? binding.expression : binding.expression + 1;
  const open = constructorOpen(a, start);
  const strings: string[] = [];
  for (let k = open + 1; k < a.partner[open]; k++) {
    if (a.isString(k)) {
      strings.push(a.tokens.text(k));
    }
  }
  return strings;
}

/** The group an `addIngressRule` call's receiver names: a variable or a `this.x`/`self.x` field bound to `new ec2.SecurityGroup(...)`. */
function groupOf(a: CodeAnalyzer, context: OptionContext): { binding: Binding<Value>; field?: string; classScope?: number } | undefined {
  const method = a.tokensOf(context.options[0].key)[0];
  const name = method - 2;
  if (!a.isAccess(method - 1) || !a.isId(name)) {
    return undefined;
  }
  if (a.isAccess(name - 1)) {
    const classScope = (a.idIs(name - 2, 'this') || a.idIs(name - 2, 'self')) && !a.isAccess(name - 3) ? a.scopes.enclosing(name, ['class']) : -1;
    const field = a.tokens.text(name);
    const binding = classScope > 0 && privateField(a, classScope, field) ? a.scopes.member(classScope, field, true) : undefined;
    return binding && madeAsGroup(a, binding) ? { binding, field, classScope } : undefined;
  }
  const binding = a.scopes.lookup(a.tokens.text(name), name);
  return binding && madeAsGroup(a, binding) ? { binding } : undefined;
}

/**
 * Whether a class keeps a field to itself: declared `private` or `protected` in a TypeScript class body, or
 * named with a leading underscore in Python. Another file (a stack handed the construct) may give a public
 * field to a database, so its uses in this file do not tell what it protects.
 */
function privateField(a: CodeAnalyzer, classScope: number, field: string): boolean {
  if (a.language.family === 'python') {
    return field.startsWith('_');
  }
  const [start, end] = a.scopes.range(classScope);
  for (let k = start; k < end; k++) {
    if (a.idIs(k, field) && !a.isAccess(k - 1)) {
      const modifier = a.idIs(k - 1, 'readonly') ? k - 2 : k - 1;
      if (a.idIs(modifier, 'private') || a.idIs(modifier, 'protected')) {
        return true;
      }
    }
  }
  return false;
}

/** Whether a binding's expression is `new ec2.SecurityGroup(...)` (Python `ec2.SecurityGroup(...)`). */
function madeAsGroup(a: CodeAnalyzer, binding: Binding<Value>): boolean {
  const start = binding.expression;
  if (start < 0 || binding.destructured || binding.unpacked || binding.element) {
    return false;
  }
  if (a.language.family === 'java') {
    return javaConstructTypes(a, start).includes('aws_ec2.SecurityGroup');
  }
  const open = a.language.family === 'python' ? constructorOpen(a, start) : a.idIs(start, 'new') ? constructorOpen(a, start + 1) : -1;
  return open > 0 && constructAt(a, open) === 'aws_ec2.SecurityGroup';
}

/** The `(` after the dotted name that starts at `from`, or -1. */
function constructorOpen(a: CodeAnalyzer, from: number): number {
  const path = a.dottedPath(from);
  return path.text && a.is(path.end, '(') ? path.end : -1;
}

/** Whether the name at `k` is the group: its variable in scope, or its field read through `this`/`self` in its class. */
function refersTo(a: CodeAnalyzer, k: number, group: { binding: Binding<Value>; field?: string; classScope?: number }): boolean {
  if (group.field) {
    return a.isAccess(k - 1) && (a.idIs(k - 2, 'this') || a.idIs(k - 2, 'self')) && !a.isAccess(k - 3) && a.scopes.enclosing(k, ['class']) === group.classScope;
  }
  return !a.isAccess(k - 1) && a.scopes.lookup(a.tokens.text(k), k) === group.binding;
}

/** What the group named by tokens [start, end] is used for there. */
function useAt(a: CodeAnalyzer, start: number, end: number): Use {
  if (a.isAccess(end + 1)) {
    const member = a.id(end + 2);
    if (member && OWN_RULES.test(member) && a.is(end + 3, '(')) {
      return undefined;
    }
    const allow = member === 'connections' && a.isAccess(end + 3) ? a.id(end + 4) : undefined;
    return allow && PEER_METHODS.test(allow) && a.is(end + 5, '(') ? undefined : null;
  }
  const before = start - 1;
  const after = end + 1;
  if (a.language.family === 'java' && a.idIs(before, 'return') && a.is(after, ';') && returnsDepth === 0) {
    return returnedUse(a, start);
  }
  if (!(a.is(after, ',') || a.is(after, ')') || a.is(after, ']') || a.is(after, '}'))) {
    return null;
  }
  const bracket = a.parent[start];
  if (a.is(before, '(') || a.is(before, ',') || a.is(before, '[')) {
    if (a.is(bracket, '(') && a.isAccess(bracket - 2) && a.isId(bracket - 1)) {
      const method = a.tokens.text(bracket - 1);
      if (PEER_METHODS.test(method)) {
        return undefined;
      }
      // Java: a builder's `.securityGroup(sg)`, or `.securityGroups(List.of(sg))`, gives the group to the construct built.
      const listed = a.language.family === 'java' && /^(?:of|asList)$/.test(method) && a.is(a.parent[bracket], '(') ? a.parent[bracket] : bracket;
      if (a.language.family === 'java' && a.isAccess(listed - 2) && ATTACHING_PROPS.has(normalizeName(a.id(listed - 1) ?? ''))) {
        // Of the types a class name may be (services imported whole), the one a group can be given to.
        const owners = javaBuilderOwner(a, listed).filter((type) => servesOthers(type) !== undefined);
        return owners.length === 1 ? owners[0] : null;
      }
      if (ATTACHING_METHODS.test(method)) {
        const receiver = receiverValue(a, bracket - 2);
        return receiver?.t === 'construct' ? receiver.type : null;
      }
    }
    // An element of `securityGroups: [a, b]`.
    return a.is(bracket, '[') && propKey(a, bracket - 1) === 'securitygroups' ? propsOwner(a, a.parent[bracket]) : null;
  }
  const key = propKey(a, before);
  return key && ATTACHING_PROPS.has(key) ? propsOwner(a, bracket) : null;
}

/** The normalized key of a prop, `key: value` or Python's keyword `key=value`, whose separator is at `separator` (an assignment is no prop). */
function propKey(a: CodeAnalyzer, separator: number): string | undefined {
  const python = a.language.family === 'python';
  const key = python ? a.isId(separator - 1) : a.isId(separator - 1) || a.isString(separator - 1);
  return key && a.is(separator, python ? '=' : ':') ? normalizeName(a.tokens.text(separator - 1)) : undefined;
}

/** The construct whose props the bracket at `props` holds: `new X(scope, id, { … })`, Python `X(scope, id, …=…)`; null when unknown. */
function propsOwner(a: CodeAnalyzer, props: number): string | null {
  const open = a.language.family === 'python' ? props : a.is(props, '{') ? a.parent[props] : -1;
  if (open < 0 || !a.is(open, '(')) {
    return null;
  }
  const construct = constructAt(a, open);
  if (construct !== 'aws_ec2.Connections') {
    return construct ?? null;
  }
  // `connections: new ec2.Connections({ securityGroups: [sg] })`: the construct that takes the connections.
  let start = open - 1;
  while (a.isAccess(start - 1) && a.isId(start - 2)) {
    start -= 2;
  }
  start = a.language.family === 'python' ? start : start - 1;
  const close = a.partner[open];
  const inner = propKey(a, start - 1) === 'connections' && (a.is(close + 1, ',') || a.is(close + 1, ')') || a.is(close + 1, '}'));
  return inner ? propsOwner(a, a.parent[start]) : null;
}

/** The CDK construct type the call whose arguments open at `open` makes (`new ec2.SecurityGroup(`, Python `ec2.SecurityGroup(`), or undefined. */
function constructAt(a: CodeAnalyzer, open: number): string | undefined {
  let start = open - 1;
  if (!a.isId(start)) {
    return undefined;
  }
  while (a.is(start - 1, '.') && a.isId(start - 2)) {
    start -= 2;
  }
  if (a.language.family !== 'python' && !a.idIs(start - 1, 'new')) {
    return undefined;
  }
  const root = a.lookup(a.tokens.text(start), start);
  if (root?.t !== 'ref') {
    return undefined;
  }
  const path = importedPath(a, root.path, start, open - 1);
  return cdkConstructType(root.module, path) ?? bundledFunction(root.module, path);
}


/** The value of the receiver chain that ends just before the access at `access` (`lb` in `lb.addSecurityGroup`). */
function receiverValue(a: CodeAnalyzer, access: number): Value | undefined {
  let start = access - 1;
  while (a.isAccess(start - 1) && a.isId(start - 2)) {
    start -= 2;
  }
  return a.isId(start) && !a.isAccess(start - 1) ? a.evalChain(start, access).value : undefined;
}

/** Whether `returnedUse` is following a group out of a method, so that it follows one method at most. */
let returnsDepth = 0;

/**
 * Java: what a group a method returns (`return sg;`) is used for where the file calls the method: the use of each
 * call's result, passed on in place (`.securityGroup(createSecurityGroup(vpc))`) or through a local declared with it
 * (`var sg = createSecurityGroup(vpc);` then `.securityGroup(sg)`). Neutral or one construct type where every use
 * agrees; null (unknown) otherwise, or where the file never calls the method.
 */
function returnedUse(a: CodeAnalyzer, returned: number): Use {
  const scope = a.scopes.enclosing(returned, ['function']);
  const fn = scope > 0 ? a.functions.get(scope) : undefined;
  const nameAt = fn ? functionName(a, fn) : -1;
  if (nameAt < 0) {
    return null;
  }
  const name = a.tokens.text(nameAt);
  const found: Use[] = [];
  returnsDepth++;
  try {
    for (let k = 0; k < a.tokens.length; k++) {
      if (k === nameAt || !a.idIs(k, name) || !a.is(k + 1, '(') || (a.isAccess(k - 1) && !a.idIs(k - 2, 'this'))) {
        continue;
      }
      const start = a.isAccess(k - 1) ? k - 2 : k;
      const close = a.partner[k + 1];
      const local = a.is(start - 1, '=') && a.isId(start - 2) && a.is(close + 1, ';') ? start - 2 : -1;
      if (local < 0) {
        found.push(useAt(a, start, close));
        continue;
      }
      const binding = a.scopes.lookup(a.tokens.text(local), local + 1);
      const [, end] = a.scopes.range(a.scopes.enclosing(local, ['function']));
      for (let use = close + 1; use < end; use++) {
        if (a.idIs(use, a.tokens.text(local)) && !a.isAccess(use - 1) && a.scopes.lookup(a.tokens.text(use), use) === binding) {
          found.push(a.is(use + 1, '=') ? null : useAt(a, use, use));
        }
      }
    }
  } finally {
    returnsDepth--;
  }
  const known = found.filter((use) => use !== undefined);
  return found.length === 0 || known.some((use) => use === null || use !== known[0]) ? null : known[0];
}
