/**
 * Classes that extend a CDK construct to fix its props (`class SecureCluster extends rds.DatabaseCluster`,
 * Python `class CoreTable(dynamodb.Table)`): the constructor's `super(scope, id, { ... })`, or Python's
 * `super().__init__(scope, id, key=value, **kwargs)`, makes that construct with those props, as `new` would.
 * A spread of the caller's props (`...props`, `**kwargs`) leaves what is not written unknown.
 */
import type { CodeAnalyzer } from './analyzer';
import { constructProps } from './calls';
import { outsideBase } from './clientClasses';
import { cdkConstructType } from './values';

/** Dotted parts of a base class name followed at most (`cdk.aws_rds.DatabaseCluster`). */
const MAX_BASE_PARTS = 4;

/** The CDK construct a class extends, by its base written as a name of an import (`rds.DatabaseCluster`, `Table`). */
function constructBase(a: CodeAnalyzer, classScope: number): string | undefined {
  // The base its outermost same-file base extends, dotted or not (`extends rds.DatabaseCluster`).
  const token = outsideBase(a, classScope);
  const root = token === undefined ? undefined : a.lookup(a.tokens.text(token), token);
  if (token === undefined || root?.t !== 'ref') {
    return undefined;
  }
  let path = root.path;
  for (let k = token; a.is(k + 1, '.') && a.isId(k + 2) && k < token + 2 * MAX_BASE_PARTS; k += 2) {
    path = path ? `${path}.${a.tokens.text(k + 2)}` : a.tokens.text(k + 2);
  }
  return cdkConstructType(root.module, path);
}

/** `super(...)` at `superIndex` in a class that extends a CDK construct: that construct's props. Returns whether it was one. */
export function cdkSuperCall(a: CodeAnalyzer, superIndex: number): boolean {
  const python = a.language.family === 'python';
  if (!python && a.language.family !== 'js') {
    return false;
  }
  // Python: `super().__init__(` or `super(CoreTable, self).__init__(`; JavaScript and TypeScript: `super(`.
  const after = python ? a.partner[superIndex + 1] : -1;
  const open = python ? after + 3 : superIndex + 1;
  if ((python && !(after > superIndex && a.is(after + 1, '.') && a.idIs(after + 2, '__init__'))) || !a.is(open, '(')) {
    return false;
  }
  const construct = constructBase(a, a.scopes.enclosing(superIndex, ['class']));
  if (construct === undefined) {
    return false;
  }
  constructProps(a, construct, superIndex, open);
  return true;
}
