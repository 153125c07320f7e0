/**
 * Java and C# item helpers in the workspace model (`code/languages/classItemHelpers.ts`): each file's repository
 * classes with the methods that return what an object mapper read or save their parameter with no condition, for the
 * services of other files that hold the class, or an interface it implements, in a field or parameter
 * (`code/languages/classItemHelperCalls.ts`). The file is lexed and its operations read on their own; only a file that
 * names a mapper read or write is, and test sources are not. A simple name two files declare is left unknown.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { classKey, ClassLanguage } from '../code/languages/baseClassFields';
import { classItemMethods, mayDeclareClassItemHelpers } from '../code/languages/classItemHelpers';
import { genericSubclasses, inheritedItemMethods, mayExtendGeneric } from '../code/languages/classItemSubclasses';
import { csharp } from '../code/languages/csharp';
import { java } from '../code/languages/java';
import { rmwCsharp } from '../code/languages/rmwCsharp';
import { rmwJava } from '../code/languages/rmwJava';
import { LineIndex } from '../text';
import { isTestSource } from './mappedClasses';
import type { ClassItemMethods, FileContribution } from './types';

/** The file's classes with item helpers, by `classKey`; undefined when it has none or may have none. */
export function indexClassItemMethods(file: string, language: ClassLanguage, text: string): Record<string, ClassItemMethods> | undefined {
  const helpers = mayDeclareClassItemHelpers(text);
  if (isTestSource(file) || (!helpers && !mayExtendGeneric(language, text))) {
    return undefined;
  }
  const a = new CodeAnalyzer(text, language === 'java' ? java : csharp, new LineIndex(text));
  // Subclasses are read from the tokens alone; item helpers need the file's operations.
  const subclasses = genericSubclasses(a, language);
  if (helpers) {
    a.run();
  }
  const classes = helpers ? classItemMethods(a, language === 'java' ? rmwJava : rmwCsharp) : {};
  for (const [name, sub] of Object.entries(subclasses)) {
    classes[name] = { ...sub, ...classes[name], extends: sub.extends };
  }
  const keyed = Object.fromEntries(Object.entries(classes).map(([name, methods]) => [classKey(language, name), methods]));
  return Object.keys(keyed).length > 0 ? keyed : undefined;
}

/** The classes of all files by `classKey`, and each interface or base class one class alone names, as that class (`null`: two). */
export function classItemIndexOf(contributions: readonly FileContribution[]): Map<string, ClassItemMethods | null> {
  const index = new Map<string, ClassItemMethods | null>();
  const implemented = new Map<string, ClassItemMethods | null>();
  for (const contribution of contributions) {
    for (const [key, methods] of Object.entries(contribution.classItemMethods ?? {})) {
      index.set(key, index.has(key) ? null : methods);
      const language = key.slice(0, key.indexOf(':'));
      for (const name of methods.interfaces ?? []) {
        const named = `${language}:${name}`;
        implemented.set(named, implemented.has(named) ? null : methods);
      }
    }
  }
  for (const [key, methods] of implemented) {
    if (!index.has(key)) {
      index.set(key, methods);
    }
  }
  resolveSubclasses(index);
  return index;
}

/**
 * Each class that extends a generic base takes the base's item helpers with its type arguments in place of the
 * base's type parameters (`code/languages/classItemSubclasses.ts`); one whose base is unknown, or declared twice,
 * keeps only its own, and a class left with none is dropped, so that a workspace of subclasses alone has no helpers.
 */
function resolveSubclasses(index: Map<string, ClassItemMethods | null>): void {
  for (const [key, methods] of index) {
    if (!methods?.extends) {
      continue;
    }
    const base = index.get(`${key.slice(0, key.indexOf(':'))}:${methods.extends.base}`);
    const resolved = base && !base.extends ? inheritedItemMethods(base, methods) : undefined;
    if (resolved) {
      index.set(key, resolved);
    } else if (Object.keys(methods.methods).length === 0) {
      index.delete(key);
    }
  }
}
