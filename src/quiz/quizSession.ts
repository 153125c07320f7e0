import * as vscode from 'vscode';
import { CatalogIndex } from '../content/catalogIndex';
import { textOf } from '../content/htmlText';
import { choiceCardHtml, formatInterval, GradeChoice, gradeLabel, questionCardHtml, Translate } from './cardHtml';
import { keyPointCoverage } from './keyPointCoverage';
import { nextDayStart } from './dueCounts';
import { GRADES, QuizEngine } from './quizEngine';
import { QuizCard } from './quizCard';
import { QuizItem, shuffled } from './quizScope';
import { QuizSettings } from './quizSettings';
import { GradeValue } from './quizState';
import { input, pick, PickItem } from './quickInput';
import { AnsweredItem, summarizeSession } from './sessionSummary';
import { sessionSummaryHtml } from './summaryHtml';

export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

export interface QuizDeps {
  engine: QuizEngine;
  catalog: CatalogIndex;
  card: QuizCard;
  settings: () => QuizSettings;
}

/** A graded item with when it comes back, or how the step ended without a grade. */
type Outcome = { grade: GradeValue; nextDue: number } | 'skipped' | 'quit';

/** Where the session is: the Quick Input's title and the card's breadcrumb. */
interface Step {
  /** "Amazon DynamoDB · Question 3 of 12": the scope and the position. */
  title: string;
  /** "Amazon RDS · Question 3 of 12": the item's own service and the position. */
  place: string;
}

function step(deps: QuizDeps, scopeTitle: string, item: QuizItem, position: number, count: number, endsAt: number | undefined): Step {
  const progress = endsAt === undefined
    ? t('Question {0} of {1}', position + 1, count)
    : t('Question {0} · {1} min left', position + 1, Math.max(1, Math.ceil((endsAt - deps.engine.clock().getTime()) / 60_000)));
  const service = deps.catalog.service(item.service)?.title ?? item.service;
  return { title: `${scopeTitle} · ${progress}`, place: `${service} · ${progress}` };
}

/** The card's tab title: says it is a quiz, so it never reads like the note tab beside it. */
export function cardTitle(scope: string): string {
  return t('Quiz: {0}', scope);
}

/** "Open note" entries that open the note beside the card, leaving the keyboard in the picker. */
function openNoteItems<T>(deps: QuizDeps, noteIds: readonly string[]): Array<PickItem<T>> {
  return noteIds.flatMap((noteId) => {
    const note = deps.catalog.note(noteId);
    return note ? [{ label: `$(book) ${t('Open note beside the card: {0}', note.title)}`, run: () => deps.card.openNoteBeside(note.id) }] : [];
  });
}

/** When each grade would bring the item back, for the picker and the card's grade buttons. */
export function gradeChoices(engine: QuizEngine, itemId: string): GradeChoice[] {
  const preview = engine.preview(itemId);
  const now = engine.clock().getTime();
  return GRADES.map((grade) => ({ grade, when: formatInterval(preview[grade].getTime() - now, t) }));
}

/** The four grades, keyed 1 to 4; the suggested one says so. */
export function gradeItems(choices: readonly GradeChoice[], suggested?: GradeValue): Array<PickItem<GradeValue>> {
  return choices.map(({ grade, when }) => ({
    label: `${grade}  ${gradeLabel(grade, t)}`,
    description: grade === suggested ? t('next review in {0} · suggested by your answer', when) : t('next review in {0}', when),
    value: grade,
  }));
}

export const GRADE_KEYS: ReadonlyMap<string, GradeValue> = new Map(GRADES.map((grade) => [String(grade), grade]));

