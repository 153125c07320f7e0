/**
 * The package-level lines of a Go file that other packages of its module read, one line at a time (gofmt
 * puts each declaration's head on one line): function signatures whose first result is a client type
 * (`func CreateClient(dbNo int) *redis.Client {`, `func GetClient() (*dynamodb.Client, error) {`), functions
 * and methods that return go-redis options, functions that take a DynamoDB Scan or Query input, variables of
 * a client type (`var Client *redis.Client`, `DB = dynamodb.NewFromConfig(cfg)` in a `var ( … )` group),
 * and calls whose result a go-redis factory takes whole (`redis.NewClient(cfg.RedisOptions())`). A
 * signature that does not fit on its line tells nothing.
 */
import { goImport, REDIS_OPTION_TYPES } from '../code/languages/goClients';
import { isIdentifierPart, skipSpace, wordAt } from './moduleText';
import { GoCallRef, GoFieldType } from './types';

const STAR = 42;
const DOT = 46;
const COMMA = 44;
const EQUALS = 61;
const QUOTE = 34;
const BACKQUOTE = 96;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** The imports of a file by the name it uses for each: client libraries, and the other packages (their last path element unless aliased). */
export interface GoFileImports {
  clients: Map<string, string>;
  others: Map<string, string>;
  /** The names of the go-redis imports, whose factories take options. */
  redis: string[];
}

/** The type each go-redis factory makes: `redis.NewClient` a `Client`, `redis.NewClusterClient` a `ClusterClient`. */
const REDIS_FACTORY_TYPES: Record<string, string> = {
  NewClient: 'Client',
  NewFailoverClient: 'Client',
  NewClusterClient: 'ClusterClient',
  NewFailoverClusterClient: 'ClusterClient',
  NewUniversalClient: 'UniversalClient',
  NewRing: 'Ring',
};
/** The client struct the SDK for Go v1's `New` makes, by service (`dynamodb.New(sess)` a `*dynamodb.DynamoDB`). */
const SDK_V1_TYPES: Record<string, string> = { dynamodb: 'DynamoDB', rds: 'RDS', elasticache: 'ElastiCache' };
/** Names in the chain of an options call (`a.cfg.Cache.Options()`): far more than real code writes. */
const MAX_CHAIN = 8;
/** Characters an options call's own arguments may take. */
const MAX_ARGUMENTS_LENGTH = 256;

/** The `)` or `]` that closes the group opening at `open`, before `end`; -1 when none does. Strings inside are skipped. */
export function groupEnd(text: string, open: number, end: number): number {
  let depth = 0;
  for (let k = open; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code === QUOTE || code === BACKQUOTE) {
      k++;
      while (k < end && text.charCodeAt(k) !== code) {
        k++;
      }
    } else if (code === OPEN_PAREN || code === OPEN_BRACKET) {
      depth++;
    } else if (code === CLOSE_PAREN || code === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) {
        return k;
      }
    }
  }
  return -1;
}

/** A type at `k` (`*redis.Client`, `dynamodb.Client`) whose package is an imported client library: its import path and name. */
export function clientTypeAt(text: string, k: number, imports: ReadonlyMap<string, string>, accepts: (service: string, type: string) => boolean): GoFieldType | undefined {
  const start = text.charCodeAt(k) === STAR ? k + 1 : k;
  const alias = wordAt(text, start);
  const path = imports.get(alias);
  const type = path !== undefined && text.charCodeAt(start + alias.length) === DOT ? wordAt(text, start + alias.length + 1) : '';
  const imported = path === undefined ? undefined : goImport(path);
  return path !== undefined && imported && type !== '' && !isIdentifierPart(text.charCodeAt(start + alias.length + 1 + type.length)) && accepts(imported.service, type) ? { path, type } : undefined;
}

