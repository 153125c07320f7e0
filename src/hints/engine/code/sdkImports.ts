/**
 * Imports of a DynamoDB, RDS or ElastiCache client from an older AWS SDK major version: the
 * JavaScript SDK v2 (`aws-sdk`), the Java SDK 1.x (`com.amazonaws.services.*`, from Java or Kotlin) and the Go SDK v1
 * (`github.com/aws/aws-sdk-go/service/*`, and guregu/dynamo v1, built on it). Read apart from client recognition: only the import
 * statements, and for the `aws-sdk` root module, whether the file reaches one of the three services
 * through it (a file that uses only S3 through `aws-sdk` is not this product's business).
 */
import { SdkImport } from '../model';
import { codeOf } from '../tokenCodes';
import { HintService, SdkMajor } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { tokensNamed } from './tokenIndex';
import { jsModule } from './values';

const IMPORT = codeOf('import');
const REQUIRE = codeOf('require');
const FROM = codeOf('from');
const STATIC = codeOf('static');
const DOT = codeOf('.');

/** The v2 client classes on the `aws-sdk` root module, by the service they reach (the RDS Data API's is Aurora's). */
const JS_V2_CLASSES: Record<string, HintService> = { DynamoDB: 'dynamodb', RDS: 'rds', ElastiCache: 'elasticache', RDSDataService: 'rds' };
const JS_V2_CLASS_NAMES = Object.keys(JS_V2_CLASSES);
const V2_CLASS_OF_MODULE: Record<string, string> = { dynamodb: 'DynamoDB', rds: 'RDS', elasticache: 'ElastiCache', rdsdataservice: 'RDSDataService' };
const JS_V2_CLIENT_MODULE = /^aws-sdk\/(?:clients\/(dynamodb|rds|rdsdataservice|elasticache)|lib\/dynamodb\/(document_client))(?:\.js)?$/;
/** The v2 client class a path names, from the root module's names down (`DynamoDB.DocumentClient.ScanInput` is `DynamoDB.DocumentClient`). */
const JS_V2_CLASS_PATH = /^(DynamoDB(?:\.DocumentClient|\.Converter)?|RDS(?:\.Signer)?|RDSDataService|ElastiCache)(?:\.|$)/;
/** `dynamodbv2`, `rds`, `rdsdata` (the RDS Data API) and `elasticache` as whole package names. */
const JAVA_V1_PACKAGE = /^com\.amazonaws\.services\.(dynamodbv2|rds|rdsdata|elasticache)(?:\.|$)/;
/** The service packages and their subpackages (`dynamodb/dynamodbattribute`, `dynamodb/expression`), not `dynamodbstreams`. */
const GO_V1_PACKAGE = /^github\.com\/aws\/aws-sdk-go\/service\/(dynamodb|rds|rdsdataservice|elasticache)(?:\/|$)/;
/** guregu/dynamo before its `/v2` module: its `dynamo.New(sess)` takes the Go SDK v1's session, so its DynamoDB calls go through that SDK. */
const GUREGU_V1_PACKAGE = 'github.com/guregu/dynamo';

/**
 * The DynamoDB lock client (awslabs/amazon-dynamodb-lock-client) puts its classes in the 1.x packages
 * (`com.amazonaws.services.dynamodbv2`, `.model`, `.util`) but is built on the SDK for Java 2.x.
 */
const LOCK_CLIENT_CLASSES = new Set([
  'AcquireLockOptions',
  'AmazonDynamoDBLockClient',
  'AmazonDynamoDBLockClientOptions',
  'CreateDynamoDBTableOptions',
  'GetLockOptions',
  'LockItem',
  'LockItemFactory',
  'LockItemPaginatedIterator',
  'LockItemPaginatedQueryIterator',
  'LockItemPaginatedScanIterator',
  'ReleaseLockOptions',
  'SendHeartbeatOptions',
  'SessionMonitor',
  'LockCurrentlyUnavailableException',
  'LockNotGrantedException',
  'LockTableDoesNotExistException',
  'SessionMonitorNotSetException',
  'LockClientUtils',
]);

