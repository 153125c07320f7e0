/**
 * ASP.NET Core's `appsettings.json` (and `appsettings.<Environment>.json`): the connection strings the app reads
 * with `GetConnectionString(name)` (the `ConnectionStrings` section), a Redis section's configuration string
 * (`"Redis": { "Configuration": "..." }`) and one written under a Redis key of its own (`"Redis": "host:6379,..."`), read with the parsers the C# code analysis uses:
 *
 * - a StackExchange.Redis configuration string (`host:6379,password=...,ssl=False,abortConnect=false`): its endpoints,
 *   `password` and `ssl` (https://stackexchange.github.io/StackExchange.Redis/Configuration);
 * - an ADO.NET connection string (`Host=...;Password=...`, `Server=...;Pwd=...`): its host, its password, and Npgsql's
 *   and Microsoft.Data.SqlClient's `Trust Server Certificate=true`, which accepts any server certificate
 *   (https://www.npgsql.org/doc/connection-string-parameters.html, SqlConnectionStringBuilder.TrustServerCertificate),
 *   and a SQL Server string's `Encrypt=False` or `No`, which sends the traffic in clear
 *   (https://learn.microsoft.com/dotnet/api/microsoft.data.sqlclient.sqlconnection.connectionstring);
 *   a SQLite file's string is none of them.
 */
import { connectionStringOptions } from '../code/sqlConnectionsDotnet';
import { namesLocalHost } from '../code/sqlDsnOptions';
import { configurationStringOptions } from '../code/stackExchangeRedis';
import { readJson } from '../iac/json';
import { IacEntry, IacNode } from '../iac/tree';
import { DocumentModel, NO_SCOPES, OptionContext, OptionOccurrence } from '../model';
import { tlsMissingOption } from '../redisClientTls';
import { LineIndex } from '../text';
import { configLiteral, hoverOnly, isCacheHost, isRdsHost } from './values';

const MAX_DEPTH = 16;

/** Keys of a Redis section that hold its configuration string (`Redis:Configuration`, `Redis:ConnectionString`). */
const REDIS_STRING_KEYS = /^(?:configuration|connection(?:string)?)$/i;

/** `host:6379,password=...` or `host:6379`: endpoints and `key=value` options separated by commas, no `;` and no URL. */
const REDIS_SHAPE = /^\s*[\w.-]+(?::\d+)?\s*(?:,|$)/;
const REDIS_HINTS = /(?:^|,)\s*(?:password|ssl|abortconnect|user)\s*=|:63[78]\d\b/i;

/** A password as the checks should see it: a placeholder is none. */
function withConfigPasswords(options: OptionOccurrence[]): OptionOccurrence[] {
  return options.map((option) => (option.norm === 'password' && option.literal.kind === 'str' ? { ...option, literal: configLiteral(option.literal.value) } : option));
}

function redisString(value: string, text: string, entry: IacEntry, model: DocumentModel): void {
  const span = entry.value.span;
  // Offsets into the string hold only when it has no escapes.
  if (text.slice(span.start + 1, span.end - 1) !== value) {
    return;
  }
  const options = withConfigPasswords(configurationStringOptions(value, span.start + 1));
  const hosts = options.filter((option) => option.norm === 'host' && option.literal.kind === 'str').map((option) => (option.literal as { value: string }).value);
  const aws = hosts.length > 0 && hosts.every(isCacheHost);
  // An ElastiCache endpoint and no `ssl=`: the client connects in clear (`redis-tls` hovers on the setting's name).
  if (aws && !options.some((option) => option.norm === 'ssl')) {
    options.push(tlsMissingOption(entry.keySpan));
  }
  model.contexts.push({ kind: 'redis-client', type: 'stackexchange-redis', options: aws ? options : hoverOnly(options), complete: aws, anchor: entry.keySpan });
}

/**
 * A SQLite connection string (`Data Source=app.db`, `Filename=orders.sqlite`, `Data Source=:memory:`): a file of
 * the app's own, not a server (https://learn.microsoft.com/dotnet/standard/data/sqlite/connection-strings).
 */
const SQLITE = /(?:^|;)\s*(?:data\s*source|filename)\s*=\s*(?::memory:|[^;]*\.(?:db|db3|sqlite|sqlite3)\s*(?:;|$))/i;

/**
 * Keys of SqlClient's alone among the .NET drivers: `Server`, `Database`, `User Id`, `Initial Catalog`
 * and `Integrated Security` are MySQL Connector/NET's too, whose old `Encrypt` key means something else, and Npgsql
 * also reads `Trust Server Certificate` (https://learn.microsoft.com/sql/connect/ado-net/connection-options).
 */
const SQLCLIENT_KEYS = /(?:^|;)\s*(?:trusted_connection|multiple\s*active\s*result\s*sets|application\s*intent|multi\s*subnet\s*failover)\s*=/i;
/** A SQL Server port after a comma (`Server=tcp:host,1433`), where MySQL lists further hosts. */
const SQLSERVER_PORT = /(?:^|;)\s*(?:server|data\s*source)\s*=\s*[^;,]+,\s*\d+\s*(?:;|$)/i;
/** Keys SqlClient rejects: the other drivers' strings. */
const OTHER_KEYS = /(?:^|;)\s*(?:host|port|ssl\s*-?\s*mode|user\s*name)\s*=/i;

