/** The workspace part of a hover: the table's keys, indexes and definition, every name from a file escaped. */
import * as assert from 'node:assert/strict';
import { hoverMarkdown } from '../../../src/hints/hoverMarkdown';
import { TableDefinition } from '../../../src/hints/engine/workspace/types';
import { markdownText, workspaceHoverMarkdown, WorkspaceHoverLabels } from '../../../src/hints/workspaceHover';
import { HOVER_COMMANDS, HOVER_LABELS, realHintRules } from './support';
import { analyzeWith, at, ORDERS } from './workspaceSupport';

const LABELS: WorkspaceHoverLabels = {
  table: (name) => `Table ${name}`,
  definedIn: (place) => `defined in ${place}`,
  partitionKey: 'partition key',
  sortKey: 'sort key',
  billingMode: 'billing mode',
  indexes: 'Indexes',
  noIndexes: 'No secondary indexes.',
  projection: 'projection',
  more: (count) => `and ${count} more`,
  readsGsi: (index) => `This request reads ${index}, a global secondary index: eventually consistent only.`,
  readsLsi: (index) => `This request reads ${index}, a local secondary index: strongly consistent reads are allowed here.`,
};

const link = (ref: { file: string; line: number; character: number }) => `file:///work/app/${ref.file}#L${ref.line + 1},${ref.character + 1}`;

describe('workspace hovers', () => {
  it('shows the keys, billing mode, each index with its kind, keys and projection, and links to the definitions', () => {
    const markdown = workspaceHoverMarkdown({ table: ORDERS, index: ORDERS.indexes[2] }, LABELS, link);
    assert.match(markdown, /^Table \*\*orders\*\* · OrdersTable · defined in \[template\\\.yaml\\:9\]\(file:\/\/\/work\/app\/template\.yaml#L9,3\)/);
    assert.match(markdown, /partition key \*\*customer\*\* \(S\), sort key \*\*sk\*\* \(S\) · billing mode PAY_PER_REQUEST/);
    assert.match(markdown, /- \*\*by\\-status\*\* GSI: partition key \*\*status\*\* \(S\), sort key \*\*created\*\* \(S\) · projection INCLUDE \(total\) · \[template\\\.yaml\\:21\]/);
    assert.match(markdown, /- \*\*by\\-date\*\* LSI: /);
    assert.match(markdown, /- \*\*by\\-region\*\* GSI: partition key \*\*region\*\* · \[/);
    assert.match(markdown, /This request reads \*\*by\\-date\*\*, a local secondary index: strongly consistent reads are allowed here\.$/);
  });

  it('says when a GSI is read, and leaves out what the template does not tell', () => {
    const bare: TableDefinition = { logicalName: 'EventsTable', format: 'cdk', indexes: [], indexesKnown: false, definedAt: at('lib/stack.ts', 11) };
    assert.match(workspaceHoverMarkdown({ table: ORDERS, index: ORDERS.indexes[0] }, LABELS), /a global secondary index: eventually consistent only\.$/);
    assert.equal(workspaceHoverMarkdown({ table: bare }, LABELS), 'Table **EventsTable** · defined in lib/stack\\.ts\\:12');
  });

  it('escapes names and places taken from files, and keeps link targets inside the link', () => {
    const hostile: TableDefinition = {
      ...ORDERS,
      physicalName: 'x**](command:evil)\n# heading',
      indexes: [{ ...ORDERS.indexes[0], name: '<img src=x>`[a](b)`' }],
      definedAt: at('dir (1)/t[1].yaml', 0),
    };
    const markdown = workspaceHoverMarkdown({ table: hostile }, LABELS, (ref) => `file:///w/${ref.file}`);
    assert.ok(!markdown.includes('](command:'), markdown);
    assert.ok(!markdown.includes('\n# heading'));
    assert.ok(markdown.includes('\\<img') && !/(?<!\\)<img/.test(markdown));
    assert.ok(markdown.includes('(file:///w/dir%20%281%29/t%5B1%5D.yaml)'), markdown);
    assert.equal(markdownText('a_b*c'), 'a\\_b\\*c');
  });

  it('puts the workspace part before the rules of the site, only when the editor gives labels for it', () => {
    const text = `import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(client);
await doc.send(new QueryCommand({ TableName: 'orders', IndexName: 'by-date', KeyConditionExpression: 'customer = :c' }));
`;
    const site = analyzeWith('q.ts', text).sites.find((candidate) => text.slice(candidate.start, candidate.end) === 'IndexName')!;
    const rules = realHintRules().filter((rule) => site.ruleIds.includes(rule.id));
    const place = { language: 'typescript', origin: site.origin, name: site.name, workspace: site.workspace } as const;
    const markdown = hoverMarkdown(rules, place, { ...HOVER_LABELS, workspace: LABELS }, { ...HOVER_COMMANDS, definitionLink: link });
    const [first, second] = markdown.split('\n\n---\n\n');
    assert.match(first, /^Table \*\*orders\*\*/);
    assert.match(first, /a local secondary index/);
    assert.match(second, /^\*\*IndexName\*\* · Amazon DynamoDB/);
    assert.ok(!hoverMarkdown(rules, place, HOVER_LABELS, HOVER_COMMANDS).includes('Table **orders**'));
  });
});
