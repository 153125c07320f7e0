/**
 * A read whose result the code uses only for its first item: `return table.query(...)["Items"][0]`, or
 * `response = table.query(...)`, `items = response.get("Items", [])`, `return items[0] if items else None`
 * (Python), `out, err := client.Query(ctx, in)` then `attributevalue.UnmarshalMap(out.Items[0], &m)` after
 * a `len(out.Items) == 0` test, or the items decoded into a list used so (`UnmarshalListOfMaps(out.Items, &us)` then
 * `&us[0]`) (Go), `const { Items } = await ddb.send(new QueryCommand(p))` (also in parentheses
 * with its type asserted, `(await ddb.send(...)) as QueryOutput`) then `return Items?.[0]` (JavaScript), `if (r.items().isEmpty()) return null; return map(r.items().get(0));`
 * (Java), `response.Items.Count == 0` then `response.Items[0]` (C#). Without a filter, the first item of a
 * read is on its first page, so more pages would change nothing. Every other use of the result or its items
 * (returned, iterated, passed on, indexed past 0, counted as a number, reassigned, a field or a module name)
 * means all of them may matter. A use as the argument of `print`, `console` or a logger's method, also
 * through `type`, `len`, `str` or `repr` (`print(type(items))`), reads nothing more. Read inside one function, token by token; how each language reads is in `firstItemDialects.ts`.
 */
import { codeOf } from '../tokenCodes';
import type { CodeAnalyzer } from './analyzer';
import { comparedWithFew, Dialect, dialectOf, endsStatement, expressionStart } from './firstItemDialects';
import { chainStart } from './receiverChains';
import { thenCallback } from './readReplies';

const RETURN = codeOf('return');

/** Uses of a result or items variable read in one function: far more than a handler has. */
const MAX_USES = 32;
/** Tokens read after a variable's assignment: a handler's rest is far shorter; a longer function keeps the finding, and the read stays bounded. */
const MAX_TOKENS_READ = 4000;

/**
 * Whether the local at `variable`, the items a callback's parameter pattern names (`.then(({ data }) => …)`), is
 * used in that callback only for its first item (`data.length > 0 ? data[0] : null`).
 */
export function itemsParameterReadsFirstOnly(a: CodeAnalyzer, variable: number): boolean {
  const dialect = dialectOf(a);
  const fn = a.scopes.enclosing(variable, ['function']);
  return dialect !== undefined && fn > 0 && onlyUses(a, fn, variable, (after) => itemsVariableUse(a, dialect, after));
}

/** Whether a callback's parameter holding a whole result (`.then((r) => r.data[0])`) is used only for the first item of its member `items`. */
export function resultParameterReadsFirstOnly(a: CodeAnalyzer, variable: number, items: string): boolean {
  const dialect = dialectOf(a);
  const fn = a.scopes.enclosing(variable, ['function']);
  return dialect !== undefined && fn > 0 && onlyUses(a, fn, variable, (after) => a.isAccess(after) && a.idIs(after + 1, items) && firstItemUse(a, dialect, after + 2, fn));
}

/** Whether the result of the call whose name is at `nameIndex` is used only for its first item (see the module's comment). */
export function readsFirstItemOnly(a: CodeAnalyzer, nameIndex: number): boolean {
  const dialect = dialectOf(a);
  const call = dialect?.result(a, nameIndex);
  const fn = call ? a.scopes.enclosing(call.name, ['function']) : -1;
  if (!dialect || !call || fn <= 0) {
    return false;
  }
  // The SDK v2's error-first callback or a promise's `then` (`db.query(params, (err, data) => { … })`): its response parameter.
  const callback = a.language.family === 'js' ? thenCallback(a, nameIndex) : undefined;
  if (callback) {
    return callbackReadsFirstItem(a, dialect, callback);
  }
  // A same-file helper's call has no receiver (`await query(params(id)).promise()`, `passThroughFirstItems.ts`).
  const start = a.isAccess(call.name - 1) ? chainStart(a, call.name - 2) : a.language.family === 'js' ? call.name : -1;
  // `(await ddb.send(...)).Items[0]`: the awaited result in parentheses.
  const awaited = a.idIs(start - 1, 'await') && a.is(start - 2, '(') && a.partner[start - 2] === call.end ? call.end + 1 : call.end;
  const items = dialect.itemsAfter(a, awaited);
  if (items >= 0) {
    return firstItemUse(a, dialect, items, fn);
  }
  // `return table.query(...)["Count"] > 0`: the count of the call's own result, as an existence test.
  if (dialect.pageFreeAt(a, awaited)) {
    return true;
  }
  // `const { Items } = (await ddb.send(...)) as QueryOutput<Order>;`: the awaited result in parentheses, and a
  // TypeScript assertion of its type, which changes no value; the statement ends after the type.
  const wrapped = awaited !== call.end;
  const asserted = assertionEnd(a, wrapped ? awaited : call.end);
  if (start < 0 || !endsStatement(a, asserted >= 0 ? asserted : wrapped ? awaited : call.end)) {
    return false;
  }
  const from = wrapped ? start - 2 : start;
  const destructured = dialect.destructuredItemsAt(a, from);
  if (destructured >= 0) {
    return onlyUses(a, fn, destructured, (after) => itemsVariableUse(a, dialect, after));
  }
  const response = dialect.assignedAt(a, from);
  return response >= 0 && onlyUses(a, fn, response, (end) => {
    const after = dialect.itemsAfter(a, end);
    return after >= 0 ? firstItemUse(a, dialect, after, fn) || loggedAlone(a, after) : dialect.pageFreeAt(a, end) || loggedAlone(a, end) || testedCount(a, dialect, end, fn);
  });
}

