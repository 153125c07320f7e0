/**
 * Constructs made inside another construct's props (`storageEncryptionKey: new Key(this, 'DbKey', { removalPolicy:
 * RemovalPolicy.DESTROY })`): the props reader reads every key of the literal, nested ones included, but the keys
 * passed to that `new` are the other construct's, so the database's props leave them out (the key is read as its
 * own construct where the rules know it).
 */
import type { CodeAnalyzer } from './analyzer';
import { OptionContext } from '../model';

/** Drops from `context` the options written inside a `new X(...)` within the props literal from `open` to `close`. */
export function dropNestedConstructOptions(a: CodeAnalyzer, open: number, close: number, context: OptionContext): void {
  let ranges: { start: number; end: number }[] | undefined;
  for (let k = open + 1; k < close; k++) {
    if (!a.idIs(k, 'new')) {
      continue;
    }
    let name = k + 1;
    while (a.isId(name) && a.is(name + 1, '.') && a.isId(name + 2)) {
      name += 2;
    }
    const arguments_ = name + 1;
    if (a.isId(name) && a.is(arguments_, '(') && a.partner[arguments_] > arguments_) {
      (ranges ??= []).push({ start: a.tokenSpan(arguments_).start, end: a.tokenSpan(a.partner[arguments_]).end });
      k = a.partner[arguments_];
    }
  }
  if (ranges) {
    const inside = ranges;
    context.options = context.options.filter((option) => !inside.some(({ start, end }) => option.key.start > start && option.key.end < end));
  }
}
