import * as vscode from 'vscode';
import { SyncedProgressStore, UnreadableValue } from './progressStore';

/** Unreadable values saved aside, newest last, in this machine's (unsynced) global state as well as in files. */
export const UNREADABLE_KEY = 'awsDbStudy.quiz.unreadable';
const MAX_KEPT_ASIDE = 5;

/**
 * Quiz progress in `globalState`, merged across machines by Settings Sync (the design and why it works
 * are in progressStore.ts). This adapter keeps unreadable values aside in a file under the extension's
 * global storage, and says so. Activation registers the synced keys (quizStatus.ts).
 */
export function createProgressStore(context: vscode.ExtensionContext, machineId: string = vscode.env.machineId): SyncedProgressStore {
  let newerReported = false;
  return new SyncedProgressStore(context.globalState, machineId, {
    saveAside: (value) => saveAside(context, value),
    reportUnreadable: (value, savedTo, itemsKept) =>
      void vscode.window.showWarningMessage(
        value.dropped === undefined
          ? vscode.l10n.t('AWS DB quiz: saved quiz progress could not be read and is left out. An unchanged copy was saved to {0}. Progress of {1} items could be read and is kept.', savedTo, itemsKept)
          : vscode.l10n.t('AWS DB quiz: {0} saved progress entries could not be read and are left out; {1} items are kept. An unchanged copy of the stored value was saved to {2}.', value.dropped, itemsKept, savedTo),
      ),
    reportNewer: (ownLog) => {
      if (!newerReported) {
        newerReported = true;
        void vscode.window.showWarningMessage(
          ownLog
            ? vscode.l10n.t('AWS DB quiz: your progress was saved by a newer version of this extension. Update the extension; until then, answers are not saved, and nothing saved is overwritten.')
            : vscode.l10n.t('AWS DB quiz: progress from another machine was saved by a newer version of this extension and is left out here. Update the extension to see it; nothing of it is overwritten.'),
        );
      }
    },
  });
}

/** Writes the value to a file in global storage and to an unsynced key; returns the file's path (or the key's name). */
async function saveAside(context: vscode.ExtensionContext, value: UnreadableValue): Promise<string> {
  const savedAt = new Date();
  const kept = context.globalState.get<unknown[]>(UNREADABLE_KEY);
  const entry = { savedAt: savedAt.toISOString(), key: value.key, raw: value.raw };
  await context.globalState.update(UNREADABLE_KEY, [...(Array.isArray(kept) ? kept : []), entry].slice(-MAX_KEPT_ASIDE));
  try {
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    const name = `unreadable-quiz-progress-${savedAt.toISOString().replace(/[:.]/g, '-')}.json`;
    const file = vscode.Uri.joinPath(context.globalStorageUri, name);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${JSON.stringify(entry, null, 1)}\n`));
    return file.scheme === 'file' ? file.fsPath : file.toString(true);
  } catch {
    return vscode.l10n.t('the extension\'s global state (key {0})', UNREADABLE_KEY);
  }
}
