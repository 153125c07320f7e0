/**
 * Lombok getters in Java: a field of a class marked `@Getter`, `@Data` or `@Value` (or a field marked `@Getter`
 * itself) has a generated `getX()` (`isX()` for a boolean) that no declaration in the file shows. A chain through
 * one (`this.getConf().getMapper()`) reads the field: the same file's class (`code/chains.ts`), or a project class of
 * another file, whose index lends a field with such a getter as `getX()` (`workspace/classFields.ts`).
 */
import type { CodeAnalyzer } from '../analyzer';
import { FileMemo } from '../fileMemo';

/** A file that imports Lombok's getter annotations, whose `@Getter` is Lombok's. */
const LOMBOK_IMPORT = /\bimport\s+lombok\.(?:Getter|Data|Value|\*)\s*;/;
/** The Lombok annotations that give a class's fields getters, and the one that gives a single field one. */
const CLASS_GETTERS = new Set(['Getter', 'Data', 'Value']);
const FIELD_GETTER = new Set(['Getter']);
/** How far back from a declaration its annotations are looked for. */
const ANNOTATION_REACH = 40;
/** A getter's name: `getMapper`, `isEnabled`. */
const GETTER_NAME = /^(?:get|is)([A-Z]\w*)$/;

const importsLombok = new FileMemo<'lombok', boolean>();

/** Whether a Java file's text imports Lombok's getters, whose classes may lend their private fields through them. */
export function mayDeclareLombokGetters(text: string): boolean {
  return LOMBOK_IMPORT.test(text);
}

/** Whether the file imports Lombok's getters. */
export function usesLombokGetters(a: CodeAnalyzer): boolean {
  return importsLombok.get(a, 'lombok', () => a.language.family === 'java' && mayDeclareLombokGetters(a.text));
}

/**
 * The field of the class at `classScope` that Lombok's getter `name` (`getConf`) reads, when the class declares no
 * method of that name and Lombok generates it: the class or the field is marked. Undefined otherwise.
 */
export function lombokGetterField(a: CodeAnalyzer, classScope: number, name: string): string | undefined {
  const match = GETTER_NAME.exec(name);
  if (!match || classScope <= 0 || !usesLombokGetters(a) || a.scopes.member(classScope, name)) {
    return undefined;
  }
  const field = `${match[1].charAt(0).toLowerCase()}${match[1].slice(1)}`;
  // The declaration in the class body, not an assignment in a constructor.
  const binding = a.scopes.memberBindings(classScope, field).find((found) => a.scopes.enclosing(found.token, ['function', 'class']) === classScope);
  if (!binding || binding.method) {
    return undefined;
  }
  return marked(a, binding.token, FIELD_GETTER) || classMarked(a, classScope) ? field : undefined;
}

/** Whether the class at `classScope` is marked with one of Lombok's class-wide getter annotations. */
export function classMarked(a: CodeAnalyzer, classScope: number): boolean {
  const open = a.scopes.range(classScope)[0];
  // Back from the body's `{` to the `class` keyword, past what it extends and implements.
  for (let k = open - 1; k > 0 && k > open - ANNOTATION_REACH; k--) {
    if (a.idIs(k, 'class') && !a.isAccess(k - 1)) {
      return marked(a, k, CLASS_GETTERS);
    }
  }
  return false;
}

/** Whether one of `names` marks the declaration whose token is `token`: an annotation back to the previous member's end. */
function marked(a: CodeAnalyzer, token: number, names: ReadonlySet<string>): boolean {
  for (let k = token - 1, steps = 0; k > 0 && steps < ANNOTATION_REACH; k--, steps++) {
    if (a.is(k, ';') || a.is(k, '{') || a.is(k, '}')) {
      return false;
    }
    if (a.is(k, ')') && a.partner[k] >= 0) {
      k = a.partner[k];
      continue;
    }
    if (a.is(k - 1, '@') && names.has(a.tokens.text(k))) {
      return true;
    }
  }
  return false;
}
