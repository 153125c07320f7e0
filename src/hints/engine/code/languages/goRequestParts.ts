/**
 * Go requests written apart from the input struct a client call takes: the parts of a transaction or batch
 * built on their own (`append(items, types.TransactWriteItem{Put: &types.Put{ConditionExpression: ...}})`, also held by a
 * name whose fields the code sets afterwards: `get := &types.Get{Key: key}` then `get.ProjectionExpression = proj`),
 * an input a function takes as a parameter and completes (`input.Limit = aws.Int32(n)` in
 * `func QueryMany(ctx context.Context, client *dynamodb.Client, input *dynamodb.QueryInput)`), and an input
 * declared empty (`var input dynamodb.ScanInput`) and completed the same way.
 */
import { DYNAMODB_REQUEST_PARTS, operationOfTypeName } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { contextFrom } from '../options';
import { keepDeclaredRequest } from '../requests';
import { goImportSpecs } from './goPackageStructs';

/** SDK v2 keeps the parts of a request in a package of their own; v1 keeps them in `dynamodb` itself. */
const V2_TYPES_PATH = 'github.com/aws/aws-sdk-go-v2/service/dynamodb/types';

/** The names a file gives the v2 `dynamodb/types` package (`types`, or an alias such as `ddbtypes`). */
export function dynamodbTypesAliases(a: CodeAnalyzer): Set<string> {
  const aliases = new Set<string>();
  if (!a.text.includes(V2_TYPES_PATH)) {
    return aliases;
  }
  for (const { alias, path } of goImportSpecs(a)) {
    if (path === V2_TYPES_PATH && alias !== '_' && alias !== '.') {
      aliases.add(alias ?? 'types');
    }
  }
  return aliases;
}

/**
 * `types.Put{...}` (v2) or `dynamodb.Put{...}` (v1) with its type name at `index` and its `{` next: its
 * fields as options of the operation it belongs to, read as the same options inside the input struct are.
 * Returns its `}`, or -1 when it is no part of a request.
 */
export function requestPart(a: CodeAnalyzer, index: number, typesAliases: ReadonlySet<string>): number {
  const alias = a.tokens.text(index - 2);
  const name = a.tokens.text(index);
  const operation = typesAliases.has(alias) || a.goPackages.get(alias) === 'dynamodb' ? DYNAMODB_REQUEST_PARTS.get(name) : undefined;
  const close = a.partner[index + 1];
  if (!operation || close < 0) {
    return -1;
  }
  const context = contextFrom(a, index + 1, close, 'sdk', operation, a.tokenSpan(index));
  a.contexts.push(context);
  // `k := &dynamodb.KeysAndAttributes{Keys: keys}` then `k.ProjectionExpression = proj`: the fields assigned later join it.
  a.requestAt.set(index - 2, context);
  return close;
}

/**
 * `input *dynamodb.QueryInput` (or a value `dynamodb.QueryInput`) among a function's parameters: a request
 * that the options the function assigns (`input.Limit = ...`) belong to.
 */
export function requestParameters(a: CodeAnalyzer): void {
  for (const fn of a.functions.values()) {
    for (let k = fn.params; k > 0 && k < fn.body; k = a.skipGroup(k)) {
      if (a.is(k, '(')) {
        for (const [start, end] of segments(a, k)) {
          declaredRequest(a, start, end);
        }
      }
    }
  }
}

/** `var input dynamodb.ScanInput` (the `var` at `at`): an empty input that assignments complete. */
export function varRequest(a: CodeAnalyzer, at: number): void {
  // `var name [*]pkg.Type` and then the declaration ends: no `=` with a value of its own.
  const end = (a.is(at + 2, '*') ? at + 3 : at + 2) + 3;
  if (end >= a.tokens.length || a.startsLine(end) || a.is(end, ';') || a.is(end, '}')) {
    declaredRequest(a, at + 1, end);
  }
}

/** A name (token `start`) declared with an input type (`*dynamodb.QueryInput` up to `end`): see `keepDeclaredRequest`. */
function declaredRequest(a: CodeAnalyzer, start: number, end: number): void {
  const alias = a.is(start + 1, '*') ? start + 2 : start + 1;
  const service = a.isId(start) && a.is(alias + 1, '.') && alias + 3 === end ? a.goPackages.get(a.tokens.text(alias)) : undefined;
  const operation = service && a.isId(alias + 2) ? operationOfTypeName(a.tokens.text(alias + 2), new Set([service]), /Input$/) : undefined;
  if (operation) {
    keepDeclaredRequest(a, start, alias + 2, operation);
  }
}
