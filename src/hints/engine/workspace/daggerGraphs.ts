/**
 * Dagger object graphs in Java: a `@Component(modules = {DaoModule.class})` interface, whose generated
 * `DaggerServiceComponent.create()` builds a new graph with new instances of what its modules provide (a component's
 * `@Singleton` is one per component instance, not per process), and the `@Module` classes whose `@Provides` methods
 * build a client on each call (`new DynamoDBMapper(AmazonDynamoDBClientBuilder.defaultClient())`, `methodMakers.ts`).
 * Indexed as handed-on calls (`classForwards.ts`): the generated class's `create()` hands on to its modules' provisions,
 * and a module's provision to each of its `@Provides` methods and to the modules it `includes`; the class index then
 * lends `DaggerServiceComponent` a `made:create`, so that a Lambda handler that builds the graph on every invocation
 * (`ServiceComponent dagger = DaggerServiceComponent.create();` inside `handleRequest`) makes that client on each
 * invocation (`code/languages/jvmMethodClients.ts`), and one that keeps the graph in a field does not.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { classKey, typeCandidates } from '../code/languages/baseClassFields';
import { java } from '../code/languages/java';
import { methodMarked } from '../code/methodMarkers';
import { LineIndex } from '../text';
import { isTestSource } from './mappedClasses';
import type { ForwardedCall } from './types';

/** A Dagger component or module, with the Dagger import that makes its annotations Dagger's. */
const DAGGER_GRAPH = /\bimport\s+dagger\.(?:Component|Module|\*)\s*;/;
/** The method a module hands its provisions on from: no Java name, so no method of a class can be taken for it. */
export const DAGGER_PROVISION = '@Provides';
/** The method of the generated component class that builds a new graph. */
const CREATE = 'create';
/** How far past an annotation's arguments the class or interface it marks is looked for (`@Singleton public interface X`). */
const DECLARATION_REACH = 12;
/** Modules of one component, and provisions of one module, at most. */
const MAX_MODULES = 16;
const MAX_PROVISIONS = 32;

/** Whether a Java file may declare a Dagger component or module, from its path and text alone. */
export function mayDeclareDaggerGraph(file: string, text: string): boolean {
  return !isTestSource(file) && DAGGER_GRAPH.test(text) && (text.includes('@Component') || text.includes('@Module'));
}

/**
 * The handed-on calls of the file's top-level components (under the generated class, `Dagger` + the component's
 * name) and modules, by class key, to merge into the file's `classForwards`.
 */
export function daggerForwards(text: string): Record<string, Record<string, ForwardedCall[]>> {
  const a = new CodeAnalyzer(text, java, new LineIndex(text));
  a.bind();
  let container = '';
  const forwards: Record<string, Record<string, ForwardedCall[]>> = {};
  for (let k = 0; k + 1 < a.tokens.length; k++) {
    if (a.idIs(k, 'package') && (k === 0 || !a.isAccess(k - 1))) {
      container = a.dottedPath(k + 1).text;
      continue;
    }
    const annotation = k > 0 && a.is(k - 1, '@') && (a.idIs(k, 'Component') || a.idIs(k, 'Module')) ? a.tokens.text(k) : undefined;
    const name = annotation ? declaredName(a, a.is(k + 1, '(') && a.partner[k + 1] > 0 ? a.partner[k + 1] + 1 : k + 1) : -1;
    if (name < 0) {
      continue;
    }
    const written = a.tokens.text(name);
    const listed = (key: string): ForwardedCall[] => classList(a, k + 1, key).map((module) => ({ classes: typeCandidates(a, 'java', module), method: DAGGER_PROVISION }));
    if (annotation === 'Component') {
      const modules = listed('modules');
      if (modules.length > 0) {
        forwards[classKey('java', qualified(container, `Dagger${written}`))] = { [CREATE]: modules };
      }
      continue;
    }
    const own = classKey('java', qualified(container, written));
    const provisions = [...provisionNames(a, a.scopes.classNamed(written))].map((method) => ({ classes: [own], method }));
    const handed = [...provisions, ...listed('includes')];
    if (handed.length > 0) {
      forwards[own] = { [DAGGER_PROVISION]: handed };
    }
  }
  return forwards;
}

function qualified(container: string, name: string): string {
  return container ? `${container}.${name}` : name;
}

/** The name token of the top-level class or interface declared from `from` on, past modifiers and other annotations; or -1. */
function declaredName(a: CodeAnalyzer, from: number): number {
  for (let k = from; k < a.tokens.length && k < from + DECLARATION_REACH; k++) {
    if (a.is(k, '(') && a.partner[k] > 0) {
      k = a.partner[k];
      continue;
    }
    if (a.is(k, '{') || a.is(k, ';')) {
      return -1;
    }
    if ((a.idIs(k, 'interface') || a.idIs(k, 'class')) && a.isId(k + 1)) {
      return a.scopes.enclosing(k, ['class']) > 0 ? -1 : k + 1;
    }
  }
  return -1;
}

/** The classes an annotation's argument `key` lists (`modules = {A.class, B.class}`, `includes = C.class`), by their written names. */
function classList(a: CodeAnalyzer, open: number, key: string): string[] {
  const close = a.is(open, '(') ? a.partner[open] : -1;
  const names: string[] = [];
  for (let k = open + 1; k + 2 < close && names.length < MAX_MODULES; k++) {
    if (!a.idIs(k, key) || !a.is(k + 1, '=')) {
      continue;
    }
    const end = a.is(k + 2, '{') && a.partner[k + 2] > 0 ? a.partner[k + 2] : k + 3 + classLiteralLength(a, k + 2);
    for (let j = k + 2; j < end && names.length < MAX_MODULES; j++) {
      const path = a.isId(j) && !a.isAccess(j - 1) ? a.dottedPath(j) : undefined;
      if (path && a.idIs(path.end - 1, 'class')) {
        names.push(path.text.slice(0, -'.class'.length));
        j = path.end - 1;
      }
    }
  }
  return names;
}

/** The tokens of a class literal written from `k` (`DaoModule.class`, `app.DaoModule.class`), less one. */
function classLiteralLength(a: CodeAnalyzer, k: number): number {
  return a.isId(k) ? a.dottedPath(k).end - k - 1 : 0;
}

/** The names of the `@Provides` methods the class at `scope` declares. */
function* provisionNames(a: CodeAnalyzer, scope: number): Generator<string> {
  if (scope <= 0) {
    return;
  }
  let count = 0;
  for (const fn of a.functions.values()) {
    const name = fn.params > 0 && a.scopes.parent(fn.scope) === scope ? a.id(fn.params - 1) : undefined;
    if (name !== undefined && count < MAX_PROVISIONS && methodMarked(a, fn, (j) => a.is(j - 1, '@') && a.idIs(j, 'Provides'))) {
      count++;
      yield name;
    }
  }
}
