import * as vscode from 'vscode';
import { Commands, NOTE_PANEL_VIEW_TYPE } from '../commands';
import { getCatalog } from '../content/catalog';
import { NotePanel } from './notePanel';

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

export function registerNotes(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openNote, async (noteId?: unknown) => {
      const id = typeof noteId === 'string' && getCatalog().note(noteId) ? noteId : await pickNote();
      if (id) {
        NotePanel.show(context.extensionUri, id);
      }
    }),
    vscode.window.registerWebviewPanelSerializer(NOTE_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => NotePanel.revive(panel, context.extensionUri, state),
    }),
  );
}
