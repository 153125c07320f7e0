/**
 * TypeScript requests typed with the SDK's own input type, built apart from the command that sends them:
 * a function or method that declares it returns one (`function byCustomer(id): QueryCommandInput { return
 * { ... } }`, `(): DocumentClient.QueryInput => ({ ... })`) and a variable annotated with one (`const
 * params: ScanCommandInput = { ... }`). The annotation names the operation, so the object literal's options
 * are that request's wherever it is sent, as an inline literal's are. And the request of a command whose
 * argument calls such a builder (`new QueryCommand(this.prepareQuery(id))`) or names a variable bound to
 * that call (`const params = byCustomer(id); send(new QueryCommand(params))`).
 */
import { OptionContext } from '../../model';
import { DYNAMODB_REQUEST_PARTS, JS_MODULES, operationOfTypeName } from '../../services';
import { codeOf } from '../../tokenCodes';
import { Span } from '../../types';
import type { CodeAnalyzer } from '../analyzer';
import { expressionEnd } from '../braces';
import { FunctionScope } from '../language';
import { noteTypedCdkProps } from '../cdkTypedProps';
import { readTypedCdktfConfig } from '../cdktfTypedConfig';
import { contextFrom } from '../options';
import { variableContext } from '../requests';

/** How many `return`s of a builder are read for the request it builds (it returns one in its first few). */
const MAX_RETURNS_READ = 8;
const COLON = codeOf(':');
/** The AWS SDK for JavaScript v2's request types: `DynamoDB.DocumentClient.QueryInput`, `DocumentClient.ScanInput`, `DynamoDB.GetItemInput`. */
const V2_DYNAMODB_INPUT = /^(?:DynamoDB\.)?(?:DocumentClient\.)?([A-Za-z]+)Input$/;

/** v2's request parts: `DocumentClient.Update`, `DynamoDB.Put`, or a part named alone from `aws-sdk/clients/dynamodb`. */
const V2_DYNAMODB_PART = /^(?:DynamoDB\.)?(?:DocumentClient\.)?([A-Za-z]+)$/;

/**
 * A part of a DynamoDB request typed on its own (`const update: Update = { ... }` of `@aws-sdk/client-dynamodb`,
 * v2's `DocumentClient.Put`): the operation it only ever sits in, as in the other languages.
 */
function requestPartOperation(module: string, path: string): string | undefined {
  const v2 = module === 'aws-sdk/clients/dynamodb' || (module === 'aws-sdk' && path.startsWith('DynamoDB.'));
  const name = module === '@aws-sdk/client-dynamodb' ? path : v2 ? V2_DYNAMODB_PART.exec(path)?.[1] : undefined;
  return name === undefined ? undefined : DYNAMODB_REQUEST_PARTS.get(name);
}

/** The operation an annotation that starts at `start` names when it is exactly one SDK input type (not a union, not `Partial<...>`). */
export function operationOfInputType(a: CodeAnalyzer, start: number): { operation: string; last: number } | undefined {
  const first = a.id(start);
  const imported = first ? a.imports.get(first) : undefined;
  const services = imported ? JS_MODULES[imported.module] : undefined;
  if (!imported || !services || services.includes('redis')) {
    return undefined;
  }
  let path = imported.path;
  let last = start;
  while (a.is(last + 1, '.') && a.isId(last + 2)) {
    path = path ? `${path}.${a.tokens.text(last + 2)}` : a.tokens.text(last + 2);
    last += 2;
  }
  if (a.is(last + 1, '|') || a.is(last + 1, '&') || a.is(last + 1, '<') || a.is(last + 1, '[') || a.is(start - 1, '|') || a.is(start - 1, '&')) {
    return undefined;
  }
  const part = requestPartOperation(imported.module, path);
  if (part) {
    return { operation: part, last };
  }
  if (imported.module.startsWith('@aws-sdk/')) {
    const operation = operationOfTypeName(path, new Set(services), /CommandInput$/);
    return operation ? { operation, last } : undefined;
  }
  // v2: only DynamoDB's request types, read by the low-level operation they are named after.
  const v2 = V2_DYNAMODB_INPUT.exec(path);
  const operation = v2 && (imported.module === 'aws-sdk' ? path.startsWith('DynamoDB.') : imported.module === 'aws-sdk/clients/dynamodb') ? operationOfTypeName(`${v2[1]}Input`, new Set(['dynamodb']), /Input$/) : undefined;
  return operation ? { operation, last } : undefined;
}

