/**
 * Workspace mode, `dynamodb-read-modify-write` with object mappers: a service loads an object, changes it and
 * saves it whole; whether that loses updates depends on the mapped class in another file. With a version
 * attribute (`@DynamoDbVersionAttribute`, `[DynamoDBVersion]`) the enhanced client and DynamoDBContext write
 * conditionally: silent; without one: reported; a class no file (or two files) declares: silent.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, copiedToThread, hintsInWorkspace, hintsOfFile, workspaceOf } from './support';

const RULE = 'dynamodb-read-modify-write!';

function bean(name: string, versioned: boolean): string {
  return [
    'package shop.model;',
    '',
    'import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;',
    '',
    '@DynamoDbBean',
    `public class ${name} {`,
    '    private String id;',
    '    private String status;',
    '    private Long version;',
    '    @DynamoDbPartitionKey',
    '    public String getId() { return id; }',
    '    public void setId(String id) { this.id = id; }',
    '    public String getStatus() { return status; }',
    '    public void setStatus(String status) { this.status = status; }',
    ...(versioned ? ['    @DynamoDbVersionAttribute'] : []),
    '    public Long getVersion() { return version; }',
    '    public void setVersion(Long version) { this.version = version; }',
    '}',
  ].join('\n');
}

const SERVICE = [
  'package shop.service;',
  '',
  'import shop.model.Shipment;',
  'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;',
  '',
  'public class ShipmentService {',
  '    private final DynamoDbTable<Shipment> shipments;',
  '',
  '    public ShipmentService(DynamoDbTable<Shipment> shipments) {',
  '        this.shipments = shipments;',
  '    }',
  '',
  '    public void markDelivered(String id) {',
  '        Shipment shipment = shipments.getItem(r -> r.key(k -> k.partitionValue(id)));',
  '        shipment.setStatus("DELIVERED");',
  '        shipments.putItem(shipment);',
  '    }',
  '}',
].join('\n');

const ENTITY = (versioned: boolean): string =>
  [
    'using Amazon.DynamoDBv2.DataModel;',
    '',
    'namespace Shop.Model',
    '{',
    '    [DynamoDBTable("tickets")]',
    '    public class Ticket',
    '    {',
    '        [DynamoDBHashKey] public string Id { get; set; }',
    '        public string State { get; set; }',
    ...(versioned ? ['        [DynamoDBVersion] public int? Version { get; set; }'] : []),
    '    }',
    '}',
  ].join('\n');

const TICKETS = [
  'using System.Threading.Tasks;',
  'using Amazon.DynamoDBv2.DataModel;',
  'using Shop.Model;',
  '',
  'namespace Shop.Services',
  '{',
  '    public class TicketService',
  '    {',
  '        private readonly IDynamoDBContext _context;',
  '        public TicketService(IDynamoDBContext context) { _context = context; }',
  '',
  '        public async Task CloseAsync(string id)',
  '        {',
  '            var ticket = await _context.LoadAsync<Ticket>(id);',
  '            ticket.State = "CLOSED";',
  '            await _context.SaveAsync(ticket);',
  '        }',
  '    }',
  '}',
].join('\n');

/** A plain class: .NET's context maps it by its name and reads the key schema from the table. */
const PLAIN = (imports: boolean, attribute = ''): string =>
  [
    ...(imports ? ['using Amazon.DynamoDBv2.DataModel;', ''] : []),
    'namespace Shop.Model',
    '{',
    '    public class Ticket',
    '    {',
    `        ${attribute}public string Id { get; set; }`,
    '        public string State { get; set; }',
    '    }',
    '}',
  ].join('\n');

function findings(hints: string[]): string[] {
  return hints.filter((hint) => hint.endsWith(RULE));
}

