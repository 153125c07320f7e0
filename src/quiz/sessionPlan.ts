/**
 * What a quiz session asks, in which order, and for how long. Pure, so that the order is unit-tested.
 * - Today's review: what FSRS says is due (most overdue first), then never-seen items up to the daily
 *   new-item limit, taken in turn from each service and, within a service, from each note.
 * - A scoped quiz: the scope's own items first, then those that only mention it.
 * - Everywhere: two items on one concept are never side by side while the queue has something else.
 */
import { QuizEngine } from './quizEngine';
import { QuizItem } from './quizScope';

export type SessionLength = { kind: 'items'; count: number } | { kind: 'minutes'; minutes: number };

/** How far ahead the concept spacing looks for an item on another concept. */
const SPACING_WINDOW = 32;

/** Round-robin over groups, keeping each group's order: a, b, c, a, b, c, a… */
function roundRobin<T>(groups: ReadonlyArray<readonly T[]>): T[] {
  const result: T[] = [];
  const longest = Math.max(0, ...groups.map((group) => group.length));
  for (let i = 0; i < longest; i++) {
    for (const group of groups) {
      if (i < group.length) {
        result.push(group[i]);
      }
    }
  }
  return result;
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const name = key(value);
    const group = groups.get(name);
    if (group) {
      group.push(value);
    } else {
      groups.set(name, [value]);
    }
  }
  return [...groups.values()];
}

/** New items mixed across services, and within each service across notes (by each item's main note). */
export function interleaveNew(items: readonly QuizItem[]): QuizItem[] {
  const byService = groupBy(items, (item) => item.service).map((serviceItems) => roundRobin(groupBy(serviceItems, (item) => item.noteIds[0] ?? '')));
  return roundRobin(byService);
}

/**
 * Reorders as little as possible so that no two neighbours share a concept: when the next item repeats
 * the previous concept, the nearest later item on another concept (within a window) moves up.
 */
export function spaceConcepts(items: readonly QuizItem[]): QuizItem[] {
  const rest = [...items];
  const result: QuizItem[] = [];
  while (rest.length > 0) {
    const previous = result[result.length - 1]?.concept;
    let index = 0;
    if (previous !== undefined && rest[0].concept === previous) {
      const found = rest.slice(0, SPACING_WINDOW).findIndex((item) => item.concept !== previous);
      index = found === -1 ? 0 : found;
    }
    result.push(rest.splice(index, 1)[0]);
  }
  return result;
}

/** Today's review over the eligible items: due, then new up to today's limit, mixed and spaced. */
export function todaysReview(engine: QuizEngine, items: readonly QuizItem[]): QuizItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const due = engine.dueIds([...byId.keys()]).map((id) => byId.get(id)!);
  const unseen = items.filter((item) => !engine.item(item.id));
  const fresh = interleaveNew(unseen).slice(0, engine.newLeftToday());
  return spaceConcepts([...due, ...fresh]);
}

/**
 * A quiz over a chosen scope: the scope's own items, then the ones that only mention it; within each,
 * due first, then new (mixed across notes), then the rest, least likely remembered first.
 */
export function scopedQueue(engine: QuizEngine, own: readonly QuizItem[], linked: readonly QuizItem[]): QuizItem[] {
  const order = (part: readonly QuizItem[]): QuizItem[] => {
    const byId = new Map(part.map((item) => [item.id, item]));
    const queue = engine.practiceQueue([...byId.keys()]).map((id) => byId.get(id)!);
    const fresh = new Set(part.filter((item) => !engine.item(item.id)).map((item) => item.id));
    const firstFresh = queue.findIndex((item) => fresh.has(item.id));
    if (firstFresh === -1) {
      return queue;
    }
    const mixed = interleaveNew(queue.filter((item) => fresh.has(item.id)));
    return [...queue.slice(0, firstFresh), ...mixed, ...queue.slice(firstFresh + mixed.length)];
  };
  return spaceConcepts([...order(own), ...order(linked)]);
}

/** A queue cut to a session's length: a count of items, or everything (a timed session stops by the clock). */
export function limitSession<T>(queue: readonly T[], length: SessionLength): T[] {
  return length.kind === 'items' ? queue.slice(0, length.count) : [...queue];
}