/**
 * DynamoDB Local (`com.amazonaws:DynamoDBLocal`) keeps its embedded server and runner under
 * `com.amazonaws.services.dynamodbv2.local` in every release, also those made for the SDK for Java 2.x:
 * an import from there names the local server, not a 1.x client.
 */
const DYNAMODB_LOCAL_PACKAGE = 'com.amazonaws.services.dynamodbv2.local.';

const SERVICE_OF_PACKAGE: Record<string, HintService> = { dynamodb: 'dynamodb', dynamodbv2: 'dynamodb', rds: 'rds', rdsdata: 'rds', rdsdataservice: 'rds', elasticache: 'elasticache' };

/** The first such import of the file, or undefined. */
export function sdkImport(a: CodeAnalyzer): SdkImport | undefined {
  switch (a.language.id) {
    case 'javascript':
    case 'typescript':
      return javascriptImport(a);
    // Kotlin imports Java's packages with the same statement, without the semicolon (`import com.amazonaws.…`).
    case 'java':
    case 'kotlin':
      return javaImport(a);
    case 'go':
      return goImport(a);
    default:
      return undefined;
  }
}

function stringSpan(a: CodeAnalyzer, index: number): { start: number; end: number } {
  return { start: a.tokens.textStart(index), end: a.tokens.textEnd(index) };
}

function found(sdk: SdkMajor, service: HintService, span: { start: number; end: number }): SdkImport {
  return { sdk, service, span };
}

/**
 * `import … from 'aws-sdk'`, `require('aws-sdk')` and the per-service modules (`aws-sdk/clients/dynamodb`).
 * The root module counts only when the file reaches DynamoDB, RDS or ElastiCache through it.
 */
function javascriptImport(a: CodeAnalyzer): SdkImport | undefined {
  // The language module has already read the imports: no `aws-sdk` service among them, nothing to find.
  if ((!a.services.has('dynamodb') && !a.services.has('rds') && !a.services.has('elasticache')) || !quotesRootModule(a.text)) {
    return undefined;
  }
  let rootService: HintService | undefined | null = null;
  const codes = a.tokens.codes;
  for (let i = 0; i < codes.length; i++) {
    let module = -1;
    if (codes[i] === FROM && a.isString(i + 1)) {
      module = i + 1;
    } else if (codes[i] === REQUIRE && a.is(i + 1, '(') && a.isString(i + 2) && a.is(i + 3, ')') && !a.isAccess(i - 1)) {
      module = i + 2;
    }
    if (module < 0) {
      continue;
    }
    const name = a.tokens.text(module);
    // Most imports are of other modules: a prefix test spares them the two regular expressions below.
    if (!name.startsWith('aws-sdk')) {
      continue;
    }
    const client = JS_V2_CLIENT_MODULE.exec(name);
    if (client) {
      return withClients(found('aws-sdk-js-v2', client[2] ? 'dynamodb' : SERVICE_OF_PACKAGE[client[1]], stringSpan(a, module)), v2Clients(a));
    }
    if (jsModule(name).module === 'aws-sdk') {
      if (rootService === null) {
        rootService = serviceThroughRoot(a) ?? serviceOfClass(v2Clients(a, true)[0]);
      }
      if (rootService) {
        return withClients(found('aws-sdk-js-v2', rootService, stringSpan(a, module)), v2Clients(a));
      }
    }
  }
  return undefined;
}

function withClients(imported: SdkImport, clients: readonly string[]): SdkImport {
  return clients.length > 0 ? { ...imported, clients } : imported;
}

function serviceOfClass(path: string | undefined): HintService | undefined {
  return path ? JS_V2_CLASSES[path.split('.')[0]] : undefined;
}

/**
 * The v2 client classes the file uses (`DynamoDB`, `DynamoDB.DocumentClient`, `RDS.Signer`, ...), in the order
 * it first names them: a name imported from `aws-sdk` or a per-service module, or bound to one
 * (`const XAWS = AWSXRay.captureAWS(AWS)`), with the members read off it (`AWS.DynamoDB.DocumentClient`,
 * `DocumentClient.QueryInput`). A bare class name counts where it is used as a class: constructed, called,
 * written as a type or extended (`usedAsClass`); not where an import or a destructuring only names it.
 * `rootOnly`: only those reached through the `aws-sdk` root module.
 */
