/**
 * The quiz card's HTML: question, revealed answer, multiple-choice result, statistics and the mock
 * interview summary. Pure: strings come through an injected `t` (vscode.l10n.t in the extension), and
 * all markdown goes through the extension's sanitising renderer. The card runs no script; its only
 * live links are https (opened by VS Code) and allow-listed `command:` URIs.
 */
import { Commands } from '../commands';
import { CatalogIndex } from '../content/catalogIndex';
import { ChoiceItem, Question, Source } from '../content/types';
import { escapeHtml, renderMarkdown } from '../notes/renderNote';
import { GradeValue } from './quizState';
import { QuizStatistics } from './quizStats';

export type Translate = (message: string, ...args: Array<string | number>) => string;

/** Commands the card's links may run; the panel's enableCommandUris lists exactly these. */
export const CARD_COMMANDS: readonly string[] = [Commands.openNote, Commands.resetProgress, Commands.reviewDue];

export function commandHref(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** The renderer marks note links with data-note for the note panel's script; the card has none, so they become command links. */
function markdown(text: string): string {
  return renderMarkdown(text).replace(/<a href="#" data-note="([a-z0-9-]+)" class="note-link">/g, (_match, noteId: string) =>
    `<a href="${escapeHtml(commandHref(Commands.openNote, [noteId]))}" class="note-link">`,
  );
}

function noteLinks(catalog: CatalogIndex, noteIds: readonly string[]): string {
  return noteIds
    .map((id) => catalog.note(id))
    .filter((note) => note !== undefined)
    .map((note) => `<li><a href="${escapeHtml(commandHref(Commands.openNote, [note.id]))}" class="note-link">${escapeHtml(note.title)}</a></li>`)
    .join('');
}

function sources(list: readonly Source[], t: Translate): string {
  const items = list
    .filter((source) => source.url.startsWith('https://'))
    .map((source) => `<li><a href="${escapeHtml(source.url)}" class="external-link">${escapeHtml(source.title)}</a></li>`)
    .join('');
  return items ? `<section class="sources"><h2>${escapeHtml(t('Sources'))}</h2><ul>${items}</ul></section>` : '';
}

function header(place: string, heading: string): string {
  return `<header><p class="breadcrumb">${escapeHtml(place)}</p><h1 id="card-title">${markdownInline(heading)}</h1></header>`;
}

/** Question text may carry `code`; render it inline without the paragraph wrapper. */
function markdownInline(text: string): string {
  return markdown(text).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

export interface QuestionCardOptions {
  place: string;
  revealed: boolean;
  /** What the learner typed before revealing. */
  notes?: string;
  grade?: GradeValue;
}

export function gradeLabel(grade: GradeValue, t: Translate): string {
  return [t('Again'), t('Hard'), t('Good'), t('Easy')][grade - 1];
}

export function questionCardHtml(question: Question, catalog: CatalogIndex, t: Translate, options: QuestionCardOptions): string {
  const parts = [header(options.place, question.question)];
  if (question.group === 'ask-interviewer') {
    parts.push(`<p class="hint">${escapeHtml(t('A question to ask your interviewer: the answer lists why it is worth asking and what a good conversation covers.'))}</p>`);
  }
  if (options.notes?.trim()) {
    parts.push(`<section class="your-notes"><h2>${escapeHtml(t('Your answer'))}</h2><p>${escapeHtml(options.notes.trim())}</p></section>`);
  }
  if (!options.revealed) {
    parts.push(`<p class="hint">${escapeHtml(t('Think of your answer, or type it in the box at the top. Press Enter to reveal the model answer.'))}</p>`);
  } else {
    parts.push(`<section class="answer"><h2>${escapeHtml(t('Model answer'))}</h2>${markdown(question.answer)}</section>`);
    parts.push(`<section class="key-points"><h2>${escapeHtml(t('Key points'))}</h2><ul>${question.keyPoints.map((point) => `<li>${markdownInline(point)}</li>`).join('')}</ul></section>`);
    if (question.wrongAnswers.length > 0) {
      parts.push(`<section class="wrong-answers"><h2>${escapeHtml(t('Common wrong answers'))}</h2><ul>${question.wrongAnswers.map((wrong) => `<li>${markdownInline(wrong)}</li>`).join('')}</ul></section>`);
    }
    if (options.grade) {
      parts.push(`<p class="graded">${escapeHtml(t('You graded this: {0}', gradeLabel(options.grade, t)))}</p>`);
    } else {
      parts.push(`<p class="hint">${escapeHtml(t('Grade yourself at the top: 1 Again · 2 Hard · 3 Good · 4 Easy.'))}</p>`);
    }
    parts.push(`<nav class="related"><h2>${escapeHtml(t('Notes'))}</h2><ul>${noteLinks(catalog, question.noteIds)}</ul></nav>`);
    parts.push(sources(question.sources, t));
  }
  return parts.join('\n');
}

export interface ChoiceCardOptions {
  place: string;
  /** Option indexes in the order shown. */
  order: readonly number[];
  /** The option index picked, once answered. */
  picked?: number;
}

export function choiceCardHtml(choice: ChoiceItem, catalog: CatalogIndex, t: Translate, options: ChoiceCardOptions): string {
  const answered = options.picked !== undefined;
  const items = options.order
    .map((index, position) => {
      const option = choice.options[index];
      const classes = ['option'];
      let mark = '';
      if (answered && option.correct) {
        classes.push('correct');
        mark = ` <strong>${escapeHtml(t('(correct answer)'))}</strong>`;
      } else if (answered && index === options.picked) {
        classes.push('wrong');
        mark = ` <strong>${escapeHtml(t('(your answer)'))}</strong>`;
      }
      return `<li class="${classes.join(' ')}"><span class="key">${position + 1}</span> ${markdownInline(option.text)}${mark}</li>`;
    })
    .join('');
  const parts = [header(options.place, choice.question), `<ol class="options">${items}</ol>`];
  if (!answered) {
    parts.push(`<p class="hint">${escapeHtml(t('Pick an option at the top, or press its number.'))}</p>`);
  } else {
    const right = choice.options[options.picked!]?.correct === true;
    parts.push(`<p class="verdict ${right ? 'right' : 'wrong'}">${escapeHtml(right ? t('Correct.') : t('Not quite.'))}</p>`);
    parts.push(`<section class="explanation"><h2>${escapeHtml(t('Explanation'))}</h2>${markdown(choice.explanation)}</section>`);
    parts.push(`<nav class="related"><h2>${escapeHtml(t('Notes'))}</h2><ul>${noteLinks(catalog, choice.noteIds)}</ul></nav>`);
    parts.push(sources(choice.sources, t));
  }
  return parts.join('\n');
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function statisticsHtml(stats: QuizStatistics, t: Translate, formatDay: (dayStart: number) => string): string {
  const retention = stats.retention
    ? t('{0} of {1} reviews recalled ({2}) in the last 30 days', stats.retention.recalled, stats.retention.reviews, percent(stats.retention.recalled / stats.retention.reviews))
    : t('no reviews of learned questions in the last 30 days yet');
  const predicted = stats.predictedRecall === undefined ? t('nothing graded yet') : percent(stats.predictedRecall);
  const summary = [
    [t('Due now'), String(stats.dueNow)],
    [t('New questions left today'), String(stats.newLeftToday)],
    [t('Reviewed today'), String(stats.reviewedToday)],
    [t('Streak'), stats.streakDays === 1 ? t('1 day') : t('{0} days', stats.streakDays)],
    [t('Retention'), retention],
    [t('Predicted recall now (FSRS)'), predicted],
  ]
    .map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  const services = stats.services
    .filter((service) => service.total > 0)
    .map((service) => {
      const seen = service.total - service.fresh;
      const reset = seen > 0
        ? `<a href="${escapeHtml(commandHref(Commands.resetProgress, [service.serviceId]))}">${escapeHtml(t('Reset…'))}</a>`
        : '';
      return `<tr><th scope="row">${escapeHtml(service.title)}</th><td>${service.total}</td><td>${seen}</td><td>${service.known}</td><td>${service.due}</td><td>${service.total > 0 ? percent(service.known / service.total) : ''}</td><td>${reset}</td></tr>`;
    })
    .join('');
  const upcoming = stats.upcoming
    .map((day) => `<tr><th scope="row">${escapeHtml(formatDay(day.dayStart))}</th><td>${day.count}</td></tr>`)
    .join('');
  const reviewLink = stats.dueNow + stats.newLeftToday > 0
    ? `<p><a href="${escapeHtml(commandHref(Commands.reviewDue, []))}">${escapeHtml(t('Review due questions now'))}</a></p>`
    : '';
  return [
    `<header><h1 id="card-title">${escapeHtml(t('Quiz statistics'))}</h1></header>`,
    `<div class="table-wrap"><table class="stats-summary"><tbody>${summary}</tbody></table></div>`,
    reviewLink,
    `<h2>${escapeHtml(t('Progress by service'))}</h2>`,
    `<div class="table-wrap"><table class="stats-services"><thead><tr><th>${escapeHtml(t('Service'))}</th><th>${escapeHtml(t('Items'))}</th><th>${escapeHtml(t('Seen'))}</th><th>${escapeHtml(t('Known'))}</th><th>${escapeHtml(t('Due'))}</th><th>${escapeHtml(t('Known %'))}</th><th></th></tr></thead><tbody>${services}</tbody></table></div>`,
    `<p class="hint">${escapeHtml(t('Known: learned (past the learning steps) and not due, so FSRS expects you to remember it.'))}</p>`,
    `<h2>${escapeHtml(t('Upcoming reviews'))}</h2>`,
    `<div class="table-wrap"><table class="stats-upcoming"><tbody>${upcoming}</tbody></table></div>`,
  ].join('\n');
}

export interface MockResult {
  question: Question;
  notes: string;
  grade?: GradeValue;
}

/** The end of a mock interview: each question's grade, then the notes behind the weak ones. */
export function mockSummaryHtml(results: readonly MockResult[], catalog: CatalogIndex, t: Translate, timedOut: boolean): string {
  const rows = results
    .map((result) => `<tr><td>${markdownInline(result.question.question)}</td><td>${escapeHtml(result.grade ? gradeLabel(result.grade, t) : t('not graded'))}</td></tr>`)
    .join('');
  const weakNotes = weakNoteIds(results);
  const weak = weakNotes.length > 0
    ? `<h2>${escapeHtml(t('Weak topics to study'))}</h2><ul>${noteLinks(catalog, weakNotes)}</ul>`
    : `<p>${escapeHtml(t('No weak topics: every graded answer was Good or Easy.'))}</p>`;
  return [
    `<header><h1 id="card-title">${escapeHtml(t('Mock interview summary'))}</h1></header>`,
    timedOut ? `<p class="hint">${escapeHtml(t('Time ran out; unanswered questions were left out.'))}</p>` : '',
    `<div class="table-wrap"><table><thead><tr><th>${escapeHtml(t('Question'))}</th><th>${escapeHtml(t('Grade'))}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    weak,
  ].join('\n');
}

/** Notes of the questions graded Again or Hard, for the summary's "open a note" picker. */
export function weakNoteIds(results: readonly MockResult[]): string[] {
  return [...new Set(results.filter((result) => result.grade !== undefined && result.grade <= 2).flatMap((result) => result.question.noteIds))];
}

/** "in 10 min", "in 3 days": how far away a review is, for grade labels and messages. */
export function formatInterval(milliseconds: number, t: Translate): string {
  const minutes = Math.max(1, Math.round(milliseconds / 60_000));
  if (minutes < 60) {
    return t('{0} min', minutes);
  }
  const hours = Math.round(minutes / 60);
  if (hours < 24) {
    return t('{0} h', hours);
  }
  const days = Math.round(hours / 24);
  if (days < 60) {
    return days === 1 ? t('1 day') : t('{0} days', days);
  }
  return days < 730 ? t('{0} months', Math.round(days / 30)) : t('{0} years', Math.round(days / 365));
}
