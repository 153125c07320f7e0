/**
 * The CLI against its floor, both run as their own Node process on the same number of threads: the
 * built `aws-db-hints` (packages/cli/dist/cli.js, what users run) and a plain read-and-RegExp pass
 * over the same tree that splits the files between as many worker threads.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BYTES_PER_THREAD } from '../src/cli/parallel';

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
  /** CPU time of the process, all its threads, user and system; undefined where /proc is missing. */
  cpuMs: number | undefined;
  stdoutBytes: number;
  stdout: string;
}

const CLOCK_TICKS_PER_S = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time of this process's waited-for children (Linux /proc/self/stat: cutime + cstime). */
function childrenCpuMs(): number | undefined {
  try {
    // The fields after the command name, which is in parentheses and may hold spaces.
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}

/**
 * Runs one process to its end. Its standard output goes to a file, as a CI job's `--format json > out.json`
 * does, and is read back afterwards: collected through a pipe by `spawnSync`, the bench tree's 37 MB of
 * JSON made the CLI wait on this process's reads (2 threads, four runs each in turns: 6.22–6.66 s against
 * 6.14–6.25 s written to a file).
 */
function timeProcess(args: string[], cwd: string, expectedStatus: number): ProcessRun {
  const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-db-hints-bench-out-')), 'stdout');
  const output = fs.openSync(outputFile, 'w');
  try {
    const cpuBefore = childrenCpuMs();
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', output, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - start;
    const cpuAfter = childrenCpuMs();
    if (result.status !== expectedStatus) {
      throw new Error(`${args.slice(0, 2).join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
    }
    const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    const stdoutBytes = fs.fstatSync(output).size;
    return { ms, cpuMs, stdoutBytes, stdout: stdoutBytes < 100 ? fs.readFileSync(outputFile, 'utf8') : '' };
  } finally {
    fs.closeSync(output);
    fs.rmSync(path.dirname(outputFile), { recursive: true, force: true });
  }
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
  /** Median CPU milliseconds (all threads) by thread count, where the platform tells. */
  cliCpuMs: Map<number, number | undefined>;
  floorCpuMs: Map<number, number | undefined>;
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
  const cliRuns = new Map(threads.map((n) => [n, [] as ProcessRun[]]));
  const floorRuns = new Map(threads.map((n) => [n, [] as ProcessRun[]]));
  const matches = new Set<string>();
  let jsonBytes = 0;
  const loadBefore = os.loadavg();
  for (let round = 0; round < rounds; round++) {
    for (const n of threads) {
      const cli = timeProcess([CLI, '.', '--format', 'json', '--jobs', String(n)], tree, 1);
      cliRuns.get(n)!.push(cli);
      jsonBytes = cli.stdoutBytes;
      const floor = timeProcess(['-e', source, tree, String(n)], tree, 0);
      floorRuns.get(n)!.push(floor);
      matches.add(floor.stdout);
    }
  }
  if (matches.size !== 1) {
    throw new Error(`the floor counted different matches on different thread counts: ${[...matches].join(', ')}`);
  }
  const medians = (runs: Map<number, ProcessRun[]>): Map<number, number> => new Map([...runs].map(([n, all]) => [n, median(all.map((run) => run.ms))]));
  const cpuMedians = (runs: Map<number, ProcessRun[]>): Map<number, number | undefined> =>
    new Map([...runs].map(([n, all]) => [n, all.every((run) => run.cpuMs !== undefined) ? median(all.map((run) => run.cpuMs!)) : undefined]));
  return {
    threads,
    cliMs: medians(cliRuns),
    floorMs: medians(floorRuns),
    cliCpuMs: cpuMedians(cliRuns),
    floorCpuMs: cpuMedians(floorRuns),
    jsonBytes,
    loadBefore,
    loadAfter: os.loadavg(),
  };
}

export interface SplitAtThreshold {
  bytes: number;
  /** Median wall-clock milliseconds on one thread and on two. */
  oneMs: number;
  twoMs: number;
}

/**
 * The CLI on the smallest part of the tree it splits between two threads (the first `folders` that
 * hold 2 × BYTES_PER_THREAD), on one thread and on two, alternating: whether the split pays where it starts.
 */
export function measureSplitAtThreshold(tree: string, folders: string[], rounds: number): SplitAtThreshold {
  let bytes = 0;
  const picked: string[] = [];
  for (const folder of folders) {
    if (bytes >= 2 * BYTES_PER_THREAD) {
      break;
    }
    picked.push(folder);
    bytes += fs.readdirSync(path.join(tree, folder)).reduce((sum, name) => sum + fs.statSync(path.join(tree, folder, name)).size, 0);
  }
  const one: number[] = [];
  const two: number[] = [];
  for (let round = 0; round < rounds; round++) {
    one.push(timeProcess([CLI, ...picked, '--format', 'json', '--jobs', '1'], tree, 1).ms);
    two.push(timeProcess([CLI, ...picked, '--format', 'json', '--jobs', '2'], tree, 1).ms);
  }
  return { bytes, oneMs: median(one), twoMs: median(two) };
}
