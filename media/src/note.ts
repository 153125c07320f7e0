/** Webview script of the note panel. It renders what the host sends and turns clicks into messages. */
import { HostMessage, isHostMessage, isNotePanelState, NotePanelState, WebviewMessage } from '../../src/notes/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: NotePanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const main = document.getElementById('note') as HTMLElement;
const backButton = document.getElementById('back') as HTMLButtonElement;
const forwardButton = document.getElementById('forward') as HTMLButtonElement;
const quizButton = document.getElementById('quiz') as HTMLButtonElement;
let state: NotePanelState | undefined = isNotePanelState(vscode.getState()) ? (vscode.getState() as NotePanelState) : undefined;

function show(message: HostMessage): void {
  const sameNote = state?.history[state.position] === message.noteId;
  main.innerHTML = message.html;
  document.title = message.title;
  backButton.disabled = !message.canGoBack;
  forwardButton.disabled = !message.canGoForward;
  quizButton.hidden = message.quizQuestions === 0;
  quizButton.dataset.note = message.noteId;
  quizButton.title = `${message.quizQuestions} question(s) on this topic`;
  // Keep the reader's place when the same note is shown again (a reload); start at the top otherwise.
  const scrollY = sameNote && message.state.scrollY === 0 && state ? state.scrollY : message.state.scrollY;
  state = { ...message.state, scrollY };
  vscode.setState(state);
  window.scrollTo(0, scrollY);
  if (!sameNote) {
    (document.getElementById('note-title') as HTMLElement | null)?.focus({ preventScroll: true });
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) {
    show(event.data);
  }
});

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest('a');
  if (!link) {
    return;
  }
  event.preventDefault();
  const noteId = link.getAttribute('data-note');
  const url = link.getAttribute('data-external');
  if (noteId) {
    vscode.postMessage({ type: 'openNote', noteId });
  } else if (url) {
    vscode.postMessage({ type: 'openExternal', url });
  }
});

backButton.addEventListener('click', () => vscode.postMessage({ type: 'navigate', direction: 'back' }));
forwardButton.addEventListener('click', () => vscode.postMessage({ type: 'navigate', direction: 'forward' }));
quizButton.addEventListener('click', () => {
  if (quizButton.dataset.note) {
    vscode.postMessage({ type: 'quizNote', noteId: quizButton.dataset.note });
  }
});
document.addEventListener('keydown', (event) => {
  if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
    event.preventDefault();
    vscode.postMessage({ type: 'navigate', direction: event.key === 'ArrowLeft' ? 'back' : 'forward' });
  }
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    if (state) {
      state = { ...state, scrollY: Math.round(window.scrollY) };
      vscode.setState(state);
    }
  }, 150);
});

// The page arrives with its first note rendered; take over its state and tell the host which note it shows.
const firstNote: unknown = JSON.parse(document.getElementById('first-note')?.textContent ?? 'null');
if (isHostMessage(firstNote)) {
  show(firstNote);
  vscode.postMessage({ type: 'ready', noteId: firstNote.noteId });
}
