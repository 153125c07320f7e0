/** The scope tree's token-to-scope table: the innermost scope of every token, in linear time. */
import * as assert from 'node:assert/strict';
import { ScopeTree } from '../../../src/hints/engine/scope/scopes';

/** A deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

describe('scope tree', () => {
  it('gives every token its innermost scope, as filling each range in start order would', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const tokens = 1 + Math.floor(next() * 60);
      const tree = new ScopeTree<number>(tokens, { classFieldsVisible: false });
      const ranges: [number, number][] = [[0, tokens]];
      // Random nested ranges in start order: open and close brackets over the tokens.
      const stack: number[] = [];
      for (let token = 0; token <= tokens; token++) {
        while (stack.length > 0 && (token === tokens || next() < 0.3)) {
          const start = stack.pop()!;
          if (token > start) {
            ranges.push([start, token]);
          }
          if (token < tokens) {
            break;
          }
        }
        if (token < tokens && next() < 0.4) {
          stack.push(token);
        }
      }
      const ordered = ranges.slice(1).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      const ids = ordered.map(([start, end]) => tree.add('block', start, end));
      tree.finish();
      const expected = new Int32Array(tokens);
      ordered.forEach(([start, end], index) => ids[index] >= 0 && expected.fill(ids[index], start, end));
      assert.deepEqual(Array.from({ length: tokens }, (_, token) => tree.scopeAt(token)), Array.from(expected), `round ${round}`);
    }
  });

  it('stays linear in the nesting depth', () => {
    // 200,000 nested scopes: filling each range would touch 2·10^10 entries.
    const depth = 200_000;
    const tree = new ScopeTree<number>(2 * depth, { classFieldsVisible: false });
    for (let level = 0; level < depth; level++) {
      tree.add('block', level, 2 * depth - level);
    }
    const start = performance.now();
    tree.finish();
    assert.ok(performance.now() - start < 2000, 'finish took too long');
    assert.equal(tree.scopeAt(depth - 1), depth);
    assert.equal(tree.scopeAt(depth), depth);
    assert.equal(tree.scopeAt(0), 1);
  });
});
