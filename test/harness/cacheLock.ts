/**
 * A lock for the toolchain cache, so that two first runs (say `npm start` while `npm test` installs
 * code-server) do not install into the same folder at once: the second waits, then finds the
 * install complete. The lock is a folder (mkdir is atomic) holding its owner's pid; a lock whose
 * owner died is taken over. Synchronous, like the installers it guards.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface LockOwner {
  pid: number;
  host: string;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function ownerOf(lock: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(lock, 'owner.json'), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock folder without an owner this long after its creation was left by a process that died at once. */
const ORPHAN_AFTER_MS = 60_000;

function lockAgeMs(lock: string): number {
  try {
    return Date.now() - fs.statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

export interface CacheLockOptions {
  /** How often a waiting process looks again. */
  pollMs?: number;
  log?: (message: string) => void;
}

/** Runs `run` while holding the lock `<root>/<name>.lock`. */
export function withCacheLock<T>(root: string, name: string, run: () => T, options: CacheLockOptions = {}): T {
  const lock = path.join(root, `${name}.lock`);
  const pollMs = options.pollMs ?? 1000;
  let announced = false;
  fs.mkdirSync(root, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    const owner = ownerOf(lock);
    const dead = owner ? owner.host === os.hostname() && !isAlive(owner.pid) : lockAgeMs(lock) > ORPHAN_AFTER_MS;
    if (dead) {
      // Its owner died mid-install: move it aside (rename is atomic, so only one waiter wins) and retry.
      try {
        fs.renameSync(lock, `${lock}.stale-${process.pid}`);
        fs.rmSync(`${lock}.stale-${process.pid}`, { recursive: true, force: true });
      } catch {
        // Another waiter took it over first.
      }
      continue;
    }
    if (!announced) {
      announced = true;
      options.log?.(`waiting for another install into the cache (${owner ? `pid ${owner.pid}` : 'starting'}) to finish`);
    }
    sleepSync(pollMs);
  }
  try {
    fs.writeFileSync(path.join(lock, 'owner.json'), JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies LockOwner));
    return run();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * `dir` installed once: returns at once when `isComplete(dir)`, otherwise installs under the lock,
 * looking again first (another process may have finished while this one waited).
 */
export function ensureCached(root: string, dir: string, isComplete: () => boolean, install: () => void, options: CacheLockOptions = {}): void {
  if (isComplete()) {
    return;
  }
  withCacheLock(root, path.basename(dir), () => {
    if (!isComplete()) {
      install();
    }
  }, options);
}
