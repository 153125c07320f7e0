/**
 * The password, TLS flag and host that Jedis constructors take as positional arguments
 * (`new JedisPool(poolConfig, host, port, timeout, password)`), read as options of a Jedis client context.
 * Jedis overloads its constructors heavily, so an argument counts as the password (or TLS flag) only where
 * every constructor of that arity whose parameter types fit the arguments puts the password there.
 */
import { TOKEN_KIND } from '../../lexer';
import { OptionContext, OptionOccurrence } from '../../model';
import { UNBOUND_VALUE } from '../../scope/scopes';
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import { positionalOption } from '../options';
import { withLocalLiterals } from '../sqlLiterals';

/**
 * A constructor's parameters, one letter each: `S` a String (host, client or master name), `U` the user, `P`
 * the password, `I` an int or long, `L` the `ssl` flag, `B` another boolean, `O` any other object.
 * Constructors of Jedis 3.10 to 7.5 (the public constructors of each class in its sources, tags v3.10.0,
 * v4.4.8, v5.2.0, v6.2.0 and 7.5), so that code written for any of them is read.
 */
const POOL = 'O S OI OO OS SI OOI OOO OSI SIL OOII OOOO OSII OSIL SIUP SOOO OIOOO OOOOO OSIIL OSIIP OSIUP OOIOOO OSIIPI OSIIPL OSIIUP SILOOO OOIIOOO OSIIPIL OSIIPIS OSIIUPI OSIIUPL OSILOOO OOIIIOOO OSIIIPIS OSIILOOO OSIIPISL OSIIUPIL OSIIUPIS OSIIIPISL OSIIIUPIS OSIIPLOOO OSIIUPISL OSIIIIUPIS OSIIIUPISL OSIIPILOOO OSIIPISLOOO OSIIIPISLOOO OSIIIIPISLOOO OSIIIUPISLOOO OSIIIIUPISLOOO';

export const JEDIS_CONSTRUCTORS: Readonly<Record<string, { signatures: readonly string[]; hostFirst: boolean }>> = {
  // JedisPooled takes the same parameter lists as JedisPool.
  JedisPool: { signatures: POOL.split(' '), hostFirst: true },
  JedisPooled: { signatures: POOL.split(' '), hostFirst: true },
  JedisCluster: {
    signatures: 'O OI OO OII OIO OOI OOO OUP OIIO OOIO OOOO OUPO OIIIO OOIOO OOOIO OIIIPO OOOIOO OOOOIO OIIIPSO OOOOOIO OIIIPSOL OIIIUPSO OIIIIUPSO OIIIUPSOL OIIIPSOLOOOO OIIIIPSOLOOOO OIIIUPSOLOOOO OIIIIUPSOLOOOO OIIIIUPSOLOOOOO'.split(' '),
    hostFirst: false,
  },
  JedisSentinelPool: {
    signatures: 'SO SOO SOP SOOI SOOO SOOP SOPS SOOIP SOOOO SOOIPI SOOIIPI SOOIPIS SOOIUPI SOOIIPIS SOOIIUPI SOOIUPIS SOOIIUPIS SOOIIIUPIS SOOIIPISIISS SOOIIUPISIISSS SOOIIIUPISIISSS'.split(' '),
    hostFirst: false,
  },
};

/** What an argument is known to be: `S` a String, `I` a number, `B` a boolean, `N` null, `O` another object, `?` unknown. */
type ArgumentType = 'S' | 'I' | 'B' | 'N' | 'O' | '?';

const ACCEPTS: Readonly<Record<string, ReadonlySet<ArgumentType>>> = {
  S: new Set(['S', 'N', '?']),
  U: new Set(['S', 'N', '?']),
  P: new Set(['S', 'N', '?']),
  I: new Set(['I', '?']),
  L: new Set(['B', '?']),
  B: new Set(['B', '?']),
  O: new Set(['O', 'N', '?']),
};

const DECLARED_TYPES: Readonly<Record<string, ArgumentType>> = {
  String: 'S',
  int: 'I',
  Integer: 'I',
  long: 'I',
  Long: 'I',
  short: 'I',
  boolean: 'B',
  Boolean: 'B',
  var: '?',
};

/** The type a variable, field or parameter is declared with, from the word before its name. */
function declaredType(a: CodeAnalyzer, nameToken: number): ArgumentType {
  const binding = a.scopes.lookup(a.tokens.text(nameToken), nameToken, true);
  if (!binding || binding === UNBOUND_VALUE || binding.token < 1) {
    return '?';
  }
  const before = binding.token - 1;
  const type = a.id(before);
  if (type !== undefined) {
    return DECLARED_TYPES[type] ?? (/^[A-Z]/.test(type) ? 'O' : '?');
  }
  // `Set<HostAndPort> nodes`, `char[] secret`: an object.
  return a.is(before, '>') || a.is(before, ']') ? 'O' : '?';
}

