/**
 * The .NET object persistence model's `context.ScanAsync<T>(conditions)` and `context.Scan<T>(...)`: the
 * SDK sends the `ScanCondition`s as the Scan's legacy `ScanFilter`, so a scan given one or more of them
 * reads the whole table and then filters. Only conditions the file shows count: an inline list or array,
 * a `new ScanCondition(...)` argument, or a local built with them or filled with `Add(new ScanCondition(...))`
 * in the same function. An empty list, a parameter or a value from elsewhere is no filter we can see.
 * The document model's `ScanFilter` is the same legacy filter: `table.Scan(filter)`, or the `Filter` of a
 * `ScanOperationConfig` (`context.FromScanAsync<T>(new ScanOperationConfig { Filter = filter })`), counts when
 * the same function adds a condition to it (`filter.AddCondition("Genre", ScanOperator.Contains, genre)`).
 */
import { OptionContext, OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { resolvedExpression } from './dotnetQueries';
import { simpleTypeName, targetTypeStart } from './languages/typedDeclarations';
import { occurrenceOf, positionalOption, separatedSlot } from './options';
import { tokensNamed } from './tokenIndex';
import { angleDepthBackward } from './typeArguments';

/** How far back from `(` a call's name may sit behind its type arguments (`ScanAsync<Models.Order>(`). */
const TYPE_ARGUMENT_REACH = 16;

/** The Scan's request, holding the conditions argument as its `ScanFilter`, when the call passes conditions. */
export function scanConditionsRequest(a: CodeAnalyzer, open: number): OptionContext | undefined {
  for (const [start, end] of segments(a, open)) {
    if (holdsConditions(a, start, end)) {
      return { kind: 'sdk', type: 'dynamodb:Scan', options: [positionalOption(a, start, end, 'ScanFilter')], complete: false, anchor: a.tokenSpan(calledName(a, open)) };
    }
  }
  return undefined;
}

/**
 * `new ScanOperationConfig { ..., Filter = filter }` (initializer brace at `brace`): its `Filter` as the request's
 * legacy `ScanFilter`. A filter that holds a condition the file adds is one the checks read; one a helper builds
 * (`Filter = conditions.ToScanFilter()`) still filters the Scan, so it gets the hover, but it may be empty, so no
 * finding; one the file builds empty, `null`, or a parameter gets nothing.
 */
export function documentScanFilter(a: CodeAnalyzer, brace: number): OptionOccurrence | undefined {
  const close = a.partner[brace];
  for (let k = brace + 1; k < close; k = a.skipGroup(k)) {
    const slot = a.idIs(k, 'Filter') && a.is(k + 1, '=') && a.parent[k] === brace ? separatedSlot(a, k, close) : undefined;
    if (!slot || (slot.valueEnd === slot.valueStart + 1 && a.idIs(slot.valueStart, 'null'))) {
      continue;
    }
    if (holdsFilterConditions(a, slot.valueStart, slot.valueEnd)) {
      return positionalOption(a, slot.valueStart, slot.valueEnd, 'ScanFilter');
    }
    // A filter the file builds and adds no condition to (`Filter = new ScanFilter()`) filters nothing; a name with no
    // value in the file (a parameter: the caller's filter) is left as `table.Scan(filter)` leaves it.
    const found = resolvedExpression(a, slot.valueStart, slot.valueEnd);
    if (!found || a.idIs(found.range[0], 'new')) {
      continue;
    }
    const unseen = occurrenceOf(a, { ...slot, name: 'ScanFilter' });
    unseen.absent = true;
    return unseen;
  }
  return undefined;
}

/** A document model `ScanFilter` the function fills: `new ScanFilter()` (or `ScanFilter f = new()`) and `f.AddCondition(...)`. */
export function holdsFilterConditions(a: CodeAnalyzer, start: number, end: number): boolean {
  const found = resolvedExpression(a, start, end);
  const variable = found?.variable;
  if (!found || !variable || !a.idIs(found.range[0], 'new')) {
    return false;
  }
  const from = found.range[0];
  const typed = a.idIs(from + 1, 'ScanFilter') ? from + 1 : targetTypeStart(a, from);
  return typed >= 0 && a.idIs(simpleTypeName(a, typed), 'ScanFilter') && addsCall(a, variable.name, variable.token, 'AddCondition');
}

/** `new ScanCondition(`, starting at `k`. */
function newCondition(a: CodeAnalyzer, k: number): boolean {
  return a.idIs(k, 'new') && a.idIs(k + 1, 'ScanCondition') && a.is(k + 2, '(');
}

/** Whether the argument [start, end) carries at least one `ScanCondition` the file writes. */
export function holdsConditions(a: CodeAnalyzer, start: number, end: number): boolean {
  if (newCondition(a, start) || holdsFilterConditions(a, start, end)) {
    return true;
  }
  const found = resolvedExpression(a, start, end);
  if (!found) {
    return false;
  }
  const [from, to] = found.range;
  for (let k = from; k < to; k++) {
    if (newCondition(a, k)) {
      return true;
    }
  }
  if (writtenElements(a, from, to)) {
    return true;
  }
  return found.variable !== undefined && conditionsCollection(a, from) && addsCall(a, found.variable.name, found.variable.token, 'Add');
}

/**
 * A collection of conditions written with at least one element, whatever the elements' form (C# 9's target-typed
 * `new("Status", ScanOperator.Equal, s)` included): `new List<ScanCondition> { ... }`, `new ScanCondition[] { ... }`,
 * or, for a local declared with such a type, `new() { ... }` and a collection expression `[ ... ]`.
 */
function writtenElements(a: CodeAnalyzer, from: number, to: number): boolean {
  const typed = conditionsCollection(a, from) || (declaredConditions(a, from) && (a.is(from, '[') || (a.idIs(from, 'new') && a.is(from + 1, '('))));
  if (!typed) {
    return false;
  }
  const open = a.is(from, '[') ? from : a.is(to - 1, '}') ? a.partner[to - 1] : -1;
  return open >= from && a.partner[open] === to - 1 && to - 1 > open + 1;
}

/** Whether the value at `start` is assigned to a name declared just before it as conditions (`List<ScanCondition> c = `, `ScanCondition[] c = `). */
function declaredConditions(a: CodeAnalyzer, start: number): boolean {
  const eq = start - 1;
  if (!a.is(eq, '=') || !a.isId(eq - 1)) {
    return false;
  }
  const type = eq - 2;
  return (a.is(type, '>') && a.idIs(type - 1, 'ScanCondition') && a.is(type - 2, '<')) || (a.is(type, ']') && a.is(type - 1, '[') && a.idIs(type - 2, 'ScanCondition'));
}

/** `new List<ScanCondition>`, `new ScanCondition[`: a collection of conditions, empty as written. */
function conditionsCollection(a: CodeAnalyzer, k: number): boolean {
  if (!a.idIs(k, 'new')) {
    return false;
  }
  return (a.isId(k + 1) && a.is(k + 2, '<') && a.idIs(k + 3, 'ScanCondition') && a.is(k + 4, '>')) || (a.idIs(k + 1, 'ScanCondition') && a.is(k + 2, '['));
}

/** `name.Add(new ScanCondition(...))` (or `name.AddCondition(...)`) on the same variable in the function that uses it. */
function addsCall(a: CodeAnalyzer, name: string, use: number, method: 'Add' | 'AddCondition'): boolean {
  const binding = a.scopes.lookup(name, use);
  const scope = a.scopes.enclosing(use, ['function']);
  const [scopeStart, scopeEnd] = scope > 0 ? a.scopes.range(scope) : [0, a.tokens.length];
  return tokensNamed(a, name).some(
    (k) =>
      k >= scopeStart &&
      k < scopeEnd &&
      !a.isAccess(k - 1) &&
      a.is(k + 1, '.') &&
      a.idIs(k + 2, method) &&
      a.is(k + 3, '(') &&
      (method === 'AddCondition' ? !a.is(k + 4, ')') : newCondition(a, k + 4)) &&
      a.scopes.lookup(name, k) === binding,
  );
}

/** The called method's name before `(`, across its type arguments; the `(` itself when none is found. */
function calledName(a: CodeAnalyzer, open: number): number {
  let depth = 0;
  for (let k = open - 1; k >= 0 && k >= open - TYPE_ARGUMENT_REACH; k--) {
    const change = angleDepthBackward(a, k);
    depth += change;
    if (depth === 0 && change === 0) {
      return a.isId(k) ? k : open;
    }
  }
  return open;
}
