/**
 * Audit 57g, Java and Kotlin on DynamoDBMapper and the enhanced client: a mapper batch write whose returned failed
 * batches are dropped (`code/mapperFailedBatches.ts`), a method reference to another file's repository save
 * handed to an iterating method (`code/languages/classItemHelperCalls.ts`, `code/importedItemLoops.ts`), and a
 * method of the file that saves through such a repository, called per element (`classItemSavesOneCallAway.ts`), and
 * the mapper expressions' legacy entry setters (`javaV1Requests.ts` `v1Parameter`).
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { hintsOfRules, realHintRules, sourceLines } from './support';

const BATCH = ['dynamodb-batch-write-item'];

describe('DynamoDBMapper batch writes whose failed batches are dropped', () => {
  it('reports batchSave, batchDelete and batchWrite written as statements, in a block or after an if', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import java.util.List;',
      'class LedgerDao {',
      '    private final DynamoDBMapper mapper;',
      '    LedgerDao(DynamoDBMapper mapper) { this.mapper = mapper; }',
      '    void storeAll(List<Entry> entries) { mapper.batchSave(entries); }',
      '    void purge(List<Entry> entries) {',
      '        if (!entries.isEmpty()) this.mapper.batchDelete(entries);',
      '    }',
      '    void replace(List<Entry> fresh, List<Entry> stale) {',
      '        fresh.forEach(e -> e.touch());',
      '        mapper.batchWrite(fresh, stale);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('LedgerDao.java', code, BATCH), [
      '12:batchWrite dynamodb-batch-write-item',
      '12:batchWrite dynamodb-batch-write-item!',
      '6:batchSave dynamodb-batch-write-item',
      '6:batchSave dynamodb-batch-write-item!',
      '8:batchDelete dynamodb-batch-write-item',
      '8:batchDelete dynamodb-batch-write-item!',
    ]);
  });

  it('leaves a list returned, assigned, read in place or the value of an expression lambda, and batchLoad', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import java.util.List;',
      'class LedgerDao {',
      '    private final DynamoDBMapper mapper;',
      '    LedgerDao(DynamoDBMapper mapper) { this.mapper = mapper; }',
      '    List<DynamoDBMapper.FailedBatch> storeAll(List<Entry> entries) { return mapper.batchSave(entries); }',
      '    int purge(List<Entry> entries) {',
      '        List<DynamoDBMapper.FailedBatch> failed = mapper.batchDelete(entries);',
      '        return failed.size();',
      '    }',
      '    boolean clean(List<Entry> entries) { return mapper.batchDelete(entries).isEmpty(); }',
      '    Object chunks(List<List<Entry>> chunks) { return chunks.stream().map(c -> mapper.batchSave(c)).toList(); }',
      '    void load(List<Entry> keys) { mapper.batchLoad(keys); }',
      '}',
    );
    assert.deepEqual(hintsOfRules('LedgerDao.java', code, BATCH).filter((hint) => hint.endsWith('!')), []);
  });

  it('reads Kotlin statements, which end with their line, but not an expression body, an assignment or a one-line lambda', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper',
      'class LedgerRepository(private val mapper: DynamoDBMapper) {',
      '    fun storeAll(entries: List<Entry>) {',
      '        log.info("storing ${entries.size}")',
      '        mapper.batchSave(entries)',
      '    }',
      '    fun purge(entries: List<Entry>) = mapper.batchDelete(entries)',
      '    fun clean(entries: List<Entry>): Int {',
      '        val failed = mapper.batchDelete(entries)',
      '        return failed.size',
      '    }',
      '    fun chunked(entries: List<Entry>) {',
      '        entries.chunked(25).forEach { chunk -> mapper.batchSave(chunk) }',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('LedgerRepository.kt', code, BATCH).filter((hint) => hint.endsWith('!')), ['5:batchSave dynamodb-batch-write-item!']);
  });
});

/** The `dynamodb-item-loop` findings of `file`, read beside the other files (workspace mode), as `line:text`. */
function loopsIn(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: built });
  return result.findings.filter((finding) => finding.ruleId === 'dynamodb-item-loop').map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

const REPOSITORY = sourceLines(
  'package com.acme.ledger;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
  'public class EntryRepository {',
  '    private final DynamoDBMapper mapper;',
  '    public EntryRepository(DynamoDBMapper mapper) { this.mapper = mapper; }',
  '    public Entry save(Entry entry) { mapper.save(entry); return entry; }',
  '}',
);

function entry(versioned: boolean): string {
  return sourceLines(
    'package com.acme.ledger;',
    'import com.amazonaws.services.dynamodbv2.datamodeling.*;',
    '@DynamoDBTable(tableName = "entries")',
    'public class Entry {',
    '    private String id;',
    '    @DynamoDBHashKey public String getId() { return id; }',
    ...(versioned ? ['    private Long version;', '    @DynamoDBVersionAttribute public Long getVersion() { return version; }'] : []),
    '}',
  );
}

