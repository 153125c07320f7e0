/**
 * Java and C#, workspace mode: a field, property or parameter declared with a project class or interface of another
 * file reads the clients that type's members hold (`protected IDynamoContext Db { get; }` then `Db.Context.SaveAsync(item)`,
 * where `IDynamoContext` declares `IDynamoDBContext Context { get; }`). An interface's members are public, so it is
 * indexed as a base class's visible fields are.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, hintsOfFile } from './support';

const CONTEXT = [
  'using Amazon.DynamoDBv2;',
  'using Amazon.DynamoDBv2.DataModel;',
  '',
  'namespace Notes.Data.Aws',
  '{',
  '    public interface IDynamoContext',
  '    {',
  '        IAmazonDynamoDB Client { get; }',
  '        IDynamoDBContext Context { get; }',
  '        string Prefix { get; }',
  '    }',
  '}',
].join('\n');

const repository = (namespace: string, usings: string[]): string =>
  [
    ...usings,
    '',
    `namespace ${namespace}`,
    '{',
    '    public abstract class RepositoryBase<T>',
    '    {',
    '        protected RepositoryBase(IDynamoContext db) { Db = db; }',
    '',
    '        protected IDynamoContext Db { get; }',
    '',
    '        public async Task Add(T item) => await Db.Context.SaveAsync(item);',
    '',
    '        public async Task<T> Find(string key) => await Db.Context.LoadAsync<T>(Db.Prefix + key);',
    '    }',
    '}',
  ].join('\n');

describe('C#: members of a project interface of another file', () => {
  it('indexes the client properties of an interface', () => {
    assert.deepEqual(contributionOf('src/Notes.Data/Aws/IDynamoContext.cs', CONTEXT)?.classFields, {
      'csharp:Notes.Data.Aws.IDynamoContext': { Client: { kind: 'dynamodb' }, Context: { kind: 'dynamodb-context' } },
    });
  });

  it('reads them through a property typed with the interface, in the same namespace and through a using', () => {
    const files = { 'src/Notes.Data/Aws/IDynamoContext.cs': CONTEXT, 'src/Notes.Data/Aws/RepositoryBase.cs': repository('Notes.Data.Aws', []) };
    assert.deepEqual(hintsOfFile(files, 'src/Notes.Data/Aws/RepositoryBase.cs'), ['10:SaveAsync dynamodb-update-item', '12:LoadAsync dynamodb-get-item']);
    const elsewhere = { 'src/Notes.Data/Aws/IDynamoContext.cs': CONTEXT, 'src/Notes.Data/RepositoryBase.cs': repository('Notes.Data.Repositories', ['using Notes.Data.Aws;']) };
    assert.deepEqual(hintsOfFile(elsewhere, 'src/Notes.Data/RepositoryBase.cs'), ['11:SaveAsync dynamodb-update-item', '13:LoadAsync dynamodb-get-item']);
  });

  it('stays silent without the workspace, and for an interface of that name the file does not resolve to', () => {
    const files = { 'src/Notes.Data/Aws/IDynamoContext.cs': CONTEXT, 'src/Notes.Data/RepositoryBase.cs': repository('Notes.Data.Repositories', ['using Notes.Data.Legacy;']) };
    assert.deepEqual(hintsOfFile(files, 'src/Notes.Data/RepositoryBase.cs'), []);
    assert.deepEqual(hintsOfFile({ ...files, 'src/Notes.Data/RepositoryBase.cs': repository('Notes.Data.Aws', []) }, 'src/Notes.Data/RepositoryBase.cs', null), []);
  });
});

describe('Java: members of a project class of another file', () => {
  it('reads a public client field of a holder class through a field typed with it', () => {
    const holder = [
      'package shop.infra;',
      '',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      '',
      'public abstract class AwsClients {',
      '    public DynamoDbClient dynamo;',
      '}',
    ].join('\n');
    const service = [
      'package shop.orders;',
      '',
      'import shop.infra.AwsClients;',
      'import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;',
      '',
      'public class OrderLookup {',
      '    private final AwsClients clients;',
      '    public OrderLookup(AwsClients clients) { this.clients = clients; }',
      '    public Object find(GetItemRequest request) { return clients.dynamo.getItem(request).item(); }',
      '}',
    ].join('\n');
    const files = { 'src/main/java/shop/infra/AwsClients.java': holder, 'src/main/java/shop/orders/OrderLookup.java': service };
    assert.deepEqual(hintsOfFile(files, 'src/main/java/shop/orders/OrderLookup.java'), ['9:getItem dynamodb-get-item']);
  });
});
