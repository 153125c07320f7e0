/**
 * The built aws-db-hints CLI on hostile trees, spawned as CI would run it: file names that try to
 * inject CI log lines, FIFOs, devices, symlinks that leave the tree or loop, unreadable folders
 * (with privileges dropped, since the tests run as root), SARIF URIs, and the exit codes.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, spawnBuiltCli } from './builtCli';

const KEYS_PY = 'import redis\nr = redis.Redis()\nprint(r.keys("*"))\n';

/** No line of the output may start a GitHub Actions / Azure Pipelines command, nor carry an escape character. */
function assertSafeLog(text: string): void {
  for (const line of text.split('\n')) {
    assert.ok(!/^\s*(?:::|##)/.test(line), `a line could be read as a CI command: ${JSON.stringify(line)}`);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(line), `a raw control character reached the log: ${JSON.stringify(line)}`);
  }
}

describe('aws-db-hints on hostile trees (built CLI)', function () {
  this.timeout(60_000);
  let root: string;

  before(() => {
    execFileSync(process.execPath, ['esbuild.mjs', '--cli'], { cwd: ROOT, stdio: 'pipe' });
  });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-hostile-'));
    fs.chmodSync(root, 0o755);
    fs.mkdirSync(path.join(root, '.git'));
  });

  afterEach(() => {
    for (const dir of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (dir.isDirectory()) {
        fs.chmodSync(path.join(dir.parentPath, dir.name), 0o755);
      }
    }
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('escapes file names that carry a workflow command, ANSI escapes or a newline', () => {
    const names = ['x\n::error file=README.md,line=1::x.py', '::warning::y.py', '  ##[error]z.py', '\u001b[31mred\u001b[0m.py', 'bidi\u202eyp.py'];
    for (const name of names) {
      fs.writeFileSync(path.join(root, name), KEYS_PY);
    }
    fs.writeFileSync(path.join(root, '\n::error::skipped.min.js'), 'x');
    const result = spawnBuiltCli(root, []);
    assert.equal(result.code, 1);
    assertSafeLog(result.stdout);
    assertSafeLog(result.stderr);
    assert.equal(result.stdout.trim().split('\n').length, names.length);
    assert.ok(result.stdout.includes('x\\n::error file=README.md,line=1::x.py:3:9 warning redis-keys'));
    assert.ok(result.stdout.includes('\\x3a:warning::y.py:3:9'));
    assert.ok(result.stdout.includes('\\x20\\x20\\x23#[error]z.py:3:9'));
    assert.ok(result.stdout.includes('\\x1b[31mred\\x1b[0m.py:3:9'));
    assert.ok(result.stdout.includes('bidi\\u202eyp.py:3:9'));
    assert.match(result.stderr, /skipped \\n::error::skipped\.min\.js: minified/);
  });

  it('writes SARIF with percent-encoded URIs relative to SRCROOT', () => {
    fs.writeFileSync(path.join(root, 'a b#c%.py'), KEYS_PY);
    fs.mkdirSync(path.join(root, 'dir ?'));
    fs.writeFileSync(path.join(root, 'dir ?', 'é.py'), KEYS_PY);
    const sarif = JSON.parse(spawnBuiltCli(root, ['--format', 'sarif']).stdout);
    const [run] = sarif.runs;
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, `file://${root}/`);
    assert.deepEqual(
      run.results.map((result: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => result.locations[0].physicalLocation.artifactLocation),
      [
        { uri: 'a%20b%23c%25.py', uriBaseId: 'SRCROOT' },
        { uri: 'dir%20%3F/%C3%A9.py', uriBaseId: 'SRCROOT' },
      ],
    );
    const resolved = new URL(run.results[0].locations[0].physicalLocation.artifactLocation.uri, run.originalUriBaseIds.SRCROOT.uri);
    assert.equal(decodeURIComponent(resolved.pathname), path.join(root, 'a b#c%.py'));
  });

  it('does not hang on a FIFO, named on the command line or met in a walk, and names it', () => {
    execFileSync('mkfifo', [path.join(root, 'pipe.py')]);
    fs.writeFileSync(path.join(root, 'real.py'), KEYS_PY);
    const named = spawnBuiltCli(root, ['pipe.py'], { timeoutMs: 10_000 });
    assert.equal(named.code, 0);
    assert.match(named.stderr, /skipped pipe\.py: a FIFO/);
    const walked = spawnBuiltCli(root, ['.'], { timeoutMs: 10_000 });
    assert.equal(walked.code, 1);
    assert.match(walked.stderr, /skipped pipe\.py: a FIFO/);
    assert.match(walked.stdout, /^real\.py:3:9 warning redis-keys/);
  });

  it('skips devices, named or reached through a link', () => {
    fs.symlinkSync('/dev/null', path.join(root, 'null.py'));
    const named = spawnBuiltCli(root, ['/dev/null']);
    assert.match(named.stderr, /skipped .*null: a device/);
    const walked = spawnBuiltCli(root, []);
    assert.match(walked.stderr, /skipped null\.py: a symlink that leaves the folder/);
  });

  it('reads symlinks inside the tree once, and names links that leave it, dangle or loop', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'secret.py'), KEYS_PY);
      fs.mkdirSync(path.join(root, 'src'));
      fs.writeFileSync(path.join(root, 'src/real.py'), KEYS_PY);
      fs.symlinkSync('real.py', path.join(root, 'src/alias.py'));
      fs.symlinkSync(path.join(outside, 'secret.py'), path.join(root, 'src/escape.py'));
      fs.symlinkSync(outside, path.join(root, 'src/outside-dir'));
      fs.symlinkSync('missing.py', path.join(root, 'src/dangling.py'));
      fs.symlinkSync('loop-b.py', path.join(root, 'src/loop-a.py'));
      fs.symlinkSync('loop-a.py', path.join(root, 'src/loop-b.py'));
      fs.symlinkSync('..', path.join(root, 'src/parent'));
      const result = spawnBuiltCli(root, []);
      assert.deepEqual(result.stdout.trim().split('\n').map((line) => line.split(':')[0]), ['src/alias.py']);
      assert.match(result.stderr, /skipped src\/escape\.py: a symlink that leaves the folder being checked/);
      assert.match(result.stderr, /skipped src\/dangling\.py: a broken symlink/);
      assert.match(result.stderr, /skipped src\/loop-a\.py: a symlink loop/);
      assert.match(result.stderr, /skipped src\/loop-b\.py: a symlink loop/);
      assert.ok(!result.stdout.includes('secret'));
      const named = spawnBuiltCli(root, ['src/loop-a.py']);
      assert.equal(named.code, 0);
      assert.match(named.stderr, /skipped src\/loop-a\.py: a symlink loop/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('names unreadable folders and files (run as nobody: root reads everything)', () => {
    fs.mkdirSync(path.join(root, 'locked'));
    fs.writeFileSync(path.join(root, 'locked/hidden.py'), KEYS_PY);
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    fs.writeFileSync(path.join(root, 'private.py'), KEYS_PY);
    fs.chmodSync(path.join(root, 'private.py'), 0o000);
    fs.writeFileSync(path.join(root, 'open.py'), KEYS_PY);
    fs.chmodSync(path.join(root, 'open.py'), 0o644);
    const result = spawnBuiltCli(root, [], { asNobody: true });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /skipped locked: the folder cannot be read \(permission denied\); none of its files were checked/);
    assert.match(result.stderr, /skipped private\.py: cannot be read \(permission denied\)/);
    assert.match(result.stdout, /^open\.py:3:9 warning redis-keys/);
  });

  it('sums up ignored folders in one line', () => {
    fs.writeFileSync(path.join(root, '.gitignore'), 'build/\n*.gen.py\n');
    for (const dir of ['node_modules/a', 'node_modules/b', 'build', 'cdk.out', 'service/.serverless']) {
      fs.mkdirSync(path.join(root, dir), { recursive: true });
      fs.writeFileSync(path.join(root, dir, 'x.py'), KEYS_PY);
    }
    fs.writeFileSync(path.join(root, 'x.gen.py'), KEYS_PY);
    const result = spawnBuiltCli(root, []);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trim().split('\n');
    assert.deepEqual(lines, ['aws-db-hints: ignored 4 folder(s) never checked (dependencies, version control, build output, editor history); 1 folder(s) and 1 file(s) matched by .gitignore']);
  });

  it('stops quietly when the reader of its output goes away (`aws-db-hints . | head`)', () => {
    // Enough findings for a few hundred KB of JSON: more than a pipe holds, so writes go on after the reader left.
    for (let i = 0; i < 300; i++) {
      fs.writeFileSync(path.join(root, `cache_${i}.py`), KEYS_PY.repeat(4));
    }
    const script = `"${process.execPath}" "${path.join(ROOT, 'packages/cli/dist/cli.js')}" . --format json 2>stderr.txt | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`;
    const status = execFileSync('bash', ['-c', script], { cwd: root, encoding: 'utf8' }).trim();
    // 1 when the run had finished (it found KEYS), 0 when the closed pipe stopped it first; never a crash.
    assert.match(status, /^[01]$/);
    const stderr = fs.readFileSync(path.join(root, 'stderr.txt'), 'utf8');
    assert.doesNotMatch(stderr, /EPIPE|Error|\n +at /, 'no stack trace');
  });

  it('exits 2 on bad usage with the offending argument escaped', () => {
    const result = spawnBuiltCli(root, ['--\u001b[2Jx']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown option '--\\x1b\[2Jx'/);
    // The CLI's own words in the message: one run in about fifteen once exited 1 here, and they say why.
    for (const budget of ['0', 'soon']) {
      const run = spawnBuiltCli(root, ['--time-budget-ms', budget]);
      assert.equal(run.code, 2, `--time-budget-ms ${budget}: ${run.stderr.slice(0, 2000)}`);
    }
  });
});
