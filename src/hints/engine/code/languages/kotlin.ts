/**
 * Kotlin on the JVM: the same libraries as Java (AWS SDK for Java 2.x builders and enhanced client, 1.x and
 * `DynamoDBMapper`, Jedis, Lettuce, Redisson, Spring Data Redis and DynamoDB, JDBC), called with Kotlin's own
 * declarations (`kotlinDeclarations.ts`) and scopes (`kotlinScopes.ts`). Constructors are called without
 * `new` (`JedisPool(config, host, port)`), so a call of a type's name constructs it; the rest of the reading
 * of calls, requests and options is Java's. The AWS SDK for Kotlin, whose clients and operations carry the same
 * names, is read the same way, with its request DSL (`kotlinSdk.ts`) and extension functions of a client
 * (`kotlinExtensionReceivers.ts`).
 */
import { TOKEN_KIND } from '../../lexer';
import { ScopeTree } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { buildBraceScopes, expressionEnd } from '../braces';
import { CodeLanguage, OptionSlot } from '../language';
import { Value } from '../values';
import { collectImports, collectRequests as collectJavaRequests, java } from './java';
import { javaRedisConstructor, javaRedisPropertySetting } from './javaRedisSettings';
import { constructedRequest } from './javaV1Requests';
import { builderExtensionRequests, requestParameters } from './kotlinBuilderExtensions';
import { collectKotlinBindings, receiverOfLambda } from './kotlinDeclarations';
import { bindExtensionReceivers } from './kotlinExtensionReceivers';
import { kotlinSdkOptionAt, kotlinSdkRequests, noteKotlinSdkServices } from './kotlinSdk';
import { KOTLIN_BRACES } from './kotlinScopes';
import { closeAngle } from '../typeArguments';

/** A string template's placeholder: `$name` or `${expression}`. */
const TEMPLATE = /\$[A-Za-z_{]/;

/**
 * Kotlin's strings are templates (`"orders-$stage"`, `"${props.password}"`): one with a placeholder is no literal. The
 * shared lexer reads Kotlin as Java, whose strings have none, so they are marked here, before anything reads a value.
 */
function collectImportsAndTemplates(a: CodeAnalyzer): void {
  const tokens = a.tokens;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens.kinds[k] === TOKEN_KIND.STR && TEMPLATE.test(tokens.text(k))) {
      tokens.markInterpolated(k);
    }
  }
  collectImports(a);
  noteKotlinSdkServices(a);
}

function buildScopes(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  buildBraceScopes(a, tree, KOTLIN_BRACES);
}

/** Kotlin's declarations, and the client an extension function of a client type has as `this`. */
function collectBindings(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  collectKotlinBindings(a, tree);
  bindExtensionReceivers(a, tree);
}

/** Whether the type arguments that open at `open` close right before a call's `(`: `Name<T>(`. */
function calledAfterTypeArguments(a: CodeAnalyzer, open: number): boolean {
  const close = closeAngle(a, open);
  return close > open && a.is(close + 1, '(');
}

/**
 * Java's builders and setters, then what Java finds after `new`, at a call of a capitalised name with no receiver
 * (`ScanRequest().withTableName(t)`, `JedisPool(config, host, port)`): both read the name after the index they are given.
 */
