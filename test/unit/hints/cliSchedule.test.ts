/** How the CLI hands chunks of a file list to its threads: one kind of document per thread while it has work of its own. */
import * as assert from 'node:assert/strict';
import { Chunk, WorkQueues } from '../../../src/cli/schedule';
import { DocumentKind } from '../../../src/hints/engine/documentKinds';

/** The threads take chunks in turn until none is left; what each thread took, in order. */
function drain(queues: WorkQueues, threads: number): Chunk[][] {
  const taken: Chunk[][] = Array.from({ length: threads }, () => []);
  for (let done = false; !done; ) {
    done = true;
    for (let thread = 0; thread < threads; thread++) {
      const chunk = queues.next(thread);
      if (chunk) {
        taken[thread].push(chunk);
        done = false;
      }
    }
  }
  return taken;
}

/** A list like a tree's: the kinds interleaved, as files of several kinds sit side by side in folders. */
function interleaved(kinds: DocumentKind[], each: number): DocumentKind[] {
  return Array.from({ length: kinds.length * each }, (_, i) => kinds[i % kinds.length]);
}

describe('CLI thread schedule', () => {
  const six: DocumentKind[] = ['typescript', 'python', 'terraform', 'yaml', 'java', 'go'];

  it('hands out every item once, in chunks of one kind each', () => {
    const kinds = interleaved(six, 50);
    const queues = new WorkQueues(kinds, () => 1000, 2, 8000, 16);
    const taken = drain(queues, 2).flat();
    assert.equal(taken.length, queues.chunkCount);
    const positions = taken.flatMap((chunk) => chunk.positions).sort((a, b) => a - b);
    assert.deepEqual(positions, kinds.map((_, i) => i));
    for (const chunk of taken) {
      assert.equal(new Set(chunk.positions.map((position) => kinds[position])).size, 1, 'one kind per chunk');
      assert.ok(chunk.positions.length <= 8, 'cut at the chunk weight');
    }
  });

  it('gives each kind to one thread, three kinds each for six of equal weight', () => {
    const kinds = interleaved(six, 50);
    const taken = drain(new WorkQueues(kinds, () => 1000, 2, 8000, 16), 2);
    const kindsOf = taken.map((chunks) => new Set(chunks.flatMap((chunk) => chunk.positions.map((position) => kinds[position]))));
    assert.equal(kindsOf[0].size, 3);
    assert.equal(kindsOf[1].size, 3);
    assert.deepEqual([...kindsOf[0]].filter((kind) => kindsOf[1].has(kind)), []);
  });

  it('puts the heaviest kind alone when it weighs as much as the rest, and reads JavaScript with TypeScript and JSON with YAML', () => {
    const kinds: DocumentKind[] = [...Array(30).fill('typescript'), ...Array(30).fill('javascript'), ...Array(20).fill('terraform'), ...Array(20).fill('yaml'), ...Array(20).fill('json')];
    const taken = drain(new WorkQueues(kinds, () => 1, 2, 4, 16), 2);
    const kindsOf = taken.map((chunks) => new Set(chunks.flatMap((chunk) => chunk.positions.map((position) => kinds[position]))));
    assert.deepEqual([...kindsOf[0]].sort(), ['javascript', 'typescript']);
    assert.deepEqual([...kindsOf[1]].sort(), ['json', 'terraform', 'yaml']);
  });

  it('lets a thread that ran out take the last chunks of the busiest thread, so one kind still keeps both busy', () => {
    const kinds = interleaved(['typescript'], 64);
    const taken = drain(new WorkQueues(kinds, () => 1, 2, 4, 16), 2);
    assert.equal(taken[0].length, 8);
    assert.equal(taken[1].length, 8);
    assert.ok(taken[1].every((chunk) => chunk.positions[0] >= 32), 'the thread without work of its own takes from the end');
  });

  it('counts an item of no size as one, and cuts by item count', () => {
    const queues = new WorkQueues(interleaved(['terraform'], 40), () => 0, 1, 128 * 1024, 16);
    assert.deepEqual(drain(queues, 1)[0].map((chunk) => chunk.positions.length), [16, 16, 8]);
  });
});
