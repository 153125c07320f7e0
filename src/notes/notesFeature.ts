/** Notes in webview panels, loaded with the study part on first use. */
import * as vscode from 'vscode';
import { getCatalog } from '../content/catalog';
import { NotePanels, NotePlacement } from './notePanel';

export interface NotesFeature extends vscode.Disposable {
  /** Fires with the note id whenever a panel shows a note (opened, navigated, or focused). */
  onDidShowNote: vscode.Event<string>;
  /** AWS DB: Open Note: the note an argument names, or one the user picks. */
  open(argument?: unknown): Promise<void>;
  /** Shows a note panel VS Code restored after a reload. */
  revive(panel: vscode.WebviewPanel, state: unknown): void;
}

interface NotePick extends vscode.QuickPickItem {
  noteId: string;
}

/** Asks for a note with fuzzy matching over titles, places and summaries. */
async function pickNote(): Promise<string | undefined> {
  const catalog = getCatalog();
  const items: NotePick[] = catalog.notesInOrder().map((note) => {
    const place = catalog.sectionOf(note.section);
    return {
      noteId: note.id,
      label: note.title,
      description: place ? `${place.service.title} › ${place.section.title}` : '',
      detail: note.summary,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Open Note'),
    placeHolder: vscode.l10n.t('Type to search notes by title, service or summary'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.noteId;
}

/** The note id in a command argument: a plain id, or a Topics tree node. */
function noteIdFrom(argument: unknown): string | undefined {
  const id = typeof argument === 'string' ? argument : (argument as { noteId?: unknown } | undefined)?.noteId;
  return typeof id === 'string' && getCatalog().note(id) ? id : undefined;
}

/** Where to show the note, when the caller says (the quiz card opens notes beside itself, keeping focus). */
function placementFrom(argument: unknown): NotePlacement | undefined {
  if (typeof argument !== 'object' || argument === null) {
    return undefined;
  }
  const { viewColumn, preserveFocus } = argument as { viewColumn?: unknown; preserveFocus?: unknown };
  if (typeof viewColumn !== 'number' || !Number.isInteger(viewColumn) || viewColumn < 1 || viewColumn > 9) {
    return undefined;
  }
  return { viewColumn, preserveFocus: preserveFocus === true };
}

export function createNotes(context: vscode.ExtensionContext): NotesFeature {
  const reusePanel = (): boolean => vscode.workspace.getConfiguration('awsDbStudy.notes').get<boolean>('reusePanel', true);
  const panels = new NotePanels(context.extensionUri, reusePanel);
  return {
    onDidShowNote: panels.onDidShowNote,
    open: async (argument?: unknown) => {
      const id = noteIdFrom(argument) ?? (await pickNote());
      if (id) {
        panels.show(id, placementFrom(argument));
      }
    },
    revive: (panel, state) => panels.revive(panel, state),
    dispose: () => panels.dispose(),
  };
}