/** The first result type of a signature, from `k` after its parameters: a bare type, or the first of a group (named or not). */
function firstResultAt(text: string, k: number, end: number, imports: ReadonlyMap<string, string>, accepts: (service: string, type: string) => boolean): GoFieldType | undefined {
  const start = skipSpace(text, k);
  if (start >= end) {
    return undefined;
  }
  if (text.charCodeAt(start) !== OPEN_PAREN) {
    return clientTypeAt(text, start, imports, accepts);
  }
  const first = skipSpace(text, start + 1);
  const bare = clientTypeAt(text, first, imports, accepts);
  if (bare) {
    return bare;
  }
  // `(rdb *redis.Client, err error)`: a named result.
  const name = wordAt(text, first);
  const type = skipSpace(text, first + name.length);
  return name !== '' && type > first + name.length && text.charCodeAt(type) !== COMMA ? clientTypeAt(text, type, imports, accepts) : undefined;
}

/** What a `func` line at `k` declares: a function or method, its name, and what its signature's first result is. */
export interface GoSignature {
  name: string;
  method: boolean;
  /** The offset of the parameters' `(`. */
  params: number;
  /** The offset just after the parameters' `)`, where the results start. */
  results: number;
  /** A method's receiver type name (`Repo` for `(r *Repo)` or `(r *Repo[T])`), when it reads as one. */
  receiver?: string;
}

/** `func Name[T any](params) results {` or `func (r *T) Name(params) results {` on one line. */
export function signatureAt(text: string, k: number, end: number): GoSignature | undefined {
  let at = skipSpace(text, k + 4);
  const method = text.charCodeAt(at) === OPEN_PAREN;
  let receiver: string | undefined;
  if (method) {
    const receiverEnd = groupEnd(text, at, end);
    if (receiverEnd < 0) {
      return undefined;
    }
    receiver = receiverType(text, at + 1, receiverEnd);
    at = skipSpace(text, receiverEnd + 1);
  }
  const name = wordAt(text, at);
  let open = at + name.length;
  if (text.charCodeAt(open) === OPEN_BRACKET) {
    open = groupEnd(text, open, end) + 1;
  }
  const close = name === '' || open <= 0 || text.charCodeAt(open) !== OPEN_PAREN ? -1 : groupEnd(text, open, end);
  return close < 0 ? undefined : { name, method, params: open, results: close + 1, ...(receiver === undefined ? {} : { receiver }) };
}

/** The type of a receiver written from `k` to its `)` at `end` (`r *Repo`, `*Repo`, `r Repo[T]`): its name, or undefined. */
function receiverType(text: string, k: number, end: number): string | undefined {
  let at = skipSpace(text, k);
  const first = wordAt(text, at);
  const afterFirst = skipSpace(text, at + first.length);
  // `(r *Repo)` and `(r Repo)` name the receiver before its type; `(*Repo)` and `(Repo[T])` do not.
  if (first !== '' && afterFirst < end && text.charCodeAt(afterFirst) !== OPEN_BRACKET) {
    at = afterFirst;
  }
  if (text.charCodeAt(at) === STAR) {
    at = skipSpace(text, at + 1);
  }
  const type = wordAt(text, at);
  const after = skipSpace(text, at + type.length);
  return type !== '' && (after === end || text.charCodeAt(after) === OPEN_BRACKET) ? type : undefined;
}

/** Whether a signature's parameters take a DynamoDB Scan or Query input (`input *dynamodb.ScanInput`). */
export function takesReadInput(text: string, signature: GoSignature, imports: ReadonlyMap<string, string>): boolean {
  for (let at = text.indexOf('Input', signature.params); at >= 0 && at < signature.results; at = text.indexOf('Input', at + 5)) {
    const operation = text.startsWith('.Scan', at - 5) ? 5 : text.startsWith('.Query', at - 6) ? 6 : 0;
    if (operation === 0 || isIdentifierPart(text.charCodeAt(at + 5))) {
      continue;
    }
    const dot = at - operation;
    let start = dot;
    while (start > signature.params && dot - start < 64 && isIdentifierPart(text.charCodeAt(start - 1))) {
      start--;
    }
    const path = imports.get(text.slice(start, dot));
    if (path !== undefined && goImport(path)?.service === 'dynamodb') {
      return true;
    }
  }
  return false;
}

