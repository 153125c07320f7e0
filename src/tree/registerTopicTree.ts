import * as vscode from 'vscode';
import { TOPICS_VIEW_ID } from '../commands';
import { getCatalog } from '../content/catalog';
import { TopicTreeModel } from './topicTreeModel';
import { TopicTreeProvider } from './topicTreeProvider';

export function registerTopicTree(context: vscode.ExtensionContext): void {
  const provider = new TopicTreeProvider(new TopicTreeModel(getCatalog));
  const view = vscode.window.createTreeView(TOPICS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(view);
}
