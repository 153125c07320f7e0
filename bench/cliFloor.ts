/**
 * The CLI against its floor, both run as their own Node process on the same number of threads: the
 * built `aws-db-hints` (packages/cli/dist/cli.js, what users run) and a plain read-and-RegExp pass
 * over the same tree that splits the files between as many worker threads.
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const CLI = path.resolve(__dirname, '../packages/cli/dist/cli.js');

/** Reads every file and counts the pattern's matches; the same pattern as the in-process baselines. */
function floorSource(pattern: RegExp): string {
  const scan = `const fs = require('node:fs');
const scan = (files) => { let count = 0; for (const file of files) { for (const _ of fs.readFileSync(file, 'utf8').matchAll(${pattern.toString()})) count++; } return count; };`;
  const worker = `${scan}
const { parentPort, workerData } = require('node:worker_threads');
parentPort.postMessage(scan(workerData));`;
  return `${scan}
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const [root, threads] = [process.argv[1], Number(process.argv[2])];
const files = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
if (threads === 1) {
  process.stdout.write(String(scan(files)));
} else {
  const share = Math.ceil(files.length / threads);
  const counts = Array.from({ length: threads }, (_, i) => new Promise((resolve, reject) => {
    const worker = new Worker(${JSON.stringify(worker)}, { eval: true, workerData: files.slice(i * share, (i + 1) * share) });
    worker.once('message', resolve);
    worker.once('error', reject);
  }));
  Promise.all(counts).then((all) => process.stdout.write(String(all.reduce((a, b) => a + b, 0))));
}`;
}

interface ProcessRun {
  ms: number;
  stdoutBytes: number;
  stdout: string;
}

function timeProcess(args: string[], cwd: string, expectedStatus: number): ProcessRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== expectedStatus) {
    throw new Error(`${args.slice(0, 2).join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  }
  return { ms, stdoutBytes: result.stdout.length, stdout: result.stdout.length < 100 ? result.stdout.toString() : '' };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface CliAgainstFloor {
  /** Thread counts measured: 1 and this machine's available parallelism. */
  threads: number[];
  /** Median wall-clock milliseconds by thread count. */
  cliMs: Map<number, number>;
  floorMs: Map<number, number>;
  jsonBytes: number;
  /** os.loadavg() before and after, for the conditions of the figures. */
  loadBefore: number[];
  loadAfter: number[];
}

/**
 * Runs the CLI (`--format json`, exit 1: the tree has findings) and the floor `rounds` times on 1
 * thread and on all of them, alternating, so that a burst of load on the machine falls on both.
 */
export function measureCliAgainstFloor(tree: string, pattern: RegExp, rounds: number): CliAgainstFloor {
  const all = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const threads = all > 1 ? [1, all] : [1];
  const source = floorSource(pattern);
  const cliRuns = new Map(threads.map((n) => [n, [] as number[]]));
  const floorRuns = new Map(threads.map((n) => [n, [] as number[]]));
  const matches = new Set<string>();
  let jsonBytes = 0;
  const loadBefore = os.loadavg();
  for (let round = 0; round < rounds; round++) {
    for (const n of threads) {
      const cli = timeProcess([CLI, '.', '--format', 'json', '--jobs', String(n)], tree, 1);
      cliRuns.get(n)!.push(cli.ms);
      jsonBytes = cli.stdoutBytes;
      const floor = timeProcess(['-e', source, tree, String(n)], tree, 0);
      floorRuns.get(n)!.push(floor.ms);
      matches.add(floor.stdout);
    }
  }
  if (matches.size !== 1) {
    throw new Error(`the floor counted different matches on different thread counts: ${[...matches].join(', ')}`);
  }
  const medians = (runs: Map<number, number[]>): Map<number, number> => new Map([...runs].map(([n, ms]) => [n, median(ms)]));
  return { threads, cliMs: medians(cliRuns), floorMs: medians(floorRuns), jsonBytes, loadBefore, loadAfter: os.loadavg() };
}
