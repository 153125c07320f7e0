import * as vscode from 'vscode';
import { Commands } from '../commands';
import { MockResult, mockSummaryHtml, questionCardHtml, weakNoteIds } from './cardHtml';
import { mockInterviewQuestions, QuizItem } from './quizScope';
import { GRADE_KEYS, gradeItems, QuizDeps, t } from './quizSession';
import { GradeValue } from './quizState';
import { input, pick } from './quickInput';

function clock(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A timed interview: free-recall questions across services, answered without seeing the model answer,
 * then graded one by one against it, then a summary of the weak topics with their notes.
 */
export async function runMockInterview(deps: QuizDeps, items: readonly QuizItem[]): Promise<void> {
  const settings = deps.settings();
  const questions = mockInterviewQuestions(items, settings.mockInterviewQuestions, Math.random);
  if (questions.length === 0) {
    void vscode.window.showInformationMessage(t('There are no interview questions to ask.'));
    return;
  }
  const title = t('Mock interview');
  const deadline = deps.engine.clock().getTime() + settings.mockInterviewMinutes * 60_000;
  const answers: MockResult[] = [];
  let timedOut = false;

  for (let i = 0; i < questions.length && !timedOut; i++) {
    const item = questions[i];
    if (deps.engine.clock().getTime() >= deadline) {
      timedOut = true;
      break;
    }
    if (item.kind !== 'question') {
      continue;
    }
    const where = t('Question {0} of {1}', i + 1, questions.length);
    deps.card.show(title, questionCardHtml(item.question, deps.catalog, t, { place: `${title} · ${where}`, revealed: false }));
    const answer = await input({
      title: `${title} · ${where}`,
      prompt: item.question.question,
      placeholder: t('Answer as you would aloud; Enter moves to the next question, Escape ends the interview'),
      whileOpen: (box, timeout) => {
        const tick = (): void => {
          const left = deadline - deps.engine.clock().getTime();
          box.title = `${title} · ${where} · ${t('{0} left', clock(left))}`;
          if (left <= 0) {
            timeout();
          }
        };
        tick();
        const timer = setInterval(tick, 1000);
        return new vscode.Disposable(() => clearInterval(timer));
      },
    });
    if (!answer || answer.kind === 'skip') {
      break;
    }
    timedOut = answer.kind === 'timeout';
    answers.push({ question: item.question, notes: answer.value });
  }
  if (answers.length === 0) {
    return;
  }

  // Grading: each answer beside the model answer; each grade goes to FSRS as it is given.
  for (let i = 0; i < answers.length; i++) {
    const result = answers[i];
    const where = t('Grading {0} of {1}', i + 1, answers.length);
    deps.card.show(title, questionCardHtml(result.question, deps.catalog, t, { place: `${title} · ${where}`, revealed: true, notes: result.notes || t('(no answer typed)') }));
    const grades = gradeItems(deps.engine, result.question.id);
    const grade = await pick<GradeValue>({
      title: `${title} · ${where}`,
      placeholder: t('Compare with the model answer: press 1 Again, 2 Hard, 3 Good or 4 Easy'),
      items: grades,
      keys: GRADE_KEYS,
      active: grades[2],
    });
    if (grade === undefined) {
      break;
    }
    result.grade = grade;
    await deps.engine.grade(result.question.id, grade);
  }

  deps.card.show(title, mockSummaryHtml(answers, deps.catalog, t, timedOut));
  const weak = weakNoteIds(answers).flatMap((noteId) => {
    const note = deps.catalog.note(noteId);
    return note ? [{ label: `$(book) ${note.title}`, description: deps.catalog.sectionOf(note.section)?.service.title, value: note.id }] : [];
  });
  if (weak.length === 0) {
    void vscode.window.showInformationMessage(t('Mock interview done: no weak topics. The summary is in the quiz card.'));
    return;
  }
  const noteId = await pick<string>({
    title: t('Mock interview: weak topics'),
    placeholder: t('Pick a note to study (the summary is in the quiz card), or press Escape'),
    items: weak,
  });
  if (noteId) {
    await vscode.commands.executeCommand(Commands.openNote, noteId);
  }
}
