/**
 * The "Workspace" part of the Topics tree, pure: the DynamoDB tables (keys, indexes, billing) and the RDS
 * and ElastiCache resources (engine) that the workspace's IaC defines, each with where it is defined and
 * the notes that matter for it. Nothing at all when the workspace defines none.
 */
import { DatabaseDefinition, DatabaseKind, KeyAttribute, SourceRef, TableDefinition, TableIndex } from '../hints/engine/workspace/types';

/** A definition's place: the workspace folder (its URI, as a string) and the reference inside it. */
export interface DefinitionPlace {
  folder: string;
  ref: SourceRef;
}

export type WorkspaceNode =
  | { kind: 'workspace'; id: string; label: string; tooltip: string }
  | { kind: 'workspace-folder'; id: string; label: string; tooltip: string; parentId: string }
  | { kind: 'workspace-resource'; id: string; label: string; description: string; tooltip: string; icon: 'table' | 'database' | 'cache'; place: DefinitionPlace; parentId: string }
  | { kind: 'workspace-index'; id: string; label: string; description: string; tooltip: string; place: DefinitionPlace; parentId: string }
  | { kind: 'workspace-note'; id: string; label: string; tooltip: string; noteId: string; parentId: string };

export interface WorkspaceFolderContents {
  /** The folder's URI as a string: node ids and definition places use it. */
  uri: string;
  name: string;
  tables: readonly TableDefinition[];
  databases: readonly DatabaseDefinition[];
}

/** The words of the tree, translated by the adapter (English in tests). */
export interface WorkspaceTreeLabels {
  workspace: string;
  workspaceTooltip: string;
  kind: Record<DatabaseKind | 'table', string>;
  gsi: string;
  lsi: string;
  indexes(count: number): string;
  onDemand: string;
  provisioned: string;
  stream(view: string): string;
  ttl(attribute: string): string;
  keysUnknown: string;
  definedAt(file: string, line: number): string;
  note(title: string): string;
}

/** The notes that explain what matters for a kind of resource, by note id; only notes that exist are shown. */
const DATABASE_NOTES: Record<DatabaseKind, readonly string[]> = {
  'rds-instance': ['rds-multi-az', 'rds-backups-pitr', 'rds-security'],
  'rds-cluster': ['rds-aurora', 'rds-backups-pitr', 'rds-security'],
  'elasticache-replication-group': ['elasticache-replication-failover', 'elasticache-cluster-mode', 'elasticache-security'],
  'elasticache-cluster': ['elasticache-deployment-options', 'elasticache-security'],
  'elasticache-serverless': ['elasticache-deployment-options', 'elasticache-scaling'],
};

function tableNotes(table: TableDefinition): string[] {
  return [
    'dynamodb-keys',
    ...(table.indexes.length > 0 ? ['dynamodb-secondary-indexes'] : []),
    ...(table.billingMode ? ['dynamodb-capacity-modes'] : []),
    ...(table.streamViewType ? ['dynamodb-streams'] : []),
    ...(table.ttlAttribute ? ['dynamodb-ttl'] : []),
  ];
}

export function notesFor(resource: TableDefinition | DatabaseDefinition): readonly string[] {
  return 'indexes' in resource ? tableNotes(resource) : DATABASE_NOTES[resource.kind];
}

const key = (attribute: KeyAttribute): string => (attribute.type ? `${attribute.name} (${attribute.type})` : attribute.name);

function indexKeys(index: TableIndex): string {
  return index.sortKey ? `${key(index.partitionKey)} / ${key(index.sortKey)}` : key(index.partitionKey);
}

export class WorkspaceTreeModel {
  private readonly byId = new Map<string, WorkspaceNode>();
  private readonly childrenOf = new Map<string, WorkspaceNode[]>();

  constructor(
    private readonly labels: WorkspaceTreeLabels,
    private readonly noteTitle: (noteId: string) => string | undefined,
  ) {}

