/**
 * Redis options built by spreading what a function of another module returns: `new Redis({ ...getRedisConfig(),
 * lazyConnect: true })`, or through a local (`const options = { ...getRedisConfig(), ... }; new Redis(options)`).
 * The function's returned object is part of the client's options, so the module that declares it reads that
 * object's keys as the client's (`code/otherFileRedisOptionFunctions.ts`).
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { segments } from '../code/braces';
import { mayBeProjectModule } from '../code/projectImports';

/** The imported functions whose call with no arguments an options argument in tokens [start, end) spreads, as imported. */
export function spreadOptionCalls(a: CodeAnalyzer, start: number, end: number): { module: string; path: string }[] {
  const open = a.is(start, '{') && a.partner[start] === end - 1 ? start : end === start + 1 && a.isId(start) ? a.objectVariable(a.tokens.text(start), start) : -1;
  if (open < 0 || a.partner[open] < 0) {
    return [];
  }
  const found: { module: string; path: string }[] = [];
  for (const [from, to] of segments(a, open)) {
    // `...getRedisConfig()`: a spread of a call with no arguments, the whole entry.
    const name = from + 3;
    if (!a.tokens.isSpread(from) || !a.isId(name) || !a.is(name + 1, '(') || a.partner[name + 1] !== name + 2 || to !== name + 3) {
      continue;
    }
    const callee = a.evalChain(name, name + 1).value;
    if (callee?.t === 'ref' && callee.path && mayBeProjectModule(a, callee.module)) {
      found.push({ module: callee.module, path: callee.path });
    }
  }
  return found;
}
