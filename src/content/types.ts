/** The study catalog as compiled into the bundle. Shared by the build-time compiler and the runtime. */

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

export interface Note {
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

export type QuestionGroup = 'interview' | 'ask-interviewer' | 'technical';
export const QUESTION_GROUPS: readonly QuestionGroup[] = ['interview', 'ask-interviewer', 'technical'];

export interface Question {
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

export interface ChoiceOption {
  text: string;
  correct: boolean;
}

export interface ChoiceItem {
  id: string;
  service: ServiceId;
  noteIds: string[];
  question: string;
  /** See Question.concept. */
  concept: string;
  options: ChoiceOption[];
  explanation: string;
  sources: Source[];
}

export interface Catalog {
  services: Service[];
  notes: Note[];
  questions: Question[];
  choices: ChoiceItem[];
}
