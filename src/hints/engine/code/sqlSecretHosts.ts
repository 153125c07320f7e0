/**
 * A SQL host read from the credentials secret attached to an RDS database. A secret the CDK generates
 * (`Credentials.fromGeneratedSecret`, a database's default credentials) or one a `SecretTargetAttachment` ties to the
 * database holds `host`, `port`, `username`, `password`, `engine`, `dbname` (when set) and `dbInstanceIdentifier` or
 * `dbClusterIdentifier`: Secrets Manager writes the connection fields when it is attached. Code reads the host from it at
 * run time: `JSON.parse(SecretString).host`, `secret["host"]`, `SECRET.get("host")`, Go's `creds.Host`, or a `host`
 * destructured from the parsed secret. Such a host is RDS's, for the TLS rules, when the file reads a secret from
 * Secrets Manager (the SDKs' GetSecretValue, the Parameters and Secrets Lambda extension, aws-secretsmanager-caching,
 * Powertools' `get_secret`), the object is named for or bound to a secret, and either
 * - the Lambda functions running the file set an environment variable the file reads to such a secret's ARN or name
 *   (`SECRET_ARN: db.secret!.secretArn`, `!Ref` of a secret a `SecretTargetAttachment` ties to a database:
 *   `EnvironmentValue` `rds-secret`), or
 * - in the file alone, the code reads `dbInstanceIdentifier` from the same object, a field of an RDS instance's attached
 *   secret (`engine` and `dbClusterIdentifier` are also in Redshift's and hand-made secrets).
 * The secret RDS manages itself (`ManageMasterUserPassword`, named `rds!db-…` / `rds!cluster-…`) holds only the user
 * name and password: no host is read from it. A secret of unknown origin (an API key's, a Redshift cluster's, one that
 * holds only a password) says nothing.
 */
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { perFile } from './fileMemo';
import { onlyBinding } from './sqlLiterals';

/**
 * A read of a secret's value from Secrets Manager, or a call of a helper named for one (`getSecret(process.env.DB_SECRET)`
 * of a project module, `get_db_secret()`).
 */
const READS_SECRET = /\bGetSecretValue(?:Command)?\b|\.getSecretValue\(|\.get_secret_value\(|\/secretsmanager\/get\b|\.get_secret_string\(|\bget_?(?:db_?|Db|DB|database_?|Database)?[sS]ecret\w*\s*\(/;
const readsSecret = perFile((a) => READS_SECRET.test(a.text));

/** The object a host is read from: `secret.host`, `secret?.host`, `secret['host']`, `secret.get("host", default)`, Go's `secret.Host`. */
const HOST_OF = /^([A-Za-z_$][\w$]*)\s*(?:\??\.\s*[hH]ost|\[\s*(['"])host\2\s*\]|\.\s*get\(\s*(['"])host\3\s*(?:,[^()]*)?\))$/;

/** A name or an expression that says it holds a secret, or the parse of one. */
const SECRET_LIKE = /secret|Secret|SECRET|cred|Cred|CRED|JSON\.parse|json\.loads/;

/** The environment variables the file reads, in the forms `readsRdsEndpoint` knows. */
const ENVIRONMENT_READS =
  /process\.env(?:\.([A-Za-z_]\w*)|\[\s*['"](\w+)['"]\s*\])|os\.(?:environ\[\s*['"](\w+)['"]\s*\]|(?:environ\.get|getenv)\(\s*['"](\w+)['"])|Getenv\(\s*"(\w+)"|System\.getenv\(\s*"(\w+)"/g;
const environmentReads = perFile((a) => [...a.text.matchAll(ENVIRONMENT_READS)].map((read) => read.slice(1).find((name) => name !== undefined)!));

/** Whether the host expression `text`, starting at token `at`, reads the host of an RDS database's secret. */
export function readsRdsSecretHost(a: CodeAnalyzer, text: string, at: number): boolean {
  if (!readsSecret(a)) {
    return false;
  }
  const holder = secretHolder(a, text.trim(), at);
  if (holder === undefined) {
    return false;
  }
  const ask = a.project?.environmentIsRdsSecret;
  return (ask !== undefined && environmentReads(a).some((variable) => ask(variable))) || readsInstanceIdentifier(a, holder);
}

/**
 * The name of the secret object a host is read from (`''` for a `host` destructured from an expression), where the
 * name or what it is bound to says secret; undefined for any other host.
 */
function secretHolder(a: CodeAnalyzer, text: string, at: number): string | undefined {
  const member = HOST_OF.exec(text);
  if (member) {
    const bound = boundText(a, member[1], at);
    return SECRET_LIKE.test(member[1]) || (bound !== undefined && (SECRET_LIKE.test(bound) || callsSecretReader(a, bound))) ? member[1] : undefined;
  }
  const binding = text === 'host' ? onlyBinding(a, at, text) : undefined;
  const from = binding?.destructured?.key === 'host' ? binding.destructured : undefined;
  const source = from && a.text.slice(a.tokens.starts[from.from], a.tokens.ends[from.end - 1]);
  return source !== undefined && SECRET_LIKE.test(source) ? (/^[A-Za-z_$][\w$]*$/.test(source) ? source : '') : undefined;
}

/** The expression a name read at token `at` is bound to once, as text. */
function boundText(a: CodeAnalyzer, name: string, at: number): string | undefined {
  const binding = onlyBinding(a, at, name);
  const from = binding !== undefined && !binding.destructured ? binding.expression : -1;
  const to = from >= 0 ? expressionEnd(a, from) : -1;
  return to > from ? a.text.slice(a.tokens.starts[from], a.tokens.ends[to - 1]) : undefined;
}

/** A call, maybe awaited, by the name it calls: `cluster_login()`, `await this.loadLogin(id)`. */
const CALL = /^(?:await\s+)?(?:[A-Za-z_$][\w$]*\s*\.\s*)*([A-Za-z_$][\w$]*)\s*\(/;
/** Where the next top-level definition starts, which ends the text read as a function's body. */
const NEXT_DEFINITION = /\n(?:async def |def |async function |function |export |const |class |func )/g;
/** A function body's parse or read of a secret's value. */
const SECRET_VALUE = /SecretString|secret_string|GetSecretValue|getSecretValue|get_secret_value|\bget_secret\(/;

/** Whether `bound` calls a function of the file whose body reads a secret's value (`login = cluster_login()`). */
function callsSecretReader(a: CodeAnalyzer, bound: string): boolean {
  const name = CALL.exec(bound)?.[1].replace(/\$/g, '\\$');
  const definition = name && new RegExp(`(?:\\bdef|\\bfunction|\\bfunc)\\s+${name}\\s*\\(|(?<![\\w$.])${name}\\s*=\\s*(?:async\\s*)?(?:function\\b|\\([^()]*\\)\\s*=>)`).exec(a.text);
  if (!definition) {
    return false;
  }
  NEXT_DEFINITION.lastIndex = definition.index + 1;
  const end = NEXT_DEFINITION.exec(a.text)?.index ?? a.text.length;
  return SECRET_VALUE.test(a.text.slice(definition.index, end));
}

/** Whether the code reads `dbInstanceIdentifier`, a field of an RDS instance's attached secret, from the same object. */
function readsInstanceIdentifier(a: CodeAnalyzer, holder: string): boolean {
  if (holder === '') {
    return false;
  }
  const name = holder.replace(/\$/g, '\\$');
  return new RegExp(`(?<![\\w$])${name}\\s*(?:\\??\\.\\s*|\\[\\s*['"]|\\.get\\(\\s*['"])dbInstanceIdentifier\\b`).test(a.text);
}
