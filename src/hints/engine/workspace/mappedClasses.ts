/**
 * Java and C# classes an object mapper maps to a DynamoDB table (the Java enhanced client's `@DynamoDbBean` /
 * `@DynamoDbImmutable`, the .NET object persistence model's `[DynamoDBTable]` / `[DynamoDBHashKey]`), by simple
 * name with the language (`java:Profile`), and whether one of their members carries a version attribute
 * (`@DynamoDbVersionAttribute`, `[DynamoDBVersion]`): then the mapper's writes of the class are conditional
 * (optimistic locking), so a load, change and save of it is no lost update (`code/readModifyWriteTyped.ts`).
 * .NET's model also maps a class with no attribute at all (the table named as the class, the key schema read
 * from the table), so in C# every class of a file that imports `Amazon.DynamoDBv2.DataModel`, or that carries a
 * `[DynamoDB...]` attribute (`[DynamoDBProperty]`, `[DynamoDBRangeKey]`), counts; only a name a mapper call
 * takes is ever looked up. A simple name two files declare is left unknown by the model. Test sources are not read.
 * The mapper maps the members a mapped class inherits too, so a class whose own members carry no version attribute
 * names the base class it extends (`class Order extends Component`), and a class that carries one is indexed as
 * versioned even unmapped (the base `Component` with `@DynamoDbVersionAttribute`): the model reads the version
 * through the base (`classAnswers.ts`). Kotlin files are read for Java's annotations, keyed as Java classes; a data
 * class's members may sit in its primary constructor (`classExtent`).
 */
import { CodeAnalyzer } from '../code/analyzer';
import { classKey, ClassLanguage } from '../code/languages/baseClassFields';
import { csharp } from '../code/languages/csharp';
import { java } from '../code/languages/java';
import type { CodeLanguage } from '../code/language';
import { isTestDoubleFile } from '../code/testDoubles';
import { LineIndex } from '../text';
import type { FileContribution } from './types';

