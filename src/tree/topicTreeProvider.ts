import * as vscode from 'vscode';
import { Commands } from '../commands';
import { TopicNode, TopicTreeModel } from './topicTreeModel';

const ICONS: Record<TopicNode['kind'], string> = { service: 'database', section: 'symbol-folder', note: 'book' };

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
export class TopicTreeProvider implements vscode.TreeDataProvider<TopicNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TopicNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private progressSource: ProgressSource | undefined;
  private progressSubscription: vscode.Disposable | undefined;

  constructor(private readonly model: TopicTreeModel) {}

  /** Shows quiz progress from now on, refreshing when it changes. */
  setProgressSource(source: ProgressSource): void {
    this.progressSubscription?.dispose();
    this.progressSource = source;
    this.progressSubscription = source.onDidChangeProgress(() => this.changeEmitter.fire(undefined));
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: TopicNode): vscode.TreeItem {
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

  getChildren(node?: TopicNode): TopicNode[] {
    return node ? this.model.children(node) : this.model.roots();
  }

  getParent(node: TopicNode): TopicNode | undefined {
    return this.model.parent(node);
  }

  dispose(): void {
    this.progressSubscription?.dispose();
    this.changeEmitter.dispose();
  }
}
