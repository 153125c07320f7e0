/** The per-document time budget, on a clock the test controls. */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { Budget } from '../../../src/hints/engine/budget';
import { realHintRules } from './support';

const KEYS_PY = 'import redis\nr = redis.Redis()\nprint(r.keys("*"))\n';

/** A clock that advances one millisecond each time it is read, and counts the readings. */
function countingClock(): { now: () => number; readings: () => number } {
  let ticks = 0;
  return { now: () => ticks++, readings: () => ticks };
}

describe('time budget', () => {
  it('changes nothing when the budget is not reached', () => {
    const clock = countingClock();
    const bounded = analyzeText(KEYS_PY, realHintRules(), { kind: 'python', budget: new Budget(1_000_000, clock.now) });
    const unbounded = analyzeText(KEYS_PY, realHintRules(), { kind: 'python' });
    assert.equal(bounded.skipped, undefined);
    assert.deepEqual(bounded.findings, unbounded.findings);
    assert.deepEqual(bounded.sites, unbounded.sites);
    assert.ok(clock.readings() >= 4, 'the passes read the clock');
  });

  it('reports a document past its budget as skipped, with nothing half-analysed', () => {
    const clock = countingClock();
    const result = analyzeText(KEYS_PY, realHintRules(), { kind: 'python', budget: new Budget(1, clock.now) });
    assert.deepEqual(result.skipped, { kind: 'time-budget', detail: 'analysis took longer than its 1 ms budget' });
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.sites, []);
  });

  it('is checked inside the lexer loop, not only between passes', () => {
    // 200,000 blank lines: no pass boundary until lexing ends, but the lexer reads the clock as it goes.
    const text = `${'\n'.repeat(200_000)}${KEYS_PY}`;
    const clock = countingClock();
    const result = analyzeText(text, realHintRules(), { kind: 'python', budget: new Budget(10, clock.now) });
    assert.equal(result.skipped?.kind, 'time-budget');
    // Stopped after its 10th reading of the clock: about 10 × 1024 characters in, far from the end.
    assert.equal(clock.readings(), 12);
  });

  it('is checked while a template is read line by line', () => {
    // A template of 300,000 blank lines: the YAML reader reads the clock as it goes through them.
    const text = `AWSTemplateFormatVersion: "2010-09-09"\n${'\n'.repeat(300_000)}Resources: {}\n`;
    const clock = countingClock();
    const result = analyzeText(text, realHintRules(), { kind: 'yaml', budget: new Budget(100, clock.now) });
    assert.equal(result.skipped?.kind, 'time-budget');
  });
});
