/** The aws-db-hints command line: formats, exit codes, .gitignore, skipped files, --rule and --list-hovers. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliEntry, CliIo, runCli } from '../../../src/cli/cli';
import { jsonSafe } from '../../../src/cli/escape';
import { assembleOutput, formatEntries, OutputWriter } from '../../../src/cli/output';
import { HintRule } from '../../../src/hints/engine/types';
import { realHintRules } from './support';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function runWith(cwd: string, argv: string[], extra: Partial<CliIo> = {}, rules: readonly HintRule[] = realHintRules()): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd, ...extra }, rules);
  return { code, stdout, stderr };
}

function run(cwd: string, ...argv: string[]): Promise<Run> {
  return runWith(cwd, argv);
}

/** A clock that moves `step` milliseconds each time it is read: the analysis time no longer depends on the machine. */
function steppingClock(step: number): () => number {
  let now = 0;
  return () => (now += step);
}

describe('aws-db-hints', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-cli-'));
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    fs.mkdirSync(path.join(root, '.git'));
    write('.gitignore', 'generated/\n*.log\n');
    write('infra/main.tf', 'resource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  publicly_accessible = true\n  multi_az            = false\n}\n');
    write('src/cache.py', 'import redis\nr = redis.Redis()\nprint(r.keys("*"))\n');
    write('generated/cache.py', 'import redis\nr = redis.Redis()\nprint(r.keys("*"))\n');
    write('vendor/app.min.js', 'var a=1;');
    write('src/blob.ts', 'PK\u0000\u0003binary');
    write('src/readme.txt', 'redis.keys("*")');
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('prints file:line:col severity rule-id message and exits 1 on a warning', async () => {
    const result = await run(root);
    assert.equal(result.code, 1);
    assert.deepEqual(
      result.stdout.trim().split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')),
      ['infra/main.tf:1:28 information rds-deletion-protection', 'infra/main.tf:3:3 warning rds-publicly-accessible', 'infra/main.tf:4:3 information rds-multi-az', 'src/cache.py:3:9 warning redis-keys'],
    );
  });

  it('respects .gitignore and says on stderr which files it skipped', async () => {
    const result = await run(root);
    assert.ok(!result.stdout.includes('generated/'), 'ignored folder is not checked');
    assert.match(result.stderr, /skipped vendor\/app\.min\.js: minified/);
    assert.match(result.stderr, /skipped src\/blob\.ts: binary/);
    assert.ok(!result.stderr.includes('readme.txt'), 'files of other types are not mentioned');
  });

  it('leaves out the Python packages pip installed beside a Lambda function, as their install records list them', async () => {
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    const keys = 'import redis\nr = redis.Redis()\nprint(r.keys("*"))\n';
    write('lambda/handler.py', keys);
    write('lambda/rediscluster/client.py', keys);
    write('lambda/six.py', keys);
    write('lambda/redis_py_cluster-2.1.3.dist-info/RECORD', 'rediscluster/__init__.py,sha256=x,10\nrediscluster/client.py,sha256=y,20\nredis_py_cluster-2.1.3.dist-info/RECORD,,\n');
    write('lambda/six-1.16.0.dist-info/RECORD', 'six.py,sha256=z,30\n__pycache__/six.cpython-312.pyc,,\n../../bin/tool,sha256=w,5\n');
    write('lambda/helpers/cache.py', keys);
    const result = await run(root);
    const files = new Set(result.stdout.trim().split('\n').map((line) => line.split(':')[0]));
    assert.ok(files.has('lambda/handler.py') && files.has('lambda/helpers/cache.py'), result.stdout);
    assert.ok(!files.has('lambda/rediscluster/client.py') && !files.has('lambda/six.py'), result.stdout);
    assert.match(result.stderr, /2 Python package\(s\) that pip installed beside the code/);
  });

  it('leaves out Maven and Gradle build output beside their build files, not a folder of the same name elsewhere', async () => {
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    const keys = 'import redis\nr = redis.Redis()\nprint(r.keys("*"))\n';
    write('orders/pom.xml', '<project/>');
    write('orders/src/main/resources/tools/sweep.py', keys);
    write('orders/target/classes/tools/sweep.py', keys);
    write('billing/build.gradle.kts', 'plugins {}');
    write('billing/build/resources/main/sweep.py', keys);
    // A folder named `target` with no build file beside it is the project's own.
    write('scripts/target/sweep.py', keys);
    const result = await run(root);
    const files = new Set(result.stdout.trim().split('\n').map((line) => line.split(':')[0]));
    assert.ok(files.has('orders/src/main/resources/tools/sweep.py') && files.has('scripts/target/sweep.py'), result.stdout);
    assert.ok(!files.has('orders/target/classes/tools/sweep.py') && !files.has('billing/build/resources/main/sweep.py'), result.stdout);
    assert.match(result.stderr, /2 build output folder\(s\) beside a pom\.xml or build\.gradle/);
  });

  it('writes stable JSON with 1-based positions', async () => {
    const result = await run(root, 'infra', '--format', 'json');
    const entries = JSON.parse(result.stdout) as CliEntry[];
    // The first entry is the instance's deletion protection, left out (line 1).
    assert.deepEqual(entries[1], {
      file: 'infra/main.tf',
      line: 3,
      column: 3,
      endLine: 3,
      endColumn: 22,
      ruleId: 'rds-publicly-accessible',
      severity: 'warning',
      message: entries[1].message,
      service: 'rds',
    });
    assert.match(entries[1].message, /publicly accessible/);
  });

  it('writes SARIF 2.1.0 with rule metadata and locations', async () => {
    const sarif = JSON.parse((await run(root, '--format=sarif')).stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runEntry] = sarif.runs;
    assert.equal(runEntry.tool.driver.name, 'aws-db-hints');
    assert.deepEqual(runEntry.tool.driver.rules.map((rule: { id: string }) => rule.id).sort(), ['rds-deletion-protection', 'rds-multi-az', 'rds-publicly-accessible', 'redis-keys']);
    const multiAz = runEntry.results.find((result: { ruleId: string }) => result.ruleId === 'rds-multi-az');
    assert.equal(multiAz.level, 'note');
    assert.deepEqual(multiAz.locations[0].physicalLocation.region, { startLine: 4, startColumn: 3, endLine: 4, endColumn: 11 });
  });

  it('uses --fail-on for the exit code and --rule to pick rules', async () => {
    assert.equal((await run(root, '--fail-on', 'error')).code, 0);
    assert.equal((await run(root, '--rule', 'rds-multi-az')).code, 0);
    assert.equal((await run(root, '--rule', 'rds-multi-az', '--fail-on', 'information')).code, 1);
    const picked = await run(root, '--rule', 'redis-keys,rds-multi-az');
    assert.deepEqual(picked.stdout.trim().split('\n').map((line) => line.split(' ')[2]), ['rds-multi-az', 'redis-keys']);
  });

  it('exits 2 on bad usage', async () => {
    assert.equal((await run(root, '--format', 'xml')).code, 2);
    assert.equal((await run(root, '--fail-on', 'fatal')).code, 2);
    assert.equal((await run(root, '--rule', 'no-such-rule')).code, 2);
    assert.equal((await run(root, '--colour')).code, 2);
    const missing = await run(root, 'nowhere');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: nowhere/);
  });

  it('lists every hover location with --list-hovers and exits 0', async () => {
    const result = await run(root, '--list-hovers', '--format', 'json');
    assert.equal(result.code, 0);
    const entries = JSON.parse(result.stdout) as CliEntry[];
    assert.deepEqual(
      entries.map((entry) => `${entry.file}:${entry.line}:${entry.column} ${entry.ruleId} ${entry.severity}`),
      [
        'infra/main.tf:2:3 rds-storage-encrypted hint',
        'infra/main.tf:3:3 rds-publicly-accessible hint',
        'infra/main.tf:4:3 rds-multi-az hint',
        'src/cache.py:3:9 redis-keys hint',
      ],
    );
  });

  it('skips a file past its time budget, says so on stderr, and honours --time-budget-ms', async () => {
    // Each reading of the clock takes 10 ms: any analysis is past a 5 ms budget at its first check.
    const slow = await runWith(root, ['src/cache.py', '--time-budget-ms', '5'], { now: steppingClock(10) });
    assert.equal(slow.code, 0);
    assert.equal(slow.stdout, '');
    assert.match(slow.stderr, /^skipped src\/cache\.py: time-budget \(analysis took longer than its 5 ms budget\)$/m);
    const roomy = await runWith(root, ['src/cache.py', '--time-budget-ms', '100000'], { now: steppingClock(10) });
    assert.equal(roomy.code, 1);
    assert.match(roomy.stdout, /^src\/cache\.py:3:9 warning redis-keys/);
  });

  it('exits 3 on an internal error, with one line and the stack only with --debug', async () => {
    const broken = realHintRules().map((rule) => (rule.id === 'redis-keys' ? { ...rule, diagnostic: { ...rule.diagnostic!, check: 'no-such-check' as never } } : rule));
    const plain = await runWith(root, ['src/cache.py'], {}, broken);
    assert.equal(plain.code, 3);
    assert.match(plain.stderr, /^skipped src\/cache\.py: internal error in the analyser: /m);
    assert.match(plain.stderr, /run with --debug for the stack/);
    assert.ok(!plain.stderr.includes('    at '), 'no stack without --debug');
    const debug = await runWith(root, ['src/cache.py', '--debug'], {}, broken);
    assert.equal(debug.code, 3);
    assert.match(debug.stderr, /\n +at /);
  });

  it('checks a file named on the command line even if .gitignore lists it', async () => {
    const result = await run(root, 'generated/cache.py');
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^generated\/cache\.py:3:9 warning redis-keys/);
  });
});

