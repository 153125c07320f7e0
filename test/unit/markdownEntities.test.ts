import * as assert from 'node:assert/strict';
import { decodeHTML as realDecode } from 'entities';
import { decodeHTML, NAMED_ENTITIES } from '../../src/notes/markdownEntities';

describe('bundled entity decoder', () => {
  it('decodes every supported name exactly as the entities package does', () => {
    for (const name of Object.keys(NAMED_ENTITIES)) {
      assert.equal(decodeHTML(`&${name};`), realDecode(`&${name};`), name);
    }
  });

  it('leaves unsupported references as written', () => {
    assert.equal(decodeHTML('&zwnj;'), '&zwnj;');
  });
});
