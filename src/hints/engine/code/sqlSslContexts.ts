/**
 * Python's `ssl.SSLContext` handed to a SQL driver as its `ssl` argument (asyncpg, aiomysql and PyMySQL take one, pg8000 as
 * `ssl_context`, also
 * through SQLAlchemy's `connect_args`): a context made with `ssl.create_default_context()` or `ssl.SSLContext(...)`
 * whose `check_hostname` is set to False or whose `verify_mode` is set to `ssl.CERT_NONE` before the call accepts a
 * certificate of any host, or any certificate at all (https://docs.python.org/3/library/ssl.html#ssl.SSLContext.check_hostname,
 * https://docs.python.org/3/library/ssl.html#ssl.CERT_NONE). Those assignments become the connection's
 * `check_hostname` and `cert_reqs` options, where they are written, as PyMySQL's dictionary keys of the same meaning are;
 * so do those a function of the file sets on the context it returns, when the option is bound to its call.
 */
import type { OptionContext, OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { perFile } from './fileMemo';
import { expressionEnd } from './braces';
import { occurrenceOf } from './options';
import { bindsWholeExpression } from '../scope/scopes';
import { calledFunction } from './helperFunctions';

/** The options that take a context: `ssl=ctx`, `connect_args={"ssl": ctx}`, pg8000's `ssl_context=ctx`. */
const CONTEXT_OPTIONS = new Set(['ssl', 'sslcontext']);
/** The attribute set on the context, and the option of the same meaning. */
const SWITCHES: Readonly<Record<string, string>> = { check_hostname: 'check_hostname', verify_mode: 'cert_reqs' };
const FACTORIES = new Set(['create_default_context', 'SSLContext']);

/** Whether the file sets a context's switches at all, read once per file. */
const mentionsSwitches = perFile((a) => a.text.includes('check_hostname') || a.text.includes('verify_mode'));

/** `ssl.create_default_context(` or `ssl.SSLContext(` at `k`, also those names imported from `ssl`, none shadowed. */
function madeContext(a: CodeAnalyzer, k: number): boolean {
  const module = a.isAccess(k + 1) ? k : -1;
  const factory = module >= 0 ? k + 2 : k;
  if (!a.isId(factory) || !FACTORIES.has(a.tokens.text(factory)) || !a.is(factory + 1, '(')) {
    return false;
  }
  const name = a.tokens.text(module >= 0 ? module : factory);
  const imported = a.imports.get(name);
  const fromSsl = module >= 0 ? imported?.module === 'ssl' && !imported.path : imported?.module === 'ssl';
  return fromSsl && a.scopes.lookup(name, k) === undefined;
}

/** The switches `name.check_hostname = ...` and `name.verify_mode = ...` set on the context bound at `binding`, in [from, to). */
function switchesOn(a: CodeAnalyzer, name: string, bindingToken: number, from: number, to: number): OptionOccurrence[] {
  const found: OptionOccurrence[] = [];
  for (let k = from; k < to; k++) {
    if (!a.idIs(k, name) || a.isAccess(k - 1) || !a.isAccess(k + 1) || !a.isId(k + 2) || !a.is(k + 3, '=')) {
      continue;
    }
    const option = Object.hasOwn(SWITCHES, a.tokens.text(k + 2)) ? SWITCHES[a.tokens.text(k + 2)] : undefined;
    if (!option || a.scopes.lookup(name, k)?.token !== bindingToken) {
      continue;
    }
    const end = expressionEnd(a, k + 4);
    found.push(occurrenceOf(a, { key: k + 2, valueStart: k + 4, valueEnd: end, removalStart: k, removalEnd: end - 1, name: option }));
  }
  return found;
}

/**
 * Adds to a SQL connection's options the switches set on an SSL context its `ssl` option names: a name bound once
 * to a context the file makes, set before the connection is opened in the same scope.
 */
export function withSslContexts(a: CodeAnalyzer, context: OptionContext): OptionContext {
  if (a.language.family !== 'python' || !mentionsSwitches(a)) {
    return context;
  }
  for (const option of [...context.options]) {
    if (!CONTEXT_OPTIONS.has(option.norm) || option.literal.kind !== 'expr') {
      continue;
    }
    const [first, end] = a.tokensOf(option.value);
    if (end !== first + 1 || !a.isId(first)) {
      continue;
    }
    const name = a.tokens.text(first);
    const binding = a.scopes.lookup(name, first);
    if (!binding || !bindsWholeExpression(binding)) {
      continue;
    }
    if (madeContext(a, binding.expression)) {
      context.options.push(...switchesOn(a, name, binding.token, expressionEnd(a, binding.expression), first));
    } else {
      context.options.push(...helperSwitches(a, binding.expression));
    }
  }
  return context;
}

/**
 * The switches a function of the file sets on the context it makes and returns, when the name is bound to its call
 * (`ctx = _make_ssl_context()` with `context.check_hostname = False` then `return context` in it): each `return` of a
 * name bound in the function to a context it makes, with what is set on it before that `return`.
 */
function helperSwitches(a: CodeAnalyzer, call: number): OptionOccurrence[] {
  const called = calledFunction(a, call, a.scopes.enclosing(call, ['function']));
  if (!called) {
    return [];
  }
  const scope = called.fn.scope;
  const [start, end] = a.scopes.range(scope);
  const found: OptionOccurrence[] = [];
  for (let k = start; k < end; k++) {
    const returned = a.idIs(k, 'return') && a.isId(k + 1) && expressionEnd(a, k + 1) === k + 2 ? k + 1 : -1;
    const binding = returned > 0 && a.scopes.enclosing(k, ['function']) === scope ? a.scopes.lookup(a.tokens.text(returned), returned) : undefined;
    if (binding && bindsWholeExpression(binding) && a.scopes.enclosing(binding.token, ['function']) === scope && madeContext(a, binding.expression)) {
      const seen = new Set(found.map((option) => option.key.start));
      found.push(...switchesOn(a, a.tokens.text(returned), binding.token, expressionEnd(a, binding.expression), k).filter((option) => !seen.has(option.key.start)));
    }
  }
  return found;
}
