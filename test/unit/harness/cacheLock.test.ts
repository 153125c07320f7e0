/** The toolchain cache lock: two first runs at once both succeed, and only one installs. */
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withCacheLock } from '../../harness/cacheLock';

const STUB = path.join(__dirname, 'stubInstall.ts');
const ROOT = path.resolve(__dirname, '../../..');

interface Child {
  process: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

function start(root: string): Child {
  // Node itself, with tsx as a loader: the child's pid is the process that installs.
  const child = spawn(process.execPath, ['--import', 'tsx', STUB, root], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const result: Child = { process: child, stdout: '', stderr: '', exit: new Promise((resolve) => child.on('exit', resolve)) };
  child.stdout!.on('data', (data) => (result.stdout += data));
  child.stderr!.on('data', (data) => (result.stderr += data));
  return result;
}

/** Resolves when `condition` holds, checking on each output event and file change of the children. */
async function until(condition: () => boolean, what: string, describe?: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${describe ? `: ${describe()}` : ''}`);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('toolchain cache lock', function () {
  this.timeout(60_000);
  let root: string;
  const children: Child[] = [];

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-cache-lock-'));
  });

  afterEach(async () => {
    // A failed test must not leave a stub waiting forever.
    const running = children.splice(0).filter((child) => child.process.exitCode === null);
    running.forEach((child) => child.process.kill());
    await Promise.all(running.map((child) => child.exit));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lets two concurrent first runs both succeed, with one install', async () => {
    const first = start(root);
    const second = start(root);
    children.push(first, second);
    const started = (): string[] => fs.readdirSync(root).filter((name) => name.startsWith('started-'));
    // One installs and blocks; the other must be waiting for it, not installing too.
    const state = (): string => `files ${fs.readdirSync(root).join(', ')}; first: ${first.stderr}; second: ${second.stderr}`;
    await until(() => started().length === 1, 'one install to start', state);
    const waiter = started()[0] === `started-${first.process.pid}` ? second : first;
    await until(() => waiter.stderr.includes('waiting for another install'), 'the other run to wait', state);
    assert.equal(started().length, 1);
    fs.writeFileSync(path.join(root, 'release'), '');
    assert.deepEqual(await Promise.all([first.exit, second.exit]), [0, 0]);
    const installer = started()[0].slice('started-'.length);
    assert.equal(first.stdout, `installed by ${installer}`);
    assert.equal(second.stdout, `installed by ${installer}`);
    assert.ok(!fs.existsSync(path.join(root, 'tool.lock')), 'the lock is released');
  });

  it('takes over a lock whose owner died', () => {
    fs.mkdirSync(path.join(root, 'tool.lock'));
    // A pid that is not running: the largest possible one.
    fs.writeFileSync(path.join(root, 'tool.lock', 'owner.json'), JSON.stringify({ pid: 2 ** 22, host: os.hostname() }));
    assert.equal(withCacheLock(root, 'tool', () => 'ran', { pollMs: 10 }), 'ran');
    assert.ok(!fs.existsSync(path.join(root, 'tool.lock')));
  });

  it('releases the lock when the install fails', () => {
    assert.throws(() => withCacheLock(root, 'tool', () => { throw new Error('compile failed'); }), /compile failed/);
    assert.ok(!fs.existsSync(path.join(root, 'tool.lock')));
  });
});
