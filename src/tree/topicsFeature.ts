/** The Topics tree's rows, loaded with the study part on first use (activation creates the view itself). */
import * as vscode from 'vscode';
import { getCatalog } from '../content/catalog';
import type { NotesFeature } from '../notes/notesFeature';
import { TopicTreeModel } from './topicTreeModel';
import { ProgressSource, TopicTreeProvider, TreeNode, WorkspaceSource } from './topicTreeProvider';
import { WorkspaceTreeLabels, WorkspaceTreeModel } from './workspaceTreeModel';

/**
 * The provider behind the Topics view, with quiz progress and the Workspace node, kept in step with
 * the note being read.
 */
export function createTopics(
  view: vscode.TreeView<TreeNode>,
  notes: NotesFeature,
  progress: ProgressSource,
  workspace: WorkspaceSource,
): { provider: TopicTreeProvider; disposable: vscode.Disposable } {
  const model = new TopicTreeModel(getCatalog);
  const provider = new TopicTreeProvider(model);
  provider.setProgressSource(progress);
  provider.setWorkspaceSource(workspace, new WorkspaceTreeModel(workspaceLabels(), (noteId) => getCatalog().note(noteId)?.title));
  // Reveal the note being read, without stealing focus from the panel.
  const reveal = notes.onDidShowNote((noteId) => {
    const node = model.noteNode(noteId);
    if (node && view.visible) {
      void view.reveal(node, { select: true, focus: false, expand: true });
    }
  });
  return { provider, disposable: vscode.Disposable.from(provider, reveal) };
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
