/**
 * `lambda-client-per-invocation` through factories of other modules that build an object graph per call: a handler
 * calls `createGetTodoController()`, whose module calls `createTodoRepository()` of another, which constructs
 * `new TodoRepository(new ClientProvider())`, whose constructor makes a DynamoDB client. Each invocation makes a
 * client. Silent: a factory that keeps what it built, a class that is given its client, a provider over a shared
 * client, and the same files read alone.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsInWorkspace, workspaceOf } from './support';

const RULE = 'lambda-client-per-invocation!';

const PROVIDER = sourceLines(
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
  '',
  'const shared = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '',
  'export class ClientProvider {',
  '  readonly documentClient: DynamoDBDocumentClient;',
  '  constructor() {',
  '    this.documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));',
  '  }',
  '}',
  '',
  'export class SharedProvider {',
  '  readonly documentClient = shared;',
  '}',
);

const REPOSITORY = sourceLines(
  "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
  "import { ClientProvider } from '../providers/client.provider';",
  '',
  'export class TodoRepository {',
  '  private readonly doc: DynamoDBDocumentClient;',
  '  constructor(provider: ClientProvider) {',
  '    this.doc = provider.documentClient;',
  '  }',
  '  find(id: string) {',
  "    return this.doc.send(new GetCommand({ TableName: 'todos', Key: { id } }));",
  '  }',
  '}',
);

const REPOSITORY_FACTORY = sourceLines(
  "import { ClientProvider, SharedProvider } from '../providers/client.provider';",
  "import { TodoRepository } from '../repositories/todo.repository';",
  '',
  'export const createTodoRepository = (): TodoRepository => new TodoRepository(new ClientProvider());',
  'export const createSharedRepository = (): TodoRepository => new TodoRepository(new SharedProvider());',
  '',
  'let kept: TodoRepository | undefined;',
  'export const keptRepository = (): TodoRepository => {',
  '  if (!kept) {',
  '    kept = new TodoRepository(new ClientProvider());',
  '  }',
  '  return kept;',
  '};',
);

const CONTROLLER_FACTORY = sourceLines(
  "import { createSharedRepository, createTodoRepository, keptRepository } from '../factories/repositories.factory';",
  '',
  'export class GetTodoController {',
  '  constructor(readonly repository: { find(id: string): Promise<unknown> }) {}',
  '}',
  '',
  'export const createGetTodoController = (): GetTodoController => new GetTodoController(createTodoRepository());',
  'export const createSharedController = (): GetTodoController => new GetTodoController(createSharedRepository());',
  'export const createKeptController = (): GetTodoController => new GetTodoController(keptRepository());',
);

const HANDLERS = sourceLines(
  "import { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';",
  "import { createGetTodoController, createKeptController, createSharedController } from '../factories/controllers.factory';",
  "import { createTodoRepository } from '../factories/repositories.factory';",
  '',
  'export const getTodo = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {',
  '  const controller = createGetTodoController();',
  '  return { statusCode: 200, body: JSON.stringify(controller) };',
  '};',
  '',
  'export const findTodo = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {',
  '  const repository = createTodoRepository();',
  '  return { statusCode: 200, body: JSON.stringify(await repository.find(event.rawPath)) };',
  '};',
  '',
  'export const sharedTodo = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {',
  '  const controller = createSharedController();',
  '  return { statusCode: 200, body: JSON.stringify(controller) };',
  '};',
  '',
  'export const keptTodo = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {',
  '  const controller = createKeptController();',
  '  return { statusCode: 200, body: JSON.stringify(controller) };',
  '};',
);

const FILES = {
  'src/providers/client.provider.ts': PROVIDER,
  'src/repositories/todo.repository.ts': REPOSITORY,
  'src/factories/repositories.factory.ts': REPOSITORY_FACTORY,
  'src/factories/controllers.factory.ts': CONTROLLER_FACTORY,
  'src/handlers/todo.handler.ts': HANDLERS,
};

describe('lambda-client-per-invocation: factories of other modules that construct a client-making class per call', () => {
  it('reports a handler that calls a factory one or two modules above the class whose constructor makes the client', () => {
    const found = hintsInWorkspace(workspaceOf(FILES), 'src/handlers/todo.handler.ts', HANDLERS).filter((hint) => hint.endsWith(RULE));
    assert.deepEqual(found.sort(), [`11:createTodoRepository ${RULE}`, `6:createGetTodoController ${RULE}`]);
  });

  it('says nothing of a factory over a shared client, a factory that keeps what it built, or the handler read alone', () => {
    const found = hintsInWorkspace(workspaceOf(FILES), 'src/handlers/todo.handler.ts', HANDLERS).filter((hint) => hint.endsWith(RULE));
    assert.ok(!found.some((hint) => /^(16|21):/.test(hint)), found.join('\n'));
    assert.deepEqual(hintsInWorkspace(undefined, 'src/handlers/todo.handler.ts', HANDLERS).filter((hint) => hint.endsWith(RULE)), []);
  });
});
