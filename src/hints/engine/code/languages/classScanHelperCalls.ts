/**
 * C# conditions handed to a repository that scans with them: a service builds `List<ScanCondition>` (or a
 * `ScanCondition[]`) and passes it to a method of another file's class whose body sends it as the conditions of an
 * object persistence Scan (`return await base.ScanAsync<T>(conditions).GetRemainingAsync();`), as a generic
 * `DBContext<T> : DynamoDBContext` or a repository over `IDynamoDBContext` does. That call is a Scan that reads the
 * whole table and then filters, read at the service's call: the Scan at the method's name, its filter at the first
 * condition the service writes, the place to turn into a key or an index. The receiver is a field, parameter or
 * local declared with the repository's class or with an interface one class alone implements
 * (`classItemHelperCalls.ts` `receiverOf`); a filled document model `ScanFilter` is read without the workspace
 * (`dotnetHandedScanFilters.ts`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { holdsConditions, holdsFilterConditions } from '../dotnetScanConditions';
import { resolvedExpression } from '../dotnetQueries';
import { positionalOption } from '../options';
import { callArgumentRanges } from '../readModifyWriteTyped';
import { declaredTypes, projectHelpers, receiverOf } from './classItemHelperCalls';

export function handedConditionScans(a: CodeAnalyzer): void {
  if (!a.project?.classItemHelpersExist?.() || !a.text.includes('ScanCondition')) {
    return;
  }
  const declared = declaredTypes(a);
  for (let k = 2; k + 1 < a.tokens.length; k++) {
    const receiver = a.isId(k) && a.is(k + 1, '(') && a.isAccess(k - 1) ? receiverOf(a, k, declared) : undefined;
    const helpers = receiver && projectHelpers(a, 'csharp', receiver.type);
    const name = a.tokens.text(k);
    const scans = helpers && Object.hasOwn(helpers.methods, name) ? helpers.methods[name].scans : undefined;
    const argument = scans ? callArgumentRanges(a, k + 1)[scans.position] : undefined;
    if (!argument || !holdsConditions(a, argument[0], argument[1]) || holdsFilterConditions(a, argument[0], argument[1])) {
      continue;
    }
    const [start, end] = firstCondition(a, argument[0], argument[1]);
    const request = { kind: 'sdk' as const, type: 'dynamodb:Scan', options: [positionalOption(a, start, end, 'ScanFilter')], complete: false, anchor: a.tokenSpan(k) };
    a.contexts.push(request);
    // Not a call of the SDK: the repository sends the Scan and reads its pages, and the findings on its reply are its own.
    a.addOperation({ operation: 'dynamodb:Scan', name: a.tokenSpan(k), call: false, paginated: true, tokenIndex: k, request });
  }
}

/** The first `new ScanCondition(...)` or target-typed `new(...)` the argument's value writes, else the argument itself. */
function firstCondition(a: CodeAnalyzer, start: number, end: number): [number, number] {
  const [from, to] = resolvedExpression(a, start, end)?.range ?? [start, end];
  for (let k = from + 1; k < to; k++) {
    const open = a.idIs(k, 'new') ? (a.idIs(k + 1, 'ScanCondition') ? k + 2 : k + 1) : -1;
    if (open > 0 && a.is(open, '(') && a.partner[open] > open) {
      return [k, a.partner[open] + 1];
    }
  }
  return [start, end];
}
