import * as assert from 'node:assert/strict';
import { NoteHistory } from '../../src/notes/noteHistory';
import { isHostMessage, isNotePanelState, isWebviewMessage } from '../../src/notes/protocol';

describe('note history', () => {
  it('goes back and forward like a browser', () => {
    const history = NoteHistory.start('a');
    history.visit('b');
    history.visit('c');
    history.back();
    history.back();
    assert.equal(history.current, 'a');
    assert.equal(history.canGoBack, false);
    history.forward();
    assert.equal(history.current, 'b');
    assert.equal(history.canGoForward, true);
  });

  it('drops forward entries when a link is followed after going back', () => {
    const history = NoteHistory.start('a');
    history.visit('b');
    history.back();
    history.visit('c');
    assert.deepEqual(history.snapshot(), { history: ['a', 'c'], position: 1 });
    assert.equal(history.canGoForward, false);
  });

  it('does not add an entry when the current note is opened again', () => {
    const history = NoteHistory.start('a');
    history.visit('a');
    assert.deepEqual(history.snapshot(), { history: ['a'], position: 0 });
  });

  it('keeps at most 100 entries', () => {
    const history = NoteHistory.start('n0');
    for (let i = 1; i < 150; i++) {
      history.visit(`n${i}`);
    }
    const { history: entries, position } = history.snapshot();
    assert.equal(entries.length, 100);
    assert.equal(entries[position], 'n149');
  });
});

describe('note panel protocol', () => {
  it('accepts the messages the webview sends', () => {
    assert.ok(isWebviewMessage({ type: 'ready', noteId: 'rds-proxy' }));
    assert.ok(isWebviewMessage({ type: 'openNote', noteId: 'rds-proxy' }));
    assert.ok(isWebviewMessage({ type: 'openExternal', url: 'https://docs.aws.amazon.com/' }));
    assert.ok(isWebviewMessage({ type: 'navigate', direction: 'back' }));
    assert.ok(isWebviewMessage({ type: 'quizNote', noteId: 'dynamodb-ttl' }));
  });

  it('rejects anything else', () => {
    for (const message of [
      null,
      'ready',
      { type: 'ready' },
      [],
      { type: 'openNote', noteId: '../x' },
      { type: 'openNote' },
      { type: 'openExternal', url: 'javascript:alert(1)' },
      { type: 'openExternal', url: 'http://example.com' },
      { type: 'openExternal', url: `https://x.com/${'a'.repeat(3000)}` },
      { type: 'navigate', direction: 'up' },
      { type: 'quizNote', noteId: 'javascript:alert(1)' },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
    ]) {
      assert.equal(isWebviewMessage(message), false, JSON.stringify(message).slice(0, 80));
    }
  });

  it('validates saved panel state, so corrupt state cannot break a restore', () => {
    assert.ok(isNotePanelState({ history: ['a', 'b'], position: 1, scrollY: 40 }));
    assert.equal(isNotePanelState({ history: ['a'], position: 1, scrollY: 0 }), false);
    assert.equal(isNotePanelState({ history: [], position: 0, scrollY: 0 }), false);
    assert.equal(isNotePanelState({ history: ['a'], position: 0, scrollY: Number.NaN }), false);
    assert.equal(isNotePanelState({ history: ['<x>'], position: 0, scrollY: 0 }), false);
    assert.equal(isNotePanelState(undefined), false);
  });

  it('validates what the host sends', () => {
    const state = { history: ['a'], position: 0, scrollY: 0 };
    const message = { type: 'show', noteId: 'a', title: 'A', html: '<p>a</p>', canGoBack: false, canGoForward: false, quizQuestions: 2, state };
    assert.ok(isHostMessage(message));
    assert.equal(isHostMessage({ ...message, html: 1 }), false);
    assert.equal(isHostMessage({ ...message, quizQuestions: '2' }), false);
  });
});
