import * as assert from 'node:assert/strict';
import { quizItems, scopeParts, QuizItem } from '../../../src/quiz/quizScope';
import { interleaveNew, limitSession, scopedQueue, spaceConcepts, todaysReview } from '../../../src/quiz/sessionPlan';
import { quizItemCounts } from '../../../src/content/compiler/buildModules';
import { countsFromSummary, freshInstallCounts, readStartupSummary, startupSummary } from '../../../src/quiz/quizSummary';
import { realCatalog } from '../../support/realCatalog';
import { testEngine } from './fakes';

const catalog = realCatalog();
const items = quizItems(catalog, false);

function adjacentSameConcept(queue: readonly QuizItem[]): number {
  return queue.filter((item, i) => i > 0 && queue[i - 1].concept === item.concept).length;
}

describe('quiz sessions: what today\'s review and a scoped quiz ask, in which order', () => {
  it('starts a fresh install with new items from every service, never two on one concept side by side', () => {
    const { engine } = testEngine();
    const queue = todaysReview(engine, items);
    assert.equal(queue.length, 20, 'the daily new-item limit');
    assert.deepEqual(new Set(queue.slice(0, 3).map((item) => item.service)), new Set(['rds', 'dynamodb', 'elasticache']));
    assert.equal(adjacentSameConcept(queue), 0);
    assert.equal(new Set(queue.map((item) => item.noteIds[0])).size, queue.length, 'twenty new items from twenty notes');
  });

  it('puts due reviews first, then new items; an unseen item is never counted due', async () => {
    const { engine, clock } = testEngine({ dailyNewLimit: 3 });
    await engine.grade('rds-q01', 1);
    clock.advanceMinutes(30);
    const queue = todaysReview(engine, items);
    assert.equal(queue[0].id, 'rds-q01');
    assert.equal(queue.length, 1 + 2, 'one due, and the two new items the limit still allows today');
    assert.deepEqual(engine.dueCounts(items.map((item) => item.id)), { due: 1, fresh: 2 });
  });

  it('mixes new items across services, and within a service across notes', () => {
    const mixed = interleaveNew(items);
    assert.deepEqual(mixed.slice(0, 3).map((item) => item.service), ['rds', 'dynamodb', 'elasticache']);
    const rds = mixed.filter((item) => item.service === 'rds').slice(0, 5);
    assert.equal(new Set(rds.map((item) => item.noteIds[0])).size, 5);
  });

  it('moves an item away from a neighbour on the same concept, and keeps the order otherwise', () => {
    const [a, b, c] = items.filter((item) => item.concept === 'rds-engines' || item.concept === 'rds-multi-az-standby');
    const same = items.filter((item) => item.concept === 'rds-engines');
    assert.equal(same.length, 2);
    const spaced = spaceConcepts([same[0], same[1], c]);
    assert.deepEqual(spaced.map((item) => item.id), [same[0].id, c.id, same[1].id]);
    assert.deepEqual(spaceConcepts([a, c, b]).map((item) => item.id), [a, c, b].map((item) => item.id));
    assert.deepEqual(spaceConcepts([same[0], same[1]]).map((item) => item.id), same.map((item) => item.id), 'nothing else to put between them');
  });

  it('starts a note\'s quiz with the note\'s own items, and a section\'s with the section\'s own', () => {
    const { engine } = testEngine();
    const note = scopeParts(catalog, items, { kind: 'note', noteId: 'dynamodb-consistency' });
    const noteQueue = scopedQueue(engine, note.own, note.linked);
    assert.ok(note.own.length > 0 && note.linked.length > 0);
    assert.ok(noteQueue.slice(0, note.own.length).every((item) => item.noteIds[0] === 'dynamodb-consistency'));
    assert.notEqual(noteQueue[0].id, 'dynamodb-q01', 'not "What is Amazon DynamoDB"');

    const section = catalog.note('dynamodb-security')!.section;
    const parts = scopeParts(catalog, items, { kind: 'section', sectionId: section });
    const queue = scopedQueue(engine, parts.own, parts.linked);
    assert.ok(queue.slice(0, parts.own.length).every((item) => catalog.note(item.noteIds[0])!.section === section));
  });

  it('cuts a session to its length; a timed session keeps the whole queue', () => {
    assert.deepEqual(limitSession([1, 2, 3], { kind: 'items', count: 2 }), [1, 2]);
    assert.deepEqual(limitSession([1, 2, 3], { kind: 'minutes', minutes: 5 }), [1, 2, 3]);
  });
});

describe('quiz summaries', () => {
  it('gives the status bar\'s counts from the startup summary without replaying, the same as the engine', async () => {
    const { engine, clock } = testEngine();
    const ids = items.map((item) => item.id);
    await engine.grade('rds-q01', 1);
    await engine.grade('rds-q02', 4);
    const summary = JSON.parse(JSON.stringify(startupSummary(engine, ids, false, 12345)));
    assert.equal(readStartupSummary(summary)?.mark, 12345, 'the mark of the logs it counted');
    assert.deepEqual(countsFromSummary(summary, clock.time, 20, false), engine.dueCounts(ids));
    clock.advanceDays(1);
    assert.deepEqual(countsFromSummary(summary, clock.time, 20, false), engine.dueCounts(ids), 'a new day: due again, new limit reset');
    assert.equal(countsFromSummary(summary, clock.time, 20, true), undefined, 'another setting: stale');
    assert.equal(countsFromSummary({ ...summary, version: 1 }, clock.time, 20, false), undefined, 'an older version: stale');
    assert.equal(countsFromSummary({ ...summary, mark: undefined }, clock.time, 20, false), undefined);
    assert.equal(countsFromSummary(undefined, clock.time, 20, false), undefined);
  });

  it('gives a fresh install the engine\'s counts from the item counts the build makes, without the catalog', () => {
    const counts = quizItemCounts(catalog.catalog);
    for (const dailyNewLimit of [0, 20, 1000]) {
      for (const includeAskInterviewer of [false, true]) {
        const { engine } = testEngine({ dailyNewLimit });
        const eligible = quizItems(catalog, includeAskInterviewer).map((item) => item.id);
        const built = includeAskInterviewer ? counts.withAskInterviewer : counts.withoutAskInterviewer;
        assert.deepEqual(freshInstallCounts(built, dailyNewLimit), engine.dueCounts(eligible), `limit ${dailyNewLimit}, ask-interviewer ${includeAskInterviewer}`);
      }
    }
    assert.ok(counts.withAskInterviewer > counts.withoutAskInterviewer, 'the setting changes the count');
  });
});
