import * as assert from 'node:assert/strict';
import { itemsInScope, mockInterviewQuestions, quizItems, scopeFromArgument, scopeTitle, shuffled } from '../../../src/quiz/quizScope';
import { realCatalog } from '../../support/realCatalog';

/** A deterministic random source for shuffles. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('quiz scopes over the real content', () => {
  const catalog = realCatalog();
  const items = quizItems(catalog, false);

  it('includes every question except the ask-the-interviewer prompts, and every multiple-choice item', () => {
    const asks = catalog.questions.filter((question) => question.group === 'ask-interviewer');
    assert.ok(asks.length > 0);
    assert.equal(items.length, catalog.questions.length - asks.length + catalog.choices.length);
    assert.ok(items.every((item) => item.kind === 'choice' || item.question.group !== 'ask-interviewer'));
    assert.equal(quizItems(catalog, true).length, catalog.questions.length + catalog.choices.length);
  });

  it('alternates free recall and multiple choice within a service', () => {
    const dynamodb = itemsInScope(catalog, items, { kind: 'service', serviceId: 'dynamodb' });
    assert.deepEqual(dynamodb.slice(0, 4).map((item) => item.kind), ['question', 'choice', 'question', 'choice']);
    assert.ok(dynamodb.every((item) => item.service === 'dynamodb'));
    assert.equal(dynamodb[0].id, catalog.questions.find((question) => question.service === 'dynamodb')!.id);
  });

  it('selects a section by the notes its items link to, and a note by its own links', () => {
    const note = catalog.note('dynamodb-transactions')!;
    const bySection = itemsInScope(catalog, items, { kind: 'section', sectionId: note.section });
    const byNote = itemsInScope(catalog, items, { kind: 'note', noteId: note.id });
    assert.ok(byNote.length > 0);
    assert.ok(byNote.every((item) => item.noteIds.includes(note.id)));
    assert.ok(byNote.every((item) => bySection.includes(item)));
  });

  it('reads startQuiz arguments from other features, the most specific first', () => {
    const note = catalog.note('dynamodb-transactions')!;
    assert.equal(scopeFromArgument(catalog, undefined), undefined);
    assert.deepEqual(scopeFromArgument(catalog, { serviceId: 'rds' }), { kind: 'service', serviceId: 'rds' });
    assert.deepEqual(scopeFromArgument(catalog, { serviceId: 'dynamodb', sectionId: note.section }), { kind: 'section', sectionId: note.section });
    assert.deepEqual(scopeFromArgument(catalog, { serviceId: 'dynamodb', noteId: note.id }), { kind: 'note', noteId: note.id });
  });

  it('reads Topics tree nodes', () => {
    const note = catalog.note('dynamodb-transactions')!;
    assert.deepEqual(scopeFromArgument(catalog, { kind: 'service', serviceId: 'dynamodb', id: 'service:dynamodb' }), { kind: 'service', serviceId: 'dynamodb' });
    assert.deepEqual(scopeFromArgument(catalog, { kind: 'section', serviceId: 'dynamodb', id: `section:${note.section}` }), { kind: 'section', sectionId: note.section });
    assert.deepEqual(scopeFromArgument(catalog, { kind: 'note', serviceId: 'dynamodb', id: `note:${note.id}`, noteId: note.id, label: note.title }), { kind: 'note', noteId: note.id });
  });

  it('calls anything else invalid instead of throwing', () => {
    for (const argument of ['rds', 42, [], {}, { serviceId: 'mongodb' }, { noteId: 7 }, { sectionId: 'nope' }, { kind: 'note', id: 'note:missing' }, { kind: 'service', id: 'section:rds' }]) {
      assert.equal(scopeFromArgument(catalog, argument), 'invalid', JSON.stringify(argument));
    }
  });

  it('names scopes for titles', () => {
    const labels = { all: 'All', due: 'Due' };
    assert.equal(scopeTitle(catalog, { kind: 'service', serviceId: 'dynamodb' }, labels), 'Amazon DynamoDB');
    assert.equal(scopeTitle(catalog, { kind: 'due' }, labels), 'Due');
    const note = catalog.note('dynamodb-transactions')!;
    assert.match(scopeTitle(catalog, { kind: 'section', sectionId: note.section }, labels), /^Amazon DynamoDB › /);
  });

  it('picks mock-interview questions in turn from each service, free recall only', () => {
    const picked = mockInterviewQuestions(items, 6, seeded(7));
    assert.equal(picked.length, 6);
    assert.ok(picked.every((item) => item.kind === 'question'));
    assert.equal(new Set(picked.map((item) => item.id)).size, 6);
    assert.deepEqual(new Set(picked.map((item) => item.service)), new Set(['rds', 'dynamodb', 'elasticache']));
    assert.equal(mockInterviewQuestions(items, 1000, seeded(1)).length, items.filter((item) => item.kind === 'question').length);
  });

  it('shuffles into a permutation', () => {
    const values = [0, 1, 2, 3, 4];
    const result = shuffled(values, seeded(3));
    assert.deepEqual([...result].sort(), values);
    assert.deepEqual(values, [0, 1, 2, 3, 4], 'the input is left alone');
  });
});
