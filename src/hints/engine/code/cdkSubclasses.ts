/**
 * Classes that extend a CDK construct to fix its props (`class SecureCluster extends rds.DatabaseCluster`,
 * Python `class CoreTable(dynamodb.Table)`): the constructor's `super(scope, id, { ... })`, or Python's
 * `super().__init__(scope, id, key=value, **kwargs)`, makes that construct with those props, as `new` would.
 * A spread of the caller's props (`...props`, `**kwargs`) leaves what is not written unknown. A class of another
 * module that makes a construct from a member of its props (`...props.databaseInstance`) is read at its constructions
 * the same way: the object written at that member is the construct's props.
 */
import type { CodeAnalyzer } from './analyzer';
import { constructProps } from './calls';
import { outsideBase } from './clientClasses';
import { keysAfterSpread } from './spreadKeys';
import { importedPropsSubclass, importedPropsWrapper } from './projectImports';
import { contextFrom } from './options';
import { TOKEN_KIND } from '../lexer';
import type { CdkWrappedProps } from '../workspace/types';
import { cdkConstructType } from './values';

const { STR } = TOKEN_KIND;

/** Dotted parts of a base class name followed at most (`cdk.aws_rds.DatabaseCluster`). */
const MAX_BASE_PARTS = 4;

/**
 * The imported class a class of the file extends through its outermost same-file base, dotted or not
 * (`extends rds.DatabaseCluster`, Python `(rds.Cluster)`): the module and the path inside it.
 */
export function importedBase(a: CodeAnalyzer, classScope: number): { module: string; path: string } | undefined {
  const token = outsideBase(a, classScope);
  const root = token === undefined ? undefined : a.lookup(a.tokens.text(token), token);
  if (token === undefined || root?.t !== 'ref') {
    return undefined;
  }
  let path = root.path;
  for (let k = token; a.is(k + 1, '.') && a.isId(k + 2) && k < token + 2 * MAX_BASE_PARTS; k += 2) {
    path = path ? `${path}.${a.tokens.text(k + 2)}` : a.tokens.text(k + 2);
  }
  return { module: root.module, path };
}

/** The CDK construct a class extends, by its base written as a name of an import (`rds.DatabaseCluster`, `Table`). */
function constructBase(a: CodeAnalyzer, classScope: number): string | undefined {
  const base = importedBase(a, classScope);
  return base && cdkConstructType(base.module, base.path);
}

/** The `(` of the arguments of `super(...)` at `superIndex`: Python's `super().__init__(` or `super(Cls, self).__init__(`, JavaScript's `super(`; -1 for none. */
export function superArguments(a: CodeAnalyzer, superIndex: number): number {
  const python = a.language.family === 'python';
  if (!python && a.language.family !== 'js') {
    return -1;
  }
  const after = python ? a.partner[superIndex + 1] : -1;
  const open = python ? after + 3 : superIndex + 1;
  return (python && !(after > superIndex && a.is(after + 1, '.') && a.idIs(after + 2, '__init__'))) || !a.is(open, '(') ? -1 : open;
}

/** `super(...)` at `superIndex` in a class that extends a CDK construct: that construct's props. Returns whether it was one. */
export function cdkSuperCall(a: CodeAnalyzer, superIndex: number): boolean {
  // Python: `super().__init__(` or `super(CoreTable, self).__init__(`; JavaScript and TypeScript: `super(`.
  const open = superArguments(a, superIndex);
  if (open < 0) {
    return false;
  }
  const construct = constructBase(a, a.scopes.enclosing(superIndex, ['class']));
  if (construct === undefined) {
    return false;
  }
  constructProps(a, construct, superIndex, open);
  return true;
}

/** The construct a class of the file extends (`class OrdersTable extends dynamodb.TableV2`): its instances are one. */
export function cdkSubclassConstruct(a: CodeAnalyzer, classScope: number): string | undefined {
  return a.language.family === 'js' || a.language.family === 'python' ? constructBase(a, classScope) : undefined;
}

/**
 * `new OrdersTable(this, 'Orders', { ... })` of a class of the file that extends a construct and hands the props
 * it is made with on (`super(scope, id, { ...props, billing: Billing.onDemand() })`): the construct's props, but
 * those the super call sets after the spread, which win, and with what is left out unknown (the class may set it).
 * `open` is the construction's `(`. Returns whether it was one.
 */
