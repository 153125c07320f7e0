/**
 * The request of a boto3 call: its keyword arguments, and the dict it spreads with `**`: one bound in scope
 * (see `contextFrom`), one built in if/elif/else branches (one request per branch, `requestsByBranch`), or one
 * that a same-file helper returns (`table.query(**self._query_params(pk))`, `params = build_scan_kwargs(event)`
 * then `table.scan(**params)`), with the keys the caller adds to it (`params["ExclusiveStartKey"] = start`).
 */
import { withAuroraClusterMember } from '../auroraClusterMembers';
import { OptionContext, OptionOccurrence } from '../../model';
import type { Binding } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { expressionEnd } from '../braces';
import { FileMemo } from '../fileMemo';
import type { OptionSlot } from '../language';
import { contextFrom, occurrenceOf } from '../options';
import { BranchRequest, calledName, requestsByBranch } from '../requests';
import type { Value } from '../values';

/** The options of one request a helper returns, read once per helper and shared by every call of it. */
interface HelperRequest {
  options: OptionOccurrence[];
  complete: boolean;
}

/** How many `return`s of a helper are read; a helper with more builds no request here. */
const MAX_RETURNS_READ = 8;
/** How many requests one helper is read as, over its returns and the branches that build them. */
const MAX_HELPER_REQUESTS = 16;
/** Keys of one request a helper returns: a request has a few dozen at most, and a dict with more is no request. */
const MAX_HELPER_KEYS = 64;
/** Keys a caller adds to the dict a helper returned, read per call. */
const MAX_KEYS_ADDED = 64;

const helperRequests = new FileMemo<number, HelperRequest[] | null>();
const variableRequests = new FileMemo<Binding<Value>, HelperRequest[] | undefined>();
/** Dict variables that `update()` merges another mapping into (`params.update(extra)`): their keys are not all known. */
const mergedDicts = new FileMemo<Binding<Value>, boolean>();
/** Functions with a bare `return`, which gives None, not a dict. */
const bareReturns = new FileMemo<number, boolean>();

/** Records a bare `return` (the keyword at `at`): the function around it may return None. */
export function noteBareReturn(a: CodeAnalyzer, at: number): void {
  const scope = a.scopes.enclosing(at, ['function']);
  if (scope > 0) {
    bareReturns.set(a, scope, true);
  }
}

/**
 * `params.update(Limit=1, ScanIndexForward=False)` and `params.update({"Limit": 1})` (the name at each of
 * `sites`) add their keys to the dict that `params` holds, as `params["Limit"] = 1` does.
 */
export function bindDictUpdates(a: CodeAnalyzer, sites: readonly number[]): void {
  const updated = new Set<OptionSlot[]>();
  for (const site of sites) {
    const binding = a.scopes.lookup(a.tokens.text(site), site);
    const slots = binding && binding.expression >= 0 ? updatedKeys(a, site + 3) : [];
    if (binding && slots.length === 0) {
      mergedDicts.set(a, binding, true);
    } else if (binding) {
      const list = a.keyAssignments.get(binding) ?? [];
      list.push(...slots);
      a.keyAssignments.set(binding, list);
      updated.add(list);
    }
  }
  // In the order of the file, as the key statements are.
  updated.forEach((list) => list.sort((x, y) => x.key - y.key));
}

/** The keys an `update(` call at `open` writes out: its keywords, or those of the one dict literal it takes; none for anything else. */
function updatedKeys(a: CodeAnalyzer, open: number): OptionSlot[] {
  const inner = a.is(open + 1, '{') && a.partner[open + 1] + 1 === a.partner[open] ? open + 1 : open;
  const close = a.partner[inner];
  const slots: OptionSlot[] = [];
  for (let k = inner + 1; k < close; k = a.skipGroup(k)) {
    const slot = k === inner + 1 || a.is(k - 1, ',') ? a.language.optionAt(a, k, inner, close) : undefined;
    if (slot) {
      slots.push(slot);
    } else if (k === inner + 1 || a.is(k - 1, ',')) {
      // `update(extra)`, `update(**extra)`: keys the file does not show.
      return [];
    }
  }
  return slots;
}

