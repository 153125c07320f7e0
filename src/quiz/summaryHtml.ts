/**
 * The cards that close a session: the quiz summary, the mock interview's answer box and its summary.
 * Pure, like cardHtml.ts: strings through `t`, content as the HTML the build rendered.
 */
import { Commands } from '../commands';
import { CatalogIndex } from '../content/catalogIndex';
import { Question } from '../content/types';
import { escapeHtml } from '../notes/renderNote';
import { commandHref, formatInterval, gradeLabel, header, noteLinks, Translate } from './cardHtml';
import { GradeValue } from './quizState';
import { SessionSummary } from './sessionSummary';

function row(label: string, value: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

function commandLink(command: string, label: string): string {
  return `<a href="${escapeHtml(commandHref(command, []))}" class="command-link">${escapeHtml(label)}</a>`;
}

/** The quiz summary: answered, recalled, when the next review is, and the notes to study. */
export function sessionSummaryHtml(summary: SessionSummary, catalog: CatalogIndex, t: Translate, scope: string, now: number): string {
  const ended = summary.notReached > 0 ? t('Quiz ended early') : t('Quiz complete');
  const rows = [
    row(t('Answered'), String(summary.answered)),
    row(t('Recalled well'), summary.answered > 0 ? t('{0} of {1}', summary.recalled, summary.answered) : '0'),
  ];
  if (summary.skipped > 0) {
    rows.push(row(t('Skipped (not graded)'), String(summary.skipped)));
  }
  if (summary.notReached > 0) {
    rows.push(row(t('Not reached'), String(summary.notReached)));
  }
  if (summary.nextDue !== undefined) {
    const next = summary.nextDue <= now ? t('now') : t('in {0}', formatInterval(summary.nextDue - now, t));
    rows.push(row(t('Next review'), summary.dueAgainToday > 0 ? t('{0} ({1} of these items again today)', next, summary.dueAgainToday) : next));
  }
  const weak = summary.weakNoteIds.length > 0
    ? `<nav class="related"><h2>${escapeHtml(t('Weak topics to study'))}</h2><p class="hint">${escapeHtml(t('The notes behind the items you graded Again or Hard, or answered wrong.'))}</p><ul>${noteLinks(catalog, summary.weakNoteIds)}</ul></nav>`
    : summary.answered > 0
      ? `<p>${escapeHtml(t('No weak topics in this session: every answer was recalled well.'))}</p>`
      : `<p class="hint">${escapeHtml(t('Nothing was answered, so no progress changed.'))}</p>`;
  return [
    header(scope, escapeHtml(ended)),
    `<div class="table-wrap"><table class="session-summary"><tbody>${rows.join('')}</tbody></table></div>`,
    weak,
    `<p class="actions">${commandLink(Commands.reviewDue, t('Review due questions'))} · ${commandLink(Commands.startQuiz, t('Start another quiz'))} · ${commandLink(Commands.showQuizStatistics, t('Show statistics'))}</p>`,
  ].join('\n');
}

/** A mock interview question with a multi-line answer box and the time left. */
export function mockQuestionHtml(question: Question, t: Translate, place: string, remainingMs: number): string {
  return [
    header(place, question.questionHtml),
    `<p class="timer">${escapeHtml(t('Time left:'))} <span id="time-left"></span></p>`,
    `<label for="mock-answer" class="visually-hidden">${escapeHtml(t('Your answer'))}</label>`,
    `<textarea id="mock-answer" rows="10" data-remaining-ms="${Math.max(0, Math.round(remainingMs))}" placeholder="${escapeHtml(t('Answer as you would aloud. Bullet points are fine.'))}"></textarea>`,
    `<p class="actions"><button type="button" data-action="submit" class="primary">${escapeHtml(t('Next question'))} <span class="shortcut">Ctrl+Enter</span></button> <button type="button" data-action="end">${escapeHtml(t('End interview'))} <span class="shortcut">Escape</span></button></p>`,
    `<p class="hint">${escapeHtml(t('The model answers stay hidden until the end. Ctrl+Enter moves to the next question; Escape ends the interview: the questions answered so far are graded and the rest are dropped.'))}</p>`,
  ].join('\n');
}

export interface MockResult {
  question: Question;
  notes: string;
  grade?: GradeValue;
}

export interface MockEnding {
  timedOut: boolean;
  /** Questions never asked because the learner ended the interview or time ran out. */
  dropped: number;
}

/** The end of a mock interview: each question's grade, what was dropped, then the notes behind the weak ones. */
export function mockSummaryHtml(results: readonly MockResult[], catalog: CatalogIndex, t: Translate, ending: MockEnding): string {
  const rows = results
    .map((result) => `<tr><td>${result.question.questionHtml}</td><td>${escapeHtml(result.grade ? gradeLabel(result.grade, t) : t('not graded'))}</td></tr>`)
    .join('');
  const weakNotes = weakNoteIds(results);
  const weak = weakNotes.length > 0
    ? `<h2>${escapeHtml(t('Weak topics to study'))}</h2><ul>${noteLinks(catalog, weakNotes)}</ul>`
    : `<p>${escapeHtml(t('No weak topics: every graded answer was Good or Easy.'))}</p>`;
  let dropped = '';
  if (ending.dropped > 0) {
    const reason = ending.timedOut ? t('Time ran out') : t('You ended the interview');
    dropped = `<p class="dropped">${escapeHtml(ending.dropped === 1 ? t('{0}: 1 question was dropped and not graded.', reason) : t('{0}: {1} questions were dropped and not graded.', reason, ending.dropped))}</p>`;
  } else if (ending.timedOut) {
    dropped = `<p class="dropped">${escapeHtml(t('Time ran out on the last question; what you had typed was kept.'))}</p>`;
  }
  return [
    `<header><h1 id="card-title">${escapeHtml(t('Mock interview summary'))}</h1></header>`,
    dropped,
    `<div class="table-wrap"><table><thead><tr><th>${escapeHtml(t('Question'))}</th><th>${escapeHtml(t('Grade'))}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    weak,
  ].join('\n');
}

/** Notes of the questions graded Again or Hard, for the summary's "open a note" picker. */
export function weakNoteIds(results: readonly MockResult[]): string[] {
  return [...new Set(results.filter((result) => result.grade !== undefined && result.grade <= 2).flatMap((result) => result.question.noteIds))];
}