function v2Clients(a: CodeAnalyzer, rootOnly = false): string[] {
  const importedNames = [...a.imports].filter(([, info]) => (!rootOnly || info.module === 'aws-sdk') && v2Path(info.module, info.path) !== undefined).map(([name]) => name);
  // Other names reach the SDK only through X-Ray's `captureAWS` / `captureAWSClient`, which give back what they instrument.
  const captured = a.text.includes('captureAWS');
  const named: { token: number; client: string }[] = [];
  const read = (k: number): void => {
    const client = v2ClientAt(a, k, rootOnly, importedNames, captured);
    if (client) {
      named.push({ token: k, client });
    }
  };
  if (captured) {
    for (let k = 0; k < a.tokens.length; k++) {
      read(k);
    }
  } else {
    // Only the imported names' own tokens: a pass over every token cost a large file's analysis several
    // milliseconds for one import of the SDK's root module (`import AWS from 'aws-sdk'` for S3).
    for (const name of importedNames) {
      tokensNamed(a, name).forEach(read);
    }
    named.sort((x, y) => x.token - y.token);
  }
  const clients: string[] = [];
  for (const { client } of named) {
    if (!clients.includes(client)) {
      clients.push(client);
    }
  }
  return clients;
}

/** The v2 client class that the name at `k` and the members read off it name, where a class is used. */
function v2ClientAt(a: CodeAnalyzer, k: number, rootOnly: boolean, importedNames: readonly string[], captured: boolean): string | undefined {
  if (!a.isId(k) || a.isAccess(k - 1)) {
    return undefined;
  }
  const base = v2Base(a, k, rootOnly, importedNames, captured);
  if (base === undefined) {
    return undefined;
  }
  let path = base;
  let j = k + 1;
  for (; a.isAccess(j) && a.isId(j + 1); j += 2) {
    path = path ? `${path}.${a.tokens.text(j + 1)}` : a.tokens.text(j + 1);
  }
  if (j === k + 1 && !a.is(k + 1, '(') && !usedAsClass(a, k)) {
    return undefined;
  }
  return JS_V2_CLASS_PATH.exec(path)?.[1];
}

/** A bare class name where a class is used: after `new`, `extends`, `implements`, and as a type (`: T`, `=> T`, `<T>`, `T | U`). */
function usedAsClass(a: CodeAnalyzer, k: number): boolean {
  return a.is(k - 1, ':') || a.is(k - 1, '=>') || a.is(k - 1, '<') || a.is(k - 1, '|') || a.idIs(k - 1, 'new') || a.idIs(k - 1, 'extends') || a.idIs(k - 1, 'implements');
}

/**
 * The path, under the root module's names, that the name at `k` stands for when it is the SDK v2 or one of its
 * modules: one of `importedNames`, or (`captured`: the file calls X-Ray's capture) a name bound to one.
 */
function v2Base(a: CodeAnalyzer, k: number, rootOnly: boolean, importedNames: readonly string[], captured: boolean): string | undefined {
  if (a.tokens.isOneOf(k, importedNames)) {
    const imported = a.imports.get(a.tokens.text(k))!;
    return v2Path(imported.module, imported.path);
  }
  // A name bound to the module by a call that gives it back (X-Ray's `captureAWS(AWS)`), read where a client class follows.
  if (captured && a.isAccess(k + 1) && a.isId(k + 2) && a.tokens.isOneOf(k + 2, JS_V2_CLASS_NAMES) && !a.imports.has(a.tokens.text(k))) {
    const value = a.lookup(a.tokens.text(k), k);
    return value?.t === 'ref' && (!rootOnly || value.module === 'aws-sdk') ? v2Path(value.module, value.path) : undefined;
  }
  return undefined;
}

function v2Path(module: string, path: string): string | undefined {
  if (module === 'aws-sdk') {
    return path;
  }
  const service = /^aws-sdk\/clients\/(dynamodb|rds|rdsdataservice|elasticache)$/.exec(module)?.[1];
  if (!service) {
    return undefined;
  }
  const root = V2_CLASS_OF_MODULE[service];
  return path === root || path.startsWith(`${root}.`) ? path : path ? `${root}.${path}` : root;
}

