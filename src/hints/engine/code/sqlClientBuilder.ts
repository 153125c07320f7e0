/**
 * SQL Server connection strings a C# file builds with SqlClient's `SqlConnectionStringBuilder` object initializer
 * (`new SqlConnectionStringBuilder { DataSource = "...", Password = "...", TrustServerCertificate = true, Encrypt = false }`),
 * read as `connectionStringOptions` reads the same keys in a string (`sqlConnectionsDotnet.ts`): `DataSource` is
 * the host, `Password` the password, `TrustServerCertificate = true` accepts any server certificate
 * (https://learn.microsoft.com/dotnet/api/microsoft.data.sqlclient.sqlconnectionstringbuilder.trustservercertificate)
 * and `Encrypt = false` (or Microsoft.Data.SqlClient's `SqlConnectionEncryptOption.Optional`) sends the traffic in
 * clear (https://learn.microsoft.com/dotnet/api/microsoft.data.sqlclient.sqlconnectionstringbuilder.encrypt).
 * Findings only where `DataSource` is a literal RDS endpoint; hovers for any other server, none for a builder the
 * initializer leaves empty or that test code builds (a test function, as for driver calls).
 */
import { hoverOnly, isRdsHost } from '../config/values';
import { OptionContext, OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { initializerContext } from './options';
import { tlsDisabledOption } from './sqlTls';
import { inTestCode } from './testFixtures';
import { DOTNET_SQL_MODULE } from './sqlConnectionsDotnet';

const BUILDER = 'SqlConnectionStringBuilder';
const ENCRYPT_OFF = /^(?:(?:SqlConnectionEncryptOption\s*\.\s*)?Optional|false)$/;

/** An initializer's option under the name the SQL checks read (its spans are worked out when asked: copied one by one). */
function renamed(option: OptionOccurrence, name: string): OptionOccurrence {
  return { name, norm: name.toLowerCase(), key: option.key, value: option.value, literal: option.literal, removal: option.removal, literalSpan: option.literalSpan };
}

/** One option of the initializer as the SQL checks name it, or undefined for those they do not read. */
function sqlOption(option: OptionOccurrence, rds: boolean): OptionOccurrence | undefined {
  const literal = option.literal;
  switch (option.norm) {
    case 'datasource':
      return renamed(option, 'host');
    case 'password':
      // A password read from configuration is what the rule asks for: only a literal one is read.
      return literal.kind === 'str' ? renamed(option, 'password') : undefined;
    case 'trustservercertificate':
      return literal.kind === 'bool' && literal.value ? renamed(option, 'InsecureSkipVerify') : undefined;
    case 'encrypt': {
      const off = (literal.kind === 'bool' && !literal.value) || (literal.kind === 'expr' && ENCRYPT_OFF.test(literal.text.trim()));
      return off ? tlsDisabledOption(option.key, option.value, rds) : undefined;
    }
    default:
      return undefined;
  }
}

/** The option contexts of the file's `new SqlConnectionStringBuilder { ... }`: nothing unless it uses a SqlClient namespace. */
export function sqlClientBuilderContexts(a: CodeAnalyzer): OptionContext[] {
  if (a.language.family !== 'csharp' || !a.imports.get(BUILDER)?.module.startsWith(DOTNET_SQL_MODULE) || !a.text.includes(BUILDER)) {
    return [];
  }
  const contexts: OptionContext[] = [];
  for (let k = 1; k < a.tokens.length; k++) {
    if (!a.idIs(k, BUILDER) || !a.idIs(k - 1, 'new') || a.scopes.classNamed(BUILDER) >= 0 || inTestCode(a, k)) {
      continue;
    }
    const read = initializerContext(a, k, 'sql-client', 'sqlclient');
    const host = read.options.find((option) => option.norm === 'datasource')?.literal;
    const rds = host?.kind === 'str' && isRdsHost(host.value.replace(/[:,]\d+$/, ''));
    const options = read.options.map((option) => sqlOption(option, rds)).filter((option) => option !== undefined);
    if (options.length > 0) {
      contexts.push({ ...read, options: rds ? options : hoverOnly(options), complete: rds });
    }
  }
  return contexts;
}