/** Tokens a type asserted with `as` is read over (`as QueryCommandOutput`, `as TypedQueryOutput<Product[]>`). */
const MAX_ASSERTED_TYPE_TOKENS = 24;
const TYPE_PUNCTUATION = new Set(['.', '<', '>', '[', ']', ',', '|', '&']);

/** After a TypeScript `as Type` at `at` (the type names and its punctuation only), the token that follows the type; else -1. */
function assertionEnd(a: CodeAnalyzer, at: number): number {
  if (a.language.family !== 'js' || !a.idIs(at, 'as')) {
    return -1;
  }
  for (let k = at + 1; k < at + MAX_ASSERTED_TYPE_TOKENS && k < a.tokens.length; k++) {
    if (k > at + 1 && endsStatement(a, k)) {
      return k;
    }
    if (!a.isId(k) && !TYPE_PUNCTUATION.has(a.tokens.text(k))) {
      return -1;
    }
  }
  return -1;
}

/** A callback's response parameter (`data` of `function (err, data) {`), used only as a response read for its first item. */
function callbackReadsFirstItem(a: CodeAnalyzer, dialect: Dialect, callback: { response: string; body: number }): boolean {
  const fn = a.scopes.enclosing(callback.body, ['function']);
  let param = callback.body - 1;
  while (param > 0 && !a.idIs(param, callback.response)) {
    param--;
  }
  return fn > 0 && param > 0 && onlyUses(a, fn, param, (end) => {
    const after = dialect.itemsAfter(a, end);
    return after >= 0 ? firstItemUse(a, dialect, after, fn) || loggedAlone(a, after) : dialect.pageFreeAt(a, end) || loggedAlone(a, end) || testedCount(a, dialect, end, fn);
  });
}

/** `count = response["Count"]` alone on its statement, the count then only compared so that it tells none, one or more (`return count > 0`). */
function testedCount(a: CodeAnalyzer, dialect: Dialect, end: number, fn: number): boolean {
  const after = dialect.countAfter?.(a, end) ?? -1;
  const variable = after >= 0 && endsStatement(a, after) ? dialect.assignedAt(a, expressionStart(a, after)) : -1;
  return variable >= 0 && onlyUses(a, fn, variable, (use) => comparedWithFew(a, use));
}

/** A use of the items that ends at `end`: at their first item, tested, or assigned or decoded to a variable used only so. */
function firstItemUse(a: CodeAnalyzer, dialect: Dialect, end: number, fn: number): boolean {
  return dialect.firstItemAt(a, end) || dialect.testedAt(a, end) || viaVariable(a, dialect, end, fn) || decodedList(a, dialect, end, fn);
}

/** Go's items decoded into a list (`attributevalue.UnmarshalListOfMaps(out.Items, &users)`), the list then used only at its first element and in tests. */
function decodedList(a: CodeAnalyzer, dialect: Dialect, end: number, fn: number): boolean {
  const list = dialect.decodedListAt?.(a, end) ?? -1;
  return list >= 0 && onlyUses(a, fn, list, (after) => itemsVariableUse(a, dialect, after));
}

/** A use of an items variable that ends at `end`: at its first item, tested, or logged. */
function itemsVariableUse(a: CodeAnalyzer, dialect: Dialect, end: number): boolean {
  return dialect.firstItemAt(a, end) || dialect.testedAt(a, end) || loggedAlone(a, end);
}

/** `items = response["Items"]`, `List<…> items = r.items();`, alone on its statement: the items' variable, used only at the first item, in tests and in logs. */
function viaVariable(a: CodeAnalyzer, dialect: Dialect, end: number, fn: number): boolean {
  const variable = endsStatement(a, end) ? dialect.assignedAt(a, expressionStart(a, end)) : -1;
  return variable >= 0 && onlyUses(a, fn, variable, (after) => itemsVariableUse(a, dialect, after));
}

/** Built-ins that describe a value for a log line (`print(type(items))`): what they print reads nothing more. */
const DESCRIBING = new Set(['type', 'len', 'str', 'repr']);

/**
 * The name or items (`response["Items"]`) before `end` are the only argument of `print(...)`, of `console`'s or of a
 * logger's method (`logger.info(items)`), or of a describing built-in that is itself such an argument (`print(type(items))`).
 */
function loggedAlone(a: CodeAnalyzer, end: number): boolean {
  const open = expressionStart(a, end) - 1;
  if (!a.is(open, '(') || a.partner[open] !== end) {
    return false;
  }
  const callee = a.id(open - 1);
  const described = callee !== undefined && DESCRIBING.has(callee) && a.is(open - 2, '(') && a.is(end + 1, ')');
  return logs(a, open) || (described && logs(a, open - 2));
}

