/**
 * What a Go function hands its callers, judged by what they do with it.
 *
 * Options: a function or method declared to return go-redis options whose one `return` is an options literal
 * (`func (c *Config) RedisOptions() *redis.Options { return &redis.Options{Addr: c.Addr, Password: c.Password} }`)
 * builds a client's options. Its fields get their hovers; they are all the client has (so a password without
 * `TLSConfig` counts) only when a caller hands the result whole to a go-redis factory (`redis.NewClient(cfg.RedisOptions())`):
 * in this file, or, in workspace mode, in another file of the module. A caller that keeps the result in a
 * variable may set more fields on it.
 *
 * Paging: a function or method that sends a Scan or Query with the input its caller passes
 * (`func DynamoDBScan(ctx context.Context, input *dynamodb.ScanInput) (*dynamodb.ScanOutput, error) { return client.Scan(ctx, input) }`)
 * and returns the output reads one page per call by design; a caller that loops on `LastEvaluatedKey` /
 * `ExclusiveStartKey` around the call pages the read. Such a caller, in this file or (for a package function)
 * in another file of the module, makes the Scan paginated, even when another caller reads one page only
 * (precision first: the wrapper is meant to be paged); with none, the one-page read stays reported at the
 * wrapper's Scan, where the JavaScript and Python analyzers report a helper's.
 */
import type { OperationOccurrence, ScopeInfo } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import type { FunctionScope } from '../language';
import { markerScopes } from '../pagination';
import { chainStart } from '../receiverChains';
import { tokensNamed } from '../tokenIndex';
import { redisClientOptions } from '../redisOptions';
import { REDIS_OPTION_TYPES } from './goClients';
import { closureWrapper } from './goClosureSenders';
import { goPackageName } from './goPackageStructs';

/** A named function or method: its name token, its parameters' `(`, and whether it has a receiver. */
export interface Signature {
  name: number;
  params: number;
  method: boolean;
}

/** The `{` of `&redis.Options{` / `redis.ClusterOptions{` starting at `from`, or -1. */
export function optionsLiteral(a: CodeAnalyzer, from: number): number {
  const k = a.is(from, '&') ? from + 1 : from;
  const brace = k + 3;
  const isOptions = a.isId(k) && a.goPackages.get(a.tokens.text(k)) === 'redis' && a.is(k + 1, '.') && a.isId(k + 2) && REDIS_OPTION_TYPES.has(a.tokens.text(k + 2));
  return isOptions && a.is(brace, '{') && a.partner[brace] > brace ? brace : -1;
}

/** Function scopes whose result this file hands whole to a go-redis factory, per file. */
const directBuilders = new WeakMap<CodeAnalyzer, Set<number>>();

/** `func Name(params)` or `func (r *T) Name(params)` (not a function literal, not a generic function). */
export function signatureOf(a: CodeAnalyzer, fn: FunctionScope): Signature | undefined {
  if (a.idIs(fn.params - 2, 'func') && a.isId(fn.params - 1)) {
    return { name: fn.params - 1, params: fn.params, method: false };
  }
  const receiverEnd = a.partner[fn.params];
  const named = a.idIs(fn.params - 1, 'func') && receiverEnd > 0 && a.isId(receiverEnd + 1) && a.is(receiverEnd + 2, '(');
  return named ? { name: receiverEnd + 1, params: receiverEnd + 2, method: true } : undefined;
}

/**
 * `redis.NewClient(cfg.RedisOptions())`, `redis.NewClient(options())`: the argument from `start` to `end`
 * (exclusive) is a call of a function of this file, whose options the client takes whole.
 */
export function noteOptionsCall(a: CodeAnalyzer, start: number, end: number): void {
  const open = a.partner[end - 1];
  if (!a.is(end - 1, ')') || open <= start || !a.isId(open - 1)) {
    return;
  }
  const value = a.evalChain(start, open).value;
  if (value?.t === 'function') {
    const scopes = directBuilders.get(a) ?? new Set<number>();
    scopes.add(value.scope);
    directBuilders.set(a, scopes);
  }
}

export function handedToCallers(a: CodeAnalyzer): void {
  returnedOptions(a);
  passedOptions(a);
  pagedByCallers(a);
}

