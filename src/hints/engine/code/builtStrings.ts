/**
 * Strings the code builds from values: a template literal, f-string or C# `$"..."` that interpolates a
 * value, `+` concatenation of a string with one, or a formatting call (`String.format`, `fmt.Sprintf`,
 * `string.Format`, `"...".format(...)`, `"..." % x`, `"...".formatted(...)`). What a SQL statement should take
 * as bound parameters instead (the RDS Data API's `parameters`). Constants do not count: UPPER_CASE names,
 * environment reads, and names of tables, schemas and columns (`tableName`, `oldColName`), which a statement's parameters cannot bind.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { bindsWholeExpression, UNBOUND_VALUE } from '../scope/scopes';
import { onlyBinding } from './sqlLiterals';
import { argumentsOfCallers } from './callerArguments';
import { Span } from '../types';

/** `${expr}` in a JavaScript template; `{expr}` in a Python f-string or a C# interpolated string (`{{` is a brace). */
const JS_INTERPOLATION = /\$\{([^}]*)\}/g;
const BRACE_INTERPOLATION = /(?<!\{)\{([^{}]+)\}(?!\})/g;
/**
 * A constant by its spelling (`TABLE`, `Config.TABLE_NAME`, `self.SCHEMA`), an environment read, or an identifier's
 * name. A member of a value (`event.SKU`, Go's exported `req.ID`) is no constant: only a bare name or a member of a
 * class (capitalised) or of `self` / `this` / `cls`.
 */
const UPPER_CONSTANT = /^(?:(?:[\w$]+\s*\.\s*)*(?:[A-Z][\w$]*|self|this|cls)\s*\.\s*)?[A-Z][A-Z0-9_]*$/;
const ENVIRONMENT = /\bprocess\.env\b|\bos\.environ\b|\bos\.getenv\b|\bos\.Getenv\b|\bSystem\.getenv\b|\bEnvironment\.GetEnvironmentVariable\b/;
const IDENTIFIER_NAME = /^(?:[\w$]+\s*\.\s*)*[\w$]*(?:table|schema|database|column|col|field)s?(?:_?name)?$/i;
/**
 * A list of placeholders built in code (`${ids.map((_, i) => `:id${i}`).join(', ')}`, `", ".join(f":id{i}" ...)`): the
 * way to bind a variable number of values (an `IN` list), whose values go in `parameters`. A string that starts a name with `:`.
 */
const PLACEHOLDER_LIST = /["'`]:[A-Za-z_]/;
/** Formatting functions whose first argument is the format and the rest the values. */
const FORMAT_CALLS = new Set(['String.format', 'string.Format', 'String.Format', 'fmt.Sprintf', 'util.format', 'format']);

/**
 * Where the expression in tokens `from`..`to` (exclusive) is a string built from values: the expression itself;
 * or, for an untyped parameter of a named JavaScript or Python function of the file (a wrapper:
 * `def run(sql): client.execute_statement(..., sql=sql)`), the arguments its calls in the file build so.
 */
export function builtStringsOf(a: CodeAnalyzer, from: number, to: number): Span[] {
  if (builtFromValues(a, from, to)) {
    return to > from ? [a.span(from, to - 1)] : [];
  }
  const binding = to - from === 1 && a.isId(from) && !a.isAccess(from - 1) ? onlyBinding(a, from) : undefined;
  if (!binding || binding.expression >= 0 || binding.fixed !== undefined || binding.declared !== undefined) {
    return [];
  }
  return (argumentsOfCallers(a, binding.token) ?? []).filter(([start, end]) => builtFromValues(a, start, end)).map(([start, end]) => a.span(start, end - 1));
}

/**
 * The tokens of a string value inside Go's `aws.String(...)` and whole-value parentheses (`aws.String(fmt.Sprintf(...))`,
 * `("SELECT ...")`): `from`..`to` (exclusive) with those wrappers taken off.
 */
export function stringValueRange(a: CodeAnalyzer, from: number, to: number): [start: number, end: number] {
  let start = from;
  let end = to;
  while (end - start >= 2) {
    if (end - start >= 5 && a.id(start) === 'aws' && a.is(start + 1, '.') && a.is(start + 3, '(') && a.partner[start + 3] === end - 1) {
      start += 4;
      end -= 1;
    } else if (a.is(start, '(') && a.partner[start] === end - 1) {
      start += 1;
      end -= 1;
    } else {
      break;
    }
  }
  return [start, end];
}

/** Whether the expression in tokens `from`..`to` (exclusive) is a string built from values; a name bound once in the same function is followed. */
export function builtFromValues(a: CodeAnalyzer, from: number, to: number, depth = 0): boolean {
  const [start, end] = stringValueRange(a, from, to);
  // C# `$"..{id}"`: the lexer may read the `$` as a name of its own before the string.
  if (end - start === 2 && a.language.family === 'csharp' && a.tokens.text(start) === '$' && a.isString(start + 1)) {
    return interpolatesValues(a, start + 1);
  }
  if (end - start === 1) {
    if (a.isString(start)) {
      return a.tokens.interpolated(start) && interpolatesValues(a, start);
    }
    if (depth === 0 && a.isId(start) && !a.isAccess(start - 1)) {
      const binding = onlyBinding(a, start);
      const expression = binding && bindsWholeExpression(binding) ? binding.expression : -1;
      return expression >= 0 && builtFromValues(a, expression, expressionEnd(a, expression), depth + 1);
    }
    return false;
  }
  return concatenated(a, start, end) || formatted(a, start, end);
}

/** Whether the string token at `token` interpolates a value that is not a constant. */
function interpolatesValues(a: CodeAnalyzer, token: number): boolean {
  const pattern = a.language.family === 'js' ? JS_INTERPOLATION : BRACE_INTERPOLATION;
  for (const match of a.tokens.text(token).matchAll(pattern)) {
    // f"{user_id!r}", f"{amount:.2f}", $"{id,5}": the expression before the conversion or format (a template's is whole).
    const expression = pattern === JS_INTERPOLATION ? match[1].trim() : match[1].replace(/(?:![rsa])?(?::[^:]*)?$/, '').replace(/,[^,]*$/, '').trim();
    if (expression && !constantText(expression) && !holdsPlaceholders(a, expression, token)) {
      return true;
    }
  }
  return false;
}

function constantText(text: string): boolean {
  return UPPER_CONSTANT.test(text) || ENVIRONMENT.test(text) || IDENTIFIER_NAME.test(text) || PLACEHOLDER_LIST.test(text) || /^\d+$/.test(text);
}

/** A name that the same function binds once to a list of placeholders built in code (`placeholders = ", ".join(f":id{i}" ...)`). */
function holdsPlaceholders(a: CodeAnalyzer, name: string, at: number): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
    return false;
  }
  const binding = a.scopes.lookup(name, at);
  if (!binding || binding === UNBOUND_VALUE || !bindsWholeExpression(binding) || Math.max(a.scopes.enclosing(binding.token, ['function']), 0) !== Math.max(a.scopes.enclosing(at, ['function']), 0)) {
    return false;
  }
  const end = expressionEnd(a, binding.expression);
  return end > binding.expression && PLACEHOLDER_LIST.test(a.text.slice(a.tokens.starts[binding.expression], a.tokens.ends[end - 1]));
}

