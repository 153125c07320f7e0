/**
 * The AWS SDK for JavaScript v2's per-service modules in the shapes real code imports them: a namespace
 * import of a module that is `export =` one class (`import * as DynamoDB from 'aws-sdk/clients/dynamodb'`,
 * then `new DynamoDB()`), the file with its extension that Node's ES modules need (`.../dynamodb.js`), the
 * DocumentClient's own file (`aws-sdk/lib/dynamodb/document_client`), a member read off `require(...)`,
 * TypeScript's `import X = Y.Member` alias, and X-Ray's `captureAWS(AWS)` / `captureAWSClient(client)`, which
 * give back what they instrument. And the end-of-support message, which names only the v3 packages of the
 * client classes the file uses. Traps: a local class named like the SDK's, a namespace import of a project
 * module, and X-Ray capturing something that is no SDK.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { hintsIn, realHintRules, sourceLines } from './support';

/** The text of the file's `aws-sdk-end-of-support` finding after "Migrate to", or undefined. */
function migrateTo(fileName: string, code: string): string | undefined {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  const finding = result.findings.find((candidate) => candidate.ruleId === 'aws-sdk-end-of-support');
  return finding ? /Migrate to (.*)\.$/.exec(finding.message)?.[1] : undefined;
}

describe('SDK v2 per-service client modules', () => {
  it('reads a namespace import of a per-service module as its class, constructed and as a type', () => {
    const found = hintsIn(
      'src/handlers/listOrders.ts',
      sourceLines(
        "import * as DynamoDB from 'aws-sdk/clients/dynamodb';",
        "import * as ElastiCache from 'aws-sdk/clients/elasticache';",
        '',
        'const ddb = new DynamoDB({ region: process.env.AWS_REGION });',
        'const cache = new ElastiCache();',
        '',
        'export class OrderStore {',
        '  constructor(private readonly low: DynamoDB = ddb) {}',
        '  all() {',
        "    return this.low.scan({ TableName: 'orders' }).promise();",
        '  }',
        '}',
        '',
        'export const handler = async () => {',
        "  const page = await ddb.scan({ TableName: 'orders' }).promise();",
        "  await cache.createReplicationGroup({ ReplicationGroupId: 'c', ReplicationGroupDescription: 'c', TransitEncryptionEnabled: false }).promise();",
        '  return page.Items;',
        '};',
      ),
    );
    for (const expected of ['10:scan dynamodb-scan!', '15:scan dynamodb-scan!', '16:TransitEncryptionEnabled elasticache-transit-encryption']) {
      assert.ok(found.includes(expected), `${expected} in\n${found.join('\n')}`);
    }
  });

  it('reads the modules with a .js extension and the DocumentClient file, as ES module handlers and typed repositories import them', () => {
    const handler = hintsIn(
      'src/users/list.mjs',
      sourceLines(
        "import DynamoDB from 'aws-sdk/clients/dynamodb.js';",
        '',
        'const docClient = new DynamoDB.DocumentClient();',
        '',
        'export const listUsers = async () => {',
        '  const data = await docClient.scan({ TableName: process.env.USERS_TABLE }).promise();',
        '  return data.Items;',
        '};',
      ),
    );
    assert.ok(handler.includes('6:scan dynamodb-scan!'), handler.join('\n'));
    const repository = hintsIn(
      'src/data/crawled.ts',
      sourceLines(
        "import { DocumentClient } from 'aws-sdk/lib/dynamodb/document_client';",
        'import GetItemInput = DocumentClient.GetItemInput;',
        '',
        'export class CrawledRepository {',
        '  constructor(private readonly docClient: DocumentClient, private readonly table: string) {}',
        '  async everything() {',
        '    const result = await this.docClient.scan({ TableName: this.table }).promise();',
        '    return result.Items;',
        '  }',
        '  one(id: string) {',
        '    const params: GetItemInput = { TableName: this.table, Key: { id } };',
        '    return this.docClient.get(params).promise();',
        '  }',
        '}',
      ),
    );
    assert.ok(repository.includes('7:scan dynamodb-scan!'), repository.join('\n'));
    // A request typed with the DocumentClient file's input type, sent through a wrapper of another module.
    const typed = hintsIn(
      'packages/functions/src/listPosts.ts',
      sourceLines(
        "import { DocumentClient } from 'aws-sdk/lib/dynamodb/document_client';",
        "import db from '@app/core/libs/dynamodb';",
        '',
        'export async function main(userId: string) {',
        '  const params: DocumentClient.QueryInput = {',
        '    TableName: process.env.TABLE as string,',
        "    KeyConditionExpression: 'pk = :u',",
        "    ExpressionAttributeValues: { ':u': userId },",
        '  };',
        '  return db.query(params);',
        '}',
      ),
    );
    assert.ok(typed.includes('7:KeyConditionExpression dynamodb-key-condition-expression'), typed.join('\n'));
  });

  it('reads a member required off a module, and a TypeScript alias of an imported member', () => {
    const required = hintsIn(
      'lib/events.js',
      sourceLines(
        "const DocumentClient = require('aws-sdk/clients/dynamodb').DocumentClient;",
        'const db = new DocumentClient();',
        'exports.save = (items) => db.batchWrite({ RequestItems: { events: items } }).promise();',
      ),
    );
    assert.ok(required.includes('3:batchWrite dynamodb-batch-write-item'), required.join('\n'));
    const aliased = hintsIn(
      'src/store.ts',
      sourceLines(
        "import DynamoDB = require('aws-sdk/clients/dynamodb');",
        'import DocumentClient = DynamoDB.DocumentClient;',
        '',
        'const db = new DocumentClient();',
        "export const everything = () => db.scan({ TableName: 'events' }).promise();",
      ),
    );
    assert.ok(aliased.includes('5:scan dynamodb-scan!'), aliased.join('\n'));
    const all = hintsIn(
      'src/viruses/list.ts',
      sourceLines(
        "import { DynamoDB } from 'aws-sdk/clients/all';",
        '',
        'export const main = async () => {',
        '  const client = new DynamoDB.DocumentClient();',
        "  const result = await client.scan({ TableName: process.env.TABLE as string }).promise();",
        '  return result.Items;',
        '};',
      ),
    );
    assert.ok(all.includes('5:scan dynamodb-scan!'), all.join('\n'));
    assert.ok(all.includes('1:aws-sdk/clients/all aws-sdk-end-of-support!'), all.join('\n'));
  });

  it('reads clients made through X-Ray, from the captured module and a captured client', () => {
    const access = hintsIn(
      'src/dataLayer/todosAccess.ts',
      sourceLines(
        "import * as AWS from 'aws-sdk';",
        "import * as AWSXRay from 'aws-xray-sdk';",
        '',
        'const XAWS = AWSXRay.captureAWS(AWS);',
        '',
        'export class TodosAccess {',
        '  private readonly docClient = new XAWS.DynamoDB.DocumentClient();',
        '  async all() {',
        "    const result = await this.docClient.scan({ TableName: 'todos' }).promise();",
        '    return result.Items;',
        '  }',
        '}',
      ),
    );
    assert.ok(access.includes('9:scan dynamodb-scan!'), access.join('\n'));
    const core = hintsIn(
      'handler.js',
      sourceLines(
        "const AWSXRay = require('aws-xray-sdk-core');",
        "const AWS = AWSXRay.captureAWS(require('aws-sdk'));",
        "const DynamoDB = require('aws-sdk/clients/dynamodb');",
        'const low = AWSXRay.captureAWSClient(new DynamoDB());',
        'const docs = new AWS.DynamoDB.DocumentClient();',
        "exports.handler = async () => [await low.scan({ TableName: 't' }).promise(), await docs.scan({ TableName: 't' }).promise()];",
      ),
    );
    assert.ok(core.includes('6:scan dynamodb-scan!'), core.join('\n'));
    assert.equal(core.filter((hint) => hint === '6:scan dynamodb-scan!').length, 2, core.join('\n'));
  });

  it('stays silent for a local class named like the SDK, a namespace import of a project module and X-Ray capturing anything else', () => {
    const local = hintsIn(
      'src/fake.ts',
      sourceLines(
        "import * as AWS from 'aws-sdk';",
        'class DynamoDB {',
        '  scan(_input: object) { return { promise: async () => [] }; }',
        '}',
        'const s3 = new AWS.S3();',
        'const db = new DynamoDB();',
        "export const all = () => db.scan({ TableName: 't' }).promise();",
        'export const buckets = () => s3.listBuckets().promise();',
      ),
    );
    assert.deepEqual(local, [], local.join('\n'));
    const project = hintsIn(
      'src/service.ts',
      sourceLines(
        "import * as DynamoDB from './dynamodb';",
        'const db = new DynamoDB.Repository();',
        "export const all = () => db.scan({ TableName: 't' });",
      ),
    );
    assert.deepEqual(project, [], project.join('\n'));
    const other = hintsIn(
      'src/http.js',
      sourceLines(
        "const AWSXRay = require('aws-xray-sdk-core');",
        "const https = AWSXRay.captureHTTPs(require('https'));",
        'const client = AWSXRay.captureAWSClient(makeClient());',
        "exports.get = () => [https.get('https://example.com'), client.scan({ TableName: 't' })];",
      ),
    );
    assert.deepEqual(other, [], other.join('\n'));
  });

  it('names in the end-of-support message only the v3 packages of the client classes the file uses', () => {
    assert.equal(
      migrateTo('a.ts', sourceLines("import * as DynamoDB from 'aws-sdk/clients/dynamodb';", 'export const db = new DynamoDB();')),
      'the AWS SDK for JavaScript v3 (@aws-sdk/client-dynamodb)',
    );
    assert.equal(
      migrateTo('a.ts', sourceLines("import * as AWS from 'aws-sdk';", 'export const db = new AWS.DynamoDB.DocumentClient();', 'export const s3 = new AWS.S3();')),
      'the AWS SDK for JavaScript v3 (@aws-sdk/client-dynamodb, @aws-sdk/lib-dynamodb)',
    );
    assert.equal(
      migrateTo('a.ts', sourceLines("import { DocumentClient } from 'aws-sdk/clients/dynamodb';", 'export class Repo {', '  constructor(private readonly db: DocumentClient) {}', '}')),
      'the AWS SDK for JavaScript v3 (@aws-sdk/client-dynamodb, @aws-sdk/lib-dynamodb)',
    );
    assert.equal(
      migrateTo('a.js', sourceLines("const AWS = require('aws-sdk');", 'const data = new AWS.RDSDataService();', 'const cache = new AWS.ElastiCache();')),
      'the AWS SDK for JavaScript v3 (@aws-sdk/client-rds-data, @aws-sdk/client-elasticache)',
    );
    assert.equal(
      migrateTo('a.ts', sourceLines("import RDS from 'aws-sdk/clients/rds';", "export const signer = new RDS.Signer({ region: 'r', hostname: 'h', port: 5432, username: 'u' });")),
      'the AWS SDK for JavaScript v3 (@aws-sdk/rds-signer)',
    );
    assert.equal(
      migrateTo('a.ts', sourceLines("import * as AWS from 'aws-sdk';", "import * as AWSXRay from 'aws-xray-sdk';", 'const XAWS = AWSXRay.captureAWS(AWS);', 'export const rds = new XAWS.RDS();')),
      'the AWS SDK for JavaScript v3 (@aws-sdk/client-rds)',
    );
    // The import alone names the class, not its use: the general text.
    const general = 'the AWS SDK for JavaScript v3 (@aws-sdk/client-dynamodb, @aws-sdk/lib-dynamodb, @aws-sdk/client-rds, @aws-sdk/client-rds-data, @aws-sdk/client-elasticache)';
    assert.equal(migrateTo('a.js', sourceLines("const { RDS } = require('aws-sdk');")), general);
    assert.equal(migrateTo('a.ts', sourceLines("import { DynamoDB } from 'aws-sdk';", 'export const item = (image: object) => DynamoDB.Converter.unmarshall(image);')), general);
  });
  it("hovers v2's RDS.Signer where it is made, as v3's Signer is, whatever the import", () => {
    const tokenHovers = (fileName: string, code: string): string[] => hintsIn(fileName, code).filter((hint) => hint.endsWith(' rds-auth-token'));
    assert.deepEqual(
      tokenHovers(
        'src/services/sqlService.ts',
        sourceLines(
          "import { RDS } from 'aws-sdk';",
          "import * as AWS from 'aws-sdk';",
          'const signer = new RDS.Signer();',
          "const regional = new AWS.RDS.Signer({ region: 'eu-west-1' });",
          "export const token = signer.getAuthToken({ username: 'api', hostname: process.env.DB_HOST, port: 5432, region: 'eu-west-1' });",
        ),
      ),
      ['3:Signer rds-auth-token', '4:Signer rds-auth-token', '5:getAuthToken rds-auth-token'],
    );
    assert.deepEqual(tokenHovers('src/db.js', sourceLines("const RDS = require('aws-sdk/clients/rds');", "const signer = new RDS.Signer({ region: 'eu-west-1' });")), ['2:Signer rds-auth-token']);
    // A class of the project's own named so: no SDK.
    assert.deepEqual(tokenHovers('src/local.js', sourceLines('class RDS { static Signer = class {}; }', 'const signer = new RDS.Signer();')), []);
  });
});
