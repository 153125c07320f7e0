/**
 * Java and C#: a handler's call of a method of a project class of another file that makes a client in its body on
 * each call (`mgmt.createTenant(tenant)` after `TenantManagementService mgmt = new TenantManagementService();`,
 * `this.service.Save(order)`, `TenantUtil.poolOf(origin)`), which the workspace index records under `made:<name>`
 * (`workspace/methodMakers.ts`): the handler makes that client on every request or invocation, reported at the call.
 */
import type { CodeAnalyzer } from '../analyzer';
import type { Construction } from '../handlerClients';
import { isRedisClient, serviceOf } from '../handlerClients';
import { clientValue } from '../projectImports';

/** The prefix of the index keys of a class's methods that make a client on each call. */
export const METHOD_MADE_PREFIX = 'made:';

/**
 * The call at `k` of such a method: `receiver.method(...)`, `this.receiver.method(...)` or `new Receiver(...).method(...)`,
 * whose receiver is a value of a project class (a local, field or parameter declared with it or made with `new`, or
 * the class's name).
 */
export function projectMethodClient(a: CodeAnalyzer, k: number): Construction | undefined {
  if (!a.isId(k) || a.isAccess(k - 1)) {
    return undefined;
  }
  const receiverEnd = receiverEndAt(a, k);
  if (receiverEnd < 0) {
    return undefined;
  }
  const method = receiverEnd + 2;
  const open = method + 1;
  if (!a.isAccess(receiverEnd + 1) || !a.isId(method) || !a.is(open, '(') || a.partner[open] < 0) {
    return undefined;
  }
  const receiver = a.evalChain(k, receiverEnd + 1).value;
  const key = `${METHOD_MADE_PREFIX}${a.tokens.text(method)}`;
  const fields = receiver?.t === 'projectClass' ? receiver.fields : undefined;
  const client = fields && Object.hasOwn(fields, key) ? clientValue(fields[key]) : undefined;
  const service = serviceOf(client);
  return service && { start: k, name: method, end: a.partner[open] + 1, service, redis: isRedisClient(client), helper: true };
}

/** The last token of the receiver from `k`: a name, `this.name`, or `new Name(...)`; -1 for none of them. */
function receiverEndAt(a: CodeAnalyzer, k: number): number {
  if (a.idIs(k, 'new')) {
    return a.isId(k + 1) && a.is(k + 2, '(') && a.partner[k + 2] > 0 ? a.partner[k + 2] : -1;
  }
  return a.idIs(k, 'this') && a.isAccess(k + 1) && a.isId(k + 2) && a.isAccess(k + 3) ? k + 2 : k;
}
