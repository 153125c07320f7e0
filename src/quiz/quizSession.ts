import * as vscode from 'vscode';
import { Commands } from '../commands';
import { CatalogIndex } from '../content/catalogIndex';
import { choiceCardHtml, formatInterval, gradeLabel, questionCardHtml, Translate } from './cardHtml';
import { GRADES, QuizEngine } from './quizEngine';
import { QuizCard } from './quizCard';
import { QuizItem, shuffled } from './quizScope';
import { QuizSettings } from './quizSettings';
import { SessionAnswer } from './quizSummary';
import { GradeValue } from './quizState';
import { input, pick, PickItem } from './quickInput';

export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

export interface QuizDeps {
  engine: QuizEngine;
  catalog: CatalogIndex;
  card: QuizCard;
  settings: () => QuizSettings;
}

type Outcome = GradeValue | 'skipped' | 'quit';

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

function openNoteItems<T>(deps: QuizDeps, noteIds: readonly string[]): Array<PickItem<T>> {
  return noteIds.flatMap((noteId) => {
    const note = deps.catalog.note(noteId);
    return note
      ? [{ label: `$(book) ${t('Open note: {0}', note.title)}`, run: () => vscode.commands.executeCommand(Commands.openNote, note.id) }]
      : [];
  });
}

/** The four grades with when each would bring the question back, keyed 1 to 4. */
export function gradeItems(engine: QuizEngine, itemId: string): Array<PickItem<GradeValue>> {
  const preview = engine.preview(itemId);
  const now = engine.clock().getTime();
  return GRADES.map((grade) => ({
    label: `${grade}  ${gradeLabel(grade, t)}`,
    description: t('next review in {0}', formatInterval(preview[grade].getTime() - now, t)),
    value: grade,
  }));
}

export const GRADE_KEYS: ReadonlyMap<string, GradeValue> = new Map(GRADES.map((grade) => [String(grade), grade]));

async function askQuestion(deps: QuizDeps, item: Extract<QuizItem, { kind: 'question' }>, title: string, at: Step): Promise<Outcome> {
  const { question } = item;
  deps.card.show(title, questionCardHtml(question, deps.catalog, t, { place: at.place, revealed: false }));
  const answer = await input({
    title: at.title,
    prompt: question.question,
    placeholder: t('Optional: type your answer, then press Enter to reveal the model answer'),
    skippable: true,
  });
  if (!answer) {
    return 'quit';
  }
  if (answer.kind === 'skip') {
    return 'skipped';
  }
  deps.card.show(title, questionCardHtml(question, deps.catalog, t, { place: at.place, revealed: true, notes: answer.value }));
  const grades = gradeItems(deps.engine, item.id);
  const grade = await pick<GradeValue | 'skipped'>({
    title: at.title,
    placeholder: t('How well did you recall it? Press 1 Again, 2 Hard, 3 Good or 4 Easy'),
    items: [
      ...grades,
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...openNoteItems<GradeValue | 'skipped'>(deps, question.noteIds),
      { label: `$(debug-step-over) ${t('Skip without grading')}`, value: 'skipped' },
    ],
    keys: GRADE_KEYS,
    active: grades[2],
  });
  if (grade === undefined) {
    return 'quit';
  }
  if (grade !== 'skipped') {
    await deps.engine.grade(item.id, grade);
  }
  return grade;
}

async function askChoice(deps: QuizDeps, item: Extract<QuizItem, { kind: 'choice' }>, title: string, at: Step, last: boolean): Promise<Outcome> {
  const { choice } = item;
  const indexes = choice.options.map((_option, index) => index);
  const order = deps.settings().shuffleOptions ? shuffled(indexes, Math.random) : indexes;
  deps.card.show(title, choiceCardHtml(choice, deps.catalog, t, { place: at.place, order }));
  const picked = await pick<number>({
    title: at.title,
    placeholder: choice.question,
    items: order.map((index, position) => ({ label: `${position + 1}  ${choice.options[index].text}`, value: index })),
    keys: new Map(order.map((index, position) => [String(position + 1), index])),
  });
  if (picked === undefined) {
    return 'quit';
  }
  const right = choice.options[picked].correct;
  // Multiple choice grades itself: right is Good, wrong is Again.
  const grade: GradeValue = right ? 3 : 1;
  await deps.engine.grade(item.id, grade);
  deps.card.show(title, choiceCardHtml(choice, deps.catalog, t, { place: at.place, order, picked }));
  const correctText = choice.options.find((option) => option.correct)?.text ?? '';
  const next = await pick<'next'>({
    title: right ? t('Correct') : t('Not quite. The answer is: {0}', correctText),
    placeholder: t('The explanation and sources are in the quiz card. Press Enter to continue.'),
    items: [
      { label: last ? `$(check) ${t('Finish')}` : `$(arrow-right) ${t('Next question')}`, value: 'next' },
      ...openNoteItems<'next'>(deps, choice.noteIds),
    ],
  });
  return next === undefined ? 'quit' : grade;
}

export interface SessionResult {
  answered: number;
  /** Graded Good or Easy, or answered right. */
  recalled: number;
  /** Every graded answer in order: what summarizeSession (quizSummary.ts) needs. */
  answers: SessionAnswer[];
}

/**
 * Asks the queued items one at a time until the queue ends, the user presses Escape, or (a timed
 * session) the time is up: the item on screen is finished, no new one starts.
 */
export async function runQuiz(deps: QuizDeps, queue: readonly QuizItem[], title: string, endsAt?: number): Promise<SessionResult> {
  const result: SessionResult = { answered: 0, recalled: 0, answers: [] };
  for (let i = 0; i < queue.length; i++) {
    if (endsAt !== undefined && deps.engine.clock().getTime() >= endsAt) {
      break;
    }
    const item = queue[i];
    const at = step(deps, title, item, i, queue.length, endsAt);
    const outcome = item.kind === 'question'
      ? await askQuestion(deps, item, title, at)
      : await askChoice(deps, item, title, at, i === queue.length - 1);
    if (outcome === 'quit') {
      break;
    }
    if (outcome !== 'skipped') {
      result.answered++;
      result.recalled += outcome >= 3 ? 1 : 0;
      result.answers.push({ itemId: item.id, grade: outcome });
    }
  }
  if (result.answered > 0) {
    const statistics = t('Show Statistics');
    void vscode.window
      .showInformationMessage(t('Quiz done: {0} answered, {1} recalled well. FSRS has scheduled the next reviews.', result.answered, result.recalled), statistics)
      .then((choice) => (choice === statistics ? vscode.commands.executeCommand(Commands.showQuizStatistics) : undefined));
  }
  return result;
}
