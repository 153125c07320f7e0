/**
 * Texts the workspace index read, kept for the analysis pass so that each file is read from disk once:
 * on a tree of small files, opening and reading a file again cost about a twentieth of the run. Bounded
 * per thread; past the bound, and for files the index could not read, the analysis reads the file itself.
 */
import { DocumentKind, isAnalysedKind } from '../hints/engine/documentKinds';
import { readableText } from './analyzeFile';

/** Characters kept at most: 64 MB of one-byte text, a tree far larger than most repositories. */
const KEPT_CHARS = 64 * 1024 * 1024;

export class KeptTexts {
  private readonly texts = new Map<string, string>();
  private chars = 0;

  constructor(private readonly limit = KEPT_CHARS) {}

  /** The index's reader: the file's text, or undefined when it cannot be read; kept when the file will be analysed and there is room. */
  readonly read = (file: string, kind: DocumentKind): string | undefined => {
    const text = readableText(file);
    if (text !== undefined && isAnalysedKind(kind) && this.chars + text.length <= this.limit) {
      this.texts.set(file, text);
      this.chars += text.length;
    }
    return text;
  };

  /** The text kept for `file`, handed over once; undefined when none was kept. */
  take(file: string): string | undefined {
    const text = this.texts.get(file);
    if (text !== undefined) {
      this.texts.delete(file);
      this.chars -= text.length;
    }
    return text;
  }
}
