/**
 * .NET SQL drivers for RDS and Aurora (`code/sqlConnections.ts` reads the other languages'): Npgsql's
 * `new NpgsqlConnection(cs)`, `NpgsqlDataSource.Create(cs)` and `new NpgsqlDataSourceBuilder(cs)`, and
 * `new MySqlConnection(cs)` of MySqlConnector and of MySQL Connector/NET (`MySql.Data.MySqlClient`), with
 * MySqlConnector's `new MySqlDataSource(cs)`, SQL Server's `new SqlConnection(cs)` of Microsoft.Data.SqlClient and
 * System.Data.SqlClient, and Entity Framework Core's providers (`options.UseNpgsql(cs)`, `UseMySql`, `UseMySQL`,
 * `UseSqlServer`). A name counts only where the file uses the driver's namespace (`using Npgsql;`,
 * `using Microsoft.EntityFrameworkCore;`, noted by the C# analyzer as it reads the file's usings) and declares
 * nothing of that name.
 *
 * The connection string is read where the code writes it: a literal argument, or a local, field or constant
 * the code sets once to a literal. Its `Password` (or `Pwd`) is the `password` option, its host (`Host`,
 * `Server`, `Data Source`) the `host` option, and `Trust Server Certificate=true`, which accepts any server
 * certificate, a verification switched off: Npgsql's key (https://npgsql.org/doc/connection-string-parameters.html)
 * and Microsoft.Data.SqlClient's for SQL Server, an ASP.NET app's `appsettings.json` string for EF Core's
 * `UseSqlServer` ("bypass walking the certificate chain to validate trust",
 * https://learn.microsoft.com/dotnet/api/microsoft.data.sqlclient.sqlconnectionstringbuilder.trustservercertificate).
 * The MySQL drivers have no such key and reject a string that names one. SqlClient's `Encrypt=False` sends the
 * traffic in clear (`NO_ENCRYPT`).
 *
 * These drivers pool physical connections by connection string and hand one back on `Dispose` (pooling is on
 * unless `Pooling=false`: https://dev.mysql.com/doc/connector-net/en/connector-net-connections-pooling.html,
 * https://learn.microsoft.com/sql/connect/ado-net/sql-server-connection-pooling),
 * so `using var conn = new NpgsqlConnection(cs)` in a Lambda handler reuses the execution environment's pool:
 * no connection per invocation is reported for them.
 */
