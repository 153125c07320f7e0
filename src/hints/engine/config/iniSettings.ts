/**
 * Settings files in INI form that hold an application's database and cache connections: the `database.ini` and
 * `config.ini` sections that Python's ConfigParser hands to a driver (`psycopg2.connect(**config(section="postgresql"))`,
 * the psycopg2 tutorials' loader), Alembic's `alembic.ini` (`sqlalchemy.url`), MySQL's option files (`my.cnf`, which
 * Django's `OPTIONS: {"read_default_file": ...}` names), and `.cfg` files of the same names, which ConfigParser reads
 * as well and which Flask's `from_pyfile` reads as Python assignments of the same `KEY = 'value'` shape.
 *
 * The file names no driver, so a section is read only where it names an AWS data store itself: an RDS or Aurora
 * endpoint (`host=orders.c1x2y3.us-east-1.rds.amazonaws.com`, or a URL to one) is a SQL connection, an ElastiCache
 * endpoint (or a `redis://` URL to one) a Redis client. Any other section (`localhost`, an address, a Redshift
 * cluster, a placeholder) is left unread: a settings file names one environment's server, and that one is none of ours.
 */
import { addDsnPassword } from '../code/sqlDsnOptions';
import { parseRedisUrl } from '../code/redisUrls';
import { dsnHost, tlsDisabledOption } from '../code/sqlTls';
import { budgetTick } from '../budget';
import { DocumentModel, NO_SCOPES, OptionContext, OptionOccurrence, parseSuppression } from '../model';
import { tlsMissingOption, TLS_URL } from '../redisClientTls';
import { LineIndex } from '../text';
import { normalizeName, Span } from '../types';
import { configLiteral, isCacheHost, isRdsHost } from './values';

/** One `key = value` line: its key as written, and its value without the quotes a hand-written file often puts around it. */
interface IniEntry {
  key: string;
  keySpan: Span;
  value: string;
  valueSpan: Span;
  removal: Span;
}

