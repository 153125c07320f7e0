import * as vscode from 'vscode';
import { Commands } from '../commands';
import { TopicNode, TopicTreeModel } from './topicTreeModel';

const ICONS: Record<TopicNode['kind'], string> = { service: 'database', section: 'symbol-folder', note: 'book' };

/** Adapts the pure tree model to VS Code's TreeDataProvider. */
export class TopicTreeProvider implements vscode.TreeDataProvider<TopicNode> {
  constructor(private readonly model: TopicTreeModel) {}

  getTreeItem(node: TopicNode): vscode.TreeItem {
    const collapsible = node.kind === 'note' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(ICONS[node.kind]);
    item.contextValue = node.kind;
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
}