/** A constant operand: a string literal without values, a number, or a name or member path that reads as a constant. */
function constantOperand(a: CodeAnalyzer, start: number, end: number): boolean {
  if (end - start === 1 && a.isString(start)) {
    return !a.tokens.interpolated(start) || !interpolatesValues(a, start);
  }
  for (let k = start; k < end; k++) {
    if (!a.isId(k) && !a.is(k, '.') && !/^\d+$/.test(a.tokens.text(k))) {
      // `os.environ["TABLE"]`, `process.env.TABLE`: an environment read; `ids.map((_, i) => ':id' + i).join(', ')`: placeholders.
      const text = a.text.slice(a.tokens.starts[start], a.tokens.ends[end - 1]);
      return ENVIRONMENT.test(text) || PLACEHOLDER_LIST.test(text);
    }
  }
  const text = a.text.slice(a.tokens.starts[start], a.tokens.ends[end - 1]);
  return constantText(text) || (end - start === 1 && holdsPlaceholders(a, text, start));
}

/** `"SELECT ... " + id + " ..."`: string concatenation (a string operand) with an operand that is not a constant. */
function concatenated(a: CodeAnalyzer, start: number, end: number): boolean {
  const operands: [number, number][] = [];
  let operandStart = start;
  for (let k = start; k < end; k = a.skipGroup(k)) {
    if (a.is(k, '+')) {
      operands.push([operandStart, k]);
      operandStart = k + 1;
    }
  }
  operands.push([operandStart, end]);
  if (operands.length < 2 || operands.some(([s, e]) => e <= s)) {
    return false;
  }
  return operands.some(([s, e]) => e - s === 1 && a.isString(s)) && operands.some(([s, e]) => !constantOperand(a, s, e));
}

/** A formatting call or operator over the whole value, with a value among its arguments that is not a constant. */
function formatted(a: CodeAnalyzer, start: number, end: number): boolean {
  // `"..." % (a, b)` and `"..." % a` (Python).
  if (a.language.family === 'python' && a.isString(start) && a.is(start + 1, '%')) {
    return valuesIn(a, start + 2, end);
  }
  // `"...".format(a)`, `"...".formatted(a)` (Java 15).
  if (a.isString(start) && a.is(start + 1, '.') && (a.idIs(start + 2, 'format') || a.idIs(start + 2, 'formatted')) && a.is(start + 3, '(') && a.partner[start + 3] === end - 1) {
    return argumentsWithValues(a, start + 3, 0);
  }
  // `String.format("...", a)`, `fmt.Sprintf("...", a)`, `format("...", a)`.
  let k = start;
  const names: string[] = [];
  while (a.isId(k) && names.length < 3) {
    names.push(a.tokens.text(k));
    if (!a.is(k + 1, '.')) {
      break;
    }
    k += 2;
  }
  return FORMAT_CALLS.has(names.join('.')) && a.is(k + 1, '(') && a.partner[k + 1] === end - 1 && a.isString(k + 2) && argumentsWithValues(a, k + 1, 1);
}

/** Whether the arguments of the call opening at `open`, after the first `skip`, hold a value that is not a constant. */
function argumentsWithValues(a: CodeAnalyzer, open: number, skip: number): boolean {
  return segments(a, open).some(([start, end], index) => index >= skip && end > start && !constantOperand(a, start, end));
}

function valuesIn(a: CodeAnalyzer, start: number, end: number): boolean {
  if (a.is(start, '(') && a.partner[start] === end - 1) {
    return argumentsWithValues(a, start, 0);
  }
  return end > start && !constantOperand(a, start, end);
}
