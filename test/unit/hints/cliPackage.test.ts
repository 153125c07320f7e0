/**
 * The aws-db-hints npm package as a user gets it: packed from the repository (its prepack builds the
 * bundle), installed offline into an empty folder, and run there with npx.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

describe('aws-db-hints npm package', function () {
  this.timeout(120_000);
  let work: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-package-'));
  });

  after(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('packs only the CLI, its README and its license, installs offline and runs with npx', () => {
    // A private npm cache: offline means nothing may come from anywhere but the tarball.
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_cache: path.join(work, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    for (const key of Object.keys(env).filter((name) => name.startsWith('npm_') && !name.startsWith('npm_config_'))) {
      delete env[key];
    }
    const packOutput = execFileSync('npm', ['pack', './packages/cli', '--json', '--pack-destination', work], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [packed] = JSON.parse(packOutput.slice(packOutput.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    assert.deepEqual(packed.files.map((file) => file.path).sort(), ['LICENSE', 'README.md', 'dist/cli.js', 'package.json']);

    const tarball = path.join(work, packed.filename);
    const manifest = JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    assert.equal(manifest.dependencies, undefined, 'no runtime dependencies');
    assert.deepEqual(manifest.bin, { 'aws-db-hints': 'dist/cli.js' });

    const project = path.join(work, 'project');
    fs.mkdirSync(project);
    execFileSync('npm', ['install', '--offline', '--no-package-lock', tarball], { cwd: project, env, stdio: 'pipe' });
    fs.writeFileSync(path.join(project, 'cache.py'), 'import redis\nr = redis.Redis()\nprint(r.keys("*"))\n');
    const run = spawnSync('npx', ['--offline', 'aws-db-hints', '--format', 'json', 'cache.py'], { cwd: project, env, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(
      (JSON.parse(run.stdout) as { file: string; line: number; ruleId: string }[]).map((entry) => `${entry.file}:${entry.line} ${entry.ruleId}`),
      ['cache.py:3 redis-keys'],
    );
    const help = spawnSync('npx', ['--offline', 'aws-db-hints', '--help'], { cwd: project, env, encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: aws-db-hints/);
  });
});
