/** What a quiz can ask, and which part of it a scope selects. Pure, so that it is unit-tested. */
import { CatalogIndex } from '../content/catalogIndex';
import { ChoiceItem, Question, ServiceId, SERVICE_IDS } from '../content/types';

export type QuizItem =
  | { kind: 'question'; id: string; service: ServiceId; noteIds: string[]; concept: string; question: Question }
  | { kind: 'choice'; id: string; service: ServiceId; noteIds: string[]; concept: string; choice: ChoiceItem };

export type QuizScope =
  | { kind: 'all' }
  | { kind: 'due' }
  | { kind: 'service'; serviceId: ServiceId }
  | { kind: 'section'; sectionId: string }
  | { kind: 'note'; noteId: string };

/** The argument other features pass to awsDbStudy.startQuiz. */
export interface StartQuizArgument {
  serviceId?: string;
  sectionId?: string;
  noteId?: string;
}

/**
 * Every quizzable item in content order, service by service, alternating free-recall questions and
 * multiple-choice items so that a session mixes both. "Ask the interviewer" prompts are talking
 * points, not recall, so they are left out unless the setting asks for them.
 */
export function quizItems(catalog: CatalogIndex, includeAskInterviewer: boolean): QuizItem[] {
  const items: QuizItem[] = [];
  for (const service of catalog.services) {
    const questions: QuizItem[] = catalog.questions
      .filter((question) => question.service === service.id && (includeAskInterviewer || question.group !== 'ask-interviewer'))
      .map((question) => ({ kind: 'question', id: question.id, service: question.service, noteIds: question.noteIds, concept: question.concept, question }));
    const choices: QuizItem[] = catalog.choices
      .filter((choice) => choice.service === service.id)
      .map((choice) => ({ kind: 'choice', id: choice.id, service: choice.service, noteIds: choice.noteIds, concept: choice.concept, choice }));
    for (let i = 0; i < Math.max(questions.length, choices.length); i++) {
      if (i < questions.length) {
        items.push(questions[i]);
      }
      if (i < choices.length) {
        items.push(choices[i]);
      }
    }
  }
  return items;
}

/**
 * The scope's own items: for a note or a section, those whose main note (the first listed) is in it.
 * Items that only mention it come after them, as `linked`.
 */
export function scopeParts(catalog: CatalogIndex, items: readonly QuizItem[], scope: QuizScope): { own: QuizItem[]; linked: QuizItem[] } {
  const inScope = itemsInScope(catalog, items, scope);
  if (scope.kind !== 'note' && scope.kind !== 'section') {
    return { own: inScope, linked: [] };
  }
  const isOwn = (item: QuizItem): boolean =>
    scope.kind === 'note' ? item.noteIds[0] === scope.noteId : catalog.note(item.noteIds[0])?.section === scope.sectionId;
  return { own: inScope.filter(isOwn), linked: inScope.filter((item) => !isOwn(item)) };
}

/** Items of a scope; 'due' selects everything, and the engine then keeps what is due. */
export function itemsInScope(catalog: CatalogIndex, items: readonly QuizItem[], scope: QuizScope): QuizItem[] {
  switch (scope.kind) {
    case 'all':
    case 'due':
      return [...items];
    case 'service':
      return items.filter((item) => item.service === scope.serviceId);
    case 'section':
      return items.filter((item) => item.noteIds.some((noteId) => catalog.note(noteId)?.section === scope.sectionId));
    case 'note':
      return items.filter((item) => item.noteIds.includes(scope.noteId));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isServiceId = (value: unknown): value is ServiceId => typeof value === 'string' && (SERVICE_IDS as readonly string[]).includes(value);

/**
 * Reads startQuiz's optional argument: `{ serviceId?, sectionId?, noteId? }` (the most specific wins)
 * or a Topics tree node. Returns undefined when there is no argument, 'invalid' when there is one that
 * names nothing in the catalog.
 */
export function scopeFromArgument(catalog: CatalogIndex, argument: unknown): QuizScope | 'invalid' | undefined {
  if (argument === undefined || argument === null) {
    return undefined;
  }
  if (!isRecord(argument)) {
    return 'invalid';
  }
  if (typeof argument.kind === 'string' && typeof argument.id === 'string') {
    const [prefix, ...rest] = argument.id.split(':');
    const id = rest.join(':');
    if (argument.kind === 'note' && prefix === 'note' && catalog.note(id)) {
      return { kind: 'note', noteId: id };
    }
    if (argument.kind === 'section' && prefix === 'section' && catalog.sectionOf(id)) {
      return { kind: 'section', sectionId: id };
    }
    if (argument.kind === 'service' && prefix === 'service' && isServiceId(id) && catalog.service(id)) {
      return { kind: 'service', serviceId: id };
    }
    return 'invalid';
  }
  const { serviceId, sectionId, noteId } = argument;
  if (noteId !== undefined) {
    return typeof noteId === 'string' && catalog.note(noteId) ? { kind: 'note', noteId } : 'invalid';
  }
  if (sectionId !== undefined) {
    return typeof sectionId === 'string' && catalog.sectionOf(sectionId) ? { kind: 'section', sectionId } : 'invalid';
  }
  if (serviceId !== undefined) {
    return isServiceId(serviceId) && catalog.service(serviceId) ? { kind: 'service', serviceId } : 'invalid';
  }
  return 'invalid';
}

/** The scope's name as the quiz's title shows it. */
export function scopeTitle(catalog: CatalogIndex, scope: QuizScope, labels: { all: string; due: string }): string {
  switch (scope.kind) {
    case 'all':
      return labels.all;
    case 'due':
      return labels.due;
    case 'service':
      return catalog.service(scope.serviceId)?.title ?? scope.serviceId;
    case 'section': {
      const place = catalog.sectionOf(scope.sectionId);
      return place ? `${place.service.title} › ${place.section.title}` : scope.sectionId;
    }
    case 'note':
      return catalog.note(scope.noteId)?.title ?? scope.noteId;
  }
}

/** Fisher–Yates with an injectable random source, for option order and mock-interview picks. */
export function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const result = [...values];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * Mock-interview questions: free recall only, taken in turn from each service (shuffled within each)
 * so that a short interview still spans RDS, DynamoDB and ElastiCache.
 */
export function mockInterviewQuestions(items: readonly QuizItem[], count: number, random: () => number): QuizItem[] {
  const byService = new Map<ServiceId, QuizItem[]>();
  for (const item of items) {
    if (item.kind === 'question') {
      byService.set(item.service, [...(byService.get(item.service) ?? []), item]);
    }
  }
  const pools = shuffled([...byService.values()].map((pool) => shuffled(pool, random)), random);
  const picked: QuizItem[] = [];
  while (picked.length < count && pools.some((pool) => pool.length > 0)) {
    for (const pool of pools) {
      const next = pool.shift();
      if (next && picked.length < count) {
        picked.push(next);
      }
    }
  }
  return picked;
}
