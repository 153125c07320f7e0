import * as vscode from 'vscode';
import { Commands } from '../commands';
import { formatInterval } from './cardHtml';
import { itemsInScope, QuizItem, QuizScope, scopeFromArgument, scopeTitle } from './quizScope';
import { QuizDeps, runQuiz, SessionResult, t } from './quizSession';
import { pick, PickItem } from './quickInput';

function counts(deps: QuizDeps, items: readonly QuizItem[]): string {
  const progress = deps.engine.progress(items.map((item) => item.id));
  return t('{0} items · {1} due · {2} new', progress.total, progress.due, progress.fresh);
}

/** All, due now, each service, then each section that has questions. */
async function pickScope(deps: QuizDeps, items: readonly QuizItem[]): Promise<QuizScope | undefined> {
  const due = deps.engine.dueIds(items.map((item) => item.id)).length;
  const choices: Array<PickItem<QuizScope>> = [
    { label: `$(history) ${t('Due now')}`, description: t('{0} due', due), value: { kind: 'due' } },
    { label: `$(globe) ${t('All services')}`, description: counts(deps, items), value: { kind: 'all' } },
  ];
  for (const service of deps.catalog.services) {
    const scope: QuizScope = { kind: 'service', serviceId: service.id };
    const inScope = itemsInScope(deps.catalog, items, scope);
    if (inScope.length > 0) {
      choices.push({ label: `$(database) ${service.title}`, description: counts(deps, inScope), value: scope });
    }
  }
  choices.push({ label: t('Sections'), kind: vscode.QuickPickItemKind.Separator });
  for (const service of deps.catalog.services) {
    for (const section of service.sections) {
      const scope: QuizScope = { kind: 'section', sectionId: section.id };
      const inScope = itemsInScope(deps.catalog, items, scope);
      if (inScope.length > 0) {
        choices.push({ label: `$(symbol-folder) ${section.title}`, description: `${service.title} · ${counts(deps, inScope)}`, value: scope });
      }
    }
  }
  return pick({ title: t('Start Quiz'), placeholder: t('What do you want to be quizzed on?'), items: choices });
}

function scopeLabel(deps: QuizDeps, scope: QuizScope): string {
  return scopeTitle(deps.catalog, scope, { all: t('All services'), due: t('Due now') });
}

/** AWS DB: Start Quiz, with an optional scope from another feature (a tree node, a note panel). */
export async function startQuiz(deps: QuizDeps, items: readonly QuizItem[], argument: unknown): Promise<SessionResult | undefined> {
  let scope = scopeFromArgument(deps.catalog, argument);
  if (scope === 'invalid') {
    void vscode.window.showWarningMessage(t('AWS DB quiz: that topic is not in the catalog; pick what to be quizzed on.'));
    scope = undefined;
  }
  scope ??= await pickScope(deps, items);
  if (!scope) {
    return undefined;
  }
  const inScope = itemsInScope(deps.catalog, items, scope);
  const ids = inScope.map((item) => item.id);
  const order = scope.kind === 'due' ? deps.engine.dueIds(ids) : deps.engine.practiceQueue(ids);
  if (order.length === 0) {
    void vscode.window.showInformationMessage(
      scope.kind === 'due' ? t('Nothing is due right now.') : t('{0} has no quiz questions.', scopeLabel(deps, scope)),
    );
    return undefined;
  }
  const byId = new Map(inScope.map((item) => [item.id, item]));
  return runQuiz(deps, order.map((id) => byId.get(id)!), scopeLabel(deps, scope));
}

/** AWS DB: Review Due Questions: what FSRS says is due, then new questions up to the daily limit. */
export async function reviewDue(deps: QuizDeps, items: readonly QuizItem[]): Promise<SessionResult | undefined> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const queue = deps.engine.reviewQueue([...byId.keys()]);
  if (queue.length === 0) {
    const next = deps.engine.nextChangeAt() - deps.engine.clock().getTime();
    const practice = t('Start Quiz');
    void vscode.window
      .showInformationMessage(t('Nothing is due, and today\'s new questions are done. The due count changes in {0}.', formatInterval(next, t)), practice)
      .then((answer) => (answer === practice ? vscode.commands.executeCommand(Commands.startQuiz) : undefined));
    return undefined;
  }
  return runQuiz(deps, queue.map((id) => byId.get(id)!), t('Review'));
}
