/**
 * CDK constructs handed from file to file: a stack or construct class that exposes a table as a field, a
 * props interface whose member is typed with that class (or with `ITable`), and the file that calls
 * `grant*` through the props. First the same shapes in one file, then what a file declares for others
 * (the members of its classes and interfaces), then the calls resolved through the workspace model in
 * TypeScript and Python, and what must stay silent.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { hintsIn, realHintRules, sourceLines } from '../hints/support';
import { contributionOf, workspaceOf } from './support';

/** `line:text rule` for each hover of a workspace file judged in its model (or alone). */
function hovers(model: WorkspaceModel | undefined, file: string, files: Record<string, string>): string[] {
  const code = files[file];
  const result = analyzeText(code, realHintRules(), {
    kind: documentKind(undefined, file)!,
    fileName: file,
    ...(model ? { workspace: model } : {}),
    onError: (error) => assert.fail(String(error)),
  });
  const at = (offset: number): number => result.lines.lineOf(offset) + 1;
  return result.sites.flatMap((site) => site.ruleIds.map((id) => `${at(site.start)}:${code.slice(site.start, site.end)} ${id}`)).sort();
}

const NOTES_TABLES = sourceLines(
  "import { Construct } from 'constructs';",
  "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
  '',
  'export class NotesTables extends Construct {',
  '  public readonly notes: dynamodb.Table;',
  '  constructor(scope: Construct, id: string) {',
  '    super(scope, id);',
  "    this.notes = new dynamodb.Table(this, 'Notes', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });",
  '  }',
  '}',
);

const NOTES_API = sourceLines(
  "import { Construct } from 'constructs';",
  "import * as lambda from 'aws-cdk-lib/aws-lambda';",
  "import { NotesTables } from './tables';",
  '',
  'export interface NotesApiProps {',
  '  readonly tables: NotesTables;',
  '  readonly handler: lambda.IFunction;',
  '}',
  '',
  'export class NotesApi extends Construct {',
  '  constructor(scope: Construct, id: string, props: NotesApiProps) {',
  '    super(scope, id);',
  '    props.tables.notes.grantReadWriteData(props.handler);',
  '  }',
  '}',
);

describe('CDK constructs passed through props: in one file', () => {
  it('reads a construct class held by a props interface, a stack’s `ITable` prop, a database’s connections and a Python parameter typed with a stack', () => {
    const nested = NOTES_TABLES + NOTES_API.replace("import { NotesTables } from './tables';\n", '');
    assert.deepEqual(hintsIn('notes.ts', nested), ['8:partitionKey dynamodb-key-schema', '22:grantReadWriteData dynamodb-grant', '8:Table dynamodb-pitr!']);
    const stacks = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      'interface ApiProps extends cdk.StackProps { table: dynamodb.ITable; database: rds.IDatabaseInstance }',
      'export class ApiStack extends cdk.Stack {',
      '  constructor(scope: cdk.App, id: string, props: ApiProps) {',
      '    super(scope, id, props);',
      '    props.table.grantReadData(this.fn);',
      '    props.database.connections.allowFrom(ec2.Peer.anyIpv4(), ec2.Port.tcp(5432));',
      '  }',
      '}',
    );
    assert.deepEqual(hintsIn('api.ts', stacks), ['9:grantReadData dynamodb-grant', '10:allowFrom rds-open-ingress', '10:allowFrom rds-open-ingress!']);
    const python = sourceLines(
      'from aws_cdk import Stack, aws_dynamodb as dynamodb',
      'class TenantDataStack(Stack):',
      '    def __init__(self, scope, id):',
      '        super().__init__(scope, id)',
      '        self.table = dynamodb.Table(self, "Tenants")',
      'class TenantApiStack(Stack):',
      '    def __init__(self, scope, id, data: TenantDataStack):',
      '        super().__init__(scope, id)',
      '        data.table.grant_read_data(self.fn)',
    );
    assert.deepEqual(hintsIn('stacks.py', python), ['9:grant_read_data dynamodb-grant', '5:Table dynamodb-pitr!']);
  });
});