/** A signature's first result as a client type, or undefined. */
export function clientResult(text: string, signature: GoSignature, end: number, imports: ReadonlyMap<string, string>, accepts: (service: string, type: string) => boolean): GoFieldType | undefined {
  return firstResultAt(text, signature.results, end, imports, accepts);
}

/** Whether a signature's first result is go-redis options (`*redis.Options`, `*redis.ClusterOptions`). */
export function returnsRedisOptions(text: string, signature: GoSignature, end: number, imports: ReadonlyMap<string, string>): boolean {
  return firstResultAt(text, signature.results, end, imports, (service, type) => service === 'redis' && REDIS_OPTION_TYPES.has(type)) !== undefined;
}

/**
 * The variables a `var` spec from `k` declares with a client type (`Client *redis.Client`, `a, b *rds.Client`)
 * or makes with a client factory (`DB = dynamodb.NewFromConfig(cfg)`).
 */
export function variablesAt(text: string, k: number, imports: ReadonlyMap<string, string>, accepts: (service: string, type: string) => boolean): [string, GoFieldType][] {
  const names: string[] = [];
  let at = k;
  for (;;) {
    const name = wordAt(text, at);
    if (name === '') {
      return [];
    }
    names.push(name);
    at = skipSpace(text, at + name.length);
    if (text.charCodeAt(at) !== COMMA) {
      break;
    }
    at = skipSpace(text, at + 1);
  }
  const declared = text.charCodeAt(at) === EQUALS ? factoryTypeAt(text, skipSpace(text, at + 1), imports) : clientTypeAt(text, at, imports, accepts);
  return declared ? names.map((name) => [name, declared]) : [];
}

/** `redis.NewClient(`, `dynamodb.NewFromConfig(`, v1 `dynamodb.New(`: the type the factory makes. */
function factoryTypeAt(text: string, k: number, imports: ReadonlyMap<string, string>): GoFieldType | undefined {
  const alias = wordAt(text, k);
  const path = imports.get(alias);
  const imported = path === undefined ? undefined : goImport(path);
  const factory = imported && text.charCodeAt(k + alias.length) === DOT ? wordAt(text, k + alias.length + 1) : '';
  if (!imported || text.charCodeAt(k + alias.length + 1 + factory.length) !== OPEN_PAREN) {
    return undefined;
  }
  if (imported.service === 'redis') {
    return Object.hasOwn(REDIS_FACTORY_TYPES, factory) ? { path: path!, type: REDIS_FACTORY_TYPES[factory] } : undefined;
  }
  if (factory === 'NewFromConfig' && path!.includes('aws-sdk-go-v2')) {
    return { path: path!, type: 'Client' };
  }
  return factory === 'New' && imported.name === imported.service && Object.hasOwn(SDK_V1_TYPES, imported.service) ? { path: path!, type: SDK_V1_TYPES[imported.service] } : undefined;
}

/**
 * The calls on one line whose result a go-redis factory takes whole (`redis.NewClient(cfg.RedisOptions())`,
 * `redis.NewClient(config.Options(env))`, `redis.NewClient(options())`), as calls other files may declare.
 */
export function optionCallsOn(text: string, start: number, end: number, imports: GoFileImports, out: GoCallRef[]): void {
  for (const alias of imports.redis) {
    const prefix = `${alias}.`;
    for (let at = text.indexOf(prefix, start); at >= 0 && at < end; at = text.indexOf(prefix, at + prefix.length)) {
      if (at > start && (isIdentifierPart(text.charCodeAt(at - 1)) || text.charCodeAt(at - 1) === DOT)) {
        continue;
      }
      const factory = wordAt(text, at + prefix.length);
      const open = at + prefix.length + factory.length;
      if (Object.hasOwn(REDIS_FACTORY_TYPES, factory) && text.charCodeAt(open) === OPEN_PAREN) {
        const call = wholeCallArgument(text, open, end, imports);
        if (call) {
          out.push(call);
        }
      }
    }
  }
}