/**
 * Whether a string is SQL Server's by its keys: one SqlClient alone reads (or TrustServerCertificate, which the MySQL
 * drivers reject, beside `Encrypt`, which Npgsql rejects), and none it rejects. The app's code, not the file, says
 * which SqlClient reads it, so the string is read as System.Data.SqlClient reads `Encrypt`: only `False`/`No` leave
 * the traffic in clear under both, `Optional` under Microsoft.Data.SqlClient alone.
 */
function sqlServerString(value: string): boolean {
  if (OTHER_KEYS.test(value)) {
    return false;
  }
  const trustAndEncrypt = /(?:^|;)\s*trust\s*server\s*certificate\s*=/i.test(value) && /(?:^|;)\s*encrypt\s*=/i.test(value);
  return SQLCLIENT_KEYS.test(value) || SQLSERVER_PORT.test(value) || trustAndEncrypt;
}

/** SQL Server on this machine: LocalDB (`(localdb)\\MSSQLLocalDB`), `(local)`, and `.` or `.\\SQLEXPRESS`. */
const LOCAL_SQL_SERVER = /^(?:\(localdb\)|\(local\)|\.(?:\\|,|$))/i;

function sqlString(value: string, entry: IacEntry, model: DocumentModel): void {
  if (SQLITE.test(value)) {
    return;
  }
  // `Trust Server Certificate` is Npgsql's (and SqlClient's) key, and `Host` is how Npgsql names the server.
  const flavor = sqlServerString(value) ? 'sqlclient-system' : /(?:^|;)\s*host\s*=/i.test(value) ? 'npgsql' : 'mysqlconnector';
  const options = withConfigPasswords(connectionStringOptions(value, entry.value.span, flavor));
  const host = options.find((option) => option.norm === 'host')?.literal;
  if (host?.kind !== 'str') {
    return;
  }
  const rds = isRdsHost(host.value);
  const context: OptionContext = { kind: 'sql-client', type: flavor, options: rds ? options : hoverOnly(options), complete: rds, anchor: entry.keySpan };
  // A server on the developer's machine (`localhost`, SQL Server's LocalDB or `.`): a settings file names one environment's
  // server, and this one is no RDS connection to comment on (code, which may run against RDS elsewhere, keeps its hover).
  if (namesLocalHost({ ...context, options }) || LOCAL_SQL_SERVER.test(host.value.trim())) {
    return;
  }
  model.contexts.push(context);
  (model.sqlConnections ??= []).push({ name: entry.keySpan, flavor });
}

function connectionString(entry: IacEntry, text: string, redisSection: boolean, model: DocumentModel): void {
  const value = entry.value;
  if (value.kind !== 'scalar' || value.literal.kind !== 'str') {
    return;
  }
  const string = value.literal.value;
  if (!string.includes(';') && !string.includes('://') && REDIS_SHAPE.test(string) && (redisSection || /redis|cache/i.test(entry.key) || REDIS_HINTS.test(string))) {
    redisString(string, text, entry, model);
  } else if (string.includes('=')) {
    sqlString(string, entry, model);
  }
}

/** A string that shows a Redis configuration string's options or port, not some other setting of a Redis section (`"RedisEnabled": "true"`). */
function isRedisString(value: IacNode): boolean {
  return value.kind === 'scalar' && value.literal.kind === 'str' && REDIS_HINTS.test(value.literal.value);
}

function walk(node: IacNode, text: string, model: DocumentModel, depth: number): void {
  if (node.kind !== 'map' || depth > MAX_DEPTH) {
    return;
  }
  for (const entry of node.entries) {
    const key = entry.key;
    if (/^connectionstrings$/i.test(key) && entry.value.kind === 'map') {
      entry.value.entries.forEach((each) => connectionString(each, text, false, model));
    } else if (/redis/i.test(key) && entry.value.kind === 'map') {
      entry.value.entries.filter((each) => REDIS_STRING_KEYS.test(each.key)).forEach((each) => connectionString(each, text, true, model));
    } else if (/redis/i.test(key) && isRedisString(entry.value)) {
      // A configuration string under a key of its own (`"Redis": "host:6379,password=..."`, `"RedisCacheServerUrl": "host:6379"`).
      connectionString(entry, text, false, model);
    } else {
      walk(entry.value, text, model, depth + 1);
    }
  }
}

/** Reads an `appsettings.json` into the connections its strings configure. */
export function readAppSettings(text: string, lines: LineIndex): DocumentModel {
  const { root, suppressions } = readJson(text, lines);
  const model: DocumentModel = { operations: [], contexts: [], redisCalls: [], scopes: NO_SCOPES, suppressions };
  if (root) {
    walk(root, text, model, 0);
  }
  return model;
}
