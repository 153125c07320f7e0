/**
 * The part of a hover that shows what the workspace's infrastructure code defines for the table a
 * request names: keys, indexes, billing mode, and a link to the definition. Pure; every name comes from
 * a user's file, so each is escaped before it reaches markdown.
 */
import { WorkspaceSite } from './engine/types';
import { KeyAttribute, SourceRef, TableIndex } from './engine/workspace/types';

export interface WorkspaceHoverLabels {
  /** `Table {0}`. */
  table: (name: string) => string;
  /** `defined in {0}`. */
  definedIn: (place: string) => string;
  partitionKey: string;
  sortKey: string;
  billingMode: string;
  indexes: string;
  noIndexes: string;
  projection: string;
  /** `and {0} more`. */
  more: (count: number) => string;
  /** What reading a GSI means for consistency, with the index name. */
  readsGsi: (index: string) => string;
  /** What reading an LSI means for consistency, with the index name. */
  readsLsi: (index: string) => string;
}

/** A link target for a definition in another file, or undefined when none can be made (no workspace folder). */
export type DefinitionLink = (at: SourceRef) => string | undefined;

const LISTED_INDEXES = 10;

/** Text from a file as literal markdown: every punctuation character that markdown reads is escaped, lines joined. */
export function markdownText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~&"'=:$]/g, '\\$&');
}

/** A link destination that cannot end the link early or break out of it. */
function linkTarget(target: string): string {
  return target.replace(/[\s()<>[\]\\`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A name in bold: backticks in a name could not be escaped inside inline code. */
function strong(text: string): string {
  return `**${markdownText(text)}**`;
}

function key(attribute: KeyAttribute): string {
  return attribute.type ? `${strong(attribute.name)} (${attribute.type})` : strong(attribute.name);
}

function keys(labels: WorkspaceHoverLabels, partition: KeyAttribute, sort: KeyAttribute | undefined): string {
  return [`${labels.partitionKey} ${key(partition)}`, ...(sort ? [`${labels.sortKey} ${key(sort)}`] : [])].join(', ');
}

function place(at: SourceRef, link: DefinitionLink | undefined): string {
  const text = markdownText(`${at.file}:${at.line + 1}`);
  const target = link?.(at);
  return target ? `[${text}](${linkTarget(target)})` : text;
}

function indexLine(labels: WorkspaceHoverLabels, index: TableIndex, link: DefinitionLink | undefined): string {
  const projection = index.projection
    ? ` · ${labels.projection} ${index.projection.type}${index.projection.type === 'INCLUDE' && index.projection.attributes.length > 0 ? ` (${index.projection.attributes.map(markdownText).join(', ')})` : ''}`
    : '';
  return `- ${strong(index.name)} ${index.kind.toUpperCase()}: ${keys(labels, index.partitionKey, index.sortKey)}${projection} · ${place(index.definedAt, link)}`;
}

export function workspaceHoverMarkdown(site: WorkspaceSite, labels: WorkspaceHoverLabels, link?: DefinitionLink): string {
  const { table, index } = site;
  const parts: string[] = [];
  const name = table.physicalName ?? table.logicalName;
  const logical = name === table.logicalName ? '' : ` · ${markdownText(table.logicalName)}`;
  parts.push(`${labels.table(strong(name))}${logical} · ${labels.definedIn(place(table.definedAt, link))}`);
  const facts: string[] = [];
  if (table.partitionKey) {
    facts.push(keys(labels, table.partitionKey, table.sortKey));
  }
  if (table.billingMode) {
    facts.push(`${labels.billingMode} ${table.billingMode}`);
  }
  if (facts.length > 0) {
    parts.push(facts.join(' · '));
  }
  if (table.indexes.length === 0) {
    parts.push(table.indexesKnown ? labels.noIndexes : '');
  } else {
    const listed = table.indexes.slice(0, LISTED_INDEXES).map((entry) => indexLine(labels, entry, link));
    const more = table.indexes.length - listed.length;
    parts.push([`${labels.indexes}:`, ...listed, ...(more > 0 ? [`- ${labels.more(more)}`] : [])].join('\n'));
  }
  if (index) {
    parts.push(index.kind === 'gsi' ? labels.readsGsi(strong(index.name)) : labels.readsLsi(strong(index.name)));
  }
  return parts.filter((part) => part !== '').join('\n\n');
}
