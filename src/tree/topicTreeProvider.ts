import * as vscode from 'vscode';
import { Commands } from '../commands';
import { TopicNode, TopicTreeModel } from './topicTreeModel';

const ICONS: Record<TopicNode['kind'], string> = { service: 'database', section: 'symbol-folder', note: 'book' };

/** Quiz progress over a set of questions, as the quiz feature reports it. */
export interface QuizProgress {
  total: number;
  due: number;
  known: number;
  fresh: number;
}

export interface ProgressSource {
  onDidChangeProgress: vscode.Event<void>;
  progress(questionIds: readonly string[]): QuizProgress;
}

/** "5 due · 60% known" once something was reviewed, "12 questions" before; nothing without questions. */
export function describeProgress(progress: QuizProgress): string | undefined {
  if (progress.total === 0) {
    return undefined;
  }
  if (progress.fresh === progress.total) {
    return progress.total === 1 ? vscode.l10n.t('1 question') : vscode.l10n.t('{0} questions', progress.total);
  }
  const known = vscode.l10n.t('{0}% known', Math.round((progress.known / progress.total) * 100));
  return progress.due > 0 ? `${vscode.l10n.t('{0} due', progress.due)} · ${known}` : known;
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
      item.description = describeProgress(this.progressSource.progress(this.model.quizItemIds(node)));
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
