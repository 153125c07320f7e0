/**
 * `npm start`: builds and packages the extension, installs it into the cached code-server, opens the
 * sample workspace and prints the URL to open. Settings and quiz progress persist between runs.
 * Set PORT to choose the port (default 8080, or a free one if that is taken).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerEnv, freePort, startCodeServer } from '../test/harness/codeServer';
import { cacheRoot, ensureToolchain, MissingPrerequisiteError } from '../test/harness/toolchain';

const root = path.resolve(__dirname, '..');

async function portToUse(): Promise<number> {
  const wanted = Number(process.env.PORT ?? 8080);
  const probe = await fetch(`http://127.0.0.1:${wanted}/`).then(
    () => true,
    () => false,
  );
  return probe ? freePort() : wanted;
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', 'package'], { cwd: root, stdio: 'inherit' });
  const toolchain = ensureToolchain();
  const home = path.join(cacheRoot(), 'start');
  const extensionsDir = path.join(home, 'extensions');
  const userDataDir = path.join(home, 'user-data');
  fs.mkdirSync(extensionsDir, { recursive: true });
  execFileSync(toolchain.codeServerBin, ['--extensions-dir', extensionsDir, '--install-extension', path.join(root, 'aws-db-study.vsix'), '--force'], {
    env: codeServerEnv(toolchain),
    stdio: 'inherit',
  });
  const server = await startCodeServer({ workspace: path.join(root, 'examples'), extensionsDir, userDataDir, port: await portToUse() });
  // The harness stops code-server and its extension hosts when this process is interrupted.
  process.stdout.write(`\nAWS Database Study is running in VS Code (code-server).\nOpen ${server.workspaceUrl}\nPress Ctrl+C to stop.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof MissingPrerequisiteError ? 'Missing prerequisite: ' : ''}${(error as Error).message}\n`);
  process.exit(1);
});
