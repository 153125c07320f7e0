import * as assert from 'node:assert/strict';
import { quizStatistics } from '../../../src/quiz/quizStats';
import { testEngine } from './fakes';

const groups = [
  { serviceId: 'rds', title: 'Amazon RDS', ids: ['rds-1', 'rds-2', 'rds-3'] },
  { serviceId: 'dynamodb', title: 'Amazon DynamoDB', ids: ['ddb-1', 'ddb-2'] },
];

describe('quiz statistics', () => {
  it('starts at zero with nothing answered', () => {
    const { engine } = testEngine({ dailyNewLimit: 3 });
    const stats = quizStatistics(engine, groups);
    assert.equal(stats.dueNow, 0);
    assert.equal(stats.newLeftToday, 3);
    assert.equal(stats.reviewedToday, 0);
    assert.equal(stats.streakDays, 0);
    assert.equal(stats.retention, undefined);
    assert.equal(stats.predictedRecall, undefined);
    assert.deepEqual(stats.services.map((service) => [service.total, service.fresh]), [[3, 3], [2, 2]]);
    assert.equal(stats.upcoming.length, 7);
    assert.ok(stats.upcoming.every((day) => day.count === 0));
  });

  it('counts reviews today, the daily streak, and resets the streak after a missed day', async () => {
    const { engine, clock } = testEngine();
    for (let day = 0; day < 3; day++) {
      await engine.grade('rds-1', 3);
      await engine.grade('rds-2', 3);
      clock.advanceDays(1);
    }
    // The streak still stands the next morning, before today's first review.
    assert.equal(quizStatistics(engine, groups).streakDays, 3);
    await engine.grade('rds-3', 3);
    let stats = quizStatistics(engine, groups);
    assert.equal(stats.streakDays, 4);
    assert.equal(stats.reviewedToday, 1);
    clock.advanceDays(2);
    stats = quizStatistics(engine, groups);
    assert.equal(stats.streakDays, 0);
    assert.equal(stats.reviewedToday, 0);
  });

  it('measures retention over reviews of learned items only', async () => {
    const { engine, clock } = testEngine();
    await engine.grade('rds-1', 4); // new → Review: a first answer, not a review of a learned item
    await engine.grade('rds-2', 4);
    assert.equal(quizStatistics(engine, groups).retention, undefined);
    clock.time = engine.item('rds-1')!.card.due;
    await engine.grade('rds-1', 3);
    clock.time = Math.max(clock.time, engine.item('rds-2')!.card.due);
    await engine.grade('rds-2', 1);
    assert.deepEqual(quizStatistics(engine, groups).retention, { recalled: 1, reviews: 2 });
    const predicted = quizStatistics(engine, groups).predictedRecall!;
    assert.ok(predicted > 0 && predicted <= 1);
  });

  it('reports per-service progress and upcoming reviews by day; what is due now is not counted again for later today', async () => {
    const { engine, clock } = testEngine();
    await engine.grade('ddb-1', 3);
    clock.advanceMinutes(10);
    await engine.grade('ddb-1', 3); // past the learning steps: due in a few days
    await engine.grade('rds-1', 1);
    const ddbDue = engine.item('ddb-1')!.card.due;
    clock.advanceMinutes(30); // rds-1 is now overdue
    const stats = quizStatistics(engine, groups);
    assert.equal(stats.dueNow, 1);
    assert.equal(stats.upcoming[0].count, 0);
    const day = stats.upcoming.findIndex((entry, i) => ddbDue >= entry.dayStart && i < 6 && ddbDue < stats.upcoming[i + 1].dayStart);
    assert.ok(day > 0, 'the learned item falls due on a later day within the week');
    assert.equal(stats.upcoming[day].count, 1);
    assert.deepEqual(
      stats.services.map(({ serviceId, total, due, known, fresh }) => ({ serviceId, total, due, known, fresh })),
      [
        { serviceId: 'rds', total: 3, due: 1, known: 0, fresh: 2 },
        { serviceId: 'dynamodb', total: 2, due: 0, known: 1, fresh: 1 },
      ],
    );
  });

  it('does not offer more new items than are left unseen', async () => {
    const { engine } = testEngine({ dailyNewLimit: 50 });
    assert.equal(quizStatistics(engine, groups).newLeftToday, 5);
  });
});