/** The call whose arguments open at `open` is `print`, or a method of `console` or of a logger. */
function logs(a: CodeAnalyzer, open: number): boolean {
  if (a.idIs(open - 1, 'print')) {
    return true;
  }
  const receiver = a.isAccess(open - 2) ? a.id(open - 3) : undefined;
  return receiver !== undefined && (/log/i.test(receiver) || receiver === 'console');
}

/**
 * Whether every other occurrence of the local at `variable` in the function `fn` is a use `accepted`
 * takes (given the token after the name), and the function assigns it nowhere else.
 */
function onlyUses(a: CodeAnalyzer, fn: number, variable: number, accepted: (end: number) => boolean): boolean {
  const name = a.tokens.text(variable);
  const [, fnEnd] = a.scopes.range(fn);
  if (a.scopes.enclosing(variable, ['function']) !== fn || name === 'self' || fnEnd - variable > MAX_TOKENS_READ) {
    return false;
  }
  const reach = Math.min(returnedBy(a, variable, fnEnd), a.tokens.length);
  let uses = 0;
  for (let k = variable + 1; k < reach; k++) {
    if (!a.idIs(k, name) || a.isAccess(k - 1) || shadowedWithin(a, k, name, variable, fn)) {
      continue;
    }
    if (++uses > MAX_USES || a.scopes.enclosing(k, ['function']) !== fn || !accepted(k + 1)) {
      return false;
    }
  }
  return uses > 0;
}

/** The name at `k`, inside a function nested in `fn`, is that function's own variable (a nested callback's `data`: `db.put(p, function (err, data) {`). */
function shadowedWithin(a: CodeAnalyzer, k: number, name: string, variable: number, fn: number): boolean {
  const inner = a.scopes.enclosing(k, ['function']);
  const bound = inner !== fn ? a.scopes.lookup(name, k) : undefined;
  return bound !== undefined && bound.token > variable && a.scopes.enclosing(bound.token, ['function']) === inner;
}

/**
 * Where the code that a local's value at `variable` can reach ends: after the first `return` statement of the
 * block that assigns it (`elif email: resp = table.query(...)` … `return items[0] if items else None`), which
 * leaves the function, so the other branches' assignments and uses of the same name come from other runs;
 * else at the function's end `fnEnd`.
 */
function returnedBy(a: CodeAnalyzer, variable: number, fnEnd: number): number {
  const block = a.scopes.scopeAt(variable);
  const codes = a.tokens.codes;
  for (let k = variable + 1; k < fnEnd; k++) {
    if (codes[k] === RETURN && a.startsLine(k) && a.scopes.scopeAt(k) === block) {
      const group = a.parent[k];
      let end = k + 1;
      while (end < fnEnd && !(a.startsLine(end) && a.parent[end] === group)) {
        end++;
      }
      return end;
    }
  }
  return fnEnd;
}

/**
 * A result that holds its items under `items` (ElectroDB version 2's `{ data, cursor }` from `go()`, whose call
 * closes at `end`; its chain starts at `chainFrom`) used only for its first item or for whether it has one:
 * `(await q.go()).data[0]`, `const { data } = await q.go()` then `data[0]`, or `const resp = await q.go()` then
 * only `resp.data.at(0)`, `if (!resp.data.length)`.
 */
export function readsFirstOfMember(a: CodeAnalyzer, chainFrom: number, end: number, items: string): boolean {
  const dialect = dialectOf(a);
  const fn = a.scopes.enclosing(end, ['function']);
  if (!dialect || fn <= 0) {
    return false;
  }
  const itemsAfter = (at: number): number => (a.isAccess(at) && a.idIs(at + 1, items) ? at + 2 : -1);
  const awaited = a.idIs(chainFrom - 1, 'await') ? chainFrom - 1 : chainFrom;
  if (a.is(awaited - 1, '(') && a.partner[awaited - 1] === end + 1) {
    const after = itemsAfter(end + 2);
    return after >= 0 && firstItemUse(a, dialect, after, fn);
  }
  if (!endsStatement(a, end + 1) || !a.is(awaited - 1, '=')) {
    return false;
  }
  // `const { data } = …`, `const { data: rows } = …`: the pattern names the items and nothing else.
  const open = a.is(awaited - 2, '}') ? a.partner[awaited - 2] : -1;
  if (open >= 0) {
    const variable = a.idIs(open + 1, items) ? (a.is(open + 2, ':') && a.isId(open + 3) ? open + 3 : open + 1) : -1;
    return variable >= 0 && variable + 1 === awaited - 2 && onlyUses(a, fn, variable, (after) => itemsVariableUse(a, dialect, after));
  }
  const response = dialect.assignedAt(a, chainFrom);
  return response >= 0 && onlyUses(a, fn, response, (after) => {
    const member = itemsAfter(after);
    return member >= 0 && firstItemUse(a, dialect, member, fn);
  });
}
