/** The options of the calls that make Redis clients: written in the call, held by a variable, returned by a helper, or a URL. */
import { TOKEN_KIND } from '../lexer';
import { Literal, OptionContext, RedisFlavor } from '../model';
import { Span } from '../types';
import { environmentRead, withoutTypeAssertion } from './names';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { contextFrom, positionalOption } from './options';
import { concatenatedUrl, fromUrlCertReqs, heldUrlExpression, interpolatedUrlOption, parseInterpolatedRedisUrl, parseRedisUrl, urlOption, wholeUrlOption } from './redisUrls';
import { memberAssignmentsOf, variableContext } from './requests';
import { legacyClientArguments } from './redisPositionalServers';
import { Branch, literalBranches, writtenObjectBranches } from './conditionalObjects';
import { conditionalEndpoints } from './redisConditionalOptions';

const { NUM } = TOKEN_KIND;

/**
 * The options of a call that makes a Redis client, written in its arguments or, in JavaScript, held by a
 * variable argument. `factory`: the function or class called, as its library names it (`from_url` for
 * an `async_from_url` alias); by default the name written before the arguments. An argument a condition picks
 * between literals (`new Redis(isProd ? { host, tls: {} } : { host: 'localhost' })`, `new Redis(isProd ? process.env.URL
 * : 'redis://localhost')`, also held by a name bound once to it or returned by a helper) makes a client per branch, each read as if that branch were written in the call (`code/conditionalObjects.ts`).
 */
export function redisClientOptions(a: CodeAnalyzer, open: number, flavor: RedisFlavor, factory = a.tokens.text(open - 1), leadingNonOptions = 0): void {
  const close = a.partner[open];
  if (close < 0) {
    return;
  }
  const kept = a.language.family === 'js' ? segments(a, open).slice(leadingNonOptions).map(([start, end]) => withoutTypeAssertion(a, start, end)) : [];
  const chosen = kept.findIndex(([start, end]) => literalBranches(a, start, end) !== undefined);
  if (chosen < 0) {
    const whole = clientContext(a, open, flavor, factory, leadingNonOptions, kept);
    const nested = nestedCondition(a, whole);
    // `{ connection: live ? { host, password } : { host: 'localhost' } }`: a client per branch of an option's value.
    a.contexts.push(...(nested ? nested.branches.map((branch) => clientContext(a, open, flavor, factory, leadingNonOptions, kept, nested.span, branch)) : [whole]));
    return;
  }
  const [start, end] = kept[chosen];
  for (const branch of literalBranches(a, start, end) ?? []) {
    const written: [number, number][] = branch[1] > branch[0] ? [[branch[0], branch[1]]] : [];
    const inBranch = [...kept.slice(0, chosen), ...written, ...kept.slice(chosen + 1)];
    a.contexts.push(clientContext(a, open, flavor, factory, leadingNonOptions, inBranch, { start: a.tokens.starts[start], end: a.tokens.ends[end - 1] }, branch));
  }
}

/** The first option whose value, written in place, is a condition between object literals (or nothing): its span and branches. */
function nestedCondition(a: CodeAnalyzer, context: OptionContext): { span: Span; branches: Branch[] } | undefined {
  for (const option of a.language.family === 'js' ? context.options : []) {
    const [first, end] = a.tokensOf(option.value);
    const branches = end > first ? writtenObjectBranches(a, first, end) : undefined;
    if (branches) {
      return { span: option.value, branches };
    }
  }
  return undefined;
}

/**
 * One client's options: those of the call at `open` whose arguments are `kept`; where a condition picks one of them
 * (written at `condition`), those outside it and those of the object or array literal that `branch` writes (a string
 * or an environment read is read where `kept` holds it).
 */
