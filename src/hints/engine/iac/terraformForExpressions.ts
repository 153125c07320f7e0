/**
 * A `for_each` that rekeys a collection without changing its elements: `{ for rule in var.rules : rule.name => rule }`
 * or `{ for key, db in local.databases : key => db }`, the idiom that turns a list into the map `for_each` needs.
 * `each.value` is then an element of the collection, so the elements are the collection's. A `for` expression
 * that filters (`if`), groups (`...`) or computes its value keeps its elements unknown
 * (https://developer.hashicorp.com/terraform/language/expressions/for).
 */
import { TOKEN_KIND, Tokens } from '../lexer';
import type { Range } from './terraformIngress';

const { ID } = TOKEN_KIND;

/** The first token in [from, end) whose text is `text`, outside brackets; -1 when there is none. */
function topLevel(tokens: Tokens, partner: Int32Array, from: number, end: number, text: string): number {
  for (let k = from; k < end; k = partner[k] > k ? partner[k] + 1 : k + 1) {
    if (tokens.is(k, text)) {
      return k;
    }
  }
  return -1;
}

/** The collection an object `for` expression [first, end) rekeys with its elements unchanged; undefined for anything else. */
export function rekeyedCollection(tokens: Tokens, partner: Int32Array, item: Range): Range | undefined {
  const { first, end } = item;
  const close = end - 1;
  if (!tokens.is(first, '{') || partner[first] !== close || !tokens.is(first + 1, 'for') || tokens.kinds[first + 2] !== ID) {
    return undefined;
  }
  // `for value in` or `for key, value in`.
  const pair = tokens.is(first + 3, ',');
  const valueName = pair ? first + 4 : first + 2;
  if ((pair && tokens.kinds[valueName] !== ID) || !tokens.is(valueName + 1, 'in')) {
    return undefined;
  }
  const source = valueName + 2;
  const colon = topLevel(tokens, partner, source, close, ':');
  // A conditional in the collection would hold its own `?` and `:`.
  if (colon <= source || topLevel(tokens, partner, source, colon, '?') >= 0) {
    return undefined;
  }
  const arrow = topLevel(tokens, partner, colon + 1, close, '=>');
  const value = arrow + 1;
  const rekeys = arrow > colon + 1 && value === close - 1 && tokens.kinds[value] === ID && tokens.text(value) === tokens.text(valueName);
  return rekeys ? { first: source, end: colon } : undefined;
}
