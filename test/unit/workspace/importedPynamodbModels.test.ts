/**
 * A PynamoDB model class that another module of the workspace declares (`from app.models import Invoice`):
 * its class methods, and the instances the code gets from it, get the hovers a model of the same file gets.
 * Only where the workspace shows that module declaring a subclass of a PynamoDB model: a class of the same
 * name elsewhere, a plain class of a PynamoDB module, or no workspace leave the calls silent.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsOfFile } from './support';

const MODELS = [
  'import os',
  'from pynamodb.attributes import NumberAttribute, UnicodeAttribute',
  'from pynamodb.models import Model',
  '',
  '',
  'class BaseModel(Model):',
  '    class Meta:',
  '        region = os.environ.get("AWS_REGION")',
  '',
  '',
  'class Invoice(BaseModel):',
  '    class Meta:',
  '        table_name = "invoices"',
  '    customer = UnicodeAttribute(hash_key=True)',
  '    number = NumberAttribute(range_key=True)',
  '    status = UnicodeAttribute(null=True)',
  '',
  '',
  'class InvoiceView:',
  '    def __init__(self, invoice):',
  '        self.invoice = invoice',
].join('\n');

const VIEWS = [
  'from billing.models import Invoice, InvoiceView',
  '',
  '',
  'def list_invoices(customer):',
  '    return [InvoiceView(i) for i in Invoice.query(customer, filter_condition=Invoice.status == "open")]',
  '',
  '',
  'def close(customer, number):',
  '    invoice = Invoice.get(customer, number)',
  '    invoice.status = "closed"',
  '    invoice.save()',
  '',
  '',
  'def open_invoice(customer, number):',
  '    invoice = Invoice(customer=customer, number=number, status="open")',
  '    invoice.save()',
  '    for old in Invoice.scan(Invoice.status == "void"):',
  '        old.delete()',
  '',
  '',
  'def describe(invoice):',
  '    view = InvoiceView(invoice)',
  '    view.update()',
  '    return view',
].join('\n');

const hints = (files: Record<string, string>, view?: null): string[] => hintsOfFile(files, 'billing/views.py', view).filter((hint) => /^\d+:\w+ dynamodb-/.test(hint));

describe('a PynamoDB model another module declares', () => {
  it('gets the hovers of its class methods and of the instances the code gets from it', () => {
    // `close` gets an invoice, changes it and saves it whole with no condition: a read-modify-write.
    assert.deepEqual(hints({ 'billing/models.py': MODELS, 'billing/views.py': VIEWS }), [
      '11:save dynamodb-put-item',
      '11:save dynamodb-read-modify-write',
      '11:save dynamodb-read-modify-write!',
      '16:save dynamodb-put-item',
      '17:scan dynamodb-scan',
      '18:delete dynamodb-delete-item',
      '18:delete dynamodb-item-loop',
      '18:delete dynamodb-item-loop!',
      '5:filter_condition dynamodb-filter-expression',
      '5:query dynamodb-query',
      '9:get dynamodb-get-item',
    ]);
  });

  it('stays silent without the workspace, for a class that is no model, and for a class of the same name that is no model', () => {
    assert.deepEqual(hints({ 'billing/models.py': MODELS, 'billing/views.py': VIEWS }, null), []);
    const plain = MODELS.replace('class Invoice(BaseModel):', 'class Invoice:');
    assert.deepEqual(hints({ 'billing/models.py': plain, 'billing/views.py': VIEWS }), []);
    const withoutPynamodb = 'class Invoice:\n    @classmethod\n    def get(cls, *keys):\n        return cls()\n';
    assert.deepEqual(hints({ 'billing/models.py': withoutPynamodb, 'billing/views.py': VIEWS }), []);
  });

  it('follows a base model another module declares, through a package that passes it on, in the importing file and in the model\'s own', () => {
    const base = MODELS.split('\n\n\nclass Invoice(BaseModel):')[0];
    const invoice = sourceLines(
      'from pynamodb.attributes import NumberAttribute, UnicodeAttribute',
      '',
      'from billing.core import BaseModel',
      '',
      '',
      'class Invoice(BaseModel):',
      '    class Meta(BaseModel.Meta):',
      '        table_name = "invoices"',
      '    customer = UnicodeAttribute(hash_key=True)',
      '    number = NumberAttribute(range_key=True)',
      '    status = UnicodeAttribute(null=True)',
      '',
      '',
      'class InvoiceView:',
      '    def __init__(self, invoice):',
      '        self.invoice = invoice',
      '',
      '',
      'def first(customer):',
      '    return Invoice.get(customer, 1)',
    );
    const files = { 'billing/core/__init__.py': 'from .base import BaseModel\n', 'billing/core/base.py': base, 'billing/models.py': invoice, 'billing/views.py': VIEWS };
    assert.deepEqual(hints(files), ['11:save dynamodb-put-item', '11:save dynamodb-read-modify-write', '11:save dynamodb-read-modify-write!', '16:save dynamodb-put-item', '17:scan dynamodb-scan', '18:delete dynamodb-delete-item', '18:delete dynamodb-item-loop', '18:delete dynamodb-item-loop!', '5:filter_condition dynamodb-filter-expression', '5:query dynamodb-query', '9:get dynamodb-get-item']);
    assert.ok(hintsOfFile(files, 'billing/models.py').includes('20:get dynamodb-get-item'));
  });

  it('stays silent when the imported base is no model, is a pydantic model, or two modules import each other', () => {
    const invoice = MODELS.replace('from pynamodb.models import Model', 'from billing.core import BaseModel').replace('class BaseModel(Model):\n    class Meta:\n        region = os.environ.get("AWS_REGION")\n\n\n', '');
    const plainBase = 'class BaseModel:\n    pass\n';
    assert.deepEqual(hints({ 'billing/core.py': plainBase, 'billing/models.py': invoice, 'billing/views.py': VIEWS }), []);
    const pydantic = 'from pydantic import BaseModel\n';
    assert.deepEqual(hints({ 'billing/core.py': pydantic, 'billing/models.py': invoice, 'billing/views.py': VIEWS }), []);
    const cycle = 'from pynamodb.models import Model\nfrom billing.models import Invoice\n\n\nclass BaseModel(Invoice):\n    pass\n';
    assert.deepEqual(hints({ 'billing/core.py': cycle, 'billing/models.py': invoice, 'billing/views.py': VIEWS }), []);
  });

  it('follows a package that passes the model on, and a module imported whole', () => {
    const files = {
      'billing/models.py': MODELS,
      'billing/__init__.py': 'from .models import Invoice\n',
      'api/handler.py': 'import billing.models as models\nfrom billing import Invoice\n\ndef handle(event):\n    models.Invoice.get(event["customer"], 1).refresh()\n    return Invoice.get(event["customer"], 2)\n',
    };
    assert.deepEqual(
      hintsOfFile(files, 'api/handler.py').filter((hint) => /^\d+:\w+ dynamodb-/.test(hint)),
      ['5:get dynamodb-get-item', '5:refresh dynamodb-get-item', '6:get dynamodb-get-item'],
    );
  });

  it('reads the instance a model\'s get fetches, chained without a name, for a model of the same file too; not a dict\'s get', () => {
    const code = [
      'from pynamodb.attributes import UnicodeAttribute',
      'from pynamodb.models import Model',
      '',
      '',
      'class Tag(Model):',
      '    class Meta:',
      '        table_name = "tags"',
      '    name = UnicodeAttribute(hash_key=True)',
      '',
      '',
      'def drop(name, cache):',
      '    Tag.get(name).delete()',
      '    cache.get(name).delete()',
    ].join('\n');
    assert.deepEqual(
      hintsOfFile({ 'tags.py': code }, 'tags.py', null).filter((hint) => /^\d+:\w+ dynamodb-/.test(hint)),
      ['12:delete dynamodb-delete-item', '12:get dynamodb-get-item'],
    );
  });
});
