import * as vscode from 'vscode';
import { Commands, TOPICS_VIEW_ID } from '../commands';
import { getCatalog } from '../content/catalog';
import { NotesApi } from '../notes/registerNotes';
import { searchTopics } from './searchTopics';
import { TopicTreeModel } from './topicTreeModel';
import { ProgressSource, TopicTreeProvider, WorkspaceSource } from './topicTreeProvider';
import { WorkspaceTreeLabels, WorkspaceTreeModel } from './workspaceTreeModel';

export interface TopicTreeApi {
  /** Shows quiz progress as each node's description. */
  showProgress(source: ProgressSource): void;
  /** Shows what the workspace's IaC defines as a Workspace node. */
  showWorkspace(source: WorkspaceSource): void;
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
  return {
    showProgress: (source) => provider.setProgressSource(source),
    showWorkspace: (source) => provider.setWorkspaceSource(source, new WorkspaceTreeModel(workspaceLabels(), (noteId) => getCatalog().note(noteId)?.title)),
    provider,
  };
}

function workspaceLabels(): WorkspaceTreeLabels {
  return {
    workspace: vscode.l10n.t('Workspace'),
    workspaceTooltip: vscode.l10n.t('The DynamoDB tables, RDS databases and ElastiCache caches that this workspace’s CloudFormation, SAM, Terraform and CDK files define'),
    kind: {
      table: vscode.l10n.t('DynamoDB table'),
      'rds-instance': vscode.l10n.t('RDS instance'),
      'rds-cluster': vscode.l10n.t('RDS or Aurora cluster'),
      'elasticache-replication-group': vscode.l10n.t('ElastiCache replication group'),
      'elasticache-cluster': vscode.l10n.t('ElastiCache cluster'),
      'elasticache-serverless': vscode.l10n.t('ElastiCache Serverless'),
    },
    gsi: vscode.l10n.t('GSI'),
    lsi: vscode.l10n.t('LSI'),
    indexes: (count) => (count === 1 ? vscode.l10n.t('1 index') : vscode.l10n.t('{0} indexes', count)),
    onDemand: vscode.l10n.t('on-demand'),
    provisioned: vscode.l10n.t('provisioned'),
    stream: (view) => vscode.l10n.t('stream {0}', view),
    ttl: (attribute) => vscode.l10n.t('TTL {0}', attribute),
    keysUnknown: vscode.l10n.t('keys not written literally'),
    definedAt: (file, line) => vscode.l10n.t('Defined in {0}, line {1}', file, line),
    note: (title) => vscode.l10n.t('Note: {0}', title),
  };
}
