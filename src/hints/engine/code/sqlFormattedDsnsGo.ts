/**
 * Go DSNs built by `fmt.Sprintf`, the way Lambda handlers on RDS often connect:
 * `psqlInfo := fmt.Sprintf("host=%s port=%d user=%s password=%s dbname=%s sslmode=disable", host, port, user, password, dbname)`
 * then `sql.Open("postgres", psqlInfo)`, with `password` a constant of the file. The format (string literals, maybe
 * joined by `+`) is read with each verb filled by the string literal its argument names (a constant or variable
 * bound once to it) and any other value masked, so that a password constant formatted into the DSN counts as
 * written there, reported at that constant's literal; a TLS switch written in the format (`tls=skip-verify`) is
 * reported at the format. A password the code reads at run time stays unknown. A function or method of the file that
 * returns the `fmt.Sprintf` (a DSN builder) is read as that call.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { FILLER } from './redisUrls';
import { boundLiteral, onlyBinding } from './sqlLiterals';
import { bindsWholeExpression } from '../scope/scopes';

/** A `fmt` verb (`%s`, `%d`, `%v`, `%-10s`, `%[2]s`); `%%` is a percent sign. */
const GO_VERB = /%%|%[-+# 0]*(?:\[\d+\])?\d*(?:\.\d+)?[a-zA-Z]/g;
/** A filled argument in the text while it is read: `\uE000<index>\uE000`. */
const MARK = /\uE000(\d+)\uE000/g;
const ONLY_MARK = /^\uE000(\d+)\uE000$/;
const HAS_MARK = /\uE000\d+\uE000/;

/** A DSN a `fmt.Sprintf` call builds: its text, and a reader for the string literal behind a part of it. */
export interface FormattedDsn {
  /** The text, each argument the file tells as its literal, any other as `FILLER`. */
  text: string;
  /** The part of the text that `read` finds, with the literal token it is written in, when the file tells it whole. */
  literalOf: (read: (marked: string) => string | undefined) => { value: string; token: number } | undefined;
  /** The string token of the format whose own text matches `pattern`, or -1. */
  formatToken: (pattern: RegExp) => number;
}

/**
 * The DSN that tokens [first, end) build with `fmt.Sprintf`: the call in place, or a name bound once to it
 * (`dsn := fmt.Sprintf(...)`, a package-level `var dsn = fmt.Sprintf(...)`); undefined for anything else.
 */
export function goFormattedDsn(a: CodeAnalyzer, first: number, end: number): FormattedDsn | undefined {
  if (a.language.family !== 'go') {
    return undefined;
  }
  let call = first;
  if (end === first + 1 && a.isId(first) && !a.isAccess(first - 1)) {
    const binding = onlyBinding(a, first);
    call = binding && bindsWholeExpression(binding) ? binding.expression : -1;
  } else if (expressionEnd(a, first) !== end) {
    return undefined;
  }
  call = call >= 0 ? builderReturn(a, call) : -1;
  const open = call >= 0 && a.idIs(call, 'fmt') && a.isAccess(call + 1) && a.idIs(call + 2, 'Sprintf') && a.is(call + 3, '(') ? call + 3 : -1;
  return open > 0 && a.partner[open] > open ? formatted(a, open) : undefined;
}

/**
 * `dsn()` or `cfg.dsn()` at `call`, a function or method of the file whose one `return` gives a `fmt.Sprintf(...)`
 * (`func connString() string { c := load(); return fmt.Sprintf("host=%s ... sslmode=disable", c.Host) }`): where that
 * return's expression starts. Anything else is `call` itself.
 */
function builderReturn(a: CodeAnalyzer, call: number): number {
  let name = call;
  while (a.isId(name) && a.isAccess(name + 1) && a.isId(name + 2)) {
    name += 2;
  }
  if (!a.isId(name) || !a.is(name + 1, '(') || a.idIs(call, 'fmt')) {
    return call;
  }
  const value = a.evalChain(call, name + 1).value;
  const returns = value?.t === 'function' ? (a.returns.get(value.scope) ?? []) : [];
  return returns.length === 1 && a.idIs(returns[0], 'fmt') ? returns[0] : call;
}

/** The text `fmt.Sprintf(` at `open` formats, when its format is string literals alone. */
function formatted(a: CodeAnalyzer, open: number): FormattedDsn | undefined {
  const parts = segments(a, open);
  const [from, to] = parts[0] ?? [0, 0];
  let format = '';
  for (let t = from; t < to; t += 2) {
    if (!a.isString(t) || a.tokens.interpolated(t) || (t + 1 < to && !a.is(t + 1, '+'))) {
      return undefined;
    }
    format += a.tokens.text(t);
  }
  if (format === '') {
    return undefined;
  }
  // Each verb takes the next argument; an explicit index (`%[2]s`) makes the order unsure, so it is masked.
  const literals: number[] = [];
  let next = 1;
  const marked = format.replace(GO_VERB, (verb) => {
    if (verb === '%%') {
      return '%';
    }
    const arg = verb.includes('[') ? undefined : parts[next];
    next++;
    literals.push(arg && arg[1] === arg[0] + 1 ? (a.isString(arg[0]) ? arg[0] : boundLiteral(a, arg[0])) : -1);
    return `\uE000${literals.length - 1}\uE000`;
  });
  const text = marked.replace(MARK, (_, index: string) => {
    const token = literals[Number(index)];
    return token >= 0 ? a.tokens.text(token) : FILLER;
  });
  const formatToken = to === from + 1 ? from : -1;
  return {
    text,
    formatToken: (pattern) => {
      for (let t = from; t < to; t += 2) {
        if (pattern.test(a.tokens.text(t))) {
          return t;
        }
      }
      return -1;
    },
    literalOf: (read) => {
      const part = read(marked);
      const only = part === undefined ? null : ONLY_MARK.exec(part);
      const token = only ? literals[Number(only[1])] : -1;
      if (token >= 0) {
        return { value: a.tokens.text(token), token };
      }
      // A part written in the format itself (`password=secret`) is the format's literal, when it is one token.
      return part !== undefined && !only && !HAS_MARK.test(part) && formatToken >= 0 ? { value: part, token: formatToken } : undefined;
    },
  };
}
