/**
 * `dynamodb-read-modify-write` through repositories that inherit their reads and writes from a generic base class
 * (`code/languages/classItemSubclasses.ts`), that wrap the object read in an `Optional`, or that a service reads
 * through a getter of its own (`classItemLocalReaders.ts`); and no finding for a bean whose version attribute a base
 * class declares (`workspace/mappedClasses.ts`, `code/readModifyWriteTyped.ts`).
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write';

/** The rule's findings in `file` as `line:text`, read beside the other files (workspace mode), or alone when `alone`. */
function reported(files: Record<string, string>, file: string, alone = false): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, ...(alone ? {} : { workspace: built }) });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

const IMPORTS = ['import java.util.Optional;', 'import software.amazon.awssdk.enhanced.dynamodb.*;', 'import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;'];

/** An enhanced-client bean `name`, extending `base` when given. */
function bean(name: string, base?: string): string {
  return sourceLines(...IMPORTS, '@DynamoDbBean', `public class ${name}${base ? ` extends ${base}` : ''} {`, '  private String id;', '  private int level;', '  @DynamoDbPartitionKey public String getId() { return id; }', '  public int getLevel() { return level; }', '  public void setLevel(int level) { this.level = level; }', '}');
}

/** A base class of beans, with a version attribute when `versioned`. */
function beanBase(name: string, versioned: boolean): string {
  return sourceLines(...IMPORTS, `public abstract class ${name} {`, '  private Long version;', `  ${versioned ? '@DynamoDbVersionAttribute ' : ''}public Long getVersion() { return version; }`, '}');
}

const BASE_REPOSITORY = sourceLines(
  ...IMPORTS,
  'public abstract class TableRepository<E> {',
  '  private final DynamoDbTable<E> table;',
  '  protected TableRepository(DynamoDbEnhancedClient client, Class<E> type) { this.table = client.table("t", TableSchema.fromBean(type)); }',
  '  public Optional<E> findById(String id) {',
  '    return Optional.ofNullable(table.getItem(Key.builder().partitionValue(id).build()));',
  '  }',
  '  public E save(E entity) {',
  '    table.putItem(entity);',
  '    return entity;',
  '  }',
  '}',
);

/** A repository class that inherits `TableRepository`'s methods for `type`. */
function subRepository(name: string, type: string): string {
  return sourceLines('import org.springframework.stereotype.Repository;', '@Repository', `public class ${name} extends TableRepository<${type}> {`, `  public ${name}(DynamoDbEnhancedClient client) { super(client, ${type}.class); }`, '}');
}

/** A service over the repository `repo` of beans `type`. */
function service(type: string, repo: string): string {
  return sourceLines(
    `public class ${type}Service {`,
    `  private final ${repo} items;`,
    `  public ${type}Service(${repo} items) { this.items = items; }`,
    `  public ${type} load(String id) {`,
    '    log("loading");',
    '    return items.findById(id).orElseThrow(() -> new IllegalStateException(id));',
    '  }',
    '  public void raise(String id) {',
    `    ${type} item = load(id);`,
    '    item.setLevel(item.getLevel() + 1);',
    '    items.save(item);',
    '  }',
    '  public void lower(String id) {',
    `    ${type} item = items.findById(id).get();`,
    '    item.setLevel(item.getLevel() - 1);',
    '    items.save(item);',
    '  }',
    '  public void zero(String id) {',
    `    ${type} item = this.load(id);`,
    '    item.setLevel(0);',
    '    items.save(item);',
    '  }',
    '  public void upsert(String id) {',
    `    ${type} item = items.findById(id).orElse(new ${type}());`,
    '    item.setLevel(1);',
    '    items.save(item);',
    '  }',
    '  public void maybe(String id) {',
    `    ${type} item = items.findById(id).orElse(null);`,
    '    item.setLevel(2);',
    '    items.save(item);',
    '  }',
    '  public void copy(String id) {',
    `    ${type} item = load(id);`,
    '    items.save(item);',
    '  }',
    '}',
  );
}

