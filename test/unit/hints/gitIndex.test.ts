/**
 * The CLI walk reads files git tracks even where .gitignore lists them (git applies .gitignore to untracked
 * files only), from the repository's index in each of its formats; an index it cannot read changes nothing.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectFiles } from '../../../src/cli/files';
import { GitignoreRules, selectFile } from '../../../src/hints/engine/fileSelection';
import { parseGitIndex, TrackedFiles } from '../../../src/hints/engine/gitIndex';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('files git tracks under .gitignore', () => {
  let root: string;
  const write = (file: string, text = 'import boto3\n'): void => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  const walked = (folder = root): string[] =>
    collectFiles([folder])
      .files.map((file) => path.relative(folder, file.path).split(path.sep).join('/'))
      .sort();

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-git-')));
    git(root, 'init', '-q');
    write('app/handler.py');
    write('config/application.properties', 'spring.datasource.password=secret\n');
    write('config/nested/deep.py');
    write('build/generated.py');
    write('scratch.py');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'initial');
    // Ignored after the fact: the tracked files stay tracked.
    write('.gitignore', 'config/\nscratch.py\n');
    write('config/application-local.properties', 'spring.datasource.password=mine\n');
    write('config/untracked/new.py');
    write('local.py');
    write('build/untracked.py');
    fs.appendFileSync(path.join(root, '.gitignore'), 'local.py\nbuild/untracked.py\n');
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reads tracked files that .gitignore lists, in ignored folders too, and leaves untracked ones out', () => {
    const result = collectFiles([root]);
    assert.deepEqual(walked(), ['app/handler.py', 'build/generated.py', 'config/application.properties', 'config/nested/deep.py', 'scratch.py']);
    assert.equal(result.ignored.gitignoredFiles, 3);
    assert.equal(result.ignored.gitignoredFolders, 1);
  });

  it('reads the index in version 4, whose paths are prefix-compressed', () => {
    git(root, 'update-index', '--index-version', '4');
    assert.deepEqual(walked(), ['app/handler.py', 'build/generated.py', 'config/application.properties', 'config/nested/deep.py', 'scratch.py']);
  });

  it('reads a linked worktree, whose .git file names its index', () => {
    const worktree = `${root}-worktree`;
    try {
      git(root, 'worktree', 'add', '-q', worktree);
      fs.writeFileSync(path.join(worktree, '.gitignore'), 'config/\n');
      assert.deepEqual(walked(worktree), ['app/handler.py', 'build/generated.py', 'config/application.properties', 'config/nested/deep.py', 'scratch.py']);
    } finally {
      fs.rmSync(worktree, { recursive: true, force: true });
    }
  });

  it('follows .gitignore alone when the index cannot be read', () => {
    const index = path.join(root, '.git', 'index');
    fs.writeFileSync(index, fs.readFileSync(index).subarray(0, 90));
    assert.deepEqual(walked(), ['app/handler.py', 'build/generated.py']);
    fs.writeFileSync(index, 'not an index');
    assert.deepEqual(walked(), ['app/handler.py', 'build/generated.py']);
  });

  it('reads no index that is cut short or claims more entries than it holds', () => {
    const index = fs.readFileSync(path.join(root, '.git', 'index'));
    const all = ['app/handler.py', 'build/generated.py', 'config/application.properties', 'config/nested/deep.py', 'scratch.py'];
    assert.deepEqual(parseGitIndex(index, 20)?.sort(), all);
    // Cut inside the entries: no list. Cut after them (in the extensions and checksum that follow): the whole list.
    let whole = 0;
    for (let cut = 0; cut < index.length; cut++) {
      const entries = parseGitIndex(index.subarray(0, cut), 20);
      assert.ok(entries === undefined || entries.length === all.length, `cut at ${cut}`);
      whole += entries ? 1 : 0;
    }
    assert.ok(whole > 0 && whole < index.length / 2, `${whole} of ${index.length} cuts read`);
    const inflated = Buffer.from(index);
    inflated.writeUInt32BE(0xffffffff, 8);
    assert.equal(parseGitIndex(inflated, 20), undefined);
  });

  it('keeps what git tracks in the editor\'s file selection too, keyed by workspace folder', () => {
    const rules = new GitignoreRules().with('0', 'config/\n*.local.py\n');
    const tracked = new TrackedFiles(['config/application.properties', 'app/settings.local.py', 'README.md'], '0/');
    assert.deepEqual(selectFile('0/config/application.properties', rules, tracked), { read: true, kind: 'properties' });
    assert.deepEqual(selectFile('0/app/settings.local.py', rules, tracked), { read: true, kind: 'python' });
    assert.deepEqual(selectFile('0/config/application-dev.properties', rules, tracked), { read: false, reason: 'gitignore' });
    assert.deepEqual(selectFile('1/config/application.properties', rules.with('1', 'config/\n'), tracked), { read: false, reason: 'gitignore' });
  });
});