function argumentType(a: CodeAnalyzer, start: number, end: number): ArgumentType {
  if (end === start + 1) {
    if (a.isString(start)) {
      return 'S';
    }
    if (a.tokens.kinds[start] === TOKEN_KIND.NUM) {
      return 'I';
    }
    if (a.idIs(start, 'true') || a.idIs(start, 'false')) {
      return 'B';
    }
    if (a.idIs(start, 'null')) {
      return 'N';
    }
    return a.isId(start) ? declaredType(a, start) : '?';
  }
  if (end === start + 3 && a.idIs(start, 'this') && a.is(start + 1, '.') && a.isId(start + 2)) {
    return declaredType(a, start + 2);
  }
  if (a.idIs(start, 'new') && a.isId(start + 1)) {
    return a.idIs(start + 1, 'String') ? 'S' : 'O';
  }
  const getter = getterType(a, start, end);
  if (getter !== '?') {
    return getter;
  }
  // `redisConfig.getTimeout() * 1000`: only numbers multiply or divide in Java.
  for (let k = start; k < end; k = a.skipGroup(k)) {
    if (a.is(k, '*') || a.is(k, '/') || a.is(k, '%')) {
      return 'I';
    }
  }
  // `System.getenv("REDIS_HOST")`, `System.getProperty("redis.host")`: a String.
  const systemString = a.idIs(start, 'System') && a.is(start + 1, '.') && (a.idIs(start + 2, 'getenv') || a.idIs(start + 2, 'getProperty'));
  return systemString && a.is(start + 3, '(') && a.partner[start + 3] === end - 1 ? 'S' : '?';
}

/** The position every signature puts `letter` at, -1 when none has it, undefined when they disagree. */
/** Settings a getter's name says the type of, as a settings class of the project declares them (`getHost()`, `getPort()`). */
const STRING_GETTER = /^get\w*(?:Host|HostName|Password|Passwd)$/;
const NUMBER_GETTER = /^get\w*(?:Port|Timeout|Database)$/;
const FLAG_GETTER = /^(?:is|get)(?:Use)?Ssl$/;

/**
 * The type of a settings getter called alone on a name (`redisConfig.getHost()`, `this.props.getPort()`,
 * `isSsl()`), from its name: a project's settings class the file cannot see, read only to tell Jedis's overloads apart.
 */
function getterType(a: CodeAnalyzer, start: number, end: number): ArgumentType {
  if (end < start + 3 || !a.is(end - 1, ')') || !a.is(end - 2, '(') || !a.isId(end - 3)) {
    return '?';
  }
  // The receiver: nothing, a name, or `this.name`, each joined by `.`.
  const receiver = end - 3 - start;
  const plain = receiver === 0 || (receiver === 2 && a.isId(start) && a.isAccess(start + 1)) || (receiver === 4 && a.idIs(start, 'this') && a.isAccess(start + 1) && a.isId(start + 2) && a.isAccess(start + 3));
  if (!plain) {
    return '?';
  }
  const name = a.tokens.text(end - 3);
  return STRING_GETTER.test(name) ? 'S' : NUMBER_GETTER.test(name) ? 'I' : FLAG_GETTER.test(name) ? 'B' : '?';
}

function agreedPosition(signatures: readonly string[], letter: string): number | undefined {
  const positions = new Set(signatures.map((signature) => signature.indexOf(letter)));
  return positions.size === 1 ? [...positions][0] : undefined;
}

/**
 * `new JedisPool(config, host, port, timeout, password)` at its `(`: a Jedis client context with the password,
 * the `ssl` flag and (for pools) the host, when the arguments tell which constructor it is. The context is
 * complete when the constructor has no TLS setting or the TLS flag is known: nothing else can turn TLS on.
 */
export function jedisConstructorOptions(a: CodeAnalyzer, className: string, open: number): OptionContext | undefined {
  const known = Object.hasOwn(JEDIS_CONSTRUCTORS, className) ? JEDIS_CONSTRUCTORS[className] : undefined;
  const written = segments(a, open);
  const types = written.map(([start, end]) => argumentType(a, start, end));
  const fitting = (known?.signatures ?? []).filter((signature) => signature.length === types.length && types.every((type, k) => ACCEPTS[signature[k]].has(type)));
  const password = fitting.length > 0 ? agreedPosition(fitting, 'P') : undefined;
  if (password === undefined || password < 0) {
    return plainConstructorOptions(a, className, open, written);
  }
  const option = (position: number, name: string): OptionOccurrence => positionalOption(a, written[position][0], written[position][1], name);
  const options = [option(password, 'password')];
  const ssl = agreedPosition(fitting, 'L');
  if (ssl !== undefined && ssl >= 0) {
    options.push(option(ssl, 'ssl'));
  }
  const host = known!.hostFirst ? agreedPosition(fitting, 'S') : -1;
  if (host !== undefined && host >= 0) {
    options.push(option(host, 'host'));
  }
  const context: OptionContext = { kind: 'redis-client', type: 'jedis', options, complete: ssl !== undefined, anchor: a.tokenSpan(open - 1) };
  return withLocalLiterals(a, context, JEDIS_LITERALS);
}