describe('DynamoDB: read-modify-write through inherited, Optional-wrapped and getter-read repository methods', () => {
  it('reports a service of a repository that inherits a generic base, through its getter, this.getter, orElseThrow, get and orElse(null), and not orElse(new …) or an unchanged copy', () => {
    const files = {
      'src/main/java/app/Gauge.java': bean('Gauge'),
      'src/main/java/app/TableRepository.java': BASE_REPOSITORY,
      'src/main/java/app/GaugeRepository.java': subRepository('GaugeRepository', 'Gauge'),
      'src/main/java/app/GaugeService.java': service('Gauge', 'GaugeRepository'),
    };
    assert.deepEqual(reported(files, 'src/main/java/app/GaugeService.java'), ['11:save', '16:save', '21:save', '31:save']);
  });

  it('stays silent on a bean whose base class declares the version attribute, in the workspace or the same file, and reports one whose base declares none', () => {
    const files = {
      'src/main/java/app/Versioned.java': beanBase('Versioned', true),
      'src/main/java/app/Plain.java': beanBase('Plain', false),
      'src/main/java/app/Gauge.java': bean('Gauge', 'Versioned'),
      'src/main/java/app/Meter.java': bean('Meter', 'Plain'),
      'src/main/java/app/TableRepository.java': BASE_REPOSITORY,
      'src/main/java/app/GaugeRepository.java': subRepository('GaugeRepository', 'Gauge'),
      'src/main/java/app/MeterRepository.java': subRepository('MeterRepository', 'Meter'),
      'src/main/java/app/GaugeService.java': service('Gauge', 'GaugeRepository'),
      'src/main/java/app/MeterService.java': service('Meter', 'MeterRepository'),
    };
    assert.deepEqual(reported(files, 'src/main/java/app/GaugeService.java'), []);
    assert.deepEqual(reported(files, 'src/main/java/app/MeterService.java'), ['11:save', '16:save', '21:save', '31:save']);
    const direct = (base: string): Record<string, string> => ({
      'App.java': sourceLines(
        ...IMPORTS,
        `abstract class ${base === 'Versioned' ? 'Versioned' : 'Plain'} {`,
        '  private Long version;',
        `  ${base === 'Versioned' ? '@DynamoDbVersionAttribute ' : ''}public Long getVersion() { return version; }`,
        '}',
        '@DynamoDbBean',
        `class Gauge extends ${base} {`,
        '  private String id;',
        '  private int level;',
        '  @DynamoDbPartitionKey public String getId() { return id; }',
        '  public int getLevel() { return level; }',
        '  public void setLevel(int level) { this.level = level; }',
        '}',
        'class Tuner {',
        '  private final DynamoDbTable<Gauge> table;',
        '  Tuner(DynamoDbTable<Gauge> table) { this.table = table; }',
        '  void raise(String id) {',
        '    Gauge g = table.getItem(Key.builder().partitionValue(id).build());',
        '    g.setLevel(g.getLevel() + 1);',
        '    table.putItem(g);',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(reported(direct('Versioned'), 'App.java', true), []);
    assert.deepEqual(reported(direct('Plain'), 'App.java', true), ['22:putItem']);
  });

  it('keeps the helpers of a subclass whose base the workspace declares twice, or with another number of type parameters, unknown', () => {
    const twice = {
      'src/main/java/app/Gauge.java': bean('Gauge'),
      'src/main/java/app/TableRepository.java': BASE_REPOSITORY,
      'src/main/java/other/TableRepository.java': BASE_REPOSITORY,
      'src/main/java/app/GaugeRepository.java': subRepository('GaugeRepository', 'Gauge'),
      'src/main/java/app/GaugeService.java': service('Gauge', 'GaugeRepository'),
    };
    assert.deepEqual(reported(twice, 'src/main/java/app/GaugeService.java'), []);
    const arity = {
      'src/main/java/app/Gauge.java': bean('Gauge'),
      'src/main/java/app/TableRepository.java': BASE_REPOSITORY,
      'src/main/java/app/GaugeRepository.java': sourceLines('public class GaugeRepository extends TableRepository<Gauge, String> {', '}'),
      'src/main/java/app/GaugeService.java': service('Gauge', 'GaugeRepository'),
    };
    assert.deepEqual(reported(arity, 'src/main/java/app/GaugeService.java'), []);
  });
});
