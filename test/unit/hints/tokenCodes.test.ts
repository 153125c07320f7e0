/**
 * Token codes stand in for the text comparisons of the passes, so they must agree with them on every
 * token: a code is set exactly where the token reads that word or punctuation. Checked on every corpus
 * file in its own language family, and on the shapes where a code could be given wrongly.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Family, lex, TOKEN_KIND } from '../../../src/hints/engine/lexer';
import { codeOf, codeSet, TWO_CHAR_PUNCT } from '../../../src/hints/engine/tokenCodes';
import { lineStarts } from '../../../src/hints/engine/code/tokenTables';

const CORPUS = path.join(__dirname, '../../fixtures/hints/realworld');
const FAMILIES: Record<string, Family> = { ts: 'js', js: 'js', py: 'python', java: 'java', go: 'go', cs: 'csharp', tf: 'hcl', json: 'json' };
const WORDS = ['function', 'class', 'const', 'let', 'var', 'return', 'new', 'import', 'require', 'def', 'for', 'in', 'of', 'await', 'as', 'func', 'yield', 'lambda', 'extends', 'where'];
const PUNCTUATION = ['(', ')', '{', '}', '[', ']', '=', ':', ',', ';', '.', '<', '?', ...TWO_CHAR_PUNCT];

function corpusFiles(): { file: string; family: Family }[] {
  return fs.readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).flatMap((file) => {
    const family = FAMILIES[path.extname(file).slice(1)];
    return family && !file.endsWith('labels.json') ? [{ file: path.join(CORPUS, file), family }] : [];
  });
}

describe('token codes', () => {
  it('agree with the token text on every token of the corpus', () => {
    const texts = [...WORDS, ...PUNCTUATION].map((text) => ({ text, code: codeOf(text) }));
    let checked = 0;
    for (const { file, family } of corpusFiles()) {
      const { tokens } = lex(fs.readFileSync(file, 'utf8'), family);
      for (let i = 0; i < tokens.length; i++) {
        for (const { text, code } of texts) {
          if ((tokens.codes[i] === code) !== tokens.is(i, text)) {
            assert.fail(`${path.relative(CORPUS, file)} token ${i} (${tokens.text(i)}): code ${tokens.codes[i]}, text ${text}`);
          }
        }
        checked++;
      }
    }
    assert.ok(checked > 50_000, `${checked} tokens checked`);
  });

  it('are never given to strings, comments, longer names or member names that only start like a word', () => {
    const { tokens } = lex('const functional = "function"; // class\nreturns.returned(x) ?? y?.z', 'js');
    const texts = Array.from({ length: tokens.length }, (_, i) => tokens.text(i));
    assert.deepEqual(texts, ['const', 'functional', '=', 'function', ';', 'returns', '.', 'returned', '(', 'x', ')', '??', 'y', '?.', 'z']);
    assert.equal(tokens.codes[0], codeOf('const'));
    assert.equal(tokens.codes[1], 0);
    assert.equal(tokens.kinds[3], TOKEN_KIND.STR);
    assert.equal(tokens.codes[3], 0, 'a string reading "function"');
    assert.equal(tokens.codes[5], 0);
    assert.equal(tokens.codes[7], 0);
    assert.equal(tokens.codes[11], codeOf('??'));
    assert.equal(tokens.codes[13], codeOf('?.'));
  });

  it('refuse text without a code, so that a mistyped constant fails when its module loads', () => {
    assert.throws(() => codeOf('fucntion'), /no token code/);
    assert.throws(() => codeSet(['if', 'iff']), /no token code/);
  });
});

describe('line starts', () => {
  it('mark the tokens after a newline, in whitespace, in a comment or at the end of a multi-line string', () => {
    const text = 'a b\n  c /* one\n two */ d `x\ny` e\n\n\nf';
    const { tokens } = lex(text, 'js');
    const starts = lineStarts(text, tokens);
    const marked = Array.from({ length: tokens.length }, (_, i) => `${tokens.text(i)}${starts[i] === 1 ? '^' : ''}`);
    assert.deepEqual(marked, ['a^', 'b', 'c^', 'd^', 'x\ny', 'e', 'f^']);
  });
});
