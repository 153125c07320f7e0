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

  it('knows the languages the notes use', () => {
    for (const language of ['bash', 'python', 'yaml', 'ts', 'json', 'java', 'go', 'csharp', 'sql']) {
      assert.doesNotThrow(() => highlightSource('x', language), language);
    }
  });
});
