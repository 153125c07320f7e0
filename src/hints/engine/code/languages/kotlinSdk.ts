/**
 * The AWS SDK for Kotlin (`aws.sdk.kotlin.services.dynamodb.DynamoDbClient`, https://docs.aws.amazon.com/sdk-for-kotlin/latest/developer-guide/):
 * its clients carry the Java SDK's class names (`DynamoDbClient`, `RdsClient`, `ElastiCacheClient`) and its methods the
 * same operation names (`scan`, `putItem`), so the Java reading of calls applies once a file shows the SDK's package.
 * What differs is read here: requests built by a DSL lambda (`ScanRequest { tableName = "orders" }`, `ddb.query { ... }`),
 * whose property assignments are the request's options, and clients made by the companion's configuration lambda
 * (`DynamoDbClient { region = "us-east-1" }`). The Java SDK's classes of the same names are left to the Java reading:
 * only a file that names `aws.sdk.kotlin.services.<service>` (an import or a qualified name) is read so.
 */
import { TOKEN_KIND } from '../../lexer';
import { operationOfTypeName } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { expressionEnd } from '../braces';
import { perFile } from '../fileMemo';
import { OptionSlot } from '../language';
import { contextFrom } from '../options';

/** The services whose rules this engine has, as the SDK for Kotlin names their packages. */
const SERVICES = new Set(['dynamodb', 'rds', 'elasticache']);

/** The services of `aws.sdk.kotlin.services.<service>` paths the file names (imports or qualified names). */
const kotlinSdkServices = perFile((a: CodeAnalyzer): ReadonlySet<string> => {
  const found = new Set<string>();
  // Most Kotlin files name no such package: one native search spares them the token pass.
  if (!a.text.includes('aws.sdk.kotlin')) {
    return found;
  }
  const tokens = a.tokens;
  for (let i = 0; i + 8 < tokens.length; i++) {
    if (tokens.kinds[i] !== TOKEN_KIND.ID || !a.idIs(i, 'aws') || a.is(i - 1, '.')) {
      continue;
    }
    const service = a.idIs(i + 2, 'sdk') && a.idIs(i + 4, 'kotlin') && a.idIs(i + 6, 'services') && a.is(i + 7, '.') ? a.id(i + 8) : undefined;
    if (service && SERVICES.has(service) && a.is(i + 1, '.') && a.is(i + 3, '.') && a.is(i + 5, '.')) {
      found.add(service);
    }
  }
  return found;
});

/** Whether the file uses the AWS SDK for Kotlin for a service the rules cover. */
export function usesKotlinSdk(a: CodeAnalyzer): boolean {
  return kotlinSdkServices(a).size > 0;
}

/** The services the SDK for Kotlin's packages bring, as an import of the Java SDK's does. */
export function noteKotlinSdkServices(a: CodeAnalyzer): void {
  for (const service of kotlinSdkServices(a)) {
    a.services.add(service);
  }
}

/** Keywords before a name that declare it rather than call it. */
const DECLARING = ['class', 'interface', 'object', 'fun', 'typealias'];

/**
 * `ScanRequest { tableName = "orders" }`: a request the companion's DSL builds (not a declaration such as `class
 * ScanRequest {` or a return type `: ScanRequest {`), named by its class, as Java's `ScanRequest.builder()...build()`.
 */
export function kotlinSdkRequests(a: CodeAnalyzer): void {
  if (!usesKotlinSdk(a)) {
    return;
  }
  for (let i = 1; i < a.tokens.length; i++) {
    if (!a.isId(i) || !a.is(i + 1, '{') || a.partner[i + 1] < i || a.isAccess(i - 1) || a.is(i - 1, ':') || a.tokens.isOneOf(i - 1, DECLARING)) {
      continue;
    }
    const name = a.tokens.text(i);
    const operation = /^[A-Z]\w*Request$/.test(name) ? operationOfTypeName(name, a.services, /Request$/) : undefined;
    if (!operation) {
      continue;
    }
    const context = contextFrom(a, i + 1, a.partner[i + 1], 'sdk', operation, a.tokenSpan(i));
    a.requestAt.set(i, context);
    a.addOperation({ operation, name: a.tokenSpan(i), call: false, paginated: false, tokenIndex: i, request: context });
    a.contexts.push(context);
  }
}

/**
 * Lambdas that set another object's properties or run code, not a builder's DSL (`HikariConfig().apply { password = p }`,
 * `items.forEach { ... }`), and keywords that open a block.
 */
const NOT_BUILDERS = new Set([
  'apply', 'also', 'let', 'run', 'with', 'use', 'takeIf', 'takeUnless', 'forEach', 'forEachIndexed', 'map', 'mapNotNull', 'filter',
  'onEach', 'repeat', 'synchronized', 'lazy', 'launch', 'async', 'runBlocking', 'withContext', 'coroutineScope', 'sequence', 'flow',
  'buildList', 'buildMap', 'buildString', 'try', 'do', 'finally', 'init', 'get', 'set', 'object',
]);

/** How many `if`/`else`/`when` blocks up an assignment looks for the builder block it is written in. */
const MAX_CONTROL_DEPTH = 4;

/**
 * Whether the block that opens at `brace` is a builder's DSL lambda (`ScanRequest {`, `ddb.query {`, `put {`), or an
 * `if`, `else` or `when` branch inside one.
 */
function inBuilderBlock(a: CodeAnalyzer, brace: number): boolean {
  let b = brace;
  for (let depth = 0; depth < MAX_CONTROL_DEPTH && a.is(b, '{'); depth++) {
    const before = b - 1;
    if (a.isId(before) && !a.idIs(before, 'else')) {
      return !NOT_BUILDERS.has(a.tokens.text(before));
    }
    const branch = a.idIs(before, 'else') || a.is(before, '->') || (a.is(before, ')') && a.tokens.isOneOf(a.partner[before] - 1, ['if', 'when']));
    if (!branch) {
      return false;
    }
    b = a.parent[b];
  }
  return false;
}

/**
 * An assignment of the DSL block a request is read from (`tableName = "orders"`, `this.item = item`): an option named by
 * its property. A local's declaration (`val key = ...`), a comparison, a member of another object and a property set in
 * another lambda (`apply { }`) are none.
 */
export function kotlinSdkOptionAt(a: CodeAnalyzer, k: number, close: number): OptionSlot | undefined {
  if (!a.isId(k) || !a.is(k + 1, '=') || a.is(k + 2, '=') || !usesKotlinSdk(a) || !inBuilderBlock(a, a.parent[k])) {
    return undefined;
  }
  const onThis = a.is(k - 1, '.') && a.idIs(k - 2, 'this');
  if ((a.isAccess(k - 1) && !onThis) || a.idIs(k - 1, 'val') || a.idIs(k - 1, 'var')) {
    return undefined;
  }
  const end = expressionEnd(a, k + 2);
  return end > k + 2 && end <= close ? { key: k, valueStart: k + 2, valueEnd: end, removalStart: onThis ? k - 2 : k, removalEnd: end - 1 } : undefined;
}
