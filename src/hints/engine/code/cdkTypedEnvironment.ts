/**
 * The password variables of a Java or C# CDK Lambda function's environment written in place: Java
 * `.environment(Map.of("DB_PASSWORD", "..."))`, C# `Environment = new Dictionary<string, string> { { "DB_PASSWORD",
 * "..." } }` (or `["DB_PASSWORD"] = "..."`), as the TypeScript and Python readers give them (`iac/lambdaEnvironment.ts`).
 */
import { environmentPasswords } from '../iac/lambdaEnvironment';
import { OptionContext, OptionOccurrence } from '../model';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { literalOf } from './options';

export function typedEnvironmentPasswords(a: CodeAnalyzer, props: OptionContext): OptionOccurrence[] {
  const environment = props.options.find((option) => option.norm === 'environment');
  if (!environment) {
    return [];
  }
  const [start, end] = a.tokensOf(environment.value);
  return environmentPasswords(pairs(a, start, end).map(([key, from, to]) => mapVariable(a, key, from, to)));
}

/** The [key token, value start, value end) of each pair of the map written at tokens [start, end). */
function pairs(a: CodeAnalyzer, start: number, end: number): [number, number, number][] {
  const close = end - 1;
  const open = a.partner[close];
  if (a.language.family === 'java' && a.is(close, ')') && open === start + 3 && a.idIs(start, 'Map') && a.isAccess(start + 1) && a.idIs(start + 2, 'of')) {
    const args = segments(a, open);
    return args.flatMap(([from, to], k) => (k % 2 === 0 && to === from + 1 && args[k + 1] ? [[from, ...args[k + 1]] as [number, number, number]] : []));
  }
  if (a.language.family !== 'csharp' || !a.is(close, '}') || !a.idIs(start, 'new') || !a.idIs(start + 1, 'Dictionary')) {
    return [];
  }
  return collectionInitializerPairs(a, open);
}

/** The [key token, value start, value end) of each `{ "K", v }` or `["K"] = v` entry of the C# collection initializer opened at `open`. */
export function collectionInitializerPairs(a: CodeAnalyzer, open: number): [number, number, number][] {
  return segments(a, open).flatMap(([from, to]): [number, number, number][] => {
    if (a.is(from, '{') && a.partner[from] === to - 1) {
      const [key, value] = segments(a, from);
      return key && value && key[1] === key[0] + 1 ? [[key[0], value[0], value[1]]] : [];
    }
    return a.is(from, '[') && a.partner[from] === from + 2 && a.is(from + 3, '=') ? [[from + 1, from + 4, to]] : [];
  });
}

/** A map entry as an option named by its key (a string literal; any other key names nothing). */
export function mapVariable(a: CodeAnalyzer, key: number, from: number, to: number): OptionOccurrence {
  const name = a.isString(key) ? a.tokens.text(key) : '';
  const value = a.span(from, to - 1);
  return { name, norm: normalizeName(name), key: a.tokenSpan(key), value, literal: literalOf(a, from, to).literal, removal: { start: a.tokens.starts[key], end: value.end } };
}
