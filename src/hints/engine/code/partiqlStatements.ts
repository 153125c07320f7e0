/**
 * DynamoDB PartiQL statements as the code writes them (`ExecuteStatement`'s `Statement`): the text of a string
 * literal, a template, f-string or C# `$"..."` whose interpolations are unknown parts, `+` concatenations, or a
 * name bound once to one of these. What a SELECT's WHERE clause asks of the table is read from that text
 * (PartiQL select reference: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.select.html).
 * A statement is read only as far as its text is sure: an unknown part outside a quoted name or value, after
 * the table name, may hold a WHERE clause, so such a statement is unread.
 */
import { OptionContext, PartiqlSelect } from '../model';
import { bindsWholeExpression, UNBOUND_VALUE } from '../scope/scopes';
import type { TableNameRef } from '../workspace/types';
import type { CodeAnalyzer } from './analyzer';
import { assignmentAt } from './assignments';
import { expressionEnd } from './braces';
import { stringValueRange } from './builtStrings';
import { bindingEnd, namedValue, tableNameRef } from './names';
import { onlyBinding } from './sqlLiterals';

/** Stands for a part of the text the code computes. */
const UNKNOWN = '\uE000';
/** How many names are followed to the string they hold (`const sql = base + "..."`). */
const MAX_DEPTH = 2;
/** Operands of one concatenation read; a statement is a few pieces. */
const MAX_OPERANDS = 32;
const JS_INTERPOLATION = /\$\{[^}]*\}/g;
const BRACE_INTERPOLATION = /(?<!\{)\{[^{}]+\}(?!\})/g;

/**
 * What each unknown part of a statement's text is, in the order of the text: an interpolation's source and the
 * string token it is written in, the tokens of a concatenation's operand, or null where it is not told.
 */
type Part = { source: string; token: number } | { from: number; to: number } | null;

/** Carries each `ExecuteStatement` request's SELECT, where its text is sure, for the checks (which see option text only). */
export function readPartiqlStatements(a: CodeAnalyzer, contexts: readonly OptionContext[]): void {
  const requests = new Set<OptionContext>(contexts);
  for (const operation of a.operations) {
    if (operation.request) {
      requests.add(operation.request);
    }
  }
  for (const request of requests) {
    const option = request.type === 'dynamodb:ExecuteStatement' ? request.options.find((candidate) => candidate.norm === 'statement') : undefined;
    const parts: Part[] = [];
    const text = option ? statementText(a, ...a.tokensOf(option.value), 0, parts) : undefined;
    const select = text === undefined ? undefined : readSelect(text);
    if (select) {
      const table = select.fromPart === undefined ? select.table : partTable(a, parts[select.fromPart]);
      delete select.fromPart;
      if (table) {
        select.table = table;
      } else {
        delete select.table;
      }
      request.partiqlSelect = select;
    }
  }
}

