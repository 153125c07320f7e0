/** Where an option's value ends: at the next comma of its depth, but not at one between a constructed type's type arguments. */
import * as assert from 'node:assert/strict';
import { CodeAnalyzer } from '../../../src/hints/engine/code/analyzer';
import { csharp } from '../../../src/hints/engine/code/languages/csharp';
import { typescript } from '../../../src/hints/engine/code/languages/javascript';
import { CodeLanguage } from '../../../src/hints/engine/code/language';
import { valueEnd } from '../../../src/hints/engine/code/options';
import { LineIndex } from '../../../src/hints/engine/text';

/** The text of the value that starts right after the first `=` or `:` of `code`'s outer braces. */
function valueText(language: CodeLanguage, code: string): string {
  const a = new CodeAnalyzer(code, language, new LineIndex(code));
  a.bind();
  let open = 0;
  while (!a.is(open, '{')) {
    open++;
  }
  let start = open;
  while (!a.is(start, '=') && !a.is(start, ':')) {
    start++;
  }
  const end = valueEnd(a, start + 1, a.partner[open]);
  return code.slice(a.tokens.starts[start + 1], a.tokens.ends[end - 1]);
}

describe('option values', () => {
  it("run past the commas of a C# constructed type's type arguments, to the comma after the value", () => {
    const code = 'var r = new QueryRequest { ExpressionAttributeValues = new Dictionary<string, AttributeValue> { { ":pk", v } }, IndexName = "byStatus" };';
    assert.equal(valueText(csharp, code), 'new Dictionary<string, AttributeValue> { { ":pk", v } }');
    const qualified = 'var r = new X { Map = new System.Collections.Generic.Dictionary<string, List<int>>(), Other = 1 };';
    assert.equal(valueText(csharp, qualified), 'new System.Collections.Generic.Dictionary<string, List<int>>()');
  });

  it('end at a comma after a comparison, which is no type argument list', () => {
    assert.equal(valueText(typescript, 'const o = { a: x < y, b: z > w };'), 'x < y');
    assert.equal(valueText(typescript, 'const o = { a: new Map<string, number>(), b: 1 };'), 'new Map<string, number>()');
  });
});
