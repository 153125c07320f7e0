/**
 * A stand-in for a slow toolchain install, run as its own process by cacheLock.test.ts:
 * `tsx stubInstall.ts <cache root>`. It installs `<root>/tool` through ensureCached; the install
 * says it started, then waits until the test creates `<root>/release`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCached } from '../../harness/cacheLock';

const root = process.argv[2];
const dir = path.join(root, 'tool');
const marker = path.join(dir, '.complete');

ensureCached(
  root,
  dir,
  () => fs.existsSync(marker),
  () => {
    fs.writeFileSync(path.join(root, `started-${process.pid}`), '');
    while (!fs.existsSync(path.join(root, 'release'))) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'payload'), `installed by ${process.pid}`);
    fs.writeFileSync(marker, '');
  },
  { pollMs: 20, log: (message) => process.stderr.write(`${message}\n`) },
);
process.stdout.write(fs.readFileSync(path.join(dir, 'payload'), 'utf8'));
