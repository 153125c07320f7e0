/**
 * AWS access keys written as string literals where the code hands credentials to the AWS SDK, in a file that
 * uses a DynamoDB, RDS or ElastiCache client (or, in Python, names one of those services): each place becomes
 * one context of type `STATIC_CREDENTIALS` whose options are the literal access key ID and secret access key
 * written there (a value that is not a single literal is left out). Whether a literal is a plausible key is the
 * check's to judge (`checks/staticCredentials.ts`). The shapes, by language:
 *
 * - JavaScript and TypeScript: `accessKeyId:` and `secretAccessKey:` keys of an object (the v3 `credentials`, the
 *   v2 `AWS.config.update({...})` and client options), `x.accessKeyId = '...'`, `new AWS.Credentials(id, secret)`;
 * - Python: the `aws_access_key_id` and `aws_secret_access_key` keywords of boto3, aioboto3 and botocore (`client`,
 *   `resource`, `Session`), as keywords, dict keys or PynamoDB `Meta` attributes;
 * - Java and Kotlin: `AwsBasicCredentials.create(id, secret)`, `AwsSessionCredentials.create(...)`, the builders'
 *   `.accessKeyId(...)` and `.secretAccessKey(...)`, SDK 1.x `BasicAWSCredentials` and `BasicSessionCredentials`;
 *   a field they are given may hold its literal through Spring's `@Value("...")`; in a file of the AWS SDK for
 *   Kotlin, `accessKeyId = "..."` (`StaticCredentialsProvider { ... }`, `Credentials(accessKeyId = ...)`);
 * - Go: `credentials.NewStaticCredentialsProvider(id, secret, token)` (v2), `credentials.NewStaticCredentials` (v1),
 *   and `AccessKeyID:` / `SecretAccessKey:` fields (`aws.Credentials{...}`, `credentials.Value{...}`);
 * - C#: `new BasicAWSCredentials(id, secret)`, `SessionAWSCredentials`, `ImmutableCredentials`, and a client made
 *   with its keys (`new AmazonDynamoDBClient(id, secret, region)`).
 *
 * A value may also be a name bound once in the file to a literal (a constant, a field, a module-level name), or in
 * Java and C# a member of the class (`this.KeyId`) the class assigns a literal somewhere: the literal is read where it
 * is written.
 *
 * A file that points a client at a local endpoint (DynamoDB Local, LocalStack: `http://localhost:8000`) gives
 * nothing: those accept any key, and the keys such code writes are stand-ins.
 */
