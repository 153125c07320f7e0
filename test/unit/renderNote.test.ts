import * as assert from 'node:assert/strict';
import { renderMarkdown, renderNoteBody } from '../../src/content/compiler/renderContent';
import { classifyLink, jsonForScriptElement, renderNote } from '../../src/notes/renderNote';
import { sampleCatalog } from '../support/sampleCatalog';

describe('note rendering', () => {
  it('escapes raw HTML and script tags instead of rendering them', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n<div onclick="x()">block</div>');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<div onclick/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;div onclick=&quot;x\(\)&quot;&gt;block&lt;\/div&gt;/);
  });

  it('makes javascript:, data:, command: and http: links inert', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](data:text/html,<b>x</b>) [c](command:workbench.action.terminal.new) [d](http://example.com) [e](file:///etc/passwd)',
    );
    // markdown-it leaves javascript:, data: and file: links as plain text; we turn the rest into spans.
    assert.doesNotMatch(html, /<a /);
    assert.doesNotMatch(html, /href/);
    assert.equal((html.match(/class="dead-link"/g) ?? []).length, 2);
  });

  it('does not render images, which could load remote content', () => {
    const html = renderMarkdown('![tracker](https://example.com/pixel.png)');
    assert.doesNotMatch(html, /<img/);
  });

  it('turns note links and https links into data attributes for the host', () => {
    const html = renderMarkdown('[keys](note:dynamodb-keys) and [docs](https://docs.aws.amazon.com/x.html)');
    assert.match(html, /<a href="#" data-note="dynamodb-keys" class="note-link">keys<\/a>/);
    assert.match(html, /<a href="https:\/\/docs.aws.amazon.com\/x.html" data-external="https:\/\/docs.aws.amazon.com\/x.html" class="external-link">docs<\/a>/);
  });

  it('classifies only note ids and https URLs as followable', () => {
    assert.deepEqual(classifyLink('note:rds-proxy'), { kind: 'note', noteId: 'rds-proxy' });
    assert.deepEqual(classifyLink('https://docs.aws.amazon.com/'), { kind: 'external', url: 'https://docs.aws.amazon.com/' });
    assert.equal(classifyLink('note:../../etc'), undefined);
    assert.equal(classifyLink('http://docs.aws.amazon.com/'), undefined);
    assert.equal(classifyLink('vscode://settings'), undefined);
  });

  it('renders seed-correction callouts with a visible label', () => {
    const html = renderMarkdown('> [!SEED]\n> The seed says X. In fact Y.');
    assert.match(html, /<blockquote class="callout callout-seed" role="note" aria-label="Seed correction">/);
    assert.match(html, /<p class="callout-title">Seed correction<\/p>/);
    assert.match(html, /<p>The seed says X. In fact Y.<\/p>/);
    assert.doesNotMatch(html, /\[!SEED\]/);
  });

  it('leaves ordinary blockquotes alone', () => {
    const html = renderMarkdown('> just a quote');
    assert.match(html, /<blockquote>\n<p>just a quote<\/p>/);
  });

  it('decodes every named character reference at build time, and leaves code as written', () => {
    const html = renderMarkdown('a &rarr; b&zwnj;c `&rarr;`');
    assert.match(html, /a → b\u200cc <code>&amp;rarr;<\/code>/);
  });

  it('wraps tables so that wide ones scroll', () => {
    const html = renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |');
    assert.match(html, /<div class="table-wrap"><table>/);
  });

  it('renders a whole note with breadcrumb, related notes and sources', () => {
    const catalog = sampleCatalog();
    const rendered = renderNote(catalog.note('dynamodb-keys')!, catalog);
    assert.equal(rendered.title, 'Title of dynamodb-keys');
    assert.match(rendered.html, /<p class="breadcrumb">Amazon DynamoDB › Data modeling<\/p>/);
    assert.match(rendered.html, /<h1 id="note-title">Title of dynamodb-keys<\/h1>/);
    assert.match(rendered.html, /<h2 id="related-heading">Related notes<\/h2>/);
    assert.match(rendered.html, /data-note="dynamodb-indexes" class="note-link">Title of dynamodb-indexes<\/a>/);
    assert.match(rendered.html, /<h2 id="sources-heading">Sources<\/h2>/);
    assert.match(rendered.html, /data-external="https:\/\/docs.aws.amazon.com\/amazondynamodb\/latest\/developerguide\/Introduction.html"/);
  });

  it('lists every https link of the note, and only those, for the host to open', () => {
    const catalog = sampleCatalog();
    const { id, service, section, title, summary, sources, related } = catalog.note('dynamodb-keys')!;
    const note = renderNoteBody({ id, service, section, title, summary, sources, related, body: 'Keys.\n\n[docs](https://docs.aws.amazon.com/x.html) [bad](http://example.com) [other](note:dynamodb-indexes)' });
    const rendered = renderNote(note, catalog);
    const shown = [...rendered.html.matchAll(/data-external="([^"]+)"/g)].map((match) => match[1].replace(/&#38;/g, '&'));
    assert.ok(rendered.externalLinks.has('https://docs.aws.amazon.com/x.html'));
    assert.ok(rendered.externalLinks.has('https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Introduction.html'));
    assert.deepEqual([...rendered.externalLinks].sort(), [...new Set(shown)].sort());
    assert.ok(!rendered.externalLinks.has('http://example.com'));
  });

  it('escapes titles and summaries', () => {
    const catalog = sampleCatalog();
    const note = { ...catalog.note('rds-multi-az')!, title: '<b>x</b>', summary: '"quoted" & <i>' };
    const rendered = renderNote(note, catalog);
    assert.match(rendered.html, /&#60;b&#62;x&#60;\/b&#62;/);
    assert.doesNotMatch(rendered.html, /<b>x<\/b>/);
  });

  it('embeds the first note as JSON that cannot close its script element', () => {
    const value = { html: '</script><script>alert(1)</script><!-- x' };
    const json = jsonForScriptElement(value);
    assert.doesNotMatch(json, /<\/script/i);
    assert.doesNotMatch(json, /<!--/);
    assert.deepEqual(JSON.parse(json), value);
  });
});
