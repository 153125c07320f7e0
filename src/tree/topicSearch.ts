/**
 * Full-text search over notes and questions for the "Search Topics" Quick Pick. Pure, so ranking is
 * unit-tested. Every query word must match a word of the entry by prefix, or the title by
 * subsequence (so "qvs" finds "Query versus Scan"); title hits rank above summary, then body.
 */
import { CatalogIndex } from '../content/catalogIndex';
import { textOf } from '../content/htmlText';

export type SearchHit =
  | { kind: 'note'; noteId: string; score: number }
  | { kind: 'question'; questionId: string; noteId: string; score: number };

interface Entry {
  hit: Omit<SearchHit, 'score'>;
  title: string;
  titleWords: string[];
  summaryWords: Set<string>;
  bodyWords: Set<string>;
}

const TITLE_WEIGHT = 10;
const SUMMARY_WEIGHT = 4;
const BODY_WEIGHT = 1;

/** Words that mean the same, folded to one spelling on both sides of the search ("lsi vs gsi" finds "GSI versus LSI"). */
const SAME_WORDS: ReadonlyMap<string, string> = new Map([['versus', 'vs']]);

function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((word) => SAME_WORDS.get(word) ?? word);
}

function isSubsequence(needle: string, haystack: string): boolean {
  let position = 0;
  for (const char of haystack) {
    if (char === needle[position]) {
      position++;
      if (position === needle.length) {
        return true;
      }
    }
  }
  return needle.length === 0;
}

function anyStartsWith(candidates: Iterable<string>, prefix: string): boolean {
  for (const candidate of candidates) {
    if (candidate.startsWith(prefix)) {
      return true;
    }
  }
  return false;
}

export class TopicSearch {
  private readonly entries: Entry[];

  constructor(catalog: CatalogIndex) {
    const notes = catalog.notesInOrder().map((note) => ({
      hit: { kind: 'note' as const, noteId: note.id },
      title: note.title.toLowerCase(),
      titleWords: words(note.title),
      summaryWords: new Set(words(note.summary)),
      bodyWords: new Set(words(textOf(note.bodyHtml))),
    }));
    const questions = catalog.questions.map((question) => {
      const text = textOf(question.questionHtml);
      return {
        hit: { kind: 'question' as const, questionId: question.id, noteId: question.noteIds[0] },
        title: text.toLowerCase(),
        titleWords: words(text),
        summaryWords: new Set(question.keyPointsHtml.flatMap((point) => words(textOf(point)))),
        bodyWords: new Set(words(textOf(question.answerHtml))),
      };
    });
    this.entries = [...notes, ...questions];
  }

  /** Hits for `query`, best first; an empty query returns nothing. */
  search(query: string, limit = 50): SearchHit[] {
    const terms = words(query);
    if (terms.length === 0) {
      return [];
    }
    const compact = terms.join('');
    const hits: SearchHit[] = [];
    for (const entry of this.entries) {
      let score = 0;
      let matchedAll = true;
      for (const term of terms) {
        if (anyStartsWith(entry.titleWords, term)) {
          score += TITLE_WEIGHT;
        } else if (anyStartsWith(entry.summaryWords, term)) {
          score += SUMMARY_WEIGHT;
        } else if (anyStartsWith(entry.bodyWords, term)) {
          score += BODY_WEIGHT;
        } else {
          matchedAll = false;
          break;
        }
      }
      if (!matchedAll) {
        // Initials and abbreviations: every character of the query in order in the title.
        if (compact.length < 2 || !isSubsequence(compact, entry.title.replace(/[^a-z0-9]/g, ''))) {
          continue;
        }
        score = TITLE_WEIGHT / 2;
      }
      if (entry.hit.kind === 'note') {
        score += 0.5; // A note ranks above a question with the same match.
      }
      hits.push({ ...entry.hit, score } as SearchHit);
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
