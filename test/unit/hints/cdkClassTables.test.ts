/**
 * Audit 61f, Java and C# CDK apps whose constructs are spread over classes: a class makes the tables and keeps them in
 * fields, a stack hands one to another construct class's constructor, which keeps it in a field and makes a Lambda
 * function (`PythonFunction` with `Entry` and `Index`) whose environment names it (`workspace/typedCdkClasses.ts`,
 * `workspace/typedCdkPassed.ts`). The code the function runs then knows its table, and a Query pinned to the whole key
 * of a hash-only table has no second page. Precision: a parameter two constructions fill with different tables, a
 * field assigned twice, a private field, a class two files declare, an argument given by name and a class with two constructors say nothing.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

function model(files: Record<string, string>): WorkspaceModel {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  return built;
}

/** Each function of the workspace as `id code handler VARIABLE=table|?`. */
function functionsOf(files: Record<string, string>): string[] {
  return model(files)
    .functions()
    .map((fn) => {
      const variables = Object.entries(fn.environment).map(([name, value]) => `${name}=${value.kind === 'table' ? `${value.logicalName}@${value.file ?? ''}` : value.kind}`);
      const unknown = (fn.unknownEnvironment ?? []).map((name) => `${name}=?`);
      return `${fn.logicalName} ${(fn.codePathsFromApp ?? []).join(',')} ${fn.handler ?? ''} ${[...variables, ...unknown].sort().join(' ')}`.trim();
    })
    .sort();
}

const storage = sourceLines(
  'using Amazon.CDK;',
  'using Amazon.CDK.AWS.DynamoDB;',
  'using Constructs;',
  'namespace Lab',
  '{',
  '  internal sealed class Storage : Construct',
  '  {',
  '    public Table readingsTable;',
  '    public Table batchesTable;',
  '    public Storage(Construct scope, string id) : base(scope, id) { }',
  '    public void Create()',
  '    {',
  '      readingsTable = new Table(this, "labReadings", new TableProps {',
  '        BillingMode = BillingMode.PAY_PER_REQUEST,',
  '        PartitionKey = new Attribute { Name = "readingHash", Type = AttributeType.STRING }',
  '      });',
  '      batchesTable = new Table(this, "labBatches", new TableProps {',
  '        PartitionKey = new Attribute { Name = "batchId", Type = AttributeType.STRING },',
  '        SortKey = new Attribute { Name = "runAt", Type = AttributeType.STRING }',
  '      });',
  '    }',
  '  }',
  '}',
);

/** A construct class that keeps the table its constructor is given and makes a PythonFunction naming it. */
const counters = sourceLines(
  'using System.Collections.Generic;',
  'using Amazon.CDK;',
  'using Amazon.CDK.AWS.DynamoDB;',
  'using Amazon.CDK.AWS.Lambda;',
  'using Amazon.CDK.AWS.Lambda.Python;',
  'using Constructs;',
  'namespace Lab',
  '{',
  '  internal sealed class Counters : Construct',
  '  {',
  '    private Table readings;',
  '    public Counters(Construct scope, string id, Table readings, string stage) : base(scope, id)',
  '    {',
  '      this.readings = readings;',
  '    }',
  '    public void Create()',
  '    {',
  '      new PythonFunction(this, "countReadings", new PythonFunctionProps {',
  '        Entry = "src/functions/countReadings",',
  '        Index = "main.py",',
  '        Handler = "run",',
  '        Environment = new Dictionary<string, string> {',
  '          {"LAB_READINGS", readings.TableName},',
  '          ["LAB_STAGE"] = "prod"',
  '        }',
  '      });',
  '    }',
  '  }',
  '}',
);

function stack(...constructions: string[]): string {
  return sourceLines(
    'using Amazon.CDK;',
    'using Constructs;',
    'namespace Lab',
    '{',
    '  public class LabStack : Stack',
    '  {',
    '    internal LabStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)',
    '    {',
    '      var storage = new Storage(this, "storage");',
    '      storage.Create();',
    ...constructions,
    '    }',
    '  }',
    '}',
  );
}