/**
 * An options literal no factory call, variable or `return` above reads: one handed to a function of the project
 * (`redishelpers.NewRedisClient(&redis.Options{Addr: addr, Password: ""}, logger)`), which passes it to the
 * factory out of sight. Its type says whose options they are, so its fields get their hovers; the function may
 * add fields (a `TLSConfig`), so they are not all the client has.
 */
function passedOptions(a: CodeAnalyzer): void {
  for (const type of REDIS_OPTION_TYPES) {
    for (const k of tokensNamed(a, type)) {
      const literal = optionsLiteral(a, k - 2);
      if (literal < 0 || a.partner[literal] === literal + 1 || readAlready(a, literal)) {
        continue;
      }
      redisClientOptions(a, literal, 'go-redis');
      a.contexts[a.contexts.length - 1].complete = false;
    }
  }
}

/** Whether a Redis client context already holds an option written inside the literal opened at `brace`. */
function readAlready(a: CodeAnalyzer, brace: number): boolean {
  const from = a.tokens.starts[brace];
  const to = a.tokens.starts[a.partner[brace]];
  return a.contexts.some((context) => context.kind === 'redis-client' && context.options.some((option) => option.key.start > from && option.key.start < to));
}

/** The first result of a signature, where it starts: after the parameters, or inside a result group. */
function resultStart(a: CodeAnalyzer, signature: Signature): number {
  const after = a.partner[signature.params] + 1;
  return a.is(after, '(') ? after + 1 : after;
}

function returnedOptions(a: CodeAnalyzer): void {
  const packageName = goPackageName(a);
  for (const fn of a.functions.values()) {
    const signature = signatureOf(a, fn);
    const result = signature ? resultStart(a, signature) : -1;
    const declared = result > 0 && a.is(result, '*') && a.goPackages.get(a.id(result + 1) ?? '') === 'redis' && a.is(result + 2, '.') && REDIS_OPTION_TYPES.has(a.tokens.text(result + 3));
    const returns = declared ? (a.returns.get(fn.scope) ?? []) : [];
    const literal = returns.length === 1 ? optionsLiteral(a, returns[0]) : -1;
    if (!signature || literal < 0 || !endsStatement(a, a.partner[literal] + 1)) {
      continue;
    }
    const name = a.tokens.text(signature.name);
    const used = directBuilders.get(a)?.has(fn.scope) || (packageName !== undefined && a.project?.goOptionsUsed?.(packageName, name, signature.method));
    redisClientOptions(a, literal, 'go-redis');
    a.contexts[a.contexts.length - 1].complete &&= used === true;
  }
}

/** Whether the token ends the statement before it: the next line, a `}` or a `;`. */
function endsStatement(a: CodeAnalyzer, k: number): boolean {
  return k >= a.tokens.length || a.startsLine(k) || a.is(k, '}') || a.is(k, ';');
}

const PAGED_READS = /^dynamodb:(?:Scan|Query)$/;

/** What the paging pass reads of the file once, whatever the number of wrappers. */
interface FileCalls {
  markers: ScopeInfo;
  /** By name: the functions of that name that a call sitting in a paging loop or function calls. */
  pagedCallees: Map<string, Set<number>>;
  /** By function: the names its `return`s give first (`return out, err`). */
  returned: Map<number, Set<string>>;
  /** The reads (`Scan`, `Query`) a next-page function of the file continues (see `continuedReads`). */
  continued?: Set<string>;
}

function pagedByCallers(a: CodeAnalyzer): void {
  let file: FileCalls | undefined;
  const returned = new Map<number, Set<string>>();
  const packageName = goPackageName(a);
  for (const occurrence of a.operations) {
    if (!occurrence.call || occurrence.paginated || !PAGED_READS.test(occurrence.operation)) {
      continue;
    }
    const wrapper = outputWrapper(a, occurrence, { returned });
    if (!wrapper || !forwardsInput(a, wrapper.signature, occurrence)) {
      continue;
    }
    const { fn, signature } = wrapper;
    file ??= { markers: markerScopes(a), pagedCallees: new Map(), returned };
    const name = a.tokens.text(signature.name);
    const elsewhere = packageName !== undefined && a.project?.goCalledWhilePaging?.(packageName, name, signature.method) === true;
    const callees = pagedCallees(a, name, file);
    file.continued ??= continuedReads(a);
    occurrence.paginated = elsewhere || callees.has(fn.scope) || (signature.method && callees.has(BEHIND_INTERFACE)) || file.continued.has(occurrence.operation.slice('dynamodb:'.length));
  }
}

