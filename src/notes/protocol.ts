/**
 * Messages between the note panel (extension host) and its webview script (media/src/note.ts).
 * Both sides validate what they receive with the guards below.
 */

/** What the webview keeps with vscode.setState so that a reloaded window restores the panel. */
export interface NotePanelState {
  history: string[];
  position: number;
  scrollY: number;
}

export type HostMessage = {
  type: 'show';
  noteId: string;
  title: string;
  html: string;
  canGoBack: boolean;
  canGoForward: boolean;
  /** How many quiz questions cover this note; the panel offers "Quiz this topic" when there are any. */
  quizQuestions: number;
  state: NotePanelState;
};

export type WebviewMessage =
  | { type: 'ready'; noteId: string }
  | { type: 'openNote'; noteId: string }
  | { type: 'openExternal'; url: string }
  | { type: 'navigate'; direction: 'back' | 'forward' }
  | { type: 'quizNote'; noteId: string };

const NOTE_ID = /^[a-z0-9-]{1,120}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'ready':
    case 'openNote':
    case 'quizNote':
      return typeof value.noteId === 'string' && NOTE_ID.test(value.noteId);
    case 'openExternal':
      return typeof value.url === 'string' && value.url.startsWith('https://') && value.url.length < 2048;
    case 'navigate':
      return value.direction === 'back' || value.direction === 'forward';
    default:
      return false;
  }
}

export function isNotePanelState(value: unknown): value is NotePanelState {
  return (
    isRecord(value) &&
    Array.isArray(value.history) &&
    value.history.length <= 200 &&
    value.history.every((id) => typeof id === 'string' && NOTE_ID.test(id)) &&
    Number.isInteger(value.position) &&
    (value.position as number) >= 0 &&
    (value.position as number) < value.history.length &&
    typeof value.scrollY === 'number' &&
    Number.isFinite(value.scrollY)
  );
}

export function isHostMessage(value: unknown): value is HostMessage {
  return (
    isRecord(value) &&
    value.type === 'show' &&
    typeof value.noteId === 'string' &&
    typeof value.title === 'string' &&
    typeof value.html === 'string' &&
    typeof value.canGoBack === 'boolean' &&
    typeof value.canGoForward === 'boolean' &&
    Number.isInteger(value.quizQuestions) &&
    isNotePanelState(value.state)
  );
}
