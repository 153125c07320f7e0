/**
 * A type alias another module exports for a DynamoDB library's object type (`export type OrderModel =
 * ModelType<Order>` of dynamoose, `Model<User, UserKey>` of nestjs-dynamoose): a parameter or field declared with it
 * holds that object, as one declared with the library's type does. Silent: an alias of a project type, an alias of
 * an object type, a name of the same spelling declared in the importing file.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile as hints } from './support';
import { sourceLines } from '../hints/support';

const MODEL_TYPES = sourceLines(
  "import { ModelType } from 'dynamoose/dist/General';",
  "import { Item } from 'dynamoose/dist/Item';",
  "import { Model } from 'nestjs-dynamoose';",
  '',
  'export interface Invoice extends Item { invoiceId: string; total: number }',
  'export type InvoiceModel = ModelType<Invoice>;',
  'export type PayerModel = Model<{ payerId: string }, { payerId: string }>;',
  'export type Totals = Record<string, number>;',
);

describe('workspace: type aliases of a DynamoDB library object that another module exports', () => {
  it('reads a constructor parameter and a function parameter declared with an exported ModelType or nestjs-dynamoose Model alias', () => {
    const service = sourceLines(
      "import { InvoiceModel, PayerModel, Totals } from '../models/types';",
      '',
      'export class BillingService {',
      '  constructor(private readonly invoices: InvoiceModel, private readonly payers: PayerModel, private readonly totals: Totals) {}',
      '',
      '  async open() {',
      "    return this.invoices.query('status').eq('OPEN').all().exec();",
      '  }',
      '',
      '  async payer(id: string) {',
      '    return this.payers.get({ payerId: id });',
      '  }',
      '',
      '  sum(id: string) {',
      '    return this.totals.get(id);',
      '  }',
      '}',
      '',
      'export const remove = (invoices: InvoiceModel, invoiceId: string) => invoices.delete({ invoiceId });',
    );
    const files = { 'src/models/types.ts': MODEL_TYPES, 'src/billing/billing.service.ts': service };
    assert.deepEqual(hints(files, 'src/billing/billing.service.ts'), ['11:get dynamodb-get-item', '19:delete dynamodb-delete-item', '7:query dynamodb-query']);
  });

  it('stays silent for an alias of the same name the importing file declares itself', () => {
    const service = sourceLines(
      "import type { InvoiceModel as Imported } from '../models/types';",
      '',
      'type InvoiceModel = Map<string, number>;',
      'export const lookup = (invoices: InvoiceModel, id: string) => invoices.get(id);',
      'export const kept: Imported | undefined = undefined;',
    );
    const files = { 'src/models/types.ts': MODEL_TYPES, 'src/billing/lookup.ts': service };
    assert.deepEqual(hints(files, 'src/billing/lookup.ts'), []);
  });
});
