/**
 * Renders the catalog's markdown to HTML at build time, with one markdown-it instance, so that the
 * extension ships HTML and no markdown renderer. Sanitising is here and unit-tested: raw HTML is
 * escaped, images are off, and only https links and links to other notes survive; both become data
 * attributes the webviews hand to the host's checked handlers. Code blocks are highlighted here too.
 */
import MarkdownIt from 'markdown-it';
import type { Options, Renderer, StateCore, Token } from 'markdown-it';
import { classifyLink } from '../../notes/renderNote';
import { highlights, highlightSource } from './highlight';
import { Catalog, ChoiceItem, MarkdownCatalog, MarkdownChoiceItem, MarkdownNote, MarkdownQuestion, Note, Question } from '../types';

export const CALLOUTS = {
  SEED: 'Seed correction',
  TIP: 'Tip',
  NOTE: 'Note',
  WARNING: 'Warning',
} as const;
type CalloutKind = keyof typeof CALLOUTS;
const CALLOUT_MARKER = /^\[!(SEED|TIP|NOTE|WARNING)\]\s*/;

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

interface RenderEnv {
  openLinkTag?: string;
  /** Collects the https links the text shows: the only ones a note panel opens for it. */
  externalLinks?: Set<string>;
}

function createMarkdown(): MarkdownIt {
  const md: MarkdownIt = new MarkdownIt({
    html: false,
    linkify: false,
    typographer: false,
    // A fence in a known language comes out highlighted (and escaped by highlight.js); others markdown-it escapes itself.
    highlight: (code, language) =>
      highlights(language) ? `<pre><code class="hljs language-${md.utils.escapeHtml(language)}">${highlightSource(code, language)}</code></pre>` : '',
  });
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

let markdown: MarkdownIt | undefined;

/** Sanitised HTML of a markdown text; the https links it shows are added to `externalLinks`. */
export function renderMarkdown(source: string, externalLinks?: Set<string>): string {
  markdown ??= createMarkdown();
  return markdown.render(source, { externalLinks } satisfies RenderEnv);
}

/** A one-line text (a question, an option, a key point) without the paragraph around it. */
export function renderInline(source: string): string {
  return renderMarkdown(source).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

export function renderNoteBody(note: MarkdownNote): Note {
  const { body, ...rest } = note;
  const links = new Set<string>();
  return { ...rest, bodyHtml: renderMarkdown(body, links), bodyLinks: [...links] };
}

export function renderQuestion(question: MarkdownQuestion): Question {
  const { question: text, answer, keyPoints, wrongAnswers, ...rest } = question;
  return {
    ...rest,
    questionHtml: renderInline(text),
    answerHtml: renderMarkdown(answer),
    keyPointsHtml: keyPoints.map(renderInline),
    wrongAnswersHtml: wrongAnswers.map(renderInline),
  };
}

export function renderChoice(choice: MarkdownChoiceItem): ChoiceItem {
  const { question, options, explanation, ...rest } = choice;
  return {
    ...rest,
    questionHtml: renderInline(question),
    options: options.map((option) => ({ html: renderInline(option.text), correct: option.correct })),
    explanationHtml: renderMarkdown(explanation),
  };
}

/** The catalog the extension ships: every markdown text rendered. */
export function renderCatalog(catalog: MarkdownCatalog): Catalog {
  return {
    services: catalog.services,
    notes: catalog.notes.map(renderNoteBody),
    questions: catalog.questions.map(renderQuestion),
    choices: catalog.choices.map(renderChoice),
  };
}
