/** The line counter the readers of a Python module's top-level literals (`secretConstants.ts`, `pythonSettingConstants.ts`) share. */

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
