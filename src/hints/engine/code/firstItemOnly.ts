/**
 * A read whose result the code uses only for its first item: `return table.query(...)["Items"][0]`, or
 * `response = table.query(...)`, `items = response.get("Items", [])`, `return items[0] if items else None`
 * (Python), `out, err := client.Query(ctx, in)` then `attributevalue.UnmarshalMap(out.Items[0], &m)` after
 * a `len(out.Items) == 0` test (Go). Without a filter, the first item of a read is on its first page, so
 * more pages would change nothing. Every other use of the result or its items (returned, iterated, passed
 * on, indexed past 0, reassigned, a field or a module name) means all of them may matter. A use as the
 * argument of `print` or a logger's method reads nothing more. Read inside one function, token by token.
 */
import type { CodeAnalyzer } from './analyzer';
import { chainStart } from './receiverChains';

/** Uses of a result or items variable read in one function: far more than a handler has. */
const MAX_USES = 32;
/** Tokens read after a variable's assignment: a handler's rest is far shorter; a longer function keeps the finding, and the read stays bounded. */
const MAX_TOKENS_READ = 4000;
/** Members of a read's response whose value does not depend on how many pages are read. */
const PAGE_FREE_KEYS = new Set(['ResponseMetadata', 'ResultMetadata', 'ConsumedCapacity']);

/** How a language reads the items of a response, and writes an assignment. */
interface Dialect {
  /** The token after a response expression that ends at `end` once its items are read (`["Items"]`, `.get("Items", …)`, `.Items`), or -1. */
  itemsAfter(a: CodeAnalyzer, end: number): number;
  /** The variable a statement assigns the expression starting at `start` to, or -1. */
  assignedAt(a: CodeAnalyzer, start: number): number;
}

const python: Dialect = {
  itemsAfter(a, end) {
    if (a.is(end, '[') && a.isString(end + 1) && a.tokens.text(end + 1) === 'Items' && a.is(end + 2, ']')) {
      return end + 3;
    }
    if (a.is(end, '.') && a.idIs(end + 1, 'get') && a.is(end + 2, '(') && a.isString(end + 3) && a.tokens.text(end + 3) === 'Items') {
      return a.partner[end + 2] > end ? a.partner[end + 2] + 1 : -1;
    }
    return -1;
  },
  assignedAt(a, start) {
    const at = a.idIs(start - 1, 'await') ? start - 1 : start;
    return a.is(at - 1, '=') && a.isId(at - 2) && a.startsLine(at - 2) ? at - 2 : -1;
  },
};

const go: Dialect = {
  itemsAfter(a, end) {
    return a.is(end, '.') && a.idIs(end + 1, 'Items') ? end + 2 : -1;
  },
  assignedAt(a, start) {
    // `out, err := client.Query(...)`, `out, err = ...`, `out := ...`.
    if (!a.is(start - 1, ':=') && !a.is(start - 1, '=')) {
      return -1;
    }
    const first = a.is(start - 3, ',') && a.isId(start - 2) && a.isId(start - 4) ? start - 4 : a.isId(start - 2) ? start - 2 : -1;
    return first >= 0 && a.startsLine(first) && !a.idIs(first, '_') ? first : -1;
  },
};

function dialectOf(a: CodeAnalyzer): Dialect | undefined {
  return a.language.family === 'python' ? python : a.language.family === 'go' ? go : undefined;
}

/** Whether the result of the call whose name is at `nameIndex` is used only for its first item (see the module's comment). */
export function readsFirstItemOnly(a: CodeAnalyzer, nameIndex: number): boolean {
  const dialect = dialectOf(a);
  const open = nameIndex + 1;
  const close = a.partner[open];
  const fn = a.scopes.enclosing(nameIndex, ['function']);
  if (!dialect || !a.is(open, '(') || close < open || fn <= 0) {
    return false;
  }
  const items = dialect.itemsAfter(a, close + 1);
  if (items >= 0) {
    return firstItemUse(a, dialect, items, fn);
  }
  const response = a.isAccess(nameIndex - 1) ? dialect.assignedAt(a, chainStart(a, nameIndex - 2)) : -1;
  return response >= 0 && onlyUses(a, fn, response, (end) => {
    const after = dialect.itemsAfter(a, end);
    return after >= 0 ? firstItemUse(a, dialect, after, fn) : outsideItems(a, end);
  });
}

