/**
 * The saved quiz progress: one FSRS card and a short review log per question or multiple-choice item.
 * Pure (no `vscode`): loading validates every entry, migrates older schema versions, and drops what it
 * cannot read without touching the rest; import and export use the same checks.
 */

/** Schema written by this version. */
export const QUIZ_STATE_VERSION = 2;
/** Review-log entries kept per item: enough for statistics, small enough for Settings Sync. */
export const MAX_LOG_ENTRIES = 50;
/** Largest progress file accepted by import (200 items with full logs take about 250 KB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_ITEMS = 10_000;
export const EXPORT_FORMAT = 'aws-db-study.quiz-progress';

export const ITEM_ID = /^[a-z0-9][a-z0-9-]{0,119}$/;
// Dates outside these bounds are corruption, not a schedule: 2020-01-01 to 2200-01-01.
const MIN_TIME = Date.UTC(2020, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

/** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type CardState = 0 | 1 | 2 | 3;
/** ts-fsrs Grade: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type GradeValue = 1 | 2 | 3 | 4;

/** A ts-fsrs Card with dates as epoch milliseconds. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview?: number;
}

/** One review: when, the grade given, and the card's state before it (tells reviews from learning). */
export type LogEntry = [at: number, grade: GradeValue, stateBefore: CardState];

export interface ItemProgress {
  card: StoredCard;
  /** Oldest first, at most MAX_LOG_ENTRIES. */
  log: LogEntry[];
  /** When the item was first graded; counts against the daily new-item limit. */
  introduced: number;
}

export interface QuizState {
  version: typeof QUIZ_STATE_VERSION;
  items: Record<string, ItemProgress>;
}

export type LoadStatus = 'ok' | 'empty' | 'corrupt' | 'newer';

export interface LoadResult {
  state: QuizState;
  /** Entries that could not be read and were left out. */
  dropped: number;
  /**
   * 'corrupt': the value as a whole was unreadable. 'newer': written by a newer schema; what could
   * be read is returned, and the caller must not overwrite the stored value with it.
   */
  status: LoadStatus;
}

export function emptyState(): QuizState {
  return { version: QUIZ_STATE_VERSION, items: {} };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= MIN_TIME && value <= MAX_TIME;
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000;
}

function isNonNegative(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max;
}

function isCardState(value: unknown): value is CardState {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

export function isGrade(value: unknown): value is GradeValue {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

function readCard(value: unknown): StoredCard | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } = value;
  if (
    !isTime(due) ||
    !isNonNegative(stability, 100_000) ||
    !isNonNegative(difficulty, 10) ||
    !isNonNegative(elapsedDays, 100_000) ||
    !isNonNegative(scheduledDays, 100_000) ||
    !isCount(learningSteps) ||
    !isCount(reps) ||
    !isCount(lapses) ||
    !isCardState(state) ||
    (lastReview !== undefined && !isTime(lastReview)) ||
    (state !== 0 && lastReview === undefined)
  ) {
    return undefined;
  }
  const card: StoredCard = { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state };
  if (lastReview !== undefined) {
    card.lastReview = lastReview;
  }
  return card;
}

function readLog(value: unknown): LogEntry[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_LOG_ENTRIES * 4) {
    return undefined;
  }
  const log: LogEntry[] = [];
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 3 || !isTime(entry[0]) || !isGrade(entry[1]) || !isCardState(entry[2])) {
      return undefined;
    }
    log.push([entry[0], entry[1], entry[2]]);
  }
  log.sort((a, b) => a[0] - b[0]);
  return log.slice(-MAX_LOG_ENTRIES);
}

export function readItem(value: unknown): ItemProgress | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const card = readCard(value.card);
  const log = readLog(value.log);
  if (!card || !log || !isTime(value.introduced)) {
    return undefined;
  }
  return { card, log, introduced: value.introduced };
}

/** Version 1 (development builds) kept ts-fsrs cards verbatim: snake_case fields and ISO date strings, no log. */
function migrateV1Item(value: unknown): ItemProgress | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const time = (field: unknown): number | undefined => (typeof field === 'string' ? Date.parse(field) : undefined);
  const lastReview = time(value.last_review);
  const card = readCard({
    due: time(value.due),
    stability: value.stability,
    difficulty: value.difficulty,
    elapsedDays: value.elapsed_days,
    scheduledDays: value.scheduled_days,
    learningSteps: value.learning_steps ?? 0,
    reps: value.reps,
    lapses: value.lapses,
    state: value.state,
    lastReview,
  });
  return card ? { card, log: [], introduced: card.lastReview ?? card.due } : undefined;
}

export function readItems<T>(items: unknown, readOne: (value: unknown) => T | undefined): { items: Record<string, T>; dropped: number } {
  const result: Record<string, T> = {};
  let dropped = 0;
  const entries = isRecord(items) ? Object.entries(items) : [];
  for (const [id, value] of entries.slice(0, MAX_ITEMS)) {
    const item = ITEM_ID.test(id) ? readOne(value) : undefined;
    if (item) {
      result[id] = item;
    } else {
      dropped++;
    }
  }
  return { items: result, dropped: dropped + Math.max(0, entries.length - MAX_ITEMS) };
}

/** Reads a stored value of any schema version; never throws. */
export function loadState(raw: unknown): LoadResult {
  if (raw === undefined || raw === null) {
    return { state: emptyState(), dropped: 0, status: 'empty' };
  }
  if (!isRecord(raw) || !Number.isInteger(raw.version) || (raw.version as number) < 1) {
    return { state: emptyState(), dropped: 1, status: 'corrupt' };
  }
  const version = raw.version as number;
  if (version === 1) {
    const { items, dropped } = readItems(raw.cards, migrateV1Item);
    return { state: { version: QUIZ_STATE_VERSION, items }, dropped, status: 'ok' };
  }
  if (!isRecord(raw.items)) {
    return { state: emptyState(), dropped: 1, status: version > QUIZ_STATE_VERSION ? 'newer' : 'corrupt' };
  }
  const { items, dropped } = readItems(raw.items, readItem);
  return { state: { version: QUIZ_STATE_VERSION, items }, dropped, status: version > QUIZ_STATE_VERSION ? 'newer' : 'ok' };
}
