/**
 * PynamoDB's read-modify-write: `Model.get(...)`, a change to the instance, then `instance.save()`, which puts
 * the whole item back with no condition; a `condition=` or a `VersionAttribute` on the model keeps it safe.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const model = [
  'from pynamodb.models import Model',
  'from pynamodb.attributes import UnicodeAttribute, BooleanAttribute',
  'class Note(Model):',
  '    class Meta:',
  '        table_name = "notes"',
  '    note_id = UnicodeAttribute(hash_key=True)',
  '    text = UnicodeAttribute()',
  '    done = BooleanAttribute(default=False)',
];

const findings = (hints: string[]): string[] => hints.filter((hint) => hint.endsWith('dynamodb-read-modify-write!'));

describe('PynamoDB read-modify-write', () => {
  it('reports a save of the instance a get read and the handler changed', () => {
    const code = sourceLines(
      ...model,
      'def handle(event, context):',
      '    try:',
      '        note = Note.get(hash_key=event["id"])',
      '    except Note.DoesNotExist:',
      '        return {"statusCode": 404}',
      '    if "text" in event and event["text"] != note.text:',
      '        note.text = event["text"]',
      '    note.save()',
      '    return {"statusCode": 200}',
    );
    assert.deepEqual(findings(hintsIn('update.py', code)), ['16:save dynamodb-read-modify-write!']);
  });

  it('stays quiet on a conditioned save, a fresh instance, a save of what was not read, and a versioned model', () => {
    const code = sourceLines(
      ...model,
      'def guarded(note_id, text):',
      '    note = Note.get(note_id)',
      '    note.text = text',
      '    note.save(condition=Note.text == "draft")',
      'def fresh(note_id, text):',
      '    Note.get(note_id)',
      '    note = Note(note_id, text=text)',
      '    note.save()',
    );
    assert.deepEqual(findings(hintsIn('notes.py', code)), []);
    const versioned = sourceLines(
      'from pynamodb.attributes import VersionAttribute',
      ...model,
      '    version = VersionAttribute()',
      'def rename(note_id, text):',
      '    note = Note.get(note_id)',
      '    note.text = text',
      '    note.save()',
    );
    assert.deepEqual(findings(hintsIn('versioned.py', versioned)), []);
  });
});