/** `(chain.Name(args))` from the factory's `(`: the call, when it is the whole argument. */
function wholeCallArgument(text: string, open: number, end: number, imports: GoFileImports): GoCallRef | undefined {
  const words: string[] = [];
  let at = skipSpace(text, open + 1);
  for (;;) {
    const word = wordAt(text, at);
    if (word === '' || words.length === MAX_CHAIN) {
      return undefined;
    }
    words.push(word);
    at += word.length;
    if (text.charCodeAt(at) !== DOT) {
      break;
    }
    at++;
  }
  // The arguments of an options call are short (`cfg.RedisOptions()`, `config.Options(env)`): a longer group
  // is not read, so that the calls of one line are read in time linear in its length.
  const close = text.charCodeAt(at) === OPEN_PAREN ? groupEnd(text, at, Math.min(end, at + MAX_ARGUMENTS_LENGTH)) : -1;
  if (close < 0 || text.charCodeAt(skipSpace(text, close + 1)) !== CLOSE_PAREN) {
    return undefined;
  }
  const name = words[words.length - 1];
  if (words.length === 1) {
    return { path: '', name };
  }
  if (imports.clients.has(words[0])) {
    // A function of the client library itself.
    return undefined;
  }
  const imported = words.length === 2 ? imports.others.get(words[0]) : undefined;
  return { path: imported ?? '.', name };
}

/** A go-redis command's result (`*redis.StringCmd`, `*redis.StatusCmd`), a pipeline, `Subscribe`'s `*redis.PubSub`, or an embedded command group (`redis.Cmdable`, `redis.StringCmdable`). */
const isRedisCommandType = (service: string, type: string): boolean => service === 'redis' && (type.endsWith('Cmd') || type.endsWith('Cmdable') || type === 'Pipeliner' || type === 'PubSub');
/** go-redis's transaction, which the callback of its `Watch` takes. */
const isRedisTx = (service: string, type: string): boolean => service === 'redis' && type === 'Tx';
/** The callback parameter of go-redis's `Watch(ctx, fn func(*redis.Tx) error, keys ...string) error`, up to its `*`. */
const TX_CALLBACK = 'func(*';

/**
 * One line of an interface's body from `k` (its first non-blank character) to `end`: the go-redis package a
 * method's result or an embedded command group names (`Get(ctx context.Context, key string) *redis.StringCmd`,
 * `redis.StringCmdable`; go-redis's `Watch` over a `func(*redis.Tx) error`), `'close'` for `Close() error` (the client's own), or `'other'` for any other line (a method
 * of the project's own, whose name may be a command's: `Keys(ctx) ([]string, error)`).
 */
export function redisInterfaceLine(text: string, k: number, end: number, imports: ReadonlyMap<string, string>): GoFieldType | 'close' | 'other' {
  const name = wordAt(text, k);
  const open = k + name.length;
  if (name !== '' && text.charCodeAt(open) === DOT) {
    const embedded = clientTypeAt(text, k, imports, isRedisCommandType);
    return embedded && lineEndsAt(text, skipSpace(text, open + 1 + wordAt(text, open + 1).length), end) ? embedded : 'other';
  }
  const close = name !== '' && text.charCodeAt(open) === OPEN_PAREN ? groupEnd(text, open, end) : -1;
  if (close < 0) {
    return 'other';
  }
  const result = skipSpace(text, close + 1);
  if (name === 'Close' && wordAt(text, result) === 'error' && lineEndsAt(text, skipSpace(text, result + 5), end)) {
    return 'close';
  }
  if (name === 'Watch' && wordAt(text, result) === 'error' && lineEndsAt(text, skipSpace(text, result + 5), end)) {
    const callback = text.indexOf(TX_CALLBACK, open);
    return (callback > 0 && callback < close && clientTypeAt(text, callback + TX_CALLBACK.length - 1, imports, isRedisTx)) || 'other';
  }
  const type = clientTypeAt(text, result, imports, isRedisCommandType);
  const typeStart = text.charCodeAt(result) === STAR ? result + 1 : result;
  const typeEnd = type ? typeStart + wordAt(text, typeStart).length + 1 + type.type.length : -1;
  return type && lineEndsAt(text, skipSpace(text, typeEnd), end) ? type : 'other';
}

