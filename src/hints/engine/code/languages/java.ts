/**
 * Java (AWS SDK for Java 2.x and 1.x): imports by package, typed fields, parameters and locals, request
 * builders (`ScanRequest.builder()...build()`), 1.x requests (`new ScanRequest().withTableName(t)`),
 * consumer-builder lambdas, the enhanced client, `DynamoDBMapper`, paginators, and the Redis clients
 * (Jedis, Lettuce, Spring Data Redis) that `javaLibraries.ts` recognises, with their TLS and password settings
 * (`javaRedisSettings.ts`).
 */
import { OptionContext } from '../../model';
import { ScopeTree } from '../../scope/scopes';
import { operationOfTypeName, serviceOfNamespace } from '../../services';
import type { CodeAnalyzer } from '../analyzer';
import { braceLanguage, buildBraceScopes } from '../braces';
import { builderLambdaArguments } from '../builderLambdaArguments';
import { CodeLanguage, OptionSlot } from '../language';
import { contextFrom, occurrenceOf } from '../options';
import { isBuilderChain } from '../requests';
import { Value } from '../values';
import { declaredLibraryClient, importedType, noteLibraryImport } from './javaLibraries';
import { javaCdkConstructs } from './javaCdk';
import { springSessionConfigCalls } from './javaSpringSession';
import { bindLambdaClients, noteFunctionImport } from './javaLambdaClients';
import { bindPipelineLambdas } from './javaPipelineLambdas';
import { isSettingMethod, javaRedisConstructor, javaRedisSettingCall, noteSettingsImport } from './javaRedisSettings';
import { noteSpringFactoryImport } from './javaSpringRedisFactories';
import { noteSpringRepositoryImport, projectRepositoryCall, springRepositoryCall } from './javaSpringDataDynamodb';
import { noteRequestPartImport, requestPart } from './javaRequestParts';
import { constructedRequest, documentApiFilter, isStubbedCall, v1Parameter, v1ChainEnd } from './javaV1Requests';
import { declaredProjectClass, firstFound, qualifiedCandidates } from './baseClassFields';
import { callWithTypedRequest, clientType, collectTypedBindings, heldByOtherType, requestInArguments, sameFileClass } from './typedDeclarations';

const BRACES = braceLanguage({ classKeywords: ['class', 'interface', 'enum', 'record'], arrow: '->' });

export function collectImports(a: CodeAnalyzer): void {
  for (let i = 0; i < a.tokens.length; i++) {
    if (a.idIs(i, 'import') && !a.isAccess(i - 1)) {
      const path = a.dottedPath(a.idIs(i + 1, 'static') ? i + 2 : i + 1);
      const service = path.text ? serviceOfNamespace(path.text) : undefined;
      if (service) {
        a.services.add(service);
      }
      noteLibraryImport(a, path.text);
      noteFunctionImport(a, path.text);
      noteSettingsImport(a, path.text);
      noteSpringFactoryImport(a, path.text);
      noteSpringRepositoryImport(a, path.text);
      noteRequestPartImport(a, path.text);
    }
  }
}

function buildScopes(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  buildBraceScopes(a, tree, BRACES);
}

/** Declarations shared with C#, then lambda parameters that what they are passed to types (`javaLambdaClients.ts`) or a pipeline hands on (`javaPipelineLambdas.ts`). */
function collectBindings(a: CodeAnalyzer, tree: ScopeTree<Value>): void {
  collectTypedBindings(a, tree);
  bindLambdaClients(a, tree);
  bindPipelineLambdas(a, tree);
}

/**
 * `XRequest.builder()...build()`: a request, named by the builder's class; `request.toBuilder()...build()`: a
 * copy of one; the parts of a transaction or batch built apart (`javaRequestParts.ts`). And the TLS and password settings of the Redis clients (`RedisURI.builder().withVerifyPeer(false)`).
 */
