import * as assert from 'node:assert/strict';
import { EventTrail } from '../../../src/hints/workspace/eventTrail';

describe('the workspace model event trail', () => {
  it('keeps the last hundred entries, oldest first, each with its time', () => {
    const trail = new EventTrail();
    for (let i = 0; i < 130; i++) {
      trail.record('created', `file-${i}.yaml`);
    }
    const entries = trail.entries();
    assert.equal(entries.length, 100);
    assert.match(entries[0], /^\d\d:\d\d:\d\d\.\d{3} created file-30\.yaml$/);
    assert.match(entries[99], / created file-129\.yaml$/);
  });
});
