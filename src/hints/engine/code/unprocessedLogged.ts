/**
 * Unprocessed items or keys a batch's code reads only to log them: a log call's argument
 * (`log.Printf("not written: %v", out.UnprocessedItems)`), or the condition of an `if` whose body only logs
 * (`if len(out.UnprocessedItems) > 0 { log.Println("some items were not written") }`). The requests are
 * still dropped, so such a read is no retry. A read that does anything else (resends, returns, throws,
 * assigns, or an `if` with an `else`) is taken as handling them, and so is a log in a function that returns
 * the reply whole, to callers that may read them. An `if` whose body only waits (`time.Sleep(...)`, maybe beside a
 * log) is read apart (`onlyWaited`): it sends nothing again either.
 */
import type { CodeAnalyzer } from './analyzer';

/** Logging methods, lower-cased; `fatal` and `panic` end the program, which surfaces the failure. */
const LOG_METHODS = new Set([
  'log', 'debug', 'info', 'information', 'warn', 'warning', 'error', 'exception', 'critical', 'trace', 'notice',
  'print', 'println', 'printf', 'writeline', 'debugf', 'infof', 'warnf', 'warningf', 'errorf', 'tracef',
  'logdebug', 'loginformation', 'logwarning', 'logerror', 'logcritical', 'logtrace',
]);
/** A receiver that is a logger: `log`, `logger`, `_logger`, `LOG`, `logging`, `slog`, `logrus`, `appLogger`. */
const LOGGER = /^_*(?:s?log(?:ger|ging|rus)?|\w*logger)$/i;

/**
 * What a body may do besides nothing: log (`log`), or also wait (`wait`: `time.Sleep(...)`, `Thread.sleep(...)`), where
 * a wait counts only when the body holds one.
 */
type Allowed = 'log' | 'wait';

/** Whether the marker at `marker` (unprocessed items or keys, a page key) is read only to be logged. */
export function onlyLogged(a: CodeAnalyzer, marker: number): boolean {
  return readOnlyFor(a, marker, 'log');
}

/**
 * Whether the unprocessed items or keys at `marker` are read only by the condition of an `if` whose body waits and
 * does nothing else but log (`if len(out.UnprocessedKeys) > 0 { time.Sleep(50 * time.Millisecond) }`): a pause that
 * sends nothing again, so what came back unprocessed is still dropped.
 */
export function onlyWaited(a: CodeAnalyzer, marker: number): boolean {
  return readOnlyFor(a, marker, 'wait');
}

function readOnlyFor(a: CodeAnalyzer, marker: number, allowed: Allowed): boolean {
  for (let open = a.parent[marker]; ; open = a.parent[open]) {
    if (open < 0 || a.is(open, '{')) {
      return unbracketedCondition(a, marker, open, allowed);
    }
    if (!a.is(open, '(')) {
      continue;
    }
    if (a.idIs(open - 1, 'if')) {
      const close = a.partner[open];
      return close > open && bodyOnlyLogs(a, close + 1, allowed);
    }
    const root = chainRoot(a, open - 1);
    if (root >= 0 && isLogCall(a, root, open - 1)) {
      return allowed === 'log' && startsStatement(a, root);
    }
  }
}

/** A Go or Python `if` whose condition holds the marker outside any bracket of the `if` itself; `depth` is the bracket around the statement. */
function unbracketedCondition(a: CodeAnalyzer, marker: number, depth: number, allowed: Allowed): boolean {
  let top = marker;
  while (a.parent[top] !== depth) {
    top = a.parent[top];
  }
  let first = top;
  while (!a.startsLine(first)) {
    const previous = first - 1;
    if (a.is(previous, '{') || a.is(previous, '}') || a.is(previous, ';') || a.is(previous, ':')) {
      return false;
    }
    first = a.partner[previous] >= 0 && a.partner[previous] < previous ? a.partner[previous] : previous;
  }
  if (!a.idIs(first, 'if') && !a.idIs(first, 'elif')) {
    return false;
  }
  // The header ends at the body's `:` (Python) or `{` (Go), at the statement's own depth.
  const python = a.language.family === 'python';
  for (let k = top; k < a.tokens.length && a.parent[k] === depth; k = a.partner[k] > k ? a.partner[k] + 1 : k + 1) {
    if (python && a.is(k, ':')) {
      return pythonBodyOnlyLogs(a, first, k + 1, allowed);
    }
    if (!python && a.is(k, '{')) {
      return bodyOnlyLogs(a, k, allowed);
    }
  }
  return false;
}

/** A brace language's `if` body that starts at `from` (`{ ... }`, or one statement), logs (or waits) and does nothing else, with no `else`. */
function bodyOnlyLogs(a: CodeAnalyzer, from: number, allowed: Allowed): boolean {
  if (a.is(from, '{')) {
    const close = a.partner[from];
    return close > from && !a.idIs(close + 1, 'else') && onlyLogCalls(a, from + 1, close, allowed);
  }
  let end = from;
  while (end < a.tokens.length && !a.is(end, ';') && a.parent[end] === a.parent[from]) {
    end = a.partner[end] > end ? a.partner[end] + 1 : end + 1;
  }
  return !a.idIs(end + 1, 'else') && onlyLogCalls(a, from, end, allowed);
}

/** A Python `if` body after its `:` (the rest of the line, or the lines indented under `header`), with no `elif` or `else`. */
function pythonBodyOnlyLogs(a: CodeAnalyzer, header: number, from: number, allowed: Allowed): boolean {
  const indent = (token: number) => a.lines.position(a.tokens.starts[token]).character;
  const level = indent(header);
  let end = from;
  const sameLine = !a.startsLine(from);
  while (end < a.tokens.length && !(a.startsLine(end) && (sameLine || indent(end) <= level))) {
    end++;
  }
  return !a.idIs(end, 'else') && !a.idIs(end, 'elif') && onlyLogCalls(a, from, end, allowed);
}

