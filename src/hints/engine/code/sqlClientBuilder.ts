/**
 * Connection strings a C# file builds with a driver's builder object initializer, read as `connectionStringOptions`
 * reads the same keys in a string (`sqlConnectionsDotnet.ts`):
 * - SqlClient's `SqlConnectionStringBuilder` (`new SqlConnectionStringBuilder { DataSource = "...", Password = "...",
 *   TrustServerCertificate = true, Encrypt = false }`): `DataSource` is the host, `TrustServerCertificate = true`
 *   accepts any server certificate
 *   (https://learn.microsoft.com/dotnet/api/microsoft.data.sqlclient.sqlconnectionstringbuilder.trustservercertificate)
 *   and `Encrypt = false` (or Microsoft.Data.SqlClient's `SqlConnectionEncryptOption.Optional`) sends the traffic in
 *   clear (https://learn.microsoft.com/dotnet/api/microsoft.data.sqlclient.sqlconnectionstringbuilder.encrypt);
 * - Npgsql's `NpgsqlConnectionStringBuilder` (`Host`, `Password`, `TrustServerCertificate = true`, `SslMode =
 *   SslMode.Disable`: https://www.npgsql.org/doc/api/Npgsql.NpgsqlConnectionStringBuilder.html);
 * - MySqlConnector's and Connector/NET's `MySqlConnectionStringBuilder` (`Server`, `Password`, `SslMode =
 *   MySqlSslMode.None` or `Disabled`: https://mysqlconnector.net/connection-options/).
 * Any other `SslMode` but `VerifyCA` and `VerifyFull` gets the verification hover (`Require` encrypts without checking the certificate). Findings
 * only where the host is a literal RDS endpoint, written or held by a name bound once to one; hovers for any other server, none for a builder the initializer
 * leaves empty or that test code builds (a test function, as for driver calls).
 */
