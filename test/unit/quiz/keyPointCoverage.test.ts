import * as assert from 'node:assert/strict';
import { keyPointCoverage, words } from '../../../src/quiz/keyPointCoverage';
import { realContent } from '../../support/realCatalog';

function question(id: string) {
  const found = realContent().questions.find((candidate) => candidate.id === id);
  assert.ok(found, id);
  return found;
}

/** The indexes of the key points whose text matches each pattern, so tests survive rewording elsewhere. */
function pointIndex(id: string, pattern: RegExp): number {
  const index = question(id).keyPoints.findIndex((point) => pattern.test(point));
  assert.ok(index >= 0, `${id} has a key point matching ${pattern}`);
  return index;
}

function ticked(id: string, answer: string): number[] {
  const coverage = keyPointCoverage(answer, question(id).keyPointTerms ?? []);
  return coverage.covered.flatMap((covered, index) => (covered ? [index] : []));
}

describe('key point coverage of a typed answer', () => {
  it('splits text into lower-case words without accents or punctuation', () => {
    assert.deepEqual(words('Multi-AZ: “Read-Replicas”, café 3,000 RCU'), ['multi', 'az', 'read', 'replicas', 'cafe', '3', '000', 'rcu']);
  });

  it('ticks the asynchronous and the other-Region points of the Multi-AZ versus read replica question', () => {
    const asynchronous = pointIndex('rds-q03', /asynchronous/);
    const region = pointIndex('rds-q03', /another Region/);
    const synchronous = pointIndex('rds-q03', /synchronous standby/);
    const answer = 'Read replicas copy the data asynchronous, and one can live in another Region.';
    const result = ticked('rds-q03', answer);
    assert.deepEqual(result, [asynchronous, region].sort());
    assert.ok(!result.includes(synchronous), '"asynchronous" does not tick the synchronous standby point');
  });

  it('ticks the Multi-AZ point only when both of its terms are there', () => {
    const synchronous = pointIndex('rds-q03', /synchronous standby/);
    assert.ok(!ticked('rds-q03', 'There is a synchronous copy.').includes(synchronous));
    assert.ok(ticked('rds-q03', 'Multi-AZ keeps a synchronous standby in another AZ').includes(synchronous));
  });

  it('accepts plurals and common endings but not other words that share a prefix', () => {
    const terms = [[['replica']], [['encrypt']], [['sync']]];
    assert.deepEqual(keyPointCoverage('Replicas are encrypted', terms).covered, [true, true, false]);
    assert.deepEqual(keyPointCoverage('replicate the data asynchronously', terms).covered, [false, false, false]);
  });

  it('matches a phrase only as consecutive words', () => {
    const terms = [[['another region']]];
    assert.deepEqual(keyPointCoverage('in another AWS region', terms).covered, [false]);
    assert.deepEqual(keyPointCoverage('in ANOTHER Region.', terms).covered, [true]);
  });

  it('suggests Again for nothing covered, Hard for under half, Good from half, and nothing without an answer', () => {
    const terms = [[['alpha']], [['beta']], [['gamma']], [['delta']]];
    assert.equal(keyPointCoverage('', terms).suggested, undefined);
    assert.equal(keyPointCoverage('   ', terms).suggested, undefined);
    assert.equal(keyPointCoverage('nothing relevant', terms).suggested, 1);
    assert.equal(keyPointCoverage('alpha', terms).suggested, 2);
    assert.equal(keyPointCoverage('alpha beta', terms).suggested, 3);
    assert.equal(keyPointCoverage('alpha beta gamma delta', terms).suggested, 3, 'Easy is the learner\'s call');
  });

  it('gives a DynamoDB consistency answer in its own words the points it covers', () => {
    const result = ticked('dynamodb-q06', 'Reads are eventually consistent by default. With ConsistentRead you get strong consistency, but not on a GSI.');
    assert.ok(result.includes(pointIndex('dynamodb-q06', /Eventually consistent is the default/)));
    assert.ok(result.includes(pointIndex('dynamodb-q06', /ConsistentRead=true/)));
    assert.ok(result.includes(pointIndex('dynamodb-q06', /not GSIs/)));
  });

  it('reads a long paste in linear time and caps what it reads', () => {
    const terms = [[['needle']]];
    const started = Date.now();
    const result = keyPointCoverage(`${'word '.repeat(200_000)} needle`, terms);
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual(result.covered, [false], 'text past the cap is not read');
  });

  it('has terms for every key point of every question except those to ask the interviewer', () => {
    for (const item of realContent().questions) {
      const terms = item.keyPointTerms ?? [];
      if (item.group === 'ask-interviewer') {
        assert.equal(terms.length, 0, item.id);
        continue;
      }
      assert.equal(terms.length, item.keyPoints.length, item.id);
      terms.forEach((entries, index) => assert.ok(entries.length > 0 && entries.every((synonyms) => synonyms.length > 0), `${item.id} point ${index}`));
    }
  });

  it('ticks every point of a question when the answer is its own key points', () => {
    for (const item of realContent().questions.filter((candidate) => candidate.group !== 'ask-interviewer')) {
      const coverage = keyPointCoverage(`${item.answer}\n${item.keyPoints.join('\n')}`, item.keyPointTerms ?? []);
      coverage.covered.forEach((covered, index) => assert.ok(covered, `${item.id}: "${item.keyPoints[index]}" is not covered by its own model answer`));
    }
  });
});
