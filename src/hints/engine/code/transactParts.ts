/**
 * JavaScript and TypeScript DynamoDB transaction parts built apart from their request: `TransactItems: parts`, or
 * `[...versions, ...puts]`, where a name is a `const` bound to an array literal of parts (and the parts that
 * `parts.push({ Update: {...} })` adds before the request, as a loop over a cart does), to `list.map(...)` whose
 * callback gives one part (`(e) => ({ Put: {...} })`, or a block whose `return` does), or to a `concat` of such
 * values. Each part's keys (`ConditionExpression`, `UpdateExpression`, ...) are the request's, as when written in
 * place (`options.ts` reads those).
 */
import { bindsWholeExpression } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { bindingAt } from './names';
import { tokensNamed } from './tokenIndex';
import { pythonHeldParts } from './languages/pythonTransactParts';

/** How many names and calls are followed from the request to the parts. */
const MAX_DEPTH = 4;
/** Tokens of a `map` callback's block body read for its `return`s: a part builder is short. */
const MAX_CALLBACK_TOKENS = 400;
/** How many `push` calls of one parts array are read: a request holds at most 100 parts, written in a few statements. */
const MAX_PUSHES = 16;

/**
 * The `{` of each part object the value in tokens [start, end) builds apart from where it is written: the parts
 * an array literal written here holds in place are read with the request already, so only what it spreads is.
 */
export function heldTransactParts(a: CodeAnalyzer, start: number, end: number): number[] {
  if (a.language.family === 'python') {
    return pythonHeldParts(a, start, end);
  }
  if (a.language.family !== 'js') {
    return [];
  }
  const found: number[] = [];
  partsOf(a, start, end, 0, found);
  return found;
}

function partsOf(a: CodeAnalyzer, start: number, end: number, depth: number, found: number[]): void {
  if (depth > MAX_DEPTH || end <= start) {
    return;
  }
  if (end === start + 1 && a.isId(start)) {
    const binding = bindingAt(a, start, end);
    // A `const` holds the parts it is bound to for good; a `let` may be given others.
    if (binding && bindsWholeExpression(binding) && a.idIs(binding.token - 1, 'const')) {
      partsOf(a, binding.expression, expressionEnd(a, binding.expression), depth + 1, found);
      if (a.is(binding.expression, '[')) {
        pushedParts(a, start, binding.token, found);
      }
    }
    return;
  }
  if (a.is(start, '[') && a.partner[start] === end - 1) {
    for (const [from, to] of segments(a, start)) {
      if (a.tokens.isSpread(from)) {
        partsOf(a, from + 3, to, depth + 1, found);
      } else if (depth > 0 && a.is(from, '{') && a.partner[from] === to - 1) {
        found.push(from);
      }
    }
    return;
  }
  const open = a.is(end - 1, ')') ? a.partner[end - 1] : -1;
  if (open <= start + 1 || !a.is(open - 2, '.')) {
    return;
  }
  const method = a.id(open - 1);
  if (method === 'map') {
    const callback = segments(a, open)[0];
    if (callback) {
      callbackParts(a, callback[0], callback[1], found);
    }
  } else if (method === 'concat') {
    partsOf(a, start, open - 2, depth + 1, found);
    for (const [from, to] of segments(a, open)) {
      partsOf(a, from, to, depth + 1, found);
    }
  }
}

/** The part a `map` callback in tokens [start, end) gives: `=> ({ ... })`, or each `return { ... }` of its block. */
function callbackParts(a: CodeAnalyzer, start: number, end: number, found: number[]): void {
  let arrow = -1;
  for (let k = start; k < end; k++) {
    if (a.is(k, '=>')) {
      arrow = k;
      break;
    }
    // `function (order) { ... }`: the block after the parameters.
    if (a.idIs(k, 'function')) {
      const params = a.is(k + 1, '(') ? k + 1 : a.is(k + 2, '(') ? k + 2 : -1;
      arrow = params > 0 ? a.partner[params] : -1;
      break;
    }
    if (a.partner[k] > k) {
      k = a.partner[k];
    }
  }
  const body = arrow + 1;
  if (arrow < 0 || body >= end) {
    return;
  }
  if (a.is(body, '(') && a.is(body + 1, '{') && a.partner[body + 1] === a.partner[body] - 1) {
    found.push(body + 1);
    return;
  }
  if (!a.is(body, '{')) {
    return;
  }
  const close = a.partner[body];
  const scope = a.scopes.enclosing(body + 1, ['function']);
  for (let k = body + 1; k < close && k < body + MAX_CALLBACK_TOKENS; k++) {
    if (a.idIs(k, 'return') && a.is(k + 1, '{') && a.scopes.enclosing(k, ['function']) === scope) {
      found.push(k + 1);
    }
  }
}

/**
 * The part objects that `name.push({ ... })` adds to the array the name at `use` holds, between its declaration
 * at `declared` and that use: only a push that names the same binding, and only its object literal arguments.
 */
function pushedParts(a: CodeAnalyzer, use: number, declared: number, found: number[]): void {
  const name = a.tokens.text(use);
  const binding = a.scopes.lookup(name, use);
  let pushes = 0;
  for (const k of tokensNamed(a, name)) {
    if (k >= use || pushes >= MAX_PUSHES) {
      break;
    }
    if (k <= declared) {
      continue;
    }
    if (!a.isAccess(k - 1) && a.is(k + 1, '.') && a.idIs(k + 2, 'push') && a.is(k + 3, '(') && a.scopes.lookup(name, k) === binding) {
      pushes++;
      for (const [from, to] of segments(a, k + 3)) {
        if (a.is(from, '{') && a.partner[from] === to - 1) {
          found.push(from);
        }
      }
    }
  }
}
