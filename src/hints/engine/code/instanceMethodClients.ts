/**
 * Python: a method called on an instance of a class of another workspace module, where that method makes an SDK or
 * Redis client in its body on each call and returns none, directly or through a class it constructs whose
 * constructor makes one (`workspace/exportedFunctions.ts` `methodClient`):
 *
 *     def handler(event, context):
 *         AttendanceService().send_report(user)     # send_report runs AttendanceRepository(), whose __init__ makes boto3.resource
 *
 *     service = SummaryService()                    # a name bound once to the instance, here or at module level
 *     service.summary_report()
 *
 * Each call makes another client, so a Lambda handler (or a helper it calls) that calls the method makes one per
 * invocation, reported at the method's name (`handlerClients.ts` `helperCall`). What the method returns is data.
 */
import type { CodeAnalyzer } from './analyzer';
import type { Construction } from './handlerClients';
import { importsTestDouble, mayBeProjectModule } from './projectImports';

/** `Service(...).method(...)` or `service.method(...)` at `k` (the class's or the name's token), as above. */
export function instanceMethodClient(a: CodeAnalyzer, k: number): Construction | undefined {
  if (a.language.family !== 'python' || !a.project?.importedMethodClient || !a.isId(k) || a.isAccess(k - 1)) {
    return undefined;
  }
  // The construction, in place (`Service().m(`) or as the one value of the name (`service = Service()`).
  const constructed = a.is(k + 1, '(') ? k : heldConstruction(a, k);
  const close = constructed >= 0 && a.is(constructed + 1, '(') ? a.partner[constructed + 1] : -1;
  const method = constructed === k ? close + 2 : k + 2;
  if (close < 0 || !a.isAccess(method - 1) || !a.isId(method) || !a.is(method + 1, '(') || a.partner[method + 1] < 0) {
    return undefined;
  }
  const name = a.tokens.text(constructed);
  const code = name.charCodeAt(0);
  const imported = code >= 65 && code <= 90 && a.scopes.lookup(name, constructed) === undefined ? a.imports.get(name) : undefined;
  if (!imported || imported.path === '' || !mayBeProjectModule(a, imported.module) || importsTestDouble(a, imported.module, imported.path)) {
    return undefined;
  }
  const made = a.project.importedMethodClient(imported.module, imported.path, a.tokens.text(method));
  return made && !made.sql ? { start: k, name: method, end: a.partner[method + 1] + 1, service: made.service, redis: false, helper: true, returnsNoClient: true } : undefined;
}

/** The class token of `Service(...)` that the name at `k` is bound to, once, as its whole value; -1 for none. */
function heldConstruction(a: CodeAnalyzer, k: number): number {
  if (!a.isAccess(k + 1)) {
    return -1;
  }
  const binding = a.scopes.lookup(a.tokens.text(k), k);
  const value = binding && binding.expression >= 0 ? binding.expression : -1;
  const end = value >= 0 && a.isId(value) && a.is(value + 1, '(') ? a.partner[value + 1] + 1 : -1;
  return end > 0 && !a.isAccess(value - 1) && (a.startsLine(end) || end >= a.tokens.length) ? value : -1;
}
