/**
 * A module-level instance of a PynamoDB model (`item = ItemModel()` in `app/crud/crud_item.py`, passed on by the
 * package's `__init__.py`): importers call the model's class methods through it (`crud.item.get(item_id)`), so
 * those calls get the model's operations, and what its `get` gives is an instance of the model; an instance of a plain class, or of a model another module declares,
 * stays silent.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const CRUD = sourceLines(
  'from pynamodb.attributes import UnicodeAttribute',
  'from pynamodb.models import Model',
  '',
  'class ItemModel(Model):',
  '    class Meta:',
  '        table_name = "items"',
  '    item_id = UnicodeAttribute(hash_key=True)',
  '    status = UnicodeAttribute()',
  '',
  'class Cache:',
  '    def get(self, key):',
  '        return None',
  '',
  'item = ItemModel()',
  'cache = Cache()',
);

const ENDPOINTS = sourceLines(
  'from app import crud',
  'from app.crud.crud_item import item, cache',
  '',
  'def read_item(item_id):',
  '    return dict(crud.item.get(item_id))',
  '',
  'def read_items():',
  '    return [dict(found) for found in crud.item.scan()]',
  '',
  'def direct(item_id):',
  '    return item.get(item_id), cache.get(item_id), crud.cache.get(item_id)',
);

const files = { 'app/__init__.py': '', 'app/crud/__init__.py': 'from .crud_item import item, cache\n', 'app/crud/crud_item.py': CRUD, 'app/api/items.py': ENDPOINTS };

describe('a PynamoDB model instance another module binds', () => {
  it('gives the class methods called through it their operations, through the package that passes it on', () => {
    assert.deepEqual(
      hintsOfFile(files, 'app/api/items.py').filter((hint) => /^\d+:\w+ dynamodb-/.test(hint)),
      ['11:get dynamodb-get-item', '5:get dynamodb-get-item', '8:scan dynamodb-scan'],
    );
  });

  it('reads what its get and scan give as instances of the model, and a member of one as none', () => {
    const routes = sourceLines(
      'from app import crud',
      '',
      'def close(item_id):',
      '    found = crud.item.get(item_id)',
      '    found.update(actions=[crud.item.status.set("closed")])',
      '    for row in crud.item.scan():',
      '        print(row.status)',
      '    status = crud.item.get(item_id).status',
      '    status.save()',
    );
    assert.deepEqual(
      hintsOfFile({ ...files, 'app/api/close.py': routes }, 'app/api/close.py').filter((hint) => /^\d+:\w+ dynamodb-/.test(hint)),
      ['4:get dynamodb-get-item', '5:update dynamodb-update-item', '6:scan dynamodb-scan', '8:get dynamodb-get-item'],
    );
  });

  it('stays silent without the workspace, and on a plain instance of a PynamoDB module', () => {
    assert.deepEqual(hintsOfFile(files, 'app/api/items.py', null).filter((hint) => hint.includes('dynamodb-')), []);
  });
});