const SERVICE = sourceLines(
  'package com.acme.ledger;',
  'import java.util.List;',
  'import java.util.Optional;',
  'public class EntryImporter {',
  '    private final EntryRepository entries;',
  '    public EntryImporter(EntryRepository entries) { this.entries = entries; }',
  '    public void importAll(List<Entry> incoming) {',
  '        incoming.forEach(entries::save);',
  '    }',
  '    public List<Entry> importStream(List<Entry> incoming) {',
  '        return incoming.stream().map(this.entries::save).toList();',
  '    }',
  '    public Optional<Entry> importOne(Optional<Entry> maybe) {',
  '        return maybe.map(entries::save);',
  '    }',
  '}',
);

describe('a method reference to another file’s repository save, per element', () => {
  it('reports forEach and a stream map of the reference, not an Optional’s map', () => {
    const files = { 'src/EntryRepository.java': REPOSITORY, 'src/Entry.java': entry(false), 'src/EntryImporter.java': SERVICE };
    assert.deepEqual(loopsIn(files, 'src/EntryImporter.java'), ['8:save', '11:save']);
  });

  it('leaves a versioned class, whose save is conditional', () => {
    const files = { 'src/EntryRepository.java': REPOSITORY, 'src/Entry.java': entry(true), 'src/EntryImporter.java': SERVICE };
    assert.deepEqual(loopsIn(files, 'src/EntryImporter.java'), []);
  });
});

const PET_REPOSITORY = sourceLines(
  'package com.acme.ledger;',
  'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
  'public class PetStore {',
  '    private final DynamoDBMapper mapper;',
  '    public PetStore(DynamoDBMapper mapper) { this.mapper = mapper; }',
  '    public void save(Entry entry) { mapper.save(entry); }',
  '    public Entry get(String id) { return mapper.load(Entry.class, id); }',
  '}',
);

const PET_SERVICE = sourceLines(
  'package com.acme.ledger;',
  'import java.util.List;',
  'import java.util.stream.Collectors;',
  'public class PetIntake {',
  '    private final PetStore store;',
  '    public PetIntake(PetStore store) { this.store = store; }',
  '    public List<String> admit(List<Entry> pets) {',
  '        return pets.stream().map(pet -> register(pet)).collect(Collectors.toList());',
  '    }',
  '    public void refresh(List<Entry> pets) {',
  '        pets.forEach(pet -> touch(pet));',
  '    }',
  '    public String one(Entry pet) {',
  '        return register(pet);',
  '    }',
  '    private String register(Entry pet) {',
  '        store.save(pet);',
  '        return pet.getId();',
  '    }',
  '    private void touch(Entry pet) {',
  '        Entry saved = store.get(pet.getId());',
  '        store.save(saved);',
  '    }',
  '}',
);

describe('a method of the file that saves through another file’s repository, called per element', () => {
  it('reports the call in the stream, not a single call, nor a method that also reads through the repository', () => {
    const files = { 'src/PetStore.java': PET_REPOSITORY, 'src/Entry.java': entry(false), 'src/PetIntake.java': PET_SERVICE };
    assert.deepEqual(loopsIn(files, 'src/PetIntake.java'), ['8:register']);
  });

  it('leaves a versioned class', () => {
    const files = { 'src/PetStore.java': PET_REPOSITORY, 'src/Entry.java': entry(true), 'src/PetIntake.java': PET_SERVICE };
    assert.deepEqual(loopsIn(files, 'src/PetIntake.java'), []);
  });
});

describe('the mapper expressions’ legacy entry setters', () => {
  it('reads withExpectedEntry as the legacy Expected and withQueryFilterEntry as the legacy QueryFilter', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.datamodeling.*;',
      'import com.amazonaws.services.dynamodbv2.model.*;',
      'class LedgerDao {',
      '    private final DynamoDBMapper mapper;',
      '    LedgerDao(DynamoDBMapper mapper) { this.mapper = mapper; }',
      '    void create(Entry e) { mapper.save(e, new DynamoDBSaveExpression().withExpectedEntry("id", new ExpectedAttributeValue(false))); }',
      '    Object open(Entry key) {',
      '        return mapper.query(Entry.class, new DynamoDBQueryExpression<Entry>().withHashKeyValues(key)',
      '            .withQueryFilterEntry("state", new Condition().withComparisonOperator(ComparisonOperator.EQ)));',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('LedgerDao.java', code, ['dynamodb-legacy-conditional-parameters']).filter((hint) => hint.endsWith('!')), [
      '6:withExpectedEntry dynamodb-legacy-conditional-parameters!',
      '9:withQueryFilterEntry dynamodb-legacy-conditional-parameters!',
    ]);
  });
});