describe('Workspace: mapped classes and their version attributes (read-modify-write)', () => {
  it('indexes mapped classes by simple name with their version attribute, not other classes', () => {
    assert.deepEqual(contributionOf('src/main/java/shop/model/Shipment.java', bean('Shipment', true))?.mappedClasses, { 'java:Shipment': true });
    assert.deepEqual(contributionOf('Shop/Model/Ticket.cs', ENTITY(false))?.mappedClasses, { 'csharp:Ticket': false });
    assert.equal(contributionOf('src/test/java/shop/model/Shipment.java', bean('Shipment', false))?.mappedClasses, undefined);
  });

  it('reports a load, change and save of a class without a version attribute, in Java and C#', () => {
    const java = { 'src/main/java/shop/model/Shipment.java': bean('Shipment', false), 'src/main/java/shop/service/ShipmentService.java': SERVICE };
    assert.deepEqual(findings(hintsOfFile(java, 'src/main/java/shop/service/ShipmentService.java')), [`16:putItem ${RULE}`]);
    const cs = { 'Shop/Model/Ticket.cs': ENTITY(false), 'Shop/Services/TicketService.cs': TICKETS };
    assert.deepEqual(findings(hintsOfFile(cs, 'Shop/Services/TicketService.cs')), [`16:SaveAsync ${RULE}`]);
    // The CLI's worker threads read the same model.
    assert.deepEqual(findings(hintsInWorkspace(copiedToThread(workspaceOf(cs)), 'Shop/Services/TicketService.cs', TICKETS)), [`16:SaveAsync ${RULE}`]);
  });

  it('reads a C# class with no mapping attribute in a file importing the DataModel namespace, or with a member attribute alone', () => {
    assert.deepEqual(contributionOf('Shop/Model/Ticket.cs', PLAIN(true))?.mappedClasses, { 'csharp:Ticket': false });
    assert.deepEqual(contributionOf('Shop/Model/Ticket.cs', PLAIN(false, '[DynamoDBProperty("id")] '))?.mappedClasses, { 'csharp:Ticket': false });
    assert.deepEqual(contributionOf('Shop/Model/Ticket.cs', PLAIN(false, '[DynamoDBVersion] '))?.mappedClasses, { 'csharp:Ticket': true });
    assert.equal(contributionOf('Shop/Model/Ticket.cs', PLAIN(false))?.mappedClasses, undefined);
    assert.equal(contributionOf('Shop.Tests/Model/Ticket.cs', PLAIN(true))?.mappedClasses, undefined);
    const cs = { 'Shop/Model/Ticket.cs': PLAIN(true), 'Shop/Services/TicketService.cs': TICKETS };
    assert.deepEqual(findings(hintsOfFile(cs, 'Shop/Services/TicketService.cs')), [`16:SaveAsync ${RULE}`]);
    const attributed = { 'Shop/Model/Ticket.cs': PLAIN(false, '[DynamoDBRangeKey] '), 'Shop/Services/TicketService.cs': TICKETS };
    assert.deepEqual(findings(hintsOfFile(attributed, 'Shop/Services/TicketService.cs')), [`16:SaveAsync ${RULE}`]);
  });

  it('stays silent on a plain C# class whose file neither imports the DataModel namespace nor carries a model attribute', () => {
    const cs = { 'Shop/Model/Ticket.cs': PLAIN(false), 'Shop/Services/TicketService.cs': TICKETS };
    assert.deepEqual(findings(hintsOfFile(cs, 'Shop/Services/TicketService.cs')), []);
    // A method parameter of a model type is no attribute.
    const parameter = { 'Shop/Model/Ticket.cs': PLAIN(false).replace('public string State { get; set; }', 'public void Save(string id, DynamoDBOperationConfig config) { }'), 'Shop/Services/TicketService.cs': TICKETS };
    assert.deepEqual(findings(hintsOfFile(parameter, 'Shop/Services/TicketService.cs')), []);
  });

  it('stays silent with a version attribute, alone, and when two files declare the name differently', () => {
    const java = { 'src/main/java/shop/model/Shipment.java': bean('Shipment', true), 'src/main/java/shop/service/ShipmentService.java': SERVICE };
    assert.deepEqual(findings(hintsOfFile(java, 'src/main/java/shop/service/ShipmentService.java')), []);
    const cs = { 'Shop/Model/Ticket.cs': ENTITY(true), 'Shop/Services/TicketService.cs': TICKETS };
    assert.deepEqual(findings(hintsOfFile(cs, 'Shop/Services/TicketService.cs')), []);
    assert.deepEqual(findings(hintsOfFile(cs, 'Shop/Services/TicketService.cs', null)), []);
    const twice = { 'a/Ticket.cs': ENTITY(true), 'b/Ticket.cs': ENTITY(false), 'Shop/Services/TicketService.cs': TICKETS };
    assert.deepEqual(findings(hintsOfFile(twice, 'Shop/Services/TicketService.cs')), []);
  });

  it('reads a class two files declare alike (each module of a build with its copy) as either copy answers', () => {
    const copies = { 'a/Ticket.cs': ENTITY(false), 'b/Ticket.cs': ENTITY(false), 'Shop/Services/TicketService.cs': TICKETS };
    assert.deepEqual(findings(hintsOfFile(copies, 'Shop/Services/TicketService.cs')), [`16:SaveAsync ${RULE}`]);
    const java = {
      'intake/src/main/java/shop/model/Shipment.java': bean('Shipment', false),
      'billing/src/main/java/shop/model/Shipment.java': bean('Shipment', false),
      'intake/src/main/java/shop/service/ShipmentService.java': SERVICE,
    };
    assert.deepEqual(findings(hintsOfFile(java, 'intake/src/main/java/shop/service/ShipmentService.java')), [`16:putItem ${RULE}`]);
    const versionedCopies = { ...java, 'billing/src/main/java/shop/model/Shipment.java': bean('Shipment', true), 'intake/src/main/java/shop/model/Shipment.java': bean('Shipment', true) };
    assert.deepEqual(findings(hintsOfFile(versionedCopies, 'intake/src/main/java/shop/service/ShipmentService.java')), []);
  });
});
