/**
 * The study catalog: as written in content/ (markdown, the compiler's view) and as compiled into the
 * bundle (rendered HTML, the runtime's view). Shared by the build-time compiler and the runtime.
 */

export type ServiceId = 'rds' | 'dynamodb' | 'elasticache' | 'general';
export const SERVICE_IDS: readonly ServiceId[] = ['rds', 'dynamodb', 'elasticache', 'general'];

export interface Source {
  title: string;
  url: string;
}

export interface Section {
  id: string;
  title: string;
  noteIds: string[];
}

export interface Service {
  id: ServiceId;
  title: string;
  summary: string;
  sections: Section[];
}

/** A note as written in content/: its body is markdown. The build renders it into a `Note`. */
export interface MarkdownNote {
  id: string;
  service: ServiceId;
  section: string;
  title: string;
  summary: string;
  /** Markdown without front matter; `note:<id>` links point at other notes. */
  body: string;
  sources: Source[];
  related: string[];
}

/** A note as the extension reads it: the body rendered by the build (src/content/compiler/renderContent.ts). */
export interface Note extends Omit<MarkdownNote, 'body'> {
  /** Sanitised HTML: links to notes carry `data-note`, https links `data-external`. */
  bodyHtml: string;
  /** The https URLs the body links to. */
  bodyLinks: string[];
}

export type QuestionGroup = 'interview' | 'ask-interviewer' | 'technical';
export const QUESTION_GROUPS: readonly QuestionGroup[] = ['interview', 'ask-interviewer', 'technical'];

/** A free-recall question as written in content/: its texts are markdown. */
export interface MarkdownQuestion {
  id: string;
  service: ServiceId;
  group: QuestionGroup;
  /** True when the text is verbatim from the user's seed material. */
  seed: boolean;
  question: string;
  /** What the question tests (kebab-case); a session never puts two items of one concept side by side. */
  concept: string;
  noteIds: string[];
  answer: string;
  keyPoints: string[];
  /**
   * Per key point (same index), the terms that show a typed answer covered it: each entry lists
   * synonyms, and the point counts as covered when every entry has one of them. Every point of an
   * interview or technical question has terms; questions to ask the interviewer have none.
   */
  keyPointTerms?: string[][][];
  wrongAnswers: string[];
  sources: Source[];
}

/** A question as the extension reads it: its markdown rendered to sanitised HTML by the build. */
export interface Question extends Omit<MarkdownQuestion, 'question' | 'answer' | 'keyPoints' | 'wrongAnswers'> {
  /** Inline HTML (no paragraph). */
  questionHtml: string;
  answerHtml: string;
  /** Inline HTML, one per key point. */
  keyPointsHtml: string[];
  /** Inline HTML. */
  wrongAnswersHtml: string[];
}

export interface MarkdownChoiceOption {
  text: string;
  correct: boolean;
}

/** A multiple-choice item as written in content/: its texts are markdown. */
export interface MarkdownChoiceItem {
  id: string;
  service: ServiceId;
  noteIds: string[];
  question: string;
  /** See MarkdownQuestion.concept. */
  concept: string;
  options: MarkdownChoiceOption[];
  explanation: string;
  sources: Source[];
}

/** A multiple-choice item as the extension reads it: its markdown rendered to sanitised HTML by the build. */
export interface ChoiceItem extends Omit<MarkdownChoiceItem, 'question' | 'options' | 'explanation'> {
  /** Inline HTML (no paragraph). */
  questionHtml: string;
  /** Each option's text as inline HTML. */
  options: Array<{ html: string; correct: boolean }>;
  explanationHtml: string;
}

/** The catalog as content/ is compiled and validated, before the build renders its markdown. */
export interface MarkdownCatalog {
  services: Service[];
  notes: MarkdownNote[];
  questions: MarkdownQuestion[];
  choices: MarkdownChoiceItem[];
}

/** The catalog the extension ships and reads. */
export interface Catalog {
  services: Service[];
  notes: Note[];
  questions: Question[];
  choices: ChoiceItem[];
}
