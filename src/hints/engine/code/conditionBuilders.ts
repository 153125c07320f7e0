/**
 * Conditions built in code rather than written as expression strings, where every attribute is a literal:
 * boto3's `Key("pk").eq(v) & Key("sk").begins_with(p)` (and `Attr(...)` filters), and the Go SDK's
 * `expression` package (`expression.Key("pk").Equal(...)`, `KeyAnd`, `Name("a").Equal(...)`, `NamesList`).
 * A variable is followed to the expression it is bound to; any other shape reads as nothing.
 */
import { AttributeAt, KeyOperator, KeyTerm } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { FileMemo } from './fileMemo';
import { bindingAt, bindingEnd } from './names';

const MAX_DEPTH = 6;
const BOTO3_CONDITIONS = 'boto3.dynamodb.conditions';
/** The `expression` package of the Go SDK v2, and of v1. */
const GO_EXPRESSION = new Set(['github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression', 'github.com/aws/aws-sdk-go/service/dynamodb/expression']);

const BOTO3_METHODS: Record<string, KeyOperator> = { eq: '=', lt: '<', lte: '<=', gt: '>', gte: '>=', between: 'between', begins_with: 'begins_with' };
const GO_METHODS: Record<string, KeyOperator> = {
  Equal: '=',
  LessThan: '<',
  LessThanEqual: '<=',
  GreaterThan: '>',
  GreaterThanEqual: '>=',
  BeginsWith: 'begins_with',
  Between: 'between',
};

export type BuilderKind = 'key' | 'filter';

/** The expression a name (or `self.x`) in [from, to) is bound to, as a token range; else the range itself. */
function followed(a: CodeAnalyzer, from: number, to: number): [number, number] | undefined {
  const binding = bindingAt(a, from, to);
  if (!binding) {
    return to - from === 1 && a.isId(from) ? undefined : [from, to];
  }
  return binding.expression >= 0 && !binding.element && binding.fixed === undefined ? [binding.expression, bindingEnd(a, binding.expression)] : undefined;
}

/** Top-level tokens of [from, to) that read `operator`. */
function splitAt(a: CodeAnalyzer, from: number, to: number, operator: string): [number, number][] {
  const parts: [number, number][] = [];
  let start = from;
  for (let k = from; k < to; k = a.skipGroup(k)) {
    if (a.is(k, operator)) {
      parts.push([start, k]);
      start = k + 1;
    }
  }
  parts.push([start, to]);
  return parts;
}

function hasTopLevel(a: CodeAnalyzer, from: number, to: number, operators: readonly string[]): boolean {
  for (let k = from; k < to; k = a.skipGroup(k)) {
    if (a.tokens.isOneOf(k, operators)) {
      return true;
    }
  }
  return false;
}

/** The boto3 condition builder whose name is at `k` (`Key`, `Attr`), imported from boto3's conditions module under any local name and not shadowed. */
export function boto3ConditionBuilder(a: CodeAnalyzer, k: number): 'Key' | 'Attr' | undefined {
  const imported = a.isId(k) && !a.isAccess(k - 1) ? a.imports.get(a.tokens.text(k)) : undefined;
  if (imported?.module !== BOTO3_CONDITIONS || (imported.path !== 'Key' && imported.path !== 'Attr') || a.scopes.lookup(a.tokens.text(k), k) !== undefined) {
    return undefined;
  }
  return imported.path;
}

