/**
 * Calls on the objects of the JavaScript and TypeScript libraries over DynamoDB (`ormObjects.ts`), each read
 * by its library's module: dynamoose (`dynamoose.ts`), ElectroDB (`electrodb.ts`), dynamodb-toolbox
 * (`dynamodbToolbox.ts`), OneTable (`oneTable.ts`), the DataMapper (`dataMapper.ts`), TypeDORM (`typedorm.ts`).
 */
import type { CodeAnalyzer } from '../analyzer';
import type { Value } from '../values';
import { dataMapperCall } from './dataMapper';
import { dynamooseCall } from './dynamoose';
import { dynamooseTableCall } from './dynamooseTables';
import { toolboxCall } from './dynamodbToolbox';
import { electrodbCall } from './electrodb';
import { oneTableCall } from './oneTable';
import { DATA_MAPPER, DYNAMOOSE, ELECTRODB, ONETABLE, TOOLBOX } from './ormObjects';
import { TYPEDORM, typedormCall } from './typedorm';

/** `Order.scan()`, `entity.query.byOrg(...)`, `table.build(ScanCommand)`: whether the call is on an ORM object (then read here). */
export function ormCall(a: CodeAnalyzer, nameIndex: number, receiver: Value & { t: 'ref' }): boolean {
  switch (receiver.module) {
    case 'dynamoose':
      // `dynamoose.model(name, schema, options)`, `new dynamoose.Schema(...)`: the table they make.
      if (receiver.path === '') {
        dynamooseTableCall(a, nameIndex, a.tokens.text(nameIndex));
      }
      return false;
    case DYNAMOOSE:
      dynamooseCall(a, nameIndex, receiver.path);
      return true;
    case ELECTRODB:
      electrodbCall(a, nameIndex, receiver);
      return true;
    case TOOLBOX:
      toolboxCall(a, nameIndex, receiver.path);
      return true;
    case ONETABLE:
      oneTableCall(a, nameIndex, receiver.path);
      return true;
    case DATA_MAPPER:
      dataMapperCall(a, nameIndex, receiver.path);
      return true;
    case TYPEDORM:
      typedormCall(a, nameIndex, receiver.path);
      return true;
    default:
      return false;
  }
}

/** The names dynamoose exports that make a table: a model, a table, a schema (`dynamooseTables.ts`). */
const DYNAMOOSE_TABLE_MAKERS = new Set(['model', 'Table', 'Schema']);

/**
 * `model(name, schema, options)`, `new Schema({...})` called by a name imported from dynamoose (`import { model,
 * Schema } from 'dynamoose'`, or from its own module, `dynamoose/dist/Schema`): the table they make, as the same
 * calls on `dynamoose.` are read. Whether the name at `nameIndex` was one.
 */
export function dynamoosePlainCall(a: CodeAnalyzer, nameIndex: number, receiver: Value & { t: 'ref' }): boolean {
  const library = receiver.module === 'dynamoose' || receiver.module.startsWith('dynamoose/dist/');
  if (!library || !DYNAMOOSE_TABLE_MAKERS.has(receiver.path)) {
    return false;
  }
  dynamooseTableCall(a, nameIndex, receiver.path);
  return true;
}
