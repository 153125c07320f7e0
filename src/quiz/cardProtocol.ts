/**
 * Messages from the quiz card's script (media/src/quizCard.ts) to the extension. The card sends what
 * the learner did; the quiz step that is waiting decides what it means. The host validates each one.
 */

/** A key pressed in the card or the button carrying it: an option or grade number, or Enter. */
export type CardKey = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'enter';

export type CardMessage =
  | { type: 'key'; key: CardKey }
  | { type: 'openNote'; noteId: string }
  /** The mock interview's answer box: what is typed so far, and the learner's "next" or "end". */
  | { type: 'draft'; text: string }
  | { type: 'submit'; text: string }
  | { type: 'end'; text: string };

/** Answers longer than this are cut: the box is for a spoken-style answer, not a document. */
export const MAX_CARD_TEXT = 20_000;
const NOTE_ID = /^[a-z0-9-]{1,120}$/;
const KEY = /^(?:[1-9]|enter)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCardMessage(value: unknown): value is CardMessage {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'key':
      return typeof value.key === 'string' && KEY.test(value.key);
    case 'openNote':
      return typeof value.noteId === 'string' && NOTE_ID.test(value.noteId);
    case 'draft':
    case 'submit':
    case 'end':
      return typeof value.text === 'string' && value.text.length <= MAX_CARD_TEXT;
    default:
      return false;
  }
}