/** The request an expression builds when it is a literal, or a variable bound to one in scope (with the options set on it afterwards). */
function literalOrVariable(a: CodeAnalyzer, start: number, operation: string, anchor: Span): OptionContext | undefined {
  const literal = a.is(start, '(') && a.is(start + 1, '{') ? start + 1 : start;
  if (a.is(literal, '{') && a.partner[literal] > literal) {
    return contextFrom(a, literal, a.partner[literal], 'sdk', operation, anchor);
  }
  return a.isId(start) && expressionEnd(a, start) === start + 1 ? variableContext(a, start, 'sdk', operation, anchor) : undefined;
}

/** The request a same-file function returns: the first of its `return`s (or its concise body) that is an object literal or a variable holding one. */
function returnedRequest(a: CodeAnalyzer, fn: { scope: number; concise: number }, operation: string, anchor: Span): OptionContext | undefined {
  for (const start of a.returnStarts(fn).slice(0, MAX_RETURNS_READ)) {
    const request = literalOrVariable(a, start, operation, anchor);
    if (request) {
      return request;
    }
  }
  return undefined;
}

/**
 * The request an argument builds by calling a same-file function (`byCustomer(id)`, `this.prepareQuery(id)`),
 * directly or through a variable bound to that call; `end` is where the argument ends.
 */
export function builtRequest(a: CodeAnalyzer, start: number, end: number, operation: string, anchor: Span): OptionContext | undefined {
  let from = start;
  let to = end;
  if (a.isId(start) && end === start + 1) {
    const binding = a.scopes.lookup(a.tokens.text(start), start);
    if (!binding || binding.expression < 0 || binding.fixed !== undefined) {
      return undefined;
    }
    from = a.idIs(binding.expression, 'await') ? binding.expression + 1 : binding.expression;
    to = expressionEnd(a, from);
  }
  // The callee is a name or a member chain, and the call is the whole argument.
  const open = to - 1 > from && a.is(to - 1, ')') ? a.partner[to - 1] : -1;
  if (open <= from || !a.is(open, '(') || !a.isId(open - 1)) {
    return undefined;
  }
  const callee = a.evalChain(from, open).value;
  return callee?.t === 'function' ? returnedRequest(a, callee, operation, anchor) : undefined;
}

/** Requests of builders that declare an SDK input return type, and of variables annotated with one. */
export function annotatedRequests(a: CodeAnalyzer): void {
  const byParams = new Map<number, FunctionScope>();
  for (const fn of a.functions.values()) {
    byParams.set(fn.params, fn);
  }
  const codes = a.tokens.codes;
  for (let i = 1; i < codes.length; i++) {
    if (codes[i] !== COLON || !a.isId(i + 1)) {
      continue;
    }
    const typed = operationOfInputType(a, i + 1);
    if (!typed) {
      noteTypedCdkProps(a, i);
      readTypedCdktfConfig(a, i);
      continue;
    }
    const anchor = a.tokenSpan(typed.last);
    const after = typed.last + 1;
    let request: OptionContext | undefined;
    if (a.is(i - 1, ')') && (a.is(after, '{') || a.is(after, '=>'))) {
      const fn = byParams.get(a.partner[i - 1]);
      request = fn ? returnedRequest(a, fn, typed.operation, anchor) : undefined;
    } else if (a.isId(i - 1) && a.tokens.isOneOf(i - 2, ['const', 'let', 'var']) && a.is(after, '=')) {
      request = a.is(after + 1, '{') ? variableContext(a, i - 1, 'sdk', typed.operation, anchor) : undefined;
    }
    if (request) {
      a.contexts.push(request);
    }
  }
}
