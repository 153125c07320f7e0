/**
 * Entry point of the aws-db-hints command line (the `bin` of packages/cli). The same file is the
 * worker thread that analyses files in parallel, so the package stays one file.
 */
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { hintRules } from '../hints/ruleCatalog';
import { AnalysisSettings } from './analyzeFile';
import { EXIT, runCli } from './cli';
import { escapeField, escapeLines } from './escape';
import { serveAnalysis } from './parallel';

/**
 * A run is short, and warming the engine up on each thread is a large part of it: over the same 1,000 files,
 * a first pass cost 2.7 times the CPU of a second, largely in the optimizing compiler. A smaller budget for
 * inlining into one function makes those compilations cheaper: 8% fewer instructions on one thread and 12%
 * on two (cachegrind, whole run). The flag is V8's (Node 20 and Node 24 both know it) and applies to the
 * worker threads started after it is set; the extension host is not affected.
 */
const INLINING_BUDGET_FLAG = '--max-inlined-bytecode-size-cumulative=300';

/**
 * In workspace mode the index runs the readers over every file and keeps what they find, so V8 learns that
 * objects from those allocation sites live long and allocates them in the old generation from then on. The
 * analysis that follows runs the same code for objects that die with their file: allocated old, they held
 * young objects alive through every young-generation collection until a full one. Over the bench tree, on
 * one thread, objects promoted fell from 350–500 MB to about 130 MB and scavenge pauses from 1.3–2.5 s to
 * 0.7–1.1 s; on two threads a run took 6.3–7.0 s instead of 7.8–9.4 s, in 425 MB instead of 700 MB.
 */
const NO_PRETENURING_FLAG = '--no-allocation-site-pretenuring';

if (isMainThread) {
  setFlagsFromString(INLINING_BUDGET_FLAG);
  setFlagsFromString(NO_PRETENURING_FLAG);
  const argv = process.argv.slice(2);
  const fail = (error: unknown): void => {
    // One clear line; the stack only when asked for.
    const line = argv.includes('--debug') ? escapeLines(String((error as Error).stack ?? error)) : escapeField(String((error as Error).message ?? error));
    process.stderr.write(`aws-db-hints: internal error: ${line}\n`);
    process.exitCode = EXIT.internal;
  };
  // A reader that stops early (`aws-db-hints . | head`) closes the pipe: stop quietly, as other command-line tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? process.exit() : fail(error)));
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
