/**
 * Which functions of a file are Lambda handlers, per language, as the code shows them: JavaScript or
 * TypeScript, an exported function whose first parameter is `event` (`export const handler = async (event,
 * context) => ...`, `exports.handler = ...`, `module.exports = { handler }`); Python, a module-level `def` of
 * parameters `(event, context)`; Java, a `handleRequest` method that takes the Lambda `Context`; Go, a function
 * the file passes to `lambda.Start` or that takes an event of the runtime's `events` package or returns one of its
 * responses; C#, a method that
 * takes `ILambdaContext`. In workspace mode a function a template names as a handler is one, whatever it takes.
 * The clients they make are read by `handlerClients.ts`.
 */
import { goMethodName } from './helperFunctions';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { FileMemo } from './fileMemo';
import { namesPulumiAws } from './pulumi';
import type { FunctionScope } from './language';
import { exported } from './otherFileCallers';
import { tokensNamed } from './tokenIndex';
import { decoratedWith } from './languages/pythonDecorators';
import { typedAsLambdaHandler } from './lambdaHandlerTypes';
import { isMangumRoute } from './mangumApps';
import { isChaliceRoute } from './chaliceApps';

/** Names a JavaScript handler's first parameter has (the Lambda runtime passes the event first). */
const JS_EVENT_NAMES = new Set(['event', 'evt']);
/** The context a handler gets second (`def handler(event, context)`, `(event, context) =>`), and a Node callback third. */
const CONTEXT_NAMES = new Set(['context', '_context', 'ctx']);
const CALLBACK_NAMES = new Set(['callback', 'cb', '_callback']);
/** How far back from an `=` a declared name's type annotation is read. */
const MAX_ANNOTATION_TOKENS = 24;
/** Per file, the handler names its templates give. */
const handlerNames = new FileMemo<string, ReadonlySet<string>>();

/**
 * An exported JavaScript function that is a Lambda handler: its parameters are Lambda's (the event, then maybe
 * the context and a callback), or a template of the workspace names it as a function's handler, whatever
 * they are called (`Handler: src/orders.list` for `export const list = async (request) => ...`); or a function
 * Pulumi serializes into a handler (`pulumiCallback`).
 */
export function isJsHandler(a: CodeAnalyzer, params: number): boolean {
  if (!a.is(params, '(')) {
    return false;
  }
  if (pulumiCallback(a, params)) {
    return true;
  }
  const name = exportedFunctionName(a, params);
  return name >= 0 && (hasLambdaParameters(a, params) || unusedEventHandler(a, name, params) || typedAsLambdaHandler(a, name) || templateHandlers(a).has(a.tokens.text(name)));
}

/** Pulumi's event subscriptions whose handler argument becomes a Lambda function: `bucket.onObjectCreated(name, handler)`, `table.onEvent(name, handler)`. */
const PULUMI_SUBSCRIPTIONS = new Set(['onEvent', 'onObjectCreated', 'onObjectRemoved']);

/**
 * A function Pulumi serializes into a Lambda function's handler, which runs on every invocation whatever its
 * parameters are called (https://www.pulumi.com/docs/iac/concepts/functions/function-serialization/): the `callback`
 * of `new aws.lambda.CallbackFunction(name, { callback: async (ev) => ... })`, an API route's `eventHandler`
 * (`routes: [{ path, method, eventHandler: async (ev) => ... }]`), or the handler an event subscription is given.
 */
export function pulumiCallback(a: CodeAnalyzer, params: number): boolean {
  let start = a.idIs(params - 1, 'function') ? params - 1 : params;
  if (a.idIs(start - 1, 'async')) {
    start--;
  }
  if (a.is(start - 1, ':') && a.isId(start - 2)) {
    const object = a.parent[start - 2];
    const holder = object > 0 && a.is(object, '{') ? a.parent[object] : -1;
    if (holder <= 0) {
      return false;
    }
    if (a.idIs(start - 2, 'callback')) {
      return a.is(holder, '(') && a.idIs(holder - 1, 'CallbackFunction');
    }
    return a.idIs(start - 2, 'eventHandler') && a.is(holder, '[') && a.is(holder - 1, ':') && a.idIs(holder - 2, 'routes') && namesPulumiAws(a);
  }
  const call = a.parent[start];
  return call > 0 && a.is(call, '(') && a.is(start - 1, ',') && a.isAccess(call - 2) && PULUMI_SUBSCRIPTIONS.has(a.id(call - 1) ?? '') && namesPulumiAws(a);
}