/** Whether the tokens [from, to) are one or more logging calls and nothing else; for `wait`, also waiting calls, one at least. */
function onlyLogCalls(a: CodeAnalyzer, from: number, to: number, allowed: Allowed): boolean {
  let calls = 0;
  let waits = 0;
  let k = from;
  while (k < to) {
    if (a.is(k, ';')) {
      k++;
      continue;
    }
    const root = a.idIs(k, 'await') ? k + 1 : k;
    let name = root;
    while (a.isAccess(name + 1) && a.isId(name + 2)) {
      name += 2;
    }
    const close = a.partner[name + 1];
    const waiting = allowed === 'wait' && a.isId(root) && isWaitCall(a, root, name);
    if (!a.isId(root) || !a.is(name + 1, '(') || close <= name + 1 || !(waiting || isLogCall(a, root, name))) {
      return false;
    }
    calls++;
    waits += waiting ? 1 : 0;
    k = close + 1;
  }
  return calls > 0 && (allowed === 'log' || waits > 0);
}

/** Receivers whose `sleep` or `delay` pauses the caller: Go's and Python's `time`, `asyncio`, Java's `Thread` and `TimeUnit`, .NET's `Task`. */
const WAITERS = new Set(['time', 'asyncio', 'thread', 'timeunit', 'task']);

/** A call that only pauses: `time.Sleep(d)`, `time.sleep(s)`, `await asyncio.sleep(s)`, `Thread.sleep(ms)`, `TimeUnit.SECONDS.sleep(1)`, `await Task.Delay(ms)`, a bare `sleep(s)`. */
function isWaitCall(a: CodeAnalyzer, root: number, name: number): boolean {
  const method = (a.id(name) ?? '').toLowerCase();
  if (method !== 'sleep' && method !== 'delay') {
    return false;
  }
  return root === name ? method === 'sleep' : WAITERS.has((a.id(root) ?? '').toLowerCase());
}

/** The first name of the `a.b.c` chain that ends at the name `name`, or -1. */
function chainRoot(a: CodeAnalyzer, name: number): number {
  if (!a.isId(name)) {
    return -1;
  }
  let root = name;
  while (a.isAccess(root - 1) && a.isId(root - 2)) {
    root -= 2;
  }
  return root;
}

/** A call of a logging method: on a logger, `console`, `System.out`, `fmt.Print*`, or a bare `print`/`println`. */
function isLogCall(a: CodeAnalyzer, root: number, name: number): boolean {
  const method = (a.id(name) ?? '').toLowerCase();
  if (!LOG_METHODS.has(method)) {
    return false;
  }
  if (root === name) {
    return method === 'print' || method === 'println';
  }
  const first = (a.id(root) ?? '').toLowerCase();
  if (first === 'console' || first === 'system') {
    return true;
  }
  if (first === 'fmt') {
    return method.startsWith('print');
  }
  for (let k = root; k < name; k += 2) {
    if (LOGGER.test(a.id(k) ?? '')) {
      return true;
    }
  }
  return false;
}

/** Whether a call starting at `root` is a statement of its own, not a value returned, thrown or assigned. */
function startsStatement(a: CodeAnalyzer, root: number): boolean {
  const at = a.idIs(root - 1, 'await') ? root - 1 : root;
  const previous = at - 1;
  if (a.startsLine(at) || a.is(previous, '{') || a.is(previous, '}') || a.is(previous, ';') || a.idIs(previous, 'else')) {
    return true;
  }
  // A braceless `if (...) log(...)` or Python's `if x: log(...)`.
  return (a.is(previous, ')') && a.idIs(a.partner[previous] - 1, 'if')) || (a.is(previous, ':') && a.language.family === 'python');
}

/**
 * Whether the function around the batch call named at `name` returns the reply whole (`return *result, nil`,
 * `return res`): its callers get the unprocessed items, so a log beside it is no sign they are dropped.
 */
export function returnsReply(a: CodeAnalyzer, name: number): boolean {
  let top = name;
  while (a.parent[top] >= 0 && a.is(a.parent[top], '(')) {
    top = a.parent[top];
  }
  const depth = a.parent[top];
  let first = top;
  while (first > 0 && !a.startsLine(first) && a.parent[first - 1] === depth && !a.is(first - 1, '{') && !a.is(first - 1, ';')) {
    first--;
  }
  // The name the statement assigns the reply to: the last before its `=` (`BatchWriteItemResponse response =`),
  // or Go's first of several (`out, err :=`, not the error).
  let reply: string | undefined;
  let k = first;
  for (; k < top && !a.is(k, '=') && !a.is(k, ':='); k++) {
    if (a.is(k, ',') && a.language.family === 'go') {
      break;
    }
    reply = a.isId(k) ? a.tokens.text(k) : reply;
  }
  while (k < top && !a.is(k, '=') && !a.is(k, ':=')) {
    k++;
  }
  if (k === top) {
    return false;
  }
  const scope = a.scopes.enclosing(name, ['function']);
  if (reply === undefined || scope <= 0) {
    return false;
  }
  const [, end] = a.scopes.range(scope);
  for (let at = top; at < end; at++) {
    if (!a.idIs(at, 'return')) {
      continue;
    }
    const value = a.is(at + 1, '*') || a.is(at + 1, '&') ? at + 2 : at + 1;
    if (a.idIs(value, reply) && !a.isAccess(value + 1) && !a.is(value + 1, '[') && !a.is(value + 1, '(')) {
      return true;
    }
  }
  return false;
}
