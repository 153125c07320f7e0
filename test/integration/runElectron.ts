/**
 * Runs the same in-host suites with @vscode/test-electron, for machines that can download VS Code
 * desktop. (These build machines cannot: they use runCodeServer.ts.)
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../..');

runTests({
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out/test/integration/index.js'),
  launchArgs: [path.join(root, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
}).catch((error: unknown) => {
  process.stderr.write(`integration tests failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
