import * as assert from 'node:assert/strict';
import { summarizeSession } from '../../../src/quiz/sessionSummary';
import { sessionSummaryHtml } from '../../../src/quiz/summaryHtml';
import { sampleCatalog } from '../../support/sampleCatalog';
import { t } from './fakes';

const NOW = Date.UTC(2025, 0, 6, 9);
const HOUR = 3600_000;
const DAY_END = NOW + 15 * HOUR;

describe('session summary', () => {
  const answered = [
    { itemId: 'a', noteIds: ['dynamodb-keys'], grade: 1 as const, nextDue: NOW + HOUR / 6 },
    { itemId: 'b', noteIds: ['dynamodb-backups', 'dynamodb-keys'], grade: 2 as const, nextDue: NOW + 2 * HOUR },
    { itemId: 'c', noteIds: ['dynamodb-indexes'], grade: 3 as const, nextDue: NOW + 3 * 24 * HOUR },
    { itemId: 'd', noteIds: ['dynamodb-indexes'], grade: 4 as const, nextDue: NOW + 9 * 24 * HOUR },
  ];

  it('counts answered, recalled, skipped and not reached, and finds the next review', () => {
    const summary = summarizeSession(answered, 1, 10, DAY_END);
    assert.equal(summary.answered, 4);
    assert.equal(summary.recalled, 2);
    assert.equal(summary.skipped, 1);
    assert.equal(summary.notReached, 5);
    assert.equal(summary.nextDue, NOW + HOUR / 6);
    assert.equal(summary.dueAgainToday, 2);
  });

  it('lists the notes behind Again and Hard, the most often weak first', () => {
    assert.deepEqual(summarizeSession(answered, 0, 4, DAY_END).weakNoteIds, ['dynamodb-keys', 'dynamodb-backups']);
  });

  it('has nothing to schedule when nothing was answered', () => {
    const summary = summarizeSession([], 0, 5, DAY_END);
    assert.equal(summary.nextDue, undefined);
    assert.equal(summary.notReached, 5);
    assert.deepEqual(summary.weakNoteIds, []);
  });

  it('renders the summary card with links to the weak notes and the next steps', () => {
    const html = sessionSummaryHtml(summarizeSession(answered, 0, 6, DAY_END), sampleCatalog(), t, 'Amazon DynamoDB', NOW);
    assert.match(html, /<h1 id="card-title">Quiz ended early<\/h1>/);
    assert.match(html, /Answered<\/th><td>4</);
    assert.match(html, /Recalled well<\/th><td>2 of 4</);
    assert.match(html, /Not reached<\/th><td>2</);
    assert.match(html, /Next review<\/th><td>in 10 min \(2 of these items again today\)</);
    assert.match(html, /data-note="dynamodb-keys"/);
    assert.doesNotMatch(html, /data-note="dynamodb-indexes"/);
    assert.match(html, /href="command:awsDbStudy\.reviewDue/);
    const complete = sessionSummaryHtml(summarizeSession(answered.slice(2), 0, 2, DAY_END), sampleCatalog(), t, 'x', NOW);
    assert.match(complete, /Quiz complete/);
    assert.match(complete, /No weak topics/);
  });
});
