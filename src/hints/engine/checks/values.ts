/** Checks on option values: a literal that is wrong, a setting left off or absent, a literal secret. */
import { insertPropertyFix } from '../fixes';
import { inReaderTerms } from '../readerTerms';
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { HintRule, normalizeName } from '../types';
import { cdkL1Construct } from '../services';
import { EMBEDDED_JDBC, isPlaceholder } from '../config/values';
import { absenceCounts, Check, clusterMember, defaultOf, literalEquals, mootSettingSet, optionNamed } from './context';
import { ENVIRONMENT_PASSWORD, resolvesGeneratedPassword, resolvesParameterValue, resolvesSecret } from '../iac/lambdaEnvironment';

// `number_cache_clusters` is the AWS provider v3 spelling of Terraform's `num_cache_clusters`.
const NUM_CACHE_CLUSTERS = ['NumCacheClusters', 'NumberCacheClusters'];
const REPLICAS_PER_NODE_GROUP = ['ReplicasPerNodeGroup'];
const ENGINE = ['Engine'];

export const valueEquals: Check = (rule, context) => {
  const value = rule.diagnostic?.value;
  const moot = rule.diagnostic?.unlessPresent ?? [];
  const byDefault = rule.diagnostic?.valueByDefaultIn ?? [];
  if (value === undefined) {
    return;
  }
  for (const { context: resource, option } of context.optionsOf(rule)) {
    // `cond ? null : false`: the value where it is set, and the resource's own default (the same value) elsewhere.
    const orAbsent = orAbsentOf(option.literal);
    const either = orAbsent !== undefined && !resource.defaults && byDefault.includes(resource.type) && literalEquals(orAbsent, value);
    if ((literalEquals(option.literal, value) || either) && !mootSettingSet(resource, moot)) {
      context.report(rule, option.key, context.fixFor(rule, option));
    }
  }
  // A CDK construct that leaves the setting out where its props make the value the default (an instance in
  // PUBLIC subnets is publicly accessible): reported on the construct. Terraform module defaults are read by
  // the checks on settings left off, which is where those rules are.
  const props = rule.match.cdk?.props ?? [];
  for (const resource of props.length > 0 ? context.model.contexts : []) {
    const fallback = resource.kind === 'cdk' && resource.defaults ? defaultOf(resource, props) : undefined;
    if (fallback && literalEquals(fallback, value) && rule.match.cdk?.constructs.includes(resource.type) && !optionNamed(resource, props) && !mootSettingSet(resource, moot)) {
      context.report(rule, resource.anchor);
    }
  }
  // A registry module block that leaves an input out where the module chose the value unlike the resource
  // (cloudposse/rds: no automated backups): reported on the block, saying where the value comes from.
  const argumentNames = rule.match.terraform?.arguments ?? [];
  for (const resource of argumentNames.length > 0 ? context.model.contexts : []) {
    const chosen = resource.chosenDefaults && rule.match.terraform?.resources.includes(resource.type) ? chosenIn(resource.chosenDefaults, argumentNames) : undefined;
    if (chosen && literalEquals(chosen.value, value) && !optionNamed(resource, argumentNames) && absenceCounts(rule, resource)) {
      const message = `${inReaderTerms(rule.diagnostic!.message, rule, 'terraform')} The module's ${chosen.input} defaults to ${literalText(chosen.value)}, and this block leaves it out.`;
      context.report(rule, resource.anchor, undefined, message);
    }
  }
  // The diagnostic's `contexts` always have the value, with no property to say otherwise (CDK's
  // `ServerlessCluster` is Aurora Serverless v1): reported on the construct.
  const properties = rule.diagnostic?.properties ?? [];
  for (const resource of rule.diagnostic?.contexts ? context.contextsOf(rule) : []) {
    if (!optionNamed(resource, properties) && !mootSettingSet(resource, moot)) {
      context.report(rule, resource.anchor);
    }
  }
};

