/**
 * Webview script of the quiz card. The page is rendered by the extension; this turns clicks on
 * options, grades and note links, number keys, and the mock interview's answer box into messages.
 */
import { CardKey, CardMessage, MAX_CARD_TEXT } from '../../src/quiz/cardProtocol';

interface VsCodeApi {
  postMessage(message: CardMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const answerBox = document.getElementById('mock-answer') as HTMLTextAreaElement | null;
const text = (): string => (answerBox?.value ?? '').slice(0, MAX_CARD_TEXT);

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest('[data-key], [data-note], [data-action]');
  if (!target) {
    return; // https and command links: VS Code opens them itself.
  }
  event.preventDefault();
  const key = target.getAttribute('data-key');
  const noteId = target.getAttribute('data-note');
  const action = target.getAttribute('data-action');
  if (key) {
    vscode.postMessage({ type: 'key', key: key as CardKey });
  } else if (noteId) {
    vscode.postMessage({ type: 'openNote', noteId });
  } else if (action === 'submit' || action === 'end') {
    vscode.postMessage({ type: action, text: text() });
  }
});

document.addEventListener('keydown', (event) => {
  if (event.target === answerBox) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      vscode.postMessage({ type: 'submit', text: text() });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      vscode.postMessage({ type: 'end', text: text() });
    }
    return;
  }
  if (event.ctrlKey || event.altKey || event.metaKey) {
    return;
  }
  const onControl = (event.target as Element | null)?.closest('button, a') !== null;
  if (/^[1-9]$/.test(event.key)) {
    vscode.postMessage({ type: 'key', key: event.key as CardKey });
  } else if (event.key === 'Enter' && !onControl) {
    vscode.postMessage({ type: 'key', key: 'enter' });
  }
});

if (answerBox) {
  answerBox.addEventListener('input', () => vscode.postMessage({ type: 'draft', text: text() }));
  answerBox.focus();
  // The countdown runs here from the time left when the page was made, so clocks need not agree.
  const clock = document.getElementById('time-left');
  const remaining = Number(answerBox.dataset.remainingMs);
  if (clock && Number.isFinite(remaining)) {
    const started = performance.now();
    const tick = (): void => {
      const seconds = Math.max(0, Math.ceil((remaining - (performance.now() - started)) / 1000));
      clock.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    };
    tick();
    window.setInterval(tick, 1000);
  }
}
