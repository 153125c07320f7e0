/**
 * Lambda environment variables that carry a database or cache password. The rules read them as one
 * property of the function, `EnvironmentPassword`, whatever the variable is called: anyone who may read the
 * function's configuration reads them, and AWS recommends Secrets Manager for database credentials instead
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html). Shared by the CloudFormation,
 * Terraform and CDK readers.
 */
import { Literal, OptionOccurrence } from '../model';
import { normalizeName, Span } from '../types';
import { BodyItem, InputObject, Range } from './terraformIngress';
import { nameWords } from '../nameWords';
import { LOCAL_DSN, urlPassword } from '../code/sqlDsnOptions';

/** The property the rules name for a password variable of a function's environment. */
export const ENVIRONMENT_PASSWORD = 'EnvironmentPassword';
const ENVIRONMENT_PASSWORD_NORM = normalizeName(ENVIRONMENT_PASSWORD);

/**
 * `DB_PASSWORD`, `PGPASSWORD`, `dbPassword`, `MYSQL_ROOT_PASSWD`, `DB_PWD`, `DB_PASS`, and a cache's AUTH token
 * (`REDIS_AUTH_TOKEN`, `cacheAuthToken`, the password Redis AUTH takes); not `DB_PASSWORD_SECRET_ARN`, nor an API's `AUTH_TOKEN`.
 */
const PASSWORD_NAME = /(?:password|passwd|[_-]pwd|[_-]pass|(?:redis|valkey|cache)[_-]?auth[_-]?token)$/i;
/** The same word put before the database it is for: `PasswordDB`, `PASSWORD_DATABASE`, `passwordRedis`. */
const PASSWORD_OF_DATABASE = /^(?:password|passwd|pwd)[_-]?(?:db|database|rds|sql|mysql|postgres(?:ql)?|pg|redis|valkey|cache)$/i;

export function isPasswordVariable(name: string): boolean {
  return PASSWORD_NAME.test(name) || PASSWORD_OF_DATABASE.test(name);
}

/** A word of a variable's name that names a database or cache (`DB`, `PGHOST`'s `pghost`, `mysql`, `REDIS`, a read `REPLICA`). */
const DATABASE_WORD = /^(?:db|pg)[a-z]*$|^(?:database|rds|aurora|postgres|psql|mysql|maria|mssql|sqlserver|oracle|redis|valkey|elasticache|memcached|cache|master|replica)/;
/** A word that names something other than a database: a mail server, a key store, an API, a broker (`SMTP_PASSWORD`, `KEYSTORE_PASS`). */
const OTHER_SERVICE_WORD = /^(?:smtp|e?mail|imap|pop3|s?ftp|ldap|keystore|truststore|jks|p12|pfx|cert|certificate|proxy|api|webhook|http|rabbit(?:mq)?|amqp|mq|broker|kafka|elastic(?:search)?|opensearch|zip|vpn|wifi|oauth|sso|jwt|signing|gpg|ssh|git|npm|docker|registry)$/;

/**
 * Whether a password variable is a database's or cache's: its name says so (`DB_PASSWORD`, `PGPASSWORD`), says
 * nothing but password (`PASSWORD`), or names no other service and the same environment names a database
 * (`ADMIN_PASSWORD` beside `DB_HOST`). `SMTP_PASSWORD`, `REPORT_PASSWORD` in a function with no database variable,
 * and `SYSTEM_PWD` with its own `SYSTEM_USERNAME` beside the database's `CACHE_PWD` are another service's.
 */
function databasePassword(name: string, environment: readonly OptionOccurrence[]): boolean {
  const qualifiers = nameWords(name.replace(PASSWORD_NAME, ''));
  if (qualifiers.length === 0 || qualifiers.some((word) => DATABASE_WORD.test(word))) {
    return true;
  }
  const named = (variable: OptionOccurrence): boolean => nameWords(variable.name).some((word) => DATABASE_WORD.test(word));
  const databases = environment.filter((variable) => variable.name !== name && named(variable));
  // A login of its own (`SYSTEM_PWD` with `SYSTEM_USERNAME`) beside the database's own password (`CACHE_PWD`) is another service's.
  const ownLogin = environment.some((variable) => variable.name !== name && !named(variable) && !isPasswordVariable(variable.name) && qualifiers.every((word) => nameWords(variable.name).includes(word)));
  const ownLoginBesideDatabase = ownLogin && databases.some((variable) => isPasswordVariable(variable.name));
  return !qualifiers.some((word) => OTHER_SERVICE_WORD.test(word)) && databases.length > 0 && !ownLoginBesideDatabase;
}

