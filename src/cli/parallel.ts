/**
 * Analysing a large tree on several threads. The files are cut into chunks of consecutive files;
 * each worker thread takes the next chunk when it finishes one, and the files' reports are passed on
 * in file order, whichever thread finished first, so that the output is the same as on one thread.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { HintRule } from '../hints/engine/types';
import { analyzeFile, AnalysisSettings, FileReport, ruleSet } from './analyzeFile';
import { FileEntry } from './files';
import { modelOf, WorkspaceSnapshot } from './workspace';

/** A file to analyse, with the index of its workspace among `WorkerData.workspaces`, and its path there. */
export type WorkFile = FileEntry & { workspace?: { index: number; fileName: string } };

/** What a worker thread starts with (plain data): the run's settings and the workspace models. */
export interface WorkerData {
  settings: AnalysisSettings;
  workspaces: WorkspaceSnapshot[];
}

/**
 * Bytes of source one more thread needs before it pays for itself. Starting a worker (a thread that
 * loads the CLI bundle and unpacks the rules) costs about as much as analysing this much code; see
 * the CLI figures of `npm run bench:hints`.
 */
export const BYTES_PER_THREAD = 1024 * 1024;

/** A chunk is cut once it holds this many bytes or files: small enough to balance the threads, large enough that messages cost nothing. */
const CHUNK_BYTES = 128 * 1024;
const CHUNK_FILES = 16;

/** Chunks a worker holds at a time, so that it never waits for the main thread between two. */
const CHUNKS_IN_FLIGHT = 2;

interface Chunk {
  /** The index of its first file in the run. */
  first: number;
  files: WorkFile[];
}

interface ChunkDone {
  first: number;
  reports: FileReport[];
}

/** How many threads analyse `files` when `jobs` are allowed: 1 (this thread) unless the tree pays for more. */
export function threadsFor(files: readonly FileEntry[], jobs: number): number {
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  return Math.max(1, Math.min(jobs, files.length, Math.floor(bytes / BYTES_PER_THREAD)));
}

function chunksOf(files: readonly WorkFile[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { first: 0, files: [] };
  let bytes = 0;
  files.forEach((file, index) => {
    if (current.files.length > 0 && (bytes >= CHUNK_BYTES || current.files.length >= CHUNK_FILES)) {
      chunks.push(current);
      current = { first: index, files: [] };
      bytes = 0;
    }
    current.files.push(file);
    bytes += file.size;
  });
  if (current.files.length > 0) {
    chunks.push(current);
  }
  return chunks;
}

/**
 * Analyses `files` on `threads` workers made by `startWorker` (each runs `serveAnalysis`), and calls
 * `report` once per file, in file order. Rejects if a worker dies; the run then has no result.
 */
export function analyzeOnThreads(
  files: readonly WorkFile[],
  threads: number,
  startWorker: (data: WorkerData) => Worker,
  data: WorkerData,
  report: (fileReport: FileReport) => void,
): Promise<void> {
  const chunks = chunksOf(files);
  const done = new Map<number, FileReport[]>();
  let nextToSend = 0;
  let nextToReport = 0;
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) {
        return;
      }
      settled = true;
      workers.forEach((worker) => void worker.terminate());
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    const send = (worker: Worker): void => {
      if (nextToSend < chunks.length) {
        worker.postMessage(chunks[nextToSend++]);
      }
    };
    const receive = (worker: Worker, message: ChunkDone): void => {
      done.set(message.first, message.reports);
      send(worker);
      // Report every chunk whose predecessors have all been reported.
      while (nextToReport < chunks.length && done.has(chunks[nextToReport].first)) {
        const first = chunks[nextToReport++].first;
        done.get(first)!.forEach((fileReport) => report(fileReport));
        done.delete(first);
      }
      if (nextToReport === chunks.length) {
        finish();
      }
    };
    for (let i = 0; i < Math.min(threads, chunks.length); i++) {
      const worker = startWorker(data);
      workers.push(worker);
      worker.on('message', (message: ChunkDone) => {
        try {
          receive(worker, message);
        } catch (error) {
          finish(error as Error);
        }
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => finish(new Error(`an analysis thread stopped (exit code ${code})`)));
      for (let k = 0; k < CHUNKS_IN_FLIGHT; k++) {
        send(worker);
      }
    }
    if (chunks.length === 0) {
      finish();
    }
  });
}

/** The worker side: analyses each chunk it is sent and answers with the reports, in order. */
export function serveAnalysis(port: MessagePort, { settings, workspaces }: WorkerData, allRules: readonly HintRule[]): void {
  const rules = ruleSet(allRules, settings.ruleIds);
  const models = workspaces.map(modelOf);
  port.on('message', (chunk: Chunk) => {
    const reports = chunk.files.map(({ workspace, ...file }) =>
      analyzeFile(file, settings, rules, workspace ? { model: models[workspace.index], fileName: workspace.fileName } : undefined),
    );
    const reply: ChunkDone = { first: chunk.first, reports };
    port.postMessage(reply);
  });
}
