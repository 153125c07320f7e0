/**
 * JavaScript names destructured from an expression (`const { redis } = req`, `const { client: cache } =
 * this.deps`, `const { DocumentClient } = AWS.DynamoDB`): each reads as the member of the same name of what
 * the expression gives, as `req.redis` would. The patterns are read by the language (`javascript.ts`);
 * what the member is comes from the value the expression has, or, for a handler's request, from what
 * middleware hangs on it (`requestClients.ts`). An expression the analyzer cannot read to its end (`a + b`,
 * a call it cannot tell) gives nothing.
 */
import { Binding } from '../scope/scopes';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { FALLBACKS } from './names';
import { eggApplicationMember, requestMember } from './requestClients';
import { Value } from './values';

/** The value of a destructured binding: member `key` of what tokens [from, end) give. */
export function destructuredValue(a: CodeAnalyzer, { from, end, key }: NonNullable<Binding<Value>['destructured']>): Value | undefined {
  // `const { redis } = this.app` in an Egg.js controller or service.
  const egg = eggApplicationMember(a, from, end, key);
  if (egg) {
    return egg;
  }
  const chain = a.evalChain(from, end);
  // `const { redis } = req || {}`: the fallback only stands in for a missing object.
  const whole = chain.end === end || a.tokens.isOneOf(chain.end, FALLBACKS.js);
  if (chain.value) {
    return whole ? a.member(chain.value, key) : undefined;
  }
  return whole && chain.end === from + 1 ? requestMember(a, from, key) : undefined;
}

/** One name an object pattern binds: its local token, and the key it reads, when a plain one. */
export interface PatternName {
  local: number;
  key: string | undefined;
}

/**
 * The names an object pattern `{ … }` at `open` binds at its top level: `a`, `a = 1`, `a: b`, `a: b = 1`
 * (key and local), `...rest` and nested patterns (each name with no key: its value is not a member).
 */
export function objectPatternNames(a: CodeAnalyzer, open: number): PatternName[] {
  const names: PatternName[] = [];
  for (const [start, end] of segments(a, open)) {
    const key = a.isId(start) || a.isString(start) ? a.tokens.text(start) : undefined;
    if (a.isId(start) && (start + 1 === end || a.is(start + 1, '='))) {
      names.push({ local: start, key });
    } else if (key !== undefined && a.is(start + 1, ':') && a.isId(start + 2) && (start + 3 === end || a.is(start + 3, '='))) {
      names.push({ local: start + 2, key });
    } else {
      // A rest element, a nested pattern, a computed key: every name in it, read as nothing.
      for (let m = start; m < end; m++) {
        if (a.isId(m) && !a.is(m + 1, ':') && !a.is(m - 1, '=') && !a.isAccess(m - 1)) {
          names.push({ local: m, key: undefined });
        }
      }
    }
  }
  return names;
}
