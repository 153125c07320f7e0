/**
 * A lambda handed to a function of the file whose parameter takes an SDK request builder, in Java and Kotlin: the
 * helper makes the builder and lets its caller add to it (Kotlin `modify: (ScanRequest.Builder) -> ScanRequest.Builder`,
 * Java `UnaryOperator<ScanRequest.Builder>`, `Consumer<QueryEnhancedRequest.Builder>`, `Function<ScanRequest.Builder, R>`).
 * The lambda's parameter (Kotlin's `it` included) is that builder, so the setters called on it
 * (`createScan { it.filterExpression(f) }`, `query(b -> b.indexName(i))`) are options of that request, never complete:
 * the helper sets more.
 */
import { operationOfTypeName } from '../services';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { keepDeclaredRequest } from './requests';

/** Java's functional interfaces whose first type argument is what the lambda's parameter receives. */
const JAVA_FUNCTION_TYPES = new Set(['UnaryOperator', 'Consumer', 'Function']);

/** A function of the file with a parameter that takes a lambda of a request builder. */
interface BuilderHelper {
  declaration: number;
  position: number;
  last: boolean;
  type: number;
  operation: string;
}

/** The operation of `X.Builder` at `type` (`ScanRequest.Builder`, `QueryEnhancedRequest.Builder`), if X is a request type. */
function builderOperation(a: CodeAnalyzer, type: number): string | undefined {
  if (!a.isId(type) || !a.isAccess(type + 1) || !a.idIs(type + 2, 'Builder')) {
    return undefined;
  }
  return operationOfTypeName(a.tokens.text(type).replace(/Enhanced(?=Request$)/, ''), a.services, /Request$/);
}

/** The request type of a parameter at `[from, to)` that takes a lambda of its builder, or -1. */
function builderFunctionType(a: CodeAnalyzer, from: number, to: number): number {
  if (a.language.id === 'kotlin') {
    // `modify: (ScanRequest.Builder) -> ScanRequest.Builder`
    for (let k = from; k + 6 < to; k++) {
      if (a.is(k, ':') && a.is(k + 1, '(') && a.is(k + 5, ')') && a.is(k + 6, '->')) {
        return builderOperation(a, k + 2) ? k + 2 : -1;
      }
    }
    return -1;
  }
  // `UnaryOperator<ScanRequest.Builder> modify`, `final Consumer<QueryEnhancedRequest.Builder> customizer`
  for (let k = from; k + 5 < to; k++) {
    if (a.isId(k) && JAVA_FUNCTION_TYPES.has(a.tokens.text(k)) && a.is(k + 1, '<') && (a.is(k + 5, '>') || a.is(k + 5, ','))) {
      return builderOperation(a, k + 2) ? k + 2 : -1;
    }
  }
  return -1;
}

/** The name of the function whose parameters open at `open`, if it is a declaration: `fun name(`, `Type name(`. */
function declaredName(a: CodeAnalyzer, open: number): number {
  const name = open - 1;
  if (!a.isId(name) || a.isAccess(name - 1)) {
    return -1;
  }
  if (a.language.id === 'kotlin') {
    return a.idIs(name - 1, 'fun') ? name : -1;
  }
  return a.isId(name - 1) || a.is(name - 1, '>') || a.is(name - 1, '>>') || a.is(name - 1, ']') ? name : -1;
}

function builderHelpers(a: CodeAnalyzer): Map<string, BuilderHelper[]> {
  const helpers = new Map<string, BuilderHelper[]>();
  for (const fn of a.functions.values()) {
    const name = a.is(fn.params, '(') ? declaredName(a, fn.params) : -1;
    if (name < 0) {
      continue;
    }
    const parameters = segments(a, fn.params);
    parameters.forEach(([from, to], position) => {
      const type = builderFunctionType(a, from, to);
      const operation = type >= 0 ? builderOperation(a, type) : undefined;
      if (operation) {
        const list = helpers.get(a.tokens.text(name)) ?? [];
        list.push({ declaration: name, position, last: position === parameters.length - 1, type, operation });
        helpers.set(a.tokens.text(name), list);
      }
    });
  }
  return helpers;
}

/** The token the lambda's parameter is bound by: a Java `b ->` or `(b) ->`, a Kotlin `{ b ->`, else Kotlin's `it` (the brace). */
function lambdaParameter(a: CodeAnalyzer, start: number): number {
  if (a.isId(start) && a.is(start + 1, '->')) {
    return start;
  }
  if (a.is(start, '(') && a.isId(start + 1) && a.is(start + 2, ')') && a.is(start + 3, '->')) {
    return start + 1;
  }
  if (a.language.id !== 'kotlin' || !a.is(start, '{')) {
    return -1;
  }
  if (a.isId(start + 1) && a.is(start + 2, '->')) {
    return start + 1;
  }
  return a.is(start + 2, '->') || a.is(start + 2, ',') || a.is(start + 2, ':') ? -1 : start;
}

/** The lambda a call at `name` gives for the helper's parameter: in its parentheses, or Kotlin's trailing lambda. */
function lambdaArgument(a: CodeAnalyzer, name: number, helper: BuilderHelper): number {
  const open = name + 1;
  if (a.is(open, '(')) {
    const argument = segments(a, open)[helper.position];
    if (argument) {
      return lambdaParameter(a, argument[0]);
    }
    const after = a.partner[open] + 1;
    return helper.last && a.language.trailingLambdas === true && a.is(after, '{') ? lambdaParameter(a, after) : -1;
  }
  return helper.last && a.language.trailingLambdas === true && a.is(open, '{') ? lambdaParameter(a, open) : -1;
}

/** Java binds an untyped lambda parameter only when it is a client (`javaLambdaClients.ts`): bound here as this builder. */
function bindJavaParameter(a: CodeAnalyzer, parameter: number): void {
  const name = a.tokens.text(parameter);
  if (a.language.id !== 'java' || a.scopes.lookup(name, parameter + 1)?.token === parameter) {
    return;
  }
  const scope = a.scopes.scopeAt(parameter);
  const lambda = a.functions.get(scope);
  if (lambda && (lambda.params === parameter || lambda.params === parameter - 1)) {
    a.scopes.bind(scope, name, { token: parameter, expression: -1 });
  }
}

/** Keeps the parameter of each lambda given to such a helper as the builder's request. */
export function builderLambdaArguments(a: CodeAnalyzer): void {
  const helpers = builderHelpers(a);
  if (helpers.size === 0) {
    return;
  }
  for (let i = 0; i < a.tokens.length; i++) {
    const own = a.isId(i) ? helpers.get(a.tokens.text(i)) : undefined;
    if (!own || (a.isAccess(i - 1) && !a.idIs(i - 2, 'this')) || own.some((helper) => helper.declaration === i)) {
      continue;
    }
    for (const helper of own) {
      const parameter = lambdaArgument(a, i, helper);
      if (parameter >= 0 && !a.requestAt.has(parameter)) {
        bindJavaParameter(a, parameter);
        keepDeclaredRequest(a, parameter, helper.type, helper.operation);
      }
    }
  }
}