describe('CDK classes a file declares for other files', () => {
  it('keeps public members typed with a construct, a class of the file or an imported class, and what constructors assign', () => {
    const code = sourceLines(
      "import * as cdk from 'aws-cdk-lib';",
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Queues } from './queues';",
      'export class DataStack extends cdk.Stack {',
      '  public readonly table: dynamodb.ITable;',
      '  readonly audit = new dynamodb.TableV2(this, "Audit", {});',
      '  private readonly secretTable: dynamodb.Table;',
      '  private readonly store: dynamodb.Table;',
      '  protected cache: dynamodb.Table;',
      '  static shared: dynamodb.Table;',
      '  public readonly queues: Queues;',
      '  public readonly props: dynamodb.TableProps;',
      '  public readonly anything: any;',
      '  constructor(scope: cdk.App, id: string, public readonly cluster: rds.DatabaseCluster, private readonly inner: rds.DatabaseCluster) {',
      '    super(scope, id);',
      '    this.table = new dynamodb.Table(this, "T", {});',
      '    this.events = new dynamodb.Table(this, "E", {});',
      '    this.store = new dynamodb.Table(this, "S", {});',
      '    this.inner = new rds.DatabaseCluster(this, "C", {});',
      '    this.mixed = new dynamodb.Table(this, "M", {});',
      '    this.mixed = props.other;',
      '  }',
      '  get primary(): dynamodb.ITable { return this.table; }',
      '}',
      'export interface ApiProps { data: DataStack; readonly optional?: dynamodb.ITable; generic: Array<dynamodb.ITable> }',
    );
    assert.deepEqual(contributionOf('lib/data.ts', code)?.cdkClasses, {
      DataStack: {
        table: { construct: 'aws_dynamodb.Table' },
        audit: { construct: 'aws_dynamodb.TableV2' },
        queues: { declared: 'Queues', module: './queues' },
        cluster: { construct: 'aws_rds.DatabaseCluster' },
        primary: { construct: 'aws_dynamodb.Table' },
        events: { construct: 'aws_dynamodb.Table' },
      },
      ApiProps: { data: { declared: 'DataStack' }, optional: { construct: 'aws_dynamodb.Table' } },
    });
  });

  it('reads Python attributes set on self, class annotations, and imported classes by module', () => {
    const code = sourceLines(
      'from typing import Optional',
      'from aws_cdk import Stack, aws_dynamodb as dynamodb',
      'from .queues import Queues',
      'import stacks.shared as shared',
      'class DataStack(Stack):',
      '    archive: Optional[dynamodb.ITable]',
      '    def __init__(self, scope, id, table):',
      '        super().__init__(scope, id)',
      '        self.table = dynamodb.Table(self, "T")',
      '        self.given = table',
      '        self.queues: "Queues" = make_queues()',
      '        self.common: shared.Common = shared.Common()',
      '        self.name = dynamodb.Table(self, "N").table_name',
    );
    assert.deepEqual(contributionOf('stacks/data.py', code)?.cdkClasses, {
      DataStack: {
        archive: { construct: 'aws_dynamodb.Table' },
        table: { construct: 'aws_dynamodb.Table' },
        queues: { declared: 'Queues', module: '.queues' },
        common: { declared: 'Common', module: 'stacks.shared' },
      },
    });
  });
});

