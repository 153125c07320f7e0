/** C# strings as the lexer reads them: interpolated (`$"..."`) and verbatim (`@"..."`) strings are one token each. */
import * as assert from 'node:assert/strict';
import { lex } from '../../../src/hints/engine/lexer';

/** Each string token of `code`: its text and whether it is interpolated. */
function strings(code: string): [string, boolean][] {
  const { tokens } = lex(code, 'csharp');
  const found: [string, boolean][] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (tokens.kinds[k] === 2) {
      found.push([tokens.text(k), tokens.interpolated(k)]);
    }
  }
  return found;
}

describe('C# strings', () => {
  it('reads $"..." as one interpolated string, with no name before it', () => {
    const { tokens } = lex('var cs = $"{host}:6379,password={pw},ssl=False";', 'csharp');
    assert.deepEqual(strings('var cs = $"{host}:6379,password={pw},ssl=False";'), [['{host}:6379,password={pw},ssl=False', true]]);
    assert.equal(tokens.text(2), '=');
    assert.equal(tokens.kinds[3], 2);
    assert.equal(tokens.length, 5);
  });

  it('reads verbatim and interpolated verbatim strings, with doubled quotes inside', () => {
    assert.deepEqual(strings('a = @"C:\\dir ""quoted"""; b = $@"{x}\\y"; c = @$"{y}";'), [
      ['C:\\dir ""quoted""', false],
      ['{x}\\y', true],
      ['{y}', true],
    ]);
  });

  it('keeps a plain string literal, and a $ that starts no string', () => {
    assert.deepEqual(strings('var p = "Password=secret"; var d = $ + "x";'), [
      ['Password=secret', false],
      ['x', false],
    ]);
  });
});
