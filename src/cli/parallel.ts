/**
 * Analysing a large tree on several threads. Work comes in lists (the sources of the workspace
 * models, then the files to analyse), cut into chunks of one kind of document (schedule.ts); each
 * worker thread takes its next chunk when it finishes one, and the results are passed on in list
 * order, whichever thread finished first, so that the output is the same as on one thread. What a
 * thread indexes stays on it until every source is indexed; then each thread serializes its part once
 * into shared memory and every other thread reads it, so the workspace models never pass through
 * the main thread.
 */
import * as v8 from 'node:v8';
import type { MessagePort, Worker } from 'node:worker_threads';
import { Budget } from '../hints/engine/budget';
import { HintRule } from '../hints/engine/types';
import { FileContribution } from '../hints/engine/workspace/types';
import { WorkspaceModel } from '../hints/engine/workspace/workspaceModel';
import { analyzeFile, AnalysisSettings, FileReport, ruleSet } from './analyzeFile';
import { FileEntry } from './files';
import { KeptTexts } from './keptTexts';
import { WorkQueues } from './schedule';
import { indexSource, ModelSource, workspaceSummary } from './workspace';

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

/** A source of a workspace model, with the index of that workspace among those sent to the workers. */
export type IndexSource = ModelSource & { workspace: number };

/** What one thread indexed: each contributing source's workspace, its path there, and its contribution. */
export type IndexedPart = [workspace: number, name: string, contribution: FileContribution][];

/**
 * What the main thread sends: a chunk of a list to work through; the request to share what the thread
 * indexed; or every thread's part, from which each builds the workspace models for the files to come.
 */
type Task =
  | { kind: 'index'; chunk: number; items: IndexSource[] }
  | { kind: 'analyze'; chunk: number; items: WorkFile[] }
  | { kind: 'share' }
  | { kind: 'workspaces'; count: number; parts: SharedArrayBuffer[]; own: number; summarize: boolean };

/** A chunk done: its results, in the chunk's order (none for an index chunk: its contributions stay on the thread). */
interface ChunkDone {
  chunk: number;
  results: unknown[];
}

