import * as vscode from 'vscode';
import { Commands, TOPICS_VIEW_ID } from '../commands';
import { getCatalog } from '../content/catalog';
import { NotesApi } from '../notes/registerNotes';
import { searchTopics } from './searchTopics';
import { TopicTreeModel } from './topicTreeModel';
import { ProgressSource, TopicTreeProvider } from './topicTreeProvider';

export interface TopicTreeApi {
  /** Shows quiz progress as each node's description. */
  showProgress(source: ProgressSource): void;
  /** The provider behind the Topics view, for tests that read what the view shows. */
  provider: TopicTreeProvider;
}

export function registerTopicTree(context: vscode.ExtensionContext, notes: NotesApi): TopicTreeApi {
  const model = new TopicTreeModel(getCatalog);
  const provider = new TopicTreeProvider(model);
  const view = vscode.window.createTreeView(TOPICS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand(Commands.searchTopics, () => searchTopics()),
    // Keep the tree in step with the note being read, without stealing focus from the panel.
    notes.onDidShowNote((noteId) => {
      const node = model.noteNode(noteId);
      if (node && view.visible) {
        void view.reveal(node, { select: true, focus: false, expand: true });
      }
    }),
  );
  return { showProgress: (source) => provider.setProgressSource(source), provider };
}
