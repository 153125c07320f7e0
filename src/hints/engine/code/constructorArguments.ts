/**
 * JavaScript, TypeScript and Python: a field a class's constructor sets from a parameter with no type or a
 * named one (`constructor(client) { this.client = client; }`, `constructor(private entity: BaseEntity) {}`, Python
 * `def __init__(self, table): self.table = table`) holds what the file's constructions (`new Store(redis)`,
 * Python `OrderRepository(dynamodb.Table(name))`) pass at that position, when every one of them passes the
 * same kind of client (or the same model of a DynamoDB library: `ormObjects.ts`), in Python by position or by the parameter's name. A class constructed nowhere in the
 * file, extended or handed on as a value (a `super(...)` or a factory could pass anything), a construction that
 * passes something else or spreads its arguments, and a field also set to anything else leave the field unknown.
 * A Python subclass that defines its own `__init__` passes its base only what its `super().__init__(...)` calls
 * pass (`super().__init__(get_table(MESSAGES_TABLE))`), so those calls count as constructions of the base.
 * In workspace mode, the constructions other files make of a module-level class count too (their subclasses'
 * `super().__init__(...)` calls among them), and a class constructed only there is read from them.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd, segments } from './braces';
import { FileMemo } from './fileMemo';
import { exported, otherFilesPass } from './otherFileCallers';
import { agree } from './outerBindings';
import { codeOf } from '../tokenCodes';
import { Value } from './values';
import { isOrmObject } from './languages/ormObjects';
import { isClassMethod } from './languages/pythonDecorators';

/** Words that may stand before a parameter's name and make it a field (TypeScript parameter properties). */
const PROPERTY_MODIFIERS = new Set(['public', 'private', 'protected', 'readonly', 'override']);
/** Tokens around a class name that hand the class on as a value (`register(Store)`, `[Store, Cache]`). */
const BEFORE_VALUE = ['(', ',', '['];
const AFTER_VALUE = [')', ',', ']'];
const NEW = codeOf('new');
const EXTENDS = codeOf('extends');
/** Python words before a name and `(` that make no call: a definition's name. */
const DEFINES = new Set(['def', 'class']);

interface ClassUses {
  /** The `(` of each `new Name(...)`, by class name; -1 for one whose arguments cannot be read (`new Name<T>(...)`, `new Name`). */
  constructions: Map<string, number[]>;
  /** Names that a class extends or that are handed on as a value. */
  escaped: Set<string>;
  /**
   * Python: the `(` of each call that constructs a same-file class from inside, by the class's scope: a subclass
   * `__init__`'s `super().__init__(...)` (for its base) and a class method's `cls(...)` (for its own class).
   */
  superCalls: Map<number, number[]>;
}

/** How the file constructs and uses class names, read once per file. */
const classUses = new FileMemo<'uses', ClassUses>();
/** What each class field holds from its constructions: `null` for nothing (and while it is read). */
const fieldValues = new FileMemo<string, Value | null>();

function usesOf(a: CodeAnalyzer): ClassUses {
  return classUses.get(a, 'uses', () => {
    const constructions = new Map<string, number[]>();
    const escaped = new Set<string>();
    const superCalls = new Map<number, number[]>();
    const codes = a.tokens.codes;
    const python = a.language.family === 'python';
    for (let i = 0; i < a.tokens.length; i++) {
      if (!a.isId(i) || a.isAccess(i - 1)) {
        continue;
      }
      const subclass = python ? superInitClass(a, i) : -1;
      if (subclass > 0) {
        const base = a.scopes.baseOf(subclass);
        const open = a.partner[i + 1] + 3;
        if (base > 0) {
          superCalls.set(base, [...(superCalls.get(base) ?? []), open]);
        }
        i = open;
        continue;
      }
      const owner = python ? classMethodOwner(a, i) : -1;
      if (owner > 0) {
        // `return cls(boto3.resource('dynamodb').Table(name))`: a factory of the class constructs it.
        superCalls.set(owner, [...(superCalls.get(owner) ?? []), i + 1]);
        continue;
      }
      if (python && firstBaseOfInitClass(a, i)) {
        // `class MessagesRepository(BaseRepository):` whose own `__init__` runs instead of the base's: only its `super().__init__(...)` reaches the base.
        continue;
      }
      if (python && a.is(i + 1, '(') && !DEFINES.has(a.id(i - 1) ?? '')) {
        // Python constructs a class by calling it: every call of a name is a candidate, read by the class's name.
        const sites = constructions.get(a.tokens.text(i)) ?? [];
        sites.push(a.partner[i + 1] > i + 1 ? i + 1 : -1);
        constructions.set(a.tokens.text(i), sites);
      } else if (codes[i] === NEW && a.isId(i + 1) && !a.isAccess(i + 2)) {
        const name = a.tokens.text(i + 1);
        const open = a.is(i + 2, '(') && a.partner[i + 2] > i + 2 ? i + 2 : -1;
        const sites = constructions.get(name) ?? [];
        sites.push(open);
        constructions.set(name, sites);
        i++;
      } else if (codes[i] === EXTENDS && a.isId(i + 1)) {
        escaped.add(a.tokens.text(i + 1));
      } else if (BEFORE_VALUE.some((text) => a.is(i - 1, text)) && AFTER_VALUE.some((text) => a.is(i + 1, text)) && !exported(a, i)) {
        escaped.add(a.tokens.text(i));
      }
    }
    return { constructions, escaped, superCalls };
  });
}