async function askQuestion(deps: QuizDeps, item: Extract<QuizItem, { kind: 'question' }>, title: string, at: Step): Promise<Outcome> {
  const { question } = item;
  deps.card.show(title, questionCardHtml(question, deps.catalog, t, { place: at.place, revealed: false }));
  const answer = await input({
    title: at.title,
    prompt: textOf(question.questionHtml),
    placeholder: t('Optional: type your answer, then press Enter to reveal the model answer'),
    skippable: true,
    card: deps.card,
  });
  if (!answer) {
    return 'quit';
  }
  if (answer.kind === 'skip') {
    return 'skipped';
  }
  const coverage = keyPointCoverage(answer.value, question.keyPointTerms ?? []);
  const choices = gradeChoices(deps.engine, item.id);
  deps.card.show(title, questionCardHtml(question, deps.catalog, t, { place: at.place, revealed: true, notes: answer.value, coverage, grades: choices }));
  const grades = gradeItems(choices, coverage.suggested);
  const grade = await pick<GradeValue | 'skipped'>({
    title: at.title,
    placeholder: coverage.suggested
      ? t('Your answer suggests {0}; you choose. Press 1 Again, 2 Hard, 3 Good or 4 Easy', gradeLabel(coverage.suggested, t))
      : t('How well did you recall it? Press 1 Again, 2 Hard, 3 Good or 4 Easy'),
    items: [
      ...grades,
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...openNoteItems<GradeValue | 'skipped'>(deps, question.noteIds),
      { label: `$(debug-step-over) ${t('Skip without grading')}`, value: 'skipped' },
    ],
    keys: GRADE_KEYS,
    active: grades[(coverage.suggested ?? 3) - 1],
    card: deps.card,
  });
  if (grade === undefined) {
    return 'quit';
  }
  if (grade === 'skipped') {
    return 'skipped';
  }
  const progress = await deps.engine.grade(item.id, grade);
  return { grade, nextDue: progress.card.due };
}

/** The picker keeps the whole question readable where QuickPick has a prompt; the card shows it too. */
async function askChoice(deps: QuizDeps, item: Extract<QuizItem, { kind: 'choice' }>, title: string, at: Step, last: boolean): Promise<Outcome> {
  const { choice } = item;
  const indexes = choice.options.map((_option, index) => index);
  const order = deps.settings().shuffleOptions ? shuffled(indexes, Math.random) : indexes;
  deps.card.show(title, choiceCardHtml(choice, deps.catalog, t, { place: at.place, order }));
  const picked = await pick<number>({
    title: at.title,
    prompt: textOf(choice.questionHtml),
    placeholder: t('Press 1 to {0}, or click an option in the card', order.length),
    items: order.map((index, position) => ({ label: `${position + 1}  ${textOf(choice.options[index].html)}`, value: index })),
    keys: new Map(order.map((index, position) => [String(position + 1), index])),
    card: deps.card,
  });
  if (picked === undefined) {
    return 'quit';
  }
  const right = choice.options[picked].correct;
  // Multiple choice grades itself: right is Good, wrong is Again.
  const grade: GradeValue = right ? 3 : 1;
  const progress = await deps.engine.grade(item.id, grade);
  deps.card.show(title, choiceCardHtml(choice, deps.catalog, t, { place: at.place, order, picked, last }));
  const correctText = textOf(choice.options.find((option) => option.correct)?.html ?? '');
  const next = await pick<'next'>({
    title: right ? t('Correct') : t('Not quite. The answer is: {0}', correctText),
    placeholder: t('The explanation and sources are in the quiz card. Press Enter to continue.'),
    items: [
      { label: last ? `$(check) ${t('Finish')}` : `$(arrow-right) ${t('Next question')}`, value: 'next' },
      ...openNoteItems<'next'>(deps, choice.noteIds),
    ],
    card: deps.card,
  });
  return next === undefined ? 'quit' : { grade, nextDue: progress.card.due };
}

export interface SessionResult {
  answered: number;
  /** Graded Good or Easy, or answered right. */
  recalled: number;
}

/**
 * Asks the queued items one at a time until the queue ends, the user presses Escape, or (a timed
 * session) the time is up: the item on screen is finished, no new one starts. Then the card shows
 * the session's summary.
 */
export async function runQuiz(deps: QuizDeps, queue: readonly QuizItem[], scope: string, endsAt?: number): Promise<SessionResult> {
  const title = cardTitle(scope);
  const answered: AnsweredItem[] = [];
  let skipped = 0;
  for (let i = 0; i < queue.length; i++) {
    if (endsAt !== undefined && deps.engine.clock().getTime() >= endsAt) {
      break;
    }
    const item = queue[i];
    const at = step(deps, scope, item, i, queue.length, endsAt);
    const outcome = item.kind === 'question'
      ? await askQuestion(deps, item, title, at)
      : await askChoice(deps, item, title, at, i === queue.length - 1);
    if (outcome === 'quit') {
      break;
    }
    if (outcome === 'skipped') {
      skipped++;
    } else {
      const noteIds = item.kind === 'question' ? item.question.noteIds : item.choice.noteIds;
      answered.push({ itemId: item.id, noteIds, grade: outcome.grade, nextDue: outcome.nextDue });
    }
  }
  const now = deps.engine.clock().getTime();
  const summary = summarizeSession(answered, skipped, queue.length, nextDayStart(now));
  deps.card.show(title, sessionSummaryHtml(summary, deps.catalog, t, scope, now));
  return { answered: summary.answered, recalled: summary.recalled };
}
