/**
 * Which key points a typed answer covers, from the terms each key point carries in the content, and
 * the grade that suggests. Pure (no `vscode`), also used by the content build to check the terms.
 *
 * A key point's terms are a list of entries; each entry lists synonyms ("asynchronous", "async"). The
 * point counts as covered when every entry has one of its synonyms in the answer, as whole words,
 * case- and accent-insensitively, allowing a plural or a common word ending ("replica" covers
 * "replicas", "encrypt" covers "encrypted"). A suggestion, not a verdict: the learner grades.
 */
import { GradeValue } from './quizState';

/** Longer answers are read up to here: enough for any answer, bounded for any paste. */
export const MAX_ANSWER_CHARS = 20_000;

/** Word endings a term may take in the answer without listing them as synonyms. */
const ENDINGS = new Set(['s', 'es', 'd', 'ed', 'ing', 'ly', 'ally', 'ion', 'ions', 'al']);

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

/** Lower-case words without accents: the unit the matching works on. */
export function words(text: string): string[] {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().match(WORD) ?? [];
}

function wordMatches(answerWord: string, termWord: string): boolean {
  return answerWord === termWord || (answerWord.startsWith(termWord) && ENDINGS.has(answerWord.slice(termWord.length)));
}

/** True when the words of `term` appear in a row in `answer`. */
function containsTerm(answer: readonly string[], term: readonly string[]): boolean {
  if (term.length === 0) {
    return false;
  }
  for (let start = 0; start + term.length <= answer.length; start++) {
    let offset = 0;
    while (offset < term.length && wordMatches(answer[start + offset], term[offset])) {
      offset++;
    }
    if (offset === term.length) {
      return true;
    }
  }
  return false;
}

export interface Coverage {
  /** Per key point, in order: covered by the answer. Points without terms are never covered. */
  covered: boolean[];
  /** How many points have terms, so could be ticked. */
  checkable: number;
  /** Undefined when nothing was typed or no point has terms. */
  suggested: GradeValue | undefined;
}

/**
 * Ticks the key points an answer covers and suggests a grade: Again when it covers none, Hard when it
 * covers fewer than half, Good otherwise. Never Easy: only the learner knows the recall was effortless.
 */
export function keyPointCoverage(answer: string, keyPointTerms: ReadonlyArray<ReadonlyArray<readonly string[]>>): Coverage {
  const answerWords = words(answer.slice(0, MAX_ANSWER_CHARS));
  const covered = keyPointTerms.map(
    (entries) => entries.length > 0 && entries.every((synonyms) => synonyms.some((synonym) => containsTerm(answerWords, words(synonym)))),
  );
  const checkable = keyPointTerms.filter((entries) => entries.length > 0).length;
  if (answerWords.length === 0 || checkable === 0) {
    return { covered, checkable, suggested: undefined };
  }
  const hits = covered.filter(Boolean).length;
  const suggested: GradeValue = hits === 0 ? 1 : hits * 2 < checkable ? 2 : 3;
  return { covered, checkable, suggested };
}
