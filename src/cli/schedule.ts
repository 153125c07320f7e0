/**
 * Which thread works on what. A thread's first pass over a kind of document costs several times its
 * later ones: V8 compiles and optimizes that kind's analyzer in each thread that runs it. So the work is
 * cut into chunks of one kind each, every kind goes to one thread (the heaviest first, each to the
 * thread with the least so far), and a thread that runs out takes the last chunk of the thread with
 * the most left. On a 3,400-file tree of six kinds, two threads that each warm up three of them executed
 * 9% fewer instructions than two threads that both warm up all six (8% in workspace mode; cachegrind).
 */
import { DocumentKind } from '../hints/engine/documentKinds';

/** Kinds read by the same analyzer: a thread warmed up on one is warm for the other. */
const SAME_ANALYZER: Partial<Record<DocumentKind, DocumentKind>> = { javascript: 'typescript', json: 'yaml' };

/** Consecutive items of one kind, by their positions in the list. */
export interface Chunk {
  id: number;
  positions: number[];
}

interface Queue {
  chunks: Chunk[];
  /** The next chunk the owner takes; chunks from the end go to threads that ran out. */
  head: number;
  /** The weight of the chunks not yet taken. */
  left: number;
  weights: number[];
}

export class WorkQueues {
  private readonly queues: Queue[];
  readonly chunkCount: number;

  /**
   * `weight` is an item's bytes (0 counts as 1); a chunk is cut at `chunkWeight` or `chunkItems`, small
   * enough to balance the threads, large enough that messages cost nothing.
   */
  constructor(kinds: readonly DocumentKind[], weight: (position: number) => number, threads: number, chunkWeight: number, chunkItems: number) {
    const byKind = new Map<DocumentKind, { chunks: Chunk[]; weights: number[]; total: number }>();
    let chunkCount = 0;
    kinds.forEach((written, position) => {
      const kind = SAME_ANALYZER[written] ?? written;
      let group = byKind.get(kind);
      if (!group) {
        group = { chunks: [], weights: [], total: 0 };
        byKind.set(kind, group);
      }
      const last = group.chunks.length - 1;
      const itemWeight = Math.max(1, weight(position));
      if (last < 0 || group.weights[last] >= chunkWeight || group.chunks[last].positions.length >= chunkItems) {
        group.chunks.push({ id: chunkCount++, positions: [position] });
        group.weights.push(itemWeight);
      } else {
        group.chunks[last].positions.push(position);
        group.weights[last] += itemWeight;
      }
      group.total += itemWeight;
    });
    this.chunkCount = chunkCount;
    this.queues = Array.from({ length: Math.max(1, threads) }, () => ({ chunks: [], head: 0, left: 0, weights: [] }));
    for (const group of [...byKind.values()].sort((a, b) => b.total - a.total)) {
      const lightest = this.queues.reduce((best, queue) => (queue.left < best.left ? queue : best));
      lightest.chunks.push(...group.chunks);
      lightest.weights.push(...group.weights);
      lightest.left += group.total;
    }
  }

  /** The next chunk for `thread`: its own next one, else the last of the thread with the most left; undefined when all are taken. */
  next(thread: number): Chunk | undefined {
    const own = this.queues[thread];
    if (own.head < own.chunks.length) {
      own.left -= own.weights[own.head];
      return own.chunks[own.head++];
    }
    const fullest = this.queues.reduce((best, queue) => (queue.left > best.left ? queue : best));
    if (fullest.head >= fullest.chunks.length) {
      return undefined;
    }
    fullest.left -= fullest.weights[fullest.chunks.length - 1];
    fullest.weights.pop();
    return fullest.chunks.pop();
  }
}
