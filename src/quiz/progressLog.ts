/**
 * Quiz progress as each machine's own review log, and the merged view all of them give. Pure (no
 * `vscode`): the stores, the import and the tests build on it.
 *
 * Why logs and not one state: Settings Sync keeps one value per key, so two machines writing the same
 * key lose one side's reviews (see quizStore.ts for how VS Code syncs extension state). Each machine
 * therefore appends only to its own log, and reading replays, per item, every review of every machine
 * in time order through FSRS. Replaying is deterministic (ts-fsrs seeds its fuzz from the card and the
 * review time), so one machine's replay equals the schedule it computed when it graded.
 */
import { Card, createEmptyCard } from 'ts-fsrs';
import { fromFsrsCard, toFsrsCard } from './fsrsCards';
import {
  CardState,
  EXPORT_FORMAT,
  GradeValue,
  isGrade,
  isRecord,
  isTime,
  ItemProgress,
  loadState,
  LogEntry,
  MAX_IMPORT_BYTES,
  MAX_ITEMS,
  MAX_LOG_ENTRIES,
  QuizState,
  QUIZ_STATE_VERSION,
  readItem,
  readItems,
} from './quizState';

export const PROGRESS_LOG_VERSION = 3;
/**
 * Reviews kept per item in one machine's log. Older ones are folded into the item's base card, which
 * keeps the schedule; 100 reviews of one question is far past the longest interval.
 */
export const MAX_REVIEWS_PER_ITEM = 100;

/** One grade given on one machine. */
export type Review = [at: number, grade: GradeValue];

export interface ItemRecord {
  /** The item's progress before its first review here: migrated from the single stored value, or folded. */
  base?: ItemProgress;
  /** Oldest first. */
  reviews: Review[];
  /** The item was reset at this time: everything up to it is forgotten, on every machine. */
  resetAt?: number;
}

export interface MachineLog {
  version: typeof PROGRESS_LOG_VERSION;
  /** vscode.env.machineId of the machine that writes it. */
  machine: string;
  items: Record<string, ItemRecord>;
}

/** The FSRS step: the card after `grade` at `at`, starting from a new card when `card` is undefined. */
export type Scheduler = (card: Card, at: Date, grade: GradeValue) => Card;

export type LogStatus = 'ok' | 'empty' | 'corrupt' | 'newer';

export interface LogLoad {
  log: MachineLog;
  /** Item entries that could not be read and were left out. */
  dropped: number;
  status: LogStatus;
}

export function emptyLog(machine: string): MachineLog {
  return { version: PROGRESS_LOG_VERSION, machine, items: {} };
}

function readReviews(value: unknown): Review[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_REVIEWS_PER_ITEM * 4) {
    return undefined;
  }
  const reviews: Review[] = [];
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 2 || !isTime(entry[0]) || !isGrade(entry[1])) {
      return undefined;
    }
    reviews.push([entry[0], entry[1]]);
  }
  return reviews.sort((a, b) => a[0] - b[0]);
}

function readRecord(value: unknown): ItemRecord | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const reviews = readReviews(value.reviews);
  const base = value.base === undefined ? undefined : readItem(value.base);
  if (!reviews || (value.base !== undefined && !base) || (value.resetAt !== undefined && !isTime(value.resetAt))) {
    return undefined;
  }
  const record: ItemRecord = { reviews };
  if (base) {
    record.base = base;
  }
  if (value.resetAt !== undefined) {
    record.resetAt = value.resetAt as number;
  }
  return record;
}

/** Reads one machine's stored log; never throws. What cannot be read is counted, the rest kept. */
export function readMachineLog(raw: unknown, fallbackMachine: string): LogLoad {
  if (raw === undefined || raw === null) {
    return { log: emptyLog(fallbackMachine), dropped: 0, status: 'empty' };
  }
  if (!isRecord(raw) || raw.version !== PROGRESS_LOG_VERSION || typeof raw.machine !== 'string' || !isRecord(raw.items)) {
    const newer = isRecord(raw) && typeof raw.version === 'number' && raw.version > PROGRESS_LOG_VERSION;
    return { log: emptyLog(fallbackMachine), dropped: 1, status: newer ? 'newer' : 'corrupt' };
  }
  const { items, dropped } = readItems(raw.items, readRecord);
  return { log: { version: PROGRESS_LOG_VERSION, machine: raw.machine, items }, dropped, status: 'ok' };
}

