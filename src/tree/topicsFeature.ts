/** The Topics tree's rows, loaded with the study part on first use (activation creates the view itself). */
import * as vscode from 'vscode';
import { getCatalog } from '../content/catalog';
import type { NotesFeature } from '../notes/notesFeature';
import { TopicNode, TopicTreeModel } from './topicTreeModel';
import { ProgressSource, TopicTreeProvider } from './topicTreeProvider';

/** The provider behind the Topics view, with quiz progress, kept in step with the note being read. */
export function createTopics(view: vscode.TreeView<TopicNode>, notes: NotesFeature, progress: ProgressSource): { provider: TopicTreeProvider; disposable: vscode.Disposable } {
  const model = new TopicTreeModel(getCatalog);
  const provider = new TopicTreeProvider(model);
  provider.setProgressSource(progress);
  // Reveal the note being read, without stealing focus from the panel.
  const reveal = notes.onDidShowNote((noteId) => {
    const node = model.noteNode(noteId);
    if (node && view.visible) {
      void view.reveal(node, { select: true, focus: false, expand: true });
    }
  });
  return { provider, disposable: vscode.Disposable.from(provider, reveal) };
}
