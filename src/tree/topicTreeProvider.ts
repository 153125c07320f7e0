import * as vscode from 'vscode';
import { Commands } from '../commands';
import { TopicNode, TopicTreeModel } from './topicTreeModel';
import { DefinitionPlace, WorkspaceFolderContents, WorkspaceNode, WorkspaceTreeModel } from './workspaceTreeModel';

const ICONS: Record<TopicNode['kind'], string> = { service: 'database', section: 'symbol-folder', note: 'book' };
const WORKSPACE_ICONS: Record<'table' | 'database' | 'cache', string> = { table: 'table', database: 'database', cache: 'zap' };

/** A row of the Topics view: a topic, or part of the Workspace node. */
export type TreeNode = TopicNode | WorkspaceNode;

/** Where the Workspace node's contents come from (the workspace model's editor adapter). */
export interface WorkspaceSource {
  onDidChange: vscode.Event<void>;
  folderContents(): WorkspaceFolderContents[];
  /** Starts reading the workspace, once; the node appears when it is read. */
  ensureStarted(): Promise<void>;
}

function isWorkspaceNode(node: TreeNode): node is WorkspaceNode {
  return node.kind.startsWith('workspace');
}

/** Opens a definition at its line and column. */
function openCommand(place: DefinitionPlace, title: string): vscode.Command {
  const uri = vscode.Uri.joinPath(vscode.Uri.parse(place.folder), place.ref.file);
  const at = new vscode.Position(place.ref.line, place.ref.character);
  return { command: 'vscode.open', title, arguments: [uri, { selection: new vscode.Range(at, at) }] };
}

/** Quiz progress over what a scope's quiz asks, as the quiz feature reports it (see ProgressSummary). */
export interface QuizProgress {
  total: number;
  due: number;
  learning: number;
  known: number;
  fresh: number;
  /** Questions to ask the interviewer in the scope, which quizzes leave out. */
  leftOut: number;
}

export interface ProgressSource {
  onDidChangeProgress: vscode.Event<void>;
  progress(scope: ReturnType<TopicTreeModel['quizScope']>): QuizProgress;
}

/**
 * Before any answer: "64 to quiz · 12 to ask the interviewer". After: "3 due · 12 learning · 2% known".
 * "Due" means what it means in the status bar: answered before and due now.
 */
export function describeProgress(progress: QuizProgress): string | undefined {
  const leftOut = progress.leftOut > 0 ? vscode.l10n.t('{0} to ask the interviewer', progress.leftOut) : undefined;
  if (progress.total === 0) {
    return leftOut;
  }
  if (progress.fresh === progress.total) {
    return [vscode.l10n.t('{0} to quiz', progress.total), leftOut].filter(Boolean).join(' · ');
  }
  return [
    progress.due > 0 ? vscode.l10n.t('{0} due', progress.due) : undefined,
    progress.learning > 0 ? vscode.l10n.t('{0} learning', progress.learning) : undefined,
    vscode.l10n.t('{0}% known', Math.round((progress.known / progress.total) * 100)),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Adapts the pure tree model to VS Code's TreeDataProvider, with quiz progress as descriptions. */
export class TopicTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private progressSource: ProgressSource | undefined;
  private progressSubscription: vscode.Disposable | undefined;
  private workspace: { source: WorkspaceSource; model: WorkspaceTreeModel; stale: boolean; subscription: vscode.Disposable } | undefined;

  constructor(private readonly model: TopicTreeModel) {}

  /** Shows quiz progress from now on, refreshing when it changes. */
  setProgressSource(source: ProgressSource): void {
    this.progressSubscription?.dispose();
    this.progressSource = source;
    this.progressSubscription = source.onDidChangeProgress(() => this.changeEmitter.fire(undefined));
    this.changeEmitter.fire(undefined);
  }

  /** Shows what the workspace's IaC defines as a Workspace node after the topics, kept current. */
  setWorkspaceSource(source: WorkspaceSource, model: WorkspaceTreeModel): void {
    this.workspace?.subscription.dispose();
    const subscription = source.onDidChange(() => {
      // Rebuilt when the view next asks, so a hidden view costs nothing.
      if (this.workspace) {
        this.workspace.stale = true;
      }
      this.changeEmitter.fire(undefined);
    });
    this.workspace = { source, model, stale: true, subscription };
    this.changeEmitter.fire(undefined);
  }

  private workspaceItem(node: WorkspaceNode): vscode.TreeItem {
    const leaf = node.kind === 'workspace-note' || node.kind === 'workspace-index' || (node.kind === 'workspace-resource' && this.workspace?.model.children(node).length === 0);
    const item = new vscode.TreeItem(node.label, leaf ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.tooltip = node.tooltip;
    item.contextValue = node.kind;
    switch (node.kind) {
      case 'workspace':
        item.iconPath = new vscode.ThemeIcon('cloud');
        break;
      case 'workspace-folder':
        item.iconPath = new vscode.ThemeIcon('root-folder');
        break;
      case 'workspace-resource':
        item.iconPath = new vscode.ThemeIcon(WORKSPACE_ICONS[node.icon]);
        item.description = node.description;
        item.command = openCommand(node.place, vscode.l10n.t('Open Definition'));
        break;
      case 'workspace-index':
        item.iconPath = new vscode.ThemeIcon('list-tree');
        item.description = node.description;
        item.command = openCommand(node.place, vscode.l10n.t('Open Definition'));
        break;
      case 'workspace-note':
        item.iconPath = new vscode.ThemeIcon('book');
        item.command = { command: Commands.openNote, title: vscode.l10n.t('Open Note'), arguments: [node.noteId] };
        break;
    }
    return item;
  }

  private workspaceRoots(): WorkspaceNode[] {
    const workspace = this.workspace;
    if (!workspace) {
      return [];
    }
    void workspace.source.ensureStarted();
    if (workspace.stale) {
      workspace.model.update(workspace.source.folderContents());
      workspace.stale = false;
    }
    return workspace.model.roots();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (isWorkspaceNode(node)) {
      return this.workspaceItem(node);
    }
    const collapsible = node.kind === 'note' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(ICONS[node.kind]);
    item.contextValue = node.kind;
    if (this.progressSource) {
      const progress = this.progressSource.progress(this.model.quizScope(node));
      item.description = describeProgress(progress);
      // "Start Quiz" is offered on nodes that have something to quiz (package.json menus).
      item.contextValue = progress.total > 0 ? `${node.kind} quizzable` : node.kind;
    }
    if (node.kind === 'note') {
      item.command = { command: Commands.openNote, title: vscode.l10n.t('Open Note'), arguments: [node.noteId] };
    }
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      return [...this.model.roots(), ...this.workspaceRoots()];
    }
    if (isWorkspaceNode(node)) {
      return this.workspace?.model.children(node) ?? [];
    }
    return this.model.children(node);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return isWorkspaceNode(node) ? this.workspace?.model.parent(node) : this.model.parent(node);
  }

  dispose(): void {
    this.workspace?.subscription.dispose();
    this.progressSubscription?.dispose();
    this.changeEmitter.dispose();
  }
}
