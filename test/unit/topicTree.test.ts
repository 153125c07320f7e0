import * as assert from 'node:assert/strict';
import { TopicTreeModel } from '../../src/tree/topicTreeModel';
import { realCatalog } from '../support/realCatalog';
import { sampleCatalog } from '../support/sampleCatalog';

describe('topic tree model', () => {
  const catalog = sampleCatalog();
  const model = new TopicTreeModel(() => catalog);

  it('lists services, then sections, then notes in catalog order', () => {
    const roots = model.roots();
    assert.deepEqual(roots.map((node) => node.label), ['Amazon DynamoDB', 'Amazon RDS']);
    const sections = model.children(roots[0]);
    assert.deepEqual(sections.map((node) => node.id), ['section:dynamodb-modeling', 'section:dynamodb-ops']);
    const notes = model.children(sections[0]);
    assert.deepEqual(notes.map((node) => node.kind === 'note' && node.noteId), ['dynamodb-keys', 'dynamodb-indexes']);
    assert.deepEqual(model.children(notes[0]), []);
  });

  it('uses summaries as tooltips', () => {
    assert.equal(model.roots()[1].tooltip, 'Managed relational databases');
    assert.equal(model.noteNode('rds-multi-az')?.tooltip, 'Summary of rds-multi-az');
  });

  it('finds the parent chain of a note, for reveal in tree', () => {
    const note = model.noteNode('dynamodb-backups')!;
    const section = model.parent(note)!;
    assert.equal(section.id, 'section:dynamodb-ops');
    const service = model.parent(section)!;
    assert.equal(service.id, 'service:dynamodb');
    assert.equal(model.parent(service), undefined);
  });

  it('reads the catalog only when the tree is first asked for rows', () => {
    let reads = 0;
    const lazy = new TopicTreeModel(() => {
      reads++;
      return catalog;
    });
    assert.equal(reads, 0);
    lazy.roots();
    assert.ok(reads > 0);
  });

  it('names the quiz scope of each node, as Start Quiz takes it', () => {
    const note = model.noteNode('dynamodb-backups')!;
    const section = model.parent(note)!;
    assert.deepEqual(model.quizScope(note), { noteId: 'dynamodb-backups' });
    assert.deepEqual(model.quizScope(section), { sectionId: 'dynamodb-ops' });
    assert.deepEqual(model.quizScope(model.parent(section)!), { serviceId: 'dynamodb' });
  });

  it('shows every note of the real content exactly once', () => {
    const real = realCatalog();
    const realModel = new TopicTreeModel(() => real);
    const shown: string[] = [];
    for (const service of realModel.roots()) {
      for (const section of realModel.children(service)) {
        for (const note of realModel.children(section)) {
          if (note.kind === 'note') {
            shown.push(note.noteId);
          }
        }
      }
    }
    assert.deepEqual([...shown].sort(), real.notes.map((note) => note.id).sort());
    assert.deepEqual(
      realModel.roots().map((node) => node.serviceId),
      ['rds', 'dynamodb', 'elasticache', 'general'],
    );
  });
});