const MAPPED: Record<ClassLanguage, RegExp> = {
  java: /@DynamoDbBean\b|@DynamoDbImmutable\b|@DynamoDBTable\b|@DynamoD[bB]VersionAttribute\b/,
  csharp: /\[\s*(?:property\s*:\s*)?DynamoDB[A-Z]|\bAmazon\.DynamoDBv2\.DataModel\b/,
};
/** A C# `using` of the object persistence model's namespace (not `using static`, not an alias). */
const CSHARP_MODEL_USING = /^[ \t]*(?:global[ \t]+)?using[ \t]+Amazon\.DynamoDBv2\.DataModel\s*;/m;
const MARKERS: Record<ClassLanguage, ReadonlySet<string>> = {
  java: new Set(['DynamoDbBean', 'DynamoDbImmutable', 'DynamoDBTable', 'DynamoDbPartitionKey', 'DynamoDBHashKey']),
  csharp: new Set(['DynamoDBTable', 'DynamoDBHashKey']),
};
const VERSION: Record<ClassLanguage, ReadonlySet<string>> = {
  java: new Set(['DynamoDbVersionAttribute', 'DynamoDBVersionAttribute']),
  csharp: new Set(['DynamoDBVersion']),
};
const TEST_SOURCES = /(?:^|\/)(?:src\/(?:test|it|integrationTest)\/|[^/]*\.(?:Tests?|UnitTests|IntegrationTests)\/|tests?\/)/i;
/** How far before `class` its annotations or attributes are looked for. */
const ANNOTATION_REACH = 40;
const MAX_CLASSES = 16;
/** Tokens a Kotlin class's supertype list may span between its constructor and its body. */
const KOTLIN_SUPERTYPES_REACH = 24;

/** Whether a Java or C# file may declare a mapped class, from its path and text alone. */
export function mayMapClasses(file: string, language: ClassLanguage, text: string): boolean {
  return !isTestSource(file) && MAPPED[language].test(text);
}

/** Whether the file is a test source or a test double, whose declarations the workspace does not lend. */
export function isTestSource(file: string): boolean {
  return TEST_SOURCES.test(file) || isTestDoubleFile(file);
}

/** The file's mapped classes by `classKey` (simple name), whether each has a version attribute, and the base each unversioned one extends. */
export function indexMappedClasses(language: ClassLanguage, text: string, lexer: CodeLanguage = language === 'java' ? java : csharp): Pick<FileContribution, 'mappedClasses' | 'mappedClassBases'> | undefined {
  const a = new CodeAnalyzer(text, lexer, new LineIndex(text));
  const classes: Record<string, boolean> = {};
  const bases: Record<string, string> = {};
  const everyClass = language === 'csharp' && CSHARP_MODEL_USING.test(text);
  let count = 0;
  for (let k = 0; k + 2 < a.tokens.length && count < MAX_CLASSES; k++) {
    if (!(a.idIs(k, 'class') || a.idIs(k, 'record')) || !a.isId(k + 1) || a.isAccess(k - 1) || a.tokens.text(k + 1) === '__proto__') {
      continue;
    }
    const { open, close } = classExtent(a, k + 2);
    if (close < 0) {
      continue;
    }
    let mapped = everyClass;
    for (let j = Math.max(0, k - ANNOTATION_REACH); j < k && !mapped; j++) {
      mapped = a.isId(j) && MARKERS[language].has(a.tokens.text(j)) && (a.is(j - 1, '@') || a.is(j - 1, '[') || a.is(j - 1, ','));
    }
    let versioned = false;
    for (let j = open; j < close; j++) {
      if (a.isId(j)) {
        mapped ||= MARKERS[language].has(a.tokens.text(j)) || (language === 'csharp' && isModelAttribute(a, j));
        versioned ||= VERSION[language].has(a.tokens.text(j));
      }
    }
    if (mapped || versioned) {
      const key = classKey(language, a.tokens.text(k + 1));
      classes[key] = versioned;
      const base = versioned ? undefined : baseClass(a, language, k + 2, open);
      if (base !== undefined) {
        bases[key] = base;
      }
      count++;
    }
  }
  return count > 0 ? { mappedClasses: classes, ...(Object.keys(bases).length > 0 ? { mappedClassBases: bases } : {}) } : undefined;
}

/**
 * Where a class declaration's members are, from `from` past its name: its body, or a Kotlin class's primary
 * constructor (`data class Order(@DynamoDBHashKey var id: String)`) through the body that may follow it.
 */
function classExtent(a: CodeAnalyzer, from: number): { open: number; close: number } {
  let open = from;
  while (open < a.tokens.length && open < from + 200 && !a.is(open, '{') && !a.is(open, ';') && !(a.language.id === 'kotlin' && a.is(open, '('))) {
    open++;
  }
  if (!a.is(open, '(')) {
    return { open, close: a.is(open, '{') ? a.partner[open] : -1 };
  }
  // A body right after the constructor, or after the supertypes it names (`) : Base(), Audited {`).
  let body = a.partner[open] + 1;
  if (a.is(body, ':')) {
    for (let k = body + 1; k < body + KOTLIN_SUPERTYPES_REACH; k = a.is(k, '(') ? a.partner[k] + 1 : k + 1) {
      if (a.is(k, '{') || !(a.isId(k) || a.isAccess(k) || a.is(k, '(') || a.is(k, ',') || a.is(k, '<') || a.is(k, '>'))) {
        body = k;
        break;
      }
    }
  }
  return { open, close: a.is(body, '{') ? a.partner[body] : a.partner[open] };
}

/** The simple name of the base class a declaration extends between `from` and its body at `open` (Java `extends Base`, C# `: Base`, not an `IName` interface). */
function baseClass(a: CodeAnalyzer, language: ClassLanguage, from: number, open: number): string | undefined {
  for (let k = from; k < open && !a.idIs(k, 'where'); k++) {
    const starts = language === 'java' ? a.idIs(k, 'extends') : a.is(k, ':');
    // The last name of a qualified one (`extends model.Component`).
    let name = k + 1;
    while (a.isId(name) && a.isAccess(name + 1) && a.isId(name + 2)) {
      name += 2;
    }
    if (starts && a.isId(name) && !(language === 'csharp' && /^I[A-Z]/.test(a.tokens.text(name)))) {
      return a.tokens.text(name);
    }
  }
  return undefined;
}

/** A C# attribute of the object persistence model on a member (`[DynamoDBProperty("name")]`, `[property: DynamoDBRangeKey]`). */
function isModelAttribute(a: CodeAnalyzer, j: number): boolean {
  const inBrackets = a.is(j - 1, '[') || a.is(j - 1, ',') || a.is(j - 1, ':');
  return inBrackets && a.tokens.text(j).startsWith('DynamoDB') && (a.is(j + 1, ']') || a.is(j + 1, '(') || a.is(j + 1, ','));
}