export function requestForCall(a: CodeAnalyzer, open: number, close: number, operation: string): OptionContext | undefined {
  if (close < 0) {
    return undefined;
  }
  // Keyword arguments, and the keys of dicts spread with `**` (see contextFrom).
  const anchor = a.tokenSpan(open - 1);
  const written = contextFrom(a, open, close, 'sdk', operation, anchor);
  const context = operation === 'rds:DeleteDBInstance' ? withAuroraClusterMember(a, open, close, written) : written;
  const spread = soleSpread(a, open, close);
  const named = spread > 0 && a.isId(spread + 1) && argumentEnd(a, spread + 1, close) === spread + 2;
  const branches = named ? requestsByBranch(a, spread + 1) : undefined;
  const built = spread > 0 && !branches ? builtByHelper(a, spread + 1, argumentEnd(a, spread + 1, close)) : undefined;
  if (!branches && !built) {
    return context;
  }
  // The call's own keywords with each dict, one request each (a dict built in branches, or each a helper returns).
  const own = context.options.filter((option) => option.key.start > a.tokens.starts[open] && option.key.end <= a.tokens.starts[close]);
  const spreadBinding = named ? a.scopes.lookup(a.tokens.text(spread + 1), spread + 1) : undefined;
  const merged = spreadBinding !== undefined && mergedDicts.peek(a, spreadBinding) === true;
  const requests = branches
    ? branches.map(({ open: literal, slots }: BranchRequest): OptionContext => {
        const dict = contextFrom(a, literal, a.partner[literal], 'sdk', operation, anchor, 1);
        return { ...context, options: [...own, ...dict.options, ...slots.map((slot) => occurrenceOf(a, slot))], complete: dict.complete && !merged };
      })
    : built!.map((request): OptionContext => ({ ...context, options: [...own, ...request.options], complete: request.complete }));
  const [first, ...others] = requests;
  a.branchRequests.set(first, others);
  return first;
}

/** The `**` of the one dict a call spreads (`table.query(Limit=10, **params)`), or -1 where it spreads none or several. */
function soleSpread(a: CodeAnalyzer, open: number, close: number): number {
  let spread = -1;
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if ((a.is(k, '**') || a.is(k, '*')) && (k === open + 1 || a.is(k - 1, ','))) {
      if (spread >= 0 || !a.is(k, '**')) {
        return -1;
      }
      spread = k;
    }
  }
  return spread;
}

/** Where the argument that starts at `from` ends: its `,` or the call's `)`. */
function argumentEnd(a: CodeAnalyzer, from: number, close: number): number {
  let end = from;
  while (end < close && !a.is(end, ',')) {
    end = a.skipGroup(end);
  }
  return end;
}

/**
 * The requests of a spread dict that a same-file helper returns: a call of it in place (`**self._params(pk)`),
 * or a variable the call's scope binds to one (`params = self._params(pk)`), whose later keys join each request.
 */
function builtByHelper(a: CodeAnalyzer, from: number, end: number): HelperRequest[] | undefined {
  if (!a.isId(from) || end !== from + 1) {
    return helperCalled(a, from, end);
  }
  const binding = a.scopes.lookup(a.tokens.text(from), from);
  if (!binding || binding.expression < 0 || binding.fixed || !reaches(a, binding, from)) {
    return undefined;
  }
  // Many calls may spread one variable (a loop's pages): it is read once.
  return variableRequests.get(a, binding, () => {
    const callEnd = expressionEnd(a, binding.expression);
    const requests = endsStatement(a, callEnd) ? helperCalled(a, binding.expression, callEnd) : undefined;
    const added = (a.keyAssignments.get(binding) ?? []).slice(0, MAX_KEYS_ADDED).map((slot) => occurrenceOf(a, slot));
    const merged = mergedDicts.peek(a, binding) === true;
    return requests && (added.length > 0 || merged) ? requests.map((request) => ({ options: [...request.options, ...added], complete: request.complete && !merged })) : requests;
  });
}

/**
 * The requests the helper called by the expression from `call` to `end` returns, where that call is the whole expression
 * (`helper(event)`, `self._props()`); undefined where a `return` may give anything but a dict written out.
 */
