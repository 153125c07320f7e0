/** The Content Security Policy of our webview pages (BRIEF §9), on the pure page builder. */
import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, pageHtml } from '../../src/webview/pageHtml';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'the page has a CSP meta element');
  return match[1].replace(/&#39;/g, "'");
}

describe('webview page', () => {
  it('allows nothing by default, styles and fonts from our own origin, and our script only by nonce', () => {
    const html = pageHtml({ cspSource: CSP_SOURCE, language: 'en', title: 'Note', styleUris: [`${CSP_SOURCE}/media/note.css`], script: { uri: `${CSP_SOURCE}/dist/webview/note.js`, nonce: 'abc123' }, body: '<main></main>' });
    assert.equal(cspOf(html), `default-src 'none'; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}; script-src 'nonce-abc123'`);
    assert.match(html, /<script nonce="abc123" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/dist\/webview\/note\.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'no other script element');
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|\*/);
  });

  it('allows no script at all on a page without one', () => {
    const html = pageHtml({ cspSource: CSP_SOURCE, language: 'de', title: 'Card', styleUris: [], body: '<p>x</p>' });
    assert.equal(cspOf(html), `default-src 'none'; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}`);
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /<html lang="de">/);
    assert.equal(contentSecurityPolicy(CSP_SOURCE), `default-src 'none'; style-src ${CSP_SOURCE}; font-src ${CSP_SOURCE}`);
  });

  it('escapes the title', () => {
    const html = pageHtml({ cspSource: CSP_SOURCE, language: 'en', title: '</title><script>alert(1)</script>', styleUris: [], body: '' });
    assert.doesNotMatch(html, /<script>alert/);
  });
});
