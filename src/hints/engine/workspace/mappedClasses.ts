/**
 * Java and C# classes an object mapper maps to a DynamoDB table (the Java enhanced client's `@DynamoDbBean` /
 * `@DynamoDbImmutable`, the .NET object persistence model's `[DynamoDBTable]` / `[DynamoDBHashKey]`), by simple
 * name with the language (`java:Profile`), and whether one of their members carries a version attribute
 * (`@DynamoDbVersionAttribute`, `[DynamoDBVersion]`): then the mapper's writes of the class are conditional
 * (optimistic locking), so a load, change and save of it is no lost update (`code/readModifyWriteTyped.ts`).
 * A simple name two files declare is left unknown by the model. Test sources are not read.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { classKey, ClassLanguage } from '../code/languages/baseClassFields';
import { csharp } from '../code/languages/csharp';
import { java } from '../code/languages/java';
import { isTestDoubleFile } from '../code/testDoubles';
import { LineIndex } from '../text';

const MAPPED: Record<ClassLanguage, RegExp> = {
  java: /@DynamoDbBean\b|@DynamoDbImmutable\b|@DynamoDBTable\b/,
  csharp: /\[\s*DynamoDB(?:Table|HashKey)\b/,
};
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

/** Whether a Java or C# file may declare a mapped class, from its path and text alone. */
export function mayMapClasses(file: string, language: ClassLanguage, text: string): boolean {
  return !isTestSource(file) && MAPPED[language].test(text);
}

/** Whether the file is a test source or a test double, whose declarations the workspace does not lend. */
export function isTestSource(file: string): boolean {
  return TEST_SOURCES.test(file) || isTestDoubleFile(file);
}

/** The file's mapped classes by `classKey` (simple name), and whether each has a version attribute. */
export function indexMappedClasses(language: ClassLanguage, text: string): Record<string, boolean> | undefined {
  const a = new CodeAnalyzer(text, language === 'java' ? java : csharp, new LineIndex(text));
  const classes: Record<string, boolean> = {};
  let count = 0;
  for (let k = 0; k + 2 < a.tokens.length && count < MAX_CLASSES; k++) {
    if (!(a.idIs(k, 'class') || a.idIs(k, 'record')) || !a.isId(k + 1) || a.isAccess(k - 1) || a.tokens.text(k + 1) === '__proto__') {
      continue;
    }
    let open = k + 2;
    while (open < a.tokens.length && open < k + 200 && !a.is(open, '{') && !a.is(open, ';')) {
      open++;
    }
    const close = a.is(open, '{') ? a.partner[open] : -1;
    if (close < 0) {
      continue;
    }
    let mapped = false;
    for (let j = Math.max(0, k - ANNOTATION_REACH); j < k && !mapped; j++) {
      mapped = a.isId(j) && MARKERS[language].has(a.tokens.text(j)) && (a.is(j - 1, '@') || a.is(j - 1, '[') || a.is(j - 1, ','));
    }
    let versioned = false;
    for (let j = open; j < close; j++) {
      if (a.isId(j)) {
        mapped ||= MARKERS[language].has(a.tokens.text(j));
        versioned ||= VERSION[language].has(a.tokens.text(j));
      }
    }
    if (mapped) {
      classes[classKey(language, a.tokens.text(k + 1))] = versioned;
      count++;
    }
  }
  return count > 0 ? classes : undefined;
}
