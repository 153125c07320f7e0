/**
 * What a member of a value is: a deeper path of an imported module, a client's member (a table, an index, a
 * command group), a field of a same-file class or struct, a construct's or a CDK class's member.
 */
import type { CodeAnalyzer } from './analyzer';
import { inheritedMember } from './clientClasses';
import { constructedField } from './constructorArguments';
import { injectedOrBuilt } from './injection';
import { importedClient } from './projectImports';
import { frameworkMember } from './requestClients';
import { segments } from './braces';
import { cdkClassMember, memberOfClient, Value } from './values';
import { cacheStoreClient } from './cacheManagerStoreTypes';
import { queueClient } from './queueClients';
import { projectClassMember } from './languages/baseClassFields';
import { uniqueIndexesOf } from './languages/ormObjects';
import { empties } from './outerBindings';
import { Binding, carriesValue } from '../scope/scopes';

/**
 * Pulumi's AWS Classic package, whose `runtime` member (`sdk` in older releases) is a getter returning
 * `require("aws-sdk")` inside a callback function serialized into a Lambda (its `awsMixins.ts`).
 */
const PULUMI_AWS = '@pulumi/aws';
const PULUMI_AWS_SDK = new Set(['sdk', 'runtime']);

/**
 * What a field holds: what it is assigned, unless that is another module's export the workspace does not resolve
 * (`this.dynamoDBD = DynamoDBUtils.dynamoDBD` through a path alias) and the field is declared with a client type
 * (`dynamoDBD: DynamoDB.DocumentClient`), which TypeScript checks the assignment against; else its declared type.
 */
function assignedOrDeclared(a: CodeAnalyzer, assigned: Value | undefined, classScope: number, name: string): Value | undefined {
  if (assigned?.t === 'ref') {
    const declared = a.scopes.declaredMember(classScope, name);
    return declared?.t === 'client' ? declared : assigned;
  }
  return assigned ?? a.scopes.declaredMember(classScope, name);
}

/**
 * A field's binding, read across methods: the last assignment that fills it. `self._client = None` in a
 * `close()` written after `connect()` only says no client is there any more, as in `outerBindings.ts`.
 */
function filledMember(a: CodeAnalyzer, classScope: number, name: string): Binding<Value> | undefined {
  const own = a.scopes.member(classScope, name);
  if (!own || !empties(a, own)) {
    return own;
  }
  const list = a.scopes.memberBindings(classScope, name);
  for (let k = list.length - 1; k >= 0; k--) {
    if (carriesValue(list[k]) && !empties(a, list[k])) {
      return list[k];
    }
  }
  return own;
}

export function memberOf(a: CodeAnalyzer, value: Value, name: string): Value | undefined {
  switch (value.t) {
    case 'ref': {
      const hung = frameworkMember(a, value, name);
      if (hung) {
        return hung;
      }
      const path = value.path ? `${value.path}.${name}` : name;
      if (value.module === PULUMI_AWS && PULUMI_AWS_SDK.has(path)) {
        // `aws.sdk.DynamoDB.DocumentClient` is the AWS SDK for JavaScript v2's class.
        return { t: 'ref', module: 'aws-sdk', path: '' };
      }
      return cacheStoreClient(value.module, path) ?? queueClient(value.module, path) ?? importedClient(a, value.module, path) ?? { t: 'ref', module: value.module, path, ...uniqueIndexesOf(value) };
    }
    case 'boto3':
      // A member of the module or of a session: the call names it (`boto3.session.Session()`).
      return { t: 'boto3' };
    case 'type':
      return value;
    case 'gopkg':
      return { t: 'ref', module: `go:${value.service}`, path: name };
    case 'client':
      // `cache.conn` of another module's wrapper instance: the attribute as that module exports it.
      return value.heldAs && value.wrapper?.includes(name) ? importedClient(a, value.heldAs.module, `${value.heldAs.path}.${name}`) : memberOfClient(value, name);
    case 'instance': {
      // A field's declared type stands when what it is assigned tells nothing (`this.client = options.client()`,
      // another module's export the workspace does not resolve);
      // a member the class does not define comes from the client class it extends.
      const own = filledMember(a, value.classScope, name);
      const found = own ? (assignedOrDeclared(a, a.valueOf(own), value.classScope, name) ?? injectedOrBuilt(a, value.classScope, name) ?? constructedField(a, value.classScope, name)) : inheritedMember(a, value, name);
      // A Python `@property` runs on attribute access: the attribute is what it returns.
      return found?.t === 'function' && found.accessor ? a.returnValue(found) : found;
    }
    case 'struct':
      return a.valueOf(a.structFields.get(value.name)?.get(name));
    case 'record':
      return recordProperty(a, value.open, name);
    case 'construct':
      // `db.connections.allowFrom(...)`: members of a construct act on the construct.
      return value;
    case 'cdkClass':
      return cdkClassMember(value.shape, name);
    case 'projectClass':
      return projectClassMember(value.fields, name);
    case 'boto3-resource':
      // Its `Table` factory, which the call reads; nothing else of an unnamed service is known.
      return name === 'Table' ? value : undefined;
    case 'paginator':
    case 'function':
    case 'sequence':
    case 'springRepository':
      return undefined;
  }
}

/**
 * The value of an object literal's property `name`: `name: expression` when the expression is a whole chain, or the
 * shorthand `name` as the scope binds it there. A method, a spread, a computed key or a key written twice gives nothing.
 */
function recordProperty(a: CodeAnalyzer, open: number, name: string): Value | undefined {
  // `input = { rows: input.rows }` reads its property through itself: a value that refers to itself is unknown.
  let reading = recordsRead.get(a);
  if (!reading) {
    reading = new Set();
    recordsRead.set(a, reading);
  }
  if (reading.has(open)) {
    return undefined;
  }
  reading.add(open);
  try {
    return propertyWritten(a, open, name);
  } finally {
    reading.delete(open);
  }
}

/** The object literals whose property is being read, per analysed file. */
const recordsRead = new WeakMap<CodeAnalyzer, Set<number>>();

function propertyWritten(a: CodeAnalyzer, open: number, name: string): Value | undefined {
  let found: Value | undefined;
  let seen = 0;
  for (const [start, end] of segments(a, open)) {
    if (a.tokens.isSpread(start)) {
      return undefined;
    }
    const key = a.isId(start) || a.isString(start) ? a.tokens.text(start) : undefined;
    if (key !== name) {
      continue;
    }
    seen++;
    if (start + 1 === end && a.isId(start)) {
      found = a.lookup(name, start);
    } else if (a.is(start + 1, ':')) {
      const chain = a.evalChain(start + 2, end);
      found = chain.end === end ? chain.value : undefined;
    }
  }
  return seen === 1 ? found : undefined;
}