function clientContext(a: CodeAnalyzer, open: number, flavor: RedisFlavor, factory: string, leadingNonOptions: number, kept: [number, number][], condition?: Span, branch?: Branch): OptionContext {
  const close = a.partner[open];
  const context = contextFrom(a, open, close, 'redis-client', flavor, a.tokenSpan(open - 1));
  if (condition) {
    const literal = branch && (a.is(branch[0], '{') || a.is(branch[0], '[')) ? branch[0] : -1;
    const chosen = literal < 0 ? undefined : contextFrom(a, literal, a.partner[literal], 'redis-client', flavor, context.anchor);
    context.options = [...context.options.filter((option) => option.key.start < condition.start || option.key.start >= condition.end), ...(chosen?.options ?? [])];
    context.complete &&= chosen?.complete !== false;
  }
  if (leadingNonOptions > 0) {
    // Keys in a queue's name or a worker's processor (`{ password }` of a call its body makes) are not the client's.
    const from = kept.length > 0 ? a.tokens.starts[kept[0][0]] : Number.MAX_SAFE_INTEGER;
    context.options = context.options.filter((option) => option.key.start >= from);
  }
  urlOptionPasswords(a, context);
  conditionalEndpoints(a, context);
  if (a.language.family === 'js' && leadingNonOptions === 0 && kept.length === 1 && a.is(kept[0][0], '{') && a.partner[kept[0][0]] === kept[0][1] - 1) {
    // `createClient({ password })`, `new Redis({ port, password })`: nothing else in the call names where it connects.
    context.aloneInCall = true;
  }
  if (a.language.family === 'js') {
    legacyClientArguments(a, context, kept).forEach(([start, end]) => positionalArgument(a, context, start, end));
    if (kept.length === 1 && environmentRead(a, kept[0][0], kept[0][1]) !== undefined) {
      // `new Redis(process.env.REDIS_URL)`: all the call gives is a URL the environment holds.
      context.urlNotSeen = true;
    }
    context.options.push(...heldTlsObjects(a, context), ...heldConnectionObjects(a, context));
  } else if (a.language.family === 'python') {
    pythonPositionalArguments(a, context, open, flavor, factory.slice(factory.lastIndexOf('.') + 1));
  }
  return context;
}

/** A Redis client's options written as an object that a library hands to the client it opens (`brace` is its `{`). */
export function redisObjectOptions(a: CodeAnalyzer, brace: number, flavor: RedisFlavor, anchor: Span): void {
  const close = a.partner[brace];
  if (close < 0) {
    return;
  }
  const context = contextFrom(a, brace, close, 'redis-client', flavor, anchor);
  urlOptionPasswords(a, context);
  conditionalEndpoints(a, context);
  a.contexts.push(context);
}

/** Options that hold the TLS settings of ioredis (`tls`) and node-redis (`socket`). */
const TLS_CONTAINERS = new Set(['tls', 'socket']);

/**
 * The keys of an object a `tls` or `socket` option names by a variable (`const tlsOptions = { rejectUnauthorized:
 * false }`, then `tls: tlsOptions`), read as written in place, unless the code also sets one of its keys apart.
 */
function heldTlsObjects(a: CodeAnalyzer, context: OptionContext): OptionContext['options'] {
  const found: OptionContext['options'] = [];
  for (const option of context.options) {
    const [first, end] = a.tokensOf(option.value);
    if (!TLS_CONTAINERS.has(option.norm) || !a.isId(first) || end !== first + 1) {
      continue;
    }
    const name = a.tokens.text(first);
    const binding = a.scopes.lookup(name, first);
    const open = a.objectVariable(name, first);
    const setApart = binding !== undefined && memberAssignmentsOf(a, name, binding).length > 0;
    if (open >= 0 && a.partner[open] > open && !setApart) {
      found.push(...contextFrom(a, open, a.partner[open], 'redis-client', context.type, context.anchor).options);
    }
  }
  return found;
}

/**
 * Keys under which a queue or NestJS library takes the options of the client it opens: BullMQ's and
 * @nestjs/bullmq's `connection`, Bull's and @nestjs/bull's `redis`, the NestJS Redis modules' `config` and
 * `options`; and ioredis' `Cluster` the options of its connection to each node, `redisOptions` (https://redis.github.io/ioredis/interfaces/ClusterOptions.html).
 */
export const CONNECTION_HOLDERS: ReadonlySet<string> = new Set(['connection', 'redis', 'config', 'options', 'redisoptions']);

/**
 * The options of an object such a key names by a variable of the file (`const connection = { host, tls: {
 * rejectUnauthorized: false } }`, then `new Queue('mail', { connection })`), with the keys the code sets on it
 * before (`connection.tls = {...}`), read as written in place, or that a same-file helper returns
 * (`{ connection: bullConnection() }`). A variable that holds a client, or an object another file makes, adds nothing.
 */
function heldConnectionObjects(a: CodeAnalyzer, context: OptionContext): OptionContext['options'] {
  const found: OptionContext['options'] = [];
  for (const option of context.options) {
    const [first, end] = a.tokensOf(option.value);
    if (CONNECTION_HOLDERS.has(option.norm) && a.isId(first) && end === first + 1) {
      const held = variableContext(a, first, 'redis-client', context.type, context.anchor);
      found.push(...(held?.options ?? []));
      context.complete &&= held?.complete !== false;
    } else if (CONNECTION_HOLDERS.has(option.norm) && end === first + 3 && a.isId(first) && a.is(first + 1, '.') && a.isId(first + 2)) {
      const brace = memberObject(a, first);
      const held = brace === undefined ? undefined : contextFrom(a, brace, a.partner[brace], 'redis-client', context.type, context.anchor);
      found.push(...(held?.options ?? []));
      context.complete &&= held?.complete !== false;
    } else if (CONNECTION_HOLDERS.has(option.norm)) {
      const returned = optionsReturnedBy(a, context, first, end);
      found.push(...returned);
      context.complete &&= returned.length === 0;
    }
  }
  return found;
}

