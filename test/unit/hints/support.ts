import * as path from 'node:path';
import { compileContent, formatErrors } from '../../../src/content/compiler/compileContent';
import { HintRule } from '../../../src/hints/engine/types';

let cached: HintRule[] | undefined;

/** The repository's hint rules, compiled the way the build does; fails loudly if they are invalid. */
export function realHintRules(): HintRule[] {
  if (!cached) {
    const { hintRules, errors } = compileContent(path.resolve(__dirname, '../../../content'));
    if (errors.length > 0) {
      throw new Error(`content/ is invalid:\n${formatErrors(errors)}`);
    }
    cached = hintRules;
  }
  return cached;
}
