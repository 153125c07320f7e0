/**
 * Java and C# item helpers in the workspace model (`code/languages/classItemHelpers.ts`): each file's repository
 * classes with the methods that return what an object mapper read or save their parameter with no condition, for the
 * services of other files that hold the class, or an interface it implements, in a field or parameter
 * (`code/languages/classItemHelperCalls.ts`). The file is lexed and its operations read on their own; only a file that
 * names a mapper read or write is, and test sources are not. A simple name two files declare is left unknown.
 * Kotlin files are read the same way, their classes keyed as Java's (`indexKotlinClassItems`).
 */
import { CodeAnalyzer } from '../code/analyzer';
import { classKey, ClassLanguage, ownContainer } from '../code/languages/baseClassFields';
import { classItemMethods, mayDeclareClassItemHelpers } from '../code/languages/classItemHelpers';
import { classHandOns } from '../code/languages/classItemHandOns';
import { boundType } from '../code/languages/classItemHelperCalls';
import { genericSubclasses, inheritedItemMethods, mayExtendGeneric } from '../code/languages/classItemSubclasses';
import { csharp } from '../code/languages/csharp';
import { java } from '../code/languages/java';
import { kotlin } from '../code/languages/kotlin';
import { rmwCsharp } from '../code/languages/rmwCsharp';
import { rmwJava } from '../code/languages/rmwJava';
import { LineIndex } from '../text';
import { indexMappedClasses, isTestSource, mayMapClasses } from './mappedClasses';
import type { ClassItemMethod, ClassItemMethods, FileContribution, HandOn } from './types';

/** Whether a file's text may declare item helpers, or (C#) a method that hands its parameter to one. */
export function mayIndexClassItemMethods(language: ClassLanguage, text: string): boolean {
  return mayDeclareClassItemHelpers(text) || (language === 'csharp' && MAY_HAND_ON_SAVE.test(text));
}

/** The file's classes with item helpers, by `classKey`; undefined when it has none or may have none. */
export function indexClassItemMethods(file: string, language: ClassLanguage, text: string): Record<string, ClassItemMethods> | undefined {
  const helpers = mayIndexClassItemMethods(language, text);
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
  if (helpers && language === 'csharp') {
    addHandOns(classes, classHandOns(a));
  }
  for (const [name, sub] of Object.entries(subclasses)) {
    classes[name] = { ...sub, ...classes[name], extends: sub.extends };
  }
  return keyedClasses(a, language, classes);
}

/** The classes by simple name, and qualified by the file's namespace or package for callers that tell two classes of one name apart; undefined for none. */
function keyedClasses(a: CodeAnalyzer, language: ClassLanguage, classes: Record<string, ClassItemMethods>): Record<string, ClassItemMethods> | undefined {
  const container = ownContainer(a, language);
  const keyed = Object.fromEntries(
    Object.entries(classes).flatMap(([name, methods]) => [[classKey(language, name), methods], ...(container ? [[classKey(language, `${container}.${name}`), methods]] : [])]),
  );
  return Object.keys(keyed).length > 0 ? keyed : undefined;
}

/**
 * Whether a Kotlin file may declare a repository class's item helpers or a class a mapper maps. Kotlin classes are
 * keyed as Java's: a Kotlin service holds Java repositories and the other way round, through one mapper.
 */
export function mayIndexKotlinClassItems(file: string, text: string): boolean {
  return !isTestSource(file) && (mayDeclareClassItemHelpers(text) || mayMapClasses(file, 'java', text));
}

/** A Kotlin file's repository classes with their item helpers (`class Orders { fun save(order: Order) { mapper.save(order) } }`) and the classes a mapper maps. */
export function indexKotlinClassItems(file: string, text: string): Pick<FileContribution, 'classItemMethods' | 'mappedClasses' | 'mappedClassBases'> | undefined {
  const mapped = mayMapClasses(file, 'java', text) ? indexMappedClasses('java', text, kotlin) : undefined;
  const a = new CodeAnalyzer(text, kotlin, new LineIndex(text));
  if (mayDeclareClassItemHelpers(text)) {
    a.run();
  }
  const items = mayDeclareClassItemHelpers(text) ? keyedClasses(a, 'java', classItemMethods(a, rmwJava)) : undefined;
  return mapped || items ? { ...mapped, ...(items ? { classItemMethods: items } : {}) } : undefined;
}

/** A C# member call that may save through a repository (`_claims.StoreAsync(claim)`): a file a service's hand-on may be in. */
const MAY_HAND_ON_SAVE = /\.\s*(?:Save|Store|Upsert|Put|Insert)\w*\s*\(/;

/** Calls deep a saving method is followed through methods that hand its object on (`resolveHandOns`). */
const HAND_ON_ROUNDS = 3;

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
        // A class is keyed twice (simple and qualified): one class still.
        if (implemented.get(named) !== methods) {
          implemented.set(named, implemented.has(named) ? null : methods);
        }
      }
    }
  }
  for (const [key, methods] of implemented) {
    if (!index.has(key)) {
      index.set(key, methods);
    }
  }
  resolveSubclasses(index);
  resolveHandOns(index);
  return index;
}

/** The hand-on calls of a file's methods, beside the item helpers its classes declare. */
function addHandOns(classes: Record<string, ClassItemMethods>, handOns: Record<string, ClassItemMethods>): void {
  for (const [name, found] of Object.entries(handOns)) {
    const own = (classes[name] ??= found);
    for (const [method, { handsOn }] of Object.entries(found.methods)) {
      own.methods[method] = { ...own.methods[method], handsOn };
    }
  }
}

/**
 * Each method that hands its parameter to a saving method saves it too (`code/languages/classItemHandOns.ts`): of its
 * own class or of the class its field is declared with, the saved class as the field's type argument binds it, and
 * only where that is the parameter's own class. A chain is followed as many calls deep as there are rounds.
 */
function resolveHandOns(index: Map<string, ClassItemMethods | null>): void {
  for (let round = 0; round < HAND_ON_ROUNDS; round++) {
    let changed = false;
    for (const [key, methods] of index) {
      for (const [name, method] of Object.entries(methods?.methods ?? {})) {
        const puts = method.puts ? undefined : method.handsOn?.map((handOn) => handedSave(index, key.slice(0, key.indexOf(':')), methods!, handOn)).find((found) => found !== undefined);
        if (puts) {
          methods!.methods[name] = { ...method, puts };
          changed = true;
        }
      }
    }
    if (!changed) {
      return;
    }
  }
}

/** What the call `handOn` saves of the parameter it hands on, as that method's `puts`; undefined where it saves nothing of it. */
function handedSave(index: Map<string, ClassItemMethods | null>, language: string, own: ClassItemMethods, handOn: HandOn): ClassItemMethod['puts'] {
  const target = handOn.type === undefined ? own : index.get(`${language}:${handOn.type}`);
  const saves = target && Object.hasOwn(target.methods, handOn.method) ? target.methods[handOn.method].puts : undefined;
  const type = saves && saves.position === handOn.argument && !saves.async ? boundType(saves.type, target!, handOn.typeArguments) : undefined;
  return saves && type !== undefined && type === handOn.parameterType ? { table: saves.table, type, position: handOn.position } : undefined;
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
