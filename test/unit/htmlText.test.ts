import * as assert from 'node:assert/strict';
import { renderInline, renderMarkdown } from '../../src/content/compiler/renderContent';
import { textOf } from '../../src/content/htmlText';
import { realCatalog } from '../support/realCatalog';

describe('text of rendered content', () => {
  it('drops tags and decodes what the renderer escapes', () => {
    assert.equal(textOf(renderInline('Does `Scan` read <b>all</b> items & "pages"?')), 'Does Scan read <b>all</b> items & "pages"?');
    assert.equal(textOf(renderMarkdown('See [the guide](https://docs.aws.amazon.com/x.html).\n\n| a | b |\n| - | - |\n| 1 | 2 |')).replace(/\s+/g, ' ').trim(), 'See the guide. a b 1 2');
  });

  it('leaves no markup in the prompts and options the quiz shows in Quick Pick', () => {
    const catalog = realCatalog();
    const texts = [...catalog.questions.map((question) => question.questionHtml), ...catalog.choices.flatMap((choice) => [choice.questionHtml, ...choice.options.map((option) => option.html)])].map(textOf);
    assert.ok(texts.length > 300, `${texts.length} texts`);
    for (const text of texts) {
      assert.doesNotMatch(text, /<\/?[a-z]+[ >]|&(amp|lt|gt|quot);/, text);
    }
  });
});