/**
 * A value that names where the password is kept, not the password: an ARN, a parameter path, or a
 * Secrets Manager name with its `/` hierarchy (`experian/keystore-password`; the characters names allow).
 */
const NAMES_A_SECRET = /^(?:arn:|\/|[\w.+=@-]+(?:\/[\w.+=@-]+)+$)/;

/**
 * A connection URL to a database or cache with a password written in it (`postgres://app:s3cret@orders.x.rds.amazonaws.com/app`,
 * `rediss://:token@cache:6379`): whatever the variable is called, it carries the password. Not a `${...}` placeholder
 * for it, nor a URL to the developer's machine.
 */
const DATA_STORE_SCHEME = /^(?:postgres(?:ql)?|mysql|mariadb|mssql|sqlserver|redis|rediss|valkeys?)(?:\+\w+)?:/i;

function urlWithPassword(literal: Literal): boolean {
  if (literal.kind !== 'str' || !DATA_STORE_SCHEME.test(literal.value.trim())) {
    return false;
  }
  const password = urlPassword(literal.value.trim());
  return password !== undefined && !password.includes('${') && !LOCAL_DSN.test(literal.value);
}

/** Function types whose environment the readers look into, by format. */
export const LAMBDA_RESOURCES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function', 'aws_lambda_function']);
/** terraform-aws-modules/lambda, whose `environment_variables` are the function's environment. */
export const LAMBDA_MODULE = 'terraform-aws-modules/lambda/aws';
export const LAMBDA_CONSTRUCTS = new Set(['aws_lambda.Function', 'aws_lambda.DockerImageFunction', 'aws_lambda.SingletonFunction', 'aws_lambda.CfnFunction']);

/** Terraform's value of a secret version, whole or one key of its JSON (`jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]`). */
const WHOLE_SECRET_STRING = /^(?:data\.)?aws_secretsmanager_secret_version\.[\w-]+\.secret_string$/;
const SECRET_STRING_KEY = /^jsondecode\((?:data\.)?aws_secretsmanager_secret_version\.[\w-]+\.secret_string\)(?:\["([\w.-]+)"\]|\.([\w-]+))$/;
/**
 * Terraform functions that hand the secret's value on unchanged (`nonsensitive(...)` only drops the sensitive mark
 * that hides it in plans: https://developer.hashicorp.com/terraform/language/functions/nonsensitive).
 */
const PASS_THROUGH = '(?:nonsensitive|sensitive|tostring)';
const PASS_THROUGH_SECRET = new RegExp(String.raw`\b${PASS_THROUGH}\(((?:data\.)?aws_secretsmanager_secret_version\.[\w-]+\.secret_string)\)`, 'g');
/** A JSON key of a secret that holds the password or a connection string with it (`password`, `DB_PASSWORD`, `url`, `dsn`). */
const SECRET_KEY = /pass(?:word|wd)?$|pwd$|^(?:url|uri|dsn|connection_?string)$/i;

/**
 * Whether a Terraform variable's value is a Secrets Manager secret's value, whole or a password key of it, which
 * `terraform apply` writes into the function's configuration: whoever may read that configuration reads the secret,
 * as with a literal (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html); so does a CloudFormation
 * dynamic reference or a CDK secret value unwrapped into the template.
 */