/** The single stored value of earlier versions (and their exports) as a log: each item's progress becomes its base. */
export function logFromState(state: QuizState, machine: string): MachineLog {
  const items: Record<string, ItemRecord> = {};
  for (const [id, progress] of Object.entries(state.items)) {
    items[id] = { base: progress, reviews: [] };
  }
  return { version: PROGRESS_LOG_VERSION, machine, items };
}

const lastReviewOf = (base: ItemProgress): number => base.card.lastReview ?? base.introduced;

/**
 * Replays one item's merged history: the latest base after the last reset, then every later review
 * of every machine (duplicates, e.g. from an import, counted once), in time order.
 */
function replayItem(records: readonly ItemRecord[], schedule: Scheduler): ItemProgress | undefined {
  const resetAt = Math.max(0, ...records.map((record) => record.resetAt ?? 0));
  let base: ItemProgress | undefined;
  for (const record of records) {
    if (record.base && lastReviewOf(record.base) > resetAt && (!base || lastReviewOf(record.base) > lastReviewOf(base))) {
      base = record.base;
    }
  }
  const after = base ? lastReviewOf(base) : resetAt;
  const seen = new Set<string>();
  const reviews: Review[] = [];
  for (const record of records) {
    for (const review of record.reviews) {
      const key = `${review[0]}:${review[1]}`;
      if (review[0] > after && !seen.has(key)) {
        seen.add(key);
        reviews.push(review);
      }
    }
  }
  if (!base && reviews.length === 0) {
    return undefined;
  }
  reviews.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let card = base ? toFsrsCard(base.card) : createEmptyCard(new Date(reviews[0][0]));
  const log: LogEntry[] = base ? [...base.log] : [];
  for (const [at, grade] of reviews) {
    log.push([at, grade, card.state as number as CardState]);
    card = schedule(card, new Date(at), grade);
  }
  return { card: fromFsrsCard(card), log: log.slice(-MAX_LOG_ENTRIES), introduced: base?.introduced ?? reviews[0][0] };
}

/**
 * Replays already done, per item: reused while the item's records are the same objects (a grade
 * changes one record of one log, so the next merge replays only that item). Valid for one scheduler.
 */
export type ReplayCache = Map<string, { records: readonly ItemRecord[]; progress: ItemProgress | undefined }>;

/** The progress every machine's log gives together. */
export function mergeLogs(logs: readonly MachineLog[], schedule: Scheduler, cache: ReplayCache = new Map()): QuizState {
  const byItem = new Map<string, ItemRecord[]>();
  for (const log of logs) {
    for (const [id, record] of Object.entries(log.items)) {
      const records = byItem.get(id);
      if (records) {
        records.push(record);
      } else {
        byItem.set(id, [record]);
      }
    }
  }
  const items: Record<string, ItemProgress> = {};
  for (const [id, records] of byItem) {
    const cached = cache.get(id);
    const same = cached && cached.records.length === records.length && cached.records.every((record, index) => record === records[index]);
    const progress = same ? cached.progress : replayItem(records, schedule);
    if (!same) {
      cache.set(id, { records, progress });
    }
    if (progress) {
      items[id] = progress;
    }
  }
  return { version: QUIZ_STATE_VERSION, items };
}

/** Appends a review; past MAX_REVIEWS_PER_ITEM, the oldest reviews are folded into the base. */
export function withReview(log: MachineLog, id: string, at: number, grade: GradeValue, schedule: Scheduler): MachineLog {
  const record = log.items[id] ?? { reviews: [] };
  let next: ItemRecord = { ...record, reviews: [...record.reviews, [at, grade] as Review].sort((a, b) => a[0] - b[0]) };
  if (next.reviews.length > MAX_REVIEWS_PER_ITEM) {
    const folded = next.reviews.slice(0, next.reviews.length - MAX_REVIEWS_PER_ITEM);
    const base = replayItem([{ ...next, reviews: folded }], schedule);
    next = { ...next, reviews: next.reviews.slice(folded.length), ...(base ? { base } : {}) };
  }
  return { ...log, items: { ...log.items, [id]: next } };
}

