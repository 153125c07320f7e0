/** Quiz statistics from the saved progress. Pure, so that each figure is unit-tested with a fake clock. */
import { nextDayStart, startOfDay } from './dueCounts';
import { DAY_MS, ProgressSummary, QuizEngine } from './quizEngine';

export const UPCOMING_DAYS = 7;
export const RETENTION_WINDOW_DAYS = 30;

export interface ServiceGroup {
  serviceId: string;
  title: string;
  ids: readonly string[];
}

export interface QuizStatistics {
  dueNow: number;
  newLeftToday: number;
  reviewedToday: number;
  /** Consecutive days with at least one review, ending today (or yesterday, if today has none yet). */
  streakDays: number;
  /**
   * Measured retention: of the reviews of learned cards (FSRS Review state) in the last 30 days, the
   * share not graded Again. Undefined without such reviews.
   */
  retention: { recalled: number; reviews: number } | undefined;
  /** Mean FSRS retrievability now over graded items: the predicted chance of recalling one. */
  predictedRecall: number | undefined;
  services: Array<ServiceGroup & ProgressSummary>;
  /**
   * Reviews falling due on each of the next days. Today counts only those still to come (the ones due
   * already are `dueNow`), so that "due" means the same here as in the status bar.
   */
  upcoming: Array<{ dayStart: number; count: number }>;
}

export function quizStatistics(engine: QuizEngine, groups: readonly ServiceGroup[]): QuizStatistics {
  const now = engine.clock().getTime();
  const today = startOfDay(now);
  const items = engine.state().items;
  const ids = groups.flatMap((group) => group.ids);

  const reviewDays = new Set<number>();
  let reviewedToday = 0;
  let recalled = 0;
  let reviews = 0;
  for (const item of Object.values(items)) {
    for (const [at, grade, stateBefore] of item.log) {
      reviewDays.add(startOfDay(at));
      if (at >= today && at <= now) {
        reviewedToday++;
      }
      if (stateBefore === 2 && at > now - RETENTION_WINDOW_DAYS * DAY_MS && at <= now) {
        reviews++;
        recalled += grade > 1 ? 1 : 0;
      }
    }
  }

  let streakDays = 0;
  // Noon avoids daylight-saving days that are 23 or 25 hours long.
  let day = reviewDays.has(today) ? today : startOfDay(today - DAY_MS / 2);
  while (reviewDays.has(day)) {
    streakDays++;
    day = startOfDay(day - DAY_MS / 2);
  }

  const recalls = ids.map((id) => engine.retrievability(id)).filter((value): value is number => value !== undefined);
  const predictedRecall = recalls.length > 0 ? recalls.reduce((sum, value) => sum + value, 0) / recalls.length : undefined;

  const upcoming: QuizStatistics['upcoming'] = [];
  let dayStart = today;
  for (let i = 0; i < UPCOMING_DAYS; i++) {
    const dayEnd = nextDayStart(dayStart);
    const count = ids.filter((id) => {
      const due = items[id]?.card.due;
      return due !== undefined && due < dayEnd && (i === 0 ? due > now : due >= dayStart);
    }).length;
    upcoming.push({ dayStart, count });
    dayStart = dayEnd;
  }

  const counts = engine.dueCounts(ids);
  return {
    dueNow: counts.due,
    newLeftToday: counts.fresh,
    reviewedToday,
    streakDays,
    retention: reviews > 0 ? { recalled, reviews } : undefined,
    predictedRecall,
    services: groups.map((group) => ({ ...group, ...engine.progress(group.ids) })),
    upcoming,
  };
}
