import * as vscode from 'vscode';
import { Commands } from '../commands';
import { getCatalog } from '../content/catalog';
import { textOf } from '../content/htmlText';
import { SearchHit, TopicSearch } from './topicSearch';

interface HitItem extends vscode.QuickPickItem {
  noteId: string;
}

let index: TopicSearch | undefined;

function toItem(hit: SearchHit): HitItem {
  const catalog = getCatalog();
  const note = catalog.note(hit.noteId);
  const place = note ? catalog.sectionOf(note.section) : undefined;
  const where = place ? `${place.service.title} › ${place.section.title}` : '';
  if (hit.kind === 'note') {
    return { noteId: hit.noteId, label: `$(book) ${note?.title ?? hit.noteId}`, description: where, detail: note?.summary, alwaysShow: true };
  }
  const question = catalog.questions.find((candidate) => candidate.id === hit.questionId);
  return {
    noteId: hit.noteId,
    label: `$(question) ${question ? textOf(question.questionHtml) : hit.questionId}`,
    description: vscode.l10n.t('Question · {0}', place?.service.title ?? ''),
    detail: vscode.l10n.t('Answered in: {0}', note?.title ?? hit.noteId),
    alwaysShow: true,
  };
}

/** A Quick Pick that searches the text of every note and question as the user types. */
export async function searchTopics(): Promise<void> {
  index ??= new TopicSearch(getCatalog());
  const search = index;
  const picker = vscode.window.createQuickPick<HitItem>();
  picker.title = vscode.l10n.t('Search Topics and Questions');
  picker.placeholder = vscode.l10n.t('Search notes and interview questions, e.g. "gsi consistent read" or "multi-az failover"');
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  const update = (): void => {
    const hits = search.search(picker.value).map(toItem);
    // An empty list would look like a search still running: say that nothing matched.
    picker.items = hits.length > 0 || picker.value.trim() === ''
      ? hits
      : [{ noteId: '', label: vscode.l10n.t('No results'), detail: vscode.l10n.t('Nothing matches "{0}". Try fewer or shorter words.', picker.value.trim()), alwaysShow: true }];
  };
  const chosen = await new Promise<HitItem | undefined>((resolve) => {
    picker.onDidChangeValue(update);
    picker.onDidAccept(() => {
      if (picker.selectedItems[0]?.noteId) {
        resolve(picker.selectedItems[0]);
      }
    });
    picker.onDidHide(() => resolve(undefined));
    picker.show();
  });
  picker.dispose();
  if (chosen) {
    await vscode.commands.executeCommand(Commands.openNote, chosen.noteId);
  }
}
