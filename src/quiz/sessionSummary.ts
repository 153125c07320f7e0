/**
 * What a quiz session did, for the summary card that replaces the last question when the session
 * ends or is quit. Pure (no `vscode`): it reads only what the session recorded as it went.
 */
import { GradeValue } from './quizState';

/** One answered item: its grade (multiple choice: Good when right, Again when wrong) and next due time. */
export interface AnsweredItem {
  itemId: string;
  noteIds: readonly string[];
  grade: GradeValue;
  /** When FSRS brings it back, epoch milliseconds. */
  nextDue: number;
}

export interface SessionSummary {
  answered: number;
  /** Graded Good or Easy, or answered right. */
  recalled: number;
  skipped: number;
  /** Items queued for the session that it never reached (it was quit, or time ran out). */
  notReached: number;
  /** The soonest next review among the answered items; undefined when nothing was answered. */
  nextDue: number | undefined;
  /** How many answered items come back before `dayEnd`. */
  dueAgainToday: number;
  /** Notes behind the items graded Again or Hard, most often weak first, then in session order. */
  weakNoteIds: string[];
}

export function summarizeSession(answered: readonly AnsweredItem[], skipped: number, queued: number, dayEnd: number): SessionSummary {
  const weakCounts = new Map<string, number>();
  for (const item of answered.filter((entry) => entry.grade <= 2)) {
    item.noteIds.forEach((noteId) => weakCounts.set(noteId, (weakCounts.get(noteId) ?? 0) + 1));
  }
  // Map keeps first-seen order, and the sort is stable: ties stay in session order.
  const weakNoteIds = [...weakCounts.entries()].sort((a, b) => b[1] - a[1]).map(([noteId]) => noteId);
  return {
    answered: answered.length,
    recalled: answered.filter((entry) => entry.grade >= 3).length,
    skipped,
    notReached: Math.max(0, queued - answered.length - skipped),
    nextDue: answered.length > 0 ? Math.min(...answered.map((entry) => entry.nextDue)) : undefined,
    dueAgainToday: answered.filter((entry) => entry.nextDue < dayEnd).length,
    weakNoteIds,
  };
}
