/**
 * What the readers of the libraries over DynamoDB share (`dynamoOrms.ts`): the builder steps chained after a
 * call (`.limit(10).exec()`), whether a function names the key a library hands back to continue a read, and
 * an options object read as the request's API parameters.
 */
import { OptionContext, OptionOccurrence } from '../../model';
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';
import { contextFrom, sentAs } from '../options';
import { variableContext } from '../requests';
import { closeAngle } from '../typeArguments';

/** One `.name(...)` of a builder chain: the name token and its parentheses. */
export interface ChainStep {
  name: number;
  open: number;
  close: number;
}

/** Builder steps read after one call: far more than a real chain has. */
const MAX_STEPS = 32;

/**
 * The `.name(...)` calls chained after the call that closes at `close` (`.eq(id).limit(10).exec()`), in
 * order; the chain ends at anything else (a member read, an operator, the end of the statement).
 */
export function chainedSteps(a: CodeAnalyzer, close: number): ChainStep[] {
  const steps: ChainStep[] = [];
  let j = close + 1;
  while (steps.length < MAX_STEPS && a.isAccess(j) && a.isId(j + 1) && a.is(j + 2, '(') && a.partner[j + 2] > j + 2) {
    steps.push({ name: j + 1, open: j + 2, close: a.partner[j + 2] });
    j = a.partner[j + 2] + 1;
  }
  return steps;
}

/** The `(` of the call named at `nameIndex`, after its type arguments (`User.find<Row>(...)`), or -1. */
export function callOpen(a: CodeAnalyzer, nameIndex: number): number {
  const open = a.is(nameIndex + 1, '<') && a.language.typeArguments ? closeAngle(a, nameIndex + 1) + 1 : nameIndex + 1;
  return open > nameIndex && a.is(open, '(') && a.partner[open] > open ? open : -1;
}

/** The step of a chain with this name, if any. */
export function stepNamed(a: CodeAnalyzer, steps: readonly ChainStep[], name: string): ChainStep | undefined {
  return steps.find((step) => a.tokens.is(step.name, name));
}

/** Per function scope (0: the module) and list of words, whether its tokens hold one of them. */
const mentions = new FileMemo<string, boolean>();

/**
 * Whether the function around `token` (the module, outside any) names one of `words`: the key a library
 * hands back to continue a read (dynamoose's `lastKey`), which the code that pages reads or passes back, or
 * one of `methods` called on something (`result.next()`). Each function is read once per list, which
 * `listName` names.
 */
export function functionMentions(a: CodeAnalyzer, token: number, words: readonly string[], methods: readonly string[], listName: string): boolean {
  const scope = a.scopes.enclosing(token, ['function']);
  return mentions.get(a, `${listName}\0${scope}`, () => {
    const [start, end] = scope > 0 ? a.scopes.range(scope) : [0, a.tokens.length - 1];
    for (let k = start; k <= end; k++) {
      // Token comparisons, no slices: the function may be long.
      if (a.isId(k) && (a.tokens.isOneOf(k, words) || (a.isAccess(k - 1) && a.is(k + 1, '(') && a.tokens.isOneOf(k, methods)))) {
        return true;
      }
    }
    return false;
  });
}

/**
 * The options object that is the argument `start`…`end` (exclusive) of a call, written inline or held by a
 * variable bound to a literal, as the request of `operation` anchored at `anchor`: each option the library
 * sends under an API parameter's name (`renames`, by normalised name) is read as that parameter, the others
 * are left out of the request and returned as the library's own (`pages`, `maxPages`), for the caller to
 * read; the keys of a `passthrough` option's object are API parameters as written. No argument gives an empty request; undefined when the argument is something the analyzer cannot
 * read, or spreads what it cannot see.
 */
export function optionsArgument(
  a: CodeAnalyzer,
  start: number,
  end: number,
  operation: string,
  anchor: number,
  renames: ReadonlyMap<string, string>,
  passthrough?: string,
): { request: OptionContext; own: OptionOccurrence[] } | undefined {
  const span = a.tokenSpan(anchor);
  let read: OptionContext | undefined;
  if (start >= end) {
    read = { kind: 'sdk', type: operation, options: [], complete: true, anchor: span };
  } else if (a.is(start, '{') && a.partner[start] === end - 1) {
    read = contextFrom(a, start, end - 1, 'sdk', operation, span);
  } else if (end === start + 1 && a.isId(start)) {
    read = variableContext(a, start, 'sdk', operation, span);
  }
  if (!read?.complete) {
    return undefined;
  }
  const own = read.options;
  read.options = own.flatMap((option) => {
    const sent = renames.get(option.norm);
    if (option.norm === passthrough) {
      // An object the library merges into the request as written (ElectroDB's `params: { ConsistentRead: true }`).
      const [first, last] = a.tokensOf(option.value);
      return a.is(first, '{') && a.partner[first] === last - 1 ? contextFrom(a, first, last - 1, 'sdk', operation, span).options : [];
    }
    return sent ? [sentAs(option, sent)] : [];
  });
  // Positional arguments and the library's defaults are not read: absence tells nothing.
  read.complete = false;
  return { request: read, own };
}
