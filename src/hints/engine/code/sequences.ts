/**
 * Clients a function returns together (Python `return ddb, cache`), unpacked by the caller
 * (`ddb, cache = make_clients()`). The language reads the sequence a `return` writes out
 * (`CodeLanguage.sequenceAt`); here a function's returns are agreed element by element, and an unpacked
 * name reads its element. Returns that disagree on an element, or on the count, leave it unknown.
 */
import type { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { agree } from './outerBindings';
import { Value } from './values';

/** Returns of one function read for a sequence: past this, it gives nothing (it also bounds the work per call). */
const MAX_SEQUENCE_RETURNS = 8;

/**
 * What a function's returns agree on, given the first sequence one gives and the starts of its returns, the
 * others from `next` on: per position, the element every return that gives a value agrees on. A return
 * that gives nothing is set aside, as for a single client; one that gives anything but a sequence of the
 * same count gives nothing.
 */
export function agreedSequence(a: CodeAnalyzer, first: Value & { t: 'sequence' }, starts: readonly number[], next: number): Value | undefined {
  if (starts.length - next >= MAX_SEQUENCE_RETURNS) {
    return undefined;
  }
  let elements = first.elements;
  for (let k = next; k < starts.length; k++) {
    const other = a.valueOf(a.expressionBinding(starts[k]));
    if (!other) {
      continue;
    }
    if (other.t !== 'sequence' || other.elements.length !== elements.length) {
      return undefined;
    }
    elements = elements.map((element, position) => {
      const theirs = other.elements[position];
      return (element && theirs && agree(element, theirs)) ?? null;
    });
  }
  return elements.some((element) => element !== null) ? { t: 'sequence', elements } : undefined;
}

/** The element an unpacked name reads: the one at its position, where the sequence has as many as the names. */
export function unpackedElement(a: CodeAnalyzer, { from, position, count }: NonNullable<Binding<Value>['unpacked']>): Value | undefined {
  const whole = a.valueOf(a.expressionBinding(from));
  return whole?.t === 'sequence' && whole.elements.length === count ? (whole.elements[position] ?? undefined) : undefined;
}
