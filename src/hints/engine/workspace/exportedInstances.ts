/**
 * The client members of a module's classes, for the other files of the workspace: those of an exported
 * class (`codeExports.ts`), and those of a module's own singleton, an instance of one of its classes that it
 * exports (`export const redisConnection = new RedisConnection()`, `module.exports = new Cache()`): the
 * members that hold or give a client (a field set in a method, a getter that returns one) reach the files
 * that import it (`redisConnection.command.scan(...)`) by the dotted name `redisConnection.command`.
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { segments } from '../code/braces';
import { exportedClient, INSTANCE_CLIENT } from '../code/projectImports';
import { constructorClient, CONSTRUCTED, CONSTRUCTED_BARE, CONSTRUCTED_SQL, importedClassConstructions } from '../code/constructorClients';
import { sqlConstruction } from '../code/sqlConnections';
import type { ImportedClassConstruction } from '../code/constructorClients';
import { jsConstruction, pythonConstruction } from '../code/handlerClients';
import { fieldOfUnknownOrigin } from '../code/requestShapes';
import { isProtocolClass, PROTOCOL_MEMBER } from '../code/protocolTypes';
import { propertyMarker, runTimeProperty } from '../code/lowLevelMemberCalls';
import type { Value } from '../code/values';
import type { ModuleFunction } from './codeExports';
import { elementsMadeAnew, madeAnew } from './exportedFunctions';
import { methodElementKey } from '../code/languages/baseClassFields';
import type { ExportedClient } from './types';

/**
 * A TypeScript constructor that makes a client (`this.doc = DynamoDBDocumentClient.from(new DynamoDBClient({}))`,
 * `createClient(...)`): its class lends other files the client each new instance makes, even with private fields.
 */