/**
 * Whether `aws-sdk` starts a quoted string anywhere in the text, as every v2 module name does
 * (`'aws-sdk'`, `"aws-sdk/clients/rds"`); v3's `@aws-sdk/...` does not. A search for the word spares the
 * token pass for the files, nearly all of them, that cannot import v2.
 */
function quotesRootModule(text: string): boolean {
  for (let at = text.indexOf('aws-sdk'); at >= 0; at = text.indexOf('aws-sdk', at + 7)) {
    const before = text.charCodeAt(at - 1);
    if (before === 39 || before === 34 || before === 96) {
      return true;
    }
  }
  return false;
}

/**
 * The first of the three services the file reaches through the `aws-sdk` root module: a named import
 * (`import { DynamoDB } from 'aws-sdk'`, `const { RDS } = require('aws-sdk')`), a member of the
 * module's default or namespace binding (`new AWS.DynamoDB.DocumentClient()`), or of the `require`
 * call itself (`require('aws-sdk').ElastiCache`).
 */
function serviceThroughRoot(a: CodeAnalyzer): HintService | undefined {
  const roots = new Set<string>();
  for (const [local, imported] of a.imports) {
    if (imported.module !== 'aws-sdk') {
      continue;
    }
    const named = JS_V2_CLASSES[imported.path];
    if (named) {
      return named;
    }
    if (imported.path === '') {
      roots.add(local);
    }
  }
  const codes = a.tokens.codes;
  for (let k = 0; k + 2 < codes.length; k++) {
    if (codes[k + 1] !== DOT || a.isAccess(k - 1)) {
      continue;
    }
    // Compared in place: slicing every member name of the file cost more than the rest of the pass.
    if (!a.isId(k + 2) || !a.tokens.isOneOf(k + 2, JS_V2_CLASS_NAMES)) {
      continue;
    }
    const service = JS_V2_CLASSES[a.tokens.text(k + 2)];
    const name = a.id(k);
    if (name !== undefined ? roots.has(name) : a.is(k, ')') && a.isString(k - 1) && a.tokens.text(k - 1) === 'aws-sdk' && codes[k - 3] === REQUIRE) {
      return service;
    }
  }
  return undefined;
}

/** `import com.amazonaws.services.dynamodbv2.…;` (also `import static`, and Kotlin's `import … as Alias`). */
function javaImport(a: CodeAnalyzer): SdkImport | undefined {
  const codes = a.tokens.codes;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] !== IMPORT || a.isAccess(i - 1)) {
      continue;
    }
    const first = codes[i + 1] === STATIC ? i + 2 : i + 1;
    const path = a.dottedPath(first);
    const match = JAVA_V1_PACKAGE.exec(path.text);
    const otherLibrary = LOCK_CLIENT_CLASSES.has(path.text.slice(path.text.lastIndexOf('.') + 1)) || path.text.startsWith(DYNAMODB_LOCAL_PACKAGE);
    if (match && path.end > first && !otherLibrary) {
      return found('aws-sdk-java-v1', SERVICE_OF_PACKAGE[match[1]], a.span(first, path.end - 1));
    }
  }
  return undefined;
}

/** `import "github.com/aws/aws-sdk-go/service/dynamodb"` (or guregu/dynamo v1), alone or in an `import ( … )` block. */
function goImport(a: CodeAnalyzer): SdkImport | undefined {
  const codes = a.tokens.codes;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] !== IMPORT) {
      continue;
    }
    const close = a.is(i + 1, '(') ? a.partner[i + 1] : i + 3;
    for (let k = i + 1; k > 0 && k < close && k < codes.length; k++) {
      if (!a.isString(k)) {
        continue;
      }
      const path = a.tokens.text(k);
      const match = GO_V1_PACKAGE.exec(path);
      if (match || path === GUREGU_V1_PACKAGE) {
        return found('aws-sdk-go-v1', match ? SERVICE_OF_PACKAGE[match[1]] : 'dynamodb', stringSpan(a, k));
      }
      if (close === i + 3) {
        break;
      }
    }
  }
  return undefined;
}