describe('Audit 61f: tables handed between the classes of a Java or C# CDK app', () => {
  it('follows a table from the field of the class that makes it, through a construction, to the field a function names', () => {
    const files = { 'infra/Storage.cs': storage, 'infra/Counters.cs': counters, 'infra/LabStack.cs': stack('      new Counters(this, "counters", storage.readingsTable, "prod").Create();') };
    assert.deepEqual(functionsOf(files), ['countReadings src/functions/countReadings/main.py main.run LAB_READINGS=labReadings@infra/Storage.cs LAB_STAGE=literal']);
  });

  it('judges the code the function runs by that table: a Query pinned to the whole key of a hash-only table has no second page', () => {
    const code = sourceLines(
      'import os',
      'import boto3',
      'from boto3.dynamodb.conditions import Key',
      'table = boto3.resource("dynamodb").Table(os.getenv("LAB_READINGS"))',
      'def run(event, context):',
      '    reply = table.query(KeyConditionExpression=Key("readingHash").eq(event["hash"]))',
      '    return reply["Items"]',
    );
    const files = { 'infra/Storage.cs': storage, 'infra/Counters.cs': counters, 'infra/LabStack.cs': stack('      new Counters(this, "counters", storage.readingsTable, "prod").Create();'), 'src/functions/countReadings/main.py': code };
    const findingsWith = (workspace: Record<string, string>): string[] =>
      analyzeText(code, realHintRules(), { kind: 'python', fileName: 'src/functions/countReadings/main.py', workspace: model(workspace) }).findings.map((finding) => finding.ruleId).filter((rule) => rule === 'dynamodb-query');
    assert.deepEqual(findingsWith(files), []);
    // Without the classes that hand the table on, the table is unknown and the Query may have more pages.
    assert.deepEqual(findingsWith({ 'infra/Counters.cs': counters, 'src/functions/countReadings/main.py': code }), ['dynamodb-query']);
  });

  it('says nothing where the table is not certain', () => {
    const unknown = ['countReadings src/functions/countReadings/main.py main.run LAB_READINGS=? LAB_STAGE=literal'];
    // Two constructions pass different tables.
    const twice = stack('      new Counters(this, "a", storage.readingsTable, "prod").Create();', '      new Counters(this, "b", storage.batchesTable, "dev").Create();');
    assert.deepEqual(functionsOf({ 'infra/Storage.cs': storage, 'infra/Counters.cs': counters, 'infra/LabStack.cs': twice }), unknown);
    // An argument given by name may sit anywhere.
    const named = stack('      new Counters(this, "counters", readings: storage.readingsTable, stage: "prod").Create();');
    assert.deepEqual(functionsOf({ 'infra/Storage.cs': storage, 'infra/Counters.cs': counters, 'infra/LabStack.cs': named }), unknown);
    // A field two assignments fill.
    const refilled = storage.replace('      batchesTable = new Table(this, "labBatches"', '      readingsTable = new Table(this, "labBatches"');
    assert.deepEqual(functionsOf({ 'infra/Storage.cs': refilled, 'infra/Counters.cs': counters, 'infra/LabStack.cs': stack('      new Counters(this, "counters", storage.readingsTable, "prod").Create();') }), unknown);
    // A private field is no other class's to read.
    const hidden = storage.replace('    public Table readingsTable;', '    private Table readingsTable;');
    assert.deepEqual(functionsOf({ 'infra/Storage.cs': hidden, 'infra/Counters.cs': counters, 'infra/LabStack.cs': stack('      new Counters(this, "counters", storage.readingsTable, "prod").Create();') }), unknown);
    // A class two files declare.
    const files = { 'infra/Storage.cs': storage, 'infra/Counters.cs': counters, 'infra/LabStack.cs': stack('      new Counters(this, "counters", storage.readingsTable, "prod").Create();') };
    assert.deepEqual(functionsOf({ ...files, 'legacy/Storage.cs': storage }), unknown);
    // A class with two constructors.
    const overloaded = counters.replace('    public void Create()', '    public Counters(Construct scope, string id) : base(scope, id) { }\n    public void Create()');
    assert.deepEqual(functionsOf({ ...files, 'infra/Counters.cs': overloaded }), unknown);
    // Never constructed.
    assert.deepEqual(functionsOf({ 'infra/Storage.cs': storage, 'infra/Counters.cs': counters }), unknown);
  });

  it('reads Java: a constructor parameter named directly, a table of the constructing file, and a parameter handed on', () => {
    const api = sourceLines(
      'package lab;',
      'import java.util.Map;',
      'import software.amazon.awscdk.services.dynamodb.ITable;',
      'import software.amazon.awscdk.services.lambda.Code;',
      'import software.amazon.awscdk.services.lambda.Function;',
      'import software.constructs.Construct;',
      'public class OrdersApi extends Construct {',
      '    public OrdersApi(final Construct scope, final String id, final ITable orders) {',
      '        super(scope, id);',
      '        Function.Builder.create(this, "ListOrders")',
      '            .code(Code.fromAsset("lambda/list")).handler("list.handler")',
      '            .environment(Map.of("ORDERS_TABLE", orders.getTableName()))',
      '            .build();',
      '    }',
      '}',
    );
    const service = sourceLines(
      'package lab;',
      'import software.amazon.awscdk.services.dynamodb.ITable;',
      'import software.constructs.Construct;',
      'public class OrdersService extends Construct {',
      '    private final ITable table;',
      '    public OrdersService(final Construct scope, final String id, final ITable table) {',
      '        super(scope, id);',
      '        this.table = table;',
      '        new OrdersApi(this, "Api", this.table);',
      '    }',
      '}',
    );
    const app = sourceLines(
      'package lab;',
      'import software.amazon.awscdk.Stack;',
      'import software.amazon.awscdk.services.dynamodb.Attribute;',
      'import software.amazon.awscdk.services.dynamodb.AttributeType;',
      'import software.amazon.awscdk.services.dynamodb.Table;',
      'import software.constructs.Construct;',
      'public class OrdersStack extends Stack {',
      '    public OrdersStack(final Construct scope, final String id) {',
      '        super(scope, id);',
      '        Table orders = Table.Builder.create(this, "Orders")',
      '            .partitionKey(Attribute.builder().name("orderId").type(AttributeType.STRING).build()).build();',
      '        new OrdersService(this, "Service", orders);',
      '    }',
      '}',
    );
    const files = { 'src/main/java/lab/OrdersApi.java': api, 'src/main/java/lab/OrdersService.java': service, 'src/main/java/lab/OrdersStack.java': app };
    assert.deepEqual(functionsOf(files), ['ListOrders lambda/list list.handler ORDERS_TABLE=Orders@src/main/java/lab/OrdersStack.java']);
  });
});