export function helperCalled(a: CodeAnalyzer, call: number, end: number): HelperRequest[] | undefined {
  const name = calledName(a, call);
  if (name < 0 || a.partner[name + 1] !== end - 1) {
    return undefined;
  }
  const callee = name === call ? a.lookup(a.tokens.text(name), name) : a.evalChain(call, name + 1).value;
  if (callee?.t !== 'function' || callee.wrapped || callee.accessor) {
    return undefined;
  }
  return helperRequests.get(a, callee.scope, () => returnedRequests(a, callee) ?? null) ?? undefined;
}

/** Whether an assignment's block holds a use: not one made in a branch that the use is outside of. */
function reaches(a: CodeAnalyzer, binding: Binding<Value>, use: number): boolean {
  const [start, end] = a.scopes.range(a.scopes.scopeAt(binding.token));
  return start <= use && use < end;
}

/** Whether the token at `k` ends the statement before it: the file's end, or the start of a statement. */
function endsStatement(a: CodeAnalyzer, k: number): boolean {
  return k >= a.tokens.length || (a.parent[k] === -1 && (a.startsLine(k) || a.is(k, ';')));
}

/**
 * The requests a helper returns, each `return` one (or one per branch that builds the dict it returns), or
 * undefined where a `return` may give anything but a dict: None, a call, a parameter, a conditional.
 */
function returnedRequests(a: CodeAnalyzer, fn: Value & { t: 'function' }): HelperRequest[] | undefined {
  const returns = a.returnStarts(fn);
  if (returns.length === 0 || returns.length > MAX_RETURNS_READ || bareReturns.peek(a, fn.scope)) {
    return undefined;
  }
  const requests: HelperRequest[] = [];
  const read = new Set<Binding<Value>>();
  for (const start of returns) {
    const dicts = returnedDicts(a, start, read);
    if (!dicts) {
      return undefined;
    }
    for (const { open, slots, merged } of dicts) {
      const dict = contextFrom(a, open, a.partner[open], 'sdk', '', a.tokenSpan(open), 1);
      const options = [...dict.options, ...slots.map((slot) => occurrenceOf(a, slot))];
      if (options.length > MAX_HELPER_KEYS) {
        return undefined;
      }
      if (requests.length < MAX_HELPER_REQUESTS) {
        requests.push({ options, complete: dict.complete && !merged });
      }
    }
  }
  return requests;
}

/**
 * The dicts one `return` gives: a literal (`return {...}`, `return dict(...)`), or a variable bound to one
 * (`kwargs = {...}; kwargs["Limit"] = limit; return kwargs`), once per variable however many `return`s give it.
 */
function returnedDicts(a: CodeAnalyzer, start: number, read: Set<Binding<Value>>): (BranchRequest & { merged?: boolean })[] | undefined {
  const literal = a.is(start, '{') ? start : a.idIs(start, 'dict') && a.is(start + 1, '(') ? start + 1 : -1;
  if (literal >= 0) {
    return a.partner[literal] > literal && endsStatement(a, a.partner[literal] + 1) && keysWritten(a, literal) ? [{ open: literal, slots: [] }] : undefined;
  }
  const name = a.id(start);
  const open = name !== undefined && endsStatement(a, start + 1) ? a.objectVariable(name, start) : -1;
  const binding = open >= 0 && a.partner[open] > open && keysWritten(a, open) ? a.scopes.lookup(name!, start) : undefined;
  if (!binding) {
    return undefined;
  }
  if (read.has(binding)) {
    return [];
  }
  read.add(binding);
  const merged = mergedDicts.peek(a, binding) === true;
  return (requestsByBranch(a, start) ?? [{ open, slots: a.keyAssignments.get(binding) ?? [] }]).map((dict) => ({ ...dict, merged }));
}

/**
 * Whether a dict literal writes its keys out: no comprehension (`{k: v for k, v in pairs}`), and in
 * `dict(...)` only keywords and spreads, no mapping or pairs passed whole, whose keys it cannot tell.
 */
function keysWritten(a: CodeAnalyzer, open: number): boolean {
  const call = a.is(open, '(');
  for (let k = open + 1; k < a.partner[open]; k = a.skipGroup(k)) {
    if (a.idIs(k, 'for') || (call && (k === open + 1 || a.is(k - 1, ',')) && !(a.isId(k) && a.is(k + 1, '=')) && !a.is(k, '**'))) {
      return false;
    }
  }
  return true;
}
