/**
 * A name declared `typeof` an SDK class (`export const DocumentClient: typeof AWS.DynamoDB.DocumentClient =
 * tracedAWS.DynamoDB.DocumentClient`, AWS X-Ray's traced SDK) holds that class whatever its initializer, in its
 * file and in the modules and workspace packages that import it. Other modules' classes stay unknown.
 */
import * as assert from 'node:assert/strict';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';
import { hintsIn, sourceLines } from './support';

const TRACED = sourceLines(
  "import * as AWS from 'aws-sdk';",
  "import { Agent as HttpsAgent } from 'https';",
  "import { tracedAWS, tracedHttps } from './sdk';",
  'export const DocumentClient: typeof AWS.DynamoDB.DocumentClient = tracedAWS.DynamoDB.DocumentClient;',
  'export const RDS: typeof AWS.RDS = tracedAWS.RDS;',
  'export const Agent: typeof HttpsAgent = tracedHttps.Agent;',
);

describe('names typed typeof an SDK class', () => {
  it('reads the class in its own file, whatever the initializer gives', () => {
    const code = sourceLines(TRACED, 'export async function all(TableName: string) {', '  return new DocumentClient().scan({ TableName }).promise();', '}');
    assert.deepEqual(
      hintsIn('clients.ts', code).filter((hint) => !hint.includes('end-of-support')),
      ['9:scan dynamodb-scan', '9:scan dynamodb-scan!'],
    );
  });

  it('reads the class in a module of another workspace package that constructs it, and leaves a class of another module alone', () => {
    const cache = sourceLines(
      "import { Agent, DocumentClient, RDS } from '@acme/platform';",
      'export class MatchCache {',
      '  private client: AWS.DynamoDB.DocumentClient;',
      '  constructor(private table: string) {',
      '    this.client = new DocumentClient({});',
      '  }',
      '  async remove(id: string) {',
      '    await this.client.delete({ TableName: this.table, Key: { id } }).promise();',
      '  }',
      '}',
      'export function token(hostname: string, username: string) {',
      "  return new RDS.Signer().getAuthToken({ region: 'eu-west-1', hostname, port: 5432, username });",
      '}',
      'export function closeAgent(agent: InstanceType<typeof Agent>) {',
      '  agent.destroy();',
      '}',
    );
    const files = {
      'package.json': '{ "private": true, "workspaces": ["packages/*", "services/*"] }',
      'packages/platform/package.json': '{ "name": "@acme/platform", "main": "dist/index.js" }',
      'packages/platform/src/index.ts': "export * from './tracing/clients';\n",
      'packages/platform/src/tracing/clients.ts': TRACED,
      'services/api/package.json': '{ "name": "@acme/api", "dependencies": { "@acme/platform": "*" } }',
      'services/api/src/cache.ts': cache,
    };
    assert.deepEqual(hintsInWorkspace(workspaceOf(files), 'services/api/src/cache.ts', cache).sort(), ['12:Signer rds-auth-token', '12:getAuthToken rds-auth-token', '8:delete dynamodb-delete-item']);
  });
});