/**
 * The object literal a member of a same-file object holds, for `object.key` at `first` (`connection:
 * redisWorker.connection` with `const redisWorker = { connection: { host, password } }`); undefined when
 * the object is not a literal of the file, the code sets its members apart, or the key holds no literal.
 */
function memberObject(a: CodeAnalyzer, first: number): number | undefined {
  const name = a.tokens.text(first);
  const open = a.objectVariable(name, first);
  const binding = a.scopes.lookup(name, first);
  if (open < 0 || a.partner[open] < open || !binding || memberAssignmentsOf(a, name, binding).length > 0) {
    return undefined;
  }
  const key = a.tokens.text(first + 2);
  const close = a.partner[open];
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    const named = (a.isId(k) || a.isString(k)) && a.tokens.text(k) === key && a.is(k + 1, ':');
    const value = k + 2;
    if (named && a.is(value, '{') && a.partner[value] > value && (a.is(a.partner[value] + 1, ',') || a.partner[value] + 1 === close)) {
      return value;
    }
  }
  return undefined;
}

/** How many return statements of a function that builds options are read. */
const MAX_RETURNS_READ = 8;

/**
 * The options a same-file function returns, for a call of it written `start` to `end` (exclusive) in a client's
 * options (`new Redis(redisOptions())`, `{ connection: bullConnection() }`): an object literal it returns, or the
 * object a variable it returns holds, with the keys the function sets on it first (`config.tls = {...}` under an
 * `if`). Their presence counts; their absence tells nothing, as the caller leaves the options incomplete.
 */
function optionsReturnedBy(a: CodeAnalyzer, context: OptionContext, start: number, end: number): OptionContext['options'] {
  if (!a.isId(start) || !a.is(start + 1, '(') || a.partner[start + 1] !== end - 1) {
    return [];
  }
  const fn = a.lookup(a.tokens.text(start), start);
  if (fn?.t !== 'function') {
    return [];
  }
  const found: OptionContext['options'] = [];
  for (const returned of a.returnStarts(fn).slice(0, MAX_RETURNS_READ)) {
    const object = a.is(returned, '(') && a.is(returned + 1, '{') ? returned + 1 : returned;
    if (a.is(object, '{') && a.partner[object] > object) {
      found.push(...contextFrom(a, object, a.partner[object], 'redis-client', context.type, context.anchor).options);
    } else if (a.isId(object) && !a.isAccess(object + 1) && !a.is(object + 1, '(')) {
      found.push(...(variableContext(a, object, 'redis-client', context.type, context.anchor)?.options ?? []));
    }
  }
  return found;
}

/** A string token written as one argument, `start` to `end` (exclusive), read as a Redis URL: TLS, host and password. */
function urlArgument(a: CodeAnalyzer, context: OptionContext, start: number, end: number): void {
  if (end === start + 1 && a.isString(start) && a.tokens.interpolated(start)) {
    interpolatedUrlArgument(a, context, start);
    return;
  }
  if (end !== start + 1 || !a.isString(start)) {
    // A URL the code does not show (`os.environ["REDIS_URL"]`) may be `rediss://`: TLS is unknown.
    if (context.complete) {
      context.urlNotSeen = true;
    }
    context.complete = false;
    return;
  }
  const url = parseRedisUrl(a.tokens.text(start));
  if (!url) {
    return;
  }
  context.options.push(wholeUrlOption(a, start));
  if (url.password) {
    context.options.push(urlOption(a, start, 'password', url.password, url.password, { kind: 'str', value: url.password.value }));
  }
}

/**
 * An f-string URL whose scheme is written out (`f"redis://{host}:{port}"`): it says whether the client uses
 * TLS, and a password in its user information (`f"redis://:{password}@{host}"`) is one whose value the code
 * does not show. Any other interpolated URL leaves TLS unknown.
 */
function interpolatedUrlArgument(a: CodeAnalyzer, context: OptionContext, token: number): void {
  const read = parseInterpolatedRedisUrl(a.tokens.text(token));
  if (!read) {
    context.complete = false;
    return;
  }
  context.options.push(interpolatedUrlOption(a, token, read.masked));
  interpolatedPassword(a, context, token, read);
}

/** The password in the user information of an interpolated URL, a value the code does not show where it holds an interpolation. */
function interpolatedPassword(a: CodeAnalyzer, context: OptionContext, token: number, read: NonNullable<ReturnType<typeof parseInterpolatedRedisUrl>>): void {
  const password = read.url.password;
  if (password && password.value !== '') {
    const original = a.tokens.text(token).slice(password.start, password.end);
    const literal: Literal = read.unknown(password) ? { kind: 'expr', text: original } : { kind: 'str', value: original };
    context.options.push(urlOption(a, token, 'password', password, password, literal));
  }
}

