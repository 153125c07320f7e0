/** What the readers of a Python module's top-level literals (`secretConstants.ts`, `pythonSettingConstants.ts`, `nameConstants.ts`) share. */
import { assignmentCounts } from './moduleText';

/** The 0-based line of each offset, asked in ascending order: the text is scanned once in all. */
export function ascendingLines(text: string): (offset: number) => number {
  let line = 0;
  let counted = 0;
  return (offset) => {
    for (let k = text.indexOf('\n', counted); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
      line++;
      counted = k + 1;
    }
    return line;
  };
}

/** An assignment at the top level: `NAME =`, `NAME: T =` (not `==`). */
const TOP_LEVEL_ASSIGNMENT = /^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)/gm;

/** How many times the module assigns each name at its top level: a name bound more than once may hold another value. */
export function topLevelBindings(text: string): Map<string, number> {
  return assignmentCounts(text, TOP_LEVEL_ASSIGNMENT);
}