function collectRequests(a: CodeAnalyzer): void {
  // Parameters first: Java's reading of `request.toBuilder()` looks their requests up.
  requestParameters(a);
  collectJavaRequests(a);
  builderExtensionRequests(a);
  kotlinSdkRequests(a);
  for (let i = 1; i < a.tokens.length; i++) {
    if (a.isId(i) && a.isAccess(i - 1) && a.is(i + 1, '=') && !a.is(i + 2, '=')) {
      // `server.password = secret`: Java's `setPassword(secret)`.
      javaRedisPropertySetting(a, i, i + 2, expressionEnd(a, i + 2));
    } else if (a.isId(i) && a.is(i + 1, '(') && !a.isAccess(i - 1) && !a.idIs(i - 1, 'fun') && /^[A-Z]/.test(a.tokens.text(i))) {
      constructedRequest(a, i - 1);
      javaRedisConstructor(a, i - 1);
    } else if (a.isId(i) && a.is(i + 1, '<') && !a.isAccess(i - 1) && !a.idIs(i - 1, 'class') && /^[A-Z]/.test(a.tokens.text(i)) && calledAfterTypeArguments(a, i + 1)) {
      // `DynamoDBQueryExpression<Order>()`: Kotlin writes the type argument where Java writes `new X<Order>()`.
      constructedRequest(a, i - 1);
    }
  }
}

/**
 * Java's builder methods, one that takes a lambda alone (`it.provisionedThroughput { p -> p.readCapacityUnits(5) }`), and
 * the SDK for Kotlin's DSL assignments (`tableName = "orders"`).
 */
function optionAt(a: CodeAnalyzer, k: number, open: number, close: number): OptionSlot | undefined {
  const slot = java.optionAt(a, k, open, close) ?? kotlinSdkOptionAt(a, k, close);
  if (slot || !a.isId(k) || !a.is(k - 1, '.') || !a.is(k + 1, '{') || a.bodies[k + 1] !== 1) {
    return slot;
  }
  const end = a.partner[k + 1];
  return end > k && end < close ? { key: k, valueStart: k + 1, valueEnd: end + 1, removalStart: k - 1, removalEnd: end } : undefined;
}

/**
 * Whether the receiver of the call named at `index` (`retries.batchWriteItem(request)`, `this.retries.…`) is declared with
 * a type that is no client this file knows (`private val retries: RetryingWriter`), or made by such a class's constructor
 * or builder (`val retries = RetryingWriter(client)`): a project's or a library's class that takes the SDK's request and
 * may do anything with it. Java's `heldByOtherType`, for Kotlin's declarations.
 */
function heldByOtherType(a: CodeAnalyzer, receiverStart: number, index: number): boolean {
  const k = a.idIs(receiverStart, 'this') && a.isAccess(receiverStart + 1) ? receiverStart + 2 : receiverStart;
  if (!a.isId(k) || k + 2 !== index || !a.isAccess(k + 1)) {
    return false;
  }
  const name = a.tokens.text(k);
  const declaration = a.scopes.bindingsIn(a.scopes.declaringScope(name, k)).get(name)?.[0];
  if (!declaration || a.requestVariable(name, index)) {
    return false;
  }
  const made = declaration.expression;
  const constructed = made >= 0 && a.isId(made) && (a.is(made + 1, '(') || (a.isAccess(made + 1) && a.idIs(made + 2, 'builder')));
  const type = a.is(declaration.token + 1, ':') ? declaration.token + 2 : constructed ? made : -1;
  return type > 0 && a.isId(type) && /^[A-Z]/.test(a.tokens.text(type)) && a.language.typeValue(a, type) === undefined;
}

/** Java's reading of other calls, but a typed request passed to a project's own class is not the SDK's call. */
function otherCall(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined, receiverStart: number): boolean {
  if (!receiver && heldByOtherType(a, receiverStart, nameIndex)) {
    return true;
  }
  return java.otherCall?.(a, nameIndex, receiver, receiverStart) ?? false;
}

export const kotlin: CodeLanguage = {
  ...java,
  id: 'kotlin',
  constructsWithoutNew: true,
  propertyGetters: true,
  trailingLambdas: true,
  collectImports: collectImportsAndTemplates,
  buildScopes,
  collectBindings,
  collectRequests,
  optionAt,
  otherCall,
  // A scope function's lambda parameter (`client.use { ddb -> }`) is bound to the lambda's brace: its receiver.
  sequenceAt: (a, start) => (a.is(start, '{') ? { value: receiverOfLambda(a, start) } : undefined),
};