export function collectRequests(a: CodeAnalyzer): void {
  builderLambdaArguments(a);
  for (let i = 0; i < a.tokens.length; i++) {
    if (a.idIs(i, 'new')) {
      constructedRequest(a, i);
      javaRedisConstructor(a, i);
      if (a.isId(i + 1) && a.is(i + 2, '(')) {
        requestPart(a, i + 1, a.partner[i + 2], () => v1ChainEnd(a, a.partner[i + 2]));
      }
    } else if (a.isId(i) && !a.isAccess(i - 1) && a.is(i + 1, '.') && a.is(i + 3, '(')) {
      if (a.idIs(i + 2, 'builder')) {
        builder(a, i);
        requestPart(a, i, i + 2, () => builderChainEnd(a, i + 3));
      } else if (a.idIs(i + 2, 'toBuilder')) {
        rebuilt(a, i);
      }
    } else if (a.isId(i) && a.isAccess(i - 1) && a.is(i + 1, '(') && isSettingMethod(a.tokens.text(i))) {
      javaRedisSettingCall(a, i);
    }
  }
}

/**
 * The `)` of the last call of a builder chain whose first call opens at `open`: `build()`, or where the chain stops.
 * In Kotlin a call of the chain may take a lambda alone (`TransactWriteItem.builder().put { it.tableName(t) }.build()`).
 */
function builderChainEnd(a: CodeAnalyzer, open: number): number {
  let last = a.partner[open];
  while (last > 0 && a.is(last + 1, '.') && a.id(last + 2) && (a.is(last + 3, '(') || (a.language.trailingLambdas === true && a.is(last + 3, '{') && a.bodies[last + 3] === 1))) {
    const close = a.partner[last + 3];
    if (close < 0) {
      break;
    }
    const method = a.tokens.text(last + 2);
    last = close;
    if (method === 'build') {
      break;
    }
  }
  return last;
}

function builder(a: CodeAnalyzer, index: number): void {
  // `ScanEnhancedRequest` (enhanced client) names the same operation as `ScanRequest`.
  const operation = operationOfTypeName(a.tokens.text(index).replace(/Enhanced(?=Request$)/, ''), a.services, /Request$/);
  if (!operation) {
    return;
  }
  const context = contextFrom(a, index + 2, builderChainEnd(a, index + 3), 'sdk', operation, a.tokenSpan(index));
  a.requestAt.set(index, context);
  a.addOperation({ operation, name: a.tokenSpan(index), call: false, paginated: false, tokenIndex: index, request: context });
  a.contexts.push(context);
}

/** `base.toBuilder().exclusiveStartKey(k).build()`: the request held by `base`, with the options the chain sets instead of its own. */
function rebuilt(a: CodeAnalyzer, index: number): void {
  const base = a.requestVariable(a.tokens.text(index), index);
  if (!base) {
    return;
  }
  const context = contextFrom(a, index + 2, builderChainEnd(a, index + 3), 'sdk', base.type, a.tokenSpan(index + 2));
  const own = new Set(context.options.map((option) => option.norm));
  context.options.unshift(...base.options.filter((option) => !own.has(option.norm)));
  context.complete = base.complete;
  a.requestAt.set(index, context);
  a.contexts.push(context);
}

/** Builder methods: `.tableName(t)`, `.consistentRead(true)`; 1.x setters: `.withConsistentRead(true)`. */
function optionAt(a: CodeAnalyzer, k: number, _open: number, close: number): OptionSlot | undefined {
  if (!a.isId(k) || !a.is(k - 1, '.') || !a.is(k + 1, '(') || a.idIs(k, 'builder') || a.idIs(k, 'build')) {
    return undefined;
  }
  const parenClose = a.partner[k + 1];
  if (parenClose < 0 || parenClose > close) {
    return undefined;
  }
  const parameter = v1Parameter(a.tokens.text(k));
  return { key: k, valueStart: k + 2, valueEnd: parenClose, removalStart: k - 1, removalEnd: parenClose, ...(parameter ? { name: parameter } : {}) };
}