/**
 * `export const handler = async () => …`: a handler that ignores its event (a scheduled job), under the name the
 * Node.js runtime's default handler setting (`index.handler`) calls; the runtime passes the event and the context
 * whatever the function declares.
 */
function unusedEventHandler(a: CodeAnalyzer, name: number, params: number): boolean {
  return a.is(params + 1, ')') && a.idIs(name, 'handler');
}

function hasLambdaParameters(a: CodeAnalyzer, params: number): boolean {
  if (!JS_EVENT_NAMES.has(a.id(params + 1) ?? '')) {
    return false;
  }
  const parameters = segments(a, params);
  const named = (position: number, names: ReadonlySet<string>): boolean => position >= parameters.length || names.has(a.id(parameters[position][0]) ?? '');
  return parameters.length <= 3 && named(1, CONTEXT_NAMES) && named(2, CALLBACK_NAMES);
}

/** The names the workspace's templates give as handlers in this file (none outside workspace mode). */
export function templateHandlers(a: CodeAnalyzer): ReadonlySet<string> {
  return handlerNames.get(a, 'template-handlers', () => new Set(a.project?.lambdaHandlers?.() ?? []));
}

/** The name token of the exported function whose parameters open at `params`; -1 when it is not exported or has no name. */
function exportedFunctionName(a: CodeAnalyzer, params: number): number {
  // `export async function handler(event)`, `export function handler(event)`, `function handler(event)` exported later.
  if (a.isId(params - 1) && a.idIs(params - 2, 'function')) {
    const exportAt = a.idIs(params - 3, 'async') ? params - 4 : params - 3;
    return a.idIs(exportAt, 'export') || exportedByName(a, a.tokens.text(params - 1)) ? params - 1 : -1;
  }
  // `export const handler = async (event) =>`, `exports.handler = function (event, context, callback)`, `module.exports.handler = ...`.
  let eq = a.idIs(params - 1, 'function') ? params - 2 : params - 1;
  if (a.idIs(eq, 'async')) {
    eq--;
  }
  // One wrapper call around it: `export const handler = middy(async (event) => ...)`.
  if (a.is(eq, '(') && a.isId(eq - 1) && a.is(eq - 2, '=')) {
    eq -= 2;
  }
  if (!a.is(eq, '=')) {
    return -1;
  }
  const name = declaredName(a, eq);
  if (name < 0) {
    return -1;
  }
  const declaredWith = a.idIs(name - 1, 'const') || a.idIs(name - 1, 'let') || a.idIs(name - 1, 'var');
  return (declaredWith && a.idIs(name - 2, 'export')) || exported(a, eq + 1) || (declaredWith && exportedByName(a, a.tokens.text(name))) ? name : -1;
}

/**
 * The name an `=` assigns to: the token before it, or, past a TypeScript annotation, the name a `const`, `let`
 * or `var` declares (`const handler: Handler<APIGatewayProxyEvent> = ...`); -1 for none.
 */
function declaredName(a: CodeAnalyzer, eq: number): number {
  const declares = (k: number): boolean => a.idIs(k, 'const') || a.idIs(k, 'let') || a.idIs(k, 'var');
  // `const consume: lambda.SQSHandler = ...`: a type read from a namespace, not a member assigned (`exports.handler = ...`).
  if (a.isAccess(eq - 2) && a.isId(eq - 3) && a.is(eq - 4, ':') && a.isId(eq - 5) && declares(eq - 6)) {
    return eq - 5;
  }
  if (a.isId(eq - 1) && !a.is(eq - 2, ':')) {
    return eq - 1;
  }
  for (let k = eq - 1; k > eq - MAX_ANNOTATION_TOKENS && k > 1; k--) {
    if (a.is(k, ':') && a.isId(k - 1) && declares(k - 2)) {
      return k - 1;
    }
  }
  return -1;
}

/**
 * Whether a later use of `name` exports it (`module.exports = { handler }`, `export { handler }`, `exports.handler =
 * handler`), or exports the one wrapper call it is passed to alone (`export const main = middyfy(hello)`, as the
 * Serverless Framework's TypeScript template writes every handler, or `exports.handler = middy(hello).use(...)`).
 */
