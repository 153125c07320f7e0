/**
 * Analysing a large tree on several threads. Work comes in lists (the sources of the workspace
 * models, then the files to analyse), cut into chunks of one kind of document (schedule.ts); each
 * worker thread takes its next chunk when it finishes one, and the results are passed on in list
 * order, whichever thread finished first, so that the output is the same as on one thread.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { Budget } from '../hints/engine/budget';
import { HintRule } from '../hints/engine/types';
import { WorkspaceModel } from '../hints/engine/workspace/workspaceModel';
import { analyzeFile, AnalysisSettings, FileReport, ruleSet } from './analyzeFile';
import { FileEntry } from './files';
import { KeptTexts } from './keptTexts';
import { WorkQueues } from './schedule';
import { Indexed, indexSource, ModelSource, modelOf, WorkspaceSnapshot } from './workspace';

/**
 * Bytes of source each thread needs before a tree is split. A worker pays for its start (the bundle,
 * the rules) and warms up its own compiled code, and while both threads are busy the compiler and the
 * garbage collector no longer have a core to themselves. On the 2-core machine of the README's figures
 * two threads broke even with one at about 16 MB (4 MB: 20-30% slower; 49 MB: 15-30% faster).
 */
export const BYTES_PER_THREAD = 8 * 1024 * 1024;

/** A chunk is cut once it holds this many bytes or items: small enough to balance the threads, large enough that messages cost nothing. */
const CHUNK_BYTES = 128 * 1024;
const CHUNK_ITEMS = 16;

/** Chunks a worker holds at a time, so that it never waits for the main thread between two. */
const CHUNKS_IN_FLIGHT = 2;

/** A file to analyse, with the index of its workspace among those sent to the workers, and its path there. */
export type WorkFile = FileEntry & { workspace?: { index: number; fileName: string } };

/** What the main thread sends: a chunk of a list to work through, or the workspace models for the files to come. */
type Task = { kind: 'index'; chunk: number; items: ModelSource[] } | { kind: 'analyze'; chunk: number; items: WorkFile[] } | { kind: 'workspaces'; snapshots: WorkspaceSnapshot[] };

/** A chunk done: its results, in the chunk's order. */
interface ChunkDone {
  chunk: number;
  results: unknown[];
}

/** How many threads analyse `files` when `jobs` are allowed: 1 (this thread) unless the tree pays for more. */
export function threadsFor(files: readonly FileEntry[], jobs: number): number {
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  return Math.max(1, Math.min(jobs, files.length, Math.floor(bytes / BYTES_PER_THREAD)));
}

/** Worker threads that work through lists in chunks. A worker that dies fails the list being run, and every later one. */
export class AnalysisThreads {
  private readonly workers: Worker[] = [];
  private failure: Error | undefined;
  /** The list being run: called with each chunk done, or with the failure. */
  private onDone: ((worker: Worker, done: ChunkDone) => void) | undefined;
  private onFailure: ((error: Error) => void) | undefined;

  /** Starts `count` workers (each runs `serveAnalysis`) with the run's settings. */
  constructor(count: number, startWorker: (settings: AnalysisSettings) => Worker, settings: AnalysisSettings) {
    for (let i = 0; i < count; i++) {
      const worker = startWorker(settings);
      this.workers.push(worker);
      worker.on('message', (done: ChunkDone) => this.onDone?.(worker, done));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => this.fail(new Error(`an analysis thread stopped (exit code ${code})`)));
    }
  }

  /**
   * Indexes the sources of the workspace models; `report` gets what each contributes, in list order. Cut by
   * bytes as the analysis is, so that a thread mostly indexes the files it will analyse and keeps their texts.
   */
  index(sources: readonly ModelSource[], report: (indexed: Indexed) => void): Promise<void> {
    return this.run('index', sources, (source) => source.size, report as (result: unknown) => void);
  }

  /** Sends the workspace models that the files to analyse refer to by index. */
  shareWorkspaces(snapshots: WorkspaceSnapshot[]): void {
    const task: Task = { kind: 'workspaces', snapshots };
    this.workers.forEach((worker) => worker.postMessage(task));
  }

  /** Analyses `files`; `report` gets each file's report, in list order. */
  analyze(files: readonly WorkFile[], report: (fileReport: FileReport) => void): Promise<void> {
    return this.run('analyze', files, (file) => file.size, report as (result: unknown) => void);
  }

  /** Stops the workers; a run's threads end with it. */
  close(): void {
    this.onDone = undefined;
    this.onFailure = undefined;
    this.failure ??= new Error('the analysis threads were closed');
    this.workers.forEach((worker) => void worker.terminate());
  }

  private fail(error: Error): void {
    if (this.failure) {
      return;
    }
    this.failure = error;
    this.onFailure?.(error);
  }

  private run<T extends ModelSource | WorkFile>(kind: 'index' | 'analyze', items: readonly T[], size: (item: T) => number, report: (result: unknown) => void): Promise<void> {
    const queues = new WorkQueues(items.map((item) => item.kind), (position) => size(items[position]), this.workers.length, CHUNK_BYTES, CHUNK_ITEMS);
    const positions = new Map<number, number[]>();
    const results: unknown[] = new Array(items.length);
    const done = new Uint8Array(items.length);
    let chunksDone = 0;
    let nextToReport = 0;
    return new Promise<void>((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      const send = (worker: Worker): void => {
        const chunk = queues.next(this.workers.indexOf(worker));
        if (chunk) {
          positions.set(chunk.id, chunk.positions);
          worker.postMessage({ kind, chunk: chunk.id, items: chunk.positions.map((position) => items[position]) } as Task);
        }
      };
      const finish = (error?: Error): void => {
        this.onDone = undefined;
        this.onFailure = undefined;
        if (error) {
          reject(error);
        } else {
          resolve();
        }
      };
      this.onFailure = finish;
      this.onDone = (worker, chunk) => {
        try {
          positions.get(chunk.chunk)!.forEach((position, k) => {
            results[position] = chunk.results[k];
            done[position] = 1;
          });
          positions.delete(chunk.chunk);
          chunksDone++;
          send(worker);
          // Report every result whose predecessors have all been reported.
          while (nextToReport < items.length && done[nextToReport]) {
            report(results[nextToReport]);
            results[nextToReport++] = undefined;
          }
          if (chunksDone === queues.chunkCount) {
            finish();
          }
        } catch (error) {
          finish(error as Error);
        }
      };
      if (queues.chunkCount === 0) {
        finish();
        return;
      }
      for (let k = 0; k < CHUNKS_IN_FLIGHT; k++) {
        this.workers.forEach(send);
      }
    });
  }
}

/** The worker side: works through each chunk it is sent and answers with the results, in order. */
export function serveAnalysis(port: MessagePort, settings: AnalysisSettings, allRules: readonly HintRule[]): void {
  const rules = ruleSet(allRules, settings.ruleIds);
  const kept = new KeptTexts();
  const sources = { read: kept.read, budget: () => new Budget(settings.timeBudgetMs) };
  let models: WorkspaceModel[] = [];
  port.on('message', (task: Task) => {
    if (task.kind === 'workspaces') {
      models = task.snapshots.map(modelOf);
      return;
    }
    const results =
      task.kind === 'index'
        ? task.items.map((source) => indexSource(source, sources))
        : task.items.map(({ workspace, ...file }) =>
            analyzeFile(file, settings, rules, { workspace: workspace && { model: models[workspace.index], fileName: workspace.fileName }, text: kept.take(file.path) }),
          );
    const done: ChunkDone = { chunk: task.chunk, results };
    port.postMessage(done);
  });
}
