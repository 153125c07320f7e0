/**
 * Kotlin extension functions on an SDK request builder (`fun QueryRequest.Builder.init(table: String) { tableName(table)
 * .indexName(index) }`, `fun CreateTableRequest.Builder.onDemand() = billingMode(BillingMode.PAY_PER_REQUEST)`): the
 * builder is the body's implicit receiver, so the setters it calls with no receiver, or on `this`, and those chained
 * on them, are options of that request. The function may be called on any builder of the type, so the options are
 * read as hovers of a request that is never complete. A parameter declared as a request or its builder
 * (`request: QueryRequest`, `builder: QueryRequest.Builder`) is kept as one, as Go's `input *dynamodb.QueryInput` is,
 * so that the setters called on it and its `toBuilder()` copies are read as its options.
 */
import { operationOfTypeName } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { occurrenceOf } from '../options';
import { keepDeclaredRequest } from '../requests';
import { segments } from '../braces';
import { chainStart } from '../receiverChains';
import { closeAngle } from '../typeArguments';
import { OptionContext } from '../../model';

/** Calls with no receiver that are Kotlin's own or the scope functions', never a builder's setter. */
const NOT_SETTERS = new Set(['listOf', 'mapOf', 'setOf', 'mutableListOf', 'mutableMapOf', 'emptyList', 'emptyMap', 'println', 'require', 'check', 'error', 'TODO', 'let', 'apply', 'run', 'also', 'with', 'takeIf', 'build', 'copy']);

/** The request type of `fun <T> XRequest.Builder.name(` at the `fun` token `keyword`, with the `(` of its parameters. */
function builderReceiver(a: CodeAnalyzer, keyword: number): { type: number; open: number; operation: string } | undefined {
  let k = keyword + 1;
  if (a.is(k, '<')) {
    k = closeAngle(a, k) + 1;
  }
  if (k <= 0 || !a.isId(k) || !a.isAccess(k + 1) || !a.idIs(k + 2, 'Builder') || !a.isAccess(k + 3) || !a.isId(k + 4) || !a.is(k + 5, '(')) {
    return undefined;
  }
  const operation = operationOfTypeName(a.tokens.text(k), a.services, /Request$/);
  return operation ? { type: k, open: k + 5, operation } : undefined;
}

/** Whether the call named at `name` has the implicit receiver: none written, `this.`, or a chain that starts at such a call. */
function onImplicitReceiver(a: CodeAnalyzer, name: number, bodyStart: number): boolean {
  if (!a.isAccess(name - 1)) {
    // A function of the file by that name is called instead (a parameter by that name cannot be called).
    return !a.idIs(name - 1, 'fun') && !NOT_SETTERS.has(a.tokens.text(name)) && a.lookup(a.tokens.text(name), name)?.t !== 'function';
  }
  const start = chainStart(a, name - 2);
  if (start < bodyStart) {
    return false;
  }
  return a.idIs(start, 'this') || (a.isId(start) && a.is(start + 1, '(') && onImplicitReceiver(a, start, bodyStart));
}

/** `request: QueryRequest`, `builder: ScanRequest.Builder` among the parameters `[from, to)`: kept as that request. */
function requestParameter(a: CodeAnalyzer, from: number, to: number): void {
  let name = from;
  while (name < to && !(a.isId(name) && a.is(name + 1, ':'))) {
    name++;
  }
  const type = name + 2;
  const builder = a.isAccess(type + 1) && a.idIs(type + 2, 'Builder');
  const end = builder ? type + 3 : type + 1;
  // The enhanced client's `QueryEnhancedRequest` names the same operation as `QueryRequest`.
  const typeName = a.tokens.text(type).replace(/Enhanced(?=Request$)/, '');
  const operation = name < to && a.isId(type) && (end === to || a.is(end, '?') || a.is(end, '=')) ? operationOfTypeName(typeName, a.services, /Request$/) : undefined;
  if (operation) {
    keepDeclaredRequest(a, name, type, operation);
  }
}

/** Parameters declared as a request or a request builder, in every function of the file. */
export function requestParameters(a: CodeAnalyzer): void {
  for (const fn of a.functions.values()) {
    if (a.is(fn.params, '(')) {
      for (const [from, to] of segments(a, fn.params)) {
        requestParameter(a, from, to);
      }
    }
  }
}

export function builderExtensionRequests(a: CodeAnalyzer): void {
  for (let i = 0; i < a.tokens.length; i++) {
    const receiver = a.idIs(i, 'fun') ? builderReceiver(a, i) : undefined;
    const scope = receiver ? a.scopes.scopeAt(receiver.open) : -1;
    const fn = scope > 0 && a.scopes.start(scope) === receiver?.open ? a.functions.get(scope) : undefined;
    if (!receiver || !fn) {
      continue;
    }
    const bodyStart = fn.body >= 0 ? fn.body : fn.concise;
    const bodyEnd = a.scopes.range(scope)[1];
    const context: OptionContext = { kind: 'sdk', type: receiver.operation, options: [], complete: false, anchor: a.tokenSpan(receiver.type) };
    for (let k = bodyStart; k >= 0 && k < bodyEnd; k++) {
      const close = a.isId(k) && a.is(k + 1, '(') ? a.partner[k + 1] : -1;
      if (close > k && onImplicitReceiver(a, k, bodyStart)) {
        context.options.push(occurrenceOf(a, { key: k, valueStart: k + 2, valueEnd: close, removalStart: a.isAccess(k - 1) ? k - 1 : k, removalEnd: close }));
      }
    }
    if (context.options.length > 0) {
      a.contexts.push(context);
    }
    i = bodyEnd - 1;
  }
}
