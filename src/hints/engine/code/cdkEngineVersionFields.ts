/**
 * An engine version a stack keeps in a field of its own class: `private readonly version =
 * rds.AuroraMysqlEngineVersion.VER_2_09_3;` (or set in the constructor, `this.version = …`, Python `self.version = …`
 * or a class attribute) and then reads as `version: this.version`. Each constant written to the field picks the
 * version of the database that reads it, so it is judged where it is written (`cdkEngineVersions.ts`).
 */
import type { CodeAnalyzer } from './analyzer';

/** Tokens between a field's name and its `=`: a type annotation (`: rds.AuroraMysqlEngineVersion`). */
const MAX_ANNOTATION_TOKENS = 12;

/**
 * Where the values start that the class around `start` writes to the field `this.name` (`self.name`) read there,
 * or undefined when `start` does not read a field of the class alone (`end` is where that read must end).
 */
export function fieldValues(a: CodeAnalyzer, start: number, end: number): number[] | undefined {
  const self = a.language.family === 'python' ? 'self' : 'this';
  if (end - start !== 3 || !a.idIs(start, self) || !a.is(start + 1, '.') || !a.isId(start + 2)) {
    return undefined;
  }
  const classScope = a.scopes.enclosing(start, ['class']);
  if (classScope <= 0) {
    return undefined;
  }
  const name = a.tokens.text(start + 2);
  const [from, to] = a.scopes.range(classScope);
  const values: number[] = [];
  for (let k = from; k < to; k++) {
    if (!a.isId(k) || a.tokens.text(k) !== name) {
      continue;
    }
    const assigned = a.idIs(k - 2, self) && a.is(k - 1, '.') && a.scopes.enclosing(k, ['class']) === classScope ? assignedValue(a, k + 1) : declaredValue(a, k, classScope);
    if (assigned >= 0) {
      values.push(assigned);
    }
  }
  return values;
}

/** A field declared in the class body itself (`private readonly name: T = value;`, Python's `name = value`): its value's first token, or -1. */
function declaredValue(a: CodeAnalyzer, k: number, classScope: number): number {
  if (a.scopes.scopeAt(k) !== classScope || a.isAccess(k - 1)) {
    return -1;
  }
  return assignedValue(a, k + 1);
}

/** The first token of the value after an `=` at `k`, or past a type annotation there, or -1. */
function assignedValue(a: CodeAnalyzer, k: number): number {
  let j = k;
  if (a.is(j, ':')) {
    const limit = j + MAX_ANNOTATION_TOKENS;
    while (j < limit && j < a.tokens.length && !a.is(j, '=') && !a.is(j, ';')) {
      j++;
    }
  }
  return a.is(j, '=') && !a.is(j + 1, '=') ? j + 1 : -1;
}
