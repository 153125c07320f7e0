/**
 * Whether a database connection a Lambda handler opens takes what the invocation brings (its event), followed
 * back through the handler's locals: such a connection is the invocation's own; any other is one to keep.
 */
import { expressionEnd } from './braces';
import type { CodeAnalyzer } from './analyzer';
import type { Construction } from './handlerClients';

/** How many locals deep a connection's arguments are followed back to the handler's parameters. */
const MAX_LOCAL_DEPTH = 4;

/**
 * Whether a name of [from, to) holds what the invocation brings: a parameter of the handler (the event, the
 * context), or a local of the handler whose value names one, followed through locals `depth` deep. A local whose
 * value the reader cannot see (a loop variable, a `with ... as` target) counts as the invocation's: precision first.
 */
function namesEvent(a: CodeAnalyzer, from: number, to: number, params: number, end: number, depth: number): boolean {
  for (let k = from; k < to; k++) {
    // An f-string or template that interpolates a name (`f"host={event['host']}"`): that name, as if written here.
    if (a.isString(k) && a.tokens.interpolated(k)) {
      for (const match of a.tokens.text(k).matchAll(INTERPOLATED_NAME)) {
        if (nameFromHandler(a, match[1], k, params, end, depth)) {
          return true;
        }
      }
      continue;
    }
    if (!a.isId(k) || a.isAccess(k - 1) || a.is(k + 1, ':') || (a.is(k + 1, '=') && a.language.family === 'python')) {
      continue;
    }
    // Flask's `request.args["host"]`: the request being served, as a parameter would bring it.
    if (requestGlobal(a, k)) {
      return true;
    }
    if (nameFromHandler(a, a.tokens.text(k), k, params, end, depth)) {
      return true;
    }
  }
  return false;
}

/** The first name of each value a Python f-string, a JavaScript template or a C# interpolated string interpolates. */
const INTERPOLATED_NAME = /\{\s*([A-Za-z_$][\w$]*)/g;

/** Whether `name`, read at `k`, is a parameter of the handler or a local of it whose value names one (see `namesEvent`). */
function nameFromHandler(a: CodeAnalyzer, name: string, k: number, params: number, end: number, depth: number): boolean {
  // Go's `ctx` only carries the deadline and cancellation (`pgxpool.New(ctx, dsn)`), nothing of the request to connect with.
  if (a.language.family === 'go' && name === 'ctx') {
    return false;
  }
  const binding = a.scopes.lookup(name, k);
  if (!binding || binding.token < params || binding.token >= end) {
    return false;
  }
  const paramsEnd = a.partner[params] > params ? a.partner[params] : params;
  if (binding.token <= paramsEnd || depth >= MAX_LOCAL_DEPTH) {
    return true;
  }
  const value = boundValue(a, binding.token, binding.expression);
  if (value) {
    return namesEvent(a, value[0], value[1], params, end, depth + 1);
  }
  // Go's `var creds Credentials` filled by `json.Unmarshal([]byte(secret), &creds)`: what the filling calls read.
  const filled = a.language.family === 'go' ? filledThroughPointer(a, name, binding.token, k) : undefined;
  if (filled) {
    return filled.some(([from, to]) => namesEvent(a, from, to, params, end, depth + 1));
  }
  // A handler that takes no parameters (Go's `func HandleRequest() error`) is given nothing of the invocation.
  return !(a.is(params, '(') && a.partner[params] === params + 1);
}

/**
 * Go: the arguments, other than `&name` itself, of each call between a `var name T` declaration at `declared` and
 * the read at `read` that takes the local's address (`json.Unmarshal(data, &name)`); undefined for any other local,
 * or when no call fills it.
 */
function filledThroughPointer(a: CodeAnalyzer, name: string, declared: number, read: number): [number, number][] | undefined {
  if (!a.idIs(declared - 1, 'var')) {
    return undefined;
  }
  const ranges: [number, number][] = [];
  for (let j = declared + 1; j < read; j++) {
    const open = a.parent[j];
    if (!a.is(j, '&') || !a.idIs(j + 1, name) || open < 0 || !a.is(open, '(') || a.scopes.lookup(name, j + 1)?.token !== declared) {
      continue;
    }
    ranges.push([open + 1, j], [j + 2, a.partner[open]]);
  }
  return ranges.length > 0 ? ranges : undefined;
}

/**
 * The tokens of the value a local takes: its expression, what a destructuring (`const { host } = secret`) reads, or
 * what a Python assignment to several names unpacks (`endpoint, name = get_db_details()`).
 */
function boundValue(a: CodeAnalyzer, token: number, expression: number): [number, number] | undefined {
  if (expression >= 0) {
    return [expression, expressionEnd(a, expression)];
  }
  const open = a.parent[token];
  if (open >= 0 && (a.is(open, '{') || a.is(open, '[')) && a.is(a.partner[open] + 1, '=')) {
    const source = a.partner[open] + 2;
    return [source, expressionEnd(a, source)];
  }
  const unpacked = a.language.family === 'python' ? unpackedValue(a, token) : -1;
  return unpacked >= 0 ? [unpacked, expressionEnd(a, unpacked)] : undefined;
}

/**
 * Python: the first token of the value that a statement of names alone before `=` unpacks (`host, port = ...`), where
 * the name at `token` is one of them; -1 for any other target (a `for` loop's, one with a subscript or attribute).
 */
function unpackedValue(a: CodeAnalyzer, token: number): number {
  let first = token;
  while (a.is(first - 1, ',') && a.isId(first - 2)) {
    first -= 2;
  }
  let last = token;
  while (a.is(last + 1, ',') && a.isId(last + 2)) {
    last += 2;
  }
  const several = last > first;
  return several && a.startsLine(first) && a.is(last + 1, '=') && !a.startsLine(last + 2) ? last + 2 : -1;
}

/**
 * A database connection (SQL, Redis) made from the event's data (a tenant's host or credentials) is the invocation's
 * own, not one to keep; one made from a secret the handler fetches is the same on every invocation.
 */
export function connectionFromInvocation(a: CodeAnalyzer, made: Construction, params: number, end: number): boolean {
  return namesEvent(a, made.name + 1, made.end, params, end, 0);
}

/** Flask's and Quart's globals of the request being served (`request.headers[...]`, `g.tenant`, `session[...]`), imported by name. */
const REQUEST_GLOBALS = /^(?:flask|quart)(?:\.globals)?:(?:request|g|session)$/;

/** Whether the name at `k` is a web framework's global of the current request, which a view reads as it would a parameter. */
export function requestGlobal(a: CodeAnalyzer, k: number): boolean {
  const imported = a.imports.get(a.tokens.text(k));
  return imported !== undefined && REQUEST_GLOBALS.test(`${imported.module}:${imported.path}`) && a.scopes.lookup(a.tokens.text(k), k) === undefined;
}