/** The module's choice for the first of `names` it chose. */
function chosenIn(chosen: ReadonlyMap<string, { value: Literal; input: string }>, names: readonly string[]): { value: Literal; input: string } | undefined {
  for (const name of names) {
    const entry = chosen.get(normalizeName(name));
    if (entry) {
      return entry;
    }
  }
  return undefined;
}

/** A literal as HCL writes it. */
function literalText(literal: Literal): string {
  return literal.kind === 'str' ? JSON.stringify(literal.value) : literal.kind === 'num' || literal.kind === 'bool' ? String(literal.value) : 'null';
}

export const falseOrAbsent: Check = (rule, context) => {
  const properties = rule.diagnostic?.properties ?? [];
  let counting: Set<OptionContext> | undefined;
  const weak = weakSettings(rule);
  for (const { context: resource, option } of context.optionsOf(rule)) {
    // A cluster member's own setting does not apply (an Aurora instance's StorageEncrypted: the cluster's decides).
    if (notMemcached(rule, resource) || clusterMember(rule, resource)) {
      continue;
    }
    const weakValue = weak.get(option.norm);
    if (weakValue !== undefined) {
      // Half on: only where the checked property is written `true` (off or left out is reported on its own).
      const checked = optionNamed(resource, properties);
      if (checked && literalEquals(checked.literal, true) && literalEquals(option.literal, weakValue)) {
        context.report(rule, option.key, undefined, inReaderTerms(rule.diagnostic!.weakMessage!, rule, resource.kind === 'redis-client' || resource.kind === 'sql-client' ? 'sdk' : resource.kind, option.name));
      }
      continue;
    }
    // `cond ? null : false`: off where it is set, and left out elsewhere, which counts only where absence does.
    const orAbsent = orAbsentOf(option.literal);
    const either = orAbsent !== undefined && literalEquals(orAbsent, false) && !resource.defaults && (counting ??= new Set(context.contextsOf(rule))).has(resource) && absentMeansOff(rule, resource, properties);
    if (literalEquals(option.literal, false) || either) {
      context.report(rule, option.key, context.fixFor(rule, option), encryptedAnyway(rule, resource) ? inReaderTerms(rule.diagnostic!.alwaysEncryptedMessage!, rule, resource.kind === 'redis-client' || resource.kind === 'sql-client' ? 'sdk' : resource.kind, option.name) : undefined);
    }
  }
  const property = properties[0];
  if (!property) {
    return;
  }
  for (const resource of context.contextsOf(rule)) {
    if (!absentMeansOff(rule, resource, properties)) {
      continue;
    }
    const parts = resource.parts;
    const partOptions = new Set(parts?.items.flatMap((item) => item.options));
    if (!parts?.only && !optionNamed(parts ? { ...resource, options: resource.options.filter((option) => !partOptions.has(option)) } : resource, properties)) {
      const fix = rule.fix?.kind === 'set-value' && rule.fix.value !== undefined ? insertPropertyFix(rule, resource, property, rule.fix.value) : undefined;
      context.reportAbsent(rule, resource, fix);
    }
    // Set per part (a global table's replica): each part that leaves it out has it off.
    const partMessage = rule.diagnostic?.partMessage;
    for (const item of parts?.items ?? []) {
      if (!optionNamed({ ...resource, options: [...item.options] }, properties)) {
        context.report(rule, item.anchor, undefined, partMessage && inReaderTerms(partMessage, rule, resource.kind === 'terraform' ? 'terraform' : 'cloudformation'));
      }
    }
  }
};

/** The `weakWhen` settings of a rule, by normalized property name. */
function weakSettings(rule: HintRule): ReadonlyMap<string, string> {
  const settings = new Map<string, string>();
  for (const setting of rule.diagnostic?.weakWhen ?? []) {
    const [name, value] = setting.split('=');
    settings.set(normalizeName(name), value);
  }
  return settings;
}

