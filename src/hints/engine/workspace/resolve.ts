/**
 * A code file's DynamoDB requests tied to the tables the workspace defines: which table each request
 * names, and which of its indexes (if any) it reads. Pure; a request whose table the model cannot tell
 * is left out, so no check ever runs on a guess.
 */
import { DynamoRequest } from '../model';
import { KeyAttribute, TableDefinition, TableIndex, WorkspaceView } from './types';

export interface ResolvedRequest {
  request: DynamoRequest;
  table: TableDefinition;
  /**
   * What the request reads: the table itself, one of its indexes, an index the table does not define
   * (only when its index list is complete), or an index that cannot be told.
   */
  target: 'table' | 'index' | 'missing-index' | 'unknown-index';
  /** The index, when `target` is `index`. */
  index?: TableIndex;
}

export function resolveRequests(requests: readonly DynamoRequest[], view: WorkspaceView, file: string): ResolvedRequest[] {
  const resolved: ResolvedRequest[] = [];
  for (const request of requests) {
    const table = request.table && view.resolveTable(file, request.table.ref);
    if (!table) {
      continue;
    }
    const named = indexOf(request, view, file);
    if (named === undefined) {
      resolved.push({ request, table, target: 'table' });
    } else if (named === 'unknown') {
      resolved.push({ request, table, target: 'unknown-index' });
    } else {
      const index = table.indexes.find((candidate) => candidate.name === named.name);
      // A name read from the environment is checked as the name the template sets it to.
      const checked = named === request.index ? request : { ...request, index: named };
      if (index) {
        resolved.push({ request: checked, table, target: 'index', index });
      } else {
        resolved.push({ request: checked, table, target: table.indexesKnown ? 'missing-index' : 'unknown-index' });
      }
    }
  }
  return resolved;
}

/** The index a request names: as written, or the literal the functions running the file set its variable to. */
function indexOf(request: DynamoRequest, view: WorkspaceView, file: string): DynamoRequest['index'] {
  const from = request.indexVariable;
  const name = from && view.environmentLiteral?.(file, from.variable);
  return name ? { name, span: from.span, key: from.key } : request.index;
}

/** The key schema a request reads against (the index's, or the table's), when the model knows it. */
export function targetKeys(resolved: ResolvedRequest): { partitionKey: KeyAttribute; sortKey?: KeyAttribute; of: string } | undefined {
  if (resolved.target === 'index' && resolved.index) {
    return { partitionKey: resolved.index.partitionKey, sortKey: resolved.index.sortKey, of: `index ${resolved.index.name}` };
  }
  if (resolved.target === 'table' && resolved.table.partitionKey) {
    return { partitionKey: resolved.table.partitionKey, sortKey: resolved.table.sortKey, of: `table ${tableName(resolved.table)}` };
  }
  return undefined;
}

/** The name the code most likely uses for a table: its physical name, else its logical one. */
export function tableName(table: TableDefinition): string {
  return table.physicalName ?? table.logicalName;
}
