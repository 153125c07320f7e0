import * as assert from 'node:assert/strict';
import { TopicSearch } from '../../src/tree/topicSearch';
import { realCatalog } from '../support/realCatalog';
import { sampleCatalog } from '../support/sampleCatalog';

describe('topic search', () => {
  const search = new TopicSearch(sampleCatalog());

  it('finds notes by word prefixes in the title', () => {
    const hits = search.search('title back');
    assert.equal(hits[0].kind, 'note');
    assert.equal(hits[0].kind === 'note' && hits[0].noteId, 'dynamodb-backups');
  });

  it('requires every word to match', () => {
    assert.deepEqual(search.search('standby nonexistentword'), []);
  });

  it('finds words that only appear in the body, ranked below title matches', () => {
    const hits = search.search('standby');
    assert.deepEqual(hits.map((hit) => hit.kind === 'note' && hit.noteId), ['rds-multi-az']);
  });

  it('does not match link targets or table rules', () => {
    // dynamodb-keys links to note:dynamodb-indexes; the word "note" of the target is not text.
    assert.deepEqual(search.search('note'), []);
  });

  it('treats "vs" and "versus" as the same word', () => {
    const real = new TopicSearch(realCatalog());
    for (const query of ['lsi vs gsi', 'gsi versus lsi']) {
      const hits = real.search(query);
      assert.ok(hits.some((hit) => hit.kind === 'note' && hit.noteId === 'dynamodb-secondary-indexes'), query);
    }
  });

  it('returns nothing for an empty query', () => {
    assert.deepEqual(search.search('  '), []);
  });

  it('finds real notes and interview questions by their text', () => {
    const real = new TopicSearch(realCatalog());
    const gsi = real.search('consistent read global secondary index');
    assert.ok(gsi.length > 0);
    assert.ok(gsi.slice(0, 5).some((hit) => hit.noteId === 'dynamodb-consistency' || hit.noteId === 'dynamodb-secondary-indexes'), JSON.stringify(gsi.slice(0, 5)));
    const multiAz = real.search('multi-az');
    assert.equal(multiAz[0].kind === 'note' && multiAz[0].noteId, 'rds-multi-az');
    const question = real.search('difference between a backup and a snapshot');
    assert.ok(question.some((hit) => hit.kind === 'question' && hit.questionId === 'rds-q14'), JSON.stringify(question.slice(0, 5)));
  });

  it('matches initials in titles', () => {
    const real = new TopicSearch(realCatalog());
    const hits = real.search('qvs');
    assert.equal(hits[0].kind === 'note' && hits[0].noteId, 'dynamodb-query-scan');
  });
});
