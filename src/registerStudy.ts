/**
 * What activation registers for the study features: their commands, the Topics view, the note-panel
 * serializer and the quiz's status-bar item. Each calls into the study part (studyPart.ts), which
 * loads on the first call: activation itself unpacks no content and loads no engine.
 */
// A plain require, run at activation: `import * as` makes esbuild copy every API name onto a new object.
import vscode = require('vscode');
import { loadStudyPart } from './chunks';
import { NOTE_PANEL_VIEW_TYPE, STUDY_COMMANDS, TOPICS_VIEW_ID } from './commands';
import { registerQuizStatus } from './quiz/quizStatus';
import type { StudyPart } from './studyPart';
import type { TopicTreeProvider, TreeNode, WorkspaceSource } from './tree/topicTreeProvider';

/** The Topics view's provider from activation on: it asks the study part's provider once the view wants rows. */
class TopicsProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly rows: () => TopicTreeProvider) {}

  fire(node: TreeNode | undefined): void {
    this.changed.fire(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return this.rows().getTreeItem(node);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return this.rows().getChildren(node);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.rows().getParent(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface StudyApi {
  /** The Topics view's provider: the rows and descriptions the view shows. */
  topics: TopicsProvider;
  /** The quiz step on screen, if any (none before the study part is loaded). */
  quizInput(): ReturnType<StudyPart['quizInput']>;
}

/** What the study features take from the others. */
export interface StudyNeeds {
  /** Hides the welcome view once a note has been read. */
  markStudied(): void;
  /** The workspace model, for the Topics tree's Workspace node. */
  workspace: WorkspaceSource;
}

export function registerStudy(context: vscode.ExtensionContext, needs: StudyNeeds): StudyApi {
  let part: StudyPart | undefined;
  const study = (): StudyPart => (part ??= loadStudyPart().startStudy({ ...needs, context, topicsView, topicsChanged: (node) => topics.fire(node), quizStatus }));
  const topics = new TopicsProvider(() => study().topics);
  const topicsView = vscode.window.createTreeView(TOPICS_VIEW_ID, { treeDataProvider: topics, showCollapseAll: true });
  const quizStatus = registerQuizStatus(context, () => void study());
  context.subscriptions.push(
    topics,
    topicsView,
    ...STUDY_COMMANDS.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => study().commands[id](...args))),
    vscode.window.registerWebviewPanelSerializer(NOTE_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => study().notes.revive(panel, state),
    }),
  );
  return { topics, quizInput: () => part?.quizInput() };
}
