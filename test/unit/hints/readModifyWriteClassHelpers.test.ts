/**
 * `dynamodb-read-modify-write` in Java and C# through repository classes (`code/languages/classItemHelpers.ts`,
 * `classItemHelperCalls.ts`): a service that gets an object from a repository method, changes it and hands it to the
 * repository's save, the repository held in a field or parameter by its class or an interface one class implements.
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

/** An enhanced-client bean, with a version attribute when `versioned`. */
function bean(name: string, versioned: boolean): string[] {
  return [
    '@DynamoDbBean',
    `class ${name} {`,
    '  private String id;',
    '  private int count;',
    '  @DynamoDbPartitionKey public String getId() { return id; }',
    '  public int getCount() { return count; }',
    '  public void setCount(int count) { this.count = count; }',
    ...(versioned ? ['  private Long version;', '  @DynamoDbVersionAttribute public Long getVersion() { return version; }'] : []),
    '}',
  ];
}

/** A repository of `type` on the enhanced client: `find` returns the bean read (through a local when `local`), `save` puts its parameter. */
function repository(name: string, type: string, local = false): string[] {
  return [
    `class ${name} {`,
    `  private final DynamoDbTable<${type}> table;`,
    `  ${name}(DynamoDbEnhancedClient client) { this.table = client.table("t", TableSchema.fromBean(${type}.class)); }`,
    ...(local
      ? [`  public ${type} find(String id) {`, `    ${type} found = table.getItem(Key.builder().partitionValue(id).build());`, '    return found;', '  }']
      : [`  public ${type} find(String id) { return table.getItem(Key.builder().partitionValue(id).build()); }`]),
    `  public void save(${type} item) { table.putItem(item); }`,
    '}',
  ];
}

const JAVA_IMPORTS = ['import software.amazon.awssdk.enhanced.dynamodb.*;', 'import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;'];

const JAVA_SERVICE = [
  'class CounterService {',
  '  private final CounterRepository counters;',
  '  @Autowired',
  '  private GaugeRepository gauges;',
  '  CounterService(CounterRepository counters) { this.counters = counters; }',
  '  void bump(String id) {',
  '    Counter c = counters.find(id);',
  '    c.setCount(c.getCount() + 1);',
  '    this.counters.save(c);',
  '  }',
  '  void nudge(String id) {',
  '    Gauge g = gauges.find(id);',
  '    g.setCount(g.getCount() + 1);',
  '    gauges.save(g);',
  '  }',
  '  void copy(String id) {',
  '    Counter c = counters.find(id);',
  '    counters.save(c);',
  '  }',
  '  void reset(String id) {',
  '    Counter c = new Counter();',
  '    c.setCount(0);',
  '    counters.save(c);',
  '  }',
  '}',
];

