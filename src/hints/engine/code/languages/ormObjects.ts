/**
 * The objects that JavaScript and TypeScript libraries over DynamoDB make: a dynamoose model and its items,
 * an ElectroDB entity or service, a dynamodb-toolbox table or entity, a OneTable table or model, a DataMapper,
 * a TypeDORM connection or manager (`oneTable.ts`, `dataMapper.ts`, `typedorm.ts`). Each is the analyzer's value `{ t:
 * 'ref', module: 'orm:<library>', path: <kind> }`, so that it travels as any value does (variables, class
 * fields, the same file's functions), and a member read from it extends its path (`entity.query`). Only a
 * file that imports the library makes one. `dynamoOrms.ts` reads the calls on them.
 */
import type { Value } from '../values';
import { typedormObject, typedormType } from './typedorm';

export const DYNAMOOSE = 'orm:dynamoose';
export const ELECTRODB = 'orm:electrodb';
export const TOOLBOX = 'orm:dynamodb-toolbox';
export const ONETABLE = 'orm:dynamodb-onetable';
export const DATA_MAPPER = 'orm:dynamodb-data-mapper';
const DATA_MAPPER_MODULE = '@aws/dynamodb-data-mapper';

export type OrmObject = Value & { t: 'ref' };

/** An ElectroDB entity's or service's indexes that name one item at most (`electrodb.ts`), as another value or module passes them on. */
export function uniqueIndexesOf(value: { uniqueIndexes?: readonly string[] }): { uniqueIndexes?: readonly string[] } {
  return value.uniqueIndexes ? { uniqueIndexes: value.uniqueIndexes } : {};
}

/** Whether a value is one of these objects: what callers pass for a parameter may be one as well as a client. */
export function isOrmObject(value: Value | undefined): value is OrmObject {
  return value?.t === 'ref' && value.module.startsWith('orm:');
}

/**
 * What calling a library's name makes (`dynamoose.model(...)`, `new Entity(...)`, `new Table(...)`, `new
 * DataMapper(...)`), what calling a dynamoose model gives: an item (`new Order({...})`, `await Order.get(key)`),
 * whose `save()` writes it, and a OneTable table's `getModel('User')`: the model.
 */
export function ormObject(module: string, path: string): OrmObject | undefined {
  if (module === 'dynamoose') {
    return path === 'model' ? { t: 'ref', module: DYNAMOOSE, path: 'model' } : undefined;
  }
  if (module === DYNAMOOSE) {
    return dynamooseResult(path);
  }
  if (module === 'electrodb') {
    return path === 'Entity' || path === 'Service' ? { t: 'ref', module: ELECTRODB, path: path === 'Entity' ? 'entity' : 'service' } : undefined;
  }
  if (module === 'dynamodb-onetable' || module === ONETABLE) {
    const kind = module === ONETABLE ? (path === 'table.getModel' ? 'model' : undefined) : path === 'Table' ? 'table' : path === 'Model' ? 'model' : undefined;
    return kind ? { t: 'ref', module: ONETABLE, path: kind } : undefined;
  }
  if (module === DATA_MAPPER_MODULE) {
    return path === 'DataMapper' ? { t: 'ref', module: DATA_MAPPER, path: 'mapper' } : undefined;
  }
  if (module === 'dynamodb-toolbox' || module.startsWith('dynamodb-toolbox/')) {
    const kind = path === 'Table' || path === 'TableV2' ? 'table' : path === 'Entity' || path === 'EntityV2' ? 'entity' : undefined;
    return kind ? { t: 'ref', module: TOOLBOX, path: kind } : undefined;
  }
  return typedormObject(module, path);
}

/**
 * What a call on a dynamoose object gives (Model, Query and Scan docs): an item from `Model(...)`, `Model.get(key)`
 * and `Model.create(item)`; a request builder from `Model.query(...)` / `Model.scan(...)` and each of its steps
 * (`.eq(v)`, `.limit(n)`); from its `exec()`, the response's items, an array whose elements are items.
 */
function dynamooseResult(path: string): OrmObject | undefined {
  if (path === 'model' || path === 'model.get' || path === 'model.create') {
    return { t: 'ref', module: DYNAMOOSE, path: 'item' };
  }
  if (path === 'model.query' || path === 'model.scan' || (path.startsWith('retrieval.') && path !== 'retrieval.exec')) {
    return { t: 'ref', module: DYNAMOOSE, path: 'retrieval' };
  }
  return path === 'retrieval.exec' ? { t: 'ref', module: DYNAMOOSE, path: 'items' } : undefined;
}

/** An element of a library's result array (`results[0]`, `(await Order.query(...).exec())?.[0]`): a dynamoose item. */
export function ormElement(value: Value): OrmObject | undefined {
  return value.t === 'ref' && value.module === DYNAMOOSE && value.path === 'items' ? { t: 'ref', module: DYNAMOOSE, path: 'item' } : undefined;
}

/**
 * A type that names a dynamoose model (`Model<User, UserKey>` of nestjs-dynamoose, whose `@InjectModel` gives
 * the model dynamoose made; dynamoose's own `ModelType<Item>`), a OneTable table or model (`Table`,
 * `Model<UserType>`) or a DataMapper: a parameter or field declared with it holds one.
 */
export function ormType(module: string, path: string): OrmObject | undefined {
  if (module === 'dynamodb-onetable' || module === DATA_MAPPER_MODULE) {
    return ormObject(module, path);
  }
  if ((module === 'nestjs-dynamoose' && path === 'Model') || (module.startsWith('dynamoose') && path === 'ModelType')) {
    return { t: 'ref', module: DYNAMOOSE, path: 'model' };
  }
  return typedormType(module, path);
}