/**
 * The password in a `url` option written as a literal (`createClient({ url: 'redis://:secret@cache:6379' })`, `url="redis://..."`),
 * and a template URL whose scheme is written out (`` url: `redis://${host}:${port}` ``), read as a positional one.
 */
function urlOptionPasswords(a: CodeAnalyzer, context: OptionContext): void {
  for (const option of context.options.slice()) {
    const written = option.norm === 'url' && (option.literal.kind === 'str' || option.literal.kind === 'expr') ? a.tokensOf(option.value) : [0, 0];
    const [first, end] = heldUrlExpression(a, written[0], written[1]) ?? written;
    const token = end === first + 1 && a.isString(first) ? first : undefined;
    const concatenated = token === undefined && end > first ? concatenatedUrl(a, first, end) : undefined;
    if (concatenated) {
      const { name, norm, key, value, removal } = option;
      context.options.splice(context.options.indexOf(option), 1, { name, norm, key, value, removal, literal: concatenated.options[0].literal }, ...concatenated.options.slice(1));
      continue;
    }
    if (token !== undefined && a.tokens.interpolated(token)) {
      const read = parseInterpolatedRedisUrl(a.tokens.text(token));
      if (read) {
        const { name, norm, key, value, removal } = option;
        context.options.splice(context.options.indexOf(option), 1, { name, norm, key, value, removal, literal: interpolatedUrlOption(a, token, read.masked).literal });
        interpolatedPassword(a, context, token, read);
      }
      continue;
    }
    const password = token === undefined ? undefined : parseRedisUrl(a.tokens.text(token))?.password;
    if (token !== undefined && password) {
      context.options.push(urlOption(a, token, 'password', password, password, { kind: 'str', value: password.value }));
    }
  }
}

/**
 * redis-py's positional arguments, before the first keyword: the URL of `from_url(url, **kwargs)` (module,
 * `Redis`, `ConnectionPool` and `RedisCluster` class methods alike), and the password of the synchronous
 * `Redis(host, port, db, password, ...)` (redis/client.py; the asyncio client takes keywords only).
 */
function pythonPositionalArguments(a: CodeAnalyzer, context: OptionContext, open: number, flavor: RedisFlavor, factory: string): void {
  const passwordAt = flavor === 'redis-py' && (factory === 'Redis' || factory === 'StrictRedis') ? 3 : -1;
  const argumentsWritten = segments(a, open);
  for (let position = 0; position < argumentsWritten.length; position++) {
    const [start, end] = argumentsWritten[position];
    if (a.is(start, '*') || a.is(start, '**') || (a.isId(start) && a.is(start + 1, '='))) {
      return;
    }
    if (factory === 'from_url' && position === 0) {
      urlArgument(a, context, start, end);
      const certReqs = fromUrlCertReqs(a, start, end);
      if (certReqs) {
        context.options.push(certReqs);
      }
    } else if (position === passwordAt) {
      context.options.push(positionalOption(a, start, end, 'password'));
    }
  }
}

/**
 * One argument of a JavaScript client constructor or factory, `start` to `end` (exclusive). An options object
 * held by a variable (`new Redis(url, options)` with `const options: RedisOptions = { tls: {...} }`) is read as
 * if written there. An argument that may be a `rediss://` URL (`process.env.REDIS_URL`), or that the code does
 * not show, leaves TLS unknown; object and array literals (options, cluster nodes) and a port do not.
 */
function positionalArgument(a: CodeAnalyzer, context: OptionContext, start: number, end: number): void {
  if ((a.is(start, '{') || a.is(start, '[')) && a.skipGroup(start) === end) {
    return;
  }
  // A name that holds a URL built from parts (`const url = 'redis://' + host`) is read as if written here.
  [start, end] = heldUrlExpression(a, start, end) ?? [start, end];
  const concatenated = concatenatedUrl(a, start, end);
  if (concatenated) {
    // `'redis://' + host + ':6379'` is read as a template literal is.
    context.options.push(...concatenated.options);
  } else if (end !== start + 1) {
    context.options.push(...optionsReturnedBy(a, context, start, end));
    context.complete = false;
  } else if (a.isString(start)) {
    // A template URL whose scheme is written out (`` `redis://:${password}@${host}` ``) is read as Python's f-strings are.
    context.complete &&= !/^(?:rediss|valkeys):/i.test(a.tokens.text(start));
    urlArgument(a, context, start, end);
  } else if (a.isId(start)) {
    const held = variableContext(a, start, 'redis-client', context.type, context.anchor);
    context.options.push(...(held?.options ?? []));
    context.complete &&= held?.complete === true;
  } else {
    context.complete &&= a.tokens.kinds[start] === NUM;
  }
}