/**
 * Whether the resource's engine, as written or as its type implies, encrypts a new resource whatever the setting
 * says (`alwaysEncryptedForEngines`, `alwaysEncryptedIn`).
 */
function encryptedAnyway(rule: HintRule, resource: OptionContext): boolean {
  if (rule.diagnostic?.alwaysEncryptedIn?.includes(resource.type)) {
    return true;
  }
  const engines = rule.diagnostic?.alwaysEncryptedForEngines;
  const engine = engines ? optionNamed(resource, ENGINE)?.literal : undefined;
  return engine?.kind === 'str' && engines!.includes(engine.value.trim().toLowerCase());
}

/** Whether a resource is of a type where the setting is Memcached's only (`memcachedOnlyIn`) and names another engine. */
function notMemcached(rule: HintRule, resource: OptionContext): boolean {
  const types = rule.diagnostic?.memcachedOnlyIn;
  if (!types?.some((type) => type === resource.type || cdkL1Construct(type) === resource.type)) {
    return false;
  }
  const engine = optionNamed(resource, ENGINE)?.literal;
  return engine?.kind === 'str' && engine.value.trim().toLowerCase() !== 'memcached';
}

/** Whether leaving the setting out of a resource of `contextsOf(rule)` leaves it off: absence counts, and no module default turns it on. */
function absentMeansOff(rule: HintRule, resource: OptionContext, properties: readonly string[]): boolean {
  const fallback = defaultOf(resource, properties);
  return absenceCounts(rule, resource) && !(fallback && !literalEquals(fallback, false));
}

/** The literal of a conditional whose other branch leaves the argument out (see `Literal`). */
export function orAbsentOf(literal: Literal): Literal | undefined {
  return literal.kind === 'expr' ? literal.orAbsent : undefined;
}

export const requiresOneOf: Check = (rule, context) => {
  const properties = rule.diagnostic?.properties ?? [];
  for (const resource of context.contextsOf(rule)) {
    const fallback = defaultOf(resource, properties);
    // Written as null (`auth_token = var.token` whose default is `null`), a setting is left out.
    const set = properties.some((property) => mootSettingSet(resource, [property]));
    if (absenceCounts(rule, resource) && !set && (!fallback || fallback.kind === 'none')) {
      context.report(rule, resource.anchor);
    }
  }
  for (const block of context.model.contexts) {
    if (noneSetThroughFolder(rule, block, properties)) {
      context.report(rule, block.anchor);
    }
  }
};

/**
 * A module block whose inputs reach a module folder's resource (`writtenInFolder`) and pass one of the settings as
 * null (`auth_token = null`, or a variable of the caller's whose default is null), where that resource leaves the
 * other settings out: the block's values decide that none is set, so it is reported there (the folder's own file
 * cannot tell, its input being set from outside). A setting that makes the rule moot, or an engine that decides
 * whether absence counts, must be passed by the block or left out by the folder.
 */
function noneSetThroughFolder(rule: HintRule, block: OptionContext, properties: readonly string[]): boolean {
  const diagnostic = rule.diagnostic;
  const written = block.writtenInFolder;
  if (block.complete || !written || !diagnostic?.contexts?.includes(block.type)) {
    return false;
  }
  const engineDecides = [diagnostic.onByDefaultForEngines, diagnostic.offByDefaultForEngines, diagnostic.engineRequiredIn].some((list) => list !== undefined);
  const deciding = [...properties, ...(diagnostic.unlessPresent ?? []), ...(diagnostic.absentMootWhen ?? []).map((setting) => setting.split('=')[0]), ...(engineDecides ? ENGINE : [])];
  const unknown = (name: string): boolean => optionNamed(block, [name]) === undefined && written.has(normalizeName(name));
  const passed = properties.some((property) => optionNamed(block, [property]) !== undefined);
  return passed && !properties.some((property) => mootSettingSet(block, [property])) && !deciding.some(unknown) && absenceCounts(rule, block);
}

