/** A small workspace model for tests: literal table definitions, and the names and variables that lead to them. */
import { analyzeText, AnalysisResult } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { SourceRef, TableDefinition, TableNameRef, WorkspaceView } from '../../../src/hints/engine/workspace/types';
import { realHintRules } from './support';

export function at(file: string, line: number, character = 4): SourceRef {
  return { file, span: { start: 0, end: 1 }, line, character };
}

/**
 * `orders`: partition key `customer`, sort key `sk`; GSI `by-status` (status, created; INCLUDE total),
 * GSI `by-email` (email; KEYS_ONLY), LSI `by-date` (customer, created), GSI `by-region` (projection not written).
 */
export const ORDERS: TableDefinition = {
  logicalName: 'OrdersTable',
  physicalName: 'orders',
  format: 'cloudformation',
  partitionKey: { name: 'customer', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    { name: 'by-status', kind: 'gsi', partitionKey: { name: 'status', type: 'S' }, sortKey: { name: 'created', type: 'S' }, projection: { type: 'INCLUDE', attributes: ['total'] }, definedAt: at('template.yaml', 20) },
    { name: 'by-email', kind: 'gsi', partitionKey: { name: 'email', type: 'S' }, projection: { type: 'KEYS_ONLY', attributes: [] }, definedAt: at('template.yaml', 30) },
    { name: 'by-date', kind: 'lsi', partitionKey: { name: 'customer', type: 'S' }, sortKey: { name: 'created', type: 'S' }, projection: { type: 'KEYS_ONLY', attributes: [] }, definedAt: at('template.yaml', 40) },
    { name: 'by-region', kind: 'gsi', partitionKey: { name: 'region' }, definedAt: at('template.yaml', 50) },
  ],
  indexesKnown: true,
  billingMode: 'PAY_PER_REQUEST',
  definedAt: at('template.yaml', 8, 2),
};

/** `users`: a simple primary key `id`, indexes built dynamically in the template (not known). */
export const USERS: TableDefinition = {
  logicalName: 'aws_dynamodb_table.users',
  physicalName: 'users',
  format: 'terraform',
  partitionKey: { name: 'id', type: 'S' },
  indexes: [],
  indexesKnown: false,
  definedAt: at('infra/main.tf', 3),
};

/** `events`: a table whose key schema is not written literally. */
export const EVENTS: TableDefinition = {
  logicalName: 'EventsTable',
  format: 'cdk',
  indexes: [],
  indexesKnown: true,
  definedAt: at('lib/stack.ts', 12),
};

/**
 * Resolves `orders` and `ORDERS_TABLE`, `users` and `USERS_TABLE`, `EVENTS_TABLE`; `SHARED_TABLE` is wired
 * to two tables by two functions (ambiguous), so like every other name it resolves to nothing.
 */
export const VIEW: WorkspaceView = {
  resolveTable(_file: string, ref: TableNameRef): TableDefinition | undefined {
    const name = ref.kind === 'env' ? ref.variable : ref.name;
    return ({ orders: ORDERS, ORDERS_TABLE: ORDERS, users: USERS, USERS_TABLE: USERS, EVENTS_TABLE: EVENTS } as Record<string, TableDefinition>)[name];
  },
};

export function analyzeWith(fileName: string, text: string, workspace: WorkspaceView | null = VIEW): AnalysisResult {
  return analyzeText(text, realHintRules(), {
    kind: documentKind(undefined, fileName)!,
    fileName,
    ...(workspace ? { workspace } : {}),
    onError: (error) => {
      throw error;
    },
  });
}

/** `line:column ruleId text` for each finding (of the rules given, or every workspace rule and the consistent-read warning). */
export function findings(fileName: string, text: string, ruleIds?: readonly string[], workspace: WorkspaceView | null = VIEW): string[] {
  const result = analyzeWith(fileName, text, workspace);
  return result.findings
    .filter((finding) => (ruleIds ? ruleIds.includes(finding.ruleId) : finding.ruleId.startsWith('dynamodb-workspace-') || finding.ruleId === 'dynamodb-consistent-read'))
    .map((finding) => {
      const position = result.lines.position(finding.start);
      return `${position.line + 1}:${position.character + 1} ${finding.ruleId} ${text.slice(finding.start, finding.end)}`;
    });
}
