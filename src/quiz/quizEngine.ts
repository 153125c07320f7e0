/**
 * The quiz's scheduling and bookkeeping over ts-fsrs. Pure (no `vscode`): the clock, the settings and
 * the storage are injected, so that tests drive weeks of reviews in milliseconds.
 */
import { createEmptyCard, FSRS, fsrs, generatorParameters, Grade, State } from 'ts-fsrs';
import { DueCounts, nextDayStart, startOfDay } from './dueCounts';
import { toFsrsCard } from './fsrsCards';
import { combinedLog, MachineLog, mergeLogs, ReplayCache, Scheduler, withLog, withReset, withReview } from './progressLog';
import { GradeValue, ItemProgress, QuizState } from './quizState';

export { fromFsrsCard, toFsrsCard } from './fsrsCards';

/** Where progress lives: one review log per machine (see progressLog.ts). */
export interface ProgressStore {
  /** Every machine's log; the same array until one of them changes, so that the merge is cached on it. */
  logs(): readonly MachineLog[];
  /** Changes this machine's own log. */
  update(change: (mine: MachineLog) => MachineLog): Promise<void>;
}

export interface SchedulerSettings {
  desiredRetention: number;
  maximumInterval: number;
  dailyNewLimit: number;
}

/**
 * Disjoint counts. `due`: graded before and due now (a never-graded item is never due). `known`: in
 * FSRS's Review state (learning steps passed) and not due, i.e. FSRS expects it to be remembered.
 * `learning`: graded, not due, still in its learning or relearning steps. `fresh`: never graded.
 */
export interface ProgressSummary {
  total: number;
  due: number;
  learning: number;
  known: number;
  fresh: number;
}

export const GRADES: readonly GradeValue[] = [1, 2, 3, 4];
export const DAY_MS = 24 * 60 * 60 * 1000;

export class QuizEngine {
  private readonly listeners = new Set<() => void>();
  private scheduler: { key: string; fsrs: FSRS } | undefined;
  private merged: { logs: readonly MachineLog[]; key: string; state: QuizState; cache: ReplayCache } | undefined;

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

  private readonly schedule: Scheduler = (card, at, grade) => this.fsrs().next(card, at, grade as number as Grade).card;

  /** The progress all machines' logs give together, replayed only when a log or the settings changed. */
  state(): QuizState {
    const logs = this.store.logs();
    this.fsrs();
    const key = this.scheduler!.key;
    if (this.merged?.logs !== logs || this.merged.key !== key) {
      // Settings changed: every item is replayed with the new scheduler; otherwise only changed items are.
      const cache: ReplayCache = this.merged?.key === key ? this.merged.cache : new Map();
      this.merged = { logs, key, state: mergeLogs(logs, this.schedule, cache), cache };
    }
    return this.merged.state;
  }

  item(id: string): ItemProgress | undefined {
    return this.state().items[id];
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
    const at = this.clock().getTime();
    await this.store.update((mine) => withReview(mine, id, at, grade, this.schedule));
    this.notifyChanged();
    return this.state().items[id];
  }

  /** When the item would next be due for each grade, for the labels of the grade buttons. */
  preview(id: string): Record<GradeValue, Date> {
    const now = this.clock();
    const previous = this.state().items[id];
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
    const introducedToday = Object.values(this.state().items).filter((item) => item.introduced >= today && item.introduced <= now).length;
    return Math.max(0, this.settings().dailyNewLimit - introducedToday);
  }

  progress(ids: readonly string[]): ProgressSummary {
    const now = this.clock().getTime();
    const items = this.state().items;
    const summary: ProgressSummary = { total: ids.length, due: 0, learning: 0, known: 0, fresh: 0 };
    for (const id of ids) {
      const item = items[id];
      if (!item) {
        summary.fresh++;
      } else if (this.isDue(item, now)) {
        summary.due++;
      } else if (item.card.state === State.Review) {
        summary.known++;
      } else {
        summary.learning++;
      }
    }
    return summary;
  }

  dueCounts(ids: readonly string[]): DueCounts {
    const progress = this.progress(ids);
    return { due: progress.due, fresh: Math.min(progress.fresh, this.newLeftToday()) };
  }

  /** Due ids among `ids`, most overdue first. */
  dueIds(ids: readonly string[]): string[] {
    const now = this.clock().getTime();
    const items = this.state().items;
    return ids.filter((id) => this.isDue(items[id], now)).sort((a, b) => items[a].card.due - items[b].card.due);
  }

  /**
   * A quiz over a chosen scope: due items first, then never-seen ones in content order, then the rest
   * (a review ahead of schedule, which FSRS accounts for), least likely remembered first.
   */
  practiceQueue(ids: readonly string[]): string[] {
    const now = this.clock();
    const items = this.state().items;
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
    const item = this.state().items[id];
    return item && item.card.state !== State.New ? this.fsrs().get_retrievability(toFsrsCard(item.card), this.clock(), false) : undefined;
  }

  /** The next moment a due count changes by itself: a card falling due, or the next local day. */
  nextChangeAt(): number {
    const now = this.clock().getTime();
    const upcoming = Object.values(this.state().items)
      .map((item) => item.card.due)
      .filter((due) => due > now);
    return Math.min(nextDayStart(now), ...upcoming);
  }

  /** Forgets the items' schedule and history, on every machine once synced. */
  async reset(ids: readonly string[]): Promise<number> {
    const items = this.state().items;
    const removed = ids.filter((id) => id in items);
    if (removed.length > 0) {
      const at = this.clock().getTime();
      await this.store.update((mine) => withReset(mine, removed, at));
      this.notifyChanged();
    }
    return removed.length;
  }

  /** Merges another log (an import) into this machine's: every review of both counts. */
  async absorb(log: MachineLog): Promise<void> {
    await this.store.update((mine) => withLog(mine, log));
    this.notifyChanged();
  }

  /** Every review of every machine, as one log (an export). */
  exportLog(machine: string): MachineLog {
    return combinedLog(this.store.logs(), machine);
  }
}
