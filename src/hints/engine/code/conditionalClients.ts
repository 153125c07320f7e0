/**
 * A conditional that picks one of two clients: JavaScript's `process.env.DAX_ENDPOINT ? new AmazonDaxClient(...)
 * : new AWS.DynamoDB()` (a local endpoint or the real one) and Python's `redis.from_url(url) if not cluster else
 * RedisCluster.from_url(url)`: the client it gives either way. Read only where both branches make clients of the
 * same service; a low-level client and a document client give the document client, whose methods include the
 * low-level ones (`services.ts`).
 */
import type { CodeAnalyzer } from './analyzer';
import { chainEnd } from './receiverChains';
import type { Value } from './values';

/** The client a `cond ? a : b` whose `?` is at `question` gives, if both branches give one, and where it ends. */
export function conditionalClient(a: CodeAnalyzer, question: number): { value: Value | undefined; end: number } {
  if (keepsItself(a, question)) {
    // `client = client ? client : makeClient()`, a lazy singleton written as `client || makeClient()` is.
    const made = a.evalChain(question + 3, a.tokens.length);
    return { value: made.value?.t === 'client' ? made.value : undefined, end: made.end };
  }
  const yes = a.evalChain(question + 1, a.tokens.length);
  if (yes.value?.t !== 'client' || !a.is(yes.end, ':')) {
    return { value: undefined, end: yes.end };
  }
  const no = a.evalChain(yes.end + 1, a.tokens.length);
  return { value: eitherClient(yes.value, no.value), end: no.end };
}

/** Whether the conditional at `question` tests a bare name and gives that same name when it is set (`db ? db : ...`). */
function keepsItself(a: CodeAnalyzer, question: number): boolean {
  const name = question - 1;
  return (
    a.isId(name) &&
    !a.isAccess(name - 1) &&
    a.isId(question + 1) &&
    a.is(question + 2, ':') &&
    a.tokens.text(question + 1) === a.tokens.text(name) &&
    !a.tokens.isOneOf(name, ['this', 'self'])
  );
}

/** The client both branches give (the document client for a low-level and a document one), or undefined. */
function eitherClient(yes: Value, no: Value | undefined): Value | undefined {
  if (yes.t !== 'client' || no?.t !== 'client') {
    return undefined;
  }
  if (no.kind === yes.kind) {
    return yes;
  }
  const kinds = new Set([yes.kind, no.kind]);
  return kinds.has('dynamodb') && kinds.has('dynamodb-document') ? { t: 'client', kind: 'dynamodb-document' } : undefined;
}

/** Conditions longer than this many tokens are not read (`a if <condition> else b`). */
const MAX_CONDITION_TOKENS = 200;

/**
 * Python's `a if cond else b` whose first branch `yes` ends at the `if` at `ifAt`: the client both branches give,
 * and where the expression ends. A nested `else c if cond2 else d` is read branch by branch.
 */
export function pythonConditionalClient(a: CodeAnalyzer, yes: Value, ifAt: number): { value: Value | undefined; end: number } {
  let value: Value | undefined = yes;
  let at = ifAt;
  while (value && a.idIs(at, 'if')) {
    const elseAt = elseOf(a, at);
    if (elseAt < 0) {
      return { value: undefined, end: at };
    }
    const no = a.evalChain(elseAt + 1, a.tokens.length);
    value = eitherClient(value, no.value);
    at = no.end;
  }
  return { value, end: at };
}

/** The `else` of the conditional whose `if` is at `ifAt`, in the same brackets and statement, or -1. */
function elseOf(a: CodeAnalyzer, ifAt: number): number {
  const holder = a.parent[ifAt];
  for (let k = ifAt + 1, steps = 0; k < a.tokens.length && steps < MAX_CONDITION_TOKENS; k++, steps++) {
    if (a.parent[k] !== holder || (a.startsLine(k) && holder < 0)) {
      return -1;
    }
    if (a.idIs(k, 'else')) {
      return k;
    }
    // Past a bracketed part of the condition (`if settings.get("CLUSTER") else`).
    if (a.partner[k] > k) {
      k = a.partner[k];
    }
  }
  return -1;
}

/** Where the `?` of a conditional whose condition is the dotted name or call from `start` is (`process.env.X ?`), or -1. */
function questionAfter(a: CodeAnalyzer, start: number): number {
  const end = chainEnd(a, start);
  return end > 0 && a.is(end, '?') ? end : -1;
}

/** The chain from `start` as `evalChain` reads it, or the conditional it is the condition of (an exported binding's value). */
export function chainOrConditional(a: CodeAnalyzer, start: number): { value: Value | undefined; end: number } {
  const chain = a.evalChain(start, a.tokens.length);
  if (chain.value?.t === 'client' && a.language.family === 'python' && a.idIs(chain.end, 'if')) {
    return pythonConditionalClient(a, chain.value, chain.end);
  }
  const question = chain.value === undefined && a.language.family === 'js' ? questionAfter(a, start) : -1;
  return question > 0 ? conditionalClient(a, question) : chain;
}
