/** Entry point of dist/cli.js (package.json "bin": aws-db-hints). */
import { hintRules } from '../hints/ruleCatalog';
import { runCli } from './cli';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
}, hintRules());
