/**
 * DSN builders: a function or method of the file whose one `return` gives the connection string
 * (`func connString() string { c := load(); return fmt.Sprintf("host=%s ... sslmode=disable", c.Host) }`), which a driver
 * call takes as a call (`sql.Open("postgres", connString())`) or through a name bound once to one
 * (`dsn := connString()` then `gorm.Open(postgres.Open(dsn), ...)`).
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { onlyBinding } from './sqlLiterals';

/** The function scope whose one `return` starts at `from`, or -1. */
export function builderReturning(a: CodeAnalyzer, from: number): number {
  if (!a.idIs(from - 1, 'return')) {
    return -1;
  }
  const scope = a.scopes.enclosing(from, ['function']);
  const returns = scope > 0 ? (a.returns.get(scope) ?? []) : [];
  return returns.length === 1 && returns[0] === from ? scope : -1;
}

/** Whether tokens [from, to) call the builder `scope`, in place or through a name bound once to such a call. */
export function callsBuilder(a: CodeAnalyzer, from: number, to: number, scope: number): boolean {
  for (let t = from; t < to; t++) {
    if (!a.isId(t) || a.isAccess(t - 1)) {
      continue;
    }
    if (a.is(t + 1, '(') || (a.isAccess(t + 1) && a.isId(t + 2))) {
      if (calledAt(a, t, scope)) {
        return true;
      }
      continue;
    }
    const binding = onlyBinding(a, t);
    const start = binding && binding.expression >= 0 ? binding.expression : -1;
    if (start >= 0 && a.isId(start) && calledAt(a, start, scope) && expressionEnd(a, start) === callEnd(a, start)) {
      return true;
    }
  }
  return false;
}

/** The end of the call `name(...)` or `x.y.name(...)` starting at `start`, or -1. */
function callEnd(a: CodeAnalyzer, start: number): number {
  let name = start;
  while (a.isId(name) && a.isAccess(name + 1) && a.isId(name + 2)) {
    name += 2;
  }
  return a.isId(name) && a.is(name + 1, '(') && a.partner[name + 1] > 0 ? a.partner[name + 1] + 1 : -1;
}

/** Whether the call starting at `start` (`dsn()`, `cfg.dsn()`) calls the function `scope`. */
function calledAt(a: CodeAnalyzer, start: number, scope: number): boolean {
  const end = callEnd(a, start);
  if (end < 0) {
    return false;
  }
  const value = a.evalChain(start, a.partner[end - 1]).value;
  return value?.t === 'function' && value.scope === scope;
}
