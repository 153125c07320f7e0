/**
 * Starts code-server (real VS Code: server plus web workbench) on a free loopback port with a
 * throwaway user-data dir, and stops its whole process group afterwards: extension hosts outlive
 * the parent process otherwise.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureToolchain, Toolchain } from './toolchain';

export interface CodeServerOptions {
  /** The folder VS Code opens. */
  workspace: string;
  /** Where extensions are installed; a fresh temporary folder when absent. */
  extensionsDir?: string;
  /** Extra `--vscode-option` flags, e.g. `enable-smoke-test-driver` for in-host tests. */
  vscodeOptions?: string[];
  /** Extra user settings merged over the defaults. */
  settings?: Record<string, unknown>;
  /** A user-data dir to keep (settings, state); a fresh temporary one when absent. */
  userDataDir?: string;
  /** The port to listen on; a free one when absent. */
  port?: number;
}

export interface RunningCodeServer {
  port: number;
  origin: string;
  workspaceUrl: string;
  toolchain: Toolchain;
  extensionsDir: string;
  /** What code-server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const DEFAULT_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.openRepositoryInParentFolders': 'never',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const running = new Set<ChildProcess>();
const scratchDirs = new Set<string>();

function stopAllNow(): void {
  running.forEach((child) => killGroup(child, 'SIGKILL'));
  scratchDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

// A run that is interrupted or dies half-way must not leave servers or temporary folders behind.
process.once('exit', stopAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAllNow();
    process.exit(130);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs code-server's own CLI (e.g. --install-extension) with Node 24 and returns its output. */
export function codeServerEnv(toolchain: Toolchain): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${path.join(toolchain.nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` };
}

async function waitUntilServing(origin: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${child.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer on ${origin} within ${timeoutMs} ms:\n${output()}`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const toolchain = ensureToolchain();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-study-vscode-'));
  scratchDirs.add(scratch);
  const userDataDir = options.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!options.userDataDir || !fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2));
  }
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(options.vscodeOptions ?? []).flatMap((option) => ['--vscode-option', option]),
    options.workspace,
  ];
  const child = spawn(toolchain.codeServerBin, args, {
    env: codeServerEnv(toolchain),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  const append = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-20000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const stop = async (): Promise<void> => {
    killGroup(child, 'SIGTERM');
    const exited = child.exitCode !== null || (await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(true);
      });
    }));
    if (!exited) {
      killGroup(child, 'SIGKILL');
    }
    // Extension hosts may linger a moment after the server; make sure none of the group is left.
    killGroup(child, 'SIGKILL');
    running.delete(child);
    scratchDirs.delete(scratch);
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(origin, child, () => log, 30000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    origin,
    workspaceUrl: `${origin}/?folder=${encodeURIComponent(options.workspace)}`,
    toolchain,
    extensionsDir,
    output: () => log,
    stop,
  };
}