export const CONSTRUCTOR_MAKES_CLIENT = /\bconstructor\s*\([^)]*\)\s*\{[^}]*?\b(?:new\s+[\w.]*(?:Client|Redis|Cluster|DynamoDB)|createClient)\s*\(/;

/** Members of one class read for clients: far more than a base class or a wrapper has. */
const MAX_CLASS_MEMBERS = 64;

/**
 * A class's client fields: those set to a client (`this.client = new Redis()`, `self.table =
 * boto3.resource(...).Table(...)`) or declared with a client type (`protected client: Redis`), as its
 * instances read them; and, keyed `name()`, the methods that return a client (`def connect(self): return
 * redis.Redis(...)`), for the files that call them on an instance. `unknown`: Python fields that its methods
 * set only from parameters of unknown value. `constructs`: where the constructor makes no client itself, the
 * imported classes it constructs for each instance, which the workspace may know to make one. Keyed
 * `INSTANCE_CLIENT`, the client an instance itself is, when the class extends or forwards to one.
 */
export function classClients(a: CodeAnalyzer, classScope: number, outer: readonly number[] = []): { fields: Record<string, ExportedClient>; unknown: string[]; constructs: ImportedClassConstruction[] } {
  const fields: Record<string, ExportedClient> = {};
  const python = a.language.family === 'python';
  // A Protocol class: what a parameter annotated with it holds is of unknown origin (`protocolTypes.ts`).
  const unknown: string[] = python && isProtocolClass(a, classScope) ? [PROTOCOL_MEMBER] : [];
  const instance: Value = { t: 'instance', classScope };
  let read = 0;
  for (const member of a.scopes.bindingsIn(classScope).keys()) {
    const name = member.startsWith('.') ? member.slice(1) : member;
    if (read++ >= MAX_CLASS_MEMBERS) {
      break;
    }
    const value = name === '__proto__' || Object.hasOwn(fields, name) ? undefined : a.member(instance, name);
    // What a method returns, for other files that call it on an instance (`projectImports.ts`).
    const returned = value?.t === 'function' && !value.accessor ? a.returnValue(value) : undefined;
    if (value?.t === 'client') {
      fields[name] = exportedClient(a, value)!;
    } else if (returned?.t === 'client') {
      // A method that makes a new client on each call (`getClient() { return new DynamoDBClient({}); }`): a route
      // or Lambda handler that calls it makes one per request (`code/handlerClients.ts`).
      const client = exportedClient(a, returned)!;
      fields[`${name}()`] = madeAnew(a, value as ModuleFunction) ? { ...client, perCall: true } : client;
    } else if (returned?.t === 'sequence') {
      // A method that returns a tuple of clients (`return resource, table`): each element under its place (`methodElementKey`).
      const anew = elementsMadeAnew(a, value as ModuleFunction, returned.elements.length);
      returned.elements.forEach((element, position) => {
        const client = element && exportedClient(a, element);
        if (client) {
          fields[methodElementKey(name, position, returned.elements.length)] = anew[position] ? { ...client, perCall: true } : client;
        }
      });
    } else if (python && value === undefined && fieldOfUnknownOrigin(a, classScope, name)) {
      unknown.push(name);
    } else {
      heldClients(a, [...outer, classScope], value?.t === 'instance' ? name : `${name}()`, value?.t === 'instance' ? value : returned, fields);
    }
  }
  if (python) {
    unknown.push(...runTimeProperties(a, classScope));
  }
  // A client each new instance makes (`new Repo()` in a Lambda handler: one per invocation, `code/handlerClients.ts`).
  const constructed = outer.length === 0 && (python || a.language.family === 'js') ? constructorClient(a, classScope, python ? pythonConstruction : jsConstruction) : undefined;
  // Else the client each instance made without arguments makes (`new DynamoDBSource()`, Python `Source()`).
  const bare = outer.length === 0 && !constructed && (python || a.language.family === 'js') ? constructorClient(a, classScope, python ? pythonConstruction : jsConstruction, true) : undefined;
  const each = constructed ?? bare;
  const made = each && a.evalChain(each.start, each.end).value;
  const client = made && exportedClient(a, made);
  if (client) {
    fields[constructed ? CONSTRUCTED : CONSTRUCTED_BARE] = { ...client, perCall: true };
  } else if (outer.length === 0 && (python || a.language.family === 'js') && constructorClient(a, classScope, sqlConstruction, false, true)) {
    // Each new instance opens a SQL connection (`self.conn = psycopg2.connect(...)`): a handler that makes one opens one per invocation.
    fields[CONSTRUCTED_SQL] = { kind: 'rds', perCall: true };
  }
  const constructs = outer.length === 0 && !client ? importedClassConstructions(a, classScope) : [];
  // A class that is a client by inheritance (`class Cache(Redis)`, one whose `__getattr__` forwards to a client):
  // the client each instance is, for the files that construct it (`Cache()` after `from app.cache import Cache`).
  const itself = outer.length === 0 ? exportedClient(a, instance) : undefined;
  if (itself) {
    fields[INSTANCE_CLIENT] = itself;
  }
  return { fields, unknown, constructs };
}

/** How many classes of the module past the class itself a member is followed through (`db.tables().orders()` goes through one). */
const MAX_HELD_DEPTH = 2;

/**
 * A member that holds or returns an instance of another class of the module (`tables(): Tables { return
 * this.t; }`): that class's client members, under the member's key (`tables().orders()`), which the files that
 * use an instance read as a holder's (`code/languages/baseClassFields.ts`).
 */
function heldClients(a: CodeAnalyzer, outer: readonly number[], key: string, value: Value | undefined, fields: Record<string, ExportedClient>): void {
  if (value?.t !== 'instance' || value.classObject || outer.includes(value.classScope) || outer.length > MAX_HELD_DEPTH) {
    return;
  }
  for (const [name, client] of Object.entries(classClients(a, value.classScope, outer).fields)) {
    fields[`${key}.${name}`] = client;
  }
}

/**
 * The client members of the instance `value` (undefined: not an instance of a class of the module), by name. A
 * Python instance also lends what its methods return, keyed `name()` (`store.get_resource()` of `store = Store()`),
 * which the importing files' calls of the method read (`importedClients.ts` `instanceMethodClient`).
 */
export function instanceClients(a: CodeAnalyzer, value: Value | undefined): Record<string, ExportedClient> | undefined {
  if (value?.t !== 'instance' || value.classObject) {
    return undefined;
  }
  const { fields } = classClients(a, value.classScope);
  const methods = a.language.family === 'python';
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !name.endsWith('()') || (methods && /^\w+\(\)$/.test(name))));
}

/**
 * The client properties of an object literal a module exports (`export const clients = { redis: new Redis() }`),
 * by name, for the files that read them (`clients.redis`); undefined when `value` is no object literal.
 */
export function recordClients(a: CodeAnalyzer, value: Value | undefined): Record<string, ExportedClient> | undefined {
  if (value?.t !== 'record') {
    return undefined;
  }
  const clients: Record<string, ExportedClient> = {};
  for (const [start] of segments(a, value.open)) {
    const name = a.isId(start) ? a.tokens.text(start) : undefined;
    const client = name !== undefined && name !== '__proto__' && !Object.hasOwn(clients, name) ? a.member(value, name) : undefined;
    if (name !== undefined && client?.t === 'client') {
      clients[name] = exportedClient(a, client)!;
    }
  }
  return clients;
}


/** A Python class's `@property` members whose value is picked at run time (`runTimeProperty`), as their export markers. */
function runTimeProperties(a: CodeAnalyzer, classScope: number): string[] {
  return a.scopes.memberNames(classScope).filter((name) => {
    const bindings = a.scopes.memberBindings(classScope, name);
    return bindings.length > 0 && bindings.every((binding) => binding.fixed?.t === 'function' && runTimeProperty(a, binding.fixed));
  }).map(propertyMarker);
}
