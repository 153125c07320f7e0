/**
 * Requests sent through a function of another module that hands its parameter on whole (workspace mode,
 * JavaScript and TypeScript): `dynamoDb.scanTable(params)` where `dynamoDB.js` has `scanTable(params) {
 * return client.send(new ScanCommand(params)) }`, or `post(params)` where `db-lib` has `post(params) { return
 * dynamoDBOperation('put', params) }` over a module that runs `client[action](params)`. The call is read as
 * that operation with the request it passes, where that request has the operation's required key, for its
 * hover and its options; the findings that judge the reply (pages, unprocessed items) stay with the function
 * that sends it, which returns what it likes of it.
 */
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { jsRequestForwarding, parameterPosition } from './forwardedRequests';
import { importedHelperCalls } from './importedItemHelpers';
import { mayBeProjectModule } from './projectImports';
import { chainStart } from './receiverChains';
import { shapedOperationFor } from './requestShapes';
import { inTestCode } from './testFixtures';
import { requiredRequestKey } from '../services';
import type { RequestForwarding } from '../workspace/types';

/**
 * The functions of a module that send their parameter whole as one DynamoDB request, by scope: through a client's
 * call or command, or through a function of another project module called with the operation's name and the
 * parameter (`dynamoDBOperation('put', params)`, `dynamoDbLib.call('query', params)`). A function that sends
 * two different operations so is none.
 */
export function requestForwardings(a: CodeAnalyzer): Map<number, RequestForwarding> {
  const found = new Map<number, RequestForwarding | null>();
  const add = (at: { scope: number; position: number } | undefined, operation: string): void => {
    if (!at) {
      return;
    }
    const known = found.get(at.scope);
    const same = known && known.operation === operation && known.position === at.position;
    found.set(at.scope, known === undefined ? { operation, position: at.position } : same ? known : null);
  };
  if (a.language.family !== 'js') {
    return new Map();
  }
  for (const operation of a.operations) {
    if (operation.call && operation.operation.startsWith('dynamodb:')) {
      add(jsRequestForwarding(a, operation), operation.operation);
    }
  }
  for (let k = 0; k + 5 < a.tokens.length; k++) {
    const operation = dispatchedOperation(a, k);
    if (operation) {
      add(parameterPosition(a, k + 4), operation);
    }
  }
  const out = new Map<number, RequestForwarding>();
  for (const [scope, forwarding] of found) {
    if (forwarding) {
      out.set(scope, forwarding);
    }
  }
  return out;
}

/**
 * The operation `f('put', params)` names at `k` (its callee's name), where `f` comes from another module of the
 * project (in place or as a member, `lib.call`) and the call passes a string and one name, nothing else.
 */
function dispatchedOperation(a: CodeAnalyzer, k: number): string | undefined {
  const open = k + 1;
  if (!a.isId(k) || !a.is(open, '(') || a.partner[open] !== k + 5 || !a.isString(k + 2) || a.tokens.interpolated(k + 2) || !a.is(k + 3, ',') || !a.isId(k + 4)) {
    return undefined;
  }
  const start = a.isAccess(k - 1) ? chainStart(a, k) : k;
  const imported = a.isId(start) ? a.imports.get(a.tokens.text(start)) : undefined;
  if (!imported || !mayBeProjectModule(a, imported.module)) {
    return undefined;
  }
  const method = a.tokens.text(k + 2);
  for (const kind of a.language.requestShapeKinds ?? []) {
    const operation = shapedOperationFor(kind, method, 'project');
    if (operation) {
      return operation;
    }
  }
  return undefined;
}

/**
 * Records each call of another module's forwarding function as its operation, with the request the call passes
 * at the forwarded position (a literal, or a name bound to one), when that request has the operation's required
 * key. A call already read as an operation (a function named as the SDK method) is left as it is, and so is a call in
 * a test, as the project module's calls read by their shape are (`requestShapes.ts`).
 */
export function importedRequestForwards(a: CodeAnalyzer): void {
  if (a.language.family !== 'js' || !a.project) {
    return;
  }
  const calls = importedHelperCalls(a);
  if (calls.size === 0) {
    return;
  }
  const read = new Set(a.operations.map((operation) => operation.tokenIndex));
  for (const [k, helper] of calls) {
    const forwards = helper.forwards;
    // A test calls the wrapper with the client it mocks: the request shows what the code under test is given, no more.
    if (!forwards || read.has(k) || inTestCode(a, k)) {
      continue;
    }
    const open = k + 1;
    const close = a.partner[open];
    const argument = segments(a, open)[forwards.position];
    // The request is read as a call's first argument: from the `(` or from the comma before it.
    const before = forwards.position === 0 ? open : argument ? argument[0] - 1 : -1;
    const request = before >= 0 ? a.language.requestForCall(a, before, close, forwards.operation) : undefined;
    const required = requiredRequestKey(forwards.operation);
    if (!request || !request.options.some((option) => option.norm === required && !option.absent)) {
      continue;
    }
    request.complete = false;
    a.addOperation({ operation: forwards.operation, name: a.tokenSpan(k), call: false, paginated: false, tokenIndex: k, request });
  }
}