/** `key = value` or `key: value` (ConfigParser's delimiters), after any indentation. */
const ENTRY = /^([^=:\s[#;][^=:]*?)\s*[=:]\s*(.*)$/;
/** `[section]`. */
const SECTION = /^\[([^\]]+)\]\s*(?:[#;].*)?$/;

/**
 * The sections of an INI text in order, each its entries by lower-cased key (ConfigParser's `optionxform`); lines
 * before the first section (a Flask `.cfg`, a sectionless `db.cfg`) are a section of their own, named ''. A line
 * indented deeper than the entry before it continues that entry's value in ConfigParser: such a value is left out, as
 * its text is not what one line shows.
 */
function readSections(lines: LineIndex, suppressions: DocumentModel['suppressions']): { name: string; entries: Map<string, IniEntry> }[] {
  const sections = [{ name: '', entries: new Map<string, IniEntry>() }];
  let last: { key: string; indent: number; entries: Map<string, IniEntry> } | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    budgetTick();
    const raw = lines.lineText(line);
    const content = raw.trim();
    if (content.startsWith('#') || content.startsWith(';')) {
      const ids = parseSuppression(content);
      if (ids) {
        suppressions.push({ line: line + 1, ruleIds: ids });
      }
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    if (content !== '' && last && indent > last.indent) {
      last.entries.delete(last.key);
      last = undefined;
      continue;
    }
    const section = SECTION.exec(content);
    if (section) {
      sections.push({ name: section[1].trim(), entries: new Map() });
      last = undefined;
      continue;
    }
    const match = ENTRY.exec(content);
    if (!match) {
      last = undefined;
      continue;
    }
    const start = lines.lineStart(line) + indent;
    const written = match[2].trimEnd();
    const quoted = /^(["'])(.*)\1$/.exec(written);
    const value = quoted ? quoted[2] : written;
    const valueStart = start + content.length - written.length + (quoted ? 1 : 0);
    const entry: IniEntry = {
      key: match[1],
      keySpan: { start, end: start + match[1].length },
      value,
      valueSpan: { start: valueStart, end: valueStart + value.length },
      removal: { start, end: start + content.length },
    };
    const entries = sections[sections.length - 1].entries;
    entries.set(match[1].toLowerCase(), entry);
    last = { key: match[1].toLowerCase(), indent, entries };
  }
  return sections;
}

/** The part of a key before its last word: `db` of `db_host`, `redis` of `redis.password`, '' of `host`. */
const KEYED = (words: string): RegExp => new RegExp(`^(?:(.*?)[._-])?(?:${words})$`);
const HOST_KEY = KEYED('host|hostname|server|endpoint|address');
const PASSWORD_KEY = KEYED('password|passwd|pwd|pass|auth_token|authtoken');
const PORT_KEY = KEYED('port');
/** A key that holds a whole URL: `sqlalchemy.url`, `redis_url`, `database_uri`, `SQLALCHEMY_DATABASE_URI`, `dsn`. */
const URL_KEY = KEYED('url|uri|dsn');

/** A Memcached cluster: ElastiCache names it too, but it is no Redis server (its configuration endpoint has `.cfg.`, its port 11211). */
const MEMCACHED = /memcache/i;
const MEMCACHED_ENDPOINT = /\.cfg\.[a-z0-9]+\.cache\.amazonaws\.com/i;

/** The entries whose key ends in `words`, by the prefix before it. */
function byPrefix(entries: Map<string, IniEntry>, pattern: RegExp): Map<string, IniEntry> {
  const found = new Map<string, IniEntry>();
  for (const [key, entry] of entries) {
    const match = pattern.exec(key);
    if (match) {
      found.set(match[1] ?? '', entry);
    }
  }
  return found;
}

function option(name: string, entry: IniEntry, literal: OptionOccurrence['literal']): OptionOccurrence {
  return { name, norm: normalizeName(name), key: entry.keySpan, value: entry.valueSpan, literal, removal: entry.removal };
}

/**
 * The password beside a host: one of the same prefix (`db_host`, `db_password`), or the section's only one where the
 * section names one server (`host` with `db_password`); of two servers, each takes its own prefix's alone.
 */
function passwordFor(prefix: string, passwords: Map<string, IniEntry>, hosts: number): IniEntry | undefined {
  return passwords.get(prefix) ?? (passwords.size === 1 && hosts === 1 ? [...passwords.values()][0] : undefined);
}

/** The option of a switch that turns a SQL connection's TLS off: libpq's `sslmode = disable`, MySQL Connector's `ssl_disabled = True`. */
function tlsOff(entries: Map<string, IniEntry>): OptionOccurrence | undefined {
  const mode = entries.get('sslmode') ?? entries.get('ssl_mode') ?? entries.get('ssl-mode');
  const disabled = entries.get('ssl_disabled') ?? entries.get('ssl-disabled');
  const off = mode && /^disabled?$/i.test(mode.value) ? mode : disabled && /^(?:true|1|yes|on)$/i.test(disabled.value) ? disabled : undefined;
  return off && tlsDisabledOption(off.keySpan, off.valueSpan, true);
}

/** An RDS endpoint under a host key, with its password and TLS switch. */
function sqlHost(host: IniEntry, password: IniEntry | undefined, entries: Map<string, IniEntry>, model: DocumentModel): void {
  const options = [option('host', host, { kind: 'str', value: host.value })];
  if (password) {
    options.push(option('password', password, configLiteral(password.value)));
  }
  const off = tlsOff(entries);
  if (off) {
    options.push(off);
  }
  // libpq's `sslmode` as psycopg2 takes it: `require` encrypts but checks the server only if a root CA file is present
  // (then as `verify-ca`), and never its host name; the hover says so.
  const mode = entries.get('sslmode');
  if (mode) {
    options.push(option('sslmode', mode, { kind: 'str', value: mode.value }));
  }
  model.contexts.push({ kind: 'sql-client', type: 'psycopg2', options, complete: true, anchor: host.keySpan });
  (model.sqlConnections ??= []).push({ name: host.keySpan, flavor: 'psycopg2' });
}

/** A database URL (`postgresql+psycopg2://app:pw@orders...rds.amazonaws.com/orders`) to an RDS endpoint. */
function sqlUrl(url: IniEntry, model: DocumentModel): void {
  const context: OptionContext = { kind: 'sql-client', type: 'sqlalchemy', options: [], complete: true, anchor: url.keySpan };
  addDsnPassword(context, { kind: 'str', value: url.value }, url.valueSpan, url.keySpan);
  context.options = context.options.map((each) => (each.norm === 'password' && each.literal.kind === 'str' ? { ...each, literal: configLiteral(each.literal.value) } : each));
  model.contexts.push(context);
  (model.sqlConnections ??= []).push({ name: url.keySpan, flavor: 'sqlalchemy' });
}

/**
 * A Redis server under a host key (`host`, `redis_host`) or a URL key (`redis_url = redis://...`, also a bare
 * endpoint there), with the password and `ssl` of the same prefix: redis-py's `ssl=True` (or a `rediss://` URL)
 * turns TLS on, and `ssl_cert_reqs = none` accepts any certificate.
 */
function redisServer(server: IniEntry, prefix: string, entries: Map<string, IniEntry>, password: IniEntry | undefined, model: DocumentModel): void {
  const url = parseRedisUrl(server.value);
  const options: OptionOccurrence[] = [option(url ? 'url' : 'host', server, { kind: 'str', value: server.value })];
  if (password) {
    options.push(option('password', password, configLiteral(password.value)));
  } else if (url?.password && url.password.value !== '') {
    const span = { start: server.valueSpan.start + url.password.start, end: server.valueSpan.start + url.password.end };
    options.push({ name: 'password', norm: 'password', key: span, value: span, literal: configLiteral(url.password.value), removal: span });
  }
  const ssl = entries.get(prefix ? `${prefix}_ssl` : 'ssl') ?? entries.get('ssl');
  if (ssl && /^(?:true|false|yes|no|on|off|1|0)$/i.test(ssl.value)) {
    options.push(option('ssl', ssl, { kind: 'bool', value: /^(?:true|yes|on|1)$/i.test(ssl.value) }));
  }
  const certReqs = entries.get(prefix ? `${prefix}_ssl_cert_reqs` : 'ssl_cert_reqs') ?? entries.get('ssl_cert_reqs');
  if (certReqs) {
    options.push(option('ssl_cert_reqs', certReqs, { kind: 'str', value: certReqs.value }));
  }
  if (!options.some((each) => each.norm === 'ssl') && !TLS_URL.test(server.value)) {
    options.push(tlsMissingOption(server.keySpan));
  }
  model.contexts.push({ kind: 'redis-client', type: 'redis-py', options, complete: true, anchor: server.keySpan });
}

/** The server a URL or bare endpoint names. */
function serverOf(value: string): string {
  return /^(?:[a-z][\w+.-]*:\/\/)?(?:[^@/]*@)?([^/:?,\s]*)/i.exec(value.trim())?.[1] ?? '';
}

function readSection(name: string, entries: Map<string, IniEntry>, model: DocumentModel): void {
  const passwords = byPrefix(entries, PASSWORD_KEY);
  const ports = byPrefix(entries, PORT_KEY);
  const hosts = byPrefix(entries, HOST_KEY);
  const urls = byPrefix(entries, URL_KEY);
  const servers = hosts.size + urls.size;
  for (const [prefix, host] of hosts) {
    const server = serverOf(host.value);
    const memcached = MEMCACHED.test(name) || MEMCACHED.test(host.key) || MEMCACHED_ENDPOINT.test(server) || /:11211$/.test(host.value) || ports.get(prefix)?.value === '11211';
    if (isRdsHost(server)) {
      sqlHost(host, passwordFor(prefix, passwords, servers), entries, model);
    } else if (isCacheHost(server) && !memcached) {
      redisServer(host, prefix, entries, passwordFor(prefix, passwords, servers), model);
    }
  }
  for (const [prefix, url] of urls) {
    const server = serverOf(url.value);
    const redis = parseRedisUrl(url.value) !== undefined || (!url.value.includes('://') && isCacheHost(server));
    if (redis && isCacheHost(server) && !MEMCACHED.test(name) && !MEMCACHED_ENDPOINT.test(server)) {
      redisServer(url, prefix, entries, passwordFor(prefix, passwords, servers), model);
    } else if (!redis && url.value.includes('://') && isRdsHost(dsnHost(url.value) ?? '')) {
      sqlUrl(url, model);
    }
  }
}

/** Reads an INI settings file into the connections its sections to RDS and ElastiCache configure. */
export function readIniSettings(lines: LineIndex): DocumentModel {
  const model: DocumentModel = { operations: [], contexts: [], redisCalls: [], scopes: NO_SCOPES, commentPrefix: '#', suppressions: [] };
  for (const section of readSections(lines, model.suppressions)) {
    readSection(section.name, section.entries, model);
  }
  return model;
}
