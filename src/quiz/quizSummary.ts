/**
 * Small figures derived from the merged progress. Pure, so that each is unit-tested.
 * - The startup summary: kept beside the logs so that the status bar shows "3 due · 20 new" at
 *   startup without parsing content or replaying any review.
 * - The session summary: what a finished (or quit) session shows in place of the card.
 */
import { DueCounts, startOfDay } from './dueCounts';
import type { QuizEngine } from './quizEngine';

export const STARTUP_SUMMARY_VERSION = 2;

export interface StartupSummary {
  version: typeof STARTUP_SUMMARY_VERSION;
  /** The setting the counts were made with: another value makes the summary stale. */
  includeAskInterviewer: boolean;
  /** When each graded eligible item falls due (epoch ms), ascending. */
  dueTimes: number[];
  /** Eligible items never graded. */
  unseen: number;
  /** Local start of the day `introducedToday` counts, and how many new items were first graded on it. */
  day: number;
  introducedToday: number;
  /** syncedProgressMark() of the logs counted: another mark means Settings Sync brought reviews since. */
  mark: number;
}

export function startupSummary(engine: QuizEngine, eligibleIds: readonly string[], includeAskInterviewer: boolean, mark: number): StartupSummary {
  const now = engine.clock().getTime();
  const items = engine.state().items;
  const dueTimes = eligibleIds.flatMap((id) => (items[id] ? [items[id].card.due] : [])).sort((a, b) => a - b);
  const day = startOfDay(now);
  const introducedToday = Object.values(items).filter((item) => item.introduced >= day && item.introduced <= now).length;
  return { version: STARTUP_SUMMARY_VERSION, includeAskInterviewer, dueTimes, unseen: eligibleIds.length - dueTimes.length, day, introducedToday, mark };
}

/** A stored summary, or undefined when it is missing, malformed or from another version. */
export function readStartupSummary(raw: unknown): StartupSummary | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const summary = raw as Partial<StartupSummary>;
  const valid =
    summary.version === STARTUP_SUMMARY_VERSION &&
    typeof summary.includeAskInterviewer === 'boolean' &&
    Array.isArray(summary.dueTimes) &&
    summary.dueTimes.every((time) => typeof time === 'number') &&
    typeof summary.unseen === 'number' &&
    typeof summary.day === 'number' &&
    typeof summary.introducedToday === 'number' &&
    typeof summary.mark === 'number';
  return valid ? (summary as StartupSummary) : undefined;
}

/** The status bar's counts from a stored summary, or undefined when it is missing, malformed or stale. */
export function countsFromSummary(raw: unknown, now: number, dailyNewLimit: number, includeAskInterviewer: boolean): DueCounts | undefined {
  const summary = readStartupSummary(raw);
  if (!summary || summary.includeAskInterviewer !== includeAskInterviewer) {
    return undefined;
  }
  const due = summary.dueTimes.filter((time) => time <= now).length;
  const introduced = summary.day === startOfDay(now) ? summary.introducedToday : 0;
  return { due, fresh: Math.max(0, Math.min(summary.unseen, dailyNewLimit - introduced)) };
}

/** A fresh install's counts (nothing graded, nothing synced): every eligible item is new, up to the daily limit. */
export function freshInstallCounts(eligibleItems: number, dailyNewLimit: number): DueCounts {
  return { due: 0, fresh: Math.max(0, Math.min(eligibleItems, dailyNewLimit)) };
}

/** One answer of a session: the item and its grade (multiple choice: 3 right, 1 wrong). */
