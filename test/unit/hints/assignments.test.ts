/** Assignment operators as the lexer leaves them: compound operators and updates span two tokens. */
import * as assert from 'node:assert/strict';
import { assignmentAt } from '../../../src/hints/engine/code/assignments';
import { CodeAnalyzer } from '../../../src/hints/engine/code/analyzer';
import { go } from '../../../src/hints/engine/code/languages/go';
import { javascript } from '../../../src/hints/engine/code/languages/javascript';
import { python } from '../../../src/hints/engine/code/languages/python';
import { CodeLanguage } from '../../../src/hints/engine/code/language';
import { LineIndex } from '../../../src/hints/engine/text';

/** The width of the operator right after the first name of `code`. */
function widthAfterName(language: CodeLanguage, code: string): number {
  return assignmentAt(new CodeAnalyzer(code, language, new LineIndex(code)), 1);
}

describe('assignment operators', () => {
  it('reads plain, compound and update operators, one token or two written together', () => {
    for (const code of ['x = 1', 'x += 1', 'x -= 1', 'x ||= y', 'x ??= y', 'x &&= y', 'x *= 2', 'x /= 2', 'x **= 2', 'x <<= 1', 'x |= y', 'x++', 'x--']) {
      assert.ok(widthAfterName(javascript, code) > 0, code);
    }
    assert.equal(widthAfterName(javascript, 'x ||= y'), 2);
    assert.equal(widthAfterName(python, 'x |= extra'), 2);
    assert.equal(widthAfterName(go, 'x := 1'), 1);
    assert.equal(widthAfterName(go, 'n++'), 2);
  });

  it('does not take comparisons, arrows or operators written apart for assignments', () => {
    for (const code of ['x == y', 'x === y', 'x !== y', 'x <= y', 'x >= y', 'x => y', 'x || y', 'x | = y', 'x + +y', 'x - -y', 'x + y']) {
      assert.equal(widthAfterName(javascript, code), 0, code);
    }
    assert.equal(widthAfterName(python, 'x == y'), 0);
  });
});