describe('DynamoDB: read-modify-write in Java and C# through repository classes', () => {
  it('reports a Java service that changes what an injected repository read and saves it back, and not a versioned bean, an unchanged copy or a fresh bean', () => {
    const files = {
      'src/main/java/app/Counter.java': sourceLines(...JAVA_IMPORTS, ...bean('Counter', false)),
      'src/main/java/app/Gauge.java': sourceLines(...JAVA_IMPORTS, ...bean('Gauge', true)),
      'src/main/java/app/CounterRepository.java': sourceLines(...JAVA_IMPORTS, ...repository('CounterRepository', 'Counter')),
      'src/main/java/app/GaugeRepository.java': sourceLines(...JAVA_IMPORTS, ...repository('GaugeRepository', 'Gauge', true)),
      'src/main/java/app/CounterService.java': sourceLines(...JAVA_SERVICE),
    };
    assert.deepEqual(reported(files, 'src/main/java/app/CounterService.java'), ['9:save']);
  });

  it('reads a repository of the same file without the workspace, one that returns a local, and stays silent on a bean no file declares', () => {
    const own = { 'App.java': sourceLines(...JAVA_IMPORTS, ...bean('Counter', false), ...repository('CounterRepository', 'Counter', true), ...JAVA_SERVICE) };
    assert.deepEqual(reported(own, 'App.java', true), [`${2 + 8 + 9 + 9}:save`]);
    const unseen = { 'App.java': sourceLines(...JAVA_IMPORTS, ...repository('CounterRepository', 'Counter'), ...JAVA_SERVICE) };
    assert.deepEqual(reported(unseen, 'App.java', true), []);
  });

  it('reads a DynamoDBMapper repository (load, save), and not one of a class with @DynamoDBVersionAttribute', () => {
    const entity = (name: string, versioned: boolean): string =>
      sourceLines('import com.amazonaws.services.dynamodbv2.datamodeling.*;', `@DynamoDBTable(tableName = "${name}s")`, `public class ${name} {`, '  private String id;', '  private String state;', '  @DynamoDBHashKey public String getId() { return id; }', '  public void setState(String state) { this.state = state; }', ...(versioned ? ['  private Long version;', '  @DynamoDBVersionAttribute public Long getVersion() { return version; }'] : []), '}');
    const store = (name: string, type: string): string =>
      sourceLines('import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;', `public class ${name} {`, '  private final DynamoDBMapper mapper;', `  public ${name}(DynamoDBMapper mapper) { this.mapper = mapper; }`, `  public ${type} byId(String id) { return mapper.load(${type}.class, id); }`, `  public void keep(${type} value) { mapper.save(value); }`, '}');
    const files = {
      'src/main/java/app/Ticket.java': entity('Ticket', false),
      'src/main/java/app/Lease.java': entity('Lease', true),
      'src/main/java/app/TicketStore.java': store('TicketStore', 'Ticket'),
      'src/main/java/app/LeaseStore.java': store('LeaseStore', 'Lease'),
      'src/main/java/app/Desk.java': sourceLines(
        'public class Desk {',
        '  @Autowired private TicketStore tickets;',
        '  @Autowired private LeaseStore leases;',
        '  public void close(String id) {',
        '    Ticket t = tickets.byId(id);',
        '    t.setState("closed");',
        '    tickets.keep(t);',
        '  }',
        '  public void end(String id) {',
        '    Lease l = leases.byId(id);',
        '    l.setState("ended");',
        '    leases.keep(l);',
        '  }',
        '}',
      ),
    };
    assert.deepEqual(reported(files, 'src/main/java/app/Desk.java'), ['7:keep']);
  });

  it('reports a C# service holding the repository by the interface one class implements, and not a [DynamoDBVersion] class or an interface two classes implement', () => {
    const model = (name: string, versioned: boolean): string =>
      sourceLines('using Amazon.DynamoDBv2.DataModel;', `[DynamoDBTable("${name}s")]`, `public class ${name}`, '{', '    [DynamoDBHashKey] public string Id { get; set; } = "";', '    public int Count { get; set; }', ...(versioned ? ['    [DynamoDBVersion] public int? Version { get; set; }'] : []), '}');
    const repo = (name: string, type: string, contract: string): string =>
      sourceLines(
        'using Amazon.DynamoDBv2.DataModel;',
        `public class ${name} : ${contract}`,
        '{',
        '    private readonly IDynamoDBContext _context;',
        `    public ${name}(IDynamoDBContext context) => _context = context;`,
        `    public Task<${type}?> GetAsync(string id) => _context.LoadAsync<${type}?>(id);`,
        `    public async Task SaveAsync(${type} item) { await _context.SaveAsync(item); }`,
        '}',
      );
    const service = sourceLines(
      'public class Tally',
      '{',
      '    private readonly ICounterStore _counters;',
      '    private readonly IGaugeStore _gauges;',
      '    private readonly IMeterStore _meters;',
      '    public Tally(ICounterStore counters, IGaugeStore gauges, IMeterStore meters) { _counters = counters; _gauges = gauges; _meters = meters; }',
      '    public async Task BumpAsync(string id)',
      '    {',
      '        var counter = await _counters.GetAsync(id);',
      '        if (counter is null) return;',
      '        counter.Count += 1;',
      '        await _counters.SaveAsync(counter);',
      '    }',
      '    public async Task NudgeAsync(string id)',
      '    {',
      '        var gauge = await _gauges.GetAsync(id);',
      '        gauge.Count += 1;',
      '        await _gauges.SaveAsync(gauge);',
      '    }',
      '    public async Task TickAsync(string id)',
      '    {',
      '        var meter = await _meters.GetAsync(id);',
      '        meter.Count += 1;',
      '        await _meters.SaveAsync(meter);',
      '    }',
      '}',
    );
    const files = {
      'Models/Counter.cs': model('Counter', false),
      'Models/Gauge.cs': model('Gauge', true),
      'Models/Meter.cs': model('Meter', false),
      'Data/CounterStore.cs': repo('CounterStore', 'Counter', 'ICounterStore'),
      'Data/GaugeStore.cs': repo('GaugeStore', 'Gauge', 'IGaugeStore'),
      'Data/MeterStore.cs': repo('MeterStore', 'Meter', 'IMeterStore'),
      'Data/LegacyMeterStore.cs': repo('LegacyMeterStore', 'Meter', 'IMeterStore'),
      'Services/Tally.cs': service,
    };
    assert.deepEqual(reported(files, 'Services/Tally.cs'), ['12:SaveAsync']);
  });
});