/** boto3 `Key(...)` / `Attr(...)` conditions joined by `&`: their terms, or undefined. */
export function boto3Terms(a: CodeAnalyzer, from: number, to: number, kind: BuilderKind, depth = 0): KeyTerm[] | undefined {
  const range = depth < MAX_DEPTH ? followed(a, from, to) : undefined;
  if (!range) {
    return undefined;
  }
  [from, to] = range;
  if (a.is(from, '(') && a.partner[from] === to - 1) {
    return boto3Terms(a, from + 1, to - 1, kind, depth + 1);
  }
  if (hasTopLevel(a, from, to, ['|', '~'])) {
    return undefined;
  }
  const parts = splitAt(a, from, to, '&');
  if (parts.length > 1) {
    const terms: KeyTerm[] = [];
    for (const [start, end] of parts) {
      const inner = boto3Terms(a, start, end, kind, depth + 1);
      if (!inner) {
        return undefined;
      }
      terms.push(...inner);
    }
    return terms;
  }
  // `Key("pk").eq(v)`: the builder imported from boto3.dynamodb.conditions, a literal name, a known method.
  if (boto3ConditionBuilder(a, from) !== (kind === 'key' ? 'Key' : 'Attr')) {
    return undefined;
  }
  if (!a.is(from + 1, '(') || !a.isString(from + 2) || a.tokens.interpolated(from + 2) || !a.is(from + 3, ')') || !a.is(from + 4, '.')) {
    return undefined;
  }
  const operator = BOTO3_METHODS[a.id(from + 5) ?? ''];
  if (!operator || !a.is(from + 6, '(') || a.partner[from + 6] !== to - 1) {
    return undefined;
  }
  return [{ name: a.tokens.text(from + 2), span: a.tokenSpan(from + 2), operator }];
}

/** The local name of the Go `expression` package, if the file imports it. */
export function goExpressionPackage(a: CodeAnalyzer): string | undefined {
  for (let k = 0; k < a.tokens.length; k++) {
    if (a.isString(k) && GO_EXPRESSION.has(a.tokens.text(k))) {
      const alias = a.id(k - 1);
      return alias && alias !== 'import' && !a.startsLine(k) ? alias : 'expression';
    }
    if (a.idIs(k, 'func')) {
      // Imports come before the first function.
      return undefined;
    }
  }
  return undefined;
}

/** `pkg.Name("a")` / `pkg.Key("a")` at `from`: the string token, or -1. */
function goNamed(a: CodeAnalyzer, pkg: string, from: number, name: 'Key' | 'Name'): number {
  return a.idIs(from, pkg) && a.is(from + 1, '.') && a.idIs(from + 2, name) && a.is(from + 3, '(') && a.isString(from + 4) && a.is(from + 5, ')') ? from + 4 : -1;
}

/**
 * The terms of a Go key condition (`Key("pk").Equal(v).And(Key("sk").BeginsWith(p))`, `KeyAnd(a, b)`,
 * `KeyEqual(Key("pk"), v)`) or of a filter condition that is only `Name("a").Equal(v)` joined by `And`.
 */
export function goConditionTerms(a: CodeAnalyzer, pkg: string, from: number, to: number, kind: BuilderKind, depth = 0): KeyTerm[] | undefined {
  const range = depth < MAX_DEPTH ? followed(a, from, to) : undefined;
  if (!range) {
    return undefined;
  }
  [from, to] = range;
  const joined = (parts: [number, number][]): KeyTerm[] | undefined => {
    const terms: KeyTerm[] = [];
    for (const [start, end] of parts) {
      const inner = goConditionTerms(a, pkg, start, end, kind, depth + 1);
      if (!inner) {
        return undefined;
      }
      terms.push(...inner);
    }
    return terms;
  };
  const lastOpen = a.is(to - 1, ')') ? a.partner[to - 1] : -1;
  if (lastOpen < 0) {
    return undefined;
  }
  const method = a.id(lastOpen - 1);
  // `pkg.KeyAnd(a, b)` / `pkg.And(a, b, c)`.
  if (lastOpen - 3 === from && a.idIs(from, pkg) && a.is(from + 1, '.') && method === (kind === 'key' ? 'KeyAnd' : 'And')) {
    return joined(segments(a, lastOpen));
  }
  // `left.And(right)`.
  if (method === 'And' && a.is(lastOpen - 2, '.') && lastOpen - 2 > from) {
    const right = segments(a, lastOpen)[0];
    return right ? joined([[from, lastOpen - 2], right]) : undefined;
  }
  // `pkg.Key("a").Equal(v)`.
  const named = goNamed(a, pkg, from, kind === 'key' ? 'Key' : 'Name');
  if (named >= 0 && lastOpen === from + 8 && a.is(from + 6, '.')) {
    const operator = GO_METHODS[method ?? ''];
    return operator && (kind === 'key' || operator === '=') ? [{ name: a.tokens.text(named), span: a.tokenSpan(named), operator }] : undefined;
  }
  // `pkg.KeyEqual(pkg.Key("a"), v)`.
  if (kind === 'key' && lastOpen === from + 3 && a.idIs(from, pkg) && a.is(from + 1, '.') && method?.startsWith('Key')) {
    const operator = GO_METHODS[method.slice(3)];
    const first = segments(a, lastOpen)[0];
    const key = first && first[1] === first[0] + 6 ? goNamed(a, pkg, first[0], 'Key') : -1;
    return operator && key >= 0 ? [{ name: a.tokens.text(key), span: a.tokenSpan(key), operator }] : undefined;
  }
  return undefined;
}

