/**
 * StackExchange.Redis configuration strings the code builds (`$"{host}:{port},password={password},ssl=False"`,
 * `host + ",password=" + password`), written in the call or held by a local set once: read as the literal
 * string is, each value the code computes standing for an unknown part. The client's settings count as complete
 * only where no computed value can add an option: values of written keys (`password={password}`), and computed
 * endpoints (`{host}`, which may carry `,ssl=true`) only when a written `ssl=` follows them, as the later key wins.
 */
import { OptionContext, OptionOccurrence } from '../model';
import { bindsWholeExpression } from '../scope/scopes';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { bindingAt } from './names';
import { FILLER, masked, MaskedText, maskedConcatenation } from './redisUrls';
import { tokensNamed } from './tokenIndex';

/** Configuration string keys the rules read, by their name in the string. */
export const STRING_OPTIONS = new Map([
  ['ssl', 'Ssl'],
  ['password', 'Password'],
  ['user', 'User'],
]);

/** A built configuration string's options, and whether they are all it sets. */
export function builtConfigurationString(a: CodeAnalyzer, start: number, end: number): Pick<OptionContext, 'options' | 'complete'> | undefined {
  const [from, to] = heldExpression(a, start, end) ?? [start, end];
  const string = interpolatedString(a, from, to);
  const text = string >= 0 ? interpolated(a, string) : maskedConcatenation(a, from, to, true);
  // A literal is read as such elsewhere; literals joined with `+` (`host + ",password=" + "..."`) are read here.
  return text && (string < 0 || text.text.includes(FILLER)) ? configurationOptions(a, text) : undefined;
}

/** The string token of a C# `$"..."` that is the whole of tokens [from, to), or -1. */
function interpolatedString(a: CodeAnalyzer, from: number, to: number): number {
  return to === from + 1 && a.isString(from) && a.tokens.interpolated(from) ? from : -1;
}

/** `$"..."` as a masked text whose offsets run through its content. */
function interpolated(a: CodeAnalyzer, token: number): MaskedText {
  const base = a.tokens.textStart(token);
  return { text: masked(a.tokens.text(token)), sourceAt: (offset) => base + offset };
}

/**
 * The expression a local holds (`var cs = $"...";`), when it is set once and never appended to (`cs += ",ssl=true"`)
 * before the use at `start`.
 */
function heldExpression(a: CodeAnalyzer, start: number, end: number): [number, number] | undefined {
  const binding = end === start + 1 && a.isId(start) ? bindingAt(a, start, end) : undefined;
  if (!binding || !bindsWholeExpression(binding) || binding.expression < 0) {
    return undefined;
  }
  for (const use of tokensNamed(a, a.tokens.text(start))) {
    if (use > binding.token && use < start && !a.isAccess(use - 1) && a.is(use + 1, '+=')) {
      return undefined;
    }
  }
  return [binding.expression, expressionEnd(a, binding.expression)];
}

/** The options of a configuration string with computed parts, as `configurationStringOptions` reads a literal one. */
function configurationOptions(a: CodeAnalyzer, { text, sourceAt }: MaskedText): Pick<OptionContext, 'options' | 'complete'> {
  const options: OptionOccurrence[] = [];
  const span = (from: number, to: number) => ({ start: sourceAt(from, false), end: sourceAt(to, true) });
  let offset = 0;
  // Where the last computed endpoint (or computed key) ends, and whether a written `ssl=` came after it.
  let openAfter = -1;
  let sslAfterOpen = false;
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : part.slice(0, eq).trim();
    if (eq < 0 || key.includes(FILLER)) {
      if (part.includes(FILLER)) {
        openAfter = offset;
        sslAfterOpen = false;
      }
      if (eq < 0 && part.trim()) {
        const host = part.trim();
        const at = offset + part.indexOf(host);
        options.push(occurrence('host', span(at, at + host.length), span(at, at + host.length), { kind: 'str', value: host.split(FILLER).join('0') }));
      }
    } else {
      const name = STRING_OPTIONS.get(key.toLowerCase());
      sslAfterOpen ||= openAfter >= 0 && key.toLowerCase() === 'ssl';
      if (name) {
        const value = part.slice(eq + 1).trim();
        const keyAt = offset + part.indexOf(key);
        const valueAt = offset + eq + 1 + (part.length - eq - 1 - part.slice(eq + 1).trimStart().length);
        const valueSpan = span(valueAt, valueAt + value.length);
        const lower = value.toLowerCase();
        const literal = value.includes(FILLER)
          ? { kind: 'expr' as const, text: a.text.slice(valueSpan.start, valueSpan.end) }
          : lower === 'true' || lower === 'false'
            ? { kind: 'bool' as const, value: lower === 'true' }
            : { kind: 'str' as const, value };
        options.push({ ...occurrence(name, span(keyAt, keyAt + key.length), valueSpan, literal), removal: span(keyAt, valueAt + value.length) });
      }
    }
    offset += part.length + 1;
  }
  return { options, complete: openAfter < 0 || sslAfterOpen };
}

function occurrence(name: string, key: OptionOccurrence['key'], value: OptionOccurrence['value'], literal: OptionOccurrence['literal']): OptionOccurrence {
  return { name, norm: normalizeName(name), key, value, literal, removal: key };
}