import { TOKEN_KIND } from '../lexer';
import { OptionContext, OptionOccurrence } from '../model';
import { Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { usesKotlinSdk } from './languages/kotlinSdk';

const { ID, STR, PUNCT } = TOKEN_KIND;

/** The type of the contexts this reader makes; the check looks for it. */
export const STATIC_CREDENTIALS = 'aws:StaticCredentials';
/** Normalised option names of the two halves of a key, whatever the language calls them. */
export const ACCESS_KEY_ID = 'accesskeyid';
export const SECRET_ACCESS_KEY = 'secretaccesskey';

type Half = typeof ACCESS_KEY_ID | typeof SECRET_ACCESS_KEY;

/** What a file must mention for any shape to be there: one search of the text before any token is read. */
const MENTIONS: Readonly<Record<string, RegExp>> = {
  js: /accessKeyId|secretAccessKey|Credentials\(/,
  python: /aws_access_key_id|aws_secret_access_key/,
  java: /AwsBasicCredentials|AwsSessionCredentials|BasicAWSCredentials|BasicSessionCredentials|accessKeyId *[(=]|secretAccessKey *[(=]/,
  go: /NewStaticCredentials|AccessKeyID|SecretAccessKey/,
  csharp: /AWSCredentials|ImmutableCredentials|Client\(/,
};

/** Keys (object keys, keywords, struct fields) that hold one half of a key, per language family. */
const KEYS: Readonly<Record<string, Readonly<Record<string, Half>>>> = {
  js: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
  python: { aws_access_key_id: ACCESS_KEY_ID, aws_secret_access_key: SECRET_ACCESS_KEY },
  java: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
  go: { AccessKeyID: ACCESS_KEY_ID, SecretAccessKey: SECRET_ACCESS_KEY },
};

/** Calls whose first two arguments are the access key ID and the secret access key, by the name called. */
const POSITIONAL: Readonly<Record<string, ReadonlySet<string>>> = {
  js: new Set(['Credentials']),
  java: new Set(['AwsBasicCredentials.create', 'AwsSessionCredentials.create', 'BasicAWSCredentials', 'BasicSessionCredentials']),
  go: new Set(['NewStaticCredentialsProvider', 'NewStaticCredentials']),
  csharp: new Set(['BasicAWSCredentials', 'SessionAWSCredentials', 'ImmutableCredentials']),
};

/** An AWS SDK client of .NET made with its keys (`new AmazonDynamoDBClient(id, secret, ...)`). */
const DOTNET_CLIENT = /^Amazon\w+Client$/;

/** The boto3 service names of the clients the rules are about, as a Python file writes them. */
const BOTO3_SERVICES = new Set(['dynamodb', 'dynamodbstreams', 'dax', 'rds', 'rds-data', 'elasticache']);

/**
 * An endpoint on this machine or a local container (DynamoDB Local's port 8000, LocalStack's 4566 and its older
 * 4569), as a client's endpoint URL starts.
 */
export const LOCAL_ENDPOINT = /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal|localstack\b|[\w.-]*-local\b|[\w.-]+:(?:8000|4566|4569)\b)/i;

/** Where a literal access key or secret sits, and the key (or, for an argument, the literal itself) that names it. */
interface Written {
  half: Half;
  key: number;
  value: number;
  /** What the halves of one set of credentials share: the object, call or class body they are written in. */
  group: number;
}

/** The contexts of the credentials the file writes as literals (see the module comment). */
export function staticCredentialContexts(a: CodeAnalyzer): OptionContext[] {
  const family = a.language.family;
  const mentions = MENTIONS[family];
  if (!mentions || !mentions.test(a.text)) {
    return [];
  }
  const written: Written[] = [];
  const keys = KEYS[family];
  const positional = POSITIONAL[family];
  for (let k = 0; k < a.tokens.length; k++) {
    const kind = a.tokens.kinds[k];
    if (keys && (kind === ID || kind === STR)) {
      keyedHalf(a, k, keys, written);
    }
    if (kind === ID && a.is(k + 1, '(')) {
      const callee = calleeName(a, k);
      if (positional?.has(callee) || (family === 'csharp' && a.idIs(k - 1, 'new') && DOTNET_CLIENT.test(callee))) {
        positionalHalves(a, k + 1, written);
      }
    }
  }
  // The searches of the file's strings run only once something is written.
  return written.length > 0 && usesDatabaseClient(a) && !pointsAtLocalEndpoint(a) ? contextsOf(a, written) : [];
}

/** Whether the file uses a client of the services the rules are about (any SDK call counts: the analyzer saw its client). */
function usesDatabaseClient(a: CodeAnalyzer): boolean {
  for (const service of a.services) {
    if (service !== 'redis' && service !== 'boto3') {
      return true;
    }
  }
  if (a.operations.length > 0) {
    return true;
  }
  if (a.language.family !== 'python') {
    return false;
  }
  for (const { module } of a.imports.values()) {
    if (module === 'pynamodb' || module.startsWith('pynamodb.')) {
      return true;
    }
  }
  return a.services.has('boto3') && someString(a, (text) => BOTO3_SERVICES.has(text));
}

function pointsAtLocalEndpoint(a: CodeAnalyzer): boolean {
  return someString(a, (text) => LOCAL_ENDPOINT.test(text));
}

function someString(a: CodeAnalyzer, test: (text: string) => boolean): boolean {
  const { kinds } = a.tokens;
  for (let k = 0; k < kinds.length; k++) {
    if (kinds[k] === STR && test(a.tokens.text(k))) {
      return true;
    }
  }
  return false;
}

/**
 * A key naming one half, with a literal value: `key: 'v'` (an object, a dict, a Go struct), `key='v'` (a Python
 * keyword or class attribute), `x.key = 'v'` (JavaScript), `.key("v")` (a Java builder).
 */
function keyedHalf(a: CodeAnalyzer, k: number, keys: Readonly<Record<string, Half>>, written: Written[]): void {
  const name = a.tokens.text(k);
  const half = Object.hasOwn(keys, name) ? keys[name] : undefined;
  if (!half || (a.isString(k) && a.tokens.interpolated(k))) {
    return;
  }
  const family = a.language.family;
  if (family === 'java') {
    // A builder's setter: `.accessKeyId("...")`, alone in its parentheses; the SDK for Kotlin's DSL or named argument.
    const setter = a.isAccess(k - 1) && a.is(k + 1, '(') && a.partner[k + 1] === k + 3;
    const value = setter ? literalAt(a, k + 2) : kotlinSdkAssignment(a, k) ? literalAt(a, k + 2) : undefined;
    if (value !== undefined) {
      written.push({ half, key: k, value, group: a.parent[k] });
    }
    return;
  }
  const assigned = a.is(k + 1, '=') && (family === 'python' ? a.isId(k) : a.isAccess(k - 1));
  // JavaScript's shorthand `{ accessKeyId, secretAccessKey }` reads the names of the keys.
  const shorthand = family === 'js' && a.isId(k) && a.is(a.parent[k], '{') && a.tokens.isOneOf(k - 1, ['{', ',']) && a.tokens.isOneOf(k + 1, [',', '}']);
  const value = shorthand ? literalAt(a, k) : a.is(k + 1, ':') || assigned ? literalAt(a, k + 2) : undefined;
  if (value !== undefined) {
    written.push({ half, key: k, value, group: groupOf(a, k) });
  }
}

/** `accessKeyId = "..."` in a file of the AWS SDK for Kotlin: `StaticCredentialsProvider { ... }`, `Credentials(accessKeyId = ...)`. */
function kotlinSdkAssignment(a: CodeAnalyzer, k: number): boolean {
  return a.language.trailingLambdas === true && a.isId(k) && a.is(k + 1, '=') && !a.is(k + 2, '=') && !a.isAccess(k - 1) && usesKotlinSdk(a);
}

/** The object, call or bracket a key is written in; at the top level of a Python class body, that body's scope. */
function groupOf(a: CodeAnalyzer, k: number): number {
  const open = a.parent[k];
  return open >= 0 ? open : -1 - a.scopes.scopeAt(k);
}

/** The name a call at `k` calls, with its class for a static factory (`AwsBasicCredentials.create`). */
function calleeName(a: CodeAnalyzer, k: number): string {
  const name = a.tokens.text(k);
  return name === 'create' && a.isAccess(k - 1) && a.isId(k - 2) ? `${a.tokens.text(k - 2)}.create` : name;
}

/** The first two arguments of the call whose `(` is at `open`, where each gives a literal (`argumentLiteral`). */
function positionalHalves(a: CodeAnalyzer, open: number, written: Written[]): void {
  const [first, second] = segments(a, open);
  if (second === undefined) {
    return;
  }
  const id = argumentLiteral(a, first);
  if (id !== undefined) {
    written.push({ half: ACCESS_KEY_ID, key: first[0], value: id, group: open });
  }
  const secret = argumentLiteral(a, second);
  if (secret !== undefined) {
    written.push({ half: SECRET_ACCESS_KEY, key: second[0], value: secret, group: open });
  }
}

/**
 * The literal an argument [from, to) gives: a literal or a name bound to one (`literalAt`), or in Java and C# a field
 * or property of the enclosing class, bare or as `this.name`, that the class gives a literal anywhere
 * (`this.KeyId = "AKIA…"` in one constructor, a parameter in another): the literal is in the code either way.
 */
function argumentLiteral(a: CodeAnalyzer, [from, to]: [number, number]): number | undefined {
  const thisMember = to === from + 3 && a.idIs(from, 'this') && a.isAccess(from + 1) && a.isId(from + 2);
  if (to !== from + 1 && !thisMember) {
    return undefined;
  }
  const name = thisMember ? from + 2 : from;
  return (thisMember ? undefined : literalAt(a, name)) ?? classMemberLiteral(a, name);
}

/** The first literal the enclosing Java or C# class assigns to the member named at `at` (`Name = "…"`, `this.Name = "…"`). */
function classMemberLiteral(a: CodeAnalyzer, at: number): number | undefined {
  const family = a.language.family;
  const owner = family === 'java' || family === 'csharp' ? a.scopes.enclosing(at, ['class']) : -1;
  if (owner < 0 || !a.isId(at)) {
    return undefined;
  }
  const name = a.tokens.text(at);
  const [start, end] = a.scopes.range(owner);
  for (let k = start; k < end; k++) {
    const member = !a.isAccess(k - 1) || (a.idIs(k - 2, 'this') && a.isAccess(k - 1));
    if (member && a.idIs(k, name) && a.is(k + 1, '=') && isLiteral(a, k + 2)) {
      return k + 2;
    }
  }
  return undefined;
}

/**
 * The string literal a value at `k` is: itself, or for a bare name, the literal the name is bound to once in the
 * file (`ACCESS_KEY = "..."`, a `const`, a Java or C# field) or, for a Java or Kotlin field, given by Spring's
 * `@Value("...")` written in place of a `${...}` property. Where the literal sits is where the key is written.
 */
function literalAt(a: CodeAnalyzer, k: number): number | undefined {
  if (isLiteral(a, k)) {
    return k;
  }
  if (!a.isId(k) || a.isAccess(k - 1) || !(k + 1 >= a.tokens.length || a.tokens.isOneOf(k + 1, [',', ')', '}', ']', ';']) || a.startsLine(k + 1))) {
    return undefined;
  }
  const name = a.tokens.text(k);
  const binding = a.scopes.lookup(name, k, true);
  if (!binding || binding.element || binding.destructured || binding.unpacked || (a.scopes.outerBindings(name, k)?.length ?? 1) > 1) {
    return undefined;
  }
  if (binding.expression >= 0) {
    return isLiteral(a, binding.expression) ? binding.expression : undefined;
  }
  return a.language.family === 'java' ? springValueLiteral(a, binding.token) : undefined;
}

/** `@Value("...") String name;` (or `lateinit var name`): the annotation's literal, among the few tokens before the name. */
function springValueLiteral(a: CodeAnalyzer, name: number): number | undefined {
  for (let k = name - 1; k >= 4 && k >= name - 8 && !a.tokens.isOneOf(k, [';', '{', '}']); k--) {
    if (a.is(k, ')') && a.isString(k - 1) && a.is(k - 2, '(') && a.idIs(k - 3, 'Value') && a.is(k - 4, '@')) {
      return a.tokens.interpolated(k - 1) ? undefined : k - 1;
    }
  }
  return undefined;
}

/** A string literal that is the whole value: nothing joined to it (an operator after it, even on the next line), no interpolation. */
function isLiteral(a: CodeAnalyzer, k: number): boolean {
  if (!a.isString(k) || a.tokens.interpolated(k)) {
    return false;
  }
  const next = k + 1;
  return next >= a.tokens.length || a.tokens.isOneOf(next, [',', ')', '}', ']', ';']) || (a.startsLine(next) && a.tokens.kinds[next] !== PUNCT);
}

/** One context per set of credentials: the halves of one group, a half met twice starting the next set. */
function contextsOf(a: CodeAnalyzer, written: readonly Written[]): OptionContext[] {
  const open = new Map<number, OptionContext>();
  const contexts: OptionContext[] = [];
  for (const half of written) {
    let context = open.get(half.group);
    if (!context || context.options.some((option) => option.norm === half.half)) {
      context = { kind: 'sdk', type: STATIC_CREDENTIALS, options: [], complete: true, anchor: a.tokenSpan(half.value) };
      open.set(half.group, context);
      contexts.push(context);
    }
    context.options.push(occurrence(a, half));
  }
  return contexts;
}

function occurrence(a: CodeAnalyzer, half: Written): OptionOccurrence {
  const value: Span = a.tokenSpan(half.value);
  return {
    name: half.key === half.value ? (half.half === ACCESS_KEY_ID ? 'accessKeyId' : 'secretAccessKey') : a.tokens.text(half.key),
    norm: half.half,
    key: a.tokenSpan(half.key),
    value,
    literal: { kind: 'str', value: a.tokens.text(half.value) },
    removal: value,
    literalSpan: value,
  };
}
