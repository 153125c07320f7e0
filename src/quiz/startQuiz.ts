import * as vscode from 'vscode';
import { Commands } from '../commands';
import { formatInterval } from './cardHtml';
import { itemsInScope, QuizItem, QuizScope, scopeFromArgument, scopeParts, scopeTitle } from './quizScope';
import { QuizDeps, runQuiz, SessionResult, t } from './quizSession';
import { QuizSettings } from './quizSettings';
import { formatDueCounts } from './quizStatus';
import { limitSession, scopedQueue, SessionLength, todaysReview } from './sessionPlan';
import { pick, PickItem } from './quickInput';

function scopeCounts(deps: QuizDeps, items: readonly QuizItem[]): string {
  const progress = deps.engine.progress(items.map((item) => item.id));
  return t('{0} to quiz · {1} due · {2} never answered', progress.total, progress.due, progress.fresh);
}

type Choice = QuizScope | 'today';

/** Today's review first (and selected), then each service, then each section that has something to quiz. */
async function pickScope(deps: QuizDeps, items: readonly QuizItem[]): Promise<Choice | undefined> {
  const today = deps.engine.dueCounts(items.map((item) => item.id));
  const choices: Array<PickItem<Choice>> = [
    { label: `$(calendar) ${t("Today's review")}`, description: formatDueCounts(today), detail: t('Due reviews first, then new questions mixed across services, up to the daily limit'), value: 'today' },
    { label: `$(globe) ${t('All services')}`, description: scopeCounts(deps, items), value: { kind: 'all' } },
  ];
  for (const service of deps.catalog.services) {
    const scope: QuizScope = { kind: 'service', serviceId: service.id };
    const inScope = itemsInScope(deps.catalog, items, scope);
    if (inScope.length > 0) {
      choices.push({ label: `$(database) ${service.title}`, description: scopeCounts(deps, inScope), value: scope });
    }
  }
  choices.push({ label: t('Sections'), kind: vscode.QuickPickItemKind.Separator });
  for (const service of deps.catalog.services) {
    for (const section of service.sections) {
      const scope: QuizScope = { kind: 'section', sectionId: section.id };
      const inScope = itemsInScope(deps.catalog, items, scope);
      if (inScope.length > 0) {
        choices.push({ label: `$(symbol-folder) ${section.title}`, description: `${service.title} · ${scopeCounts(deps, inScope)}`, value: scope });
      }
    }
  }
  return pick({ title: t('Start Quiz'), placeholder: t('What do you want to be quizzed on? Enter starts today\'s review.'), items: choices, active: choices[0] });
}

export function defaultLength(settings: QuizSettings): SessionLength {
  return settings.sessionLength === 'minutes' ? { kind: 'minutes', minutes: settings.sessionMinutes } : { kind: 'items', count: Number(settings.sessionLength) };
}

/** 10 or 20 questions, or the timed length; the setting's choice first and selected. */
async function pickLength(deps: QuizDeps, available: number): Promise<SessionLength | undefined> {
  const settings = deps.settings();
  const options: Array<{ key: QuizSettings['sessionLength']; length: SessionLength; label: string }> = [
    { key: '10', length: { kind: 'items', count: 10 }, label: t('10 questions') },
    { key: '20', length: { kind: 'items', count: 20 }, label: t('20 questions') },
    { key: 'minutes', length: { kind: 'minutes', minutes: settings.sessionMinutes }, label: t('{0} minutes', settings.sessionMinutes) },
  ];
  const ordered = [...options.filter((option) => option.key === settings.sessionLength), ...options.filter((option) => option.key !== settings.sessionLength)];
  const items: Array<PickItem<SessionLength>> = ordered.map((option) => ({
    label: option.label,
    description: option.key === settings.sessionLength ? t('default (setting awsDbStudy.quiz.sessionLength)') : undefined,
    detail: option.length.kind === 'items' && option.length.count > available ? t('Only {0} questions in this quiz', available) : undefined,
    value: option.length,
  }));
  return pick({ title: t('Session length'), placeholder: t('How long a session? {0} questions are in this quiz.', available), items, active: items[0] });
}

function endTime(deps: QuizDeps, length: SessionLength): number | undefined {
  return length.kind === 'minutes' ? deps.engine.clock().getTime() + length.minutes * 60_000 : undefined;
}

function scopeLabel(deps: QuizDeps, scope: QuizScope): string {
  return scopeTitle(deps.catalog, scope, { all: t('All services'), due: t('Due now') });
}

/** Today's review with a given length; says so when it has nothing in it. */
async function runTodaysReview(deps: QuizDeps, items: readonly QuizItem[], length: SessionLength): Promise<SessionResult | undefined> {
  const queue = limitSession(todaysReview(deps.engine, items), length);
  if (queue.length === 0) {
    const next = deps.engine.nextChangeAt() - deps.engine.clock().getTime();
    const practice = t('Pick a Topic');
    void vscode.window
      .showInformationMessage(t("Nothing is due, and today's new questions are done. The due count changes in {0}.", formatInterval(next, t)), practice)
      .then((answer) => (answer === practice ? vscode.commands.executeCommand(Commands.startQuiz) : undefined));
    return undefined;
  }
  return runQuiz(deps, queue, t("Today's review"), endTime(deps, length));
}

/** Whether startQuiz's argument asks for today's review at once (the Get Started buttons do). */
function isTodayArgument(argument: unknown): boolean {
  return typeof argument === 'object' && argument !== null && (argument as { session?: unknown }).session === 'today';
}

/**
 * AWS DB: Start Quiz. Without an argument: a picker (today's review first), then the session length.
 * `{ session: 'today' }` starts today's review at its default length; a scope argument (a tree node,
 * a note panel) skips the first picker.
 */
export async function startQuiz(deps: QuizDeps, items: readonly QuizItem[], argument: unknown): Promise<SessionResult | undefined> {
  if (isTodayArgument(argument)) {
    return runTodaysReview(deps, items, defaultLength(deps.settings()));
  }
  let scope = scopeFromArgument(deps.catalog, argument);
  if (scope === 'invalid') {
    void vscode.window.showWarningMessage(t('AWS DB quiz: that topic is not in the catalog; pick what to be quizzed on.'));
    scope = undefined;
  }
  const choice = scope ?? (await pickScope(deps, items));
  if (!choice) {
    return undefined;
  }
  if (choice === 'today' || choice.kind === 'due') {
    const available = todaysReview(deps.engine, items).length;
    const length = available > 0 ? await pickLength(deps, available) : defaultLength(deps.settings());
    return length ? runTodaysReview(deps, items, length) : undefined;
  }
  const { own, linked } = scopeParts(deps.catalog, items, choice);
  const queue = scopedQueue(deps.engine, own, linked);
  if (queue.length === 0) {
    void vscode.window.showInformationMessage(t('{0} has nothing to quiz with the current settings.', scopeLabel(deps, choice)));
    return undefined;
  }
  const length = await pickLength(deps, queue.length);
  if (!length) {
    return undefined;
  }
  return runQuiz(deps, limitSession(queue, length), scopeLabel(deps, choice), endTime(deps, length));
}

/** AWS DB: Review Due Questions: today's review at the default length, in one step. */
export async function reviewDue(deps: QuizDeps, items: readonly QuizItem[]): Promise<SessionResult | undefined> {
  return runTodaysReview(deps, items, defaultLength(deps.settings()));
}