  /** Rebuilds the nodes from the folders' contents; the root is absent when no folder defines anything. */
  update(folders: readonly WorkspaceFolderContents[]): void {
    this.byId.clear();
    this.childrenOf.clear();
    const filled = folders.filter((folder) => folder.tables.length > 0 || folder.databases.length > 0);
    if (filled.length === 0) {
      return;
    }
    const root: WorkspaceNode = { kind: 'workspace', id: 'workspace', label: this.labels.workspace, tooltip: this.labels.workspaceTooltip };
    this.add(root, undefined);
    for (const folder of filled) {
      let parentId = root.id;
      if (filled.length > 1) {
        parentId = `workspace:${folder.uri}`;
        this.add({ kind: 'workspace-folder', id: parentId, label: folder.name, tooltip: folder.uri, parentId: root.id }, root.id);
      }
      folder.tables.forEach((table) => this.addResource(folder, table, parentId));
      folder.databases.forEach((database) => this.addResource(folder, database, parentId));
    }
  }

  private add(node: WorkspaceNode, parentId: string | undefined): void {
    // Two definitions of one name in one file (a broken template) keep the first.
    if (this.byId.has(node.id)) {
      return;
    }
    this.byId.set(node.id, node);
    if (parentId !== undefined) {
      const siblings = this.childrenOf.get(parentId);
      if (siblings) {
        siblings.push(node);
      } else {
        this.childrenOf.set(parentId, [node]);
      }
    }
  }

  private addResource(folder: WorkspaceFolderContents, resource: TableDefinition | DatabaseDefinition, parentId: string): void {
    const place = { folder: folder.uri, ref: resource.definedAt };
    const id = `workspace:${folder.uri}:${resource.definedAt.file}:${resource.logicalName}`;
    const where = this.labels.definedAt(resource.definedAt.file, resource.definedAt.line + 1);
    if ('indexes' in resource) {
      this.add({ kind: 'workspace-resource', id, label: resource.physicalName ?? resource.logicalName, description: this.tableDescription(resource), tooltip: `${resource.logicalName}\n${where}`, icon: 'table', place, parentId }, parentId);
      for (const index of resource.indexes) {
        const description = [index.kind === 'gsi' ? this.labels.gsi : this.labels.lsi, indexKeys(index), ...(index.projection ? [[index.projection.type, ...index.projection.attributes].join(' ')] : [])].join(' · ');
        const indexPlace = { folder: folder.uri, ref: index.definedAt };
        this.add({ kind: 'workspace-index', id: `${id}:index:${index.name}`, label: index.name, description, tooltip: this.labels.definedAt(index.definedAt.file, index.definedAt.line + 1), place: indexPlace, parentId: id }, id);
      }
    } else {
      const description = [this.labels.kind[resource.kind], [resource.engine, resource.engineVersion].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
      const icon = resource.kind.startsWith('elasticache') ? 'cache' : 'database';
      this.add({ kind: 'workspace-resource', id, label: resource.logicalName, description, tooltip: `${resource.logicalName}\n${where}`, icon, place, parentId }, parentId);
    }
    for (const noteId of notesFor(resource)) {
      const title = this.noteTitle(noteId);
      if (title !== undefined) {
        this.add({ kind: 'workspace-note', id: `${id}:note:${noteId}`, label: this.labels.note(title), tooltip: title, noteId, parentId: id }, id);
      }
    }
  }

  private tableDescription(table: TableDefinition): string {
    const keys = table.partitionKey ? [key(table.partitionKey), ...(table.sortKey ? [key(table.sortKey)] : [])].join(' / ') : this.labels.keysUnknown;
    const billing = table.billingMode === 'PAY_PER_REQUEST' ? this.labels.onDemand : table.billingMode === 'PROVISIONED' ? this.labels.provisioned : undefined;
    return [
      this.labels.kind.table,
      keys,
      ...(table.indexes.length > 0 ? [this.labels.indexes(table.indexes.length)] : []),
      ...(billing ? [billing] : []),
      ...(table.streamViewType ? [this.labels.stream(table.streamViewType)] : []),
      ...(table.ttlAttribute ? [this.labels.ttl(table.ttlAttribute)] : []),
    ].join(' · ');
  }

  roots(): WorkspaceNode[] {
    const root = this.byId.get('workspace');
    return root ? [root] : [];
  }

  children(node: WorkspaceNode): WorkspaceNode[] {
    return this.childrenOf.get(node.id) ?? [];
  }

  parent(node: WorkspaceNode): WorkspaceNode | undefined {
    return node.kind === 'workspace' ? undefined : this.byId.get(node.parentId);
  }
}
