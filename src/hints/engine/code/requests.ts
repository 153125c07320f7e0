/**
 * Requests built apart from the call that sends them: an object literal in a variable that later
 * assignments complete (`input.FilterExpression = '...'`, C# `request.ExclusiveStartKey = ...`, Go
 * `input.ExclusiveStartKey = out.LastEvaluatedKey`), and requests a same-file helper returns (`countInput(t)`).
 */
import { OptionContext, OptionOccurrence } from '../model';
import type { Binding } from '../scope/scopes';
import { Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import type { OptionSlot } from './language';
import { expressionEnd } from './braces';
import { contextFrom, occurrenceOf } from './options';
import type { Value } from './values';
import { calledOverload } from './languages/jvmOverloads';
import { firstAtOrAfter, holds, literalOpen, reachingBindings } from './reachingAssignments';

/** Names of the object a method runs on: `this.x = ...` sets a field, not a request's option. */
const SELF_NAMES = ['this', 'self', 'cls'];
/** How many assignments to one request variable are read: per call that passes a literal, and per request built apart. */
const MAX_ASSIGNMENTS_PER_CALL = 16;
const MAX_ASSIGNMENTS_READ = 64;
/** How many `return`s of a helper are read for the request it builds (it returns one in its first few). */
const MAX_RETURNS_READ = 8;
/** How deep a returned variable is followed into the helper it came from: each level reads up to `MAX_RETURNS_READ` returns. */
const MAX_HELPERS_DEEP = 2;
/** How many reassignments of a builder variable (`b = b.limit(10)`) are followed back to the request it builds. */
const MAX_REASSIGNMENTS_FOLLOWED = 16;
/** How many setters of one builder chain are read: a request has a few dozen options at most, and a longer chain is not one. */
const MAX_CHAIN_CALLS = 64;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;

/**
 * Records `x.name = expr` (the `=` at `eq`) when `x` is a plain variable; languages call it in token order.
 * With `bracketKeys`, `x['name'] = expr` too: JavaScript writes a request's key either way.
 */
export function noteMemberAssignment(a: CodeAnalyzer, eq: number, bracketKeys = false): void {
  const object = assignedObject(a, eq);
  if (object >= 0 && (bracketKeys || object === eq - 3) && a.isId(object) && !a.isAccess(object - 1) && !a.tokens.isOneOf(object, SELF_NAMES)) {
    const name = a.tokens.text(object);
    const sites = a.memberAssignments.get(name);
    if (sites) {
      sites.push(eq);
    } else {
      a.memberAssignments.set(name, [eq]);
    }
  }
}

/** The object's token of `x.name = ...` or `x['name'] = ...` (the `=` at `eq`), or -1. */
export function assignedObject(a: CodeAnalyzer, eq: number): number {
  if (a.isId(eq - 1) && a.isAccess(eq - 2)) {
    return eq - 3;
  }
  return isBracketKey(a, eq) ? eq - 4 : -1;
}

/** The key's token of `x.name = ...` or `x['name'] = ...` (the `=` at `eq`). */
export function assignedKey(a: CodeAnalyzer, eq: number): number {
  return isBracketKey(a, eq) ? eq - 2 : eq - 1;
}

/** `x['name'] =`: a quoted key (no template, so its name is all there) in brackets right before the `=`. */
function isBracketKey(a: CodeAnalyzer, eq: number): boolean {
  const quote = a.tokens.source.charCodeAt(a.tokens.starts[eq - 2]);
  return a.is(eq - 1, ']') && a.is(eq - 3, '[') && a.isString(eq - 2) && (quote === SINGLE_QUOTE || quote === DOUBLE_QUOTE);
}

/** The `name.member = ...` statements (their `=`, in token order) that assign a member of the variable `binding` binds. */
export function memberAssignmentsOf(a: CodeAnalyzer, name: string, binding: Binding<Value>): number[] {
  const sites = a.memberAssignments.get(name) ?? [];
  const fn = a.scopes.enclosing(binding.token, ['function']);
  const end = fn > 0 ? a.scopes.range(fn)[1] : a.tokens.length;
  const found: number[] = [];
  for (let k = firstAtOrAfter(sites, binding.token, (site) => site); k < sites.length && sites[k] < end; k++) {
    if (a.scopes.lookup(name, sites[k]) === binding) {
      found.push(sites[k]);
    }
  }
  return found;
}

/**
 * The request an expression builds: right there, or returned by the same-file function or method it calls
 * (`countInput(t)`, `s.prefixQuery(node)`).
 */
export function requestBuiltBy(a: CodeAnalyzer, start: number, viaFunction = true, depth = 0): OptionContext | undefined {
  let k = start;
  while (a.is(k, '&') || a.idIs(k, 'new') || a.idIs(k, 'await')) {
    k++;
  }
  const built = a.requestAt.get(k) ?? a.requestAt.get(start) ?? builtFromVariable(a, k, depth);
  const called = built || !viaFunction ? -1 : calledName(a, k);
  if (called < 0) {
    return built;
  }
  const named = called === k ? a.lookup(a.tokens.text(k), k) : a.evalChain(k, called + 1).value;
  // Java and C# overloads: the declaration the call's arguments fit (`query(team, date)`, not `query(team, from, to)`).
  const fn = named?.t === 'function' ? calledOverload(a, named, a.tokens.text(called), called + 1) : named;
  if (fn?.t !== 'function') {
    // A function of another file of the workspace that the model says builds one.
    return a.language.projectRequest?.(a, k, called);
  }
  for (const returned of a.returnStarts(fn).slice(0, MAX_RETURNS_READ)) {
    const request = requestBuiltBy(a, returned, false, depth + 1);
    if (request) {
      return request;
    }
  }
  return undefined;
}

/** How many member names a method call's receiver may have (`r.queries.byOwner(id)`). */
const MAX_RECEIVER_MEMBERS = 4;

/** The name token of the call an expression at `k` makes (`countInput` in `countInput(t)`, `prefixQuery` in `s.prefixQuery(n)`), or -1. */
export function calledName(a: CodeAnalyzer, k: number): number {
  let name = k;
  for (let members = 0; a.isId(name) && a.isAccess(name + 1) && a.isId(name + 2) && members < MAX_RECEIVER_MEMBERS; members++) {
    name += 2;
  }
  return a.isId(name) && a.is(name + 1, '(') ? name : -1;
}

/**
 * A variable that holds a request, returned or passed whole (`return input, nil`), or a chain of builder calls
 * on a variable that holds a request builder: `builder.build()` (Java: `var request =
 * builder.build();` after `builder.limit(10)` under an `if`), or `builder = builder.limit(10)`, which sets options
 * on the same builder. The variable is looked up before the expression, and before its own assignment for a
 * reassignment, so a name cannot lead back to itself.
 */
function builtFromVariable(a: CodeAnalyzer, k: number, depth: number): OptionContext | undefined {
  const whole = a.isId(k) && !a.isAccess(k - 1) && endsExpression(a, k + 1);
  if (!a.isId(k) || depth >= MAX_REASSIGNMENTS_FOLLOWED || !(whole || isBuilderChain(a, k + 1))) {
    return undefined;
  }
  const name = a.tokens.text(k);
  let binding = a.scopes.lookup(name, k);
  if (binding && binding.expression === k) {
    binding = a.scopes.lookup(name, binding.token - 1);
  }
  if (binding && whole && binding.expression < 0) {
    // A parameter or an empty `var` declared as a request (Go's `var in dynamodb.ScanInput`), kept by its name's token.
    return a.requestAt.get(binding.token);
  }
  // A variable that a helper's result was assigned to (`in := ownerQuery(t); in.Limit = ...; return in`) reads that helper, near the first call only.
  const viaFunction = whole && depth < MAX_HELPERS_DEEP;
  return binding && binding.expression >= 0 && binding.expression < k ? requestBuiltBy(a, binding.expression, viaFunction, depth + 1) : undefined;
}

/** Whether a name's expression ends at `k`: `return input, nil`, `return input` at the end of its line, an argument. */
function endsExpression(a: CodeAnalyzer, k: number): boolean {
  return k >= a.tokens.length || a.is(k, ',') || a.is(k, ')') || a.is(k, ';') || a.is(k, '}') || a.startsLine(k);
}

/** Builder methods that end a chain of setters or start another request: what follows them is not the same builder. */
const CHAIN_BREAKS = new Set(['build', 'toBuilder']);

/**
 * Whether the tokens from `from` up to `end` are builder setters, each given an argument (`.limit(10).filterExpression(f)`);
 * without an `end`, a chain that may end in `.build()` and ends the expression.
 */
export function isBuilderChain(a: CodeAnalyzer, from: number, end = -1): boolean {
  let k = from;
  for (let calls = 0; k !== end && a.is(k, '.') && a.isId(k + 1) && a.is(k + 2, '(') && a.partner[k + 2] > k + 2; calls++) {
    if (calls === MAX_CHAIN_CALLS) {
      return false;
    }
    const close = a.partner[k + 2];
    const method = a.tokens.text(k + 1);
    if (end < 0 && method === 'build' && close === k + 3) {
      // `.build()` ends the chain with the request itself.
      return !a.is(close + 1, '.');
    }
    if (close === k + 3 || CHAIN_BREAKS.has(method)) {
      return false;
    }
    k = close + 1;
  }
  return end < 0 ? k > from && !a.is(k, '.') : k === end;
}

/**
 * The context of the object literal the variable at token `name` holds, with the options the code sets on
 * that variable afterwards (`input.FilterExpression = '...'`), or undefined when it holds no literal.
 */
export function variableContext(a: CodeAnalyzer, name: number, kind: OptionContext['kind'], type: string, anchor: Span): OptionContext | undefined {
  const open = a.objectVariable(a.tokens.text(name), name);
  if (open < 0 || a.partner[open] < 0) {
    return undefined;
  }
  const context = contextFrom(a, open, a.partner[open], kind, type, anchor);
  const text = a.tokens.text(name);
  const binding = a.scopes.lookup(text, name);
  for (const other of binding ? reachingBindings(a, text, binding, name).slice(1) : []) {
    const literal = literalOpen(a, other);
    if (literal >= 0) {
      a.contexts.push(contextFrom(a, literal, a.partner[literal], kind, type, anchor));
    }
  }
  const sites = a.memberAssignments.get(text) ?? [];
  if (!binding || sites.length === 0) {
    return context;
  }
  // Only assignments after the declaration and inside its function can set this variable. The literal is
  // read again for every call that passes it, so only a few are (a request gets a few keys this way).
  const fn = a.scopes.enclosing(binding.token, ['function']);
  const end = fn > 0 ? a.scopes.range(fn)[1] : a.tokens.length;
  for (let k = firstAtOrAfter(sites, binding.token, (site) => site), checked = 0; k < sites.length && sites[k] < end && checked < MAX_ASSIGNMENTS_PER_CALL; k++, checked++) {
    if (a.scopes.lookup(text, sites[k]) === binding) {
      const option = assignedOption(a, sites[k]);
      context.options.push(option);
      // `options.tls = { rejectUnauthorized: false }` before the client is made: the object's keys count as
      // they do written in place.
      const [first, valueEnd] = kind === 'redis-client' && sites[k] < name ? a.tokensOf(option.value) : [-1, -1];
      if (a.is(first, '{') && a.partner[first] === valueEnd - 1) {
        context.options.push(...contextFrom(a, first, a.partner[first], kind, type, anchor).options);
      }
    }
  }
  return context;
}

/** One request a dict variable holds on the way to its use: the literal assigned, and the keys statements add. */
export interface BranchRequest {
  open: number;
  slots: OptionSlot[];
}

/** A key statement (`params["Limit"] = 10`) with the if/elif/else branches around it, as chain to branch. */
interface PlacedSlot {
  slot: OptionSlot;
  branches: Map<number, number>;
}

/** How many requests one variable is read as, over its literals and the branches that add keys to them. */
const MAX_BRANCH_REQUESTS = 16;
/** Key statements read per variable for its branches: a request gets a few dozen keys at most; past this, it is read as one. */
const MAX_KEY_STATEMENTS = 64;

/**
 * The requests a dict variable spread into a call (`table.query(**params)`, `params` at token `name`) holds, one
 * per way that if/elif/else branches build it: each literal assigned in a branch that reaches the call, with the
 * keys that `params["Key"] = value` statements on the way add to it, split again where exclusive branches add
 * keys (an `IndexName` and its key condition under `if`, another key condition under `else`). Undefined where
 * it is one request, as the spread reads it. Linear in the key statements, times the few requests kept.
 */
export function requestsByBranch(a: CodeAnalyzer, name: number): BranchRequest[] | undefined {
  const text = a.tokens.text(name);
  const chosen = a.scopes.lookup(text, name);
  if (!chosen || literalOpen(a, chosen) < 0) {
    return undefined;
  }
  const reaching = reachingBindings(a, text, chosen, name).reverse();
  const fn = a.scopes.enclosing(name, ['function']);
  if (reaching.reduce((count, binding) => count + (a.keyAssignments.get(binding)?.length ?? 0), 0) > MAX_KEY_STATEMENTS) {
    return undefined;
  }
  const statements = reaching.flatMap((binding) => a.keyAssignments.get(binding) ?? []);
  const placed = statements.map((slot) => ({ slot, branches: branchesAround(a, slot.key, fn) }));
  const requests: BranchRequest[] = [];
  for (const [index, binding] of reaching.entries()) {
    const open = literalOpen(a, binding);
    if (open < 0) {
      continue;
    }
    // Keys added after this literal, on a path from it: not in a branch exclusive with it, nor after a later assignment every path from there passes.
    const later = reaching.slice(index + 1);
    const added = placed.filter(({ slot }) => slot.removalStart > binding.token && !a.scopes.exclusive(binding.token, slot.key) && !later.some((other) => other.token < slot.removalStart && holds(a, other, slot.removalStart)));
    for (const slots of splitByBranch(a, added, MAX_BRANCH_REQUESTS - requests.length)) {
      requests.push({ open, slots });
    }
  }
  return requests.length > 1 ? requests : undefined;
}

/** The if/elif/else branches around a token inside its function, as chain to branch. */
function branchesAround(a: CodeAnalyzer, token: number, fn: number): Map<number, number> {
  const branches = new Map<number, number>();
  for (let scope = a.scopes.scopeAt(token); scope > fn; scope = a.scopes.parent(scope)) {
    const chain = a.scopes.chainOf(scope);
    if (chain >= 0) {
      branches.set(chain, scope);
    }
  }
  return branches;
}

/**
 * Key statements grouped so that no group holds two of exclusive branches: each goes into every group whose
 * branches it fits, and where it fits none, into a copy of the first group without the statements its branch
 * excludes. At most `room` groups; a statement that would need another is left out.
 */
function splitByBranch(a: CodeAnalyzer, added: readonly PlacedSlot[], room: number): OptionSlot[][] {
  const groups: { branches: Map<number, number>; slots: PlacedSlot[] }[] = room > 0 ? [{ branches: new Map(), slots: [] }] : [];
  const fits = (branches: Map<number, number>, placed: PlacedSlot): boolean => [...placed.branches].every(([chain, branch]) => (branches.get(chain) ?? branch) === branch);
  for (const placed of added) {
    let fitted = false;
    for (const group of groups) {
      if (fits(group.branches, placed)) {
        group.slots.push(placed);
        placed.branches.forEach((branch, chain) => group.branches.set(chain, branch));
        fitted = true;
      }
    }
    if (!fitted && groups.length > 0 && groups.length < room) {
      const slots = groups[0].slots.filter((other) => !a.scopes.exclusive(other.slot.key, placed.slot.key));
      groups.push({ branches: new Map([...groups[0].branches, ...placed.branches]), slots: [...slots, placed] });
    }
  }
  return groups.map((group) => group.slots.map(({ slot }) => slot));
}

/**
 * A name declared with a request type (a parameter `input *dynamodb.QueryInput`, `QueryRequest request`, an
 * empty `var`), kept by its name's token as the request it holds, so that the options assigned to it and the
 * calls it is passed to read that request. Never complete: callers, or helpers it is handed to, may set more.
 */
export function keepDeclaredRequest(a: CodeAnalyzer, name: number, type: number, operation: string): OptionContext {
  const context: OptionContext = { kind: 'sdk', type: operation, options: [], complete: false, anchor: a.tokenSpan(type) };
  a.contexts.push(context);
  a.requestAt.set(name, context);
  return context;
}

/** Options set by assignment on variables that hold a request built apart (C# initialisers, Go input structs). */
export function assignRequestOptions(a: CodeAnalyzer): void {
  const added = new Map<OptionContext, number>();
  for (const [name, sites] of a.memberAssignments) {
    for (const eq of sites) {
      const request = a.requestVariable(name, eq);
      const count = request ? (added.get(request) ?? 0) : MAX_ASSIGNMENTS_READ;
      if (request && count < MAX_ASSIGNMENTS_READ) {
        request.options.push(assignedOption(a, eq));
        added.set(request, count + 1);
      }
    }
  }
}

/** `x.Key = value;` or `x['Key'] = value;` (the `=` at `eq`) as an option, removed with its whole statement. */
export function assignedOption(a: CodeAnalyzer, eq: number): OptionOccurrence {
  const end = expressionEnd(a, eq + 1);
  return occurrenceOf(a, { key: assignedKey(a, eq), valueStart: eq + 1, valueEnd: end, removalStart: assignedObject(a, eq), removalEnd: a.is(end, ';') ? end : end - 1 });
}