import { hoverOnly, isRdsHost } from '../config/values';
import { OptionContext, OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { initializerContext, literalOf } from './options';
import { tlsDisabledOption } from './sqlTls';
import { inTestCode } from './testFixtures';
import { connectionStringLiteral, DOTNET_SQL_MODULE, DotnetFlavor } from './sqlConnectionsDotnet';
import { writtenConnectionStringContexts } from './dotnetWrittenConnectionStrings';

/** Each builder: the property that names the server, and the `SslMode` values that turn TLS off. */
interface Builder {
  host: string;
  noTls?: RegExp;
}
const BUILDERS: Readonly<Record<string, Builder>> = {
  SqlConnectionStringBuilder: { host: 'datasource' },
  NpgsqlConnectionStringBuilder: { host: 'host', noTls: /^(?:SslMode\s*\.\s*)?Disable$/ },
  MySqlConnectionStringBuilder: { host: 'server', noTls: /^(?:MySqlSslMode\s*\.\s*)?(?:None|Disabled)$/ },
};
/** `SslMode` values of both drivers that verify the server's certificate. */
const VERIFIES = /^(?:(?:MySql)?SslMode\s*\.\s*)?Verify(?:CA|Full)$/i;
const ENCRYPT_OFF = /^(?:(?:SqlConnectionEncryptOption\s*\.\s*)?Optional|false)$/;

/** An initializer's option under the name the SQL checks read (its spans are worked out when asked: copied one by one). */
function renamed(option: OptionOccurrence, name: string): OptionOccurrence {
  return { name, norm: name.toLowerCase(), key: option.key, value: option.value, literal: option.literal, removal: option.removal, literalSpan: option.literalSpan };
}

/** One option of the initializer as the SQL checks name it, or undefined for those they do not read. */
function sqlOption(option: OptionOccurrence, builder: Builder, rds: boolean): OptionOccurrence | undefined {
  const literal = option.literal;
  if (option.norm === builder.host) {
    return renamed(option, 'host');
  }
  switch (option.norm) {
    case 'password':
      // A password read from configuration is what the rule asks for: only a literal one is read.
      return literal.kind === 'str' ? renamed(option, 'password') : undefined;
    case 'trustservercertificate':
      return literal.kind === 'bool' && literal.value ? renamed(option, 'InsecureSkipVerify') : undefined;
    case 'encrypt': {
      const off = (literal.kind === 'bool' && !literal.value) || (literal.kind === 'expr' && ENCRYPT_OFF.test(literal.text.trim()));
      return off ? tlsDisabledOption(option.key, option.value, rds) : undefined;
    }
    case 'sslmode':
      if (!builder.noTls) {
        return undefined;
      }
      if (literal.kind === 'expr' && builder.noTls.test(literal.text.trim())) {
        return tlsDisabledOption(option.key, option.value, rds);
      }
      // A mode that checks the certificate (`VerifyCA`, `VerifyFull`) needs no word on verification.
      return literal.kind === 'expr' && VERIFIES.test(literal.text.trim()) ? undefined : renamed(option, 'sslmode');
    default:
      return undefined;
  }
}

/**
 * The option contexts of the file's `new SqlConnectionStringBuilder { ... }` and the like (nothing unless it uses the
 * driver's namespace), and of the connection strings it writes outside a driver call (`dotnetWrittenConnectionStrings.ts`).
 */
export function sqlClientBuilderContexts(a: CodeAnalyzer): OptionContext[] {
  if (a.language.family !== 'csharp') {
    return [];
  }
  const contexts = writtenConnectionStringContexts(a);
  if (!a.text.includes('ConnectionStringBuilder')) {
    return contexts;
  }
  for (let k = 1; k < a.tokens.length; k++) {
    const name = a.idIs(k - 1, 'new') ? a.id(k) : undefined;
    const builder = name !== undefined && Object.hasOwn(BUILDERS, name) ? BUILDERS[name] : undefined;
    const module = builder ? a.imports.get(name!)?.module : undefined;
    if (!builder || !module?.startsWith(DOTNET_SQL_MODULE) || a.scopes.classNamed(name!) >= 0 || inTestCode(a, k)) {
      continue;
    }
    const read = initializerContext(a, k, 'sql-client', flavorOf(module));
    const hostOption = read.options.find((option) => option.norm === builder.host);
    const host = hostOption ? serverName(a, hostOption) : undefined;
    const rds = host !== undefined && isRdsHost(host.replace(/[:,]\d+$/, ''));
    const options = read.options.map((option) => sqlOption(option, builder, rds)).filter((option) => option !== undefined);
    if (options.length > 0) {
      contexts.push({ ...read, options: rds ? options : hoverOnly(options), complete: rds });
    }
  }
  return contexts;
}

/**
 * The server a builder's host option names: its string literal, or the one a name holds that the code binds once to
 * a literal (`Host = host` after `var host = "orders.cluster-....rds.amazonaws.com"`, a `const string` field), as a
 * connection string argument is read (`connectionStringLiteral`).
 */
function serverName(a: CodeAnalyzer, option: OptionOccurrence): string | undefined {
  if (option.literal.kind === 'str') {
    return option.literal.value;
  }
  const [start, end] = a.tokensOf(option.value);
  const literal = connectionStringLiteral(a, start, end);
  const read = literal >= 0 ? literalOf(a, literal, literal + 1).literal : undefined;
  return read?.kind === 'str' ? read.value : undefined;
}

/** The driver a builder's namespace names (`dotnet-sql:Npgsql`), as the connection contexts type it. */
function flavorOf(module: string): DotnetFlavor {
  switch (module.slice(DOTNET_SQL_MODULE.length)) {
    case 'Npgsql':
      return 'npgsql';
    case 'MySqlConnector':
      return 'mysqlconnector';
    case 'MySql.Data.MySqlClient':
      return 'mysql-data';
    default:
      return 'sqlclient';
  }
}
