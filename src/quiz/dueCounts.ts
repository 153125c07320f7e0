/**
 * The meaning of "due" and of "today" that the status bar, tree, picker and statistics share. Pure
 * and tiny, so that activation can count from a stored summary without loading the quiz engine.
 */

/** The one meaning of "due" the status bar, tree, picker and statistics share: "3 due · 20 new". */
export interface DueCounts {
  /** Graded before and due now. */
  due: number;
  /** Never-graded items today's review would bring: the unseen ones, up to today's new-item limit. */
  fresh: number;
}

/** Local midnight at the start of `time`'s day: "today" is the learner's day, not UTC's. */
export function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

export function nextDayStart(time: number): number {
  const date = new Date(startOfDay(time));
  date.setDate(date.getDate() + 1);
  return date.getTime();
}