export function resolvesSecret(literal: Literal, name = ''): boolean {
  if (literal.kind === 'str') {
    // A variable named for a password holds whatever key of the secret it resolves (`REDIS_AUTH_TOKEN` from `authToken`).
    return dynamicReferenceSecret(literal.value.trim(), isPasswordVariable(name));
  }
  const text = literal.kind === 'expr' ? literal.text.replace(/\s+/g, '').replace(PASS_THROUGH_SECRET, '$1') : '';
  if (WHOLE_SECRET_STRING.test(text) || CDK_WHOLE_SECRET.test(text)) {
    return true;
  }
  const fromSecretsManager = CDK_SECRETS_MANAGER.exec(text);
  if (fromSecretsManager) {
    const field = JSON_FIELD.exec(fromSecretsManager[1]);
    return !field || SECRET_KEY.test(field[1]);
  }
  const keyed = SECRET_STRING_KEY.exec(text) ?? CDK_SECRET_KEY.exec(text);
  return keyed !== null ? SECRET_KEY.test(keyed[1] ?? keyed[2]) : dynamicReferenceSecret(text);
}

/** Terraform's generated password, as pattern text (`random_password.db.result`); the SSM check reads it too. */
export const RANDOM_PASSWORD_RESULT = String.raw`random_password\.[\w-]+\.result`;
/** That password, also through `nonsensitive(...)` or `tostring(...)`. */
const GENERATED_PASSWORD = new RegExp(String.raw`^(?:${PASS_THROUGH}\()?${RANDOM_PASSWORD_RESULT}\)?$`);

/**
 * Whether a variable's value is a password Terraform generates (`random_password`): `terraform apply` writes it into
 * the function's configuration, where whoever may read that configuration reads it, as with a literal.
 */
export function resolvesGeneratedPassword(literal: Literal): boolean {
  return literal.kind === 'expr' && GENERATED_PASSWORD.test(literal.text.replace(/\s+/g, ''));
}

/** A Serverless Framework variable that reads Parameter Store when the service deploys: `${ssm:/app/db-password}`. */
const SERVERLESS_SSM_VALUE = /^\$\{ssm:[^{}]+\}$/;

/**
 * Whether a variable named for a password takes a Parameter Store value when a Serverless service deploys: the
 * framework resolves it (a SecureString decrypted) into the function's configuration, where whoever may read that
 * configuration reads the password (https://www.serverless.com/framework/docs/guides/variables/aws/ssm).
 */
export function resolvesParameterValue(literal: Literal, name: string): boolean {
  return literal.kind === 'expr' && isPasswordVariable(name) && SERVERLESS_SSM_VALUE.test(literal.text.trim());
}

/**
 * The CDK's secret values turned into the template's string (`secret.secretValueFromJson('password').unsafeUnwrap()`,
 * `secretValue.toString()`, Python's `unsafe_unwrap()`): CloudFormation resolves them when it deploys the function, and
 * the function's configuration then holds the value
 * (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.SecretValue.html#unsafewbrunwrap).
 */
const CDK_UNWRAP = String.raw`\.(?:unsafeUnwrap|unsafe_unwrap|toString|to_string)\(\)$`;
// Any case: Java writes the TypeScript names, C# capitalises them (`SecretValueFromJson("password").UnsafeUnwrap()`).
const CDK_SECRET_KEY = new RegExp(String.raw`\.(?:secretValueFromJson|secret_value_from_json)\(['"]([\w.-]+)['"]\)` + CDK_UNWRAP, 'i');
const CDK_WHOLE_SECRET = new RegExp(String.raw`\.(?:secretValue|secret_value)` + CDK_UNWRAP, 'i');
/** `SecretValue.secretsManager(id, { jsonField: 'password' })`, Python's `secrets_manager(id, json_field="password")`: the key, or the whole secret without one. */
const CDK_SECRETS_MANAGER = new RegExp(String.raw`\bSecretValue\.(?:secretsManager|secrets_manager)\(([^()]*)\)` + CDK_UNWRAP, 'i');
const JSON_FIELD = /(?:jsonField|json_field)['"]?[:=]['"]([\w.-]+)['"]/i;

/**
 * A CloudFormation dynamic reference to a Secrets Manager secret, whole or a password key of it
 * (`{{resolve:secretsmanager:prod/db:SecretString:password}}`, `arn:...:secret:db::password`): CloudFormation warns
 * that the resolved value "may show up in the service whose resource it's being used in"
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html), and a
 * function's configuration shows it.
 */
