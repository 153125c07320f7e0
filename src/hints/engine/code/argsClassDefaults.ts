/**
 * Python: the default an args class of the file gives an attribute, for `args.publicly_accessible` when a
 * construction leaves it out (`code/cdkPassedProps.ts`). Two shapes: an `__init__` keyword default the
 * constructor copies (`def __init__(self, skip_final_snapshot=True): self.skip_final_snapshot = skip_final_snapshot`),
 * and a `@dataclass` field (`skip_final_snapshot: bool = True`). The class must be module-level and set the
 * attribute nowhere else; anything else (another assignment, `field(default=...)`, a default that is no
 * literal) leaves the default unknown. https://docs.python.org/3/library/dataclasses.html
 */
import { Literal } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';

type FallbackOf = (a: CodeAnalyzer, from: number, to: number) => Literal | undefined;

/** What one pass over a class gives: its scope, whether it is a dataclass, and where it sets each attribute. */
interface ArgsClass {
  classToken: number;
  classScope: number;
  dataclass: boolean;
  /** Each `self.key = ...` of the class, by key. */
  assigned: Map<string, number[]>;
  /** Each dataclass field `key: type ...` written in the class body, by key. */
  fields: Map<string, number>;
}

/** Per file, the classes read so far (null: no such module-level class): one pass per class, however many attributes are asked. */
const classesRead = new WeakMap<CodeAnalyzer, Map<string, ArgsClass | null>>();

/** The literal default the module-level class `className` gives its attribute `key`, or undefined. */
export function attributeDefault(a: CodeAnalyzer, className: string, key: string, fallbackOf: FallbackOf): Literal | undefined {
  if (a.language.family !== 'python') {
    return undefined;
  }
  const read = argsClass(a, className);
  if (!read) {
    return undefined;
  }
  const assigned = read.assigned.get(key) ?? [];
  if (assigned.length === 0) {
    const field = read.dataclass ? read.fields.get(key) : undefined;
    return field === undefined ? undefined : fieldDefault(a, field, fallbackOf);
  }
  // One `self.key = key` at most: the constructor's copy of its parameter.
  const at = assigned[0];
  if (assigned.length > 1 || !a.idIs(at + 4, key) || expressionEnd(a, at + 4) !== at + 5) {
    return undefined;
  }
  const fnScope = a.scopes.scopeAt(at);
  const fn = a.functions.get(fnScope);
  if (!fn || a.scopes.parent(fnScope) !== read.classScope || !a.idIs(fn.params - 1, '__init__')) {
    return undefined;
  }
  for (const [start, end] of segments(a, fn.params)) {
    if (a.idIs(start, key)) {
      let eq = start + 1;
      while (eq < end && !a.is(eq, '=')) {
        eq = a.skipGroup(eq);
      }
      return eq < end ? fallbackOf(a, eq + 1, end) : undefined;
    }
  }
  return undefined;
}

function argsClass(a: CodeAnalyzer, className: string): ArgsClass | undefined {
  let classes = classesRead.get(a);
  if (!classes) {
    classes = new Map();
    classesRead.set(a, classes);
  }
  let read = classes.get(className);
  if (read === undefined) {
    read = readClass(a, className) ?? null;
    classes.set(className, read);
  }
  return read ?? undefined;
}

/** One pass from the class's `class` token to the end of its body. */
function readClass(a: CodeAnalyzer, className: string): ArgsClass | undefined {
  const declared = classDeclaration(a, className);
  if (!declared) {
    return undefined;
  }
  const { classToken, classScope } = declared;
  const read: ArgsClass = { classToken, classScope, dataclass: dataclass(a, classToken), assigned: new Map(), fields: new Map() };
  const end = a.scopes.range(classScope)[1];
  for (let k = classToken; k + 4 < a.tokens.length && k <= end; k++) {
    if (a.idIs(k, 'self') && a.is(k + 1, '.') && a.isId(k + 2) && a.is(k + 3, '=') && inside(a, k, classScope)) {
      const key = a.tokens.text(k + 2);
      read.assigned.set(key, [...(read.assigned.get(key) ?? []), k]);
    } else if (a.isId(k) && a.is(k + 1, ':') && a.startsLine(k) && a.scopes.scopeAt(k) === classScope && !read.fields.has(a.tokens.text(k))) {
      read.fields.set(a.tokens.text(k), k);
    }
  }
  return read;
}

/** `class Name` at the top of the module: its token and the scope of its body. */
function classDeclaration(a: CodeAnalyzer, className: string): { classToken: number; classScope: number } | undefined {
  for (let k = 0; k + 1 < a.tokens.length; k++) {
    if (a.idIs(k, 'class') && a.idIs(k + 1, className) && a.startsLine(k)) {
      // The `class` keyword opens the class's own scope.
      const classScope = a.scopes.scopeAt(k);
      return a.scopes.kind(classScope) === 'class' && a.scopes.parent(classScope) === 0 ? { classToken: k, classScope } : undefined;
    }
  }
  return undefined;
}

function inside(a: CodeAnalyzer, token: number, classScope: number): boolean {
  for (let scope = a.scopes.scopeAt(token); scope > 0; scope = a.scopes.parent(scope)) {
    if (scope === classScope) {
      return true;
    }
  }
  return false;
}

/** `@dataclass`, `@dataclass(frozen=True)`, `@dataclasses.dataclass` right above the class. */
function dataclass(a: CodeAnalyzer, classToken: number): boolean {
  let k = classToken - 1;
  if (a.is(k, ')') && a.partner[k] >= 0) {
    k = a.partner[k] - 1;
  }
  return a.idIs(k, 'dataclass') && (a.is(k - 1, '@') || (a.is(k - 1, '.') && a.idIs(k - 2, 'dataclasses') && a.is(k - 3, '@')));
}

/** The default of the dataclass field whose name is at `k` (`key: type = literal`). */
function fieldDefault(a: CodeAnalyzer, k: number, fallbackOf: FallbackOf): Literal | undefined {
  let eq = k + 2;
  while (eq < a.tokens.length && !a.is(eq, '=') && !a.startsLine(eq)) {
    eq = a.skipGroup(eq);
  }
  return a.is(eq, '=') ? fallbackOf(a, eq + 1, expressionEnd(a, eq + 1)) : undefined;
}
