/**
 * What the application configuration readers (`spring.ts`, `appsettings.ts`, `redisson.ts`) share: which files they read,
 * which hosts are AWS data stores, and which values are placeholders rather than secrets.
 *
 * A configuration file names its server as data, so the findings here are kept to what the file shows to
 * be AWS: a database host under `.rds.amazonaws.com` and a cache under `.cache.amazonaws.com`. A local or
 * Docker Compose server (`localhost`, `redis`, `db:5432`) or a host read from the environment gives hovers only.
 */
import { Literal, OptionOccurrence } from '../model';
import { isTestDoubleFile } from '../code/testDoubles';

/** `application.yml`, `application-prod.yaml`, `bootstrap.yml`, `application.properties`: Spring Boot's configuration files. */
const SPRING_FILE = /(?:^|\/)(?:application|bootstrap)(?:-[\w.-]+)?\.(?:ya?ml|properties)$/i;
/** `appsettings.json`, `appsettings.Production.json`: ASP.NET Core's configuration files. */
const APPSETTINGS_FILE = /(?:^|\/)appsettings(?:\.[\w-]+)*\.json$/i;
/** sequelize-cli's `config/config.json` and TypeORM 0.2's `ormconfig.json` (`ormJson.ts`). */
const SEQUELIZE_FILE = /(?:^|\/)config\/config\.json$/i;
const ORMCONFIG_FILE = /(?:^|\/)ormconfig\.json$/i;

/** A server section of Redisson's at the root of a YAML text (`singleServerConfig:`): its configuration file (`redisson.ts`). */
const REDISSON_ROOT = /^(?:singleServer|clusterServers|replicatedServers|sentinelServers|masterSlaveServers)Config[ \t]*:/m;
const isRedissonConfig = (text: string): boolean => REDISSON_ROOT.test(text);

/**
 * A YAML file of the classpath resources whose root holds Spring's own keys (`spring:`, `spring.data.redis:`),
 * whatever its name: one that `spring.config.import: classpath:database-settings/redis.yaml` brings in, read by
 * Spring Boot as its `application.yml` (https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.files.importing).
 */
const RESOURCES_FOLDER = /(?:^|\/)resources\//;
const SPRING_ROOT = /^spring(?:\.[\w-]+)*[ \t]*:/m;
const isImportedSpringConfig = (path: string, text: string): boolean => RESOURCES_FOLDER.test(path) && SPRING_ROOT.test(text);

/** The configuration file a YAML text is by what it holds, at a path that no name told. */
function yamlConfigFile(path: string, text: string): ConfigFile | undefined {
  return isRedissonConfig(text) ? 'redisson' : isImportedSpringConfig(path, text) ? 'spring' : undefined;
}

export type ConfigFile = 'spring' | 'appsettings' | 'redisson' | 'sequelize' | 'typeorm';

/** The configuration file a path names, by its name alone. */
function namedConfigFile(path: string): ConfigFile | undefined {
  if (SPRING_FILE.test(path)) {
    return 'spring';
  }
  if (APPSETTINGS_FILE.test(path)) {
    return 'appsettings';
  }
  return SEQUELIZE_FILE.test(path) ? 'sequelize' : ORMCONFIG_FILE.test(path) ? 'typeorm' : undefined;
}

/**
 * Whether a file is a configuration file, a test's included (read as nothing rather than as a template): by its
 * name, or (a YAML `text`) by a Redisson server section at its root, whatever the file is named, or by Spring's keys
 * at the root of a file of the classpath resources.
 */
export function isConfigFile(fileName: string | undefined, yamlText?: string): boolean {
  const path = fileName?.replace(/\\/g, '/');
  return path !== undefined && (namedConfigFile(path) !== undefined || (yamlText !== undefined && yamlConfigFile(path, yamlText) !== undefined));
}

/**
 * The configuration file a path names (or a YAML `text` is), or undefined. Test resources
 * (`src/test/resources/application.yml`, a `tests/` project's `appsettings.json`) configure a disposable server and
 * are read as nothing.
 */
export function configFileOf(fileName: string | undefined, yamlText?: string): ConfigFile | undefined {
  if (fileName === undefined) {
    return undefined;
  }
  const path = fileName.replace(/\\/g, '/');
  const kind = namedConfigFile(path) ?? (yamlText !== undefined ? yamlConfigFile(path, yamlText) : undefined);
  return kind && !isTestSettings(path) ? kind : undefined;
}

/** Whether a settings file is a test's (`src/test/resources/`, a `tests/` folder or project, a fixture): a disposable server's. */
export function isTestSettings(fileName: string | undefined): boolean {
  const path = fileName?.replace(/\\/g, '/') ?? '';
  return /(?:^|\/)src\/(?:test|it|integration-?test)\//i.test(path) || /(?:^|\/)(?:[\w.-]*\.)?(?:Integration|Unit|Functional)?Tests?\//.test(path) || isTestDoubleFile(path);
}

const RDS_HOST = /\.rds\.amazonaws\.com(?:\.cn)?$/i;
const CACHE_HOST = /\.cache\.amazonaws\.com(?:\.cn)?$/i;

/** A host name without its port: `db.x.rds.amazonaws.com:5432` → `db.x.rds.amazonaws.com`. */
function bareHost(host: string): string {
  return host.trim().replace(/^\[|\]$/g, '').replace(/(?::|,)\d+$/, '');
}

export const isRdsHost = (host: string): boolean => RDS_HOST.test(bareHost(host));
export const isCacheHost = (host: string): boolean => CACHE_HOST.test(bareHost(host));

/** A JDBC URL of a database inside the process or in a file (`jdbc:h2:file:./data`, `jdbc:sqlite:app.db`): no server at all. */
export const EMBEDDED_JDBC = /^jdbc:(?:h2|hsqldb|derby|sqlite):/i;

/**
 * A value that stands for one to be filled in, not a secret: a Spring placeholder or expression (`${DB_PASSWORD}`,
 * `${DB_PASSWORD:}`, `#{...}`), a Jasypt `ENC(...)`, `<password>`, `your-password`, `xxx`, a name ending in `xxx`
 * (`password_xxx`, `secret-XXXX`), `****`, `changeme`, `CHANGE_ME`. Real projects write these in files meant to be
 * edited or overridden at deployment.
 */
const PLACEHOLDER = /^(?:\$\{.*\}|#\{.*\}|ENC\(.*\)|<.*>|\{.*\}|x+|[\w.-]*[_-]x{3,}|\*+|\.+|(?:your|enter|insert|my)[\s_-].*|change[\s_-]?(?:me|it|this)|todo|tbd|replace[\s_-]?me|redacted|secret|password)$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/**
 * A literal as the checks should see it: a placeholder is no literal secret, though a value may be set there at
 * deployment; an empty value is no password at all (Spring Data Redis `RedisPassword.of` reads one as none, and
 * StackExchange.Redis sends no AUTH for an empty `password=`).
 */
export function configLiteral(value: string): Literal {
  if (value.trim() === '') {
    return { kind: 'str', value: '' };
  }
  return isPlaceholder(value) ? { kind: 'expr', text: value } : { kind: 'str', value };
}

/**
 * Options of a connection the file does not show to be an AWS data store: kept for their hovers, their values
 * hidden from the checks (a password becomes an expression, so that no literal secret is reported).
 */
export function hoverOnly(options: readonly OptionOccurrence[]): OptionOccurrence[] {
  return options.map((option) => (option.literal.kind === 'str' || option.literal.kind === 'bool' ? { ...option, literal: { kind: 'expr', text: '' } } : option));
}
