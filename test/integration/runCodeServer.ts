/**
 * Runs the in-host suites (test/integration/suite) inside code-server's extension host: the smoke-test
 * driver makes the web workbench honour the development payload, and the suite's console output and
 * exit code come back through the two functions exposed to the page.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { format } from 'node:util';
import { launchChromium } from '../harness/browser';
import { startCodeServer } from '../harness/codeServer';
import { MissingPrerequisiteError } from '../harness/toolchain';
import { SUITE_OUTPUT_MARKER } from './suite/marker';

const root = path.resolve(__dirname, '../..');
const SUITE_TIMEOUT_MS = 180_000;
const WORKBENCH_LOG = path.join(root, 'test-results', 'integration', 'workbench.log');

async function main(): Promise<number> {
  const workspace = path.join(root, 'examples');
  const server = await startCodeServer({ workspace, vscodeOptions: ['enable-smoke-test-driver'] });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const remote = (file: string): string => `vscode-remote://127.0.0.1:${server.port}${file}`;
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    // The suite's lines go to the terminal; the workbench's own logs go to a file, shown on failure.
    fs.mkdirSync(path.dirname(WORKBENCH_LOG), { recursive: true });
    const workbenchLog = fs.createWriteStream(WORKBENCH_LOG);
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...args);
      if (line.startsWith(SUITE_OUTPUT_MARKER)) {
        process.stdout.write(`${line.slice(SUITE_OUTPUT_MARKER.length)}\n`);
      } else {
        workbenchLog.write(`[${type}] ${line}\n`);
      }
    });
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(path.join(root, 'out/test/integration/index.js'))],
    ]);
    await page.goto(`${server.workspaceUrl}&payload=${encodeURIComponent(payload)}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        process.stderr.write(`integration suites did not finish within ${SUITE_TIMEOUT_MS / 1000} s\n${server.output()}\n`);
        resolve(1);
      }, SUITE_TIMEOUT_MS);
    });
    const code = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (code !== 0) {
      process.stderr.write(`the workbench's log is in ${WORKBENCH_LOG}\n`);
    }
    return code;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof MissingPrerequisiteError ? 'Missing prerequisite: ' : ''}${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
