/**
 * Django `DATABASES` entries that django-environ makes from a URL
 * (https://django-environ.readthedocs.io/en/latest/api.html#environ.Env.db_url): `env.db()` and `env.db_url()` on an
 * `environ.Env()` instance, whose URL is `$DATABASE_URL` (or the variable named first) unless it falls back to
 * `default`, and the class's own parser `Env.db_url_config(url)`. Settings modules often build the URL from a secret
 * first and keep the parsed entry in a name (`db_conn_cfg = Env.db_url_config(db_conn)`, then
 * `DATABASES = {"default": db_conn_cfg}`): a module-level name bound once to such a call counts as the call.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { entryValues } from './sqlDjango';
import { onlyBinding } from './sqlLiterals';
import { bindsWholeExpression } from '../scope/scopes';

const ENVIRON = 'environ';

/** The methods of an `Env` instance that read a database URL from the environment. */
const INSTANCE_CALLS = new Set(['db', 'db_url']);

/** Whether tokens at `at` name django-environ's `Env` class: `Env` imported from it, or `environ.Env`; returns the token after the name, or -1. */
function envClassEnd(a: CodeAnalyzer, at: number): number {
  const name = a.id(at);
  if (name === undefined || a.isAccess(at - 1) || a.scopes.lookup(name, at) !== undefined) {
    return -1;
  }
  const imported = a.imports.get(name);
  if (imported?.module === ENVIRON && imported.path === 'Env') {
    return at + 1;
  }
  return imported?.module === ENVIRON && imported.path === '' && a.isAccess(at + 1) && a.idIs(at + 2, 'Env') ? at + 3 : -1;
}

/** Whether the name at `at` holds an `Env()` instance: bound once to `Env(...)` or `environ.Env(...)`. */
function holdsEnv(a: CodeAnalyzer, at: number): boolean {
  if (a.isAccess(at - 1)) {
    return false;
  }
  const binding = onlyBinding(a, at);
  if (!binding || !bindsWholeExpression(binding)) {
    return false;
  }
  const open = envClassEnd(a, binding.expression);
  return open >= 0 && a.is(open, '(') && expressionEnd(a, binding.expression) === a.partner[open] + 1;
}

/** The argument named `keyword`, or else the positional one at `position`, as tokens [from, to). */
function argument(a: CodeAnalyzer, open: number, keyword: string, position: number): [number, number] | undefined {
  const all = segments(a, open);
  const named = all.find(([from, to]) => to > from + 2 && a.idIs(from, keyword) && a.is(from + 1, '='));
  if (named) {
    return [named[0] + 2, named[1]];
  }
  // Positional arguments come before the first keyword one.
  const firstKeyword = all.findIndex(([from]) => a.is(from + 1, '='));
  return (firstKeyword < 0 ? all : all.slice(0, firstKeyword))[position];
}

/** The URL of a django-environ call spanning [from, to), as [URL's tokens or undefined when read from the environment]; null when it is none. */
function environCallUrl(a: CodeAnalyzer, from: number, to: number): [[number, number] | undefined] | null {
  const classEnd = envClassEnd(a, from);
  if (classEnd >= 0 && a.isAccess(classEnd) && a.idIs(classEnd + 1, 'db_url_config') && a.is(classEnd + 2, '(') && a.partner[classEnd + 2] + 1 === to) {
    return [argument(a, classEnd + 2, 'url', 0)];
  }
  const method = a.id(from + 2);
  if (a.isId(from) && a.isAccess(from + 1) && method !== undefined && INSTANCE_CALLS.has(method) && a.is(from + 3, '(') && a.partner[from + 3] + 1 === to && holdsEnv(a, from)) {
    return [argument(a, from + 3, 'default', 1)];
  }
  return null;
}

/** The entries of the file's `DATABASES` that django-environ makes, as [key, URL's tokens or undefined when not written here]. */
export function djangoEnvironUrls(a: CodeAnalyzer): [number, [number, number] | undefined][] {
  if (a.language.family !== 'python' || !a.text.includes(ENVIRON)) {
    return [];
  }
  const found: [number, [number, number] | undefined][] = [];
  for (const [key, value, end] of entryValues(a)) {
    let [from, to] = [value, end];
    // `DATABASES = {"default": db_conn_cfg}`: the name's one binding.
    const binding = to === from + 1 && a.isId(from) ? onlyBinding(a, from) : undefined;
    if (binding && bindsWholeExpression(binding)) {
      from = binding.expression;
      to = expressionEnd(a, from);
    }
    const url = environCallUrl(a, from, to);
    if (url) {
      found.push([key, url[0]]);
    }
  }
  return found;
}
