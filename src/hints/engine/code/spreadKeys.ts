/**
 * The keys an object literal writes after a spread (`{ ...props, billing: Billing.onDemand() }`): they win over what
 * the spread object holds. Shared by the analyzer's reading of a construct subclass's `super(...)` call and the
 * workspace index's (`cdkSubclasses.ts`, `workspace/cdkClasses.ts`).
 */
import { TOKEN_KIND, Tokens } from '../lexer';
import { normalizeName } from '../types';

const { ID } = TOKEN_KIND;

/** What reading the object's top level needs of a token reader. */
export interface ObjectTokens {
  readonly tokens: Tokens;
  readonly partner: Int32Array;
  is(index: number, text: string): boolean;
}

/** The keys of the object `{ … }` from `open` to `close` written after a spread at its top level, normalized; undefined without a spread. */
export function keysAfterSpread(reader: ObjectTokens, open: number, close: number): string[] | undefined {
  const { tokens, partner } = reader;
  let spread = false;
  const keys: string[] = [];
  for (let k = open + 1; k < close; k = partner[k] > k ? partner[k] + 1 : k + 1) {
    if (tokens.isSpread(k)) {
      spread = true;
      k += 2;
    } else if (spread && tokens.kinds[k] === ID && (reader.is(k - 1, '{') || reader.is(k - 1, ',')) && (reader.is(k + 1, ':') || reader.is(k + 1, ',') || reader.is(k + 1, '}'))) {
      keys.push(normalizeName(tokens.text(k)));
    }
  }
  return spread ? keys : undefined;
}
