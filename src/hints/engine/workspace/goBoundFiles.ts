/**
 * The index readers of one Go file (`goPackages.ts`: SQL openers, client and wrapper makers, calls made while paging
 * or retrying, calls of other packages' makers) each need the file lexed and bound, and nothing more: they share one
 * analyzer, kept for the last text read, instead of lexing and binding the file once per reader.
 */
import { CodeAnalyzer } from '../code/analyzer';
import { go } from '../code/languages/go';
import { LineIndex } from '../text';

let lastText: string | undefined;
let lastAnalyzer: CodeAnalyzer | undefined;

/** The Go file's analyzer, bound; the same one for the same text, which readers only read. */
export function boundGoFile(text: string): CodeAnalyzer {
  if (text !== lastText || !lastAnalyzer) {
    const a = new CodeAnalyzer(text, go, new LineIndex(text));
    a.bind();
    // Kept only once bound: a bind cut short by the time budget is done again next time.
    lastText = text;
    lastAnalyzer = a;
  }
  return lastAnalyzer;
}