/** Whether the call sends a parameter of the function declared as a Scan or Query input (`input *dynamodb.ScanInput`). */
function forwardsInput(a: CodeAnalyzer, signature: Signature, occurrence: OperationOccurrence): boolean {
  const open = occurrence.tokenIndex + 1;
  const close = a.partner[open];
  for (let k = open + 1; k > 0 && k < close; k = a.skipGroup(k)) {
    const binding = a.isId(k) && (a.is(k + 1, ',') || a.is(k + 1, ')')) ? a.scopes.lookup(a.tokens.text(k), k) : undefined;
    if (binding && binding.expression < 0 && a.parent[binding.token] === signature.params && declaredAsInput(a, binding.token)) {
      return true;
    }
  }
  return false;
}

/** Whether the parameter's type (shared with the names after it: `in, out *dynamodb.ScanInput`) names a Scan or Query input. */
function declaredAsInput(a: CodeAnalyzer, name: number): boolean {
  const entries = segments(a, a.parent[name]);
  let at = entries.findIndex(([start]) => start === name);
  while (at >= 0 && at < entries.length && entries[at][1] - entries[at][0] === 1) {
    at++;
  }
  const [start, end] = at >= 0 && at < entries.length ? entries[at] : [0, 0];
  for (let k = start + 1; k < end; k++) {
    if (a.isId(k) && /^(?:Scan|Query)Input$/.test(a.tokens.text(k))) {
      return true;
    }
  }
  return false;
}

/** `return client.Scan(ctx, input)`, or `out, err := client.Scan(ctx, input)` with `out` returned first (`return out, err`). */
export function returnsOutput(a: CodeAnalyzer, fn: FunctionScope, occurrence: OperationOccurrence, file: Pick<FileCalls, 'returned'>): boolean {
  const start = chainStart(a, occurrence.tokenIndex - 2);
  if (a.idIs(start - 1, 'return')) {
    return true;
  }
  let first = -1;
  if (a.is(start - 1, ':=') || a.is(start - 1, '=')) {
    for (let k = start - 2; k >= 0 && a.isId(k); k -= 2) {
      first = k;
      if (!a.is(k - 1, ',')) {
        break;
      }
    }
  }
  return first >= 0 && returnedNames(a, fn, file).has(a.tokens.text(first));
}

/** The names a function's `return`s give first (`return out, err`), read once per function. */
function returnedNames(a: CodeAnalyzer, fn: FunctionScope, file: Pick<FileCalls, 'returned'>): ReadonlySet<string> {
  let returned = file.returned.get(fn.scope);
  if (!returned) {
    // `return *out, nil`: a copy of the output is the output, with its unprocessed part.
    const names = (a.returns.get(fn.scope) ?? []).map((k) => (a.is(k, '*') ? k + 1 : k));
    returned = new Set(names.filter((k) => a.isId(k) && (a.is(k + 1, ',') || endsStatement(a, k + 1))).map((k) => a.tokens.text(k)));
    file.returned.set(fn.scope, returned);
  }
  return returned;
}

/**
 * The function that hands the call's output to its callers: the one the call sits in when it is named and returns
 * the output, or the named function of a literal that sends and returns it (`call := func(...) { return cn.Query(...) }`).
 */
export function outputWrapper(a: CodeAnalyzer, occurrence: OperationOccurrence, file: Pick<FileCalls, 'returned'>): { fn: FunctionScope; signature: Signature } | undefined {
  const fn = a.functions.get(a.scopes.enclosing(occurrence.tokenIndex, ['function']));
  if (!fn) {
    return undefined;
  }
  const signature = signatureOf(a, fn);
  if (signature) {
    return returnsOutput(a, fn, occurrence, file) ? { fn, signature } : undefined;
  }
  const outer = closureWrapper(a, fn, { sendsOutput: (literal) => returnsOutput(a, literal, occurrence, file), returnedNames: (outerFn) => returnedNames(a, outerFn, file) });
  const outerSignature = outer && signatureOf(a, outer);
  return outer && outerSignature ? { fn: outer, signature: outerSignature } : undefined;
}

