/**
 * A boto3 DynamoDB call on a client or table that a project module makes (`from .db import get_table`,
 * then `get_table().query(KeyConditionExpression=...)`), which this file cannot see: the request's own
 * keyword arguments name the operation, as an SDK request type does in Java and C# and a request literal
 * does in JavaScript. Only a call whose keywords the API alone uses counts (`TableName`, the expressions,
 * `Key` on `get_item`); a library's object and a test double's (`from tests.fakes import table`) stay
 * silent, and a parameter of unknown origin needs keys only DynamoDB uses (`requestShapes.ts`). The
 * project module's value may reach the call through a same-file getter, a local, or a parameter's `or`
 * fallback. In workspace mode a client the module makes at module level is that client here already
 * (`projectImports.ts`), whatever its keywords: this reads the rest.
 */
import type { CodeAnalyzer } from '../analyzer';
import { importsTestDouble } from '../projectImports';
import { shapedCall } from '../requestShapes';

/** Modules whose objects are known for what they are, or are test doubles: never a project's client. */
const LIBRARY_ROOTS = new Set(['boto3', 'botocore', 'aioboto3', 'aiobotocore', 'redis', 'aws_cdk', 'pynamodb', 'unittest', 'mock', 'pytest', 'moto']);

/** Whether an imported module is the project's own: relative, or none of the libraries whose objects are known. */
function isProjectModule(module: string): boolean {
  return module.startsWith('.') || !LIBRARY_ROOTS.has(module.split('.')[0]);
}

/** How many same-file hops (a getter's return, a local's value, an `or` fallback) are followed to the import. */
const MAX_HOPS = 3;
/** Return statements of one getter that are read. */
const MAX_RETURNS_READ = 4;

/**
 * Whether the receiver chain that starts at `start` comes from a project module: a name imported from
 * one (`dynamo.scan`), a call of one (`get_table().scan`), a local assigned from either, a same-file
 * getter that returns one (`def ieds_table(): global _t; if _t is None: _t = get_table(...); return _t`),
 * or the fallback of a parameter that defaults to one (`target = table or ieds_table()`).
 */
function fromProjectModule(a: CodeAnalyzer, start: number, hops = 0): boolean {
  if (!a.isId(start)) {
    return false;
  }
  if (a.idIs(start, 'self') || a.idIs(start, 'cls')) {
    return fieldFromProjectModule(a, start);
  }
  // Imports are not scope bindings: a binding is a local, a parameter or a loop variable of that name.
  const binding = a.scopes.lookup(a.tokens.text(start), start);
  if (!binding) {
    return importedFromProject(a, start);
  }
  if (hops >= MAX_HOPS) {
    return false;
  }
  const fn = binding.fixed;
  if (fn?.t === 'function' && a.is(start + 1, '(') && !a.isAccess(start - 1)) {
    return a.returnStarts(fn).slice(0, MAX_RETURNS_READ).some((returned) => returned !== start && fromProjectModule(a, returned, hops + 1));
  }
  const root = binding.expression;
  if (root < 0 || root === start || !a.isId(root) || a.isAccess(root - 1) || endsInBatchWriter(a, root)) {
    return false;
  }
  if (importedFromProject(a, root)) {
    return true;
  }
  // `table or ieds_table()`: what the name holds when the caller passes nothing is what the fallback gives.
  const fallback = a.idIs(root + 1, 'or') ? root + 2 : -1;
  return (a.is(root + 1, '(') && fromProjectModule(a, root, hops + 1)) || (fallback > 0 && fromProjectModule(a, fallback, hops + 1));
}

/** How many member accesses of a bound chain (`db.tables.orders.batch_writer()`) are walked. */
const MAX_CHAIN = 8;

/**
 * Whether the chain at `root` ends in a call of `batch_writer()` (`with orders.batch_writer() as batch`):
 * the name then holds boto3's batch writer, which buffers its `put_item` and `delete_item` calls, sends
 * them in batches and resends unprocessed items itself
 * (https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/dynamodb/table/batch_writer.html),
 * so a call on it is no item request of its own, as with a Table this file makes.
 */
function endsInBatchWriter(a: CodeAnalyzer, root: number): boolean {
  let k = root;
  for (let steps = 0; steps < MAX_CHAIN; steps++) {
    const called = a.is(k + 1, '(') && a.partner[k + 1] > k ? a.partner[k + 1] : k;
    if (!a.isAccess(called + 1) || !a.isId(called + 2)) {
      return called !== k && a.idIs(k, 'batch_writer');
    }
    k = called + 2;
  }
  return false;
}

/** `self.client`, set in its class from a project module (`self.client = get_client()`). */
function fieldFromProjectModule(a: CodeAnalyzer, self: number): boolean {
  const classScope = a.scopes.enclosing(self, ['class']);
  const field = a.is(self + 1, '.') ? a.id(self + 2) : undefined;
  const assigned = classScope > 0 && field ? a.scopes.member(classScope, field, true) : undefined;
  const root = assigned?.expression ?? -1;
  return root >= 0 && a.isId(root) && !a.isAccess(root - 1) && importedFromProject(a, root);
}

function importedFromProject(a: CodeAnalyzer, token: number): boolean {
  const imported = a.imports.get(a.tokens.text(token));
  return imported !== undefined && isProjectModule(imported.module) && !importsTestDouble(a, imported.module, imported.path);
}

/** A call on a project module's client or table, recognised by its request (`requestShapes.ts`); true when it is one. */
export function projectClientCall(a: CodeAnalyzer, nameIndex: number, receiverStart: number): boolean {
  return a.partner[nameIndex + 1] >= 0 && fromProjectModule(a, receiverStart) && shapedCall(a, nameIndex, 'project');
}