export function cdkSubclassConstruction(a: CodeAnalyzer, classScope: number, open: number): boolean {
  const construct = a.language.family === 'js' ? constructBase(a, classScope) : undefined;
  const overrides = construct && a.isId(open - 1) ? spreadSuperProps(a, classScope) : undefined;
  if (!construct || !overrides) {
    return false;
  }
  handedOnProps(a, construct, overrides, open - 1, open);
  return true;
}

/**
 * The same construction of a class another module of the workspace declares (`new AppTable(this, 'Products', { … })`
 * after `import { AppTable } from './app-table'`), as the workspace model read that class. Returns whether it was one.
 */
export function importedCdkSubclassConstruction(a: CodeAnalyzer, module: string, path: string, nameIndex: number, open: number): boolean {
  const subclass = a.language.family === 'js' ? importedPropsSubclass(a, module, path) : undefined;
  if (!subclass) {
    const wrapped = a.language.family === 'js' ? importedPropsWrapper(a, module, path) : undefined;
    // A function's wrapper (`position` set) is read at its calls (`cdkWrapperCalls.ts`), not at a `new`.
    if (wrapped && wrapped.position === undefined) {
      wrappedConstructProps(a, wrapped, nameIndex, open);
    }
    // The instance is the project's class, not the construct: it is read as such too.
    return false;
  }
  handedOnProps(a, subclass.construct, subclass.overridden, nameIndex, open);
  return true;
}

/**
 * `new PublicDbInstance(this, 'Db', { databaseInstance: { ... } })` of a class that makes a construct from that member
 * of its props (`workspace/cdkWrappedProps.ts`): the object written at the member is the construct's props, but those
 * the class writes after its spread, and with what is left out unknown (the class writes its own).
 */
function wrappedConstructProps(a: CodeAnalyzer, wrapped: CdkWrappedProps, nameIndex: number, open: number): void {
  const close = a.partner[open];
  let props = -1;
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if (a.is(k, '{') && a.parent[k] === open) {
      props = k;
    }
  }
  const end = props < 0 ? -1 : a.partner[props];
  for (let k = props + 1; props >= 0 && k < end; k = a.skipGroup(k)) {
    const key = a.isId(k) || a.tokens.kinds[k] === STR ? a.tokens.text(k) : '';
    if (key === wrapped.member && a.is(k + 1, ':') && a.is(k + 2, '{') && (a.is(k - 1, '{') || a.is(k - 1, ','))) {
      const context = contextFrom(a, k + 2, a.partner[k + 2], 'cdk', wrapped.construct, a.tokenSpan(nameIndex));
      const overridden = new Set(wrapped.overridden);
      context.complete = false;
      context.options = context.options.filter((option) => !overridden.has(option.norm));
      context.typeSpan = a.tokenSpan(nameIndex);
      a.contexts.push(context);
      return;
    }
  }
}

/** The construction's props as the construct's, but those the class writes after them and with what is left out unknown (the class may set it). */
function handedOnProps(a: CodeAnalyzer, construct: string, overrides: ReadonlySet<string>, nameIndex: number, open: number): void {
  const before = a.contexts.length;
  constructProps(a, construct, nameIndex, open);
  for (const context of a.contexts.slice(before)) {
    context.complete = false;
    context.options = context.options.filter((option) => !overrides.has(option.norm));
  }
}

/** The keys written after the spread in the props object of the class's `super(...)` call; undefined when it spreads nothing. */
function spreadSuperProps(a: CodeAnalyzer, classScope: number): Set<string> | undefined {
  const [start, end] = a.scopes.range(classScope);
  for (let k = start; k < end; k++) {
    if (!a.idIs(k, 'super') || !a.is(k + 1, '(') || a.scopes.enclosing(k, ['class']) !== classScope) {
      continue;
    }
    const close = a.partner[k + 1];
    for (let j = k + 2; j < close; j = a.skipGroup(j)) {
      if (a.is(j, '{') && a.parent[j] === k + 1) {
        const keys = keysAfterSpread(a, j, a.partner[j]);
        return keys && new Set(keys);
      }
    }
    return undefined;
  }
  return undefined;
}