describe('CDK constructs passed through props: across the files of a workspace', () => {
  it('reads a grant through a props interface typed with a construct class of another file, and nothing without the workspace', () => {
    const files = { 'lib/tables.ts': NOTES_TABLES, 'lib/api.ts': NOTES_API };
    assert.deepEqual(hovers(workspaceOf(files), 'lib/api.ts', files), ['13:grantReadWriteData dynamodb-grant']);
    assert.deepEqual(hovers(undefined, 'lib/api.ts', files), []);
    assert.deepEqual(hovers(workspaceOf({ 'lib/api.ts': NOTES_API }), 'lib/api.ts', files), [], 'a workspace without the tables');
  });

  it('reads stacks wired in the app, props interfaces in their own file, barrels, and a database’s connections', () => {
    const files = {
      'lib/data-stack.ts': sourceLines(
        "import * as cdk from 'aws-cdk-lib';",
        "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
        "import * as rds from 'aws-cdk-lib/aws-rds';",
        'export class DataStack extends cdk.Stack {',
        '  public readonly table: dynamodb.Table;',
        '  public readonly database: rds.DatabaseInstance;',
        '  constructor(scope: cdk.App, id: string) {',
        '    super(scope, id);',
        '    this.table = new dynamodb.Table(this, "Items", {});',
        '  }',
        '}',
      ),
      'lib/index.ts': "export * from './data-stack';\nexport { ApiProps } from './props';\n",
      'lib/props.ts': sourceLines(
        "import * as cdk from 'aws-cdk-lib';",
        "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
        "import { DataStack } from './data-stack';",
        'export interface ApiProps extends cdk.StackProps {',
        '  readonly table: dynamodb.ITable;',
        '  readonly data: DataStack;',
        '}',
      ),
      'lib/api-stack.ts': sourceLines(
        "import * as cdk from 'aws-cdk-lib';",
        "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
        "import { ApiProps } from './index';",
        'export class ApiStack extends cdk.Stack {',
        '  constructor(scope: cdk.App, id: string, props: ApiProps) {',
        '    super(scope, id, props);',
        '    props.table.grantReadData(this.fn);',
        '    props.data.table.grantWriteData(this.fn);',
        '    props.data.database.connections.allowFrom(ec2.Peer.anyIpv4(), ec2.Port.tcp(5432));',
        '  }',
        '}',
      ),
      'bin/app.ts': sourceLines(
        "import * as cdk from 'aws-cdk-lib';",
        "import * as lib from '../lib';",
        "import { DataStack } from '../lib/data-stack';",
        'const app = new cdk.App();',
        "const data = new DataStack(app, 'Data');",
        'data.table.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);',
        "new lib.DataStack(app, 'Other').table.grantFullAccess(fn);",
      ),
    };
    const model = workspaceOf(files);
    assert.deepEqual(hovers(model, 'lib/api-stack.ts', files), ['7:grantReadData dynamodb-grant', '8:grantWriteData dynamodb-grant', '9:allowFrom rds-open-ingress']);
    assert.deepEqual(hovers(model, 'bin/app.ts', files), ['6:applyRemovalPolicy dynamodb-removal-policy', '7:grantFullAccess dynamodb-grant']);
  });

  it('reads Python stacks handed as parameters typed with a class of another module, absolute, relative or quoted, and made at module level', () => {
    const files = {
      'app/stacks/data_stack.py': sourceLines(
        'from aws_cdk import Stack, aws_dynamodb as dynamodb',
        'class TenantDataStack(Stack):',
        '    def __init__(self, scope, id):',
        '        super().__init__(scope, id)',
        '        self.table = dynamodb.Table(self, "Tenants")',
      ),
      'app/stacks/api_stack.py': sourceLines(
        'from aws_cdk import Stack',
        'from stacks.data_stack import TenantDataStack',
        'from .data_stack import TenantDataStack as Relative',
        'class TenantApiStack(Stack):',
        '    def __init__(self, scope, id, data: TenantDataStack, other: "Relative"):',
        '        super().__init__(scope, id)',
        '        data.table.grant_read_data(self.fn)',
        '        other.table.grant_write_data(self.fn)',
      ),
      'app/app.py': sourceLines('import aws_cdk as cdk', 'from stacks.data_stack import TenantDataStack', 'data = TenantDataStack(cdk.App(), "Data")', 'data.table.grant_full_access(fn)'),
    };
    const model = workspaceOf(files);
    assert.deepEqual(hovers(model, 'app/stacks/api_stack.py', files), ['7:grant_read_data dynamodb-grant', '8:grant_write_data dynamodb-grant']);
    assert.deepEqual(hovers(model, 'app/app.py', files), ['4:grant_full_access dynamodb-grant']);
  });

  it('stays silent on a plain class, an unknown member, a private field, a shadowed name, a bucket, and ends on classes that hold each other', () => {
    const files = {
      'lib/service.ts': "import * as cdk from 'aws-cdk-lib';\nexport class TableService { table; constructor() { this.table = makeTable(); } }\n",
      'lib/data.ts': sourceLines(
        "import * as cdk from 'aws-cdk-lib';",
        "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
        "import * as s3 from 'aws-cdk-lib/aws-s3';",
        'export class DataStack extends cdk.Stack {',
        '  private readonly table: dynamodb.Table;',
        '  public readonly bucket: s3.Bucket;',
        '  public readonly items: dynamodb.Table;',
        '  public readonly other: Loop;',
        '}',
        'export class Loop { public readonly back: DataStack; public readonly more: Loop; }',
        'export interface ApiProps { readonly data: DataStack; readonly unknown: Elsewhere; }',
      ),
      'lib/api.ts': sourceLines(
        "import * as cdk from 'aws-cdk-lib';",
        "import { TableService } from './service';",
        "import { ApiProps, DataStack } from './data';",
        'export class ApiStack extends cdk.Stack {',
        '  constructor(scope: cdk.App, id: string, props: ApiProps) {',
        '    super(scope, id);',
        '    new TableService().table.grantReadData(this.fn);',
        '    props.data.table.grantReadData(this.fn);',
        '    props.data.bucket.grantReadWrite(this.fn);',
        '    props.unknown.table.grantReadData(this.fn);',
        '    props.data.other.back.other.more.more.back.bucket.grantRead(this.fn);',
        '    props.data.other.back.items.grantWriteData(this.fn);',
        '  }',
        '  shadowed(data: { table: any }, props: any) {',
        '    data.table.grantReadData(this.fn);',
        '    props.data.bucket.grantReadData(this.fn);',
        '    const DataStack = makeStack();',
        "    new DataStack(this, 'D').table.grantReadData(this.fn);",
        '  }',
        '}',
      ),
    };
    // The one hover: the same stack reached through the classes that hold each other.
    assert.deepEqual(hovers(workspaceOf(files), 'lib/api.ts', files), ['12:grantWriteData dynamodb-grant']);
  });

  it('reads an instance of a class of another file that extends a construct as that construct, in TypeScript and Python', () => {
    const files = {
      'lib/ddb-table.ts': sourceLines(
        "import { RemovalPolicy } from 'aws-cdk-lib';",
        "import { Billing, TablePropsV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';",
        "import { Construct } from 'constructs';",
        'export class OrdersTable extends TableV2 {',
        '  constructor(scope: Construct, id: string, props: TablePropsV2) {',
        '    super(scope, id, { ...props, billing: Billing.onDemand(), removalPolicy: RemovalPolicy.RETAIN });',
        '  }',
        '}',
        'export class AuditTable extends OrdersTable {}',
        'export class Holder extends Construct {}',
      ),
      'lib/stack.ts': sourceLines(
        "import { Stack } from 'aws-cdk-lib';",
        "import { AuditTable, Holder, OrdersTable } from './ddb-table';",
        'export class ShopStack extends Stack {',
        '  build(fn: any) {',
        "    const orders = new OrdersTable(this, 'Orders', { partitionKey: { name: 'id', type: 0 } } as any);",
        '    orders.grantReadData(fn);',
        "    new AuditTable(this, 'Audit', {} as any).grantFullAccess(fn);",
        "    const holder = new Holder(this, 'Holder');",
        '    holder.grantReadData(fn);',
        '  }',
        '}',
      ),
      'app/tables.py': sourceLines('from aws_cdk import aws_dynamodb as dynamodb', 'class CoreTable(dynamodb.Table):', '    pass'),
      'app/stack.py': sourceLines('from aws_cdk import Stack', 'from tables import CoreTable', 'class ShopStack(Stack):', '    def build(self, fn):', '        table = CoreTable(self, "Core")', '        table.grant_read_data(fn)'),
    };
    assert.deepEqual(contributionOf('lib/ddb-table.ts', files['lib/ddb-table.ts'])?.cdkConstructSubclasses, { OrdersTable: 'aws_dynamodb.TableV2', AuditTable: 'aws_dynamodb.TableV2' });
    const model = workspaceOf(files);
    assert.deepEqual(hovers(model, 'lib/stack.ts', files), ['5:partitionKey dynamodb-key-schema', '6:grantReadData dynamodb-grant', '7:grantFullAccess dynamodb-grant']);
    assert.deepEqual(hovers(model, 'app/stack.py', files), ['6:grant_read_data dynamodb-grant']);
    assert.deepEqual(hovers(undefined, 'lib/stack.ts', files), [], 'alone, the classes are unknown');
  });
});

