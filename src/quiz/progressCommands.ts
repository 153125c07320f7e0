import * as vscode from 'vscode';
import { Commands } from '../commands';
import { statisticsHtml } from './cardHtml';
import { QuizItem } from './quizScope';
import { QuizDeps, t } from './quizSession';
import { QuizStatistics, quizStatistics } from './quizStats';
import { exportProgress, ImportError, parseProgressFile } from './progressLog';
import { MAX_IMPORT_BYTES } from './quizState';
import { formatDueCounts } from './quizStatus';
import { pick } from './quickInput';

function serviceGroups(deps: QuizDeps, items: readonly QuizItem[]): Array<{ serviceId: string; title: string; ids: string[] }> {
  return deps.catalog.services.map((service) => ({
    serviceId: service.id,
    title: service.title,
    ids: items.filter((item) => item.service === service.id).map((item) => item.id),
  }));
}

function formatDay(dayStart: number, index: number): string {
  if (index === 0) {
    return t('Later today');
  }
  if (index === 1) {
    return t('Tomorrow');
  }
  return new Date(dayStart).toLocaleDateString(vscode.env.language, { weekday: 'short', month: 'short', day: 'numeric' });
}

/**
 * Shows the statistics in the quiz card and offers the follow-up actions in a Quick Pick. Returns the
 * figures at once (the command's result), without waiting for the pick.
 */
export function showStatistics(deps: QuizDeps, items: readonly QuizItem[]): QuizStatistics {
  const stats = quizStatistics(deps.engine, serviceGroups(deps, items));
  const days = stats.upcoming.map((day) => day.dayStart);
  deps.card.show(t('Quiz Statistics'), statisticsHtml(stats, t, (dayStart) => formatDay(dayStart, days.indexOf(dayStart))));
  void offerActions(stats).then(undefined, (error: unknown) => void vscode.window.showErrorMessage(t('AWS DB quiz: {0}', String(error))));
  return stats;
}

async function offerActions(stats: QuizStatistics): Promise<void> {
  type Action = 'review' | 'reset' | 'export' | 'import';
  const action = await pick<Action>({
    title: t('Quiz statistics: {0}, {1} reviewed today, {2}-day streak', formatDueCounts({ due: stats.dueNow, fresh: stats.newLeftToday }), stats.reviewedToday, stats.streakDays),
    placeholder: t('The statistics are in the quiz card. Pick an action, or press Escape'),
    items: [
      { label: `$(calendar) ${t("Today's review")}`, description: formatDueCounts({ due: stats.dueNow, fresh: stats.newLeftToday }), value: 'review' },
      { label: `$(discard) ${t('Reset progress…')}`, value: 'reset' },
      { label: `$(export) ${t('Export progress…')}`, value: 'export' },
      { label: `$(desktop-download) ${t('Import progress…')}`, value: 'import' },
    ],
  });
  const commands: Record<Action, string> = {
    review: Commands.reviewDue,
    reset: Commands.resetProgress,
    export: Commands.exportProgress,
    import: Commands.importProgress,
  };
  if (action) {
    await vscode.commands.executeCommand(commands[action]);
  }
}

/** Forgets the schedule and history of one service's items (or all), after a modal confirmation. */
export async function resetProgress(deps: QuizDeps, items: readonly QuizItem[], argument: unknown): Promise<void> {
  const groups = serviceGroups(deps, items);
  const seen = (ids: readonly string[]): number => {
    const progress = deps.engine.progress(ids);
    return progress.total - progress.fresh;
  };
  let group = groups.find((candidate) => candidate.serviceId === argument);
  if (!group) {
    const all = { serviceId: 'all', title: t('All services'), ids: groups.flatMap((candidate) => candidate.ids) };
    group = await pick({
      title: t('Reset quiz progress'),
      placeholder: t('Whose progress should be forgotten?'),
      items: [...groups, all]
        .filter((candidate) => candidate.ids.length > 0)
        .map((candidate) => ({ label: candidate.title, description: t('{0} items answered', seen(candidate.ids)), value: candidate })),
    });
  }
  if (!group) {
    return;
  }
  const count = seen(group.ids);
  if (count === 0) {
    void vscode.window.showInformationMessage(t('{0}: nothing to reset, no question has been answered yet.', group.title));
    return;
  }
  const reset = t('Reset');
  const confirmed = await vscode.window.showWarningMessage(
    t('Reset quiz progress for {0}?', group.title),
    { modal: true, detail: t('The schedule and review history of {0} answered items will be forgotten. Export your progress first to keep a copy.', count) },
    reset,
  );
  if (confirmed === reset) {
    const removed = await deps.engine.reset(group.ids);
    void vscode.window.showInformationMessage(t('Quiz progress reset for {0} ({1} items).', group.title, removed));
  }
}

function defaultFileUri(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}

export async function exportProgressToFile(deps: QuizDeps): Promise<void> {
  const now = deps.engine.clock();
  const target = await vscode.window.showSaveDialog({
    title: t('Export Quiz Progress'),
    defaultUri: defaultFileUri(`aws-db-quiz-progress-${now.toISOString().slice(0, 10)}.json`),
    filters: { JSON: ['json'] },
  });
  if (!target) {
    return;
  }
  const count = Object.keys(deps.engine.state().items).length;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportProgress(deps.engine.exportLog(vscode.env.machineId), now)));
  void vscode.window.showInformationMessage(t('Exported the progress of {0} items to {1}.', count, target.path.split('/').pop() ?? ''));
}

function importErrorMessage(error: ImportError): string {
  switch (error) {
    case 'tooLarge':
      return t('This file is larger than {0} MB; a quiz progress export is far smaller. Nothing was imported.', MAX_IMPORT_BYTES / 1024 / 1024);
    case 'notJson':
      return t('This file is not valid JSON. Nothing was imported.');
    case 'wrongFormat':
      return t('This file is not an AWS DB quiz progress export. Nothing was imported.');
    case 'newerVersion':
      return t('This file was exported by a newer version of the extension; update the extension to import it. Nothing was imported.');
    case 'noEntries':
      return t('No entry in this file could be read. Nothing was imported.');
  }
}

export async function importProgressFromFile(deps: QuizDeps): Promise<void> {
  const [source] = (await vscode.window.showOpenDialog({ title: t('Import Quiz Progress'), canSelectMany: false, filters: { JSON: ['json'] } })) ?? [];
  if (!source) {
    return;
  }
  const { size } = await vscode.workspace.fs.stat(source);
  const result = size > MAX_IMPORT_BYTES
    ? parseProgressFile('', size)
    : parseProgressFile(new TextDecoder().decode(await vscode.workspace.fs.readFile(source)), size);
  if (!result.ok) {
    void vscode.window.showErrorMessage(importErrorMessage(result.error));
    return;
  }
  const current = Object.keys(deps.engine.state().items).length;
  if (current > 0) {
    const merge = t('Merge');
    const answer = await vscode.window.showWarningMessage(
      t('Import the progress of {0} items?', result.items),
      { modal: true, detail: t('The reviews in the file are merged with your progress of {0} items: each question\'s schedule follows every review from both, in time order. Nothing of yours is discarded.', current) },
      merge,
    );
    if (answer !== merge) {
      return;
    }
  }
  await deps.engine.absorb(result.log);
  const skipped = result.dropped > 0 ? ` ${t('{0} unreadable entries were skipped.', result.dropped)}` : '';
  void vscode.window.showInformationMessage(`${t('Imported the progress of {0} items.', result.items)}${skipped}`);
}
