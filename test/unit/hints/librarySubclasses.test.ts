/**
 * Classes that extend a library's client, mapper or context (`class DataMapper extends DynamoDBDataMapper`,
 * `class Store extends DynamoDB.DocumentClient`, `class Cache(StrictRedis)`, `class Ctx : DynamoDBContext`):
 * the library's methods called on an instance, on `this` or on `super` are the library's requests; a method
 * the subclass defines (an override of the same name, or a new one) is the subclass's own.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

describe('library subclasses', () => {
  const MAPPER = sourceLines(
    "import { DataMapperConfiguration, DataMapper as DynamoDBDataMapper } from '@aws/dynamodb-data-mapper';",
    "import { DynamoDB } from 'aws-sdk';",
    '',
    'class DataMapper extends DynamoDBDataMapper {',
    '  public constructor(configuration: DataMapperConfiguration) {',
    '    super(configuration);',
    '  }',
    '',
    '  public async loadOne<T>(item: T): Promise<T> {',
    '    return this.get<T>(item);',
    '  }',
    '',
    '  public async loadMany<T>(items: T[]): Promise<T[]> {',
    '    const found: T[] = [];',
    '    for await (const item of this.batchGet(items)) {',
    '      found.push(item);',
    '    }',
    '    return found;',
    '  }',
    '}',
    '',
    'export const Db = new DataMapper({ client: new DynamoDB({ region: process.env.REGION }) });',
  );

  it('reads a DataMapper subclass: its own methods call the mapper through `this`, and another module calls the exported instance', () => {
    assert.deepEqual(hintsIn('src/db/mapper.ts', MAPPER), ['2:aws-sdk aws-sdk-end-of-support', '10:get dynamodb-get-item', '15:batchGet dynamodb-batch-get-item', '2:aws-sdk aws-sdk-end-of-support!']);
    const handler = sourceLines(
      "import { Db } from '../db/mapper';",
      "import { Device, Settings } from '../db/models';",
      '',
      'export async function handler() {',
      '  const devices: Device[] = [];',
      '  for await (const device of Db.scan(Device)) {',
      '    devices.push(device);',
      '  }',
      '  for await (const _ of Db.batchPut(devices)) {',
      '  }',
      '  return Db.loadOne(new Settings());',
      '}',
    );
    const files = { 'src/db/mapper.ts': MAPPER, 'src/handlers/config.ts': handler };
    // The mapper pages its scans and retries its batches: hovers, no finding. `loadOne` is the subclass's.
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'src/handlers/config.ts', handler), ['6:scan dynamodb-scan', '9:batchPut dynamodb-batch-write-item']);
  });

  it('does not pass on an instance whose class overrides a mapper method: the other module calls the override', () => {
    const overriding = MAPPER.replace('public async loadOne<T>', 'public async get<T>').replace('return this.get<T>(item);', 'return super.get<T>(item);');
    assert.deepEqual(
      hintsIn('src/db/mapper.ts', overriding).filter((hint) => hint.includes('get')),
      ['10:get dynamodb-get-item', '15:batchGet dynamodb-batch-get-item'],
    );
    const handler = sourceLines("import { Db } from '../db/mapper';", '', 'export const load = (item: object) => Db.get(item);');
    const files = { 'src/db/mapper.ts': overriding, 'src/handlers/load.ts': handler };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'src/handlers/load.ts', handler), []);
  });

  it('reads a repository that extends the v2 document client by its qualified name, and not a call to its override', () => {
    const code = sourceLines(
      "import { DynamoDB } from 'aws-sdk';",
      '',
      'export class PaymentRepository extends DynamoDB.DocumentClient {',
      '  constructor(private readonly tableName: string) {',
      '    super({ region: process.env.AWS_REGION });',
      '  }',
      '',
      '  async byOrder(orderId: string) {',
      '    const { Items } = await this.query({',
      '      TableName: this.tableName,',
      "      KeyConditionExpression: 'orderId = :o',",
      "      ExpressionAttributeValues: { ':o': orderId },",
      '    }).promise();',
      '    return Items;',
      '  }',
      '',
      '  get(params: DynamoDB.DocumentClient.GetItemInput) {',
      '    return super.get(params).promise();',
      '  }',
      '}',
      '',
      'export async function lookup(repository: PaymentRepository, id: string) {',
      "  return repository.get({ TableName: 'payments', Key: { id } });",
      '}',
    );
    assert.deepEqual(hintsIn('src/payments/repository.ts', code), [
      '1:aws-sdk aws-sdk-end-of-support',
      '9:query dynamodb-query',
      '11:KeyConditionExpression dynamodb-key-condition-expression',
      '18:get dynamodb-get-item',
      '1:aws-sdk aws-sdk-end-of-support!',
      '9:query dynamodb-query!',
    ]);
  });

  it('reads `AWS.DynamoDB.DocumentClient` as a base, and flags a batch read whose unprocessed keys are dropped', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      '',
      'class Store extends AWS.DynamoDB.DocumentClient {',
      '  async loadAll(table, keys) {',
      '    const found = [];',
      '    for (const chunk of keys) {',
      '      const response = await this.batchGet({ RequestItems: { [table]: { Keys: chunk } } }).promise();',
      '      found.push(...response.Responses[table]);',
      '    }',
      '    return found;',
      '  }',
      '}',
      'module.exports = Store;',
    );
    const found = hintsIn('src/store.js', code);
    assert.ok(found.includes('7:batchGet dynamodb-batch-get-item'), found.join('\n'));
    assert.ok(found.includes('7:batchGet dynamodb-batch-get-item!'), found.join('\n'));
  });

  it('does not read a class that extends another package’s class of the same name', () => {
    const code = sourceLines(
      "import { DocumentClient } from '@elastic/enterprise-search';",
      "import * as Docs from 'docs-sdk';",
      '',
      'export class Search extends DocumentClient {',
      '  async all() {',
      "    return this.scan({ TableName: 'orders' });",
      '  }',
      '}',
      'export class Pages extends Docs.DocumentClient {',
      '  async all() {',
      "    return this.scan({ TableName: 'orders' });",
      '  }',
      '}',
      'export class Mapper extends DataMapper {',
      '  async all() {',
      '    return this.scan(Order);',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('src/search.ts', code), []);
  });

  it('reads `super().keys(...)` and `super(Cache, self).keys(...)` in a Python subclass of a Redis client', () => {
    const code = sourceLines(
      'from redis import StrictRedis',
      '',
      '',
      'class Cache(StrictRedis):',
      '    def __init__(self, *args, **kwargs):',
      '        kwargs.setdefault("decode_responses", True)',
      '        super(Cache, self).__init__(*args, **kwargs)',
      '',
      '    def sessions(self):',
      '        return super().keys("session:*")',
      '',
      '    def tokens(self):',
      '        return super(Cache, self).keys("token:*")',
      '',
      '    def keys(self, pattern="*"):',
      '        return list(self.scan_iter(match=pattern))',
      '',
      '',
      'cache = Cache(host="localhost")',
      'names = cache.keys("user:*")',
    );
    assert.deepEqual(
      hintsIn('app/cache.py', code).filter((hint) => hint.includes('keys')),
      ['10:keys redis-keys', '13:keys redis-keys', '10:keys redis-keys!', '13:keys redis-keys!'],
    );
  });

  it('reads a C# context subclass: `base.ScanAsync<T>` is the library’s, a caller of its generic override is not', () => {
    const code = sourceLines(
      'using System.Collections.Generic;',
      'using System.Threading.Tasks;',
      'using Amazon.DynamoDBv2;',
      'using Amazon.DynamoDBv2.DataModel;',
      '',
      'namespace Shop.Data',
      '{',
      '    public class PrefixedContext : DynamoDBContext',
      '    {',
      '        public PrefixedContext(IAmazonDynamoDB client) : base(client) { }',
      '',
      '        public async Task<List<T>> ScanAsync<T>(IEnumerable<ScanCondition> conditions)',
      '        {',
      '            return await base.ScanAsync<T>(conditions).GetRemainingAsync();',
      '        }',
      '    }',
      '',
      '    public class Orders',
      '    {',
      '        private readonly PrefixedContext _context;',
      '',
      '        public Orders(PrefixedContext context) { _context = context; }',
      '',
      '        public Task<List<Order>> All() => _context.ScanAsync<Order>(new List<ScanCondition>());',
      '',
      '        public async Task<List<Order>> ByCustomer(string id) => await _context.QueryAsync<Order>(id).GetNextSetAsync();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Data/Orders.cs', code), ['14:ScanAsync dynamodb-scan', '26:QueryAsync dynamodb-query', '26:QueryAsync dynamodb-query!']);
  });
});