/** Whether nothing but a line comment follows `k` before `end`. */
function lineEndsAt(text: string, k: number, end: number): boolean {
  return k >= end || text.startsWith('//', k);
}

/** An SDK package's operation output (`dynamodb.ScanOutput`), or the v1 client's interface (`dynamodbiface.DynamoDBAPI`). */
const isSdkOutput = (service: string, type: string): boolean => Object.hasOwn(SDK_V1_TYPES, service) && type.endsWith('Output');
const isSdkInterface = (service: string, type: string): boolean => Object.hasOwn(SDK_V1_TYPES, service) && type === `${SDK_V1_TYPES[service]}API`;
/** The v2 SDK's service packages, whose client type is `Client`. */
const SDK_V2_PACKAGE = /^github\.com\/aws\/aws-sdk-go-v2\//;

/**
 * One line of an interface's body that mirrors an AWS SDK client: a method that returns the SDK's output of the
 * operation it is named after (`Scan(ctx context.Context, params *dynamodb.ScanInput, optFns ...func(*dynamodb.Options))
 * (*dynamodb.ScanOutput, error)`, v1's `ScanWithContext`), or the embedded v1 interface (`dynamodbiface.DynamoDBAPI`):
 * the client type it stands for. `'other'` for any other line (a method of the project's own).
 */
export function sdkInterfaceLine(text: string, k: number, end: number, imports: ReadonlyMap<string, string>): GoFieldType | 'other' {
  const name = wordAt(text, k);
  const open = k + name.length;
  if (name !== '' && text.charCodeAt(open) === DOT) {
    const embedded = clientTypeAt(text, k, imports, isSdkInterface);
    return embedded && lineEndsAt(text, skipSpace(text, open + 1 + wordAt(text, open + 1).length), end) ? embedded : 'other';
  }
  const close = name !== '' && text.charCodeAt(open) === OPEN_PAREN ? groupEnd(text, open, end) : -1;
  const results = close < 0 ? -1 : skipSpace(text, close + 1);
  if (results < 0 || text.charCodeAt(results) !== OPEN_PAREN) {
    return 'other';
  }
  const first = skipSpace(text, results + 1);
  const output = clientTypeAt(text, first, imports, isSdkOutput);
  if (!output || !name.startsWith(output.type.slice(0, -'Output'.length))) {
    return 'other';
  }
  // `(*dynamodb.ScanOutput, error)` and nothing after it.
  const typeStart = text.charCodeAt(first) === STAR ? first + 1 : first;
  const comma = skipSpace(text, typeStart + wordAt(text, typeStart).length + 1 + output.type.length);
  const error = skipSpace(text, comma + 1);
  const closing = skipSpace(text, error + 5);
  if (text.charCodeAt(comma) !== COMMA || wordAt(text, error) !== 'error' || text.charCodeAt(closing) !== CLOSE_PAREN || !lineEndsAt(text, skipSpace(text, closing + 1), end)) {
    return 'other';
  }
  const service = goImport(output.path)?.service ?? '';
  return { path: output.path, type: SDK_V2_PACKAGE.test(output.path) ? 'Client' : SDK_V1_TYPES[service] };
}
