/**
 * The floor for `npm run bench:activation`: an extension that shows one status-bar item on
 * `onStartupFinished` and does nothing else, written into a temporary folder and packaged with vsce.
 * It has a `browser` entry too, so that it can run in the same extension host as ours.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Its folder name sorts before ours, so VS Code loads it first when one event activates both: its
 * loading then counts in our figure, rather than ours in its (see the README's Budgets).
 */
export const BASELINE_ID = 'aws-db-study-bench.activation-baseline';
export const BASELINE_NAME = 'Activation baseline';
/** What its status-bar item says, so that a bench can see it has activated. */
export const BASELINE_STATUS_TEXT = 'baseline ready';

const SOURCE = `const vscode = require('vscode');
exports.activate = (context) => {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left);
  item.text = ${JSON.stringify(BASELINE_STATUS_TEXT)};
  item.show();
  context.subscriptions.push(item);
};
`;

/** Writes and packages the baseline in `dir`; returns the path of its .vsix. */
export function packageBaseline(dir: string, repoRoot: string): string {
  const [publisher, name] = BASELINE_ID.split('.');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'extension.js'), SOURCE);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  fs.writeFileSync(path.join(dir, 'README.md'), `# ${BASELINE_NAME}\n\nOne status-bar item on onStartupFinished.\n`);
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name,
        publisher,
        displayName: BASELINE_NAME,
        version: '0.0.1',
        license: 'MIT',
        engines: { vscode: '^1.90.0' },
        activationEvents: ['onStartupFinished'],
        main: './extension.js',
        browser: './extension.js',
        capabilities: { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true },
      },
      null,
      2,
    ),
  );
  const vsix = path.join(dir, `${name}.vsix`);
  execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], {
    cwd: dir,
    stdio: 'pipe',
  });
  return vsix;
}
