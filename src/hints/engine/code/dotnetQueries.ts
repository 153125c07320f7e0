/**
 * The .NET document model's `table.Query(...)`: a `QueryFilter` (built with a literal attribute name and
 * `QueryOperator`, plus `AddCondition` calls on the same variable) or a `QueryOperationConfig` initializer
 * (`IndexName`, `ConsistentRead`, `Filter`, `KeyExpression`). The SDK sends the filter's conditions on key
 * attributes as the key condition and the rest as a filter, so only its key terms are checked. And the
 * object persistence model's `context.QueryAsync<T>(...)`: the table of a `[DynamoDBTable("name")]` class
 * of the same file (or a config's `OverrideTableName`), with the config's `IndexName` and `ConsistentRead`
 * (or, for `FromQueryAsync`, those of its `QueryOperationConfig`).
 */
import { DynamoRequest, KeyOperator, KeyTerm } from '../model';
import { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { conditionTerms } from './dynamodbExpressions';
import { FileMemo } from './fileMemo';
import { literalMap } from './literalMaps';
import { bindingAt, bindingEnd, namedValue, tableNameRef } from './names';
import { contextFrom } from './options';
import { tokensNamed } from './tokenIndex';
import { Value } from './values';

const QUERY_OPERATORS: Record<string, KeyOperator> = {
  Equal: '=',
  LessThan: '<',
  LessThanOrEqual: '<=',
  GreaterThan: '>',
  GreaterThanOrEqual: '>=',
  BeginsWith: 'begins_with',
  Between: 'between',
};

/** The conditions a `QueryFilter` variable gathers, once per variable. */
const filterConditions = new FileMemo<Binding<Value>, { terms: KeyTerm[]; complete: boolean }>();

/** `"attr", QueryOperator.X, ...` in a call's arguments: the term, or undefined when either is not literal. */
function conditionArguments(a: CodeAnalyzer, open: number): KeyTerm | undefined {
  const [name, operator] = segments(a, open);
  if (!name || !operator || name[1] !== name[0] + 1 || !a.isString(name[0]) || a.tokens.interpolated(name[0])) {
    return undefined;
  }
  const written = operator[1] === operator[0] + 3 && a.idIs(operator[0], 'QueryOperator') && a.is(operator[0] + 1, '.') ? QUERY_OPERATORS[a.id(operator[0] + 2) ?? ''] : undefined;
  return written ? { name: a.tokens.text(name[0]), span: a.tokenSpan(name[0]), operator: written } : undefined;
}

/** The expression [from, to) stands for: itself, or what the variable it names is bound to. */
export function resolvedExpression(a: CodeAnalyzer, from: number, to: number): { range: [number, number]; variable?: { name: string; token: number } } | undefined {
  if (!(to - from === 1 && a.isId(from))) {
    return { range: [from, to] };
  }
  const binding = bindingAt(a, from, to);
  if (!binding || binding.expression < 0 || binding.element || binding.fixed !== undefined) {
    return undefined;
  }
  return { range: [binding.expression, bindingEnd(a, binding.expression)], variable: { name: a.tokens.text(from), token: from } };
}

/** `new QueryFilter(...)` plus the `AddCondition` calls on its variable; `complete` when nothing else touches it. */
function filterTerms(a: CodeAnalyzer, from: number, to: number): { terms: KeyTerm[]; complete: boolean } | undefined {
  const found = resolvedExpression(a, from, to);
  if (!found) {
    return undefined;
  }
  const [start, end] = found.range;
  if (!a.idIs(start, 'new') || !a.idIs(start + 1, 'QueryFilter') || !a.is(start + 2, '(') || a.partner[start + 2] !== end - 1) {
    return undefined;
  }
  const variable = found.variable;
  const binding = variable && a.scopes.lookup(variable.name, variable.token);
  // A variable's conditions are gathered once, however many queries use it.
  return variable && binding ? filterConditions.get(a, binding, () => gathered(a, start, variable.name, binding)) : gathered(a, start);
}

/** The constructor's condition, then the `AddCondition` calls on the variable that holds the filter. */
function gathered(a: CodeAnalyzer, start: number, name?: string, binding?: Binding<Value>): { terms: KeyTerm[]; complete: boolean } {
  const terms: KeyTerm[] = [];
  let complete = true;
  if (!a.is(start + 3, ')')) {
    const first = conditionArguments(a, start + 2);
    if (first) {
      terms.push(first);
    } else {
      complete = false;
    }
  }
  if (name === undefined || !binding) {
    return { terms, complete };
  }
  const added = addedConditions(a, name, binding, start);
  return { terms: terms.concat(added.terms), complete: complete && added.complete };
}

/** The `AddCondition` calls on a filter variable in its function; incomplete when the variable is used any other way. */
function addedConditions(a: CodeAnalyzer, name: string, binding: Binding<Value>, start: number): { terms: KeyTerm[]; complete: boolean } {
  const terms: KeyTerm[] = [];
  let complete = true;
  const scope = a.scopes.enclosing(start, ['function']);
  const [scopeStart, scopeEnd] = scope > 0 ? a.scopes.range(scope) : [0, a.tokens.length];
  for (const k of tokensNamed(a, name)) {
    if (k < scopeStart || k >= scopeEnd || a.isAccess(k - 1) || k === binding.token || a.scopes.lookup(name, k) !== binding) {
      continue;
    }
    if (a.is(k + 1, '.') && a.idIs(k + 2, 'AddCondition') && a.is(k + 3, '(')) {
      const term = conditionArguments(a, k + 3);
      if (term) {
        terms.push(term);
      } else {
        complete = false;
      }
    } else if (!((a.is(k - 1, '(') && a.idIs(k - 2, 'Query') && a.is(k + 1, ')')) || (a.is(k - 1, '=') && a.idIs(k - 2, 'Filter')))) {
      // Passed elsewhere or reassigned: other conditions may be added where we cannot see.
      complete = false;
    }
  }
  return { terms, complete };
}

/** `new QueryOperationConfig { ... }`: its index, consistency, filter and key expression. */
function operationConfig(a: CodeAnalyzer, from: number, to: number, request: DynamoRequest): boolean {
  const found = resolvedExpression(a, from, to);
  const [start, end] = found?.range ?? [0, 0];
  if (!found || !a.idIs(start, 'new') || !a.idIs(start + 1, 'QueryOperationConfig')) {
    return false;
  }
  let brace = start + 2;
  if (a.is(brace, '(') && a.is(a.partner[brace] + 1, '{')) {
    brace = a.partner[brace] + 1;
  }
  if (!a.is(brace, '{') || a.partner[brace] !== end - 1) {
    return false;
  }
  const config = contextFrom(a, brace, end - 1, 'sdk', 'dynamodb:Query', request.anchor);
  // Members of this initializer only, not of the objects inside it.
  const option = (norm: string) => config.options.find((candidate) => candidate.norm === norm && a.parent[a.tokensOf(candidate.key)[0]] === brace);
  const index = option('indexname');
  if (index) {
    const named = namedValue(a, ...a.tokensOf(index.value));
    request.index = named?.kind === 'literal' ? { name: named.value, span: index.value, key: index.key } : 'unknown';
  }
  const consistent = option('consistentread');
  if (consistent?.literal.kind === 'bool' && consistent.literal.value) {
    request.consistentRead = consistent.key;
  }
  const filter = option('filter');
  const keyExpression = option('keyexpression');
  if (filter && !keyExpression) {
    const terms = filterTerms(a, ...a.tokensOf(filter.value));
    if (terms) {
      request.keyCondition = { ...terms, keysOnly: true };
    }
  } else if (keyExpression && !filter) {
    const terms = expressionObject(a, ...a.tokensOf(keyExpression.value));
    if (terms) {
      request.keyCondition = { terms, complete: true };
    }
  }
  return true;
}

/** `new Expression { ExpressionStatement = "...", ExpressionAttributeNames = ... }`: the statement's terms. */
function expressionObject(a: CodeAnalyzer, from: number, to: number): KeyTerm[] | undefined {
  const found = resolvedExpression(a, from, to);
  const [start, end] = found?.range ?? [0, 0];
  if (!found || !a.idIs(start, 'new') || !a.idIs(start + 1, 'Expression') || !a.is(end - 1, '}')) {
    return undefined;
  }
  const brace = a.partner[end - 1];
  let statement: [number, number] | undefined;
  let names: Map<string, string> | 'unknown' | undefined;
  for (const [memberStart, memberEnd] of segments(a, brace)) {
    if (!a.isId(memberStart) || !a.is(memberStart + 1, '=')) {
      return undefined;
    }
    if (a.idIs(memberStart, 'ExpressionStatement')) {
      statement = [memberStart + 2, memberEnd];
    } else if (a.idIs(memberStart, 'ExpressionAttributeNames')) {
      const entries = literalMap(a, memberStart + 2, memberEnd);
      names = entries && entries.every((entry) => entry.valueEnd === entry.valueStart + 1 && a.isString(entry.valueStart)) ? new Map(entries.map((entry) => [entry.key, a.tokens.text(entry.valueStart)])) : 'unknown';
    }
  }
  const text = statement && namedValue(a, statement[0], statement[1]);
  if (text?.kind !== 'literal') {
    return undefined;
  }
  const terms = conditionTerms(text.value, names);
  const base = a.tokens.textStart(text.token);
  return terms?.map(({ name, start: at, end: until, operator }) => ({ name, span: { start: base + at, end: base + until }, operator }));
}

/**
 * Reads `table.Query(...)` of the document model into the request. `Query(hashKey, filter)` writes the
 * partition key's condition itself, so only the one-argument forms tell anything to check.
 */
export function dotnetDocumentQuery(a: CodeAnalyzer, open: number, request: DynamoRequest): void {
  if (!a.is(open, '(')) {
    return;
  }
  const args = segments(a, open);
  if (args.length !== 1) {
    return;
  }
  const [from, to] = args[0];
  if (operationConfig(a, from, to, request)) {
    return;
  }
  const terms = filterTerms(a, from, to);
  if (terms) {
    request.keyCondition = { ...terms, keysOnly: true };
  }
}

/** `[DynamoDBTable("name")] class T` in the file: the string token of each class's table name, by class name. */
const tableAttributes = new FileMemo<'classes', Map<string, number>>();

function attributedTables(a: CodeAnalyzer): Map<string, number> {
  return tableAttributes.get(a, 'classes', () => {
    const tables = new Map<string, number>();
    for (let k = 0; k + 4 < a.tokens.length; k++) {
      if (!a.is(k, '[') || !a.idIs(k + 1, 'DynamoDBTable') || !a.is(k + 2, '(') || !a.isString(k + 3) || a.tokens.interpolated(k + 3)) {
        continue;
      }
      // The class follows the attribute list, after other attributes and modifiers.
      for (let j = a.partner[k] + 1, steps = 0; j > 0 && j < a.tokens.length && steps < 24; j = a.skipGroup(j), steps++) {
        if ((a.idIs(j, 'class') || a.idIs(j, 'record')) && a.isId(j + 1)) {
          tables.set(a.tokens.text(j + 1), k + 3);
          break;
        }
        if (!a.isId(j) && !a.is(j, '[')) {
          break;
        }
      }
    }
    return tables;
  });
}

/** Configs of the object persistence model whose initializer may name an index, a consistency or a table. */
const CONTEXT_CONFIGS = new Set(['DynamoDBOperationConfig', 'QueryConfig', 'ScanConfig', 'LoadConfig', 'FromQueryConfig', 'FromScanConfig']);

/** `context.QueryAsync<T>(..., new DynamoDBOperationConfig { IndexName = "gsi" })` and the other context calls. */
export function dotnetContextCall(a: CodeAnalyzer, nameIndex: number, request: DynamoRequest): void {
  const typed = a.is(nameIndex + 1, '<') && a.isId(nameIndex + 2) && a.is(nameIndex + 3, '>') && a.is(nameIndex + 4, '(');
  if (!typed) {
    return;
  }
  const attribute = attributedTables(a).get(a.tokens.text(nameIndex + 2));
  if (attribute !== undefined) {
    request.table = { ref: { kind: 'literal', name: a.tokens.text(attribute) }, span: a.tokenSpan(attribute) };
  }
  for (const [start, end] of segments(a, nameIndex + 4)) {
    // `FromQueryAsync<T>(new QueryOperationConfig { ... })` takes the document model's config.
    if (operationConfig(a, start, end, request)) {
      continue;
    }
    const found = resolvedExpression(a, start, end);
    const [from, to] = found?.range ?? [0, 0];
    if (!found || !a.idIs(from, 'new') || !CONTEXT_CONFIGS.has(a.id(from + 1) ?? '') || !a.is(to - 1, '}')) {
      continue;
    }
    const brace = a.partner[to - 1];
    const config = contextFrom(a, brace, to - 1, 'sdk', request.operation, request.anchor);
    const option = (norm: string) => config.options.find((candidate) => candidate.norm === norm && a.parent[a.tokensOf(candidate.key)[0]] === brace);
    const override = option('overridetablename');
    const named = override && namedValue(a, ...a.tokensOf(override.value));
    if (override) {
      request.table = named ? { ref: tableNameRef(named), span: override.value, key: override.key } : undefined;
    }
    const index = option('indexname');
    if (index) {
      const name = namedValue(a, ...a.tokensOf(index.value));
      request.index = name?.kind === 'literal' ? { name: name.value, span: index.value, key: index.key } : 'unknown';
    }
    const consistent = option('consistentread');
    if (consistent?.literal.kind === 'bool' && consistent.literal.value) {
      request.consistentRead = consistent.key;
    }
  }
}

/** The object persistence model's calls that take a `DynamoDBOperationConfig`, and the operation each sends. */
const CONFIG_CALLS: Record<string, string> = {
  Query: 'dynamodb:Query',
  QueryAsync: 'dynamodb:Query',
  Scan: 'dynamodb:Scan',
  ScanAsync: 'dynamodb:Scan',
  Load: 'dynamodb:GetItem',
  LoadAsync: 'dynamodb:GetItem',
};
/** How many tokens a call's type arguments (`QueryAsync<Models.Movie>(`) may span. */
const MAX_TYPE_ARGUMENTS = 12;

/**
 * `new DynamoDBOperationConfig { ... }` at `typeIndex` serves every context call, so its options mean what the
 * call's do: the operation of the call it is an argument of or, held in a local or field (`var config = new ...`),
 * of the calls of its block that pass it, when they all send the same one. Undefined otherwise.
 */
export function sharedConfigOperation(a: CodeAnalyzer, typeIndex: number): string | undefined {
  const at = typeIndex - 1;
  const open = a.parent[at];
  if (open < 0) {
    return undefined;
  }
  if (a.is(open, '(')) {
    return contextCallOperation(a, open);
  }
  const name = a.is(open, '{') && a.is(at - 1, '=') ? a.id(at - 2) : undefined;
  if (name === undefined) {
    return undefined;
  }
  let operation: string | undefined;
  for (const k of tokensNamed(a, name)) {
    const paren = a.parent[k];
    if (k <= at || k >= a.partner[open] || paren < 0 || !a.is(paren, '(') || a.is(k - 1, '.') || a.is(k + 1, '.')) {
      continue;
    }
    const sent = contextCallOperation(a, paren);
    if (sent === undefined || (operation !== undefined && sent !== operation)) {
      return undefined;
    }
    operation = sent;
  }
  return operation;
}

/** `context.QueryAsync<T>(` / `context.Scan<T>(` at its `(`: the operation it sends. */
function contextCallOperation(a: CodeAnalyzer, paren: number): string | undefined {
  let end = paren - 1;
  if (a.is(end, '>')) {
    let k = end - 1;
    while (k > paren - MAX_TYPE_ARGUMENTS && !a.is(k, '<')) {
      k--;
    }
    end = k - 1;
  }
  const method = a.is(end - 1, '.') ? a.id(end) : undefined;
  return method !== undefined && Object.hasOwn(CONFIG_CALLS, method) ? CONFIG_CALLS[method] : undefined;
}
