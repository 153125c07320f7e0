import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { highlights, highlightSource } from '../../src/content/compiler/highlight';
import { renderMarkdown } from '../../src/content/compiler/renderContent';

/** Fence languages shown as plain text on purpose: a note that shows markdown source. */
const PLAIN_TEXT = new Set(['markdown', 'text']);

function noteFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? noteFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

describe('note code highlighting', () => {
  it('marks up keywords and strings for the theme colours', () => {
    const html = highlightSource("const table = 'orders';", 'ts');
    assert.match(html, /<span class="hljs-keyword">const<\/span>/);
    assert.match(html, /<span class="hljs-string">&#x27;orders&#x27;<\/span>/);
  });

  it('escapes HTML in code, so highlighted output is safe to insert', () => {
    const html = highlightSource('echo "<script>alert(1)</script>"', 'bash');
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;script&gt;/);
  });

  it('renders a fenced block highlighted, and a block in another language escaped as plain text', () => {
    const html = renderMarkdown("```ts\nconst table = '<orders>';\n```\n\n```sql\nSELECT '<x>';\n```\n");
    assert.match(html, /<pre><code class="hljs language-ts"><span class="hljs-keyword">const<\/span>/);
    assert.match(html, /&#x27;&lt;orders&gt;&#x27;/);
    assert.match(html, /<pre><code class="language-sql">SELECT '&lt;x&gt;';/);
    assert.doesNotMatch(html, /<orders>|<x>/);
  });

  it('highlights every language the notes write code blocks in', () => {
    const used = new Set<string>();
    for (const file of noteFiles(path.resolve(__dirname, '../../content'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/^[ \t]*(?:```|~~~)[ \t]*([\w+-]+)/gm)) {
        used.add(match[1].toLowerCase());
      }
    }
    const unknown = [...used].filter((language) => !highlights(language) && !PLAIN_TEXT.has(language));
    assert.deepEqual(unknown, [], 'a note uses a language the build does not highlight: add it in src/content/compiler/highlight.ts');
    assert.ok(used.has('ts') && used.has('bash'), [...used].join(', '));
    for (const language of ['javascript', 'js', 'sh', 'py', 'yml']) {
      assert.ok(highlights(language), language);
    }
  });
});