import { OptionContext, OptionOccurrence } from '../model';
import { Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { Construction } from './handlerClients';
import { literalOf, positionalOption } from './options';
import { boundStringLiteral, filledInterpolation } from './dotnetInterpolatedNames';
import { FILLER } from './redisUrls';
import { namesRdsHost, tlsDisabledOption } from './sqlTls';

/** The module the C# analyzer notes a driver's type under (`dotnet-sql:Npgsql`), as `a.imports` holds it. */
export const DOTNET_SQL_MODULE = 'dotnet-sql:';

export type DotnetFlavor = 'npgsql' | 'mysqlconnector' | 'mysql-data' | 'sqlclient' | 'sqlclient-system';

/** The types each namespace brings that open a connection or a data source (a pool) from a connection string. */
const NAMESPACES: Readonly<Record<string, { flavor: DotnetFlavor; constructed: readonly string[]; factories: readonly string[] }>> = {
  Npgsql: { flavor: 'npgsql', constructed: ['NpgsqlConnection', 'NpgsqlDataSourceBuilder'], factories: ['NpgsqlDataSource'] },
  MySqlConnector: { flavor: 'mysqlconnector', constructed: ['MySqlConnection', 'MySqlDataSource'], factories: [] },
  'MySql.Data.MySqlClient': { flavor: 'mysql-data', constructed: ['MySqlConnection'], factories: [] },
  'Microsoft.Data.SqlClient': { flavor: 'sqlclient', constructed: ['SqlConnection'], factories: [] },
  'System.Data.SqlClient': { flavor: 'sqlclient-system', constructed: ['SqlConnection'], factories: [] },
};

/** Each driver's connection string builder (Connector/NET and MySqlConnector share the name). */
const BUILDER_OF: Readonly<Record<DotnetFlavor, string>> = {
  npgsql: 'NpgsqlConnectionStringBuilder',
  mysqlconnector: 'MySqlConnectionStringBuilder',
  'mysql-data': 'MySqlConnectionStringBuilder',
  sqlclient: 'SqlConnectionStringBuilder',
  'sqlclient-system': 'SqlConnectionStringBuilder',
};

/**
 * Entity Framework Core's providers, extension methods of `DbContextOptionsBuilder` in the namespace
 * `Microsoft.EntityFrameworkCore`: Npgsql's `UseNpgsql`, Pomelo's `UseMySql`, Oracle's `UseMySQL`, and SQL Server's
 * `UseSqlServer` (on Microsoft.Data.SqlClient). Each takes the connection string first; the DbContext opens its
 * connections through the driver's pool.
 */
const EF_PROVIDERS: Readonly<Record<string, DotnetFlavor>> = { UseNpgsql: 'npgsql', UseMySql: 'mysqlconnector', UseMySQL: 'mysql-data', UseSqlServer: 'sqlclient' };
const EF_NAMESPACE = 'Microsoft.EntityFrameworkCore';
const EF_MODULE = `${DOTNET_SQL_MODULE}${EF_NAMESPACE}`;

/** `using Npgsql;` and the like: the driver's types by their simple names; `using Microsoft.EntityFrameworkCore;`: the providers' methods. */
export function noteDotnetSqlImport(a: CodeAnalyzer, namespace: string): void {
  const driver = Object.hasOwn(NAMESPACES, namespace) ? NAMESPACES[namespace] : undefined;
  const names = driver ? [...driver.constructed, ...driver.factories] : namespace === EF_NAMESPACE ? Object.keys(EF_PROVIDERS) : [];
  // The drivers' connection string builders are read by `sqlClientBuilder.ts`.
  for (const name of driver ? [...names, BUILDER_OF[driver.flavor]] : names) {
    a.addImport(name, DOTNET_SQL_MODULE + namespace, name);
  }
}

/** Whether the file uses a driver's namespace, or Entity Framework Core's. */
export function importsDotnetDriver(a: CodeAnalyzer): boolean {
  for (const name of ['NpgsqlConnection', 'MySqlConnection', 'SqlConnection', 'UseNpgsql']) {
    if (a.imports.get(name)?.module.startsWith(DOTNET_SQL_MODULE)) {
      return true;
    }
  }
  return false;
}

export interface DotnetOpened {
  construction: Construction;
  flavor: DotnetFlavor;
  open: number;
}

/** The driver of a type name at `k`, when the file imports it and declares nothing of that name. */
function driverOfType(a: CodeAnalyzer, k: number): (typeof NAMESPACES)[string] | undefined {
  const name = a.tokens.text(k);
  const module = a.imports.get(name)?.module;
  if (!module?.startsWith(DOTNET_SQL_MODULE) || a.scopes.lookup(name, k) !== undefined || a.scopes.classNamed(name) >= 0) {
    return undefined;
  }
  return NAMESPACES[module.slice(DOTNET_SQL_MODULE.length)];
}

/** `new NpgsqlConnection(cs)` or `NpgsqlDataSource.Create(cs)` at `k` (the `new`, or the factory's type). */
export function dotnetOpenedAt(a: CodeAnalyzer, k: number): DotnetOpened | undefined {
  if (a.idIs(k, 'new')) {
    const type = k + 1;
    const driver = a.isId(type) && a.is(type + 1, '(') && a.partner[type + 1] > type ? driverOfType(a, type) : undefined;
    if (!driver?.constructed.includes(a.tokens.text(type))) {
      return undefined;
    }
    return { construction: { start: k, name: type, end: a.partner[type + 1] + 1, service: 'rds', redis: false }, flavor: driver.flavor, open: type + 1 };
  }
  if (a.isAccess(k - 1)) {
    return entityFrameworkAt(a, k);
  }
  if (!a.isAccess(k + 1) || !a.idIs(k + 2, 'Create') || !a.is(k + 3, '(') || a.partner[k + 3] < 0) {
    return undefined;
  }
  const driver = driverOfType(a, k);
  if (!driver?.factories.includes(a.tokens.text(k))) {
    return undefined;
  }
  return { construction: { start: k, name: k + 2, end: a.partner[k + 3] + 1, service: 'rds', redis: false }, flavor: driver.flavor, open: k + 3 };
}

/** `options.UseNpgsql(cs)`, `optionsBuilder.UseMySql(cs, version)` at `k` (the method's name), in a file that uses EF Core's namespace. */
function entityFrameworkAt(a: CodeAnalyzer, k: number): DotnetOpened | undefined {
  const name = a.tokens.text(k);
  const flavor = Object.hasOwn(EF_PROVIDERS, name) ? EF_PROVIDERS[name] : undefined;
  if (!flavor || a.imports.get(name)?.module !== EF_MODULE || !a.is(k + 1, '(') || a.partner[k + 1] < 0 || a.idIs(k - 2, 'this')) {
    return undefined;
  }
  return { construction: { start: k, name: k, end: a.partner[k + 1] + 1, service: 'rds', redis: false }, flavor, open: k + 1 };
}

/** Connection string keys, spaces removed and lower-cased, for the options they give. */
const PASSWORD_KEYS = new Set(['password', 'pwd']);
const HOST_KEYS = new Set(['host', 'server', 'datasource', 'address', 'addr', 'networkaddress']);
const TRUST_KEYS = new Set(['trustservercertificate']);
/**
 * `SSL Mode` values that send everything in clear: Npgsql's `Disable` (https://www.npgsql.org/doc/api/Npgsql.SslMode.html),
 * MySqlConnector's `None` (https://mysqlconnector.net/connection-options/) and Connector/NET's `Disabled` or `None`
 * (https://dev.mysql.com/doc/dev/connector-net/latest/api/data_api/MySql.Data.MySqlClient.MySqlSslMode.html).
 */
const NO_TLS: Readonly<Record<string, RegExp>> = { npgsql: /^disable$/i, mysqlconnector: /^(?:none|disabled)$/i, 'mysql-data': /^(?:none|disabled)$/i };
/**
 * `SSL Mode` values that check no certificate: Npgsql's `Allow`, `Prefer` and `Require` (only `VerifyCA` and
 * `VerifyFull` verify it: https://www.npgsql.org/doc/api/Npgsql.SslMode.html), MySqlConnector's and Connector/NET's `Preferred` and
 * `Required` ("does not validate CA or hostname": https://mysqlconnector.net/connection-options/).
 */
const UNVERIFIED_TLS = /^(?:allow|prefer|preferred|require|required)$/i;
/**
 * SqlClient's `Encrypt` values that leave the traffic in clear: Microsoft.Data.SqlClient's `false`, `no` or
 * `Optional` (it encrypts by default since 4.0), System.Data.SqlClient's `false` or `no` (its default, so only
 * an explicit value is reported): https://learn.microsoft.com/dotnet/api/microsoft.data.sqlclient.sqlconnection.connectionstring,
 * https://learn.microsoft.com/dotnet/api/system.data.sqlclient.sqlconnection.connectionstring.
 */
const NO_ENCRYPT: Readonly<Record<string, RegExp>> = { sqlclient: /^(?:false|no|optional)$/i, 'sqlclient-system': /^(?:false|no)$/i };

/**
 * The options of a connection string (`Host=...;Password=...;Trust Server Certificate=true`), each anchored on
 * the string's token. Keys are case-insensitive and may hold spaces; a value may be quoted.
 */
export function connectionStringOptions(value: string, span: Span, flavor: string): OptionOccurrence[] {
  const options: OptionOccurrence[] = [];
  let tlsOff = false;
  for (const part of value.split(';')) {
    const equals = part.indexOf('=');
    if (equals <= 0) {
      continue;
    }
    const key = part.slice(0, equals).replace(/\s+/g, '').toLowerCase();
    const text = part.slice(equals + 1).trim().replace(/^(['"])(.*)\1$/, '$2');
    if (PASSWORD_KEYS.has(key)) {
      options.push({ name: 'password', norm: 'password', key: span, value: span, literal: { kind: 'str', value: text }, removal: span });
    } else if (HOST_KEYS.has(key)) {
      options.push({ name: 'host', norm: 'host', key: span, value: span, literal: { kind: 'str', value: text.replace(/[:,]\d+$/, '') }, removal: span });
    } else if (TRUST_KEYS.has(key) && /^(?:true|yes)$/i.test(text)) {
      options.push({ name: 'InsecureSkipVerify', norm: 'insecureskipverify', key: span, value: span, literal: { kind: 'bool', value: true }, removal: span });
    } else if (key === 'sslmode' && Object.hasOwn(NO_TLS, flavor) && NO_TLS[flavor].test(text)) {
      tlsOff = true;
    } else if (key === 'sslmode' && Object.hasOwn(NO_TLS, flavor) && UNVERIFIED_TLS.test(text)) {
      // Encrypted, maybe, but the certificate is not checked: the verification hover, as libpq's `sslmode`.
      options.push({ name: 'sslmode', norm: 'sslmode', key: span, value: span, literal: { kind: 'str', value: text }, removal: span });
    } else if (key === 'encrypt' && Object.hasOwn(NO_ENCRYPT, flavor)) {
      tlsOff = NO_ENCRYPT[flavor].test(text);
    }
  }
  if (tlsOff) {
    const host = options.find((option) => option.norm === 'host')?.literal;
    options.push(tlsDisabledOption(span, span, namesRdsHost(host?.kind === 'str' ? host.value : undefined)));
  }
  return options;
}

/**
 * The string literal a connection string argument holds: the literal itself, or a name the code binds once
 * to one (a local of the same function, a field or a constant: `private const string Cs = "...";`). A name
 * bound twice (a field a constructor sets again) or to anything else gives nothing.
 */
export function connectionStringLiteral(a: CodeAnalyzer, start: number, end: number): number {
  if (end !== start + 1) {
    return -1;
  }
  if (a.isString(start)) {
    return start;
  }
  if (!a.isId(start) || a.isAccess(start - 1)) {
    return -1;
  }
  return boundStringLiteral(a, a.tokens.text(start), start);
}


/** The options of the driver call named at `name` whose `(` is at `open`: its connection string's, where the code writes it. */
export function dotnetOptions(a: CodeAnalyzer, name: number, flavor: string, open: number): OptionContext {
  const anchor = a.tokenSpan(name);
  const context: OptionContext = { kind: 'sql-client', type: flavor, options: [], complete: false, anchor };
  const [first] = segments(a, open);
  const literal = first ? connectionStringLiteral(a, first[0], first[1]) : -1;
  if (literal < 0) {
    return context;
  }
  const read = literalOf(a, literal, literal + 1).literal;
  const span = a.tokenSpan(literal);
  if (read.kind === 'str') {
    context.options.push(positionalOption(a, literal, literal + 1, 'connectionString'), ...connectionStringOptions(read.value, span, flavor));
    context.complete = true;
  } else if (a.tokens.interpolated(literal)) {
    context.options.push(...writtenOptions(connectionStringOptions(filledInterpolation(a, literal), span, flavor)));
  }
  return context;
}

/**
 * The options of an interpolated connection string (`$"Host={host}.rds.amazonaws.com;Password=secret"`) that it
 * writes out: a value the code computes is left out, and a host partly computed keeps its written domain. The
 * string stays incomplete, since a computed value may carry more options.
 */
export function writtenOptions(options: OptionOccurrence[]): OptionOccurrence[] {
  return options.flatMap((option) => {
    const literal = option.literal;
    if (literal.kind !== 'str' || !literal.value.includes(FILLER)) {
      return [option];
    }
    const written = option.norm === 'host' && literal.value.split(FILLER).join('') !== '';
    return written ? [{ ...option, literal: { kind: 'str' as const, value: literal.value.split(FILLER).join('0') } }] : [];
  });
}
