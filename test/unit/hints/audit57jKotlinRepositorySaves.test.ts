/**
 * Audit 57j, Kotlin services on DynamoDB whose repository classes live in other files: a Kotlin repository class or
 * `object` whose method saves its parameter through a mapper (`workspace/classItemMethods.ts`
 * `indexKotlinClassItems`, `code/languages/classItemHelpers.ts`), its mapped data class (`workspace/mappedClasses.ts`),
 * and the services that call that method per element (`code/languages/classItemHelperCalls.ts`).
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

/** The `dynamodb-item-loop` findings of `file`, read beside the other files (workspace mode), as `line:text`. */
function loopsIn(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: built });
  return result.findings.filter((finding) => finding.ruleId === 'dynamodb-item-loop').map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

/** A mapped data class whose members sit in its primary constructor, versioned or not. */
function crate(versioned: boolean): string {
  return sourceLines(
    'package depot.model',
    'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBHashKey',
    'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable',
    'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBVersionAttribute',
    '@DynamoDBTable(tableName = "crates")',
    'data class Crate(',
    '    @DynamoDBHashKey var id: String = "",',
    versioned ? '    @DynamoDBVersionAttribute var version: Long? = null,' : '    var shelf: String = "",',
    ')',
  );
}

const REPOSITORY = sourceLines(
  'package depot.data',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper',
  'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder',
  'import depot.model.Crate',
  'open class CrateRepository {',
  '    private val mapper = DynamoDBMapper(AmazonDynamoDBClientBuilder.standard().build())',
  '    open fun store(crate: Crate) {',
  '        return mapper.save(crate)',
  '    }',
  '}',
  'object CrateLedger {',
  '    private val mapper = DynamoDBMapper(AmazonDynamoDBClientBuilder.defaultClient())',
  '    fun record(crate: Crate) = mapper.save(crate)',
  '}',
);

const SERVICE = sourceLines(
  'package depot.app',
  'import depot.data.CrateLedger',
  'import depot.data.CrateRepository',
  'import depot.model.Crate',
  'class Receiving(private val crates: CrateRepository) {',
  '    fun byReference(arrived: Sequence<Crate>) = arrived.forEach(crates::store)',
  '    fun byLambda(arrived: List<Crate>) { arrived.map { crates.store(it) } }',
  '    fun byFor(arrived: List<Crate>) {',
  '        for (crate in arrived) {',
  '            crates.store(crate)',
  '        }',
  '    }',
  '    fun throughObject(arrived: List<Crate>) { arrived.forEach { CrateLedger.record(it) } }',
  '    fun one(crate: Crate) { crates.store(crate) }',
  '}',
);

describe('Kotlin repository classes of other files, saving per element', () => {
  it('reports a method reference, a lambda, a for loop and an object called by its name', () => {
    const files = { 'src/main/kotlin/depot/data/CrateRepository.kt': REPOSITORY, 'src/main/kotlin/depot/model/Crate.kt': crate(false), 'src/main/kotlin/depot/app/Receiving.kt': SERVICE };
    assert.deepEqual(loopsIn(files, 'src/main/kotlin/depot/app/Receiving.kt'), ['6:store', '7:store', '10:store', '13:record']);
  });

  it('leaves a versioned data class, whose save is conditional', () => {
    const files = { 'src/main/kotlin/depot/data/CrateRepository.kt': REPOSITORY, 'src/main/kotlin/depot/model/Crate.kt': crate(true), 'src/main/kotlin/depot/app/Receiving.kt': SERVICE };
    assert.deepEqual(loopsIn(files, 'src/main/kotlin/depot/app/Receiving.kt'), []);
  });

  it('leaves a class the workspace does not show, and a repository in a test source', () => {
    const unseen = { 'src/main/kotlin/depot/data/CrateRepository.kt': REPOSITORY, 'src/main/kotlin/depot/app/Receiving.kt': SERVICE };
    assert.deepEqual(loopsIn(unseen, 'src/main/kotlin/depot/app/Receiving.kt'), []);
    const tested = { 'src/test/kotlin/depot/data/CrateRepository.kt': REPOSITORY, 'src/main/kotlin/depot/model/Crate.kt': crate(false), 'src/main/kotlin/depot/app/Receiving.kt': SERVICE };
    assert.deepEqual(loopsIn(tested, 'src/main/kotlin/depot/app/Receiving.kt'), []);
  });

  it('leaves a generic holder and a parameter the method lends to the mapper call as its receiver', () => {
    const repository = sourceLines(
      'package depot.data',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper',
      'import depot.model.Crate',
      'class Store<T>(private val mapper: DynamoDBMapper) {',
      '    fun put(item: T) { mapper.save(item) }',
      '}',
      'class Lender {',
      '    fun put(mapper: DynamoDBMapper, crate: Crate) { mapper.save(crate) }',
      '}',
    );
    const service = sourceLines(
      'package depot.app',
      'import depot.data.Lender',
      'import depot.data.Store',
      'import depot.model.Crate',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper',
      'class Sorting(private val store: Store<Crate>, private val lender: Lender, private val mapper: DynamoDBMapper) {',
      '    fun all(arrived: List<Crate>) { arrived.forEach { store.put(it) } }',
      '    fun lent(arrived: List<Crate>) { arrived.forEach { lender.put(mapper, it) } }',
      '}',
    );
    const files = { 'src/main/kotlin/depot/data/Store.kt': repository, 'src/main/kotlin/depot/model/Crate.kt': crate(false), 'src/main/kotlin/depot/app/Sorting.kt': service };
    assert.deepEqual(loopsIn(files, 'src/main/kotlin/depot/app/Sorting.kt'), []);
  });
});
