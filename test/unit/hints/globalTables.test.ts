/**
 * Global tables: `dynamodb-global-tables` explains replicas where they are declared (UpdateTable's
 * ReplicaUpdates, a GlobalTable's Replicas, Terraform and Pulumi replica blocks, CDK `replicas`), and
 * `dynamodb-global-tables-legacy` reports version 2017.11.29 (Legacy): CreateGlobalTable and
 * UpdateGlobalTable calls in every SDK, Terraform's aws_dynamodb_global_table and Pulumi's GlobalTable,
 * once per request or resource. Silent: UpdateTable's ReplicaUpdates (the current version), a same-named
 * method of another object, a comment.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const LEGACY = 'dynamodb-global-tables-legacy';
const REPLICAS = 'dynamodb-global-tables';

const of = (rule: string, fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(` ${rule}`) || hint.endsWith(` ${rule}!`));

describe('DynamoDB global tables', () => {
  it('reports CreateGlobalTable and UpdateGlobalTable in a Lambda handler that makes its client, and explains UpdateTable replicas', () => {
    const code = sourceLines(
      'import boto3',
      '',
      '',
      'def handler(event, context):',
      '    client = boto3.client("dynamodb")',
      '    # client.create_global_table(...) made the old ones',
      '    client.create_global_table(',
      '        GlobalTableName=event["table"],',
      '        ReplicationGroup=[{"RegionName": r} for r in event["regions"]],', // 9
      '    )',
      '    client.update_table(TableName=event["table"], ReplicaUpdates=[{"Create": {"RegionName": "eu-west-1"}}])', // 11
    );
    assert.deepEqual(of(LEGACY, 'functions/replicate.py', code), [`7:create_global_table ${LEGACY}`, `9:ReplicationGroup ${LEGACY}`, `9:ReplicationGroup ${LEGACY}!`]);
    assert.deepEqual(of(REPLICAS, 'functions/replicate.py', code), [`11:ReplicaUpdates ${REPLICAS}`]);
  });

  it('reports the legacy calls of an injected Go client and a Java repository field, not a method of the same name on another object', () => {
    const go = sourceLines(
      'package tables',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      ')',
      '',
      'type Replicator struct {',
      '\tdb *dynamodb.Client',
      '}',
      '',
      'func (r *Replicator) Add(ctx context.Context, region string) error {',
      '\t_, err := r.db.UpdateGlobalTable(ctx, &dynamodb.UpdateGlobalTableInput{',
      '\t\tGlobalTableName: aws.String("orders"),',
      '\t\tReplicaUpdates:  []types.ReplicaUpdate{{Create: &types.CreateReplicaAction{RegionName: aws.String(region)}}},', // 18
      '\t})',
      '\treturn err',
      '}',
    );
    assert.ok(of(LEGACY, 'tables/replicator.go', go).includes(`18:ReplicaUpdates ${LEGACY}!`), of(LEGACY, 'tables/replicator.go', go).join('\n'));
    const java = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.*;',
      '',
      'public class GlobalTables {',
      '    private final DynamoDbClient ddb;',
      '    private final Planner planner = new Planner();',
      '',
      '    public GlobalTables(DynamoDbClient ddb) {',
      '        this.ddb = ddb;',
      '    }',
      '',
      '    public void create(String name) {',
      '        ddb.createGlobalTable(CreateGlobalTableRequest.builder()',
      '            .globalTableName(name)',
      '            .replicationGroup(Replica.builder().regionName("us-east-1").build())', // 15
      '            .build());',
      '        planner.createGlobalTable(name);',
      '    }',
      '}',
    );
    const found = of(LEGACY, 'src/main/java/GlobalTables.java', java);
    assert.ok(found.includes(`15:replicationGroup ${LEGACY}!`), found.join('\n'));
    assert.ok(!found.some((hint) => hint.startsWith('17:')), found.join('\n'));
  });

  it('reports aws_dynamodb_global_table once however many replica blocks it has, and explains replica blocks of aws_dynamodb_table', () => {
    const tf = sourceLines(
      'resource "aws_dynamodb_table" "orders" {',
      '  name             = "orders"',
      '  hash_key         = "pk"',
      '  billing_mode     = "PAY_PER_REQUEST"',
      '  stream_enabled   = true',
      '  stream_view_type = "NEW_AND_OLD_IMAGES"',
      '',
      '  attribute {',
      '    name = "pk"',
      '    type = "S"',
      '  }',
      '',
      '  replica {', // 13
      '    region_name = "eu-west-1"',
      '  }',
      '}',
      '',
      'resource "aws_dynamodb_global_table" "sessions" {',
      '  name = "sessions"',
      '',
      '  replica {', // 21
      '    region_name = "us-east-1"',
      '  }',
      '',
      '  replica {', // 25
      '    region_name = "us-west-2"',
      '  }',
      '}',
    );
    assert.deepEqual(of(LEGACY, 'infra/tables.tf', tf), [`21:replica ${LEGACY}`, `25:replica ${LEGACY}`, `21:replica ${LEGACY}!`]);
    assert.deepEqual(of(REPLICAS, 'infra/tables.tf', tf), [`13:replica ${REPLICAS}`]);
  });

  it('reads Pulumi GlobalTable and Table replicas, a CloudFormation GlobalTable and CDK TableV2 replicas', () => {
    const pulumi = sourceLines(
      "import * as aws from '@pulumi/aws';",
      '',
      "export const sessions = new aws.dynamodb.GlobalTable('sessions', {",
      "  name: 'sessions',",
      "  replicas: [{ regionName: 'us-east-1' }, { regionName: 'us-west-2' }],", // 5
      '});',
      "export const orders = new aws.dynamodb.Table('orders', {",
      "  hashKey: 'pk',",
      "  attributes: [{ name: 'pk', type: 'S' }],",
      '  streamEnabled: true,',
      "  streamViewType: 'NEW_AND_OLD_IMAGES',",
      "  replicas: [{ regionName: 'eu-west-1' }],", // 12
      '});',
    );
    assert.deepEqual(of(LEGACY, 'infra/index.ts', pulumi), [`5:replicas ${LEGACY}`, `5:replicas ${LEGACY}!`]);
    assert.deepEqual(of(REPLICAS, 'infra/index.ts', pulumi), [`12:replicas ${REPLICAS}`]);
    const cfn = sourceLines(
      'Resources:',
      '  Orders:',
      '    Type: AWS::DynamoDB::GlobalTable',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions:',
      '        - AttributeName: pk',
      '          AttributeType: S',
      '      KeySchema:',
      '        - AttributeName: pk',
      '          KeyType: HASH',
      '      StreamSpecification:',
      '        StreamViewType: NEW_AND_OLD_IMAGES',
      '      Replicas:', // 14
      '        - Region: us-east-1',
      '        - Region: eu-west-1',
    );
    assert.deepEqual(of(REPLICAS, 'template.yaml', cfn), [`14:Replicas ${REPLICAS}`]);
    assert.deepEqual(of(LEGACY, 'template.yaml', cfn), []);
    const cdk = sourceLines(
      "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
      "import { Stack } from 'aws-cdk-lib';",
      '',
      'export class DataStack extends Stack {',
      '  build(regions: string[]) {',
      "    return new dynamodb.TableV2(this, 'Orders', {",
      "      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },",
      '      replicas: regions.map((region) => ({ region })),', // 8
      '    });',
      '  }',
      '}',
    );
    assert.deepEqual(of(REPLICAS, 'lib/data-stack.ts', cdk), [`8:replicas ${REPLICAS}`]);
  });

  it('reads the blocks a dynamic block generates, for a table of a module that takes its replica Regions as a variable', () => {
    const tf = sourceLines(
      'variable "replica_regions" {',
      '  type    = list(string)',
      '  default = []',
      '}',
      '',
      'resource "aws_dynamodb_table" "this" {',
      '  name     = var.name',
      '  hash_key = "pk"',
      '',
      '  dynamic "replica" {', // 10
      '    for_each = var.replica_regions',
      '    content {',
      '      region_name = replica.value',
      '    }',
      '  }',
      '}',
      '',
      'resource "aws_dynamodb_global_table" "legacy" {',
      '  name = var.name',
      '  dynamic "replica" {', // 20
      '    for_each = var.replica_regions',
      '    content {',
      '      region_name = replica.value',
      '    }',
      '  }',
      '}',
    );
    assert.deepEqual(of(REPLICAS, 'modules/table/main.tf', tf), [`10:replica ${REPLICAS}`]);
    assert.deepEqual(of(LEGACY, 'modules/table/main.tf', tf), [`20:replica ${LEGACY}`, `20:replica ${LEGACY}!`]);
  });
});

