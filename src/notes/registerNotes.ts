import * as vscode from 'vscode';
import { Commands, NOTE_PANEL_VIEW_TYPE } from '../commands';
import { getCatalog } from '../content/catalog';
import { NotePanels, NotePlacement } from './notePanel';

export interface NotesApi {
  /** Fires with the note id whenever a panel shows a note (opened, navigated, or focused). */
  onDidShowNote: vscode.Event<string>;
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

export function registerNotes(context: vscode.ExtensionContext): NotesApi {
  const reusePanel = (): boolean => vscode.workspace.getConfiguration('awsDbStudy.notes').get<boolean>('reusePanel', true);
  const panels = new NotePanels(context.extensionUri, reusePanel);
  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand(Commands.openNote, async (argument?: unknown) => {
      const id = noteIdFrom(argument) ?? (await pickNote());
      if (id) {
        panels.show(id, placementFrom(argument));
      }
    }),
    vscode.window.registerWebviewPanelSerializer(NOTE_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => panels.revive(panel, state),
    }),
  );
  return { onDidShowNote: panels.onDidShowNote };
}