function exportedByName(a: CodeAnalyzer, name: string): boolean {
  return tokensNamed(a, name).some((use) => exported(a, use) || exportedWrapped(a, use));
}

/** `= wrapper(use)` at `use`, assigned to an export or to a `const` the file exports (`const main = middy(fn); export { main }`). */
function exportedWrapped(a: CodeAnalyzer, use: number): boolean {
  const eq = use - 3;
  if (!a.is(use - 1, '(') || !a.is(use + 1, ')') || !a.isId(use - 2) || !a.is(eq, '=')) {
    return false;
  }
  if (exported(a, eq + 1)) {
    return true;
  }
  const name = declaredName(a, eq);
  const declaredWith = name > 0 && (a.idIs(name - 1, 'const') || a.idIs(name - 1, 'let') || a.idIs(name - 1, 'var'));
  return declaredWith && (a.idIs(name - 2, 'export') || tokensNamed(a, a.tokens.text(name)).some((each) => exported(a, each)));
}

/**
 * Chalice's decorators that make a function a Lambda function of its own, invoked with the event alone
 * (`@app.on_sqs_message(queue="jobs") def handle(event)`): https://aws.github.io/chalice/topics/events,
 * https://aws.github.io/chalice/topics/websockets.
 */
const CHALICE_EVENT_DECORATORS = new Set(['lambda_function', 'schedule', 'on_cw_event', 'on_s3_event', 'on_sns_message', 'on_sqs_message', 'on_kinesis_record', 'on_dynamodb_record', 'on_ws_connect', 'on_ws_message', 'on_ws_disconnect']);

/**
 * A module-level `def name(event, context)`, a module-level function under a Chalice event decorator in a file
 * that imports Chalice, a module-level function a template names as a handler, a route of an app the module
 * hands to Mangum (`mangumApps.ts`), or a route of a Chalice app or blueprint (`chaliceApps.ts`).
 */
export function isPythonHandler(a: CodeAnalyzer, params: number, scope: number): boolean {
  if (!a.idIs(params - 2, 'def') || a.scopes.parent(scope) !== 0) {
    return false;
  }
  const parameters = segments(a, params);
  const lambdaParameters = parameters.length === 2 && a.idIs(parameters[0][0], 'event') && CONTEXT_NAMES.has(a.id(parameters[1][0]) ?? '');
  return lambdaParameters || templateHandlers(a).has(a.tokens.text(params - 1)) || chaliceEventHandler(a, params - 2, parameters.length) || isMangumRoute(a, params - 2) || isChaliceRoute(a, params - 2);
}

function chaliceEventHandler(a: CodeAnalyzer, def: number, parameters: number): boolean {
  return (
    parameters === 1 &&
    decoratedWith(a, def, (k) => a.is(k + 1, '(') && CHALICE_EVENT_DECORATORS.has(a.tokens.text(k))) &&
    [...a.imports.values()].some((imported) => imported.module === 'chalice' || imported.module.startsWith('chalice.'))
  );
}

/** The Lambda runtime library's package, which a Java handler's `Context` comes from. */
export const JAVA_LAMBDA_RUNTIME = 'com.amazonaws.services.lambda.runtime';

/** Java: `handleRequest(input, Context context)` (RequestHandler) or `handleRequest(in, out, Context context)` (RequestStreamHandler). */
export function isJavaHandler(a: CodeAnalyzer, params: number): boolean {
  if (!a.idIs(params - 1, 'handleRequest') || !a.is(params, '(')) {
    return false;
  }
  const parameters = segments(a, params);
  const last = parameters[parameters.length - 1];
  if ((parameters.length !== 2 && parameters.length !== 3) || !last) {
    return false;
  }
  for (let k = last[0]; k < last[1]; k++) {
    if (a.idIs(k, 'Context')) {
      return true;
    }
  }
  return false;
}

/** The Go Lambda runtime's package, whose `lambda.Start(handler)` names the handler. */
export const GO_LAMBDA_RUNTIME = 'github.com/aws/aws-lambda-go';
/** The context a .NET Lambda handler takes (Amazon.Lambda.Core). */
export const CSHARP_LAMBDA_CONTEXT = 'ILambdaContext';
/** The Go runtime's entry points, whose first argument is the handler. */
const GO_STARTS = new Set(['Start', 'StartWithOptions', 'StartHandler', 'StartHandlerFunc']);