/** An environment read written in an interpolation: `process.env.TABLE`, `os.environ["TABLE"]`, `os.getenv("TABLE")`. */
const ENVIRONMENT_SOURCE =
  /^\s*(?:process\.env(?:\.(\w+)|\[\s*['"](\w+)['"]\s*\])|os\.(?:environ\s*\[\s*['"](\w+)['"]\s*\]|environ\.get\(\s*['"](\w+)['"][^)]*\)|getenv\(\s*['"](\w+)['"][^)]*\)))\s*$/;
const NAME_SOURCE = /^\s*([A-Za-z_]\w*)\s*$/;

/** The table an unknown part after FROM names: an environment variable, or a name bound to one or to a literal. */
function partTable(a: CodeAnalyzer, part: Part | undefined): TableNameRef | undefined {
  if (!part) {
    return undefined;
  }
  if ('from' in part) {
    const named = namedValue(a, part.from, part.to);
    return named && tableNameRef(named);
  }
  const environment = ENVIRONMENT_SOURCE.exec(part.source);
  const variable = environment?.slice(1).find((name) => name !== undefined);
  if (variable) {
    return { kind: 'env', variable };
  }
  const name = NAME_SOURCE.exec(part.source)?.[1];
  const binding = name ? a.scopes.lookup(name, part.token, a.language.classFieldsVisible) : undefined;
  if (!binding || binding === UNBOUND_VALUE || binding.expression < 0 || binding.element || binding.fixed !== undefined) {
    return undefined;
  }
  const named = namedValue(a, binding.expression, bindingEnd(a, binding.expression));
  return named && tableNameRef(named);
}

/** The text of the string expression in tokens `from`..`to` (exclusive), computed parts as `UNKNOWN`; undefined when it is not a string. */
function statementText(a: CodeAnalyzer, from: number, to: number, depth: number, parts: Part[]): string | undefined {
  const known = parts.length;
  const text = textOf(a, from, to, depth, parts);
  if (text === undefined) {
    parts.length = known;
  }
  return text;
}

function textOf(a: CodeAnalyzer, from: number, to: number, depth: number, parts: Part[]): string | undefined {
  const [start, end] = stringValueRange(a, from, to);
  // C# `$"..."`: the lexer may read the `$` as a token of its own.
  if (end - start === 2 && a.language.family === 'csharp' && a.tokens.text(start) === '$' && a.isString(start + 1)) {
    return stringText(a, start + 1, parts);
  }
  if (end - start === 1) {
    if (a.isString(start)) {
      return stringText(a, start, parts);
    }
    if (depth < MAX_DEPTH && a.isId(start) && !a.isAccess(start - 1)) {
      const binding = onlyBinding(a, start);
      const expression = binding && bindsWholeExpression(binding) ? binding.expression : -1;
      return expression >= 0 && !changedBetween(a, a.tokens.text(start), expression, start) ? statementText(a, expression, expressionEnd(a, expression), depth + 1, parts) : undefined;
    }
    return undefined;
  }
  const format = formatString(a, start, end);
  if (format >= 0) {
    const text = formattedText(a, format);
    parts.push(...Array.from(text.matchAll(UNKNOWN_PARTS), () => null));
    return text;
  }
  // Adjacent literals (`"SELECT ..." "WHERE ..."` in Python) are one string.
  if (Array.from({ length: end - start }, (_, k) => start + k).every((k) => a.isString(k))) {
    return Array.from({ length: end - start }, (_, k) => stringText(a, start + k, parts)).join('');
  }
  return concatenation(a, start, end, depth, parts);
}

const UNKNOWN_PARTS = /\uE000/g;

/** Tokens read between a name's binding and its use for a change in place; past this, the name is taken as changed. */
const MAX_CHANGE_SCAN = 4096;

/** Whether the code changes a name in place between two tokens (`sql += " WHERE pk = ?"`), which its binding does not show. */
function changedBetween(a: CodeAnalyzer, name: string, from: number, to: number): boolean {
  if (to - from > MAX_CHANGE_SCAN) {
    return true;
  }
  for (let k = from; k < to; k++) {
    if (a.idIs(k, name) && !a.isAccess(k - 1) && assignmentAt(a, k + 1) > 0) {
      return true;
    }
  }
  return false;
}

/** `"SELECT * FROM " + TABLE + " WHERE ..."`: the strings' text, other operands as unknown parts; undefined with no string operand. */
function concatenation(a: CodeAnalyzer, start: number, end: number, depth: number, parts: Part[]): string | undefined {
  const operands: [number, number][] = [];
  let operandStart = start;
  for (let k = start; k < end && operands.length < MAX_OPERANDS; k = a.skipGroup(k)) {
    if (a.is(k, '+')) {
      operands.push([operandStart, k]);
      operandStart = k + 1;
    }
  }
  operands.push([operandStart, end]);
  if (operands.length < 2 || operands.some(([s, e]) => e <= s) || !operands.some(([s, e]) => e - s === 1 && a.isString(s))) {
    return undefined;
  }
  return operands
    .map(([s, e]) => {
      const text = statementText(a, s, e, depth + 1, parts);
      if (text === undefined) {
        parts.push({ from: s, to: e });
      }
      return text ?? UNKNOWN;
    })
    .join('');
}

/** Formatting functions whose first argument is the format (`fmt.Sprintf`, `String.format`, `string.Format`). */
const FORMAT_CALLS = new Set(['fmt.Sprintf', 'String.format', 'string.Format', 'String.Format']);
/** A printf verb (`%s`, `%-5d`, `%v`); `%%` is a percent sign. */
const PRINTF_VERB = /%[-+# 0-9.]*[a-zA-Z]/g;
/** A `str.format` or `string.Format` field (`{}`, `{0}`, `{name}`); `{{` is a brace. */
const FORMAT_FIELD = /(?<!\{)\{[^{}]*\}(?!\})/g;

/**
 * The format string token of a formatting call over the whole value, or -1: `fmt.Sprintf("...", a)`,
 * `String.format("...", a)`, `"...".formatted(a)`, `"...".format(a)`, `"..." % a`.
 */
function formatString(a: CodeAnalyzer, start: number, end: number): number {
  if (a.isString(start) && !a.tokens.interpolated(start)) {
    const method = a.is(start + 1, '.') && a.is(start + 3, '(') && a.partner[start + 3] === end - 1 ? a.id(start + 2) : undefined;
    if (method === 'format' || method === 'formatted' || (a.language.family === 'python' && a.is(start + 1, '%') && end > start + 2)) {
      return start;
    }
  }
  const call = a.isId(start) && a.is(start + 1, '.') && a.isId(start + 2) && a.is(start + 3, '(') && a.partner[start + 3] === end - 1;
  const name = call ? `${a.tokens.text(start)}.${a.tokens.text(start + 2)}` : '';
  return FORMAT_CALLS.has(name) && a.isString(start + 4) && !a.tokens.interpolated(start + 4) && (a.is(start + 5, ',') || a.is(start + 5, ')')) ? start + 4 : -1;
}

/** A format string's text with its fields as unknown parts. */
function formattedText(a: CodeAnalyzer, token: number): string {
  const text = a.tokens.text(token).replace(/\\(['"])/g, '$1');
  // Python's `%` and `.format`, Go's and Java's printf verbs, C#'s and Python's braces: whichever the string holds.
  return text.replace(PRINTF_VERB, UNKNOWN).replace(FORMAT_FIELD, UNKNOWN).replaceAll('%%', '%').replaceAll('{{', '{').replaceAll('}}', '}');
}

/** A string token's text, interpolations as unknown parts and escaped quotes as quotes. */
function stringText(a: CodeAnalyzer, token: number, parts: Part[]): string {
  const text = a.tokens.text(token).replace(/\\(['"])/g, '$1');
  if (!a.tokens.interpolated(token)) {
    return text;
  }
  const js = a.language.family === 'js';
  return text.replace(js ? JS_INTERPOLATION : BRACE_INTERPOLATION, (interpolation) => {
    parts.push({ source: interpolation.slice(js ? 2 : 1, -1), token });
    return UNKNOWN;
  });
}

/** `name = ...`, `"name" = ...`, `name = ?`: an equality on one attribute, as one conjunct of a WHERE clause. */
const EQUALITY = /^\s*(?:"([^"]+)"|([A-Za-z_][\w.]*))\s*=\s*(?:\?|'[^']*'|-?[\w.]+)\s*$/;

/**
 * What a SELECT statement's text says, or undefined for another statement or a text not sure enough: quoted
 * names and values may hold unknown parts, and so may the table name after FROM (a table from the
 * environment); any other unknown part after FROM may be or hold the WHERE clause.
 */
export function readSelect(text: string): (PartiqlSelect & { fromPart?: number }) | undefined {
  if (!/^\s*SELECT\b/i.test(text)) {
    return undefined;
  }
  // Quoted values masked and unknown parts of quoted names named, so that a keyword, `=` or unknown part inside
  // one does not count; both keep the text's length, so that a place in it is a place in the text.
  const masked = text.replace(/'(?:[^']|'')*'/g, (value) => `'${'v'.repeat(value.length - 2)}'`).replace(/"[^"]*"/g, (name) => name.replaceAll(UNKNOWN, '_'));
  const from = /\bFROM\s+("[^"]*"|[A-Za-z_][\w-]*|\uE000)(?:\s*\.\s*("[^"]*"|[A-Za-z_][\w-]*|\uE000))?/di.exec(masked);
  if (!from) {
    return undefined;
  }
  const rest = masked.slice(from.index + from[0].length);
  // An unknown part, or a quote left open (the statement's text is cut), may hide the WHERE clause.
  if (rest.includes(UNKNOWN) || (rest.match(/'/g)?.length ?? 0) % 2 === 1) {
    return undefined;
  }
  const indexName = from.indices![2] ? unquoted(text.slice(...from.indices![2])) : undefined;
  const source = { ...fromName(text, from.indices![1]!), ...(indexName && !indexName.includes(UNKNOWN) ? { index: indexName } : {}) };
  const where = /\bWHERE\b/i.exec(rest);
  if (!where) {
    return { where: false, equalityOrIn: false, equalities: [], ...source };
  }
  const condition = rest.slice(where.index + where[0].length).split(/\bORDER\s+BY\b/i)[0];
  const equalityOrIn = /(?<![<>!=])=(?!=)|\bIN\b/i.test(condition);
  // Every conjunct an equality (`pk = ? AND sk = ?`): one value of each attribute named.
  const conjuncts = /\bOR\b|\bNOT\b|[()]/i.test(condition) ? [] : condition.split(/\bAND\b/i);
  const names = conjuncts.map((conjunct) => EQUALITY.exec(conjunct)).map((match) => (match ? (match[1] ?? match[2]) : undefined));
  // Every name the condition holds, values left out: the partition key is pinned only if it is one of them.
  const named = Array.from(condition.replace(/'v*'/g, ' ').matchAll(/"([^"]+)"|([A-Za-z_]\w*)/g), (match) => match[1] ?? match[2]);
  return { where: true, equalityOrIn, equalities: names.every((name) => name !== undefined) ? (names as string[]) : [], conditionNames: named, ...source };
}

function unquoted(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1) : name;
}

/** The table after FROM: its name as written, or which unknown part of the text it is (`"${TABLE}"`). */
function fromName(text: string, [start, end]: [number, number]): { table?: TableNameRef; fromPart?: number } {
  const name = unquoted(text.slice(start, end));
  if (name === UNKNOWN) {
    return { fromPart: text.slice(0, start).split(UNKNOWN).length - 1 };
  }
  return name.includes(UNKNOWN) || name === '' ? {} : { table: { kind: 'literal', name } };
}