describe('aws-db-hints output put together from each file’s piece', () => {
  const entry = (file: string, ruleId: string, message: string): CliEntry => ({ file, line: 3, column: 9, endLine: 3, endColumn: 20, ruleId, severity: 'warning', message, service: 'elasticache' });
  const files = [[entry('a.py', 'redis-keys', 'KEYS blocks\u2028the server'), entry('a.py', 'rds-multi-az', 'one "AZ"')], [], [entry('dir/b c.py', 'redis-keys', 'again')]];
  const rules = realHintRules();

  it('writes the same JSON as formatting every entry at once', () => {
    const pieces = files.map((entries) => formatEntries(entries, 'json', '/work'));
    assert.equal(assembleOutput('json', pieces, new Set(), rules, '/work'), `${jsonSafe(JSON.stringify(files.flat(), null, 2))}\n`);
    assert.equal(assembleOutput('json', [formatEntries([], 'json', '/work')], new Set(), rules, '/work'), '[]\n');
  });

  it('writes SARIF laid out as one JSON.stringify of the document, with the used rules', () => {
    const pieces = files.map((entries) => formatEntries(entries, 'sarif', '/work'));
    for (const sarif of [assembleOutput('sarif', pieces, new Set(['redis-keys', 'rds-multi-az']), rules, '/work'), assembleOutput('sarif', [], new Set(), rules, '/work')]) {
      const document = JSON.parse(sarif);
      assert.equal(sarif, `${jsonSafe(JSON.stringify(document, null, 2))}\n`);
    }
    const [run] = JSON.parse(assembleOutput('sarif', pieces, new Set(['redis-keys', 'rds-multi-az']), rules, '/work')).runs;
    assert.deepEqual(run.results.map((result: { message: { text: string } }) => result.message.text), ['KEYS blocks\u2028the server', 'one "AZ"', 'again']);
    assert.deepEqual(run.tool.driver.rules.map((rule: { id: string }) => rule.id).sort(), ['rds-multi-az', 'redis-keys']);
    assert.equal(run.results[2].locations[0].physicalLocation.artifactLocation.uri, 'dir/b%20c.py');
  });

  it('writes text and JSON while the pieces arrive, in few writes, and SARIF once at the end', () => {
    // 2,000 files of two findings: about 800 KB of JSON.
    const many = Array.from({ length: 2000 }, (_, i) => [entry(`src/f${i}.py`, 'redis-keys', 'KEYS blocks the server'), entry(`src/f${i}.py`, 'rds-multi-az', 'one AZ')]);
    for (const format of ['json', 'text', 'sarif'] as const) {
      const writes: string[] = [];
      const writer = new OutputWriter(format, (text) => writes.push(text));
      many.forEach((entries) => writer.add(formatEntries(entries, format, '/work')));
      const beforeFinish = writes.length;
      writer.finish(new Set(['redis-keys', 'rds-multi-az']), rules, '/work');
      if (format === 'sarif') {
        assert.equal(beforeFinish, 0, 'SARIF names its rules before the results: nothing is written before the end');
        assert.equal(writes.length, 1);
      } else {
        assert.ok(beforeFinish > 1, `${format}: written while the files arrive (${beforeFinish} writes)`);
        assert.ok(writes.length < 40, `${format}: gathered into few writes (${writes.length})`);
      }
      const pieces = many.map((entries) => formatEntries(entries, format, '/work'));
      assert.equal(writes.join(''), assembleOutput(format, pieces, new Set(['redis-keys', 'rds-multi-az']), rules, '/work'));
    }
    const json: string[] = [];
    const writer = new OutputWriter('json', (text) => json.push(text));
    many.forEach((entries) => writer.add(formatEntries(entries, 'json', '/work')));
    writer.finish(new Set(), rules, '/work');
    assert.deepEqual(JSON.parse(json.join('')), many.flat());
  });

  it('writes nothing for text without entries, and an empty array for JSON', () => {
    for (const [format, expected] of [['text', []], ['json', ['[]\n']]] as const) {
      const writes: string[] = [];
      const writer = new OutputWriter(format, (text) => writes.push(text));
      writer.add('');
      writer.add(formatEntries([], format, '/work'));
      writer.finish(new Set(), rules, '/work');
      assert.deepEqual(writes, expected);
    }
  });
});
