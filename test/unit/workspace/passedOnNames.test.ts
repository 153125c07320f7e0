/**
 * Names of a client library that a workspace module imports and passes on (`export { ScanCommand }` of a
 * `@aws-sdk/lib-dynamodb` import, a Python module's `from mypy_boto3_dynamodb... import Table`), read in
 * the files that import them from that module as if imported from the library. Then what must stay
 * unread: a class of the module's own with a library's name, a name from another library, a local that
 * hides the import, and any of it without the workspace.
 */
import * as assert from 'node:assert/strict';
import { sourceLines } from '../hints/support';
import { hintsInWorkspace, workspaceOf } from './support';

const hints = hintsInWorkspace;

const STORE_MODULE = sourceLines(
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { DynamoDBDocumentClient, ScanCommand, PutCommand } from '@aws-sdk/lib-dynamodb';",
  '',
  'const docClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  '',
  'export { docClient, ScanCommand, PutCommand as SaveCommand };',
);

const FAVOURITES = sourceLines(
  "import { docClient, ScanCommand, SaveCommand } from '../providers/store';",
  '',
  'export async function listFavourites(owner: string) {',
  '  const page = await docClient.send(new ScanCommand({ TableName: process.env.TABLE, FilterExpression: "owner = :o", ExpressionAttributeValues: { ":o": owner } }));',
  '  return page.Items;',
  '}',
  '',
  'export async function saveFavourite(item: Record<string, string>) {',
  '  await docClient.send(new SaveCommand({ TableName: process.env.TABLE, Item: item }));',
  '}',
);

describe('workspace: client library names that a module passes on', () => {
  it('reads commands a TypeScript module imports from the SDK and exports again, renamed or not, and nothing without the workspace', () => {
    const model = workspaceOf({ 'src/providers/store.ts': STORE_MODULE, 'src/services/favourites.ts': FAVOURITES });
    const found = hints(model, 'src/services/favourites.ts', FAVOURITES);
    assert.ok(found.includes('4:ScanCommand dynamodb-scan'), found.join('\n'));
    assert.ok(found.includes('4:ScanCommand dynamodb-scan!'), found.join('\n'));
    assert.ok(found.includes('4:FilterExpression dynamodb-filter-expression'), found.join('\n'));
    assert.ok(found.includes('9:SaveCommand dynamodb-put-item'), found.join('\n'));
    assert.deepEqual(hints(undefined, 'src/services/favourites.ts', FAVOURITES), []);
  });

  it('follows `export { … } from` a package, through a barrel of the project', () => {
    const barrel = "export { QueryCommand } from '@aws-sdk/lib-dynamodb';\nexport * from './store';\n";
    const code = sourceLines(
      "import { docClient, QueryCommand } from '../providers';",
      '',
      'export const firstPage = (id: string) =>',
      '  docClient.send(new QueryCommand({ TableName: "orders", KeyConditionExpression: "pk = :id", ExpressionAttributeValues: { ":id": id } }));',
    );
    const model = workspaceOf({ 'src/providers/store.ts': STORE_MODULE, 'src/providers/index.ts': barrel, 'src/services/orders.ts': code });
    const found = hints(model, 'src/services/orders.ts', code);
    assert.ok(found.includes('4:QueryCommand dynamodb-query'), found.join('\n'));
    assert.ok(found.includes('4:KeyConditionExpression dynamodb-key-condition-expression'), found.join('\n'));
  });

  it('reads a mypy-boto3 type a Python module imports, as another module annotates a parameter with it', () => {
    const types = sourceLines('from typing import Union', '', 'from mypy_boto3_dynamodb.service_resource import Table', '', 'Key = Union[str, int]');
    const repository = sourceLines(
      'from app.core.types import Table',
      '',
      '',
      'class PointerRepository:',
      '    def __init__(self, table: Table):',
      '        self.table = table',
      '',
      '    def list_all(self):',
      '        return self.table.scan()["Items"]',
    );
    const model = workspaceOf({ 'app/core/types.py': types, 'app/core/repository.py': repository });
    const found = hints(model, 'app/core/repository.py', repository);
    assert.ok(found.includes('9:scan dynamodb-scan'), found.join('\n'));
    assert.ok(found.includes('9:scan dynamodb-scan!'), found.join('\n'));
    assert.deepEqual(hints(undefined, 'app/core/repository.py', repository), []);
  });

  it('reads nothing for a class of the module itself named like a command, a name from another library, or a local that hides the import', () => {
    const own = sourceLines('export class ScanCommand {', '  constructor(readonly input: object) {}', '}', "export { groupBy as QueryCommand } from 'lodash';");
    const code = sourceLines(
      "import { ScanCommand, QueryCommand } from '../local/commands';",
      "import { docClient, PutCommand } from '../providers/store';",
      '',
      'export async function run(PutCommand: new (input: object) => object) {',
      '  await docClient.send(new ScanCommand({ TableName: "t", FilterExpression: "a = :a" }));',
      '  await docClient.send(new QueryCommand({ TableName: "t", KeyConditionExpression: "pk = :p" }));',
      '  await docClient.send(new PutCommand({ TableName: "t", Item: {} }));',
      '}',
    );
    const model = workspaceOf({ 'src/providers/store.ts': STORE_MODULE, 'src/local/commands.ts': own, 'src/jobs/run.ts': code });
    assert.deepEqual(hints(model, 'src/jobs/run.ts', code), []);
  });
});