/**
 * `jedis.auth("secret")`, `jedis.auth("app", "secret")` on a Jedis client at its method name `index`: the AUTH
 * command sent by hand after `new Jedis(host, port)`, its last argument the password (Jedis's `auth(String)` and
 * `auth(String user, String password)`). A password option of its own client context, not complete: the client's
 * TLS is set where it was made.
 */
export function jedisAuthOptions(a: CodeAnalyzer, index: number): OptionContext | undefined {
  const open = index + 1;
  const written = a.is(open, '(') ? segments(a, open) : [];
  if (written.length < 1 || written.length > 2) {
    return undefined;
  }
  const [start, end] = written[written.length - 1];
  const context: OptionContext = { kind: 'redis-client', type: 'jedis', options: [positionalOption(a, start, end, 'password')], complete: false, anchor: a.tokenSpan(index) };
  const made = a.isAccess(index - 1) && a.isId(index - 2) && !a.isAccess(index - 3) ? madeWith(a, index - 2) : undefined;
  if (made) {
    context.options.push(...made.options);
    context.complete = true;
  }
  return withLocalLiterals(a, context, JEDIS_LITERALS);
}

/**
 * Jedis constructors that take no password, by their parameters: `Jedis(String host, int port)`, with a timeout,
 * and with the `ssl` flag last (`L`); `Jedis(String host)` reads a string that parses as a Redis URI as one, so
 * only a literal host without a scheme counts there.
 */
/** What a constructor or `auth(…)` may take through a name bound once to a literal: its password and host. */
const JEDIS_LITERALS: ReadonlySet<string> = new Set(['password', 'passwd', 'host']);

const PLAIN_JEDIS = new Set(['S', 'SI', 'SII', 'SIL', 'SIIL']);

/**
 * `new Jedis(host, port)`, `new JedisPool(host, port, ssl)` and their kin that take no password and nothing else
 * that may turn TLS on (a pool's also after its pool settings): a complete client context of the host and the `ssl` flag.
 */
function plainConstructorOptions(a: CodeAnalyzer, className: string, open: number, written: [number, number][]): OptionContext | undefined {
  const pool = className === 'JedisPool' || className === 'JedisPooled';
  // A pool's constructors also take its pool settings first: `new JedisPool(poolConfig, host, port, timeout)`.
  const settingsFirst = pool && written.length > 1 && argumentType(a, written[0][0], written[0][1]) === 'O';
  const options = className === 'Jedis' || pool ? hostAndTls(a, settingsFirst ? written.slice(1) : written) : undefined;
  return options && { kind: 'redis-client', type: 'jedis', options, complete: true, anchor: a.tokenSpan(open - 1) };
}

/**
 * The host and TLS flag of the `new Jedis(...)` a variable at `token` is set to (`Jedis jedis = new Jedis("cache", 6379)`,
 * also in a try-with-resources), when the constructor says whether TLS is on; undefined otherwise.
 */
function madeWith(a: CodeAnalyzer, token: number): { options: OptionOccurrence[] } | undefined {
  const binding = a.scopes.lookup(a.tokens.text(token), token, true);
  const from = binding && binding !== UNBOUND_VALUE ? binding.expression : -1;
  if (from < 0 || !a.idIs(from, 'new') || !a.idIs(from + 1, 'Jedis') || !a.is(from + 2, '(')) {
    return undefined;
  }
  const options = hostAndTls(a, segments(a, from + 2));
  return options && { options };
}

/** The host and `ssl` flag of arguments that are a host, a port, a timeout and the flag, in that order, and nothing else. */
function hostAndTls(a: CodeAnalyzer, written: [number, number][]): OptionOccurrence[] | undefined {
  const signature = written.map(([start, end]) => argumentType(a, start, end)).map((type) => (type === 'B' ? 'L' : type)).join('');
  if (!PLAIN_JEDIS.has(signature)) {
    return undefined;
  }
  const [hostStart, hostEnd] = written[0];
  if (signature === 'S' && (!a.isString(hostStart) || hostEnd !== hostStart + 1 || a.tokens.text(hostStart).includes('://'))) {
    return undefined;
  }
  const options = [positionalOption(a, hostStart, hostEnd, 'host')];
  if (signature.endsWith('L')) {
    const [sslStart, sslEnd] = written[written.length - 1];
    options.push(positionalOption(a, sslStart, sslEnd, 'ssl'));
  }
  return options;
}
