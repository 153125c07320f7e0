/** Entry point of the aws-db-hints command line (the `bin` of packages/cli). */
import { hintRules } from '../hints/ruleCatalog';
import { EXIT, runCli } from './cli';
import { escapeField, escapeLines } from './escape';

const argv = process.argv.slice(2);
try {
  process.exitCode = runCli(
    argv,
    {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      cwd: process.cwd(),
    },
    hintRules(),
  );
} catch (error) {
  // One clear line; the stack only when asked for.
  const line = argv.includes('--debug') ? escapeLines(String((error as Error).stack ?? error)) : escapeField(String((error as Error).message ?? error));
  process.stderr.write(`aws-db-hints: internal error: ${line}\n`);
  process.exitCode = EXIT.internal;
}
