/**
 * Python: a DynamoDB call on a member of `self` whose value depends on run-time state, written with a request in
 * boto3's low-level client form. A repository may send its writes through a `@property` that picks, at each
 * call, a transaction's collector or a pass-through to the client (`return pending.get() or self._direct`), then
 * `self.writer.put_item(TableName=t, Item=i, ConditionExpression=c)`. Neither the property nor a base class of
 * another module that defines it says what the value is, but the request does: keyword arguments only, in the
 * API's PascalCase, `TableName` among them, is the signature of the DynamoDB client's own method, which such
 * wrappers take as it is. The call is read as the operation it names, by its request's shape (`requestShapes.ts`).
 * The member is a `@property` of the class with no return annotation that returns a fallback (`x or y`), or one a
 * base class of another module so defines (its export lists it as `propertyMarker(name)`, workspace mode); or,
 * in a class with no base it does not declare, a member nothing sets. Not read: a member the class assigns (what
 * it assigns is what it holds, a stand-in maybe), a value the engine knows, test code.
 */
import type { CodeAnalyzer } from './analyzer';
import { outsideBase } from './clientClasses';
import { importedFieldOfUnknownOrigin } from './projectImports';
import { ownKeywords, shapedCall, shapedOperationFor } from './requestShapes';
import { isDoubleVariable } from './testDoubles';
import { inTestCode } from './testFixtures';
import type { Value } from './values';

/** How many members after `self` a receiver may name (`self.writer`, `self.db.writer`). */
const MAX_MEMBERS = 2;
const TABLE_NAME = 'TableName';
/** Return statements of one `@property` that are read. */
const MAX_RETURNS_READ = 4;

/** The entry under which a class's export lists a `@property` that returns a fallback (`runTimeProperty`). */
export function propertyMarker(name: string): string {
  return `@${name}`;
}

/** Records `self.<member>.<method>(TableName=..., ...)` at `nameIndex` as the DynamoDB operation it names; true when recorded. */
export function lowLevelMemberCall(a: CodeAnalyzer, nameIndex: number, receiverStart: number): boolean {
  const open = nameIndex + 1;
  const close = a.is(open, '(') ? a.partner[open] : -1;
  if (a.language.family !== 'python' || close < 0 || !a.idIs(receiverStart, 'self') || !memberChain(a, receiverStart, nameIndex - 2)) {
    return false;
  }
  if (!shapedOperationFor('dynamodb', a.tokens.text(nameIndex), 'unknown') || !keywordsOnly(a, open, close) || !namesTable(a, open, close) || inTestCode(a, nameIndex)) {
    return false;
  }
  return a.evalChain(receiverStart, nameIndex - 1).value === undefined && ofRunTimeValue(a, receiverStart) && shapedCall(a, nameIndex, 'unknown', open);
}

/** Whether the member `self.<name>` at `self` is a run-time pick (`runTimeProperty`) of the class, of a base of another module, or set by nothing. */
function ofRunTimeValue(a: CodeAnalyzer, self: number): boolean {
  const classScope = a.scopes.enclosing(self, ['class']);
  const member = a.id(self + 2);
  if (classScope <= 0 || member === undefined) {
    return false;
  }
  const bindings = a.scopes.memberBindings(classScope, member);
  if (bindings.length > 0) {
    return bindings.every((binding) => binding.fixed?.t === 'function' && runTimeProperty(a, binding.fixed));
  }
  const base = outsideBase(a, classScope);
  if (base === undefined) {
    return true;
  }
  const imported = a.imports.get(a.tokens.text(base));
  return imported !== undefined && !a.isAccess(base + 1) && importedFieldOfUnknownOrigin(a, imported.module, imported.path, propertyMarker(member));
}

/** A `@property` with no return annotation whose every `return` is a fallback (`current or self._direct`): its value is picked at run time. */
export function runTimeProperty(a: CodeAnalyzer, fn: Value & { t: 'function' }): boolean {
  if (fn.accessor !== true || fn.returnType !== undefined) {
    return false;
  }
  const starts = a.returnStarts(fn);
  return starts.length > 0 && starts.length <= MAX_RETURNS_READ && starts.every((start) => fallsBack(a, start));
}

/** Whether the expression at `start` has an `or` at its top level, before the statement ends. */
function fallsBack(a: CodeAnalyzer, start: number): boolean {
  for (let k = start; k < a.tokens.length && (k === start || !a.startsLine(k)); k = a.skipGroup(k)) {
    if (a.idIs(k, 'or')) {
      return true;
    }
  }
  return false;
}

/** `self.a` or `self.a.b` (tokens `start`..`end`), no member named as a test double. */
function memberChain(a: CodeAnalyzer, start: number, end: number): boolean {
  const members = (end - start) / 2;
  if (members < 1 || members > MAX_MEMBERS || !Number.isInteger(members)) {
    return false;
  }
  for (let k = start + 2; k <= end; k += 2) {
    if (!a.isAccess(k - 1) || !a.isId(k) || isDoubleVariable(a.tokens.text(k))) {
      return false;
    }
  }
  return true;
}

/** Whether the call's keywords include `TableName=` at its top level. */
function namesTable(a: CodeAnalyzer, open: number, close: number): boolean {
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if (a.idIs(k, TABLE_NAME) && a.is(k + 1, '=') && (a.is(k - 1, '(') || a.is(k - 1, ','))) {
      return true;
    }
  }
  return false;
}

/**
 * boto3 takes keyword arguments only, in the API's PascalCase: a positional argument or a lower-case keyword
 * (`self.db.query("SELECT ...")`, `self.table.get_item(key=k)`) is another method of the same name.
 */
export function keywordsOnly(a: CodeAnalyzer, open: number, close: number): boolean {
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    const starts = a.is(k - 1, '(') || a.is(k - 1, ',');
    if (starts && !a.is(k, ')') && !a.is(k, '**') && !(a.isId(k) && a.is(k + 1, '='))) {
      return false;
    }
  }
  return !ownKeywords(a, open, close);
}
