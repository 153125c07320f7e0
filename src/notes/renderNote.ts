/**
 * A note panel's article from a note the build rendered (src/content/compiler/renderContent.ts):
 * header, body, related notes and sources. Pure (no `vscode`): the only links it keeps are links to
 * notes and https links, as data attributes the webview hands to the host's checked handler.
 */
import { CatalogIndex } from '../content/catalogIndex';
import { Note, Source } from '../content/types';

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
  const externalLinks = new Set<string>(note.bodyLinks);
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
    `<div class="note-body">${note.bodyHtml}</div>`,
    related ? `<nav class="related" aria-labelledby="related-heading"><h2 id="related-heading">Related notes</h2><ul>\n${related}\n</ul></nav>` : '',
    renderSources(note.sources, externalLinks),
  ].join('\n');
  return { noteId: note.id, title: note.title, html, externalLinks };
}
