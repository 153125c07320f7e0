/**
 * The quiz card's HTML: question, revealed answer, multiple-choice result, statistics and the mock
 * interview. Pure: strings come through an injected `t` (vscode.l10n.t in the extension), and content
 * is the HTML the build rendered with its sanitising renderer. The card's own script
 * (media/src/quizCard.ts) turns `data-key` buttons and `data-note` links into messages; other live
 * links are https (opened by VS Code) and allow-listed `command:` URIs.
 */
import { Commands } from '../commands';
import { CatalogIndex } from '../content/catalogIndex';
import { ChoiceItem, Question, Source } from '../content/types';
import { escapeHtml } from '../notes/renderNote';
import { Coverage } from './keyPointCoverage';
import { GradeValue } from './quizState';
import { QuizStatistics } from './quizStats';

export type Translate = (message: string, ...args: Array<string | number>) => string;

/** Commands the card's links may run; the panel's enableCommandUris lists exactly these. */
export const CARD_COMMANDS: readonly string[] = [Commands.resetProgress, Commands.reviewDue, Commands.startQuiz, Commands.showQuizStatistics];

export function commandHref(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export function noteLinks(catalog: CatalogIndex, noteIds: readonly string[]): string {
  return noteIds
    .map((id) => catalog.note(id))
    .filter((note) => note !== undefined)
    .map((note) => `<li><a href="#" data-note="${escapeHtml(note.id)}" class="note-link">${escapeHtml(note.title)}</a></li>`)
    .join('');
}

export function sources(list: readonly Source[], t: Translate): string {
  const items = list
    .filter((source) => source.url.startsWith('https://'))
    .map((source) => `<li><a href="${escapeHtml(source.url)}" class="external-link">${escapeHtml(source.title)}</a></li>`)
    .join('');
  return items ? `<section class="sources"><h2>${escapeHtml(t('Sources'))}</h2><ul>${items}</ul></section>` : '';
}

/** `headingHtml` is HTML: a question the build rendered, or escaped text. */
export function header(place: string, headingHtml: string): string {
  return `<header><p class="breadcrumb">${escapeHtml(place)}</p><h1 id="card-title">${headingHtml}</h1></header>`;
}

export interface QuestionCardOptions {
  place: string;
  revealed: boolean;
  /** What the learner typed before revealing. */
  notes?: string;
  grade?: GradeValue;
  /** Which key points the typed answer covers, and the grade that suggests. */
  coverage?: Coverage;
  /** The grades to click, with when each would bring the question back. */
  grades?: readonly GradeChoice[];
}

export interface GradeChoice {
  grade: GradeValue;
  /** "in 10 min" */
  when: string;
}

export function gradeLabel(grade: GradeValue, t: Translate): string {
  return [t('Again'), t('Hard'), t('Good'), t('Easy')][grade - 1];
}

/** A button the card's script turns into the same key press the picker takes. */
function keyButton(key: string, label: string, extra = '', classes = ''): string {
  return `<button type="button" class="${['key-button', classes].filter(Boolean).join(' ')}" data-key="${escapeHtml(key)}"><span class="key">${escapeHtml(key === 'enter' ? '↵' : key)}</span> ${label}${extra}</button>`;
}

function keyPointsHtml(question: Question, coverage: Coverage | undefined, t: Translate): string {
  const items = question.keyPointsHtml.map((point, index) => {
    if (!coverage || coverage.suggested === undefined) {
      return `<li>${point}</li>`;
    }
    const covered = coverage.covered[index];
    const mark = covered
      ? `<span class="mark" aria-hidden="true">✓</span><span class="visually-hidden">${escapeHtml(t('covered:'))} </span>`
      : `<span class="mark" aria-hidden="true">○</span><span class="visually-hidden">${escapeHtml(t('not mentioned:'))} </span>`;
    return `<li class="${covered ? 'covered' : 'missed'}">${mark}${point}</li>`;
  });
  const list = `<ul class="${coverage?.suggested !== undefined ? 'ticked' : ''}">${items.join('')}</ul>`;
  let verdict = '';
  if (coverage?.suggested !== undefined) {
    const hits = coverage.covered.filter(Boolean).length;
    verdict = `<p class="coverage">${escapeHtml(t('Your answer mentions {0} of {1} key points. Suggested grade: {2}. The words matched are a hint, not a verdict: you choose the grade.', hits, coverage.checkable, gradeLabel(coverage.suggested, t)))}</p>`;
  }
  return `<section class="key-points"><h2>${escapeHtml(t('Key points'))}</h2>${verdict}${list}</section>`;
}

export function questionCardHtml(question: Question, catalog: CatalogIndex, t: Translate, options: QuestionCardOptions): string {
  const parts = [header(options.place, question.questionHtml)];
  if (question.group === 'ask-interviewer') {
    parts.push(`<p class="hint">${escapeHtml(t('A question to ask your interviewer: the answer lists why it is worth asking and what a good conversation covers.'))}</p>`);
  }
  if (options.notes?.trim()) {
    parts.push(`<section class="your-notes"><h2>${escapeHtml(t('Your answer'))}</h2><p>${escapeHtml(options.notes.trim())}</p></section>`);
  }
  if (!options.revealed) {
    parts.push(`<p class="hint">${escapeHtml(t('Think of your answer, or type it in the box at the top. Press Enter to reveal the model answer.'))}</p>`);
    parts.push(`<p class="actions">${keyButton('enter', escapeHtml(t('Reveal the model answer')))}</p>`);
  } else {
    // Key points first: after a typed answer they carry the ticks, the feedback the learner looks for.
    parts.push(keyPointsHtml(question, options.coverage, t));
    parts.push(`<section class="answer"><h2>${escapeHtml(t('Model answer'))}</h2>${question.answerHtml}</section>`);
    if (question.wrongAnswersHtml.length > 0) {
      parts.push(`<section class="wrong-answers"><h2>${escapeHtml(t('Common wrong answers'))}</h2><ul>${question.wrongAnswersHtml.map((wrong) => `<li>${wrong}</li>`).join('')}</ul></section>`);
    }
    if (options.grade) {
      parts.push(`<p class="graded">${escapeHtml(t('You graded this: {0}', gradeLabel(options.grade, t)))}</p>`);
    } else if (options.grades) {
      const suggested = options.coverage?.suggested;
      const buttons = options.grades
        .map(({ grade, when }) =>
          keyButton(String(grade), escapeHtml(gradeLabel(grade, t)), ` <span class="when">${escapeHtml(when)}</span>${grade === suggested ? ` <span class="suggested-tag">${escapeHtml(t('suggested'))}</span>` : ''}`, grade === suggested ? 'grade suggested' : 'grade'),
        )
        .join('');
      parts.push(`<section class="grades"><h2>${escapeHtml(t('How well did you recall it?'))}</h2><p class="hint">${escapeHtml(t('Press 1 to 4 in the picker at the top, or click a grade.'))}</p><div class="grade-buttons">${buttons}</div></section>`);
    }
    parts.push(`<nav class="related"><h2>${escapeHtml(t('Notes'))}</h2><p class="hint">${escapeHtml(t('Notes open beside this card; the quiz keeps the keyboard.'))}</p><ul>${noteLinks(catalog, question.noteIds)}</ul></nav>`);
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
  /** The session's last item: the button after the answer says Finish. */
  last?: boolean;
}

export function choiceCardHtml(choice: ChoiceItem, catalog: CatalogIndex, t: Translate, options: ChoiceCardOptions): string {
  const answered = options.picked !== undefined;
  const items = options.order
    .map((index, position) => {
      const option = choice.options[index];
      const key = String(position + 1);
      if (!answered) {
        return `<li>${keyButton(key, option.html, '', 'option')}</li>`;
      }
      const classes = ['option'];
      let mark = '';
      if (option.correct) {
        classes.push('correct');
        mark = ` <strong>${escapeHtml(t('(correct answer)'))}</strong>`;
      } else if (index === options.picked) {
        classes.push('wrong');
        mark = ` <strong>${escapeHtml(t('(your answer)'))}</strong>`;
      }
      return `<li class="${classes.join(' ')}"><span class="key">${key}</span> ${option.html}${mark}</li>`;
    })
    .join('');
  const parts = [header(options.place, choice.questionHtml), `<ol class="options${answered ? ' answered' : ''}">${items}</ol>`];
  if (!answered) {
    parts.push(`<p class="hint">${escapeHtml(t('Press an option\'s number, or click it.'))}</p>`);
  } else {
    const right = choice.options[options.picked!]?.correct === true;
    parts.push(`<p class="verdict ${right ? 'right' : 'wrong'}">${escapeHtml(right ? t('Correct.') : t('Not quite.'))}</p>`);
    parts.push(`<p class="actions">${keyButton('enter', escapeHtml(options.last ? t('Finish') : t('Next question')))}</p>`);
    parts.push(`<section class="explanation"><h2>${escapeHtml(t('Explanation'))}</h2>${choice.explanationHtml}</section>`);
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