/**
 * Go: a function whose name the file passes to `lambda.Start(...)` (or its variants), or that takes an event of the
 * runtime's `events` package or returns one of its responses (`func Handler(req Request) (events.APIGatewayProxyResponse,
 * error)`, started from another package): a function that answers an invocation runs on every one.
 */
export function isGoHandler(a: CodeAnalyzer, fn: FunctionScope): boolean {
  // A method's scope starts at its receiver: its parameters follow its name (`func (h *Handler) Handle(ctx, req events.SQSEvent)`).
  const method = goMethodName(a, fn);
  const open = method >= 0 ? method + 1 : fn.params;
  const close = a.is(open, '(') ? a.partner[open] : -1;
  if (close < 0) {
    return false;
  }
  const name = a.id(fn.params - 1);
  if (name !== undefined && a.idIs(fn.params - 2, 'func') && goStartedHandlers(a).has(name)) {
    return true;
  }
  // The parameters, then the results up to the body.
  const end = fn.body > close ? fn.body : close;
  for (let k = open + 1; k < end; k++) {
    if (a.idIs(k, 'events') && a.isAccess(k + 1)) {
      return true;
    }
  }
  return false;
}

const goStarted = new WeakMap<CodeAnalyzer, ReadonlySet<string>>();

/** The names a Go file passes to `lambda.Start`: read once per file. */
function goStartedHandlers(a: CodeAnalyzer): ReadonlySet<string> {
  let names = goStarted.get(a);
  if (!names) {
    const found = new Set<string>();
    for (const use of tokensNamed(a, 'lambda')) {
      if (a.isAccess(use + 1) && GO_STARTS.has(a.id(use + 2) ?? '') && a.is(use + 3, '(') && a.isId(use + 4)) {
        found.add(a.tokens.text(use + 4));
      }
    }
    names = found;
    goStarted.set(a, names);
  }
  return names;
}

/** .NET: a method that takes Lambda's `ILambdaContext` (`FunctionHandler(Order input, ILambdaContext context)`). */
/** A Java or C# method a template names as the handler (`com.shop.Orders::handle`), whatever it takes. */
export function isTemplateMethod(a: CodeAnalyzer, params: number): boolean {
  return a.is(params, '(') && templateHandlers(a).has(a.id(params - 1) ?? '');
}

export function isCsharpHandler(a: CodeAnalyzer, params: number): boolean {
  const close = a.is(params, '(') ? a.partner[params] : -1;
  for (let k = params + 1; k < close; k++) {
    if (a.idIs(k, CSHARP_LAMBDA_CONTEXT)) {
      return true;
    }
  }
  return false;
}

/**
 * A CloudFormation custom resource's handler (a CDK provider's `onEvent` too): it reads the stack operation from its
 * event (`event.RequestType`, `event["RequestType"]`, `event.get("RequestType")`), so CloudFormation invokes it once per
 * Create, Update or Delete of the resource, not per request, and a client it makes on each invocation costs nothing
 * worth keeping (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html).
 */
export function isCustomResourceHandler(a: CodeAnalyzer, fn: FunctionScope): boolean {
  if (!a.text.includes('RequestType') || !a.isId(fn.params + 1)) {
    return false;
  }
  const event = a.tokens.text(fn.params + 1);
  const [, end] = a.scopes.range(fn.scope);
  for (let k = fn.params + 2; k < end; k++) {
    const read = a.idIs(k, 'RequestType') && a.is(k - 1, '.') ? k - 2 : a.isString(k) && a.tokens.text(k) === 'RequestType' ? requestTypeHolder(a, k) : -1;
    if (read > 0 && a.idIs(read, event)) {
      return true;
    }
  }
  return false;
}

/** The token of the name `"RequestType"` at `k` is read from: `x["RequestType"]` or `x.get("RequestType")`; -1 otherwise. */
function requestTypeHolder(a: CodeAnalyzer, k: number): number {
  if (a.is(k - 1, '[')) {
    return k - 2;
  }
  return a.is(k - 1, '(') && a.idIs(k - 2, 'get') && a.is(k - 3, '.') ? k - 4 : -1;
}
