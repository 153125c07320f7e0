/**
 * Renders notes to HTML with the extension's one markdown-it instance. Pure (no `vscode`), so that
 * sanitising is unit-tested: raw HTML is escaped, images are off, and only https links and links to
 * other notes survive; both become data attributes the webview hands to the host's checked handler.
 */
import MarkdownIt from 'markdown-it';
import type { Options, Renderer, StateCore, Token } from 'markdown-it';
import { CatalogIndex } from '../content/catalogIndex';
import { Note, Source } from '../content/types';

export const CALLOUTS = {
  SEED: 'Seed correction',
  TIP: 'Tip',
  NOTE: 'Note',
  WARNING: 'Warning',
} as const;
type CalloutKind = keyof typeof CALLOUTS;
const CALLOUT_MARKER = /^\[!(SEED|TIP|NOTE|WARNING)\]\s*/;

export type LinkTarget = { kind: 'note'; noteId: string } | { kind: 'external'; url: string };

/** Classifies a link found in content; anything other than a note or an https URL is not followable. */
export function classifyLink(href: string): LinkTarget | undefined {
  if (href.startsWith('note:')) {
    const noteId = href.slice('note:'.length);
    return /^[a-z0-9-]+$/.test(noteId) ? { kind: 'note', noteId } : undefined;
  }
  try {
    const url = new URL(href);
    return url.protocol === 'https:' ? { kind: 'external', url: url.href } : undefined;
  } catch {
    return undefined;
  }
}

/** Turns `> [!SEED]` blockquotes into callouts: a class on the blockquote and a visible label. */
function calloutRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'blockquote_open') {
      continue;
    }
    const inline = tokens[i + 2];
    if (tokens[i + 1]?.type !== 'paragraph_open' || inline?.type !== 'inline') {
      continue;
    }
    const match = CALLOUT_MARKER.exec(inline.content);
    if (!match) {
      continue;
    }
    const kind = match[1] as CalloutKind;
    tokens[i].attrJoin('class', `callout callout-${kind.toLowerCase()}`);
    tokens[i].attrSet('role', 'note');
    tokens[i].attrSet('aria-label', CALLOUTS[kind]);
    inline.content = inline.content.slice(match[0].length);
    const children = inline.children ?? [];
    if (children[0]?.type === 'text') {
      children[0].content = children[0].content.replace(CALLOUT_MARKER, '');
      if (children[0].content === '') {
        // The marker stood alone on its line: drop it and the line break after it.
        children.splice(0, children[1]?.type === 'softbreak' ? 2 : 1);
      }
    }
    const label = new state.Token('html_block', '', 0);
    label.content = `<p class="callout-title">${CALLOUTS[kind]}</p>\n`;
    tokens.splice(i + 1, 0, label);
  }
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable(['image']);
  md.core.ruler.push('aws_db_callouts', calloutRule);

  const renderToken = (tokens: Token[], idx: number, options: Options, self: Renderer): string => self.renderToken(tokens, idx, options);

  // Links cannot nest in markdown, so the env remembers which tag the open link used.
  md.renderer.rules.link_open = (tokens, idx, options, env: RenderEnv, self) => {
    const token = tokens[idx];
    const target = classifyLink(token.attrGet('href') ?? '');
    if (!target) {
      token.tag = 'span';
      token.attrs = [['class', 'dead-link']];
    } else if (target.kind === 'note') {
      token.attrs = [['href', '#'], ['data-note', target.noteId], ['class', 'note-link']];
    } else {
      token.attrs = [['href', target.url], ['data-external', target.url], ['class', 'external-link']];
      env.externalLinks?.add(target.url);
    }
    env.openLinkTag = token.tag;
    return renderToken(tokens, idx, options, self);
  };
  md.renderer.rules.link_close = (tokens, idx, options, env: RenderEnv, self) => {
    tokens[idx].tag = env.openLinkTag ?? 'a';
    return renderToken(tokens, idx, options, self);
  };
  md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  return md;
}

interface RenderEnv {
  openLinkTag?: string;
  /** Collects the https links the page shows: the only ones the host will open for it. */
  externalLinks?: Set<string>;
}

let markdown: MarkdownIt | undefined;

/** The extension's markdown-it instance, created on first render. */
export function renderMarkdown(source: string, externalLinks?: Set<string>): string {
  markdown ??= createMarkdown();
  return markdown.render(source, { externalLinks } satisfies RenderEnv);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element: no `</script>` or `<!--` in it can end or change it. */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function renderSources(sources: readonly Source[], externalLinks: Set<string>): string {
  const items = sources
    .map((source) => {
      const target = classifyLink(source.url);
      const title = escapeHtml(source.title);
      if (target?.kind === 'external') {
        externalLinks.add(target.url);
      }
      return target?.kind === 'external'
        ? `<li><a href="${escapeHtml(target.url)}" data-external="${escapeHtml(target.url)}" class="external-link">${title}</a></li>`
        : `<li>${title}</li>`;
    })
    .join('\n');
  return `<section class="sources" aria-labelledby="sources-heading"><h2 id="sources-heading">Sources</h2><ul>\n${items}\n</ul></section>`;
}

export interface RenderedNote {
  noteId: string;
  title: string;
  html: string;
  /** Every https link in `html`: the note panel opens these and no other URL. */
  externalLinks: ReadonlySet<string>;
}

/** The article body of a note panel: title, summary, body, related notes and sources. */
export function renderNote(note: Note, catalog: CatalogIndex): RenderedNote {
  const externalLinks = new Set<string>();
  const location = catalog.sectionOf(note.section);
  const breadcrumb = location ? `${escapeHtml(location.service.title)} › ${escapeHtml(location.section.title)}` : '';
  const related = note.related
    .map((id) => catalog.note(id))
    .filter((relatedNote): relatedNote is Note => !!relatedNote)
    .map((relatedNote) => `<li><a href="#" data-note="${relatedNote.id}" class="note-link">${escapeHtml(relatedNote.title)}</a></li>`)
    .join('\n');
  const html = [
    `<header><p class="breadcrumb">${breadcrumb}</p><h1 id="note-title">${escapeHtml(note.title)}</h1>`,
    `<p class="summary">${escapeHtml(note.summary)}</p></header>`,
    `<div class="note-body">${renderMarkdown(note.body, externalLinks)}</div>`,
    related ? `<nav class="related" aria-labelledby="related-heading"><h2 id="related-heading">Related notes</h2><ul>\n${related}\n</ul></nav>` : '',
    renderSources(note.sources, externalLinks),
  ].join('\n');
  return { noteId: note.id, title: note.title, html, externalLinks };
}
