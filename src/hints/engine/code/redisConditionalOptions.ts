/**
 * A Redis client's host or URL a condition picks between two string literals (`host: isProd ? 'cache' : 'localhost'`,
 * `url: isProd ? 'redis://:pw@cache.x.cache.amazonaws.com:6379' : 'redis://localhost:6379'`, in place or held by a
 * name bound once to it). Each branch is a server the client may connect to, so the value carries both as `oneOf`:
 * the TLS readers judge each (`redisClientTls.ts`), as the SQL readers judge each branch of a connection string
 * (`sqlConditionalDsns.ts`), and a password in a branch's URL user information is a password written in the code.
 */
import type { Literal, OptionContext, OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { heldOrWritten } from './conditionalObjects';
import { parseRedisUrl, urlOption } from './redisUrls';
import { conditionalParts } from './sqlConditionalDsns';

/** Options that name the server by one string: a host or a URL. */
const SERVER_STRINGS = new Set(['host', 'url']);

/** The string literal tokens that are the two branches of the conditional at [first, end) (or a name holds), or none. */
function branchStrings(a: CodeAnalyzer, first: number, end: number): number[] {
  const [from, to] = heldOrWritten(a, first, end);
  const parts = conditionalParts(a, from, to);
  const strings = parts.filter(([start, stop]) => stop === start + 1 && a.isString(start) && !a.tokens.interpolated(start));
  return parts.length === 2 && strings.length === 2 ? strings.map(([start]) => start) : [];
}

/** Gives each host or URL option that a condition picks between two literals its branches, and a branch URL's password. */
export function conditionalEndpoints(a: CodeAnalyzer, context: OptionContext): void {
  context.options.forEach((option, index) => {
    // An option whose literal was already given in place of the one read (a spread's that a later spread may replace, `options.ts`) is left as it is.
    if (!SERVER_STRINGS.has(option.norm) || option.literal.kind !== 'expr' || Object.prototype.hasOwnProperty.call(option, 'literal')) {
      return;
    }
    const [first, end] = a.tokensOf(option.value);
    const strings = branchStrings(a, first, end);
    if (strings.length === 0) {
      return;
    }
    const oneOf: Literal[] = strings.map((token) => ({ kind: 'str', value: a.tokens.text(token) }));
    // The occurrence stays the prototype, as its spans are worked out when asked (`options.ts`).
    context.options[index] = Object.create(option, { literal: { value: { ...option.literal, oneOf }, enumerable: true } }) as OptionOccurrence;
    for (const token of option.norm === 'url' ? strings : []) {
      const password = parseRedisUrl(a.tokens.text(token))?.password;
      if (password) {
        context.options.push(urlOption(a, token, 'password', password, password, { kind: 'str', value: password.value }));
      }
    }
  });
}
