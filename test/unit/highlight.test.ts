import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { highlights, highlightSource } from '../../media/src/highlight';

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

  it('highlights every language the notes write code blocks in, and loads no other', () => {
    const used = new Set<string>();
    for (const file of noteFiles(path.resolve(__dirname, '../../content'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/^[ \t]*(?:```|~~~)[ \t]*([\w+-]+)/gm)) {
        used.add(match[1].toLowerCase());
      }
    }
    const unknown = [...used].filter((language) => !highlights(language) && !PLAIN_TEXT.has(language));
    assert.deepEqual(unknown, [], 'a note uses a language the note panel does not highlight: add it in media/src/highlight.ts');
    assert.ok(used.has('ts') && used.has('bash'), [...used].join(', '));
    for (const language of ['javascript', 'js', 'sh', 'py', 'yml']) {
      assert.ok(highlights(language), language);
    }
    for (const unused of ['java', 'go', 'csharp', 'sql']) {
      assert.ok(!highlights(unused) && !used.has(unused), `${unused}: highlighted but in no note, or in a note and not highlighted`);
    }
  });
});