function hasReplicas(group: OptionContext): boolean {
  const clusters = optionNamed(group, NUM_CACHE_CLUSTERS)?.literal;
  const replicas = optionNamed(group, REPLICAS_PER_NODE_GROUP)?.literal;
  return (clusters?.kind === 'num' && clusters.value >= 2) || (replicas?.kind === 'num' && replicas.value >= 1);
}

export const failoverOffWithReplicas: Check = (rule, context) => {
  for (const { context: resource, option } of context.optionsOf(rule)) {
    if (literalEquals(option.literal, false) && hasReplicas(resource)) {
      context.report(rule, option.key, context.fixFor(rule, option));
    }
  }
  // Left out, failover is off: CreateReplicationGroup, CloudFormation and Terraform all default it to false
  // (https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html); a registry
  // module's own default stands in for its input, and a null default is the resource's.
  const properties = rule.diagnostic?.properties ?? [];
  for (const group of context.contextsOf(rule)) {
    const fallback = defaultOf(group, properties);
    const off = !fallback || fallback.kind === 'none' || literalEquals(fallback, false);
    if (off && !optionNamed(group, properties) && absenceCounts(rule, group) && hasReplicas(group)) {
      const fix = rule.fix?.kind === 'set-value' && rule.fix.value !== undefined && !fallback ? insertPropertyFix(rule, group, properties[0], rule.fix.value) : undefined;
      context.reportAbsent(rule, group, fix);
    }
  }
};

/**
 * A password written out: a string other than a placeholder or a deploy-time reference, or a number (a YAML
 * `MasterUserPassword: 48450420` is one, and CloudFormation reads it as that string).
 */
export function isLiteralSecret(literal: Literal): boolean {
  if (literal.kind === 'num') {
    return true;
  }
  if (literal.kind !== 'str') {
    return false;
  }
  const value = literal.value.trim();
  // A placeholder a sample asks the reader to replace (`'YOUR MASTER PASSWORD'`, `your-password`) holds no secret yet,
  // nor does the name of the variable or parameter the value is to come from (`'POSTGRES_PASSWORD'`).
  return value.length > 0 && !value.startsWith('{{resolve:') && !/^\$\{|^<.*>$|^(?:your|enter|insert)[\s_-]/i.test(value) && !VARIABLE_NAME_OF_PASSWORD.test(value);
}

/** An environment variable's name for a password, written where its value belongs: `DB_PASSWORD`, `MYSQL_ROOT_PWD`. */
const VARIABLE_NAME_OF_PASSWORD = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:PASSWORD|PASSWD|PWD|PASS)$/;

export const hardcodedSecret: Check = (rule, context) => {
  for (const { context: resource, option } of context.optionsOf(rule)) {
    if (option.norm === MANAGED_PASSWORD_NORM) {
      // The switch that lets RDS keep the password in Secrets Manager gets the rule's hover, never its finding.
      continue;
    }
    if (isLiteralSecret(option.literal)) {
      context.report(rule, option.value);
    } else if (fallbackSecret(option.literal) && !namesLocalServer(resource)) {
      context.report(rule, option.value, undefined, FALLBACK_MESSAGE);
    } else if (wrappedSecret(option.literal)) {
      // A function's environment holds the value in plain text whatever the state does: the rule's own message stands.
      context.report(rule, option.value, undefined, option.norm === ENVIRONMENT_PASSWORD_NORM ? undefined : WRAPPED_SECRET_MESSAGE);
    } else if (option.norm === ENVIRONMENT_PASSWORD_NORM && resolvesSecret(option.literal, option.name)) {
      context.report(rule, option.value, undefined, RESOLVED_SECRET_MESSAGE);
    } else if (option.norm === ENVIRONMENT_PASSWORD_NORM && resolvesGeneratedPassword(option.literal)) {
      context.report(rule, option.value, undefined, GENERATED_PASSWORD_MESSAGE);
    } else if (option.norm === ENVIRONMENT_PASSWORD_NORM && resolvesParameterValue(option.literal, option.name)) {
      context.report(rule, option.value, undefined, RESOLVED_PARAMETER_MESSAGE);
    } else if (option.templateSecret) {
      context.report(rule, option.templateSecret, undefined, `${option.name} resolves a Secrets Manager secret that this template creates with the value written in its SecretString, so the literal is in source control and in the deployed template all the same. Let the secret generate it (GenerateSecretString)${option.norm === 'masteruserpassword' ? ', or use ManageMasterUserPassword' : ''}.`);
    }
  }
};

