/**
 * A TypeScript Lambda handler typed with a project's alias of an `aws-lambda` handler type (the Serverless Framework
 * TypeScript template's `export type ValidatedEventAPIGatewayProxyEvent<S> = Handler<...>`): in workspace mode a
 * handler whatever its parameters, so a client it makes on each call counts as one per invocation.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';

const PER_INVOCATION = 'lambda-client-per-invocation!';

function project(typeModule: string, importedFrom: string, alias = 'EventHandler'): Record<string, string> {
  return {
    [typeModule]: [
      "import type { APIGatewayProxyEvent, APIGatewayProxyResult, Handler } from 'aws-lambda';",
      '',
      `export type ${alias} = Handler<APIGatewayProxyEvent, APIGatewayProxyResult>;`,
      "export type NotAHandler = Record<string, string>;",
      '',
    ].join('\n'),
    'src/functions/users/list.ts': [
      "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
      `import type { ${alias} } from '${importedFrom}';`,
      '',
      `const list: ${alias} = async () => {`,
      '  const client = new DynamoDBClient({});',
      "  const result = await client.send(new ScanCommand({ TableName: 'users' }));",
      '  return { statusCode: 200, body: JSON.stringify(result.Items) };',
      '};',
      '',
      'export const main = middyfy(list);',
      '',
    ].join('\n'),
  };
}

const perInvocation = (files: Record<string, string>): string[] => hintsOfFile(files, 'src/functions/users/list.ts').filter((hint) => hint.endsWith(PER_INVOCATION));

describe('Lambda handlers typed with a project alias of an aws-lambda handler type', () => {
  it('reads a handler with no parameters typed with the alias, imported by a relative path, as a handler', () => {
    assert.deepEqual(perInvocation(project('src/libs/api-gateway.ts', '../../libs/api-gateway')), [`5:DynamoDBClient ${PER_INVOCATION}`]);
  });

  it('also from a declaration file', () => {
    assert.deepEqual(perInvocation(project('src/libs/api-gateway.d.ts', '../../libs/api-gateway')), [`5:DynamoDBClient ${PER_INVOCATION}`]);
  });

  it('leaves a function typed with a project type that is no handler alias', () => {
    const files = project('src/libs/api-gateway.ts', '../../libs/api-gateway');
    files['src/functions/users/list.ts'] = files['src/functions/users/list.ts'].replaceAll('EventHandler', 'NotAHandler');
    assert.deepEqual(perInvocation(files), []);
  });
});
