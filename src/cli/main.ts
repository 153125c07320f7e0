/**
 * Entry point of the aws-db-hints command line (the `bin` of packages/cli). The same file is the
 * worker thread that analyses files in parallel, so the package stays one file.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { hintRules } from '../hints/ruleCatalog';
import { EXIT, runCli } from './cli';
import { escapeField, escapeLines } from './escape';
import { AnalysisSettings } from './analyzeFile';
import { serveAnalysis } from './parallel';

if (isMainThread) {
  const argv = process.argv.slice(2);
  const fail = (error: unknown): void => {
    // One clear line; the stack only when asked for.
    const line = argv.includes('--debug') ? escapeLines(String((error as Error).stack ?? error)) : escapeField(String((error as Error).message ?? error));
    process.stderr.write(`aws-db-hints: internal error: ${line}\n`);
    process.exitCode = EXIT.internal;
  };
  runCli(
    argv,
    {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      cwd: process.cwd(),
      startWorker: (settings) => new Worker(__filename, { workerData: settings }),
    },
    hintRules(),
  ).then((code) => (process.exitCode = code), fail);
} else {
  serveAnalysis(parentPort!, workerData as AnalysisSettings, hintRules());
}