/** In `pagedCallees`: a method `name` called on a value that is no SDK client, as an interface the wrapper's type satisfies. */
const BEHIND_INTERFACE = -1;

/**
 * The functions named `name` that a call of this file sitting in a loop or function that pages calls (not from
 * inside themselves), and `BEHIND_INTERFACE` for such a call of a method on a value the file binds that is no client.
 */
function pagedCallees(a: CodeAnalyzer, name: string, file: FileCalls): Set<number> {
  const known = file.pagedCallees.get(name);
  if (known) {
    return known;
  }
  const callees = new Set<number>();
  for (const i of tokensNamed(a, name)) {
    // A call (`name(`), not the function's own `func name(`.
    if (!a.is(i + 1, '(') || a.idIs(i - 1, 'func')) {
      continue;
    }
    const start = a.isAccess(i - 1) ? chainStart(a, i) : i;
    const value = file.markers.hasPaginationMarker(i) ? a.evalChain(start, i + 1).value : undefined;
    if (value?.t === 'function' && a.scopes.enclosing(i, ['function']) !== value.scope) {
      callees.add(value.scope);
    } else if (value?.t !== 'function' && file.markers.hasPaginationMarker(i) && onNonClient(a, i)) {
      callees.add(BEHIND_INTERFACE);
    }
  }
  file.pagedCallees.set(name, callees);
  return callees;
}

/**
 * `pager.Scan(ctx, in)`, `s.db.Query(ctx, in)` with its name at `i`: a method call on a receiver whose first name
 * the file binds (a parameter, a local, a method's receiver; not a package) and whose value is no SDK client,
 * as an interface-typed one is. A wrapper method of that name may be what it calls.
 */
export function onNonClient(a: CodeAnalyzer, i: number): boolean {
  if (!a.is(i - 1, '.') || !a.is(i + 1, '(')) {
    return false;
  }
  const start = chainStart(a, i - 2);
  return start < i - 1 && a.isId(start) && a.scopes.lookup(a.tokens.text(start), start) !== undefined && a.evalChain(start, i - 1).value?.t !== 'client';
}

/**
 * The reads that a named function of the file continues: one that takes a read's input and its output and sets
 * the input's `ExclusiveStartKey` (`func (e *Executor) scanNextPage(in *dynamodb.ScanInput, out *dynamodb.ScanOutput) (*dynamodb.ScanInput, bool)`).
 * A file that builds the next page's input for a wrapper's read is a pager: its loop runs elsewhere, on both.
 */
function continuedReads(a: CodeAnalyzer): Set<string> {
  const reads = new Set<string>();
  for (const fn of a.functions.values()) {
    const params = signatureOf(a, fn)?.params ?? -1;
    const close = params > 0 ? a.partner[params] : -1;
    const types = new Set<string>();
    for (let k = params + 1; k > 0 && k < close; k++) {
      const read = a.isId(k) ? /^(Scan|Query)(Input|Output)$/.exec(a.tokens.text(k)) : null;
      if (read) {
        types.add(read[0]);
      }
    }
    const [, end] = close > 0 ? a.scopes.range(fn.scope) : [0, 0];
    for (const read of ['Scan', 'Query']) {
      if (types.has(`${read}Input`) && types.has(`${read}Output`) && setsStartKey(a, close, end)) {
        reads.add(read);
      }
    }
  }
  return reads;
}

/** Whether tokens from `from` to `to` assign an `ExclusiveStartKey` field (`in.ExclusiveStartKey = out.LastEvaluatedKey`). */
function setsStartKey(a: CodeAnalyzer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (a.idIs(k, 'ExclusiveStartKey') && a.isAccess(k - 1) && a.is(k + 1, '=')) {
      return true;
    }
  }
  return false;
}