const ENVIRONMENT_PASSWORD_NORM = normalizeName(ENVIRONMENT_PASSWORD);

const MANAGED_PASSWORD_NORM = normalizeName('ManageMasterUserPassword');

const WRAPPED_SECRET_MESSAGE =
  "This literal is wrapped as a Pulumi secret, which encrypts it in the stack state, but the literal itself is in source control. Set it as a secret of the stack's configuration (`pulumi config set --secret`) and read it from there, or read it from Secrets Manager.";

/** A string literal a Pulumi program wraps as a secret (`pulumi.secret("…")`), judged as the literal written bare would be. */
function wrappedSecret(literal: Literal): boolean {
  const wrapped = literal.kind === 'expr' ? literal.secretLiteral : undefined;
  return wrapped !== undefined && isLiteralSecret({ kind: 'str', value: wrapped });
}

const GENERATED_PASSWORD_MESSAGE =
  "This variable takes the password Terraform generates (random_password) when the function is deployed, so it is readable by anyone who may read the function's configuration. Keep the password in Secrets Manager (or let RDS manage it), pass the secret's ARN and read the secret in the function.";

const RESOLVED_SECRET_MESSAGE =
  "This variable takes a Secrets Manager secret's value when the function is deployed, so the secret is readable by anyone who may read the function's configuration. Pass the secret's ARN and read the secret in the function.";

const RESOLVED_PARAMETER_MESSAGE =
  "This variable takes a Parameter Store value when the service is deployed, so the password is readable by anyone who may read the function's configuration. Pass the parameter's name (or a secret's ARN) and read it in the function.";

const FALLBACK_MESSAGE =
  'The literal fallback is the password whenever the environment variable (or Spring property) is unset, and it is in source control. Fail when the value is missing, or read the password from Secrets Manager, rather than fall back on a literal.';

/** An environment read whose literal fallback is a password, not empty nor a placeholder (`changeme`, `secret`, `xxx`). */
function fallbackSecret(literal: Literal): boolean {
  const fallback = literal.kind === 'expr' ? literal.envFallback : undefined;
  return fallback !== undefined && isLiteralSecret({ kind: 'str', value: fallback }) && !isPlaceholder(fallback);
}

/** Options that name the server: a host, or a URL or connection string. */
const SERVER_OPTIONS = new Set(['host', 'hostname', 'server', 'addr', 'url', 'uri', 'dsn', 'connectionstring', 'conninfo']);
/**
 * A server on this machine or in a Docker Compose network (`localhost`, `db`, `redis:6379`,
 * `postgres://u:p@postgres:5432/app`, `jdbc:mysql://localhost:3306/app`): a name without a dot, which no AWS endpoint has.
 */
const LOCAL_SERVER = /^(?:jdbc:)?(?:[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?)?(?:\[?::1\]?|127\.0\.0\.1|0\.0\.0\.0|host\.docker\.internal|[a-z0-9_-]+)(?::\d+)?(?:[/?].*)?$/i;

/**
 * Whether the connection's server, as written or as its own fallback, is local: the fallbacks then make a local
 * development setup, not a deployment's.
 */
function namesLocalServer(resource: OptionContext): boolean {
  return resource.options.some((option) => {
    const literal = option.literal;
    const value = literal.kind === 'str' ? literal.value : literal.kind === 'expr' ? literal.envFallback : undefined;
    return SERVER_OPTIONS.has(option.norm) && value !== undefined && (LOCAL_SERVER.test(value.trim()) || EMBEDDED_JDBC.test(value.trim()));
  });
}

const NO_OP_FUNCTION = /^(?:async\s+)?(?:\([^)]*\)|[A-Za-z_$][\w$]*|function\s*[\w$]*\s*\([^)]*\))\s*(?:=>\s*)?(?:\{\s*(?:return\s*(?:undefined|null)?\s*;?\s*)?\}|undefined|null|void\s+0)$/;