/** `pkg.NamesList(pkg.Name("a"), pkg.Name("b"))`: the names, or undefined. */
export function goProjectionNames(a: CodeAnalyzer, pkg: string, from: number, to: number): AttributeAt[] | undefined {
  const range = followed(a, from, to);
  if (!range) {
    return undefined;
  }
  [from, to] = range;
  if (!a.idIs(from, pkg) || !a.is(from + 1, '.') || !a.idIs(from + 2, 'NamesList') || !a.is(from + 3, '(') || a.partner[from + 3] !== to - 1) {
    return undefined;
  }
  const names: AttributeAt[] = [];
  for (const [start, end] of segments(a, from + 3)) {
    const named = end === start + 6 ? goNamed(a, pkg, start, 'Name') : -1;
    if (named < 0) {
      return undefined;
    }
    names.push({ name: a.tokens.text(named), span: a.tokenSpan(named) });
  }
  return names;
}

/**
 * `expr.KeyCondition()` (or `Filter()`, `Projection()`) where `expr` is bound to
 * `pkg.NewBuilder()...WithKeyCondition(c)...Build()`: the argument `c` the builder was given.
 */
export function goBuilderArgument(a: CodeAnalyzer, pkg: string, from: number, to: number, getter: 'KeyCondition' | 'Filter' | 'Projection'): [number, number] | undefined {
  if (to - from !== 5 || !a.isId(from) || !a.is(from + 1, '.') || !a.idIs(from + 2, getter) || !a.is(from + 3, '(') || !a.is(from + 4, ')')) {
    return undefined;
  }
  const built = followed(a, from, from + 1);
  if (!built || !a.idIs(built[0], pkg) || !a.is(built[0] + 1, '.') || !a.idIs(built[0] + 2, 'NewBuilder')) {
    return undefined;
  }
  return builderSetters.get(a, built[0], () => setterArguments(a, built[0], built[1])).get(`With${getter}`);
}

/** The terms of the key condition or filter `expr.KeyCondition()` / `expr.Filter()` in [from, to) stands for, as its builder was given them. */
export function goBuiltTerms(a: CodeAnalyzer, pkg: string, from: number, to: number, kind: BuilderKind): KeyTerm[] | undefined {
  const built = goBuilderArgument(a, pkg, from, to, kind === 'key' ? 'KeyCondition' : 'Filter');
  return built && goConditionTerms(a, pkg, built[0], built[1], kind);
}

/** Each builder's `WithX(argument)` calls, read once per builder. */
const builderSetters = new FileMemo<number, Map<string, [number, number]>>();

function setterArguments(a: CodeAnalyzer, from: number, to: number): Map<string, [number, number]> {
  const setters = new Map<string, [number, number]>();
  for (let k = from; k < to; k = a.skipGroup(k)) {
    const setter = a.is(k, '.') && a.is(k + 2, '(') ? a.id(k + 1) : undefined;
    const argument = setter?.startsWith('With') ? segments(a, k + 2) : [];
    if (setter && argument.length === 1 && !setters.has(setter)) {
      setters.set(setter, argument[0]);
    }
  }
  return setters;
}
