/** The built `aws-db-hints` bundle run as its own process, as a user or a CI job runs it. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const BUILT_CLI = path.join(ROOT, 'packages/cli/dist/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let copyForNobody: string | undefined;

/**
 * A copy of the built CLI that `nobody` can read: the checkout may sit in a folder only its owner can
 * enter (a `mktemp -d` clone is mode 700). One copy per test run, removed when the run ends.
 */
function cliForNobody(): string {
  if (!copyForNobody) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-cli-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    fs.chmodSync(dir, 0o755);
    copyForNobody = path.join(dir, 'cli.js');
    fs.copyFileSync(BUILT_CLI, copyForNobody);
    fs.chmodSync(copyForNobody, 0o644);
  }
  return copyForNobody;
}

/** Runs the built CLI in `cwd`, as `nobody` when asked (through setpriv), and fails the test if it does not finish. */
export function spawnBuiltCli(cwd: string, args: string[], options: { asNobody?: boolean; timeoutMs?: number } = {}): CliRun {
  const [command, argv] = options.asNobody
    ? ['setpriv', ['--reuid', 'nobody', '--regid', 'nogroup', '--clear-groups', process.execPath, cliForNobody(), ...args]]
    : [process.execPath, [BUILT_CLI, ...args]];
  const result = spawnSync(command, argv, { cwd, encoding: 'utf8', timeout: options.timeoutMs ?? 20_000, maxBuffer: 256 * 1024 * 1024 });
  assert.equal(result.error, undefined, `the CLI did not finish: ${String(result.error)}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
