/**
 * Classes that extend a Pulumi AWS resource class to fix its arguments (Python `class AuroraCluster(rds.Cluster)`,
 * TypeScript `class OrdersTable extends aws.dynamodb.Table`): the constructor's `super().__init__(name, engine=...,
 * **kwargs)` or `super(name, { ... }, opts)` makes that resource with those arguments, as a construction would.
 * A spread of the caller's arguments (`**kwargs`, `...args`) leaves what is not written unknown, as does a base of
 * the file in between (it may set more: `kwargs["engine"] = "REDIS"` before its own `super().__init__(**kwargs)`).
 * A call that passes nothing of its own (`super().__init__(name, **kwargs)`) says nothing of the resource.
 */
import type { CodeAnalyzer } from './analyzer';
import { importedBase, superArguments } from './cdkSubclasses';
import { pulumiResource, pulumiResourceType } from './pulumi';

/** `super(...)` at `superIndex` in a class that extends a Pulumi AWS resource class: that resource's arguments. Returns whether it was one. */
export function pulumiSuperCall(a: CodeAnalyzer, superIndex: number): boolean {
  const open = superArguments(a, superIndex);
  const classScope = open < 0 ? -1 : a.scopes.enclosing(superIndex, ['class']);
  const base = classScope > 0 ? importedBase(a, classScope) : undefined;
  const type = base && pulumiResourceType(base.module, base.path);
  if (!type) {
    return false;
  }
  const before = a.contexts.length;
  pulumiResource(a, type, superIndex, open);
  const context = a.contexts.length > before ? a.contexts[before] : undefined;
  if (context && context.options.length === 0) {
    a.contexts.length = before;
  } else if (context && a.scopes.baseOf(classScope) > 0) {
    context.complete = false;
  }
  return true;
}
