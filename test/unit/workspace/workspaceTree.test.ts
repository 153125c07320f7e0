/**
 * The Workspace node of the Topics tree: the tables (keys, indexes, billing) and the RDS and ElastiCache
 * resources (engine) of the workspace, each with its definition and the notes that matter; nothing when
 * the workspace defines none.
 */
import * as assert from 'node:assert/strict';
import { DatabaseKind } from '../../../src/hints/engine/workspace/types';
import { notesFor, WorkspaceFolderContents, WorkspaceNode, WorkspaceTreeLabels, WorkspaceTreeModel } from '../../../src/tree/workspaceTreeModel';
import { realCatalog } from '../../support/realCatalog';
import { fixtureModel } from './support';

const LABELS: WorkspaceTreeLabels = {
  workspace: 'Workspace',
  workspaceTooltip: 'What the IaC defines',
  kind: {
    table: 'DynamoDB table',
    'rds-instance': 'RDS instance',
    'rds-cluster': 'RDS or Aurora cluster',
    'elasticache-replication-group': 'ElastiCache replication group',
    'elasticache-cluster': 'ElastiCache cluster',
    'elasticache-serverless': 'ElastiCache Serverless',
  },
  gsi: 'GSI',
  lsi: 'LSI',
  indexes: (count) => `${count} indexes`,
  onDemand: 'on-demand',
  provisioned: 'provisioned',
  stream: (view) => `stream ${view}`,
  ttl: (attribute) => `TTL ${attribute}`,
  keysUnknown: 'keys unknown',
  definedAt: (file, line) => `${file}:${line}`,
  note: (title) => `Note: ${title}`,
};

function folder(name: string): WorkspaceFolderContents {
  const model = fixtureModel(name);
  return { uri: `file:///work/${name}`, name, tables: model.tables(), databases: model.databases() };
}

function tree(folders: WorkspaceFolderContents[]): WorkspaceTreeModel {
  const catalog = realCatalog();
  const model = new WorkspaceTreeModel(LABELS, (noteId) => catalog.note(noteId)?.title);
  model.update(folders);
  return model;
}

/** Each node as `label — description`, children indented under it. */
function outline(model: WorkspaceTreeModel, nodes: WorkspaceNode[] = model.roots(), depth = 0): string[] {
  return nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.label}${'description' in node ? ` — ${node.description}` : ''}`, ...outline(model, model.children(node), depth + 1)]);
}

describe('Workspace node of the Topics tree', () => {
  it('lists each table with keys, indexes and billing, each database with its engine, and the notes that matter', () => {
    const model = tree([folder('sam-app')]);
    assert.deepEqual(outline(model), [
      'Workspace',
      '  OrdersTable — DynamoDB table · customerId (S) / orderId (S) · 2 indexes · on-demand · stream NEW_AND_OLD_IMAGES · TTL expiresAt',
      '    ByStatus — GSI · status (S) / createdAt (S) · INCLUDE total currency',
      '    ByCreatedAt — LSI · customerId (S) / createdAt (S) · ALL',
      `    Note: ${realCatalog().note('dynamodb-keys')!.title}`,
      `    Note: ${realCatalog().note('dynamodb-secondary-indexes')!.title}`,
      `    Note: ${realCatalog().note('dynamodb-capacity-modes')!.title}`,
      `    Note: ${realCatalog().note('dynamodb-streams')!.title}`,
      `    Note: ${realCatalog().note('dynamodb-ttl')!.title}`,
      '  orders-archive — DynamoDB table · orderId (S) · provisioned',
      `    Note: ${realCatalog().note('dynamodb-keys')!.title}`,
      `    Note: ${realCatalog().note('dynamodb-capacity-modes')!.title}`,
      '  AuditTable — DynamoDB table · id (S) · on-demand',
      `    Note: ${realCatalog().note('dynamodb-keys')!.title}`,
      `    Note: ${realCatalog().note('dynamodb-capacity-modes')!.title}`,
      '  ReportsCache — ElastiCache Serverless · valkey',
      `    Note: ${realCatalog().note('elasticache-deployment-options')!.title}`,
      `    Note: ${realCatalog().note('elasticache-scaling')!.title}`,
    ]);
  });

  it('opens each table and index where it is defined, and each note by its id', () => {
    const model = tree([folder('terraform-python')]);
    const [sessions] = model.children(model.roots()[0]);
    assert.equal(sessions.kind, 'workspace-resource');
    assert.deepEqual(sessions.kind === 'workspace-resource' && [sessions.place.folder, sessions.place.ref.file, sessions.place.ref.line], ['file:///work/terraform-python', 'infra/dynamodb.tf', 0]);
    const [index] = model.children(sessions);
    assert.deepEqual(index.kind === 'workspace-index' && [index.label, index.place.ref.file, index.place.ref.line], ['by_device', 'infra/dynamodb.tf', 27]);
    const note = model.children(sessions).find((child) => child.kind === 'workspace-note');
    assert.deepEqual(note?.kind === 'workspace-note' && note.noteId, 'dynamodb-keys');
    assert.equal(model.parent(index), sessions);
    assert.equal(model.parent(sessions), model.roots()[0]);
    assert.equal(model.parent(model.roots()[0]), undefined);
  });

  it('groups by workspace folder when several define something, and shows nothing when none does', () => {
    const several = tree([folder('sam-app'), { uri: 'file:///work/empty', name: 'empty', tables: [], databases: [] }, folder('cdk-typescript')]);
    assert.deepEqual(several.children(several.roots()[0]).map((node) => node.label), ['sam-app', 'cdk-typescript']);
    assert.deepEqual(tree([{ uri: 'file:///work/empty', name: 'empty', tables: [], databases: [] }]).roots(), []);
    assert.deepEqual(tree([]).roots(), []);
  });

  it('links only notes that exist in the content, for every kind of resource', () => {
    const catalog = realCatalog();
    const kinds: DatabaseKind[] = ['rds-instance', 'rds-cluster', 'elasticache-replication-group', 'elasticache-cluster', 'elasticache-serverless'];
    const at = { file: 'x', span: { start: 0, end: 0 }, line: 0, character: 0 };
    const ids = [
      ...kinds.flatMap((kind) => notesFor({ kind, logicalName: 'x', format: 'terraform', settings: {}, definedAt: at })),
      ...notesFor({ logicalName: 't', format: 'cdk', indexes: [{ name: 'i', kind: 'gsi', partitionKey: { name: 'p' }, definedAt: at }], indexesKnown: true, billingMode: 'PROVISIONED', streamViewType: 'KEYS_ONLY', ttlAttribute: 'ttl', definedAt: at }),
    ];
    assert.deepEqual(ids.filter((id) => !catalog.note(id)), []);
  });
});
