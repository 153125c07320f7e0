/**
 * Java and C# repositories that inherit their item helpers (`classItemHelpers.ts`) from a generic base class of
 * another file: `class OrderRepository extends AbstractRepository<Order>` (C#: `class OrderRepository :
 * Repository<Order>`) has the base's `findById` and `save`, with the base's type parameter `T` standing for `Order`.
 * Each file tells which of its classes extend a generic base and with which type arguments; the workspace resolves
 * them against the bases' item helpers (`workspace/classItemMethods.ts`).
 */
import type { CodeAnalyzer } from '../analyzer';
import type { ClassLanguage } from './baseClassFields';
import type { ClassItemMethods } from '../../workspace/types';

/** Tokens a type argument list may span. */
const MAX_TYPE_LIST = 60;
/** A generic base written after `extends` (Java) or after a C# class's `:`. */
const MAY_EXTEND_GENERIC: Record<ClassLanguage, RegExp> = {
  java: /\bextends\s+[A-Z]\w*\s*</,
  csharp: /:\s*[A-Z]\w*\s*</,
};

/** Whether the file may declare a class extending a generic base, from its text alone. */
export function mayExtendGeneric(language: ClassLanguage, text: string): boolean {
  return MAY_EXTEND_GENERIC[language].test(text);
}

/**
 * The names at the top level of the angle-bracket list opened at `open` (`<T extends Entity, ID>`: `T`, `ID`;
 * `<Order, String>`: `Order`, `String`); none when the list does not close within a few tokens.
 */
export function typeListNames(a: CodeAnalyzer, open: number): string[] {
  const names: string[] = [];
  let depth = 0;
  for (let k = open; k < a.tokens.length && k < open + MAX_TYPE_LIST; k++) {
    const text = a.tokens.text(k);
    if (text === '<') {
      depth++;
    } else if (text === '>' || text === '>>') {
      depth -= text.length;
      if (depth <= 0) {
        return depth === 0 ? names : [];
      }
    } else if (text === '{' || text === ';' || text === '(') {
      return [];
    } else if (depth === 1 && a.isId(k) && (a.is(k - 1, '<') || a.is(k - 1, ','))) {
      names.push(text);
    }
  }
  return [];
}

/** The file's classes that extend a generic base, by simple name: the base's simple name and the type arguments as written. */
export function genericSubclasses(a: CodeAnalyzer, language: ClassLanguage): Record<string, ClassItemMethods> {
  const found: Record<string, ClassItemMethods> = Object.create(null) as Record<string, ClassItemMethods>;
  for (let k = 1; k + 2 < a.tokens.length; k++) {
    if (!a.idIs(k, 'class') || !a.isId(k + 1)) {
      continue;
    }
    const base = baseAfter(a, language, k + 1);
    if (base) {
      found[a.tokens.text(k + 1)] = { methods: Object.create(null) as ClassItemMethods['methods'], extends: base };
    }
  }
  return found;
}

/** The generic base class the class named at `name` extends, past its own type parameters. */
function baseAfter(a: CodeAnalyzer, language: ClassLanguage, name: number): { base: string; typeArguments: string[] } | undefined {
  let k = name + 1;
  if (a.is(k, '<')) {
    for (let depth = 0; k < name + MAX_TYPE_LIST; k++) {
      depth += a.is(k, '<') ? 1 : a.is(k, '>') ? -1 : a.is(k, '>>') ? -2 : 0;
      if (depth <= 0) {
        break;
      }
    }
    k++;
  }
  // Java `extends Base<…>`; C# `: Base<…>` (a base class comes first in the list; `IName` is an interface).
  const opens = language === 'java' ? a.idIs(k, 'extends') : a.is(k, ':') && !/^I[A-Z]/.test(a.tokens.text(k + 1));
  const base = k + 1;
  if (!opens || !a.isId(base) || !a.is(base + 1, '<')) {
    return undefined;
  }
  const typeArguments = typeListNames(a, base + 1);
  return typeArguments.length > 0 ? { base: a.tokens.text(base), typeArguments } : undefined;
}

/**
 * The item helpers a subclass inherits: the base's, with each type parameter they name replaced by the subclass's
 * type argument in its place; none where the base declares another number of type parameters.
 */
export function inheritedItemMethods(base: ClassItemMethods, sub: ClassItemMethods): ClassItemMethods | undefined {
  const parameters = base.typeParameters ?? [];
  const typeArguments = sub.extends?.typeArguments ?? [];
  if (parameters.length !== typeArguments.length) {
    return undefined;
  }
  const bound = (type: string): string => (parameters.includes(type) ? typeArguments[parameters.indexOf(type)] : type);
  const methods: ClassItemMethods['methods'] = Object.create(null) as ClassItemMethods['methods'];
  for (const [name, method] of Object.entries(base.methods)) {
    methods[name] = {
      ...(method.reads ? { reads: { ...method.reads, type: bound(method.reads.type) } } : {}),
      ...(method.puts ? { puts: { ...method.puts, type: bound(method.puts.type) } } : {}),
      ...(method.scans ? { scans: method.scans } : {}),
    };
  }
  // The subclass's own helpers, where it declares any, come before what it inherits.
  return { methods: { ...methods, ...sub.methods }, ...(sub.interfaces ? { interfaces: sub.interfaces } : {}) };
}
