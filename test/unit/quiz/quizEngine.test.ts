import * as assert from 'node:assert/strict';
import { createEmptyCard, fsrs, generatorParameters, Grade, Rating } from 'ts-fsrs';
import { fromFsrsCard, GRADES, toFsrsCard } from '../../../src/quiz/quizEngine';
import { testEngine } from './fakes';

const params = (retention = 0.9, maximumInterval = 365) =>
  generatorParameters({ request_retention: retention, maximum_interval: maximumInterval, enable_fuzz: true });

describe('quiz engine (FSRS scheduling)', () => {
  for (const grade of GRADES) {
    it(`schedules a new item graded ${Rating[grade]} exactly as ts-fsrs does`, async () => {
      const { engine, clock } = testEngine();
      const progress = await engine.grade('dynamodb-q01', grade);
      const expected = fsrs(params()).next(createEmptyCard(clock.now()), clock.now(), grade as Grade);
      assert.deepEqual(progress.card, fromFsrsCard(expected.card));
      assert.deepEqual(progress.log, [[clock.time, grade, 0]]);
      assert.equal(progress.introduced, clock.time);
    });
  }

  it('follows ts-fsrs over a sequence of reviews weeks apart, and Easy outlasts Good outlasts Hard', async () => {
    const { engine, clock } = testEngine();
    const reference = fsrs(params());
    let card = createEmptyCard(clock.now());
    for (const grade of [3, 3, 2, 4, 1, 3] as const) {
      const progress = await engine.grade('rds-q01', grade);
      card = reference.next(card, clock.now(), grade as Grade).card;
      assert.deepEqual(progress.card, fromFsrsCard(card));
      clock.time = progress.card.due;
    }
    const preview = engine.preview('rds-q01');
    assert.ok(preview[1] < preview[2] && preview[2] < preview[3] && preview[3] < preview[4], 'later grades mean later reviews');
  });

  it('uses the desired retention and maximum interval from the settings', async () => {
    const strict = testEngine({ desiredRetention: 0.97 });
    const relaxed = testEngine({ desiredRetention: 0.8 });
    for (const { engine } of [strict, relaxed]) {
      await engine.grade('rds-q01', 4);
    }
    strict.clock.time = strict.engine.item('rds-q01')!.card.due;
    relaxed.clock.time = relaxed.engine.item('rds-q01')!.card.due;
    const strictNext = await strict.engine.grade('rds-q01', 3);
    const relaxedNext = await relaxed.engine.grade('rds-q01', 3);
    assert.ok(strictNext.card.scheduledDays < relaxedNext.card.scheduledDays, 'higher retention means shorter intervals');

    // ts-fsrs clamps to the maximum, then keeps Good a day above Hard: so at most one day over.
    const capped = testEngine({ maximumInterval: 30 });
    const uncapped = testEngine({ maximumInterval: 36500 });
    for (const run of [capped, uncapped]) {
      for (let i = 0; i < 10; i++) {
        const progress = await run.engine.grade('rds-q02', 3);
        run.clock.time = progress.card.due;
      }
    }
    assert.ok(capped.engine.state().items['rds-q02'].card.scheduledDays <= 31);
    assert.ok(uncapped.engine.state().items['rds-q02'].card.scheduledDays > 1000);
  });

  it('round-trips cards through the stored form without loss', () => {
    const card = fsrs(params()).next(createEmptyCard(new Date(2025, 0, 1)), new Date(2025, 0, 1), Rating.Good).card;
    assert.deepEqual(toFsrsCard(fromFsrsCard(card)), card);
  });

  it('counts an item due when its due time has come, and not before', async () => {
    const { engine, clock } = testEngine();
    const progress = await engine.grade('a', 3);
    assert.deepEqual(engine.dueIds(['a', 'b']), []);
    clock.time = progress.card.due - 1;
    assert.deepEqual(engine.dueIds(['a', 'b']), []);
    clock.time = progress.card.due;
    assert.deepEqual(engine.dueIds(['a', 'b']), ['a']);
    assert.deepEqual(engine.progress(['a', 'b']), { total: 2, due: 1, learning: 0, known: 0, fresh: 1 });
  });

  it('orders due items most overdue first', async () => {
    const { engine, clock } = testEngine();
    await engine.grade('late', 1);
    clock.advanceMinutes(5);
    await engine.grade('early', 1);
    clock.advanceDays(1);
    assert.deepEqual(engine.dueIds(['early', 'late']), ['late', 'early']);
  });

  it('calls an item known once it reaches the Review state and is not due', async () => {
    const { engine, clock } = testEngine();
    await engine.grade('a', 3); // learning step
    assert.equal(engine.progress(['a']).known, 0);
    const easy = await engine.grade('b', 4); // straight to Review
    assert.equal(easy.card.state, 2);
    assert.deepEqual(engine.progress(['a', 'b']), { total: 2, due: 0, learning: 1, known: 1, fresh: 0 });
    clock.time = easy.card.due;
    assert.deepEqual(engine.progress(['b']), { total: 1, due: 1, learning: 0, known: 0, fresh: 0 });
  });

  it('introduces new items up to the daily limit, and again the next day', async () => {
    const { engine, clock } = testEngine({ dailyNewLimit: 3 });
    const ids = ['n1', 'n2', 'n3', 'n4', 'n5'];
    assert.deepEqual(engine.dueCounts(ids), { due: 0, fresh: 3 });
    await engine.grade('n1', 4);
    await engine.grade('n2', 4);
    assert.equal(engine.newLeftToday(), 1);
    assert.deepEqual(engine.dueCounts(ids), { due: 0, fresh: 1 });
    await engine.grade('n3', 4);
    assert.deepEqual(engine.dueCounts(ids), { due: 0, fresh: 0 });
    clock.advanceDays(1);
    assert.equal(engine.newLeftToday(), 3);
    assert.deepEqual(engine.dueCounts(ids).fresh, 2);
  });

  it('never calls an unseen item due, and a practice quiz goes from due to new to the rest', async () => {
    const { engine, clock } = testEngine({ dailyNewLimit: 1 });
    await engine.grade('seen', 1);
    await engine.grade('solid', 4);
    clock.advanceMinutes(30);
    assert.deepEqual(engine.dueCounts(['new1', 'seen', 'new2', 'solid']), { due: 1, fresh: 0 });
    clock.advanceDays(1);
    assert.deepEqual(engine.dueCounts(['new1', 'seen', 'new2', 'solid']), { due: 1, fresh: 1 });
    assert.deepEqual(engine.practiceQueue(['new1', 'solid', 'seen', 'new2']), ['seen', 'new1', 'new2', 'solid']);
  });

  it('ignores progress of items no longer in the content', async () => {
    const { engine, clock } = testEngine();
    await engine.grade('removed-question', 1);
    clock.advanceDays(2);
    assert.deepEqual(engine.dueIds(['still-here']), []);
    assert.deepEqual(engine.progress(['still-here']), { total: 1, due: 0, learning: 0, known: 0, fresh: 1 });
  });

  it('tells listeners about grades and resets, and resets only the given items', async () => {
    const { engine } = testEngine();
    let changes = 0;
    const listener = engine.onDidChange(() => changes++);
    await engine.grade('a', 3);
    await engine.grade('b', 3);
    assert.equal(await engine.reset(['a', 'missing']), 1);
    assert.deepEqual(Object.keys(engine.state().items), ['b']);
    assert.equal(changes, 3);
    listener.dispose();
    await engine.grade('c', 3);
    assert.equal(changes, 3);
  });

  it('keeps the review log bounded', async () => {
    const { engine, clock } = testEngine();
    for (let i = 0; i < 60; i++) {
      await engine.grade('a', 1);
      clock.advanceMinutes(2);
    }
    assert.equal(engine.item('a')!.log.length, 50);
    assert.equal(engine.item('a')!.card.reps, 60);
  });

  it('knows when the due count next changes: the next due card or the next local day', async () => {
    const { engine, clock } = testEngine();
    const midnight = new Date(2025, 0, 7).getTime();
    assert.equal(engine.nextChangeAt(), midnight);
    const progress = await engine.grade('a', 1);
    assert.equal(engine.nextChangeAt(), progress.card.due);
    clock.time = progress.card.due;
    assert.equal(engine.nextChangeAt(), midnight);
  });
});