/** What a worker answers: a chunk done, its indexed part serialized, or the summaries of the workspaces it built. */
type Answer = ChunkDone | { part: SharedArrayBuffer } | { summaries: (string | undefined)[] };

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
  private onPart: ((worker: Worker, part: SharedArrayBuffer) => void) | undefined;
  /** Called with the summaries, or with the failure of a thread before they came (the analysis may have ended by then). */
  private onSummaries: ((summaries: (string | undefined)[], error?: Error) => void) | undefined;
  private onFailure: ((error: Error) => void) | undefined;

  /** Starts `count` workers (each runs `serveAnalysis`) with the run's settings. */
  constructor(count: number, startWorker: (settings: AnalysisSettings) => Worker, settings: AnalysisSettings) {
    for (let i = 0; i < count; i++) {
      const worker = startWorker(settings);
      this.workers.push(worker);
      worker.on('message', (answer: Answer) => {
        if ('part' in answer) {
          this.onPart?.(worker, answer.part);
        } else if ('summaries' in answer) {
          this.onSummaries?.(answer.summaries);
        } else {
          this.onDone?.(worker, answer);
        }
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => this.fail(new Error(`an analysis thread stopped (exit code ${code})`)));
    }
  }

  /**
   * Indexes the sources of the workspace models, each thread keeping what it indexed. Cut by bytes as
   * the analysis is, so that a thread mostly indexes the files it will analyse and keeps their texts.
   */
  index(sources: readonly IndexSource[]): Promise<void> {
    return this.run('index', sources, (source) => source.size, () => undefined);
  }

  /**
   * Has every thread build the `count` workspace models from what all of them indexed: each serializes
   * its part once into shared memory, and reads the others'. Resolves once the parts are on their way to
   * every thread, before any file to analyse, with the summary line of each workspace to come (undefined
   * for a workspace that defines nothing), which the first thread sends once it has built the models.
   */
  shareWorkspaces(count: number): Promise<{ summaries: Promise<(string | undefined)[]> }> {
    return new Promise((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      const parts = new Map<Worker, SharedArrayBuffer>();
      this.onFailure = reject;
      this.onPart = (worker, part) => {
        parts.set(worker, part);
        if (parts.size < this.workers.length) {
          return;
        }
        this.onPart = undefined;
        this.onFailure = undefined;
        const summaries = new Promise<(string | undefined)[]>((resolveSummaries, rejectSummaries) => {
          this.onSummaries = (lines, error) => {
            this.onSummaries = undefined;
            if (error) {
              rejectSummaries(error);
            } else {
              resolveSummaries(lines);
            }
          };
        });
        // A thread that fails during the analysis fails that first; the summaries are not awaited then.
        summaries.catch(() => undefined);
        const all = this.workers.map((each) => parts.get(each)!);
        this.workers.forEach((each, own) => each.postMessage({ kind: 'workspaces', count, parts: all, own, summarize: own === 0 } as Task));
        resolve({ summaries });
      };
      this.workers.forEach((worker) => worker.postMessage({ kind: 'share' } as Task));
    });
  }

  /** Analyses `files`; `report` gets each file's report, in list order. */
  analyze(files: readonly WorkFile[], report: (fileReport: FileReport) => void): Promise<void> {
    return this.run('analyze', files, (file) => file.size, report as (result: unknown) => void);
  }

  /** Stops the workers; a run's threads end with it. */
  close(): void {
    this.onDone = undefined;
    this.onPart = undefined;
    this.onSummaries = undefined;
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
    this.onSummaries?.([], error);
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
  let indexed: IndexedPart = [];
  let models: WorkspaceModel[] = [];
  port.on('message', (task: Task) => {
    switch (task.kind) {
      case 'index':
        for (const source of task.items) {
          const { name, contribution } = indexSource(source, sources);
          if (contribution) {
            indexed.push([source.workspace, name, contribution]);
          }
        }
        port.postMessage({ chunk: task.chunk, results: [] } satisfies ChunkDone);
        return;
      case 'share':
        port.postMessage({ part: sharedPart(indexed) } satisfies Answer);
        return;
      case 'workspaces':
        models = buildModels(task.count, task.parts, task.own, indexed);
        indexed = [];
        if (task.summarize) {
          port.postMessage({ summaries: models.map((model) => (model.isEmpty() ? undefined : workspaceSummary(model))) } satisfies Answer);
        }
        return;
      case 'analyze': {
        const results = task.items.map(({ workspace, ...file }) =>
          analyzeFile(file, settings, rules, { workspace: workspace && { model: models[workspace.index], fileName: workspace.fileName }, text: kept.take(file.path) }),
        );
        port.postMessage({ chunk: task.chunk, results } satisfies ChunkDone);
      }
    }
  });
}

/** A thread's indexed part, serialized once into memory that every thread can read. */
export function sharedPart(part: IndexedPart): SharedArrayBuffer {
  const bytes = v8.serialize(part);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

/**
 * The `count` workspace models from every thread's part; the part at `own` is this thread's, taken as
 * `ownPart` is. The models read contributions in path order, whatever order they come in.
 */
export function buildModels(count: number, parts: readonly SharedArrayBuffer[], own: number, ownPart: IndexedPart): WorkspaceModel[] {
  const byWorkspace = Array.from({ length: count }, () => [] as [string, FileContribution][]);
  for (const [k, part] of parts.entries()) {
    for (const [workspace, name, contribution] of k === own ? ownPart : (v8.deserialize(new Uint8Array(part)) as IndexedPart)) {
      byWorkspace[workspace].push([name, contribution]);
    }
  }
  return byWorkspace.map((contributions) => {
    const model = new WorkspaceModel();
    model.batch(() => contributions.forEach(([name, contribution]) => model.update(name, contribution)));
    return model;
  });
}
