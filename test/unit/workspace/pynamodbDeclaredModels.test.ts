/**
 * A name declared with a PynamoDB model class: a generic service's class attribute (`model: BaseModel`, which each
 * subclass sets to its model) read through `cls.model`, whose class methods (`get`, `scan`, `query`) an instance has
 * too and whose call makes an item; a local declared with a model keeps the item its value fetched. Silent: a class
 * attribute declared with a plain class, and no workspace to show the imported class is a model.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const MODELS = sourceLines(
  'from pynamodb.attributes import UnicodeAttribute',
  'from pynamodb.models import Model',
  '',
  '',
  'class BaseModel(Model):',
  '    uid = UnicodeAttribute(hash_key=True)',
  '    owner = UnicodeAttribute(range_key=True)',
  '',
  '',
  'class Trade(BaseModel):',
  '    class Meta:',
  '        table_name = "trades"',
);

const SERVICE = sourceLines(
  'from app.models import BaseModel, Trade',
  '',
  '',
  'class BaseService:',
  '    model: BaseModel',
  '',
  '    @classmethod',
  '    def one(cls, uid, owner):',
  '        return cls.model.get(uid, owner)',
  '',
  '    @classmethod',
  '    def of_owner(cls, owner):',
  '        return [t.attribute_values for t in cls.model.scan(cls.model.owner == owner)]',
  '',
  '    @classmethod',
  '    def create(cls, payload):',
  '        item = cls.model(**payload)',
  '        item.save()',
  '        return item',
  '',
  '',
  'def drop(uid, owner):',
  '    trade: Trade = Trade.get(uid, owner)',
  '    trade.delete()',
);

const hints = (files: Record<string, string>, view?: null): string[] => hintsOfFile(files, 'app/service.py', view).filter((hint) => /^\d+:\w+ dynamodb-/.test(hint));

describe('a name declared with a PynamoDB model class', () => {
  it('reads a generic service whose class attribute is declared with a model another module declares', () => {
    assert.deepEqual(hints({ 'app/models.py': MODELS, 'app/service.py': SERVICE }), [
      '13:scan dynamodb-scan',
      '18:save dynamodb-put-item',
      '23:get dynamodb-get-item',
      '24:delete dynamodb-delete-item',
      '9:get dynamodb-get-item',
    ]);
  });

  it('stays silent alone, where nothing shows the imported class is a model', () => {
    assert.deepEqual(hints({ 'app/models.py': MODELS, 'app/service.py': SERVICE }, null), []);
  });

  it('reads a class attribute declared with a model of the same file, not one declared with a plain class', () => {
    const code = sourceLines(
      'from pynamodb.attributes import UnicodeAttribute',
      'from pynamodb.models import Model',
      '',
      '',
      'class Trade(Model):',
      '    uid = UnicodeAttribute(hash_key=True)',
      '',
      '',
      'class Form:',
      '    def get(self, key):',
      '        return key',
      '',
      '',
      'class Service:',
      '    model: Trade',
      '    form: Form',
      '',
      '    @classmethod',
      '    def one(cls, uid):',
      '        return cls.model.get(uid), cls.form.get(uid)',
    );
    assert.deepEqual(hintsIn('service.py', code), ['20:get dynamodb-get-item']);
  });
});