/** Python: the class whose `@classmethod` calls `cls(...)` with `cls` at `index`; -1 for anything else. */
function classMethodOwner(a: CodeAnalyzer, index: number): number {
  if (!a.idIs(index, 'cls') || !a.is(index + 1, '(') || a.partner[index + 1] < 0 || a.isAccess(index - 1)) {
    return -1;
  }
  const method = a.scopes.enclosing(index, ['function']);
  const owner = method > 0 ? a.scopes.parent(method) : -1;
  const params = method > 0 ? (a.functions.get(method)?.params ?? -1) : -1;
  return owner > 0 && a.scopes.kind(owner) === 'class' && params > 1 && a.idIs(params - 2, 'def') && isClassMethod(a, params - 2) ? owner : -1;
}

/**
 * Python: the class scope whose `__init__` calls `super().__init__(...)` (also `super(Sub, self)`) with `super`
 * at `index`; -1 for anything else.
 */
export function superInitClass(a: CodeAnalyzer, index: number): number {
  if (!a.idIs(index, 'super') || !a.is(index + 1, '(') || a.isAccess(index - 1)) {
    return -1;
  }
  const close = a.partner[index + 1];
  if (close < 0 || !a.isAccess(close + 1) || !a.idIs(close + 2, '__init__') || !a.is(close + 3, '(') || a.partner[close + 3] < 0) {
    return -1;
  }
  const fnScope = a.scopes.enclosing(index, ['function']);
  const fn = fnScope > 0 ? a.functions.get(fnScope) : undefined;
  const classScope = fn && a.idIs(fn.params - 1, '__init__') ? a.scopes.parent(fnScope) : -1;
  return classScope > 0 && a.scopes.kind(classScope) === 'class' ? classScope : -1;
}

/** Python: whether `index` is the first base of a class header (`class Sub(Base):`) whose class defines its own `__init__`. */
function firstBaseOfInitClass(a: CodeAnalyzer, index: number): boolean {
  if (!a.is(index - 1, '(') || !a.idIs(index - 3, 'class') || !(a.is(index + 1, ')') || a.is(index + 1, ','))) {
    return false;
  }
  const subclass = a.scopes.scopeAt(index);
  return subclass > 0 && a.scopes.kind(subclass) === 'class' && a.scopes.start(subclass) === index - 3 && a.scopes.bindingsIn(subclass).has('__init__');
}

export interface ConstructorParameter {
  classScope: number;
  /** Its position among the arguments a construction passes. */
  position: number;
  name: string;
}

/**
 * The constructor parameter a field binding takes: its class and position. The binding is a parameter
 * property (`private client`) or `this.client = client` of a plain parameter; the parameter has no default, `?`
 * or spread, and a type only when it names one (`private entity: BaseEntity`).
 */
function constructorParameter(a: CodeAnalyzer, binding: { token: number; expression: number }): ConstructorParameter | undefined {
  let token = binding.token;
  if (binding.expression >= 0) {
    const from = binding.expression;
    if (!a.isId(from) || expressionEnd(a, from) !== from + 1) {
      return undefined;
    }
    const parameter = a.scopes.lookup(a.tokens.text(from), from);
    if (!parameter || parameter.expression >= 0 || parameter.declared !== undefined || parameter.fixed !== undefined) {
      return undefined;
    }
    token = parameter.token;
  }
  const fnScope = a.scopes.scopeAt(token);
  const fn = a.functions.get(fnScope);
  const classScope = a.scopes.parent(fnScope);
  const python = a.language.family === 'python';
  if (!fn || fn.params !== a.parent[token] || !a.idIs(fn.params - 1, python ? '__init__' : 'constructor') || classScope <= 0 || a.scopes.kind(classScope) !== 'class') {
    return undefined;
  }
  const parameters = segments(a, fn.params);
  // A Python constructor's first parameter is the instance itself: the caller's first argument is the second.
  const first = python ? 1 : 0;
  for (let position = first; position < parameters.length; position++) {
    const [start, end] = parameters[position];
    if (token >= start && token < end) {
      let k = start;
      while (k < token && PROPERTY_MODIFIERS.has(a.id(k) ?? '')) {
        k++;
      }
      return k === token && (end === token + 1 || namedTypeAnnotation(a, token + 1, end)) ? { classScope, position: position - first, name: a.tokens.text(token) } : undefined;
    }
  }
  return undefined;
}

