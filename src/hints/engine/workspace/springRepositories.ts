/**
 * Spring Data DynamoDB across files: the repository interfaces a Java file declares (`@EnableScan interface
 * BookRepository extends CrudRepository<Book, String>`) and the DynamoDBMapper entity classes (`@DynamoDBTable`)
 * whose keys its derived queries are read against, by simple name, for the services of other files that hold
 * the repository in a field or parameter (`code/languages/javaSpringDataDynamodb.ts`). Test sources are not read.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { java } from '../code/languages/java';
import { entityShapes, repositoryShapes } from '../code/languages/javaSpringDataDynamodb';
import { LineIndex } from '../text';
import { isTestSource } from './mappedClasses';
import type { FileContribution } from './types';

const LIBRARY = 'org.socialsignin.spring.data.dynamodb';
const ENTITY = /@DynamoDBTable\b/;

/** Whether a Java file may declare a repository interface (its entities are mapped classes, read anyway). */
export function mayDeclareRepositories(text: string): boolean {
  return text.includes(LIBRARY);
}

/** What a Java file lends the repositories of other files; undefined for a file that declares neither. */
export function indexSpringRepositories(file: string, text: string): Pick<FileContribution, 'springRepositories' | 'springEntities'> | undefined {
  const library = text.includes(LIBRARY);
  if ((!library && !ENTITY.test(text)) || isTestSource(file)) {
    return undefined;
  }
  const a = new CodeAnalyzer(text, java, new LineIndex(text));
  if (library) {
    // The repository's base interface and annotations are known by the file's imports.
    java.collectImports(a);
  }
  const springRepositories = library ? repositoryShapes(a) : undefined;
  const springEntities = ENTITY.test(text) ? entityShapes(a) : undefined;
  return springRepositories || springEntities ? { ...(springRepositories ? { springRepositories } : {}), ...(springEntities ? { springEntities } : {}) } : undefined;
}
