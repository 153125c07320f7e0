import * as assert from 'node:assert/strict';
import { loadState, MAX_LOG_ENTRIES, QUIZ_STATE_VERSION, QuizState } from '../../../src/quiz/quizState';
import { testEngine } from './fakes';

/** A realistic saved state: three items graded through the engine. */
async function savedState(): Promise<QuizState> {
  const { engine, clock } = testEngine();
  await engine.grade('dynamodb-q01', 3);
  clock.advanceMinutes(15);
  await engine.grade('dynamodb-q01', 3);
  await engine.grade('rds-q01', 1);
  await engine.grade('elasticache-mcq-001', 4);
  return engine.state();
}

/** What the store holds after a trip through globalState, which keeps JSON. */
const viaJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('quiz state: loading, migration and recovery', () => {
  it('starts empty when nothing is stored', () => {
    assert.deepEqual(loadState(undefined), { state: { version: QUIZ_STATE_VERSION, items: {} }, dropped: 0, status: 'empty' });
  });

  it('reads back what it saved', async () => {
    const state = await savedState();
    assert.deepEqual(loadState(viaJson(state)), { state, dropped: 0, status: 'ok' });
  });

  it('migrates version 1 (ts-fsrs cards with ISO dates) to the current schema', () => {
    const v1 = {
      version: 1,
      cards: {
        'rds-q01': {
          due: '2025-01-10T09:00:00.000Z', stability: 8.3, difficulty: 4.9, elapsed_days: 0, scheduled_days: 4,
          learning_steps: 0, reps: 3, lapses: 0, state: 2, last_review: '2025-01-06T09:00:00.000Z',
        },
        'rds-q02': { due: '2025-01-06T09:00:00.000Z', stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, reps: 0, lapses: 0, state: 0 },
      },
    };
    const { state, dropped, status } = loadState(v1);
    assert.equal(status, 'ok');
    assert.equal(dropped, 0);
    assert.equal(state.version, QUIZ_STATE_VERSION);
    assert.deepEqual(state.items['rds-q01'], {
      card: {
        due: Date.parse('2025-01-10T09:00:00.000Z'), stability: 8.3, difficulty: 4.9, elapsedDays: 0, scheduledDays: 4,
        learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: Date.parse('2025-01-06T09:00:00.000Z'),
      },
      log: [],
      introduced: Date.parse('2025-01-06T09:00:00.000Z'),
    });
    assert.equal(state.items['rds-q02'].card.learningSteps, 0);
  });

  it('drops corrupt entries and keeps every other one', async () => {
    const state = viaJson(await savedState()) as { items: Record<string, unknown> };
    const good = Object.keys(state.items);
    state.items['broken-card'] = { card: { due: 'tomorrow' }, log: [], introduced: 1 };
    state.items['bad-grade'] = { ...(state.items['rds-q01'] as object), log: [[Date.UTC(2025, 0, 6), 7, 0]] };
    state.items['Not An Id!'] = state.items['rds-q01'];
    state.items['not-an-object'] = 42;
    state.items['negative'] = { ...(state.items['rds-q01'] as object), card: { ...(state.items['rds-q01'] as { card: object }).card, reps: -1 } };
    const loaded = loadState(state);
    assert.equal(loaded.status, 'ok');
    assert.equal(loaded.dropped, 5);
    assert.deepEqual(Object.keys(loaded.state.items).sort(), good.sort());
  });

  it('treats an unreadable value as corrupt, losing nothing else and never throwing', () => {
    for (const raw of ['{not json', 42, [], { items: {} }, { version: 'two', items: {} }, { version: 2, items: [] }, { version: 0 }]) {
      const loaded = loadState(raw);
      assert.equal(loaded.status, 'corrupt', JSON.stringify(raw));
      assert.deepEqual(loaded.state.items, {});
    }
  });

  it('reads what it can of a newer schema and says so, so that the caller does not overwrite it', async () => {
    const state = viaJson(await savedState()) as Record<string, unknown>;
    const loaded = loadState({ ...state, version: QUIZ_STATE_VERSION + 1, somethingNew: true });
    assert.equal(loaded.status, 'newer');
    assert.equal(Object.keys(loaded.state.items).length, 3);
  });

  it('keeps only the newest log entries of an over-long log, in time order', async () => {
    const state = viaJson(await savedState()) as { items: Record<string, { log: unknown[] }> };
    const start = Date.UTC(2025, 0, 1);
    state.items['rds-q01'].log = Array.from({ length: 80 }, (_unused, i) => [start + (80 - i) * 60_000, 3, 2]);
    const log = loadState(state).state.items['rds-q01'].log;
    assert.equal(log.length, MAX_LOG_ENTRIES);
    assert.equal(log[log.length - 1][0], start + 80 * 60_000);
    assert.ok(log.every((entry, i) => i === 0 || entry[0] >= log[i - 1][0]));
  });
});