/** A .NET certificate callback that accepts every certificate: `(sender, cert, chain, errors) => true`, or a body that only returns true. */
const ACCEPT_ALL_CALLBACK = /^(?:\([^)]*\)|[A-Za-z_]\w*|delegate\s*(?:\([^)]*\))?)\s*(?:=>\s*)?(?:true|\{\s*return\s+true\s*;\s*\})$/;

/**
 * Java clients' settings that turn verification off: Lettuce `SslVerifyMode.NONE` (also Spring's), Jedis
 * `SslVerifyMode.INSECURE`, Redisson `SslVerificationMode.NONE` and `setSslEnableEndpointIdentification(false)`.
 */
const LETTUCE_NO_VERIFY = /(?:^|\.)NONE$/;
const JEDIS_NO_VERIFY = /(?:^|\.)INSECURE$/;
const JAVA_FLAVORS = new Set(['lettuce', 'spring-data-redis', 'jedis', 'redisson']);

function javaVerificationOff(norm: string, literal: Literal): boolean {
  switch (norm) {
    case 'verifypeer':
      // `withVerifyPeer(false)`, `withVerifyPeer(SslVerifyMode.NONE)`, a URI's `verifyPeer=NONE`.
      return literalEquals(literal, false) || literalEquals(literal, 'none') || (literal.kind === 'expr' && LETTUCE_NO_VERIFY.test(literal.text.trim()));
    case 'disablepeerverification':
      return true;
    case 'sslverifymode':
      return literal.kind === 'expr' && JEDIS_NO_VERIFY.test(literal.text.trim());
    case 'sslverificationmode':
      return literal.kind === 'expr' && LETTUCE_NO_VERIFY.test(literal.text.trim());
    case 'sslenableendpointidentification':
      // Before Redisson 3.41 the host name check; since then `false` means `SslVerificationMode.NONE`.
      return literalEquals(literal, false);
    default:
      return false;
  }
}

/** Python SQL drivers whose `ssl` argument takes a dict or `SSLContext` settings (pymysql, aiomysql, mysql-connector's `ssl_verify_cert`, pg8000's `ssl_context`), and a SQLAlchemy engine whose URL is not in sight, whose `connect_args` go to one of them. */
const PYTHON_SQL_FLAVORS = new Set(['pymysql', 'aiomysql', 'mysql-connector', 'asyncpg', 'pg8000', 'sqlalchemy']);

/**
 * pymysql's `ssl={"check_hostname": False}` or `{"cert_reqs": ssl.CERT_NONE}` and `ssl_verify_cert=False`, the
 * explicit switches that accept any certificate or host name. libpq's `sslmode` is a hover only: `require` does
 * not verify the certificate but is the drivers' usual default, so no clear defect.
 */
function pythonSqlVerificationOff(norm: string, literal: Literal): boolean {
  switch (norm) {
    case 'checkhostname':
    case 'sslverifycert':
      return literalEquals(literal, false);
    case 'certreqs':
      return literal.kind === 'expr' && /(?:^|\.)CERT_NONE$/.test(literal.text.trim());
    default:
      return false;
  }
}