function requestForCall(a: CodeAnalyzer, open: number, close: number, operation: string): OptionContext | undefined {
  // A request built in the arguments or held by a variable; else a consumer-builder lambda `r -> r.tableName(t)`.
  const request = requestInArguments(a, open, close) ?? contextFrom(a, open, close, 'sdk', operation, a.tokenSpan(open - 1));
  // 1.x document API: `table.scan(new ScanFilter("attr").eq(v))` sends the filter as the legacy ScanFilter.
  const filter = documentApiFilter(a, open, close, operation);
  if (filter && request) {
    request.options.push(filter);
  }
  return request;
}

function otherCall(a: CodeAnalyzer, nameIndex: number, receiver: Value | undefined, receiverStart: number): boolean {
  const close = a.partner[nameIndex + 1];
  if (receiver?.t === 'springRepository') {
    projectRepositoryCall(a, nameIndex, receiver.shape, receiverStart);
    return true;
  }
  if (receiver?.t === 'instance' && !receiver.classObject) {
    // A Spring Data DynamoDB repository interface of the file (`javaSpringDataDynamodb.ts`).
    return springRepositoryCall(a, nameIndex, receiver.classScope, receiverStart);
  }
  if (receiver) {
    // A Mockito stub names the call for the test; the code under test makes it.
    return receiver.t === 'client' && close > 0 && isStubbedCall(a, receiverStart, close);
  }
  // `builder.exclusiveStartKey(k)` on a request builder held by a variable, 1.x `request.setLimit(10)`, and each setter of
  // a chain on one (`builder = builder.limit(10).filterExpression(f)`): one more option of that request.
  const onVariable = a.isId(receiverStart) && (receiverStart === nameIndex - 2 || isBuilderChain(a, receiverStart + 1, nameIndex - 1));
  const held = onVariable ? a.requestVariable(a.tokens.text(receiverStart), nameIndex) : undefined;
  const slot = held ? optionAt(a, nameIndex, nameIndex - 1, close + 1) : undefined;
  if (held && slot) {
    // A statement of its own (`request.setLimit(10);`) goes whole with the option.
    if (a.is(close + 1, ';') && (a.is(receiverStart - 1, ';') || a.is(receiverStart - 1, '{') || a.is(receiverStart - 1, '}'))) {
      slot.removalStart = receiverStart;
      slot.removalEnd = close + 1;
    }
    held.options.push(occurrenceOf(a, slot));
    return true;
  }
  return !heldByOtherType(a, receiverStart, nameIndex) && callWithTypedRequest(a, nameIndex);
}

/** A declared type: an SDK client type, a library class the file imports (`Jedis`, `Table`), or a class of the file or the project. */
function typeValue(a: CodeAnalyzer, start: number): Value | undefined {
  let k = start;
  while (a.is(k + 1, '.') && a.isId(k + 2)) {
    k += 2;
  }
  return clientType(a, start) ?? declaredLibraryClient(a, a.tokens.text(k)) ?? sameFileClass(a, start) ?? projectRepository(a, start) ?? declaredProjectClass(a, start);
}

/**
 * A Spring Data DynamoDB repository interface of another file (`private final OrderRepository orders`), looked for
 * as Java resolves its simple name: an import, else the file's package, its `.*` imports, then that name alone.
 */
function projectRepository(a: CodeAnalyzer, start: number): Value | undefined {
  if (!a.project?.springRepository || a.is(start + 1, '.')) {
    return undefined;
  }
  const shape = firstFound(qualifiedCandidates(a, 'java', a.tokens.text(start)), (candidate) => a.project?.springRepository?.(candidate));
  return shape ? { t: 'springRepository', shape } : undefined;
}

export const java: CodeLanguage = {
  id: 'java',
  family: 'java',
  commentPrefix: '//',
  classFieldsVisible: true,
  typeArguments: true,
  collectImports,
  buildScopes,
  collectBindings,
  collectRequests,
  optionAt,
  requestForCall,
  typeValue,
  importedType,
  otherCall,
  finish: (a) => {
    javaCdkConstructs(a);
    springSessionConfigCalls(a);
  },
};