/** Forgets the items' history on every machine from `at` back. */
export function withReset(log: MachineLog, ids: readonly string[], at: number): MachineLog {
  const items = { ...log.items };
  for (const id of ids) {
    items[id] = { reviews: [], resetAt: at };
  }
  return { ...log, items };
}

/** Takes in another log's reviews, bases and resets (an import): merging then treats them as this machine's. */
export function withLog(log: MachineLog, other: MachineLog): MachineLog {
  const items = { ...log.items };
  for (const [id, theirs] of Object.entries(other.items)) {
    const mine = items[id];
    if (!mine) {
      items[id] = theirs;
      continue;
    }
    const keys = new Set(mine.reviews.map((review) => `${review[0]}:${review[1]}`));
    const reviews = [...mine.reviews, ...theirs.reviews.filter((review) => !keys.has(`${review[0]}:${review[1]}`))].sort((a, b) => a[0] - b[0]);
    const bases = [mine.base, theirs.base].filter((base): base is ItemProgress => !!base);
    const base = bases.sort((a, b) => lastReviewOf(b) - lastReviewOf(a))[0];
    const resetAt = Math.max(mine.resetAt ?? 0, theirs.resetAt ?? 0);
    items[id] = { reviews: reviews.slice(-MAX_REVIEWS_PER_ITEM * 2), ...(base ? { base } : {}), ...(resetAt > 0 ? { resetAt } : {}) };
  }
  return { ...log, items: Object.fromEntries(Object.entries(items).slice(0, MAX_ITEMS)) };
}

/** Every log's items as one log, for an export that another machine can merge. */
export function combinedLog(logs: readonly MachineLog[], machine: string): MachineLog {
  return logs.reduce((combined, log) => withLog(combined, log), emptyLog(machine));
}

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  /** Every review this machine knows of, from every machine. */
  log: MachineLog;
}

export function exportProgress(log: MachineLog, now: Date): string {
  const file: ProgressExport = { format: EXPORT_FORMAT, exportedAt: now.toISOString(), log };
  return `${JSON.stringify(file, null, 1)}\n`;
}

export type ImportError = 'tooLarge' | 'notJson' | 'wrongFormat' | 'newerVersion' | 'noEntries';

export type ImportResult = { ok: true; log: MachineLog; items: number; dropped: number } | { ok: false; error: ImportError };

/**
 * Validates a progress file before anything is changed; `byteLength` lets callers refuse before
 * reading. Reads this version's export (`log`) and earlier ones (`state`, whose items become bases).
 */
export function parseProgressFile(text: string, byteLength = text.length): ImportResult {
  if (byteLength > MAX_IMPORT_BYTES || text.length > MAX_IMPORT_BYTES) {
    return { ok: false, error: 'tooLarge' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'notJson' };
  }
  if (!isRecord(parsed) || parsed.format !== EXPORT_FORMAT || (!isRecord(parsed.state) && !isRecord(parsed.log))) {
    return { ok: false, error: 'wrongFormat' };
  }
  let log: MachineLog;
  let dropped: number;
  if (isRecord(parsed.log)) {
    const loaded = readMachineLog(parsed.log, 'import');
    if (loaded.status === 'newer') {
      return { ok: false, error: 'newerVersion' };
    }
    if (loaded.status !== 'ok') {
      return { ok: false, error: 'wrongFormat' };
    }
    ({ log, dropped } = loaded);
  } else {
    const loaded = loadState(parsed.state);
    if (loaded.status === 'newer') {
      return { ok: false, error: 'newerVersion' };
    }
    if (loaded.status === 'corrupt') {
      return { ok: false, error: 'wrongFormat' };
    }
    log = logFromState(loaded.state, 'import');
    dropped = loaded.dropped;
  }
  const items = Object.keys(log.items).length;
  if (items === 0 && dropped > 0) {
    return { ok: false, error: 'noEntries' };
  }
  return { ok: true, log, items, dropped };
}
