/**
 * Props and args a same-file helper returns, passed as the call itself (`new Table(this, "Orders", Shared(settings, "Id"))`):
 * the literal the helper returns is the construct's or resource's whole props, in C# CDK, C# Pulumi, Go CDK and TypeScript CDK.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(found: string[]): string[] {
  return found.filter((hint) => hint.endsWith('!'));
}

const CDK_HEADER = ['using Amazon.CDK;', 'using Amazon.CDK.AWS.DynamoDB;', 'using Amazon.CDK.AWS.RDS;', 'using Constructs;'];

describe('props a same-file helper returns', () => {
  it('reads a C# CDK helper with an expression body or one return, its props complete', () => {
    const code = sourceLines(
      ...CDK_HEADER,
      'public class StoreStack : Stack',
      '{',
      '    public StoreStack(Construct scope, string id, StoreSettings settings) : base(scope, id)',
      '    {',
      '        new Table(this, "Carts", Shared(settings, "CartId"));',
      '        new Table(this, "Sessions", Plain("SessionId"));',
      '        new DatabaseInstance(this, "Db", Database());',
      '    }',
      '    private static TableProps Shared(StoreSettings settings, string key) => new()',
      '    {',
      '        PartitionKey = new Attribute { Name = key, Type = AttributeType.STRING },',
      '        PointInTimeRecovery = settings.KeepData,',
      '    };',
      '    private static TableProps Plain(string key)',
      '    {',
      '        return new TableProps { PartitionKey = new Attribute { Name = key, Type = AttributeType.STRING } };',
      '    }',
      '    private DatabaseInstanceProps Database() => new() { PubliclyAccessible = true, StorageEncrypted = true, MultiAz = true };',
      '}',
    );
    const found = hintsIn('src/Infra/StoreStack.cs', code);
    for (const expected of ['15:PartitionKey dynamodb-key-schema', '16:PointInTimeRecovery dynamodb-pitr', '20:PartitionKey dynamodb-key-schema', '22:PubliclyAccessible rds-publicly-accessible']) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    // Sessions' helper leaves point-in-time recovery out; Carts' takes the caller's setting, unknown here.
    assert.deepEqual(findings(found).filter((hint) => hint.endsWith('dynamodb-pitr!')), ['10:Table dynamodb-pitr!']);
    assert.ok(findings(found).includes('22:PubliclyAccessible rds-publicly-accessible!'), found.join('\n'));
    assert.ok(!findings(found).some((hint) => /rds-(?:storage-encrypted|multi-az)!$/.test(hint)), found.join('\n'));
  });

  it('leaves a helper of two literals, a call on a receiver and a helper that returns a variable unread', () => {
    const code = sourceLines(
      ...CDK_HEADER,
      'public class StoreStack : Stack',
      '{',
      '    public StoreStack(Construct scope, string id, bool keep) : base(scope, id)',
      '    {',
      '        new Table(this, "Either", Either(keep));',
      '        new Table(this, "Shared", Defaults.Table());',
      '        new Table(this, "Held", Held());',
      '    }',
      '    private static TableProps Either(bool keep)',
      '    {',
      '        if (keep) { return new TableProps { PointInTimeRecovery = true }; }',
      '        return new TableProps { BillingMode = BillingMode.PAY_PER_REQUEST };',
      '    }',
      '    private static TableProps Held()',
      '    {',
      '        var props = new TableProps { BillingMode = BillingMode.PAY_PER_REQUEST };',
      '        return props;',
      '    }',
      '}',
    );
    const found = hintsIn('src/Infra/StoreStack.cs', code);
    assert.deepEqual(findings(found), [], found.join('\n'));
    assert.ok(!found.some((hint) => /^(?:1[6-9]|2[0-2]):/.test(hint)), found.join('\n'));
  });

  it('reads C# Pulumi args and Go CDK props a helper returns', () => {
    const pulumi = sourceLines(
      'using Pulumi;',
      'using Aws = Pulumi.Aws;',
      'class OrdersStack : Stack',
      '{',
      '    public OrdersStack()',
      '    {',
      '        var db = new Aws.Rds.Instance("orders", DatabaseArgs());',
      '    }',
      '    private static Aws.Rds.InstanceArgs DatabaseArgs() => new()',
      '    {',
      '        Engine = "postgres",',
      '        InstanceClass = "db.t4g.micro",',
      '        PubliclyAccessible = true,',
      '    };',
      '}',
    );
    const pulumiFound = findings(hintsIn('OrdersStack.cs', pulumi));
    assert.ok(pulumiFound.includes('13:PubliclyAccessible rds-publicly-accessible!'), pulumiFound.join('\n'));

    const go = sourceLines(
      'package main',
      '',
      'import (',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2"',
      '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"',
      '\t"github.com/aws/jsii-runtime-go"',
      ')',
      '',
      'func tableProps() *awsdynamodb.TableProps {',
      '\treturn &awsdynamodb.TableProps{',
      '\t\tBillingMode: awsdynamodb.BillingMode_PAY_PER_REQUEST,',
      '\t}',
      '}',
      '',
      'func NewStack(stack awscdk.Stack) {',
      '\tawsdynamodb.NewTable(stack, jsii.String("Orders"), tableProps())',
      '}',
    );
    const goFound = hintsIn('infra/stack.go', go);
    assert.ok(goFound.includes('11:BillingMode dynamodb-billing-mode'), goFound.join('\n'));
    assert.ok(goFound.includes('16:NewTable dynamodb-pitr!'), goFound.join('\n'));
  });

  it('reads the object a TypeScript function or arrow of the file returns, and not a spread of the caller\'s props', () => {
    const code = sourceLines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import * as rds from 'aws-cdk-lib/aws-rds';",
      "import { Stack } from 'aws-cdk-lib';",
      'function sharedTable(key: string): dynamodb.TableProps {',
      '  return { partitionKey: { name: key, type: dynamodb.AttributeType.STRING }, billingMode: dynamodb.BillingMode.PAY_PER_REQUEST };',
      '}',
      'const archive = (key: string) => ({',
      '  partitionKey: { name: key, type: dynamodb.AttributeType.STRING },',
      '  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },',
      '});',
      'const withDefaults = (props: Partial<dynamodb.TableProps>) => ({ billingMode: dynamodb.BillingMode.PAY_PER_REQUEST, ...props });',
      'export class Tables extends Stack {',
      '  constructor(scope: any, id: string, extra: Partial<dynamodb.TableProps>) {',
      '    super(scope, id);',
      "    new dynamodb.Table(this, 'Orders', sharedTable('id'));",
      "    new dynamodb.Table(this, 'Archive', archive('id'));",
      "    new dynamodb.Table(this, 'Extra', withDefaults(extra));",
      "    new rds.DatabaseInstance(this, 'Db', database());",
      '  }',
      '}',
      'function database(): rds.DatabaseInstanceProps {',
      '  return { engine: rds.DatabaseInstanceEngine.POSTGRES, publiclyAccessible: true, storageEncrypted: true, multiAz: true };',
      '}',
    );
    const found = hintsIn('lib/tables.ts', code);
    for (const expected of ['5:billingMode dynamodb-billing-mode', '9:pointInTimeRecoverySpecification dynamodb-pitr', '22:publiclyAccessible rds-publicly-accessible!']) {
      assert.ok(found.includes(expected), `${expected}\n${found.join('\n')}`);
    }
    // Orders' helper leaves point-in-time recovery out; Extra's spreads the caller's props, which may set it.
    assert.deepEqual(findings(found).filter((hint) => hint.endsWith('dynamodb-pitr!')), ['15:Table dynamodb-pitr!']);
  });
});
