import * as assert from 'node:assert/strict';
import { highlightSource } from '../../media/src/highlight';

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

  it('highlights JavaScript with the TypeScript grammar', () => {
    for (const language of ['javascript', 'js']) {
      const html = highlightSource("const cache = require('ioredis');", language);
      assert.match(html, /<span class="hljs-keyword">const<\/span>/, language);
      assert.match(html, /<span class="hljs-string">&#x27;ioredis&#x27;<\/span>/, language);
    }
  });

  it('knows the languages the notes use', () => {
    for (const language of ['bash', 'python', 'yaml', 'ts', 'js', 'json', 'java', 'go', 'csharp', 'sql']) {
      assert.doesNotThrow(() => highlightSource('x', language), language);
    }
  });
});
