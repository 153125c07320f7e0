/**
 * The quiz's scheduling and bookkeeping over ts-fsrs. Pure (no `vscode`): the clock, the settings and
 * the storage are injected, so that tests drive weeks of reviews in milliseconds.
 */
import { Card, createEmptyCard, FSRS, fsrs, generatorParameters, Grade, State } from 'ts-fsrs';
import { CardState, GradeValue, ItemProgress, LogEntry, MAX_LOG_ENTRIES, QuizState, StoredCard } from './quizState';

export interface ProgressStore {
  read(): QuizState;
  write(state: QuizState): Promise<void>;
}

export interface SchedulerSettings {
  desiredRetention: number;
  maximumInterval: number;
  dailyNewLimit: number;
}

/**
 * `due`: graded before and due now. `known`: in FSRS's Review state (learned; learning steps passed)
 * and not due, i.e. FSRS expects it to be remembered. `fresh`: never graded.
 */
export interface ProgressSummary {
  total: number;
  due: number;
  known: number;
  fresh: number;
}

export const GRADES: readonly GradeValue[] = [1, 2, 3, 4];
export const DAY_MS = 24 * 60 * 60 * 1000;

export function toFsrsCard(card: StoredCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as State,
    ...(card.lastReview !== undefined ? { last_review: new Date(card.lastReview) } : {}),
  };
}

export function fromFsrsCard(card: Card): StoredCard {
  const stored: StoredCard = {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardState,
  };
  if (card.last_review) {
    stored.lastReview = card.last_review.getTime();
  }
  return stored;
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

export class QuizEngine {
  private readonly listeners = new Set<() => void>();
  private scheduler: { key: string; fsrs: FSRS } | undefined;

  constructor(
    private readonly store: ProgressStore,
    private readonly settings: () => SchedulerSettings,
    readonly clock: () => Date = () => new Date(),
  ) {}

  /** ts-fsrs configured from the current settings; rebuilt only when they change. */
  private fsrs(): FSRS {
    const { desiredRetention, maximumInterval } = this.settings();
    const key = `${desiredRetention}/${maximumInterval}`;
    if (this.scheduler?.key !== key) {
      const params = generatorParameters({ request_retention: desiredRetention, maximum_interval: maximumInterval, enable_fuzz: true });
      this.scheduler = { key, fsrs: fsrs(params) };
    }
    return this.scheduler.fsrs;
  }

  state(): QuizState {
    return this.store.read();
  }

  item(id: string): ItemProgress | undefined {
    return this.store.read().items[id];
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Tells listeners that time moved something into "due", without a change to the state. */
  notifyChanged(): void {
    this.listeners.forEach((listener) => listener());
  }

  /** Records a grade and returns the item's new progress. */
  async grade(id: string, grade: GradeValue): Promise<ItemProgress> {
    const now = this.clock();
    const state = this.store.read();
    const previous = state.items[id];
    const card = previous ? toFsrsCard(previous.card) : createEmptyCard(now);
    const next = this.fsrs().next(card, now, grade as number as Grade);
    const entry: LogEntry = [now.getTime(), grade, card.state as number as CardState];
    const progress: ItemProgress = {
      card: fromFsrsCard(next.card),
      log: [...(previous?.log ?? []), entry].slice(-MAX_LOG_ENTRIES),
      introduced: previous?.introduced ?? now.getTime(),
    };
    await this.store.write({ ...state, items: { ...state.items, [id]: progress } });
    this.notifyChanged();
    return progress;
  }

  /** When the item would next be due for each grade, for the labels of the grade buttons. */
  preview(id: string): Record<GradeValue, Date> {
    const now = this.clock();
    const previous = this.store.read().items[id];
    const preview = this.fsrs().repeat(previous ? toFsrsCard(previous.card) : createEmptyCard(now), now);
    return { 1: preview[1].card.due, 2: preview[2].card.due, 3: preview[3].card.due, 4: preview[4].card.due };
  }

  private isDue(item: ItemProgress | undefined, now: number): boolean {
    return !!item && item.card.due <= now;
  }

  /** Never-graded items the daily limit still allows today. */
  newLeftToday(): number {
    const now = this.clock().getTime();
    const today = startOfDay(now);
    const introducedToday = Object.values(this.store.read().items).filter((item) => item.introduced >= today && item.introduced <= now).length;
    return Math.max(0, this.settings().dailyNewLimit - introducedToday);
  }

  progress(ids: readonly string[]): ProgressSummary {
    const now = this.clock().getTime();
    const items = this.store.read().items;
    const summary: ProgressSummary = { total: ids.length, due: 0, known: 0, fresh: 0 };
    for (const id of ids) {
      const item = items[id];
      if (!item) {
        summary.fresh++;
      } else if (this.isDue(item, now)) {
        summary.due++;
      } else if (item.card.state === State.Review) {
        summary.known++;
      }
    }
    return summary;
  }

  /** Due ids among `ids`, most overdue first. */
  dueIds(ids: readonly string[]): string[] {
    const now = this.clock().getTime();
    const items = this.store.read().items;
    return ids.filter((id) => this.isDue(items[id], now)).sort((a, b) => items[a].card.due - items[b].card.due);
  }

  /** Review Due: what FSRS says is due, then never-seen items up to today's new-item limit. */
  reviewQueue(ids: readonly string[]): string[] {
    const items = this.store.read().items;
    const fresh = ids.filter((id) => !items[id]).slice(0, this.newLeftToday());
    return [...this.dueIds(ids), ...fresh];
  }

  /**
   * A quiz over a chosen scope: due items first, then never-seen ones in content order, then the rest
   * (a review ahead of schedule, which FSRS accounts for), least likely remembered first.
   */
  practiceQueue(ids: readonly string[]): string[] {
    const now = this.clock();
    const items = this.store.read().items;
    const due = this.dueIds(ids);
    const fresh = ids.filter((id) => !items[id]);
    const recall = (id: string): number => this.fsrs().get_retrievability(toFsrsCard(items[id].card), now, false);
    const ahead = ids
      .filter((id) => items[id] && !due.includes(id))
      .map((id) => ({ id, recall: recall(id) }))
      .sort((a, b) => a.recall - b.recall)
      .map((entry) => entry.id);
    return [...due, ...fresh, ...ahead];
  }

  /** Probability of recall now, by FSRS's forgetting curve; undefined for never-graded items. */
  retrievability(id: string): number | undefined {
    const item = this.store.read().items[id];
    return item && item.card.state !== State.New ? this.fsrs().get_retrievability(toFsrsCard(item.card), this.clock(), false) : undefined;
  }

  /** The next moment a due count changes by itself: a card falling due, or the next local day. */
  nextChangeAt(): number {
    const now = this.clock().getTime();
    const upcoming = Object.values(this.store.read().items)
      .map((item) => item.card.due)
      .filter((due) => due > now);
    return Math.min(nextDayStart(now), ...upcoming);
  }

  async reset(ids: readonly string[]): Promise<number> {
    const state = this.store.read();
    const items = { ...state.items };
    const removed = ids.filter((id) => id in items);
    removed.forEach((id) => delete items[id]);
    if (removed.length > 0) {
      await this.store.write({ ...state, items });
      this.notifyChanged();
    }
    return removed.length;
  }

  async replace(state: QuizState): Promise<void> {
    await this.store.write(state);
    this.notifyChanged();
  }
}