function dynamicReferenceSecret(text: string, anyKey = false): boolean {
  const reference = /\{\{resolve:secretsmanager:(.*?)\}\}/.exec(text);
  if (!reference) {
    return false;
  }
  const parts = reference[1].split(':');
  // The secret id is a name, or an ARN of seven parts; then the secret-string segment and the JSON key.
  const rest = parts.slice(parts[0] === 'arn' ? 7 : 1);
  const key = rest.length >= 2 && (rest[0] === '' || rest[0] === 'SecretString') ? rest[1] : '';
  return key === '' || anyKey || SECRET_KEY.test(key);
}

/**
 * The variables among `variables` whose name says they hold a database's password, as `EnvironmentPassword`
 * options (the readers' own fresh options); one whose value names a secret kept elsewhere is left out. A variable
 * of any name that a deployment fills with a secret's value (`resolvesSecret`) is one too.
 */
export function environmentPasswords(variables: readonly OptionOccurrence[]): OptionOccurrence[] {
  const passwords = variables.filter(
    (variable) =>
      (isPasswordVariable(variable.name) && databasePassword(variable.name, variables) && !(variable.literal.kind === 'str' && NAMES_A_SECRET.test(variable.literal.value.trim()))) ||
      resolvesSecret(variable.literal) ||
      urlWithPassword(variable.literal),
  );
  // Renamed in place: the code readers' options work their literal out lazily, which a copy would lose.
  passwords.forEach((variable) => (variable.norm = ENVIRONMENT_PASSWORD_NORM));
  return passwords;
}

/** What reading a Terraform function's environment needs of the Terraform reader. */
export interface HclMaps {
  body(open: number, close: number): BodyItem[];
  collection(item: Range): (Range & { list: boolean }) | undefined;
  mergedMaps(item: Range): Range[] | undefined;
  objectEntries(open: number, close: number): InputObject;
  literalOf(first: number, end: number): Literal;
  spanOf(range: Range): Span;
  /** A template string at [first, end), or in the local it names, with the variables and locals it reads written in (`iac/terraformTemplates.ts`). */
  templateOf?(first: number, end: number): string | undefined;
}

/** The password variables of `environment { variables = {...} }`, a map written there or in a local or variable default. */
export function terraformEnvironmentPasswords(hcl: HclMaps, items: readonly BodyItem[]): OptionOccurrence[] {
  const environment = items.find((item) => item.block && item.option.name === 'environment');
  return terraformMapPasswords(hcl, environment && hcl.body(environment.first, environment.end - 1).find((item) => item.option.name === 'variables'));
}

/**
 * The password variables of a map argument (a function's variables, the lambda registry module's
 * `environment_variables`), also of the maps written in a `merge(...)` of it. There a later map's key wins,
 * so a map that cannot be read (`var.extra`) hides every variable before it.
 */
export function terraformMapPasswords(hcl: HclMaps, variables: Range | undefined): OptionOccurrence[] {
  const byName = new Map<string, OptionOccurrence>();
  for (const part of variables ? (hcl.mergedMaps(variables) ?? [variables]) : []) {
    const map = hcl.collection(part);
    if (!map || map.list) {
      byName.clear();
      continue;
    }
    for (const [name, value] of hcl.objectEntries(map.first, map.end - 1)) {
      byName.set(name, hclVariable(hcl, name, { first: value.first - 2, end: value.first - 1 }, value));
    }
  }
  return environmentPasswords([...byName.values()]);
}

/** An environment variable Terraform writes, as an option: its name, where the name (`key`) and the value are. */
export function hclVariable(hcl: Pick<HclMaps, 'literalOf' | 'spanOf' | 'templateOf'>, name: string, key: Range, value: Range): OptionOccurrence {
  const keySpan = hcl.spanOf(key);
  const span = hcl.spanOf(value);
  const written = hcl.literalOf(value.first, value.end);
  // A URL a template builds (in place or in a local) whose password part a variable's literal fills is read as that URL.
  const template = written.kind === 'expr' ? hcl.templateOf?.(value.first, value.end) : undefined;
  const literal: Literal = template !== undefined && urlWithPassword({ kind: 'str', value: template }) ? { kind: 'str', value: template } : written;
  return { name, norm: normalizeName(name), key: keySpan, value: span, literal, removal: { start: keySpan.start, end: span.end } };
}
