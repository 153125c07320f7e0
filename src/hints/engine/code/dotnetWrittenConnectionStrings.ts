/**
 * .NET connection strings a C# file writes outside a driver call: returned by a helper that builds them
 * (`public static string GetConnectionString() { ... return $"Server={host};...;SSL Mode=Required;"; }`), kept in
 * a settings class, or joined from parts (`$"Server={host};Database={db};" + $"User={user};Password={token};SSL Mode=Required;"`)
 * and handed to `new MySqlConnection(...)` in another file. Read in a file that uses exactly one .NET SQL driver's
 * namespace, which tells whose keys they are; a string counts when it holds two or more `key=value` pairs of
 * connection string keys, so SQL text and other strings stay out. A string a driver call of the file reads, in place
 * or through a name (`sqlConnectionsDotnet.ts`), is left to it. Its options are read as `connectionStringOptions`
 * reads them (only what an interpolated string writes out); they are hovers, and findings only where the string
 * itself names a literal RDS host.
 */
import { hoverOnly, isRdsHost } from '../config/values';
import type { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { literalOf } from './options';
import { filledInterpolation } from './dotnetInterpolatedNames';
import { connectionStringLiteral, connectionStringOptions, DOTNET_SQL_MODULE, DotnetFlavor, dotnetOpenedAt, writtenOptions } from './sqlConnectionsDotnet';
import { inTestCode } from './testFixtures';

/** The type each driver namespace brings, and how its connection strings are read. */
const DRIVER_TYPES: Readonly<Record<string, DotnetFlavor>> = {
  'NpgsqlConnection@Npgsql': 'npgsql',
  'MySqlConnection@MySqlConnector': 'mysqlconnector',
  'MySqlConnection@MySql.Data.MySqlClient': 'mysql-data',
  'SqlConnection@Microsoft.Data.SqlClient': 'sqlclient',
  'SqlConnection@System.Data.SqlClient': 'sqlclient-system',
};
/** Connection string keys, spaces removed and lower-cased, that tell a string is one. */
const KNOWN_KEYS = new Set([
  'host', 'server', 'datasource', 'port', 'database', 'initialcatalog', 'username', 'userid', 'user', 'uid', 'password', 'pwd',
  'sslmode', 'trustservercertificate', 'encrypt', 'rootcertificate', 'sslca', 'pooling', 'timeout', 'connecttimeout',
]);
const PAIR = /^\s*([A-Za-z][A-Za-z ]*?)\s*=/;

/** The one .NET SQL driver whose namespace the file uses (and whose type it does not declare itself), or undefined for none or several. */
function onlyDriver(a: CodeAnalyzer): DotnetFlavor | undefined {
  const found = new Set<DotnetFlavor>();
  for (const [key, flavor] of Object.entries(DRIVER_TYPES)) {
    const [type, namespace] = key.split('@');
    if (a.imports.get(type)?.module === DOTNET_SQL_MODULE + namespace && a.scopes.classNamed(type) < 0) {
      found.add(flavor);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Whether the text holds two or more `key=value` pairs of connection string keys. */
function looksLikeConnectionString(text: string): boolean {
  let known = 0;
  for (const part of text.split(';')) {
    const key = PAIR.exec(part)?.[1].replace(/\s+/g, '').toLowerCase();
    if (key !== undefined && KNOWN_KEYS.has(key) && ++known >= 2) {
      return true;
    }
  }
  return false;
}

/** The string tokens the file's driver calls read as their connection string. */
function readByDriverCalls(a: CodeAnalyzer): Set<number> {
  const read = new Set<number>();
  for (let k = 0; k < a.tokens.length; k++) {
    const opened = dotnetOpenedAt(a, k);
    const [first] = opened ? segments(a, opened.open) : [];
    const literal = first ? connectionStringLiteral(a, first[0], first[1]) : -1;
    if (literal >= 0) {
      read.add(literal);
    }
  }
  return read;
}

/**
 * Whether the string at `k` initialises a field or local that the code assigns again (a default a constructor
 * replaces with the configured string): what the connection gets is then out of sight.
 */
function assignedAgain(a: CodeAnalyzer, k: number): boolean {
  if (!a.is(k - 1, '=') || !a.isId(k - 2) || a.isAccess(k - 3)) {
    return false;
  }
  const name = a.tokens.text(k - 2);
  const scope = a.scopes.declaringScope(name, k);
  const own = a.scopes.bindingsIn(scope).get(name)?.length ?? 0;
  const members = a.scopes.kind(scope) === 'class' ? a.scopes.memberBindings(scope, name).length : 0;
  return Math.max(own, members) > 1;
}

/** The option contexts of the connection strings the file writes outside its driver calls. */
export function writtenConnectionStringContexts(a: CodeAnalyzer): OptionContext[] {
  if (a.language.family !== 'csharp' || !a.text.includes('=')) {
    return [];
  }
  const flavor = onlyDriver(a);
  if (!flavor) {
    return [];
  }
  const contexts: OptionContext[] = [];
  let read: Set<number> | undefined;
  for (let k = 0; k < a.tokens.length; k++) {
    if (!a.isString(k)) {
      continue;
    }
    const interpolated = a.tokens.interpolated(k);
    const literal = interpolated ? undefined : literalOf(a, k, k + 1).literal;
    const text = interpolated ? filledInterpolation(a, k) : literal?.kind === 'str' ? literal.value : '';
    if (!looksLikeConnectionString(text) || inTestCode(a, k)) {
      continue;
    }
    read ??= readByDriverCalls(a);
    if (read.has(k) || assignedAgain(a, k)) {
      continue;
    }
    const span = a.tokenSpan(k);
    const all = connectionStringOptions(text, span, flavor);
    const options = interpolated ? writtenOptions(all) : all;
    const host = options.find((option) => option.norm === 'host')?.literal;
    const rds = host?.kind === 'str' && isRdsHost(host.value);
    if (options.length > 0) {
      contexts.push({ kind: 'sql-client', type: flavor, options: rds ? options : hoverOnly(options), complete: false, anchor: span });
    }
  }
  return contexts;
}
