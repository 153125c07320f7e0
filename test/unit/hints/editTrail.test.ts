import * as assert from 'node:assert/strict';
import { EditTrail } from '../../../src/hints/engine/editTrail';
import { HintSite } from '../../../src/hints/engine/types';

const site = (start: number, end: number, ruleId: string): HintSite => ({ start, end, ruleIds: [ruleId], origin: 'sdk' });
const SITES = [site(10, 14, 'a'), site(30, 34, 'b'), site(60, 70, 'c')];
const spanAt = (trail: EditTrail, offset: number) => {
  const found = trail.siteAt(offset);
  return typeof found === 'object' ? [found.ruleIds[0], found.start, found.end] : found;
};

describe('hover sites across edits', () => {
  it('answers as the analysis did while nothing changed', () => {
    const trail = new EditTrail(SITES);
    assert.deepEqual(spanAt(trail, 12), ['a', 10, 14]);
    assert.equal(spanAt(trail, 20), undefined);
  });

  it('finds sites before an edit in place and sites after it shifted', () => {
    const trail = new EditTrail(SITES);
    trail.add({ offset: 20, deleted: 0, inserted: 5 });
    assert.deepEqual(spanAt(trail, 12), ['a', 10, 14]);
    assert.deepEqual(spanAt(trail, 37), ['b', 35, 39]);
    assert.equal(spanAt(trail, 32), undefined, 'the old place of b now holds other text');
    assert.deepEqual(spanAt(trail, 70), ['c', 65, 75]);
  });

  it('says changed in and next to the edited text, and for a site the edit touched', () => {
    const trail = new EditTrail(SITES);
    trail.add({ offset: 34, deleted: 0, inserted: 2 });
    assert.equal(spanAt(trail, 35), 'changed', 'inside the inserted text');
    assert.equal(spanAt(trail, 33), 'changed', 'just before it');
    assert.equal(spanAt(trail, 36), 'changed', 'just after it');
    // b ends where the text was typed, so `scan` may now be another name.
    assert.equal(spanAt(trail, 31), 'changed');
  });

  it('follows replacements and deletions, edit after edit', () => {
    const trail = new EditTrail(SITES);
    trail.add({ offset: 20, deleted: 6, inserted: 2 });
    trail.add({ offset: 0, deleted: 3, inserted: 0 });
    assert.deepEqual(spanAt(trail, 8), ['a', 7, 11]);
    assert.deepEqual(spanAt(trail, 24), ['b', 23, 27]);
    assert.deepEqual(spanAt(trail, 55), ['c', 53, 63]);
    assert.equal(spanAt(trail, 17), 'changed');
  });

  it('gives up on a trail too long to follow', () => {
    const trail = new EditTrail(SITES);
    let following = true;
    for (let k = 0; k < 1001; k++) {
      following = trail.add({ offset: 100 + k, deleted: 0, inserted: 1 });
    }
    assert.equal(following, false);
  });
});