/**
 * Whether the tokens from `colon` to `end` are a type annotation that only names a type (`: BaseEntity`,
 * `: common.Store`): the value is still what the constructions pass, and a type the analyzer reads gives the
 * field its value first (`members.ts`). Generic or union types are left out, since their commas and bars could
 * hide a default or split the parameter list.
 */
function namedTypeAnnotation(a: CodeAnalyzer, colon: number, end: number): boolean {
  if (!a.is(colon, ':') || !a.isId(colon + 1)) {
    return false;
  }
  let k = colon + 2;
  while (k + 1 < end && a.is(k, '.') && a.isId(k + 1)) {
    k += 2;
  }
  return k === end;
}

/**
 * The argument a construction or call whose arguments open at `open` passes for a parameter, as [start, end) tokens:
 * Python's `name=value` for it, else the argument at its position when no keyword or spread comes first.
 */
export function passedArgument(a: CodeAnalyzer, open: number, { position, name }: { position: number; name: string }): [number, number] | undefined {
  const args = segments(a, open);
  if (a.language.family === 'python') {
    const keyword = args.find(([start]) => a.idIs(start, name) && a.is(start + 1, '='));
    if (keyword) {
      return [keyword[0] + 2, keyword[1]];
    }
  }
  // A spread (`...args`, Python `*args`, `**kwargs`) or a keyword argument before or at the position hides what it passes.
  const hides = ([start]: [number, number]): boolean => a.is(start, '.') || a.is(start, '*') || a.is(start, '**') || (a.language.family === 'python' && a.isId(start) && a.is(start + 1, '='));
  return args.length > position && !args.slice(0, position + 1).some(hides) ? args[position] : undefined;
}

/** A boto3 or aioboto3 session (Python), whose `client("dynamodb")` the callee makes: `DynamoDb(boto3.Session())`. */
export function isSession(a: CodeAnalyzer, value: Value | undefined): boolean {
  return value?.t === 'boto3' && !value.imported && a.language.family === 'python';
}

/** The client (or session) every construction of a class passes for a parameter, when they agree and there is one at least. */
export function constructedArgument(a: CodeAnalyzer, parameter: ConstructorParameter): Value | undefined {
  const { classScope } = parameter;
  const name = a.scopes.nameOfClass(classScope);
  const uses = usesOf(a);
  if (!name || uses.escaped.has(name)) {
    return undefined;
  }
  const sites = uses.constructions.get(name) ?? [];
  const superCalls = uses.superCalls.get(classScope) ?? [];
  let agreed: Value | undefined;
  for (const open of [...sites, ...superCalls]) {
    const classBinding = open >= 0 ? a.scopes.lookup(name!, open - 1)?.fixed : undefined;
    if (!superCalls.includes(open) && (classBinding?.t !== 'instance' || classBinding.classScope !== classScope)) {
      return undefined;
    }
    const argument = passedArgument(a, open, parameter);
    if (!argument) {
      return undefined;
    }
    const [start, end] = argument;
    const passed = a.evalChain(start, end);
    const value = passed.end === end ? passed.value : undefined;
    agreed = value?.t === 'client' || isOrmObject(value) || isSession(a, value) ? (agreed ? agree(agreed, value!) : value) : undefined;
    if (!agreed) {
      return undefined;
    }
  }
  // A module-level class may be imported: other files' constructions count too (workspace mode).
  const elsewhere = a.scopes.parent(classScope) === 0 ? otherFilesPass(a, name, parameter) : undefined;
  if (elsewhere === null) {
    return undefined;
  }
  return elsewhere && agreed ? agree(agreed, elsewhere) : (elsewhere ?? agreed);
}

/** What a class field holds from the constructions of its class (see the module comment). */
export function constructedField(a: CodeAnalyzer, classScope: number, name: string): Value | undefined {
  if (a.language.family !== 'js' && a.language.family !== 'python') {
    return undefined;
  }
  const key = `${classScope}.${name}`;
  if (fieldValues.peek(a, key) !== undefined) {
    return fieldValues.peek(a, key) ?? undefined;
  }
  fieldValues.set(a, key, null);
  let agreed: Value | undefined;
  for (const binding of a.scopes.memberBindings(classScope, name)) {
    const parameter = constructorParameter(a, binding);
    const value = parameter ? constructedArgument(a, parameter) : undefined;
    agreed = value && agreed ? agree(agreed, value) : value;
    if (!agreed) {
      break;
    }
  }
  fieldValues.set(a, key, agreed ?? null);
  return agreed;
}
