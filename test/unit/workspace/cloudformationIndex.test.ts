/**
 * CloudFormation and SAM templates into the workspace model, on small exact templates: what is written
 * literally is read with its place, and whatever the template decides at deploy time stays unknown.
 */
import * as assert from 'node:assert/strict';
import { contributionOf, placed } from './support';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('workspace index: CloudFormation and SAM', () => {
  it('reads a table with its keys, both kinds of index, projections, billing, stream and TTL, each where it is defined', () => {
    const text = lines(
      'Resources:',
      '  Orders:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      TableName: orders',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions:',
      '        - { AttributeName: pk, AttributeType: S }',
      '        - { AttributeName: sk, AttributeType: N }',
      '        - { AttributeName: gpk, AttributeType: B }',
      '      KeySchema:',
      '        - { AttributeName: pk, KeyType: HASH }',
      '        - { AttributeName: sk, KeyType: RANGE }',
      '      GlobalSecondaryIndexes:',
      '        - IndexName: byG',
      '          KeySchema: [{ AttributeName: gpk, KeyType: HASH }]',
      '          Projection: { ProjectionType: INCLUDE, NonKeyAttributes: [a, b] }',
      '      LocalSecondaryIndexes:',
      '        - IndexName: byL',
      '          KeySchema:',
      '            - { AttributeName: pk, KeyType: HASH }',
      '            - { AttributeName: other, KeyType: RANGE }',
      '          Projection: { ProjectionType: KEYS_ONLY }',
      '      StreamSpecification: { StreamViewType: NEW_IMAGE }',
      '      TimeToLiveSpecification: { AttributeName: ttl, Enabled: true }',
    );
    const contribution = contributionOf('infra/template.yaml', text)!;
    assert.deepEqual(placed(contribution.tables), [
      {
        logicalName: 'Orders',
        format: 'cloudformation',
        indexes: [
          { name: 'byG', kind: 'gsi', partitionKey: { name: 'gpk', type: 'B' }, definedAt: '14:21', projection: { type: 'INCLUDE', attributes: ['a', 'b'] } },
          { name: 'byL', kind: 'lsi', partitionKey: { name: 'pk', type: 'S' }, definedAt: '18:21', sortKey: { name: 'other' }, projection: { type: 'KEYS_ONLY', attributes: [] } },
        ],
        indexesKnown: true,
        definedAt: '1:2',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type: 'N' },
        physicalName: 'orders',
        billingMode: 'PAY_PER_REQUEST',
        streamViewType: 'NEW_IMAGE',
        ttlAttribute: 'ttl',
      },
    ]);
    const table = contribution.tables[0];
    assert.equal(table.definedAt.file, 'infra/template.yaml');
    assert.equal(text.slice(table.definedAt.span.start, table.definedAt.span.end), 'Orders');
    assert.equal(text.slice(table.indexes[0].definedAt.span.start, table.indexes[0].definedAt.span.end), 'byG');
  });

  it('reads JSON templates with Ref and Fn::GetAtt, whatever the file is called', () => {
    const text = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Parameters: { Name: { Type: 'String', Default: 'events' } },
        Resources: {
          Events: {
            Type: 'AWS::DynamoDB::Table',
            Properties: {
              TableName: { Ref: 'Name' },
              AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
              KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            },
          },
          Fn: {
            Type: 'AWS::Lambda::Function',
            Properties: { Handler: 'index.handler', Code: { ZipFile: 'exports.handler = async () => {}' }, Environment: { Variables: { ARN: { 'Fn::GetAtt': ['Events', 'Arn'] }, NAME: { Ref: 'Events' } } } },
          },
        },
      },
      null,
      2,
    );
    const contribution = contributionOf('stack.template.json', text)!;
    assert.equal(contribution.tables[0].physicalName, 'events');
    assert.equal(contribution.tables[0].billingMode, 'PROVISIONED', 'CloudFormation bills a table as provisioned unless told');
    assert.deepEqual(contribution.functions[0].codePaths, [], 'inline code runs no file of the workspace');
    assert.deepEqual(contribution.functions[0].environment, { ARN: { kind: 'table', logicalName: 'Events' }, NAME: { kind: 'table', logicalName: 'Events' } });
  });

  it('takes a name from a parameter default or a !Sub without variables, and leaves anything decided at deploy time unknown', () => {
    const text = lines(
      'Parameters:',
      '  WithDefault: { Type: String, Default: audit }',
      '  WithoutDefault: { Type: String }',
      'Resources:',
      '  A: { Type: AWS::DynamoDB::Table, Properties: { TableName: !Ref WithDefault } }',
      '  B: { Type: AWS::DynamoDB::Table, Properties: { TableName: !Ref WithoutDefault } }',
      "  C: { Type: AWS::DynamoDB::Table, Properties: { TableName: !Sub 'plain-name' } }",
      "  D: { Type: AWS::DynamoDB::Table, Properties: { TableName: !Sub '${AWS::StackName}-d' } }",
      '  E: { Type: AWS::DynamoDB::Table, Properties: { TableName: !If [IsProd, e, f] } }',
    );
    const names = contributionOf('t.yaml', text)!.tables.map((table) => `${table.logicalName}=${table.physicalName ?? '?'}`);
    assert.deepEqual(names, ['A=audit', 'B=?', 'C=plain-name', 'D=?', 'E=?']);
  });

  it('gives a SimpleTable its default key `id` (String) and on-demand billing unless it sets throughput', () => {
    const text = lines(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Plain:',
      '    Type: AWS::Serverless::SimpleTable',
      '  Keyed:',
      '    Type: AWS::Serverless::SimpleTable',
      '    Properties:',
      '      TableName: keyed',
      '      PrimaryKey: { Name: code, Type: Number }',
      '      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }',
    );
    const [plain, keyed] = contributionOf('template.yaml', text)!.tables;
    assert.deepEqual([plain.partitionKey, plain.billingMode, plain.indexesKnown], [{ name: 'id', type: 'S' }, 'PAY_PER_REQUEST', true]);
    assert.deepEqual([keyed.partitionKey, keyed.billingMode, keyed.physicalName], [{ name: 'code', type: 'N' }, 'PROVISIONED', 'keyed']);
  });

  it('marks the index list incomplete when an index or the list is not literal, or an index has multi-attribute keys', () => {
    const table = (gsis: string): { names: string[]; known: boolean } => {
      const text = lines(
        'Resources:',
        '  T:',
        '    Type: AWS::DynamoDB::GlobalTable',
        '    Properties:',
        '      KeySchema: [{ AttributeName: pk, KeyType: HASH }]',
        `      GlobalSecondaryIndexes: ${gsis}`,
      );
      const found = contributionOf('t.yaml', text)!.tables[0];
      return { names: found.indexes.map((index) => index.name), known: found.indexesKnown };
    };
    assert.deepEqual(table('[{ IndexName: a, KeySchema: [{ AttributeName: x, KeyType: HASH }] }]'), { names: ['a'], known: true });
    assert.deepEqual(table('!If [Prod, [], []]'), { names: [], known: false });
    assert.deepEqual(table('[{ IndexName: !Ref Name, KeySchema: [{ AttributeName: x, KeyType: HASH }] }, { IndexName: b, KeySchema: [{ AttributeName: y, KeyType: HASH }] }]'), {
      names: ['b'],
      known: false,
    });
    assert.deepEqual(table('[{ IndexName: multi, KeySchema: [{ AttributeName: x, KeyType: HASH }, { AttributeName: y, KeyType: HASH }] }]'), { names: [], known: false });
  });

  it('leaves the keys undefined when the key schema is not literal, and the billing mode of a GlobalTable that does not say', () => {
    const text = lines('Resources:', '  T:', '    Type: AWS::DynamoDB::GlobalTable', '    Properties:', '      KeySchema: !If [Prod, [], []]');
    const table = contributionOf('t.yaml', text)!.tables[0];
    assert.equal(table.partitionKey, undefined);
    assert.equal(table.billingMode, undefined);
  });

  it('reads RDS and ElastiCache resources with their engine and literal settings, never a password', () => {
    const text = lines(
      'Resources:',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties: { Engine: postgres, EngineVersion: "16.4", MultiAZ: true, AllocatedStorage: 20, MasterUserPassword: hunter2, VPCSecurityGroups: [!Ref Sg] }',
      '  Cluster: { Type: AWS::RDS::DBCluster, Properties: { Engine: aurora-mysql } }',
      '  Group: { Type: AWS::ElastiCache::ReplicationGroup, Properties: { Engine: valkey, AuthToken: secret-token } }',
      '  Node: { Type: AWS::ElastiCache::CacheCluster, Properties: { Engine: memcached } }',
      '  Serverless: { Type: AWS::ElastiCache::ServerlessCache, Properties: { Engine: redis } }',
    );
    const databases = contributionOf('db.yaml', text)!.databases;
    assert.deepEqual(
      databases.map((database) => [database.kind, database.logicalName, database.engine]),
      [
        ['rds-instance', 'Db', 'postgres'],
        ['rds-cluster', 'Cluster', 'aurora-mysql'],
        ['elasticache-replication-group', 'Group', 'valkey'],
        ['elasticache-cluster', 'Node', 'memcached'],
        ['elasticache-serverless', 'Serverless', 'redis'],
      ],
    );
    assert.deepEqual(databases[0].settings, { Engine: 'postgres', EngineVersion: '16.4', MultiAZ: true, AllocatedStorage: 20 });
    assert.equal(databases[0].engineVersion, '16.4');
    assert.deepEqual(databases[2].settings, { Engine: 'valkey' });
  });

  it('reads SAM functions: CodeUri and Handler (also from Globals), esbuild entry points, and no code for inline functions', () => {
    const text = lines(
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function:',
      '    CodeUri: ../shared/',
      '    Handler: main.handler',
      'Resources:',
      '  FromGlobals: { Type: AWS::Serverless::Function }',
      '  Own:',
      '    Type: AWS::Serverless::Function',
      '    Metadata: { BuildMethod: esbuild, BuildProperties: { EntryPoints: [api/app.ts] } }',
      '    Properties: { CodeUri: ./functions/own, Handler: api/app.handler }',
      '  Inline: { Type: AWS::Serverless::Function, Properties: { CodeUri: !Ref Nothing, InlineCode: "exports.handler = 1" } }',
      '  Packaged: { Type: AWS::Serverless::Function, Properties: { CodeUri: s3://bucket/key.zip } }',
      '  Plain: { Type: AWS::Lambda::Function, Properties: { Code: ./plain, Handler: index.handler } }',
    );
    const functions = contributionOf('services/orders/template.yaml', text)!.functions;
    assert.deepEqual(
      functions.map((fn) => [fn.logicalName, fn.codePaths, fn.handler]),
      [
        ['FromGlobals', ['services/shared'], 'main.handler'],
        ['Own', ['services/orders/functions/own', 'services/orders/functions/own/api/app.ts'], 'api/app.handler'],
        ['Inline', [], 'main.handler'],
        ['Packaged', [], 'main.handler'],
        ['Plain', ['services/orders/plain'], 'index.handler'],
      ],
    );
  });

  it('packages the template folder for a SAM function without CodeUri', () => {
    const text = lines('Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Fn: { Type: AWS::Serverless::Function, Properties: { Handler: src/list.handler } }');
    assert.deepEqual(contributionOf('api/template.yaml', text)!.functions[0].codePaths, ['api']);
  });

  it('wires environment variables to tables by Ref, GetAtt Arn and a one-variable !Sub, and says which it cannot follow', () => {
    const text = lines(
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  Stage: { Type: String, Default: prod }',
      'Globals:',
      '  Function:',
      '    Environment:',
      '      Variables:',
      '        GLOBAL_TABLE: !Ref Orders',
      '        REGION_NAME: !Ref AWS::Region',
      'Resources:',
      '  Orders: { Type: AWS::DynamoDB::Table }',
      '  Queue: { Type: AWS::SQS::Queue }',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          BY_REF: !Ref Orders',
      '          BY_ARN: !GetAtt Orders.Arn',
      '          BY_LIST: !GetAtt [Orders, Arn]',
      "          BY_SUB: !Sub '${Orders}'",
      '          STREAM: !GetAtt Orders.StreamArn',
      '          QUEUE: !Ref Queue',
      '          STAGE: !Ref Stage',
      '          LITERAL: fixed-name',
      '          CHOSEN: !If [IsProd, a, b]',
      '  Opaque:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Environment: !If [IsProd, { Variables: { A: b } }, !Ref AWS::NoValue]',
    );
    const contribution = contributionOf('template.yaml', text)!;
    const [fn, opaque] = contribution.functions;
    const table = { kind: 'table', logicalName: 'Orders' };
    assert.deepEqual(fn.environment, {
      BY_REF: table,
      BY_ARN: table,
      BY_LIST: table,
      BY_SUB: table,
      STAGE: { kind: 'literal', value: 'prod' },
      LITERAL: { kind: 'literal', value: 'fixed-name' },
    });
    assert.deepEqual(fn.unknownEnvironment, ['STREAM', 'QUEUE', 'CHOSEN']);
    assert.equal(opaque.environmentUnreadable, true);
    assert.deepEqual(contribution.globalEnvironment, { GLOBAL_TABLE: table });
    assert.deepEqual(contribution.unknownGlobalEnvironment, ['REGION_NAME']);
  });

  it('contributes nothing for YAML and JSON that are not templates', () => {
    assert.equal(contributionOf('k8s/deployment.yaml', lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api')), undefined);
    assert.equal(contributionOf('config/app.json', '{ "name": "x", "scripts": { "Type": "AWS::DynamoDB::Table" } }'), undefined);
    // A package.json is a package manifest, never a template.
    assert.deepEqual(contributionOf('package.json', '{ "name": "x", "scripts": { "Type": "AWS::DynamoDB::Table" } }')?.tables, []);
    assert.equal(contributionOf('empty.yaml', lines('AWSTemplateFormatVersion: "2010-09-09"', 'Resources: {}')), undefined);
  });
});
