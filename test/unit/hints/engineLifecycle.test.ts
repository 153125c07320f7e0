/** The dated RDS engine lifecycle table: major versions, the build-date comparison, and the build's checks on the table. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildDate, compileEngineLifecycle, LIFECYCLE_FILE } from '../../../src/content/compiler/compileEngineLifecycle';
import { compileHintRules } from '../../../src/content/compiler/compileHintRules';
import { majorVersion, pastStandardSupport } from '../../../src/hints/engine/engineLifecycle';
import { EngineLifecycle } from '../../../src/hints/engine/types';
import { realHintRules } from './support';

const TABLE: EngineLifecycle['engines'] = {
  mysql: { '5.7': '2024-02-29', '8.0': '2026-07-31' },
  postgres: { '11': '2024-02-29', '12': '2025-02-28' },
  'aurora-mysql': { '2': '2024-10-31' },
  'aurora-postgresql': { '11': '2024-02-29' },
  redis: { '4': '2026-01-31', '5': '2026-01-31' },
};

const on = (builtOn: string): EngineLifecycle => ({ builtOn, engines: TABLE });

describe('RDS engine lifecycle', () => {
  it('reads the major version the way each engine numbers it', () => {
    assert.equal(majorVersion('mysql', '5.7.44'), '5.7');
    assert.equal(majorVersion('MySQL', '8.0.35'), '8.0');
    assert.equal(majorVersion('postgres', '11.22'), '11');
    assert.equal(majorVersion('postgres', '11.22-RDS.20240208'), '11');
    assert.equal(majorVersion('postgres', '16'), '16');
    assert.equal(majorVersion('postgres', '9.6.24'), '9.6');
    assert.equal(majorVersion('aurora-mysql', '5.7.mysql_aurora.2.11.2'), '2');
    assert.equal(majorVersion('aurora-mysql', '8.0.mysql_aurora.3.05.2'), '3');
    assert.equal(majorVersion('aurora-mysql', '8.0'), '3');
    assert.equal(majorVersion('aurora-postgresql', '12.19'), '12');
    assert.equal(majorVersion('mysql', '8'), undefined);
    assert.equal(majorVersion('postgres', 'latest'), undefined);
    assert.equal(majorVersion('sqlserver-ee', '15.00'), undefined);
    // `aurora` is Aurora MySQL version 1, whose versions all start with 5.6.
    assert.equal(majorVersion('aurora', '5.6.10a'), '1');
    assert.equal(majorVersion('aurora', '5.6.mysql_aurora.1.22.2'), '1');
    assert.equal(majorVersion('aurora', '5.7.12'), undefined);
  });

  it('reads the Redis OSS major version of an ElastiCache engine version, and nothing else', () => {
    assert.equal(majorVersion('redis', '5.0.6'), '5');
    assert.equal(majorVersion('redis', '4.0.10'), '4');
    assert.equal(majorVersion('Redis', '6.2'), '6');
    assert.equal(majorVersion('redis', '6.x'), '6');
    assert.equal(majorVersion('redis', '7.1'), '7');
    assert.equal(majorVersion('redis', 'valkey 8.0'), undefined);
    assert.equal(majorVersion('redis', '5.0.6-beta'), undefined);
    assert.equal(majorVersion('valkey', '8.0'), undefined);
    assert.equal(majorVersion('memcached', '1.4.5'), undefined);
  });

  it('finds Redis OSS 4 and 5 past standard support after 31 January 2026, never Valkey or Memcached', () => {
    assert.equal(pastStandardSupport(on('2026-01-31'), 'redis', '5.0.6'), undefined);
    assert.deepEqual(pastStandardSupport(on('2026-02-01'), 'redis', '5.0.6'), { major: '5', endOfStandardSupport: '2026-01-31' });
    assert.deepEqual(pastStandardSupport(on('2026-12-02'), 'redis', '4.0.10'), { major: '4', endOfStandardSupport: '2026-01-31' });
    assert.equal(pastStandardSupport(on('2026-12-02'), 'redis', '6.2'), undefined);
    assert.equal(pastStandardSupport(on('2026-12-02'), 'valkey', '8.0'), undefined);
    assert.equal(pastStandardSupport(on('2026-12-02'), 'memcached', '5.0.6'), undefined);
  });

  it('compares the end of standard support with the build date, not with today', () => {
    assert.deepEqual(pastStandardSupport(on('2026-12-01'), 'postgres', '11.22'), { major: '11', endOfStandardSupport: '2024-02-29' });
    assert.deepEqual(pastStandardSupport(on('2026-12-01'), 'aurora-mysql', '5.7.mysql_aurora.2.11.2'), { major: '2', endOfStandardSupport: '2024-10-31' });
    // The last day of standard support is still standard support.
    assert.equal(pastStandardSupport(on('2026-07-31'), 'mysql', '8.0.39'), undefined);
    assert.deepEqual(pastStandardSupport(on('2026-08-01'), 'mysql', '8.0.39'), { major: '8.0', endOfStandardSupport: '2026-07-31' });
    assert.equal(pastStandardSupport(on('2024-01-15'), 'postgres', '12.17'), undefined);
  });

  it('says nothing about engines and versions the table does not list', () => {
    assert.equal(pastStandardSupport(on('2030-01-01'), 'postgres', '16.4'), undefined);
    assert.equal(pastStandardSupport(on('2030-01-01'), 'mariadb', '10.4.34'), undefined);
    assert.equal(pastStandardSupport(on('2030-01-01'), 'aurora-postgresql', '12.19'), undefined);
    assert.equal(pastStandardSupport(on('2030-01-01'), 'mysql', 'x'), undefined);
  });

  it('stamps the build date, honouring SOURCE_DATE_EPOCH for reproducible builds', () => {
    assert.equal(buildDate({}, new Date('2026-12-01T23:59:00Z')), '2026-12-01');
    assert.equal(buildDate({ SOURCE_DATE_EPOCH: '1709251200' }, new Date('2026-12-01T00:00:00Z')), '2024-03-01');
    assert.equal(buildDate({ SOURCE_DATE_EPOCH: 'soon' }, new Date('2026-12-01T00:00:00Z')), '2026-12-01');
  });

  it('compiles the repository table into the engine-version rule with the build date', () => {
    const rule = realHintRules().find((candidate) => candidate.id === 'rds-engine-version-extended-support');
    const lifecycle = rule?.diagnostic?.lifecycle;
    assert.ok(lifecycle, 'the rule carries the lifecycle table');
    assert.match(lifecycle.builtOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(lifecycle.engines.postgres['11'], '2024-02-29');
    assert.equal(lifecycle.engines['aurora-mysql']['2'], '2024-10-31');
  });

  it('fires on the repository table for majors past their date on 3 December 2026, and only for listed ones', () => {
    const rule = realHintRules().find((candidate) => candidate.id === 'rds-engine-version-extended-support');
    assert.ok(rule?.diagnostic?.lifecycle, 'the rule carries the lifecycle table');
    const today: EngineLifecycle = { ...rule.diagnostic.lifecycle, builtOn: '2026-12-03' };
    assert.deepEqual(pastStandardSupport(today, 'mysql', '8.0.39'), { major: '8.0', endOfStandardSupport: '2026-07-31' });
    assert.deepEqual(pastStandardSupport(today, 'postgres', '12.22'), { major: '12', endOfStandardSupport: '2025-02-28' });
    assert.deepEqual(pastStandardSupport(today, 'aurora-mysql', '5.7.mysql_aurora.2.12.5'), { major: '2', endOfStandardSupport: '2024-10-31' });
    assert.deepEqual(pastStandardSupport(today, 'redis', '5.0.6'), { major: '5', endOfStandardSupport: '2026-01-31' });
    // PostgreSQL 9.6 ended with no Extended Support (RDS on 18 January 2022, Aurora on 31 January 2022).
    assert.deepEqual(pastStandardSupport(today, 'postgres', '9.6.9'), { major: '9.6', endOfStandardSupport: '2022-01-18', endOfLife: true });
    assert.deepEqual(pastStandardSupport(today, 'aurora-postgresql', '9.6.22'), { major: '9.6', endOfStandardSupport: '2022-01-31', endOfLife: true });
    // Redis OSS 6 leaves standard support on 31 January 2027: silent until then, reported from the day after.
    assert.equal(pastStandardSupport(today, 'redis', '6.2'), undefined);
    assert.equal(pastStandardSupport({ ...today, builtOn: '2027-01-31' }, 'redis', '6.2.6'), undefined);
    assert.deepEqual(pastStandardSupport({ ...today, builtOn: '2027-02-01' }, 'redis', '6.x'), { major: '6', endOfStandardSupport: '2027-01-31' });
    // PostgreSQL 13 left standard support on 28 February 2026 on RDS and on Aurora (both release calendars).
    assert.deepEqual(pastStandardSupport(today, 'postgres', '13.22'), { major: '13', endOfStandardSupport: '2026-02-28' });
    assert.deepEqual(pastStandardSupport(today, 'aurora-postgresql', '13.21'), { major: '13', endOfStandardSupport: '2026-02-28' });
    assert.equal(pastStandardSupport({ ...today, builtOn: '2026-02-28' }, 'postgres', '13.18'), undefined);
    // RDS for PostgreSQL 10 was deprecated on 17 April 2023, with no Extended Support after it.
    assert.deepEqual(pastStandardSupport(today, 'postgres', '10.21'), { major: '10', endOfStandardSupport: '2023-04-17', endOfLife: true });
    // Aurora MySQL version 3 keeps standard support until 30 April 2028: silent until then.
    assert.equal(pastStandardSupport(today, 'aurora-mysql', '8.0.mysql_aurora.3.10.0'), undefined);
    assert.equal(pastStandardSupport({ ...today, builtOn: '2028-04-30' }, 'aurora-mysql', '8.0.mysql_aurora.3.10.0'), undefined);
    assert.deepEqual(pastStandardSupport({ ...today, builtOn: '2028-05-01' }, 'aurora-mysql', '8.0'), { major: '3', endOfStandardSupport: '2028-04-30' });
    // Majors whose AWS dates were not confirmed are not listed, so they stay silent whatever the date.
    for (const [engine, version] of [['aurora-postgresql', '10.21'], ['postgres', '14.12'], ['mysql', '8.4.6'], ['aurora-mysql', '8.4.7'], ['redis', '7.1']]) {
      assert.equal(pastStandardSupport({ ...today, builtOn: '2030-01-01' }, engine, version), undefined, `${engine} ${version}`);
    }
  });

  it('compiles the same table into the ElastiCache engine-version rule', () => {
    const rule = realHintRules().find((candidate) => candidate.id === 'elasticache-engine-version-extended-support');
    assert.deepEqual(rule?.diagnostic?.lifecycle?.engines.redis, { '2': '2023-01-13', '3': '2023-07-31', '4': '2026-01-31', '5': '2026-01-31', '6': '2027-01-31' });
    assert.deepEqual(rule?.diagnostic?.lifecycle?.endOfLife, { postgres: ['10', '9.6'], aurora: ['1'], 'aurora-postgresql': ['9.6'], redis: ['2', '3'] });
    assert.ok(rule?.diagnostic?.endOfLifeMessage, 'the ElastiCache rule says what end of life means');
  });

  it('marks a major listed with its end of life, and only that one', () => {
    const lifecycle: EngineLifecycle = { builtOn: '2026-12-01', engines: { redis: { '3': '2023-07-31', '5': '2026-01-31' } }, endOfLife: { redis: ['3'] } };
    assert.deepEqual(pastStandardSupport(lifecycle, 'redis', '3.2.10'), { major: '3', endOfStandardSupport: '2023-07-31', endOfLife: true });
    assert.deepEqual(pastStandardSupport(lifecycle, 'redis', '5.0.6'), { major: '5', endOfStandardSupport: '2026-01-31' });
    assert.equal(pastStandardSupport({ ...lifecycle, builtOn: '2023-07-31' }, 'redis', '3.2.10'), undefined);
  });
});

describe('Dated hover texts', () => {
  it('speaks of Performance Insights console end of life (31 July 2026) as past, with its AWS source', () => {
    const hover = realHintRules().find((candidate) => candidate.id === 'rds-performance-insights')?.hover ?? '';
    assert.match(hover, /reached end of life on\s+31 July 2026/);
    assert.doesNotMatch(hover, /reaches end of life/);
    assert.ok(hover.includes('https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_PerfInsights.Enabling.html'), hover);
  });
});

describe('RDS engine lifecycle table validation', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-lifecycle-'));
    fs.mkdirSync(path.join(root, 'hints'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (yaml: string): void => fs.writeFileSync(path.join(root, 'hints', LIFECYCLE_FILE), yaml);
  const entry = (date: string, source = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html') =>
    `verified: "2026-12-01"\nengines:\n  postgres:\n    "11":\n      endOfStandardSupport: "${date}"\n      source: ${source}\n`;

  it('accepts a well-formed table', () => {
    write(entry('2024-02-29'));
    assert.deepEqual(compileEngineLifecycle(root, '2026-12-01'), { lifecycle: { builtOn: '2026-12-01', engines: { postgres: { '11': '2024-02-29' } } }, errors: [] });
  });

  it('accepts an end of life in place of an end of standard support, never both', () => {
    write(entry('2023-07-31').replace('postgres:', 'redis:').replace('"11"', '"3"').replace('endOfStandardSupport', 'endOfLife'));
    assert.deepEqual(compileEngineLifecycle(root, '2026-12-01'), {
      lifecycle: { builtOn: '2026-12-01', engines: { redis: { '3': '2023-07-31' } }, endOfLife: { redis: ['3'] } },
      errors: [],
    });
    write(entry('2023-07-31').replace('      source:', '      endOfLife: "2023-07-31"\n      source:'));
    assert.match(compileEngineLifecycle(root, '2026-12-01').errors.join('\n'), /postgres 11: give either 'endOfStandardSupport' or 'endOfLife', not both/);
    write(entry('2023-07-31').replace('endOfStandardSupport', 'endOfLife').replace('2023-07-31', '2023-07-32'));
    assert.match(compileEngineLifecycle(root, '2026-12-01').errors.join('\n'), /postgres 11: 'endOfLife' must be a YYYY-MM-DD string/);
  });

  it('rejects impossible dates, sources that are not AWS pages and unknown engines', () => {
    write(entry('2024-02-30'));
    assert.match(compileEngineLifecycle(root, '2026-12-01').errors.join('\n'), /postgres 11: 'endOfStandardSupport' must be a YYYY-MM-DD string/);
    write(entry('2024-02-29', 'https://example.com/blog'));
    assert.match(compileEngineLifecycle(root, '2026-12-01').errors.join('\n'), /postgres 11: 'source' must be an AWS page/);
    write(entry('2024-02-29').replace('postgres:', 'oracle-ee:'));
    assert.match(compileEngineLifecycle(root, '2026-12-01').errors.join('\n'), /engine 'oracle-ee' is not one of/);
  });

  it('is not read as a rule file, and a rule that needs it fails the build without it', () => {
    write(entry('2024-02-29'));
    const rule = `- id: rds-engine-version-extended-support
  service: rds
  title: EngineVersion
  languages: [python]
  match:
    options: [EngineVersion]
    in: [rds:CreateDBInstance]
  hover: Extended Support.
  examples:
    python: rds.create_db_instance(EngineVersion="16", EngineLifecycleSupport="open-source-rds-extended-support-disabled")
  doc: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html
  note: rds-maintenance
  diagnostic:
    check: engine-version-past-standard-support
    severity: warning
    message: Past standard support.
`;
    fs.writeFileSync(path.join(root, 'hints', 'rds.yaml'), rule);
    const notes = [{ id: 'rds-maintenance', title: 'Maintenance' }];
    const compiled = compileHintRules(root, notes, '2026-12-01');
    assert.deepEqual(compiled.errors, []);
    assert.equal(compiled.rules[0].diagnostic?.lifecycle?.builtOn, '2026-12-01');
    fs.rmSync(path.join(root, 'hints', LIFECYCLE_FILE));
    assert.match(compileHintRules(root, notes, '2026-12-01').errors.map((error) => error.message).join('\n'), /needs rds-engine-lifecycle\.yaml/);
  });
});
