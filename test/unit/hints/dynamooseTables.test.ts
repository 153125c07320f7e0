/**
 * The table a dynamoose model makes: its schema's `hashKey`, `rangeKey` and `index` settings, and the model's or
 * table's `throughput`, `streamOptions` and `expires`, read as the CreateTable parameters (and the TTL) dynamoose
 * sends. Silent: `hashKey: false`, a plain object of the same keys, and options dynamoose keeps to itself.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('dynamoose: the table a model makes', () => {
  it('reads a schema and the model options as the table dynamoose creates', () => {
    const code = sourceLines(
      "const dynamoose = require('dynamoose');",
      '',
      'const schema = new dynamoose.Schema({',
      '  orgId: { type: String, hashKey: true },',
      '  userId: { type: String, rangeKey: true },',
      "  email: { type: String, index: { name: 'byEmail', type: 'global' } },",
      '  role: { type: String, hashKey: false },',
      '});',
      '',
      "const Member = dynamoose.model('Members', schema, {",
      '  create: false,',
      "  throughput: { read: 5, write: 5 },",
      "  expires: { ttl: 86400000, attribute: 'ttl' },",
      '});',
      "const Audit = dynamoose.model('Audits', { auditId: { type: String, hashKey: true } });",
      "const plain = { orgId: { hashKey: true }, throughput: 'ON_DEMAND' };",
      '',
      'module.exports = { Member, Audit, plain };',
    );
    assert.deepEqual(hintsIn('members.js', code), [
      '4:hashKey dynamodb-key-schema',
      '5:rangeKey dynamodb-key-schema',
      '6:index dynamodb-secondary-index-definition',
      '12:throughput dynamodb-billing-mode',
      '13:expires dynamodb-ttl',
      '15:model dynamodb-billing-mode',
      '15:hashKey dynamodb-key-schema',
    ]);
  });

  it('reads the options of a dynamoose Table of several models', () => {
    const code = sourceLines(
      "import * as dynamoose from 'dynamoose';",
      "import { Order, Shipment } from './models';",
      '',
      "export const table = new dynamoose.Table('Commerce', [Order, Shipment], {",
      "  throughput: 'ON_DEMAND',",
      "  streamOptions: { enabled: true, type: 'NEW_AND_OLD_IMAGES' },",
      '});',
    );
    assert.deepEqual(hintsIn('table.ts', code), ['5:throughput dynamodb-billing-mode', '6:streamOptions dynamodb-streams']);
  });

  it('reads the same calls by names imported from dynamoose, and a model given type arguments', () => {
    const code = sourceLines(
      "import { Schema, model } from 'dynamoose';",
      "import { Schema as BaseSchema } from 'dynamoose/dist/Schema';",
      "import { Item } from 'dynamoose/dist/Item';",
      '',
      'interface Visit extends Item { siteId: string }',
      'const visitSchema = new Schema({',
      '  siteId: { type: String, hashKey: true },',
      "  day: { type: String, index: { name: 'byDay', type: 'global' } },",
      '});',
      "const shared = new BaseSchema({ code: { type: String, hashKey: true } });",
      "export const Visits = model<Visit>('Visits', visitSchema, {",
      "  throughput: 'ON_DEMAND',",
      "  expires: { ttl: 3600, attribute: 'expiresAt' },",
      '});',
      "export const Codes = model('Codes', shared, { create: false });",
    );
    assert.deepEqual(hintsIn('visits.ts', code), [
      '7:hashKey dynamodb-key-schema',
      '8:index dynamodb-secondary-index-definition',
      '10:hashKey dynamodb-key-schema',
      '12:throughput dynamodb-billing-mode',
      '13:expires dynamodb-ttl',
    ]);
  });

  it('reads a model given type arguments on the library name, and leaves a same-named function of the file alone', () => {
    const code = sourceLines(
      "import * as dynamoose from 'dynamoose';",
      '',
      "export const Ledger = dynamoose.model<LedgerRow>('Ledger', ledgerSchema, {",
      "  expires: { ttl: 60, attribute: 'ttl' },",
      '});',
      'function model(name: string, options: object) { return { name, options }; }',
      "export const local = model('x', { throughput: 'ON_DEMAND', expires: { ttl: 1 } });",
    );
    assert.deepEqual(hintsIn('ledger.ts', code), ['3:model dynamodb-billing-mode', '4:expires dynamodb-ttl']);
  });

  it('hovers the billing mode on a model or table made with the default throughput, and only there', () => {
    const code = sourceLines(
      "const dynamoose = require('dynamoose');",
      "const options = require('./options');",
      '',
      "const Invoice = dynamoose.model('Invoices', invoiceSchema);",
      "const Refund = dynamoose.model('Refunds', invoiceSchema, { waitForActive: false, create: true });",
      "const Again = dynamoose.model('Invoices');",
      "const Managed = dynamoose.model('Managed', invoiceSchema, { create: false });",
      "const Staged = dynamoose.model('Staged', invoiceSchema, { create: process.env.STAGE !== 'prod' });",
      "const Shared = dynamoose.model('Shared', invoiceSchema, options);",
      "const Spread = dynamoose.model('Spread', invoiceSchema, { ...options, waitForActive: false });",
    );
    assert.deepEqual(hintsIn('invoices.js', code), ['4:model dynamodb-billing-mode', '5:model dynamodb-billing-mode']);
  });

  it('leaves the default to a file that sets dynamoose defaults, and models to a table the file makes', () => {
    const defaults = sourceLines(
      "import * as dynamoose from 'dynamoose';",
      "dynamoose.Table.defaults.set({ throughput: 'ON_DEMAND' });",
      "export const Invoice = dynamoose.model('Invoices', invoiceSchema);",
    );
    assert.deepEqual(hintsIn('defaults.ts', defaults), []);
    const table = sourceLines(
      "import * as dynamoose from 'dynamoose';",
      "export const Invoice = dynamoose.model('Invoices', invoiceSchema);",
      "export const billing = new dynamoose.Table('Billing', [Invoice], { throughput: 'ON_DEMAND' });",
      "export const archive = new dynamoose.Table('Archive', [Invoice]);",
    );
    assert.deepEqual(hintsIn('billing.ts', table), ['3:throughput dynamodb-billing-mode', '4:Table dynamodb-billing-mode']);
  });
});
