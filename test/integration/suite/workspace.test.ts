import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../../src/extension';
import { activateExtension, waitFor } from './helpers';
import { SUITE_OUTPUT_MARKER } from './marker';

/** Waits that follow files written to disk: their watcher events can take a while on a loaded machine. */
const FILE_EVENTS_MS = 30_000;

/** The examples folder, the workspace the in-host suites run in. */
function exampleUri(file: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, file);
}

describe('workspace model in a real VS Code', () => {
  let api: ExtensionTestApi;
  before(async () => {
    api = await activateExtension();
    await api.workspace.ensureStarted();
  });
  afterEach(function () {
    // A lost or late file event cannot be replayed: what the model was told is the only clue.
    if (this.currentTest?.state === 'failed') {
      for (const line of ['what the workspace model was last told and did:', ...api.workspace.recentEvents()]) {
        console.log(`${SUITE_OUTPUT_MARKER}      ${line}`);
      }
    }
  });

  it('lists the tables and databases of the examples under a Workspace node, each opening its definition', async () => {
    const workspace = await waitFor(() => api.topics.getChildren().find((node) => node.label === 'Workspace'));
    const children = await api.topics.getChildren(workspace);
    assert.deepEqual(
      children.map((node) => node.label),
      ['Orders', 'OrdersTable', 'AuroraCluster', 'Db', 'Legacy', 'aws_db_instance.orders', 'aws_elasticache_replication_group.sessions', 'OrdersDatabase'],
    );
    const table = await api.topics.getTreeItem(children.find((node) => node.label === 'OrdersTable')!);
    assert.match(String(table.description), /^DynamoDB table · pk \(S\) · on-demand/);
    assert.equal(table.command?.command, 'vscode.open');
    const [uri, options] = table.command!.arguments as [vscode.Uri, { selection: vscode.Range }];
    assert.equal(uri.toString(), exampleUri('template.yaml').toString());
    assert.equal(options.selection.start.line, 13);
  });

  it('judges a code file by its path in its folder, and follows templates written, edited unsaved and deleted', async function () {
    this.timeout(4 * FILE_EVENTS_MS);
    const code = api.workspace.documentWorkspace(exampleUri('orders-repository.ts'))!;
    assert.equal(code.fileName, 'orders-repository.ts');
    const named = (name: string): string | undefined => code.workspace.resolveTable(code.fileName, { kind: 'literal', name })?.logicalName;
    const dir = exampleUri('workspace-check');
    const template = vscode.Uri.joinPath(dir, 'template.yaml');
    try {
      const text = 'Resources:\n  Written:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: written-in-test\n';
      await vscode.workspace.fs.writeFile(template, new TextEncoder().encode(text));
      await waitFor(() => named('written-in-test'), FILE_EVENTS_MS);
      const document = await vscode.workspace.openTextDocument(template);
      const edit = new vscode.WorkspaceEdit();
      const at = text.indexOf('written-in-test');
      edit.replace(template, new vscode.Range(document.positionAt(at), document.positionAt(at + 'written'.length)), 'edited');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(await waitFor(() => named('edited-in-test'), FILE_EVENTS_MS), 'Written');
      assert.equal(named('written-in-test'), undefined);
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
    await waitFor(() => (named('written-in-test') === undefined && named('edited-in-test') === undefined ? true : undefined), FILE_EVENTS_MS);
  });

  it('follows .gitignore files written and deleted: what they leave out leaves the model, and comes back', async function () {
    this.timeout(4 * FILE_EVENTS_MS);
    const code = api.workspace.documentWorkspace(exampleUri('orders-repository.ts'))!;
    const known = (): boolean => code.workspace.resolveTable(code.fileName, { kind: 'literal', name: 'generated-in-test' }) !== undefined;
    const dir = exampleUri('workspace-gitignore');
    const gitignore = vscode.Uri.joinPath(dir, '.gitignore');
    try {
      const text = 'Resources:\n  Generated:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: generated-in-test\n';
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'generated', 'template.yaml'), new TextEncoder().encode(text));
      await waitFor(() => (known() ? true : undefined), FILE_EVENTS_MS);
      await vscode.workspace.fs.writeFile(gitignore, new TextEncoder().encode('generated/\n'));
      await waitFor(() => (known() ? undefined : true), FILE_EVENTS_MS);
      await vscode.workspace.fs.delete(gitignore);
      await waitFor(() => (known() ? true : undefined), FILE_EVENTS_MS);
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
    await waitFor(() => (known() ? undefined : true), FILE_EVENTS_MS);
  });

  it('reads a go.mod and the Go package another file imports by the module path, as they are written and deleted', async function () {
    this.timeout(3 * FILE_EVENTS_MS);
    const dir = exampleUri('go-module-check');
    const write = (file: string, text: string): Thenable<void> => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, file), new TextEncoder().encode(text));
    const view = api.workspace.documentWorkspace(vscode.Uri.joinPath(dir, 'cmd', 'main.go'))!;
    const client = (): string | undefined => view.workspace.goImport?.(view.fileName, 'example.com/check/cache')?.functions.Open?.type;
    try {
      await write('cache/cache.go', 'package cache\n\nimport "github.com/redis/go-redis/v9"\n\nfunc Open(addr string) *redis.Client {\n\treturn redis.NewClient(&redis.Options{Addr: addr})\n}\n');
      await write('go.mod', 'module example.com/check\n\ngo 1.23\n');
      assert.equal(await waitFor(client, FILE_EVENTS_MS), 'Client');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(dir, 'go.mod'));
      await waitFor(() => (client() === undefined ? true : undefined), FILE_EVENTS_MS);
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('keeps a folder deleted and written again at once, as a build or a checkout does', async function () {
    this.timeout(4 * FILE_EVENTS_MS);
    const code = api.workspace.documentWorkspace(exampleUri('orders-repository.ts'))!;
    const named = (name: string): string | undefined => code.workspace.resolveTable(code.fileName, { kind: 'literal', name })?.logicalName;
    const template = (name: string): Uint8Array => new TextEncoder().encode(`Resources:\n  Built:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: ${name}\n`);
    const dir = exampleUri('rebuilt-check');
    const later = exampleUri('rebuilt-check-later');
    const staged = path.join(path.dirname(dir.fsPath), '..', 'test-results', 'rebuilt-check-staged');
    try {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'template.yaml'), template('first-build'));
      await waitFor(() => named('first-build'), FILE_EVENTS_MS);
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'template.yaml'), template('second-build'));
      await waitFor(() => (named('second-build') && !named('first-build') ? true : undefined), FILE_EVENTS_MS);
      // Built aside and moved in: the watcher tells of the folder alone, and of a folder deleted and
      // made again at once as a change of the folder.
      await fs.promises.mkdir(staged, { recursive: true });
      await fs.promises.writeFile(path.join(staged, 'template.yaml'), template('moved-in'));
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await fs.promises.rename(staged, dir.fsPath);
      await waitFor(() => (named('moved-in') && !named('second-build') ? true : undefined), FILE_EVENTS_MS);
      // A folder made after: once the watcher has told of it, it has told of the deletion too.
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(later, 'template.yaml'), template('made-later'));
      await waitFor(() => named('made-later'), FILE_EVENTS_MS);
      assert.equal(named('moved-in'), 'Built');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await vscode.workspace.fs.delete(later, { recursive: true });
      await fs.promises.rm(staged, { recursive: true, force: true });
    }
    await waitFor(() => (named('moved-in') === undefined && named('made-later') === undefined ? true : undefined), FILE_EVENTS_MS);
  });

  it('points the master password a committed .tfvars file writes at its line, and follows the file as it changes', async function () {
    this.timeout(3 * FILE_EVENTS_MS);
    const dir = exampleUri('tfvars-secret');
    const main = vscode.Uri.joinPath(dir, 'main.tf');
    const values = vscode.Uri.joinPath(dir, 'terraform.tfvars');
    const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const password = (): vscode.Diagnostic | undefined =>
      vscode.languages.getDiagnostics(main).find((diagnostic) => diagnostic.source === 'aws-db-hints' && (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'rds-master-password');
    try {
      await write(values, 'project     = "orders"\ndb_password = "Orders-2024!"\n');
      await write(main, 'variable "db_password" {\n  sensitive = true\n}\n\nresource "aws_db_instance" "orders" {\n  engine            = "postgres"\n  storage_encrypted = true\n  password          = var.db_password\n}\n');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(main));
      const found = await waitFor(password, FILE_EVENTS_MS);
      assert.equal(found.range.start.line, 7);
      const related = found.relatedInformation?.[0];
      assert.match(related?.location.uri.toString() ?? '', /tfvars-secret\/terraform\.tfvars$/);
      assert.equal(related?.location.range.start.line, 1);
      assert.equal(related?.message, 'Value from tfvars-secret/terraform.tfvars:2 (db_password = …)');
      assert.doesNotMatch(found.message + (related?.message ?? ''), /Orders-2024/, 'the literal is never quoted');
      // The value moved to the environment: the finding goes.
      await write(values, 'project = "orders"\n');
      await waitFor(() => (password() ? undefined : true), FILE_EVENTS_MS);
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('reports a Spring endpoint that reaches a client-making repository through its service interface, until a second class implements it', async function () {
    this.timeout(3 * FILE_EVENTS_MS);
    const dir = exampleUri('layered-service');
    const java = (path: string): vscode.Uri => vscode.Uri.joinPath(dir, 'src', 'main', 'java', 'shop', path);
    const write = (uri: vscode.Uri, lines: string[]): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\n')));
    const controller = java('OrderController.java');
    const perRequest = (): vscode.Diagnostic | undefined =>
      vscode.languages.getDiagnostics(controller).find((diagnostic) => diagnostic.source === 'aws-db-hints' && (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === 'client-per-request');
    try {
      await write(java('OrderRepository.java'), [
        'package shop;',
        'import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;',
        'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
        'public class OrderRepository {',
        '    public Order load(String id) {',
        '        return new DynamoDBMapper(AmazonDynamoDBClientBuilder.standard().build()).load(Order.class, id);',
        '    }',
        '}',
      ]);
      await write(java('OrderService.java'), ['package shop;', 'public interface OrderService {', '    Order get(String id);', '}']);
      const cached = (implemented: string): string[] => ['package shop;', `public class CachedOrderService${implemented} {`, '    public Order get(String id) { return null; }', '}'];
      await write(java('CachedOrderService.java'), cached(''));
      await write(java('DefaultOrderService.java'), [
        'package shop;',
        'import org.springframework.stereotype.Service;',
        '@Service',
        'public class DefaultOrderService implements OrderService {',
        '    private final OrderRepository repository;',
        '    public DefaultOrderService(OrderRepository repository) { this.repository = repository; }',
        '    public Order get(String id) { return repository.load(id); }',
        '}',
      ]);
      await write(controller, [
        'package shop;',
        'import org.springframework.web.bind.annotation.GetMapping;',
        'import org.springframework.web.bind.annotation.PathVariable;',
        'import org.springframework.web.bind.annotation.RestController;',
        '@RestController',
        'public class OrderController {',
        '    private final OrderService orders;',
        '    public OrderController(OrderService orders) { this.orders = orders; }',
        '    @GetMapping("/orders/{id}")',
        '    public Order get(@PathVariable String id) { return orders.get(id); }',
        '}',
      ]);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(controller));
      const found = await waitFor(perRequest, FILE_EVENTS_MS);
      assert.equal(found.range.start.line, 9);
      // A second implementation, typed in the editor: which one Spring injects is not known here, and
      // the finding goes. (Typed rather than written to disk: code-server's watcher can lose a change
      // made within a second of its folder's creation, which is not what this test is about.)
      const cachedService = await vscode.workspace.openTextDocument(java('CachedOrderService.java'));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(cachedService.uri, cachedService.lineAt(1).range, cached(' implements OrderService')[1]);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => (perRequest() ? undefined : true), FILE_EVENTS_MS);
      await vscode.window.showTextDocument(cachedService);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('errs on ConsistentRead against a GSI of the template and not an LSI, and follows the index name as the template changes', async function () {
    this.timeout(4 * FILE_EVENTS_MS);
    const dir = exampleUri('workspace-gsi');
    const template = vscode.Uri.joinPath(dir, 'template.yaml');
    const handler = vscode.Uri.joinPath(dir, 'src', 'orders.ts');
    const templateText = (gsiName: string): string =>
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Orders:',
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      BillingMode: PAY_PER_REQUEST',
        '      AttributeDefinitions:',
        '        - { AttributeName: pk, AttributeType: S }',
        '        - { AttributeName: sk, AttributeType: S }',
        '        - { AttributeName: customerId, AttributeType: S }',
        '        - { AttributeName: placedAt, AttributeType: S }',
        '      KeySchema:',
        '        - { AttributeName: pk, KeyType: HASH }',
        '        - { AttributeName: sk, KeyType: RANGE }',
        '      GlobalSecondaryIndexes:',
        `        - IndexName: ${gsiName}`,
        '          KeySchema: [{ AttributeName: customerId, KeyType: HASH }]',
        '          Projection: { ProjectionType: ALL }',
        '      LocalSecondaryIndexes:',
        '        - IndexName: byPlacedAt',
        '          KeySchema: [{ AttributeName: pk, KeyType: HASH }, { AttributeName: placedAt, KeyType: RANGE }]',
        '          Projection: { ProjectionType: ALL }',
        '  ListOrders:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: orders.handler',
        '      Runtime: nodejs20.x',
        '      Environment:',
        '        Variables:',
        '          ORDERS_TABLE: !Ref Orders',
        '',
      ].join('\n');
    const code = [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';",
      '',
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'const TABLE = process.env.ORDERS_TABLE!;',
      '',
      'export async function handler(event: { customerId: string; pk: string }) {',
      '  const byCustomer = await doc.send(new QueryCommand({',
      '    TableName: TABLE,',
      "    IndexName: 'byCustomer',",
      '    ConsistentRead: true,',
      "    KeyConditionExpression: 'customerId = :c',",
      "    ExpressionAttributeValues: { ':c': event.customerId },",
      '  }));',
      '  const recent = await doc.send(new QueryCommand({',
      '    TableName: TABLE,',
      "    IndexName: 'byPlacedAt',",
      '    ConsistentRead: true,',
      "    KeyConditionExpression: 'pk = :pk',",
      "    ExpressionAttributeValues: { ':pk': event.pk },",
      '  }));',
      '  return [byCustomer.Items, recent.Items];',
      '}',
      '',
    ].join('\n');
    const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(handler).filter((diagnostic) => diagnostic.source === 'aws-db-hints');
    const ruleOf = (diagnostic: vscode.Diagnostic): string => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));
    const lineOf = (needle: string): number => code.split('\n').findIndex((line) => line.includes(needle));
    try {
      await vscode.workspace.fs.writeFile(template, new TextEncoder().encode(templateText('byCustomer')));
      await vscode.workspace.fs.writeFile(handler, new TextEncoder().encode(code));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(handler));

      const seen = api.workspace.documentWorkspace(handler)!;
      await waitFor(() => seen.workspace.resolveTable(seen.fileName, { kind: 'env', variable: 'ORDERS_TABLE' }), FILE_EVENTS_MS).catch((error: Error) => {
        throw new Error(`${error.message}: ${seen.fileName} does not reach the Orders table through ORDERS_TABLE`);
      });
      const onGsi = await waitFor(() => ours().find((diagnostic) => ruleOf(diagnostic) === 'dynamodb-workspace-consistent-read-gsi')).catch((error: Error) => {
        throw new Error(`${error.message}: the handler has ${JSON.stringify(ours().map((diagnostic) => [ruleOf(diagnostic), diagnostic.range.start.line]))}`);
      });
      assert.equal(onGsi.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(onGsi.range.start.line, lineOf("ConsistentRead: true") );
      assert.match(onGsi.relatedInformation?.[0]?.location.uri.toString() ?? '', /workspace-gsi\/template\.yaml$/);
      // The LSI query keeps its strong read: no finding on its lines.
      const lsiLines = [lineOf("'byPlacedAt'"), lineOf("'byPlacedAt'") + 1];
      assert.deepEqual(ours().filter((diagnostic) => lsiLines.includes(diagnostic.range.start.line)).map(ruleOf), []);
      // The generic warning, which cannot tell a GSI from an LSI, gives way to the model's answer.
      assert.equal(ours().filter((diagnostic) => ruleOf(diagnostic) === 'dynamodb-consistent-read').length, 0);

      // The index renamed in the template: the handler's name no longer exists there.
      await vscode.workspace.fs.writeFile(template, new TextEncoder().encode(templateText('byCustomerId')));
      const undefinedIndex = await waitFor(() => ours().find((diagnostic) => ruleOf(diagnostic) === 'dynamodb-workspace-index-undefined'), FILE_EVENTS_MS);
      assert.equal(undefinedIndex.range.start.line, lineOf("'byCustomer'"));
      // And back: the error goes away and the GSI error returns.
      await vscode.workspace.fs.writeFile(template, new TextEncoder().encode(templateText('byCustomer')));
      await waitFor(() => (ours().some((diagnostic) => ruleOf(diagnostic) === 'dynamodb-workspace-index-undefined') ? undefined : true), FILE_EVENTS_MS);
      await waitFor(() => ours().find((diagnostic) => ruleOf(diagnostic) === 'dynamodb-workspace-consistent-read-gsi'), FILE_EVENTS_MS);

      // The hover on the IndexName shows the table and says the index is a GSI.
      const document = await vscode.workspace.openTextDocument(handler);
      const at = document.positionAt(code.indexOf("'byCustomer'") + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', handler, at);
      const text = hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
      assert.match(text, /global secondary index/);
      assert.match(text, /customerId/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });
});