describe('CDK construct subclasses of another file made with props', () => {
  const files: Record<string, string> = {
    'lib/constructs/database.ts': sourceLines(
      "import { RemovalPolicy } from 'aws-cdk-lib';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Construct } from 'constructs';",
      'export class TeamDatabase extends rds.DatabaseInstance {',
      '  constructor(scope: Construct, id: string, props: rds.DatabaseInstanceProps) {',
      '    super(scope, id, { ...props, deletionProtection: true, removalPolicy: RemovalPolicy.SNAPSHOT });',
      '  }',
      '}',
      'export class FixedDatabase extends rds.DatabaseInstance {',
      '  constructor(scope: Construct, id: string, props: { vpc: any }) {',
      "    super(scope, id, { vpc: props.vpc, engine: rds.DatabaseInstanceEngine.POSTGRES, publiclyAccessible: false });",
      '  }',
      '}',
    ),
    'lib/data-stack.ts': sourceLines(
      "import { Stack } from 'aws-cdk-lib';",
      "import { FixedDatabase, TeamDatabase } from './constructs/database';",
      'export class DataStack extends Stack {',
      '  build(vpc: any, engine: any) {',
      "    new TeamDatabase(this, 'Orders', { vpc, engine, publiclyAccessible: true, deletionProtection: false });",
      "    new FixedDatabase(this, 'Reports', { vpc, publiclyAccessible: true } as any);",
      '  }',
      '}',
    ),
  };

  it('records the classes that hand their props on, with the props they write after them', () => {
    assert.deepEqual(contributionOf('lib/constructs/database.ts', files['lib/constructs/database.ts'])?.cdkSubclassProps, { TeamDatabase: ['deletionprotection', 'removalpolicy'] });
  });

  it('reads such a construction as the construct with those props, but the ones the class overrides, and no finding for what is left out', () => {
    const model = workspaceOf(files);
    const found = analyzeText(files['lib/data-stack.ts'], realHintRules(), { kind: 'typescript', fileName: 'lib/data-stack.ts', workspace: model, onError: (error) => assert.fail(String(error)) });
    const at = (offset: number): number => found.lines.lineOf(offset) + 1;
    assert.deepEqual(found.findings.map((finding) => `${at(finding.start)}:${finding.ruleId}`), ['5:rds-publicly-accessible']);
    const onLine5 = hovers(model, 'lib/data-stack.ts', files).filter((hover) => hover.startsWith('5:'));
    assert.ok(onLine5.includes('5:publiclyAccessible rds-publicly-accessible'), onLine5.join(', '));
    assert.ok(!onLine5.some((hover) => hover.startsWith('5:deletionProtection')), 'the class sets deletionProtection after the spread: the caller\'s value is not the one used');
    assert.deepEqual(hovers(model, 'lib/data-stack.ts', files).filter((hover) => hover.startsWith('6:')), [], 'a class that makes its own props: the construction\'s are not the construct\'s');
    assert.deepEqual(hovers(undefined, 'lib/data-stack.ts', files), [], 'alone, the classes are unknown');
  });
});
