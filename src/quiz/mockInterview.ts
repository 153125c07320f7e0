import * as vscode from 'vscode';
import { Commands } from '../commands';
import { questionCardHtml } from './cardHtml';
import { keyPointCoverage } from './keyPointCoverage';
import { QuizCard } from './quizCard';
import { mockInterviewQuestions, QuizItem } from './quizScope';
import { cardTitle, GRADE_KEYS, gradeChoices, gradeItems, QuizDeps, t } from './quizSession';
import { GradeValue } from './quizState';
import { pick } from './quickInput';
import { MockResult, mockQuestionHtml, mockSummaryHtml, weakNoteIds } from './summaryHtml';

type Answer = { kind: 'next' | 'end' | 'timeout'; text: string };

/**
 * Waits for the answer typed in the card's box: Ctrl+Enter or the Next button moves on, Escape or
 * End interview (or closing the card) ends the interview, and the deadline takes what was typed.
 */
function waitForAnswer(card: QuizCard, remainingMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    let draft = '';
    const done = (answer: Answer): void => {
      clearTimeout(timer);
      listeners.forEach((listener) => listener.dispose());
      resolve(answer);
    };
    const timer = setTimeout(() => done({ kind: 'timeout', text: draft }), Math.max(0, remainingMs));
    const listeners = [
      card.onDidAnswer((answer) => {
        draft = answer.text;
        if (answer.kind === 'submit') {
          done({ kind: 'next', text: answer.text });
        } else if (answer.kind === 'end') {
          done({ kind: 'end', text: answer.text });
        }
      }),
      card.onDidClose(() => done({ kind: 'end', text: draft })),
    ];
  });
}

/**
 * A timed interview: free-recall questions across services, answered in the card's multi-line box
 * without seeing the model answer, then graded one by one against it, then a summary of the weak
 * topics with their notes.
 */
export async function runMockInterview(deps: QuizDeps, items: readonly QuizItem[]): Promise<void> {
  const settings = deps.settings();
  const questions = mockInterviewQuestions(items, settings.mockInterviewQuestions, Math.random).flatMap((item) => (item.kind === 'question' ? [item.question] : []));
  if (questions.length === 0) {
    void vscode.window.showInformationMessage(t('There are no interview questions to ask.'));
    return;
  }
  const name = t('Mock interview');
  const title = cardTitle(name);
  const deadline = deps.engine.clock().getTime() + settings.mockInterviewMinutes * 60_000;
  const answers: MockResult[] = [];
  let timedOut = false;

  for (let i = 0; i < questions.length; i++) {
    const remaining = deadline - deps.engine.clock().getTime();
    if (remaining <= 0) {
      timedOut = true;
      break;
    }
    const place = `${name} · ${t('Question {0} of {1}', i + 1, questions.length)}`;
    deps.card.show(title, mockQuestionHtml(questions[i], t, place, remaining), { focus: true });
    const answer = await waitForAnswer(deps.card, remaining);
    // An answer typed before Escape or the deadline still counts; an empty one at Escape does not.
    if (answer.kind !== 'end' || answer.text.trim()) {
      answers.push({ question: questions[i], notes: answer.text });
    }
    if (answer.kind !== 'next') {
      timedOut = answer.kind === 'timeout';
      break;
    }
  }
  const dropped = questions.length - answers.length;
  if (dropped > 0) {
    void vscode.window.showInformationMessage(
      timedOut
        ? t('Time is up: {0} answered, {1} not asked. The unasked questions are dropped and not graded.', answers.length, dropped)
        : t('Interview ended: {0} answered, {1} dropped and not graded.', answers.length, dropped),
    );
  }
  if (answers.length === 0) {
    deps.card.show(title, mockSummaryHtml(answers, deps.catalog, t, { timedOut, dropped }));
    return;
  }

  // Grading: each answer beside the model answer, its key points ticked; each grade goes to FSRS as it is given.
  for (let i = 0; i < answers.length; i++) {
    const result = answers[i];
    const where = t('Grading {0} of {1}', i + 1, answers.length);
    const coverage = keyPointCoverage(result.notes, result.question.keyPointTerms ?? []);
    const choices = gradeChoices(deps.engine, result.question.id);
    deps.card.show(title, questionCardHtml(result.question, deps.catalog, t, { place: `${name} · ${where}`, revealed: true, notes: result.notes || t('(no answer typed)'), coverage, grades: choices }));
    const grades = gradeItems(choices, coverage.suggested);
    const grade = await pick<GradeValue>({
      title: `${name} · ${where}`,
      placeholder: t('Compare with the model answer: press 1 Again, 2 Hard, 3 Good or 4 Easy'),
      items: grades,
      keys: GRADE_KEYS,
      active: grades[(coverage.suggested ?? 3) - 1],
      card: deps.card,
    });
    if (grade === undefined) {
      break;
    }
    result.grade = grade;
    await deps.engine.grade(result.question.id, grade);
  }

  deps.card.show(title, mockSummaryHtml(answers, deps.catalog, t, { timedOut, dropped }));
  const weak = weakNoteIds(answers).flatMap((noteId) => {
    const note = deps.catalog.note(noteId);
    return note ? [{ label: `$(book) ${note.title}`, description: deps.catalog.sectionOf(note.section)?.service.title, value: note.id }] : [];
  });
  if (weak.length === 0) {
    return;
  }
  const noteId = await pick<string>({
    title: t('Mock interview: weak topics'),
    placeholder: t('Pick a note to study (the summary is in the quiz card), or press Escape'),
    items: weak,
  });
  if (noteId) {
    await vscode.commands.executeCommand(Commands.openNote, { noteId, viewColumn: deps.card.besideColumn(), preserveFocus: false });
  }
}
