/**
 * Infrastructure a test builds (a CDK construct, Pulumi or cdktf resource written in a test file, a pytest fixture or
 * a test's set-up): never deployed, so its settings get their hovers and no findings. A test that makes the
 * project's own stack reads its props where that stack is written, not here.
 */
import { isCodeResource, OptionContext } from '../model';
import { Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { tokenAt } from './tokenIndex';
import { inTestCode } from './testFixtures';

/** The extents, from the construct's name to its last setting, of the infrastructure contexts that test code builds. */
export function testResources(a: CodeAnalyzer, contexts: readonly OptionContext[]): Span[] {
  const found: Span[] = [];
  for (const context of contexts) {
    if (!isCodeResource(context)) {
      continue;
    }
    const token = a.testFile ? -1 : tokenAt(a, context.anchor.start);
    if (a.testFile || (token >= 0 && inTestCode(a, token))) {
      const end = context.options.reduce((last, option) => Math.max(last, option.value.end, option.key.end), context.anchor.end);
      found.push({ start: context.anchor.start, end });
    }
  }
  return found;
}
