/**
 * FastAPI parameters written `Annotated[T, Depends(get_x)]`, the form FastAPI's documentation recommends: the
 * parameter holds what the dependency gives, written in place, through a module-level alias of the file, or
 * (workspace mode) through an alias another module defines, when `T` names no client type of its own
 * (`Annotated[Any, Depends(get_dynamodb)]`). Then what must stay silent: a dependency that gives a dict, an
 * `Annotated` without `Depends`, and the alias without the workspace.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';
import { hintsInWorkspace, workspaceOf } from '../workspace/support';

const dynamodbHints = (hints: string[]): string[] => hints.filter((hint) => / dynamodb-/.test(hint));

const AWS = sourceLines(
  'from typing import Annotated, Any',
  '',
  'import boto3',
  'from fastapi import Depends',
  '',
  '',
  'def get_dynamodb():',
  '    return boto3.resource("dynamodb")',
  '',
  '',
  'DynamoDep = Annotated[Any, Depends(get_dynamodb)]',
);

describe('FastAPI: parameters annotated Annotated[T, Depends(...)]', () => {
  it('reads the dependency written in place and through a module-level alias, also from a nested function', () => {
    const code = sourceLines(
      AWS.trimEnd(),
      'SettingsDep = Annotated[dict, Depends(lambda: {"table": "t"})]',
      '',
      '',
      'def in_place(dynamodb: Annotated[Any, Depends(get_dynamodb)]):',
      '    return dynamodb.Table("rides").put_item(Item={"pk": "a"})',
      '',
      '',
      'def aliased(dynamodb: DynamoDep):',
      '    async def run(pk):',
      '        table = dynamodb.Table("rides")',
      '        return table.query(KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": pk})["Items"]',
      '    return run',
      '',
      '',
      'def settings_of(settings: SettingsDep, marker: Annotated[dict, "no dependency"]):',
      '    return settings.get("table"), marker.get("x")',
    );
    assert.deepEqual(dynamodbHints(hintsIn('app/deps.py', code)), [
      '16:put_item dynamodb-put-item',
      '22:query dynamodb-query',
      '22:KeyConditionExpression dynamodb-key-condition-expression',
      '22:query dynamodb-query!',
    ]);
  });

  it('keeps a client type the annotation names when the dependency gives something else', () => {
    const code = sourceLines(
      'from typing import Annotated',
      'from fastapi import Depends',
      'from mypy_boto3_dynamodb import DynamoDBClient',
      '',
      'def get_client(): ...',
      '',
      'def everything(client: Annotated[DynamoDBClient, Depends(get_client)]):',
      '    return client.scan(TableName="rides")["Items"]',
    );
    assert.ok(hintsIn('app/routes.py', code).includes('8:scan dynamodb-scan!'));
  });

  it('reads an alias another module defines, in workspace mode only', () => {
    const model = workspaceOf({ 'app/aws.py': AWS, 'app/__init__.py': '' });
    const use = sourceLines(
      'from app.aws import DynamoDep',
      '',
      '',
      'def book(dynamodb: DynamoDep):',
      '    async def run(pk: str):',
      '        dynamodb.Table("rides").put_item(Item={"pk": pk})',
      '    return run',
    );
    assert.deepEqual(dynamodbHints(hintsInWorkspace(model, 'app/use_cases/book.py', use)), ['6:put_item dynamodb-put-item']);
    assert.deepEqual(dynamodbHints(hintsInWorkspace(undefined, 'app/use_cases/book.py', use)), []);
  });
});