/** A use of the items that ends at `end`: indexed at 0, tested, or assigned to a variable used only so. */
function firstItemUse(a: CodeAnalyzer, dialect: Dialect, end: number, fn: number): boolean {
  return indexedAtZero(a, end) || testedOrCounted(a, end) || viaVariable(a, dialect, end, fn);
}

/** The first token of the expression that ends before `end`: a name, then members, calls and subscripts. */
function expressionStart(a: CodeAnalyzer, end: number): number {
  let p = end - 1;
  for (let steps = 0; steps < 16; steps++) {
    const opened = a.is(p, ']') || a.is(p, ')') ? a.partner[p] : -1;
    if (opened >= 0 && opened < p) {
      p = opened - 1;
    } else if (a.isId(p) && a.isAccess(p - 1)) {
      p -= 2;
    } else {
      break;
    }
  }
  return p;
}

/** `items = response["Items"]`, alone on its statement: the items' variable, used only at 0, in tests and in logs. */
function viaVariable(a: CodeAnalyzer, dialect: Dialect, end: number, fn: number): boolean {
  const statementEnd = a.language.family === 'python' ? a.startsLine(end) || end >= a.tokens.length : a.startsLine(end) || a.is(end, ';');
  let start = end - 1;
  for (let steps = 0; steps < 64 && start > 0 && !a.startsLine(start); steps++) {
    start--;
  }
  const variable = statementEnd && expressionStart(a, end) === start + 2 ? dialect.assignedAt(a, start + 2) : -1;
  return variable === start && onlyUses(a, fn, variable, (after) => indexedAtZero(a, after) || testedOrCounted(a, after) || loggedAlone(a, after));
}

/** `[0]` after the items. */
function indexedAtZero(a: CodeAnalyzer, end: number): boolean {
  return a.is(end, '[') && a.tokens.text(end + 1) === '0' && a.is(end + 2, ']');
}

/**
 * A test of the items, or their count: `if items:`, `not items`, `items and …`, `… if items else …`,
 * `len(items)`, Go's `out.Items == nil`.
 */
function testedOrCounted(a: CodeAnalyzer, end: number): boolean {
  const before = expressionStart(a, end) - 1;
  if (a.is(before, '(') && a.idIs(before - 1, 'len') && a.is(end, ')')) {
    return true;
  }
  const test = a.idIs(before, 'if') || a.idIs(before, 'not') || a.idIs(before, 'elif') || a.idIs(before, 'and') || a.idIs(before, 'or') || a.idIs(before, 'while');
  const ends = a.is(end, ':') || a.idIs(end, 'else') || a.idIs(end, 'and') || a.idIs(end, 'or') || a.is(end, ')') || a.startsLine(end);
  return (test && ends) || ((a.is(end, '==') || a.is(end, '!=')) && a.idIs(end + 1, 'nil'));
}

/**
 * A use of a response that says nothing of its items: its metadata (`["ResponseMetadata"]`, Go's
 * `.ResultMetadata`, the consumed capacity), or an argument of `print` or a logger. `Count` and
 * `ScannedCount` count the first page only, so they are no such use.
 */
function outsideItems(a: CodeAnalyzer, end: number): boolean {
  const key = (a.is(end, '[') && a.isString(end + 1)) || (a.is(end, '.') && a.isId(end + 1)) ? a.tokens.text(end + 1) : undefined;
  return (key !== undefined && PAGE_FREE_KEYS.has(key)) || loggedAlone(a, end);
}

/** The name before `end` is the only argument of `print(...)` or of a logger's method (`logger.info(items)`). */
function loggedAlone(a: CodeAnalyzer, end: number): boolean {
  const open = end - 2;
  if (!a.is(open, '(') || !a.is(end, ')')) {
    return false;
  }
  if (a.idIs(open - 1, 'print')) {
    return true;
  }
  const receiver = a.isAccess(open - 2) ? a.id(open - 3) : undefined;
  return receiver !== undefined && /log/i.test(receiver);
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
  let uses = 0;
  for (let k = variable + 1; k < fnEnd && k < a.tokens.length; k++) {
    if (!a.idIs(k, name) || a.isAccess(k - 1)) {
      continue;
    }
    if (++uses > MAX_USES || a.scopes.enclosing(k, ['function']) !== fn || !accepted(k + 1)) {
      return false;
    }
  }
  return uses > 0;
}
