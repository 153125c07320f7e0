/**
 * Spring Data DynamoDB across files: the repository interfaces a Java file declares (`@EnableScan interface
 * BookRepository extends CrudRepository<Book, String>`) and the DynamoDBMapper entity classes (`@DynamoDBTable`)
 * whose keys its derived queries are read against, by simple name, for the services of other files that hold
 * the repository in a field or parameter (`code/languages/javaSpringDataDynamodb.ts`). A plain
 * `CrudRepository` with none of the library's annotations is kept too, for the packages a configuration's
 * `@EnableDynamoDBRepositories` names: Spring makes DynamoDB repositories of the interfaces there (its
 * `basePackages`, or `value`, or the annotated class's own package), whatever they carry. Kotlin files are read the
 * same way (`code/languages/kotlinSpringData.ts`). Test sources are not read.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { java } from '../code/languages/java';
import { kotlin } from '../code/languages/kotlin';
import { entityShapes, repositoryShapes } from '../code/languages/javaSpringDataDynamodb';
import { ownContainer } from '../code/languages/baseClassFields';
import { LineIndex } from '../text';
import { isTestSource } from './mappedClasses';
import type { FileContribution } from './types';

const LIBRARY = 'org.socialsignin.spring.data.dynamodb';
const ENTITY = /@DynamoDBTable\b/;
/** Spring Data's base interfaces that `javaSpringDataDynamodb.ts` reads, imported by name or with the package's `*` (Kotlin ends the line with no `;`). */
const SPRING_BASE = /\bimport\s+org\.springframework\.data\.repository\.(?:CrudRepository|PagingAndSortingRepository|\*)(?:\s*;|[ \t]*\r?$)/m;
const ENABLE = 'EnableDynamoDBRepositories';

/** Whether a Java file may declare a repository interface (its entities are mapped classes, read anyway). */
export function mayDeclareRepositories(text: string): boolean {
  return text.includes(LIBRARY) || SPRING_BASE.test(text);
}

/** Whether a Kotlin file may declare a repository interface or an entity class: Kotlin files are read for nothing else. */
export function mayDeclareKotlinRepositories(text: string): boolean {
  return mayDeclareRepositories(text) || ENTITY.test(text);
}

/** What a Java file lends the repositories of other files; undefined for a file that declares neither. */
export function indexSpringRepositories(file: string, text: string, language: 'java' | 'kotlin' = 'java'): Pick<FileContribution, 'springRepositories' | 'springEntities' | 'springRepositoryPackages'> | undefined {
  const library = text.includes(LIBRARY);
  const plain = SPRING_BASE.test(text);
  if ((!library && !plain && !ENTITY.test(text)) || isTestSource(file)) {
    return undefined;
  }
  const reader = language === 'kotlin' ? kotlin : java;
  const a = new CodeAnalyzer(text, reader, new LineIndex(text));
  if (library || plain) {
    // The repository's base interface and annotations are known by the file's imports.
    reader.collectImports(a);
  }
  const springRepositories = library || plain ? repositoryShapes(a) : undefined;
  const springEntities = ENTITY.test(text) ? entityShapes(a) : undefined;
  const springRepositoryPackages = library && text.includes(ENABLE) ? enabledPackages(a) : [];
  if (!springRepositories && !springEntities && springRepositoryPackages.length === 0) {
    return undefined;
  }
  return {
    ...(springRepositories ? { springRepositories } : {}),
    ...(springEntities ? { springEntities } : {}),
    ...(springRepositoryPackages.length > 0 ? { springRepositoryPackages } : {}),
  };
}

/**
 * The packages each `@EnableDynamoDBRepositories` of the file names: the string literals of its `basePackages` or
 * `value` (`("shop.orders")`, `(basePackages = {"a", "b"})`), or the file's package where it names none (no
 * arguments, or only others such as `dynamoDBMapperConfigRef`). Packages given otherwise (`basePackageClasses`, a
 * constant) add nothing, and so does an annotation with filters, which pick among the package's interfaces.
 */
function enabledPackages(a: CodeAnalyzer): string[] {
  const found: string[] = [];
  const own = ownContainer(a, 'java');
  for (let k = 1; k < a.tokens.length; k++) {
    if (!a.idIs(k, ENABLE) || !a.is(k - 1, '@')) {
      continue;
    }
    const open = k + 1;
    const { packages, unread } = a.is(open, '(') && a.partner[open] > open ? packagesArgument(a, open, a.partner[open]) : { packages: [], unread: false };
    found.push(...(packages.length > 0 ? packages : !unread && own ? [own] : []));
  }
  return found;
}

/**
 * The string literals given as `value` (positionally too) or `basePackages` in the group from `open` to `close`;
 * `unread` where packages are given in another way (`basePackageClasses`, a constant).
 */
function packagesArgument(a: CodeAnalyzer, open: number, close: number): { packages: string[]; unread: boolean } {
  const packages: string[] = [];
  let unread = false;
  let attribute = 'value';
  for (let k = open + 1; k < close; k++) {
    if (a.isId(k) && a.is(k + 1, '=')) {
      attribute = a.tokens.text(k);
      if (attribute === 'includeFilters' || attribute === 'excludeFilters') {
        // Filters choose among the packages' interfaces (`includeFilters = @Filter(classes = DeviceRepository.class)`).
        return { packages: [], unread: true };
      }
      unread ||= attribute === 'basePackageClasses';
      k++;
    } else if (attribute === 'value' || attribute === 'basePackages') {
      if (a.isString(k)) {
        packages.push(a.tokens.text(k).replace(/^"|"$/g, ''));
      } else if (a.isId(k)) {
        unread = true;
      }
    }
  }
  return { packages, unread };
}
