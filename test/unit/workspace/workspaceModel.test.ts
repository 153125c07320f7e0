/**
 * The workspace model on multi-file fixtures (a SAM app with handlers, Terraform with Python, a CDK app in
 * TypeScript): which functions run a code file, and which table a name in it refers to, answered only
 * when certain. Then the model's own bookkeeping: updates, removals, versions and change events.
 */
import * as assert from 'node:assert/strict';
import { FileContribution, FunctionDefinition, SourceRef, TableDefinition } from '../../../src/hints/engine/workspace/types';
import { WorkspaceChange, WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { fixtureModel } from './support';

const env = (variable: string) => ({ kind: 'env' as const, variable });
const literal = (name: string) => ({ kind: 'literal' as const, name });
const nameOf = (table: TableDefinition | undefined): string | undefined => table?.logicalName;

function at(file: string): SourceRef {
  return { file, span: { start: 0, end: 1 }, line: 0, character: 0 };
}

function table(file: string, logicalName: string, physicalName?: string): TableDefinition {
  return { logicalName, format: 'cloudformation', indexes: [], indexesKnown: true, definedAt: at(file), ...(physicalName ? { physicalName } : {}) };
}

function fn(file: string, logicalName: string, fields: Partial<FunctionDefinition>): FunctionDefinition {
  return { logicalName, format: 'cloudformation', codePaths: [], environment: {}, definedAt: at(file), ...fields };
}

function contribution(parts: Partial<FileContribution>): FileContribution {
  return { tables: [], databases: [], functions: [], ...parts };
}

describe('workspace model on a SAM app with handlers', () => {
  const model = fixtureModel('sam-app');

  it('holds the tables, the cache and the functions of the template', () => {
    assert.deepEqual(model.tables().map((found) => found.logicalName), ['OrdersTable', 'ArchiveTable', 'AuditTable']);
    assert.deepEqual(model.databases().map((found) => `${found.kind} ${found.engine}`), ['elasticache-serverless valkey']);
    assert.deepEqual(model.files(), ['template.yaml']);
  });

  it('finds the function of a handler file by CodeUri and Handler, and of a shared file by its code folder', () => {
    const running = (file: string): string[] => model.functionsRunning(file).map((found) => found.logicalName);
    assert.deepEqual(running('src/handlers/list.ts'), ['ListOrdersFunction']);
    assert.deepEqual(running('src/handlers/create.ts'), ['CreateOrderFunction']);
    assert.deepEqual(running('src/lib/orders.ts'), ['ListOrdersFunction', 'CreateOrderFunction']);
    assert.deepEqual(running('archive/app.js'), ['ArchiveFunction']);
    assert.deepEqual(running('scripts/seed.js'), []);
  });

  it('resolves an environment variable through the function that runs the file', () => {
    assert.equal(nameOf(model.resolveTable('src/handlers/list.ts', env('ORDERS_TABLE'))), 'OrdersTable');
    assert.equal(nameOf(model.resolveTable('src/handlers/create.ts', env('ORDERS_TABLE'))), 'OrdersTable', 'through !GetAtt OrdersTable.Arn');
    assert.equal(nameOf(model.resolveTable('src/lib/orders.ts', env('ORDERS_TABLE'))), 'OrdersTable', 'both functions of the folder agree');
    assert.equal(nameOf(model.resolveTable('archive/app.js', env('ORDERS_TABLE'))), 'ArchiveTable', 'the same variable names another table there');
  });

  it('applies the Globals environment to every function of the template', () => {
    assert.equal(nameOf(model.resolveTable('src/handlers/create.ts', env('AUDIT_TABLE'))), 'AuditTable');
    assert.equal(model.resolveTable('src/handlers/create.ts', env('STAGE')), undefined, 'a literal that names no table');
  });

  it('gives no table to a file no function runs when the functions setting the variable disagree, and the one they agree on otherwise', () => {
    assert.equal(model.resolveTable('scripts/seed.js', env('ORDERS_TABLE')), undefined);
    assert.equal(nameOf(model.resolveTable('scripts/seed.js', env('SOURCE_TABLE'))), 'OrdersTable');
    assert.equal(model.resolveTable('scripts/seed.js', env('NOT_SET_ANYWHERE')), undefined);
  });

  it('resolves a literal name to the one table with that physical name', () => {
    assert.equal(nameOf(model.resolveTable('scripts/seed.js', literal('orders-archive'))), 'ArchiveTable');
    assert.equal(model.resolveTable('scripts/seed.js', literal('OrdersTable')), undefined, 'a logical id is not a table name');
  });
});

describe('workspace model on Terraform with Python', () => {
  const model = fixtureModel('terraform-python');

  it('holds the tables of resources and modules, the databases, and the functions', () => {
    assert.deepEqual(model.tables().map((found) => found.logicalName), ['aws_dynamodb_table.sessions', 'module.events_table']);
    assert.deepEqual(model.databases().map((found) => found.logicalName), ['aws_db_instance.reporting', 'aws_elasticache_replication_group.rate_limits']);
    assert.deepEqual(model.functions().map((found) => found.logicalName), ['aws_lambda_function.api', 'module.events_worker']);
  });

  it('runs the archived folder for aws_lambda_function and the source_path for the lambda module', () => {
    assert.deepEqual(model.functionsRunning('app/handler.py').map((found) => found.logicalName), ['aws_lambda_function.api']);
    assert.deepEqual(model.functionsRunning('app/sessions.py').map((found) => found.logicalName), ['aws_lambda_function.api']);
    assert.deepEqual(model.functionsRunning('worker/worker.py').map((found) => found.logicalName), ['module.events_worker']);
  });

  it('resolves variables to tables defined in another file of the same module', () => {
    assert.equal(nameOf(model.resolveTable('app/sessions.py', env('SESSIONS_TABLE'))), 'aws_dynamodb_table.sessions');
    assert.equal(nameOf(model.resolveTable('app/handler.py', env('EVENTS_TABLE'))), 'module.events_table');
    assert.equal(nameOf(model.resolveTable('worker/worker.py', env('EVENTS_TABLE'))), 'module.events_table', 'the module’s ARN output names it too');
    assert.equal(model.resolveTable('worker/worker.py', env('SESSIONS_TABLE')), undefined, 'the worker is not given that variable');
  });
});

describe('workspace model on a CDK app in TypeScript', () => {
  const model = fixtureModel('cdk-typescript');

  it('finds the functions of asset folders (relative to the app) and of entry files (relative to the stack)', () => {
    assert.deepEqual(model.functionsRunning('lambda/orders/index.ts').map((found) => found.logicalName), ['OrdersApi']);
    assert.deepEqual(model.functionsRunning('lambda/reports/handler.ts').map((found) => found.logicalName), ['Reports']);
    assert.deepEqual(model.functionsRunning('lambda/shared/dynamo.ts'), []);
  });

  it('resolves variables wired with props, fields and addEnvironment', () => {
    assert.equal(nameOf(model.resolveTable('lambda/orders/index.ts', env('PRODUCTS_TABLE'))), 'Products');
    assert.equal(nameOf(model.resolveTable('lambda/orders/index.ts', env('ORDERS_TABLE'))), 'Orders');
    assert.equal(nameOf(model.resolveTable('lambda/reports/handler.ts', env('ORDERS_TABLE'))), 'Orders');
    assert.equal(nameOf(model.resolveTable('lambda/shared/dynamo.ts', env('ORDERS_TABLE'))), 'Orders', 'both functions setting it agree');
    assert.equal(nameOf(model.resolveTable('lambda/shared/dynamo.ts', literal('store-products'))), 'Products');
  });
});

describe('workspace model: resolution rules', () => {
  it('matches handler modules of Python packages, Java classes and .NET types inside the code folder', () => {
    const model = new WorkspaceModel();
    model.update(
      'template.yaml',
      contribution({
        tables: [table('template.yaml', 'T')],
        functions: [
          fn('template.yaml', 'Py', { codePaths: ['py'], handler: 'app.handlers.main', environment: { X: { kind: 'table', logicalName: 'T' } } }),
          fn('template.yaml', 'Java', { codePaths: ['java'], handler: 'com.example.Handler::handleRequest' }),
          fn('template.yaml', 'Net', { codePaths: ['net'], handler: 'Orders::Orders.Function::Handle' }),
        ],
      }),
    );
    const running = (file: string): string[] => model.functionsRunning(file).map((found) => found.logicalName);
    assert.deepEqual(running('py/app/handlers.py'), ['Py']);
    assert.deepEqual(running('java/src/main/java/com/example/Handler.java'), ['Java']);
    assert.deepEqual(running('net/src/Orders/Function.cs'), ['Net']);
    assert.deepEqual(running('java/src/main/java/com/example/Other.java'), ['Java'], 'another file of the folder');
    assert.deepEqual(running('elsewhere/app/handlers.py'), []);
  });

  it('gives a file no function runs only the tables of its own project: the folder holding the template and its code', () => {
    const model = new WorkspaceModel();
    // Two apps of one repository; `orders/` keeps its IaC in `infra/` and its code beside it in `lambda/`.
    model.update(
      'orders/infra/stack.yaml',
      contribution({
        tables: [table('orders/infra/stack.yaml', 'Orders')],
        functions: [fn('orders/infra/stack.yaml', 'List', { codePaths: ['orders/lambda/list'], environment: { ORDERS_TABLE: { kind: 'table', logicalName: 'Orders' } } })],
      }),
    );
    model.update(
      'billing/template.yaml',
      contribution({
        tables: [table('billing/template.yaml', 'Invoices')],
        functions: [fn('billing/template.yaml', 'Bill', { codePaths: ['billing/src'], environment: { INVOICES_TABLE: { kind: 'table', logicalName: 'Invoices' } } })],
      }),
    );
    assert.equal(nameOf(model.resolveTable('orders/shared/repository.ts', env('ORDERS_TABLE'))), 'Orders', 'shared code of the orders app');
    assert.equal(nameOf(model.resolveTable('billing/scripts/backfill.py', env('INVOICES_TABLE'))), 'Invoices');
    assert.equal(model.resolveTable('tools/repository.ts', env('ORDERS_TABLE')), undefined, 'a file outside both apps');
    assert.equal(model.resolveTable('billing/scripts/backfill.py', env('ORDERS_TABLE')), undefined, 'another app sets that name');
  });

  it('prefers the function whose handler is the file over those that only hold it in their folder', () => {
    const model = new WorkspaceModel();
    model.update(
      'template.yaml',
      contribution({
        tables: [table('template.yaml', 'A'), table('template.yaml', 'B')],
        functions: [
          fn('template.yaml', 'First', { codePaths: ['src'], handler: 'first.handler', environment: { TABLE: { kind: 'table', logicalName: 'A' } } }),
          fn('template.yaml', 'Second', { codePaths: ['src'], handler: 'second.handler', environment: { TABLE: { kind: 'table', logicalName: 'B' } } }),
        ],
      }),
    );
    assert.equal(nameOf(model.resolveTable('src/first.mjs', env('TABLE'))), 'A');
    assert.equal(nameOf(model.resolveTable('src/second.ts', env('TABLE'))), 'B');
    assert.equal(model.resolveTable('src/common.ts', env('TABLE')), undefined, 'a shared file of two functions that disagree');
  });

  it('gives no table when a function that runs the file sets the variable to something unknown', () => {
    const model = new WorkspaceModel();
    model.update(
      'template.yaml',
      contribution({
        tables: [table('template.yaml', 'A')],
        functions: [
          fn('template.yaml', 'Known', { codePaths: ['src'], environment: { TABLE: { kind: 'table', logicalName: 'A' } } }),
          fn('template.yaml', 'Unknown', { codePaths: ['src'], unknownEnvironment: ['TABLE'] }),
          fn('template.yaml', 'Opaque', { codePaths: ['opaque'], environmentUnreadable: true }),
        ],
      }),
    );
    assert.equal(model.resolveTable('src/app.js', env('TABLE')), undefined);
    assert.equal(model.resolveTable('opaque/app.js', env('TABLE')), undefined, 'an unreadable environment may set anything');
  });

  it('resolves a table reference only in the file that defines the function (the folder of a Terraform module)', () => {
    const model = new WorkspaceModel();
    model.update('a/template.yaml', contribution({ tables: [table('a/template.yaml', 'Orders')] }));
    model.update('b/template.yaml', contribution({ functions: [fn('b/template.yaml', 'Fn', { codePaths: ['b/src'], environment: { TABLE: { kind: 'table', logicalName: 'Orders' } } })] }));
    assert.equal(model.resolveTable('b/src/app.js', env('TABLE')), undefined, 'a Ref reaches only its own template');
    model.update('b/template.yaml', undefined);
    const tfTable: TableDefinition = { ...table('infra/dynamodb.tf', 'aws_dynamodb_table.orders'), format: 'terraform' };
    model.update('infra/dynamodb.tf', contribution({ tables: [tfTable] }));
    const tfFunction: FunctionDefinition = { ...fn('infra/lambda.tf', 'aws_lambda_function.api', { codePaths: ['app'], environment: { TABLE: { kind: 'table', logicalName: 'aws_dynamodb_table.orders' } } }), format: 'terraform' };
    model.update('infra/lambda.tf', contribution({ functions: [tfFunction] }));
    assert.equal(model.resolveTable('app/main.py', env('TABLE')), tfTable);
  });

  it('leaves open the index list of a Terraform table that an index resource of its folder adds to', () => {
    const model = new WorkspaceModel();
    const terraformTable = (file: string, logicalName: string): TableDefinition => ({ ...table(file, logicalName), format: 'terraform' });
    model.update('infra/tables.tf', contribution({ tables: [terraformTable('infra/tables.tf', 'aws_dynamodb_table.jobs'), terraformTable('infra/tables.tf', 'aws_dynamodb_table.users')] }));
    model.update('other/tables.tf', contribution({ tables: [terraformTable('other/tables.tf', 'aws_dynamodb_table.jobs')] }));
    model.update('infra/indexes.tf', contribution({ indexedElsewhere: ['aws_dynamodb_table.jobs'] }));
    const known = (): string[] => model.tables().map((found) => `${found.definedAt.file} ${found.logicalName} ${String(found.indexesKnown)}`);
    assert.deepEqual(known(), ['infra/tables.tf aws_dynamodb_table.jobs false', 'infra/tables.tf aws_dynamodb_table.users true', 'other/tables.tf aws_dynamodb_table.jobs true']);
    model.update('infra/indexes.tf', contribution({ indexedElsewhere: ['*'] }));
    assert.deepEqual(known(), ['infra/tables.tf aws_dynamodb_table.jobs false', 'infra/tables.tf aws_dynamodb_table.users false', 'other/tables.tf aws_dynamodb_table.jobs true']);
  });

  it('resolves a literal only to a unique physical name', () => {
    const model = new WorkspaceModel();
    model.update('dev.yaml', contribution({ tables: [table('dev.yaml', 'Orders', 'orders')] }));
    assert.equal(nameOf(model.resolveTable('app.js', literal('orders'))), 'Orders');
    model.update('prod.yaml', contribution({ tables: [table('prod.yaml', 'OrdersCopy', 'orders')] }));
    assert.equal(model.resolveTable('app.js', literal('orders')), undefined);
  });
});

describe('workspace model: updates and changes', () => {
  it('counts versions, announces the files that changed, and ignores updates that change nothing', () => {
    const model = new WorkspaceModel();
    const changes: WorkspaceChange[] = [];
    const subscription = model.onDidChange((change) => changes.push(change));
    const orders = contribution({ tables: [table('t.yaml', 'Orders')] });
    assert.equal(model.update('t.yaml', orders), true);
    assert.equal(model.update('t.yaml', JSON.parse(JSON.stringify(orders)) as FileContribution), false, 'the same contribution again');
    assert.equal(model.update('code.ts', undefined), false, 'a file that never contributed');
    assert.equal(model.update('empty.yaml', contribution({})), false, 'an empty contribution');
    assert.equal(model.remove('missing.yaml'), false);
    assert.equal(model.remove('t.yaml'), true);
    assert.deepEqual(changes, [
      { version: 1, files: ['t.yaml'] },
      { version: 2, files: ['t.yaml'] },
    ]);
    assert.equal(model.version, 2);
    assert.equal(model.isEmpty(), true);
    subscription.dispose();
    model.update('t.yaml', orders);
    assert.equal(changes.length, 2, 'no event after dispose');
  });

  it('announces a batch of updates once, and sees the new union right after each change', () => {
    const model = new WorkspaceModel();
    const changes: WorkspaceChange[] = [];
    model.onDidChange((change) => changes.push(change));
    model.batch(() => {
      model.update('a.yaml', contribution({ tables: [table('a.yaml', 'A')] }));
      assert.deepEqual(model.tables().map((found) => found.logicalName), ['A']);
      model.update('b.yaml', contribution({ tables: [table('b.yaml', 'B')] }));
    });
    assert.deepEqual(changes, [{ version: 2, files: ['a.yaml', 'b.yaml'] }]);
    assert.deepEqual(model.tables().map((found) => found.logicalName), ['A', 'B']);
    model.update('a.yaml', contribution({ tables: [table('a.yaml', 'A2')] }));
    assert.deepEqual(model.tables().map((found) => found.logicalName), ['A2', 'B']);
  });
});
