import * as assert from 'node:assert/strict';
import { createEmptyCard, fsrs, generatorParameters, Grade } from 'ts-fsrs';
import { fromFsrsCard } from '../../../src/quiz/fsrsCards';
import {
  emptyLog,
  exportProgress,
  logFromState,
  MachineLog,
  MAX_REVIEWS_PER_ITEM,
  mergeLogs,
  parseProgressFile,
  readMachineLog,
  ReplayCache,
  Scheduler,
  withLog,
  withReset,
  withReview,
} from '../../../src/quiz/progressLog';
import { EXPORT_FORMAT, GradeValue, MAX_IMPORT_BYTES, QUIZ_STATE_VERSION } from '../../../src/quiz/quizState';
import { FakeClock, MemoryStore, testEngine } from './fakes';
import { QuizEngine } from '../../../src/quiz/quizEngine';

const scheduler = fsrs(generatorParameters({ request_retention: 0.9, maximum_interval: 365, enable_fuzz: true }));
const schedule: Scheduler = (card, at, grade) => scheduler.next(card, at, grade as number as Grade).card;
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Grades `reviews` (minutes from the clock's start, grade) into a machine's log. */
function machine(name: string, reviews: Array<[string, number, GradeValue]>, start = new FakeClock().time): MachineLog {
  return reviews.reduce((log, [id, minutes, grade]) => withReview(log, id, start + minutes * 60_000, grade, schedule), emptyLog(name));
}

describe('progress logs: one per machine, merged by replaying every review', () => {
  it('replays one machine\'s reviews to exactly the schedule ts-fsrs gives review by review', () => {
    const clock = new FakeClock();
    const grades: GradeValue[] = [3, 3, 2, 4, 1, 3];
    let card = createEmptyCard(clock.now());
    let log = emptyLog('laptop');
    for (const grade of grades) {
      log = withReview(log, 'rds-q01', clock.time, grade, schedule);
      card = scheduler.next(card, clock.now(), grade as number as Grade).card;
      clock.time = card.due.getTime();
    }
    const merged = mergeLogs([viaJson(log)], schedule).items['rds-q01'];
    assert.deepEqual(merged.card, fromFsrsCard(card));
    assert.deepEqual(merged.log.map((entry) => entry[1]), grades);
  });

  it('merges two machines that diverged: every review of both counts, in time order', () => {
    const start = new FakeClock().time;
    const laptop = machine('laptop', [['rds-q01', 0, 3], ['dynamodb-q01', 5, 1], ['rds-q01', 600, 3]], start);
    const desktop = machine('desktop', [['rds-q01', 30, 2], ['elasticache-q01', 40, 4]], start);
    const merged = mergeLogs([laptop, desktop], schedule);
    assert.deepEqual(Object.keys(merged.items).sort(), ['dynamodb-q01', 'elasticache-q01', 'rds-q01']);
    const rds = merged.items['rds-q01'];
    assert.deepEqual(rds.log.map((entry) => [entry[0] - start, entry[1]]), [[0, 3], [30 * 60_000, 2], [600 * 60_000, 3]]);
    // The same as one machine that saw all three reviews.
    const single = machine('one', [['rds-q01', 0, 3], ['rds-q01', 30, 2], ['rds-q01', 600, 3]], start);
    assert.deepEqual(rds, mergeLogs([single], schedule).items['rds-q01']);
    // The order of the logs does not matter.
    assert.deepEqual(mergeLogs([desktop, laptop], schedule), merged);
  });

  it('replays only the items whose records changed, with the same result as a full replay', () => {
    const start = new FakeClock().time;
    const laptop = machine('laptop', [['rds-q01', 0, 3], ['rds-q02', 1, 1]], start);
    const desktop = machine('desktop', [['rds-q01', 30, 2]], start);
    const cache: ReplayCache = new Map();
    const first = mergeLogs([laptop, desktop], schedule, cache);
    const next = withReview(laptop, 'rds-q02', start + 60 * 60_000, 4, schedule);
    const cached = mergeLogs([next, desktop], schedule, cache);
    assert.deepEqual(cached, mergeLogs([next, desktop], schedule));
    assert.equal(cached.items['rds-q01'], first.items['rds-q01'], 'the unchanged item is reused, not replayed');
    assert.notDeepEqual(cached.items['rds-q02'], first.items['rds-q02']);
  });

  it('counts a review once when it reaches a log twice (an import of an export)', () => {
    const laptop = machine('laptop', [['rds-q01', 0, 3], ['rds-q01', 20, 3]]);
    const both = withLog(laptop, laptop);
    assert.equal(both.items['rds-q01'].reviews.length, 2);
    assert.deepEqual(mergeLogs([laptop, laptop], schedule), mergeLogs([laptop], schedule));
  });

  it('forgets an item reset on one machine, including the other machine\'s earlier reviews, but not later ones', () => {
    const start = new FakeClock().time;
    const laptop = machine('laptop', [['rds-q01', 0, 3], ['rds-q02', 0, 3]], start);
    const desktop = withReset(machine('desktop', [], start), ['rds-q01'], start + 10 * 60_000);
    assert.deepEqual(Object.keys(mergeLogs([laptop, desktop], schedule).items), ['rds-q02']);
    const later = withReview(laptop, 'rds-q01', start + 20 * 60_000, 4, schedule);
    assert.equal(mergeLogs([later, desktop], schedule).items['rds-q01'].log.length, 1);
  });

  it('folds the oldest reviews into a base past the per-item cap, keeping the schedule', () => {
    const reviews: Array<[string, number, GradeValue]> = Array.from({ length: MAX_REVIEWS_PER_ITEM + 5 }, (_unused, i) => ['rds-q01', i * 2, 1]);
    const capped = machine('laptop', reviews);
    assert.equal(capped.items['rds-q01'].reviews.length, MAX_REVIEWS_PER_ITEM);
    assert.ok(capped.items['rds-q01'].base);
    const replayed = mergeLogs([capped], schedule).items['rds-q01'];
    assert.equal(replayed.card.reps, MAX_REVIEWS_PER_ITEM + 5);
    assert.deepEqual(replayed.card, mergeLogs([viaJson({ ...capped, items: { 'rds-q01': { reviews: capped.items['rds-q01'].reviews, base: capped.items['rds-q01'].base } } })], schedule).items['rds-q01'].card);
  });

  it('migrates the single stored value of earlier versions with nothing lost, and replays later reviews on top', async () => {
    const { engine, clock } = testEngine();
    await engine.grade('rds-q01', 3);
    clock.advanceMinutes(15);
    await engine.grade('rds-q01', 3);
    await engine.grade('dynamodb-q01', 1);
    const v2 = viaJson(engine.state());
    const migrated = logFromState(v2, 'laptop');
    assert.deepEqual(mergeLogs([migrated], schedule), v2);

    clock.time = v2.items['rds-q01'].card.due;
    const continued = withReview(migrated, 'rds-q01', clock.time, 4, schedule);
    const item = mergeLogs([continued], schedule).items['rds-q01'];
    assert.equal(item.log.length, 3);
    assert.equal(item.card.reps, 3);
    assert.equal(item.introduced, v2.items['rds-q01'].introduced);
  });

  it('reads what it wrote, and keeps the readable entries of a damaged log', () => {
    const log = machine('laptop', [['rds-q01', 0, 3], ['rds-q02', 1, 4]]);
    assert.deepEqual(readMachineLog(viaJson(log), 'x'), { log, dropped: 0, status: 'ok' });
    const damaged = viaJson(log) as unknown as { items: Record<string, unknown> };
    damaged.items['rds-q02'] = { reviews: [[1, 9]] };
    damaged.items['Not An Id'] = { reviews: [] };
    const loaded = readMachineLog(damaged, 'x');
    assert.equal(loaded.status, 'ok');
    assert.equal(loaded.dropped, 2);
    assert.deepEqual(Object.keys(loaded.log.items), ['rds-q01']);
    assert.equal(readMachineLog('garbage', 'x').status, 'corrupt');
    assert.equal(readMachineLog({ version: 99, machine: 'm', items: {} }, 'x').status, 'newer');
    assert.equal(readMachineLog(undefined, 'x').status, 'empty');
  });
});

describe('quiz progress files: export and import', () => {
  it('imports what it exported, and an import merges with what is there', async () => {
    const other = machine('desktop', [['rds-q01', 0, 3], ['rds-q02', 5, 1]]);
    const file = exportProgress(other, new Date(2025, 0, 6));
    const result = parseProgressFile(file);
    assert.ok(result.ok);
    assert.deepEqual(result.log, other);
    assert.equal(result.items, 2);

    const store = new MemoryStore(machine('this-machine', [['rds-q01', 60, 4]]));
    const engine = new QuizEngine(store, () => ({ desiredRetention: 0.9, maximumInterval: 365, dailyNewLimit: 20 }), new FakeClock().now);
    await engine.absorb(result.log);
    const item = engine.item('rds-q01')!;
    assert.deepEqual(item.log.map((entry) => entry[1]), [3, 4], 'both machines\' reviews of rds-q01, in time order');
    assert.ok(engine.item('rds-q02'));
  });

  it('imports the export of earlier versions (one state) as bases', async () => {
    const { engine } = testEngine();
    await engine.grade('rds-q01', 3);
    const state = viaJson(engine.state());
    const result = parseProgressFile(JSON.stringify({ format: EXPORT_FORMAT, exportedAt: '', state }));
    assert.ok(result.ok);
    assert.deepEqual(mergeLogs([result.log], schedule), state);
  });

  it('refuses what it cannot import, and says why', () => {
    assert.deepEqual(parseProgressFile('{"format": '), { ok: false, error: 'notJson' });
    for (const text of ['[]', 'null', JSON.stringify({ format: 'other', log: {} }), JSON.stringify({ format: EXPORT_FORMAT, log: 'x' }), JSON.stringify({ format: EXPORT_FORMAT, log: { version: 3 } })]) {
      assert.deepEqual(parseProgressFile(text), { ok: false, error: 'wrongFormat' }, text);
    }
    assert.deepEqual(parseProgressFile('', MAX_IMPORT_BYTES + 1), { ok: false, error: 'tooLarge' });
    assert.deepEqual(parseProgressFile(JSON.stringify({ format: EXPORT_FORMAT, log: { version: 4, machine: 'm', items: {} } })), { ok: false, error: 'newerVersion' });
    assert.deepEqual(parseProgressFile(JSON.stringify({ format: EXPORT_FORMAT, state: { version: QUIZ_STATE_VERSION + 1, items: {} } })), { ok: false, error: 'newerVersion' });
    assert.deepEqual(parseProgressFile(JSON.stringify({ format: EXPORT_FORMAT, state: { version: 2, items: { a: 1, b: {} } } })), { ok: false, error: 'noEntries' });
  });
});