function verificationOff(norm: string, literal: Literal, flavor: string): boolean {
  if (PYTHON_SQL_FLAVORS.has(flavor)) {
    return pythonSqlVerificationOff(norm, literal);
  }
  if (JAVA_FLAVORS.has(flavor)) {
    return javaVerificationOff(norm, literal);
  }
  if (norm === 'certificatevalidation') {
    return literal.kind === 'expr' && ACCEPT_ALL_CALLBACK.test(literal.text.trim());
  }
  if (norm === 'rejectunauthorized') {
    return literalEquals(literal, false);
  }
  if (norm === 'checkserveridentity') {
    // A callback that returns nothing accepts every certificate name.
    return literal.kind === 'expr' && NO_OP_FUNCTION.test(literal.text.trim());
  }
  if (norm === 'insecureskipverify' || (norm === 'skipverify' && (flavor === 'go-redis' || flavor === 'rueidis'))) {
    // Go's crypto/tls: `InsecureSkipVerify: true` accepts any certificate and any host name; go-redis and rueidis set it from a URL's `skip_verify=true`.
    return literalEquals(literal, true);
  }
  if ((norm === 'insecure' || norm === 'useinsecuretls') && (flavor === 'glide' || flavor === 'glide-sync')) {
    // Valkey GLIDE: `tlsAdvancedConfiguration: { insecure: true }` (Python `use_insecure_tls=True`) skips certificate validation.
    return literalEquals(literal, true);
  }
  if (norm === 'sslcheckhostname' && (flavor === 'redis-py' || flavor === 'redis-py-async')) {
    // redis-py matches the certificate to the host name by default since 6.0; False accepts a certificate of any host.
    return literalEquals(literal, false);
  }
  if (norm === 'sslcertreqs') {
    return literal.kind === 'none' || (literal.kind === 'str' && literal.value.toLowerCase() === 'none') || (literal.kind === 'expr' && /CERT_NONE$/.test(literal.text));
  }
  return false;
}

/** PyMySQL's keywords that replace its `ssl` dict with one of their own when any is given (`Connection.__init__`). */
const PYMYSQL_SSL_KEYWORDS = new Set(['sslca', 'sslcert', 'sslkey', 'sslverifycert', 'sslverifyidentity']);
/** A dict literal with at least one key, nothing spread into it (`{**base}` may hold a CA). */
const DICT_WITH_KEYS = /^\{(?![\s\S]*\*\*)[\s\S]*:[\s\S]*\}$/;
/** A key that makes PyMySQL verify: a CA file or folder, or `verify_mode` set either way (read as written). */
const VERIFYING_KEY = /["'](?:ca|capath|verify_mode)["']\s*:/;

/**
 * PyMySQL's `ssl` dict with neither `ca` nor `capath` nor `verify_mode` (`ssl={"use": True}`): the context it makes
 * checks no host name and no certificate (`Connection._create_ssl_ctx`: `check_hostname = not hasnoca and ...`,
 * `verify_mode = ssl.CERT_NONE if hasnoca`), so the connection is encrypted but accepts any server. An empty dict
 * turns TLS off altogether and is not this; nor is a connection whose `ssl_ca`-style keywords replace the dict, and a
 * dict whose own switch turns verification off is reported at that switch.
 */
function pymysqlDictWithoutCa(client: OptionContext, option: OptionOccurrence): boolean {
  if (client.type !== 'pymysql' || option.norm !== 'ssl' || option.literal.kind !== 'expr') {
    return false;
  }
  const text = option.literal.text.trim();
  // A switch inside the dict that turns verification off (`"check_hostname": False`) is reported itself.
  const switchedOff = client.options.some((other) => other !== option && verificationOff(other.norm, other.literal, client.type));
  return DICT_WITH_KEYS.test(text) && !VERIFYING_KEY.test(text) && !switchedOff && !client.options.some((other) => PYMYSQL_SSL_KEYWORDS.has(other.norm));
}

export const tlsVerificationOff: Check = (rule, context) => {
  for (const { context: client, option } of context.optionsOf(rule)) {
    if (verificationOff(option.norm, option.literal, client.type) || pymysqlDictWithoutCa(client, option)) {
      context.report(rule, option.key);
    }
  }
};
