/**
 * Spring Boot's `application.yml` (and `application-<profile>.yml`): the database and Redis connections that
 * Spring Boot's auto-configuration makes from its properties, and the datasources of Quarkus and Micronaut, whose
 * configuration files bear the same names.
 *
 * - `spring.datasource.url` / `password`: a JDBC URL and its password. The URL's driver parameters that switch
 *   certificate checks off (`verifyServerCertificate=false`, PgJDBC's `NonValidatingFactory`) or carry a password
 *   are read as in code (`code/sqlConnections.ts`).
 * - `spring.data.redis.*` (Spring Boot 3) and `spring.redis.*` (Spring Boot 2; the 3.0 release moved the
 *   properties: https://github.com/spring-projects/spring-boot/wiki/Spring-Boot-3.0-Migration-Guide):
 *   `host` (default `localhost`), `password`, `url` (`rediss://` turns TLS on), and `ssl`, a boolean in
 *   Spring Boot 2 and `ssl.enabled` since 3.1, which a `ssl.bundle` turns on unless it says otherwise
 *   (https://docs.spring.io/spring-boot/appendix/application-properties/index.html); `lettuce.read-from` (Spring
 *   Boot 3.5+, `spring.data.redis` only) sends reads to replicas.
 *
 * Keys are matched as Spring's relaxed binding does (case, `-` and `_` aside), nested or written flat
 * (`spring.data.redis.password: x`); each YAML document (`---`, one per profile) is a configuration of its own.
 */
import { TLS_MISSING, TLS_URL, writtenServerMayBeElastiCache } from '../redisClientTls';
import { addDsnPassword, LOCAL_DSN } from '../code/sqlDsnOptions';
import { parseRedisUrl } from '../code/redisUrls';
import { DocumentModel, NO_SCOPES, OptionContext, OptionOccurrence } from '../model';
import { LineIndex } from '../text';
import { IacEntry, IacNode } from '../iac/tree';
import { readYaml } from '../iac/yaml';
import { configLiteral, EMBEDDED_JDBC, hoverOnly, isCacheHost, isRdsHost } from './values';
import { placeholderDefault } from './placeholderDefaults';

/** A document's properties by their canonical dotted name. */
export type Properties = Map<string, IacEntry>;

/** A key as Spring's relaxed binding compares it: `ssl-enabled`, `sslEnabled` and `ssl_enabled` are one. */
export const canonical = (key: string): string => key.toLowerCase().replace(/[-_]/g, '');

/** A dotted property key as the relaxed binding compares it, part by part (`app.redis.auth-password`: `app.redis.authpassword`). */
export const canonicalKey = (key: string): string => key.split('.').map(canonical).join('.');

function flatten(node: IacNode, prefix: string, into: Properties): void {
  if (node.kind !== 'map') {
    return;
  }
  for (const entry of node.entries) {
    const path = `${prefix}${canonicalKey(entry.key)}`;
    into.set(path, entry);
    flatten(entry.value, `${path}.`, into);
  }
}

/** The root entries of each YAML document: the reader reads `---` as nothing, so documents are told apart by offset. */
function documents(root: IacNode, lines: LineIndex): Properties[] {
  const starts: number[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    if (/^---(?:\s|$)/.test(lines.lineText(line))) {
      starts.push(lines.lineStart(line));
    }
  }
  const result: Properties[] = [new Map()];
  if (root.kind !== 'map') {
    return result;
  }
  // Root entries come in the order of the text, so one pass over the document starts places them all.
  let index = 0;
  for (const entry of root.entries) {
    while (index < starts.length && starts[index] <= entry.keySpan.start) {
      index++;
    }
    while (result.length <= index) {
      result.push(new Map());
    }
    flatten({ kind: 'map', span: entry.keySpan, entries: [entry] }, '', result[index]);
  }
  return result;
}

/** A scalar's text (a number or boolean as written); undefined for anything else. */
function textOf(entry: IacEntry | undefined): string | undefined {
  const value = entry?.value;
  if (value?.kind !== 'scalar') {
    return undefined;
  }
  const literal = value.literal;
  return literal.kind === 'str' ? literal.value : literal.kind === 'num' || literal.kind === 'bool' ? String(literal.value) : undefined;
}

function option(name: string, entry: IacEntry, literal: OptionOccurrence['literal']): OptionOccurrence {
  return { name, norm: name.toLowerCase(), key: entry.keySpan, value: entry.value.span, literal, removal: entry.removal };
}

/**
 * A password property: a literal (a number too: `password: 123456`), an expression for a placeholder or a value
 * not written as a scalar, and none for YAML's `null` or an empty value, which Spring binds as no password.
 */
function passwordOption(entry: IacEntry): OptionOccurrence {
  const text = textOf(entry);
  const value = entry.value;
  // `password: null`, `password: ~`, or `password:` with nothing after it (the YAML reader spans the key then).
  const none = value.kind === 'scalar' && (value.literal.kind === 'none' || (value.literal.kind === 'expr' && value.literal.text === '' && value.span.start === entry.keySpan.start));
  return option('password', entry, none ? { kind: 'none' } : text === undefined ? { kind: 'expr', text: '' } : configLiteral(text));
}

/**
 * The password a Redis URL property carries (`redis://user:secret@host`), pointing at it in the file where the
 * value is written plain or in quotes (one with escapes is pointed at whole).
 */
function urlPassword(entry: IacEntry): OptionOccurrence | undefined {
  const text = textOf(entry);
  const part = text === undefined ? undefined : parseRedisUrl(text)?.password;
  if (!part || part.value === '') {
    return undefined;
  }
  const { start, end } = entry.value.span;
  const content = end - start === text!.length ? start : end - start === text!.length + 2 ? start + 1 : -1;
  const span = content < 0 ? entry.value.span : { start: content + part.start, end: content + part.end };
  return { name: 'password', norm: 'password', key: span, value: span, literal: configLiteral(part.value), removal: span };
}

/**
 * The host of a JDBC or R2DBC URL: `jdbc:mysql://host:3306/db`, `jdbc:postgresql://user@host/db`,
 * `jdbc:aws-wrapper:postgresql://...`, `r2dbc:pool:postgresql://host/db`.
 */
const URL_HOST = /^(?:jdbc|r2dbc):(?:[\w-]+:)*\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^/:?;,]+)/i;
/** An R2DBC URL of an in-process database (`r2dbc:h2:mem:///test`, through a pool too). */
const EMBEDDED_R2DBC = /^r2dbc:(?:pool:)?h2:/i;

/**
 * The datasources a document configures, as the keys of their JDBC URL and password: Spring Boot's
 * `spring.datasource.*`, the R2DBC connection (`spring.r2dbc.*`) and the migration tools' own (`spring.flyway.*`,
 * `spring.liquibase.*`, which connect with their own URL and password when given one), Quarkus's `quarkus.datasource.jdbc.url` and `.password`, of the default datasource or a
 * named one (`quarkus.datasource."users".jdbc.url`), also under a profile (`%prod.quarkus...`)
 * (https://quarkus.io/guides/datasource), and Micronaut's `datasources.<name>.url` and `.password`
 * (https://micronaut-projects.github.io/micronaut-sql/latest/guide/). The last two are read in the same files
 * (`application.yml`, `application.properties`) but show the Java code's hover examples, not Spring's.
 */
function datasources(properties: Properties): { url: string; password: string; spring: boolean }[] {
  const found = ['spring.datasource', 'spring.r2dbc', 'spring.flyway', 'spring.liquibase'].map((prefix) => ({ url: `${prefix}.url`, password: `${prefix}.password`, spring: true }));
  for (const key of properties.keys()) {
    const quarkus = /^((?:%[^.]+\.)?quarkus\.datasource\.(?:"[^"]+"\.)?)(?:jdbc\.url|password)$/.exec(key);
    const micronaut = quarkus ? null : /^(datasources\.[^.]+\.)(?:url|password)$/.exec(key);
    const prefix = quarkus?.[1] ?? micronaut?.[1];
    if (prefix !== undefined && !found.some((each) => each.password === `${prefix}password`)) {
      found.push({ url: quarkus ? `${prefix}jdbc.url` : `${prefix}url`, password: `${prefix}password`, spring: false });
    }
  }
  found.push(...ownPrefixDatasources(properties, found));
  return found;
}

/** A datasource URL's last key, as relaxed binding reads `jdbc-url` (HikariDataSource's `jdbcUrl`) and `url` (DataSourceProperties'). */
const OWN_URL_KEYS = new Set(['jdbcurl', 'url']);
/** A value that is a JDBC or R2DBC URL: nothing else under these keys is a database connection. */
const DATABASE_URL = /^\s*(?:jdbc|r2dbc):/i;

/**
 * Datasources under a prefix of the application's own (`rds.orders.jdbc-url`, `app.datasource.reports.url`,
 * `spring.datasource.hikari.jdbc-url`), which a `@ConfigurationProperties("rds.orders")` bean method binds to the
 * `HikariDataSource` or `DataSourceProperties` it returns: the usual shape of an application with several databases
 * (https://docs.spring.io/spring-boot/how-to/data-access.html#howto.data-access.configure-two-datasources). Read
 * only where the value is a JDBC or R2DBC URL, with the `password` beside it; keys the readers above took are left.
 */
function ownPrefixDatasources(properties: Properties, known: readonly { url: string }[]): { url: string; password: string; spring: boolean }[] {
  const taken = new Set(known.map((each) => each.url));
  const found: { url: string; password: string; spring: boolean }[] = [];
  for (const [key, entry] of properties) {
    const dot = key.lastIndexOf('.');
    if (dot <= 0 || !OWN_URL_KEYS.has(key.slice(dot + 1)) || taken.has(key)) {
      continue;
    }
    const text = textOf(entry);
    if (text !== undefined && DATABASE_URL.test(placeholderDefault(text) ?? text)) {
      found.push({ url: key, password: `${key.slice(0, dot + 1)}password`, spring: true });
    }
  }
  return found;
}

function datasource(properties: Properties, model: DocumentModel, keys: { url: string; password: string; spring: boolean }): void {
  const url = properties.get(keys.url);
  const password = properties.get(keys.password);
  const urlText = textOf(url);
  // An in-process database (`jdbc:h2:mem:test` of a dev or test profile) is no RDS connection.
  if ((!url && !password) || (urlText !== undefined && (EMBEDDED_JDBC.test(urlText.trim()) || EMBEDDED_R2DBC.test(urlText.trim())))) {
    return;
  }
  // A URL written to the developer's machine (`jdbc:mysql://localhost:3306/shop` of a local profile): no RDS connection
  // to comment on. A placeholder's default (`${DB_URL:jdbc:...localhost...}`) stays, as the deployment sets the variable.
  if (urlText !== undefined && placeholderDefault(urlText) === undefined && LOCAL_DSN.test(urlText)) {
    return;
  }
  // `${DB_URL:jdbc:postgresql://host/db}`: the host its default names (the options it writes stay unread, as the deployment may set others).
  const host = urlText === undefined ? undefined : URL_HOST.exec(placeholderDefault(urlText) ?? urlText)?.[1];
  const context: OptionContext = { kind: 'sql-client', type: 'jdbc', options: [], complete: true, anchor: (url ?? password)!.keySpan };
  if (url && urlText !== undefined) {
    addDsnPassword(context, { kind: 'str', value: urlText }, url.value.span, url.keySpan);
  }
  if (password) {
    context.options.push(passwordOption(password));
  }
  if (!(host && isRdsHost(host))) {
    context.options = hoverOnly(context.options);
    context.complete = false;
  }
  const readerOrigin = keys.spring ? undefined : 'sdk';
  model.contexts.push(readerOrigin ? { ...context, readerOrigin } : context);
  if (url && host) {
    (model.sqlConnections ??= []).push({ name: url.keySpan, flavor: 'jdbc', ...(readerOrigin ? { readerOrigin } : {}) });
  }
}

/** The servers a Redis configuration names: its URL's host, `host`, or the nodes of a cluster or of Sentinel. */
function redisHosts(properties: Properties, prefix: string): string[] {
  const url = textOf(properties.get(`${prefix}.url`));
  if (url !== undefined) {
    const host = /^rediss?:\/\/(?:[^@/]*@)?([^/:?]+)/i.exec(url)?.[1];
    return host ? [host] : [];
  }
  const hosts = [textOf(properties.get(`${prefix}.host`))];
  for (const nodes of [`${prefix}.cluster.nodes`, `${prefix}.sentinel.nodes`]) {
    const value = properties.get(nodes)?.value;
    if (value?.kind === 'list') {
      value.items.forEach((item) => hosts.push(item.kind === 'scalar' && item.literal.kind === 'str' ? item.literal.value : undefined));
    } else {
      hosts.push(...(textOf(properties.get(nodes))?.split(',') ?? []));
    }
  }
  return hosts.filter((host): host is string => host !== undefined);
}

function redis(properties: Properties, prefix: string, model: DocumentModel): void {
  const password = properties.get(`${prefix}.password`);
  const url = properties.get(`${prefix}.url`);
  const host = properties.get(`${prefix}.host`);
  // The one property among these that needs no server to be named: it configures the client Boot makes whatever its server.
  const readFrom = prefix === 'spring.data.redis' ? properties.get(`${prefix}.lettuce.readfrom`) : undefined;
  const readFromText = textOf(readFrom);
  if (!password && !url && !host && readFromText === undefined) {
    return;
  }
  const options: OptionOccurrence[] = [];
  if (readFrom && readFromText !== undefined) {
    options.push(option('readFrom', readFrom, { kind: 'str', value: readFromText }));
  }
  if (password) {
    options.push(passwordOption(password));
  } else if (url) {
    // `url: redis://:secret@cache:6379`: the URL's password is the client's when no `password` property is set.
    const inUrl = urlPassword(url);
    if (inUrl) {
      options.push(inUrl);
    }
  }
  for (const [name, entry] of [['url', url], ['host', host]] as const) {
    const text = textOf(entry);
    if (entry && text !== undefined) {
      options.push(option(name, entry, { kind: 'str', value: text }));
    }
  }
  // `ssl: true` (Spring Boot 2), `ssl.enabled: true`, or a bundle that turns it on.
  const ssl = properties.get(`${prefix}.ssl`);
  const enabled = properties.get(`${prefix}.ssl.enabled`) ?? (ssl?.value.kind === 'scalar' ? ssl : undefined);
  const enabledText = textOf(enabled);
  if (enabled) {
    options.push(option('ssl', enabled, enabledText === 'true' || enabledText === 'false' ? { kind: 'bool', value: enabledText === 'true' } : { kind: 'expr', text: enabledText ?? '' }));
  } else if (properties.has(`${prefix}.ssl.bundle`)) {
    options.push(option('ssl', properties.get(`${prefix}.ssl.bundle`)!, { kind: 'expr', text: 'bundle' }));
  }
  // No TLS property, and a server that may be ElastiCache: the client Boot makes connects in clear (`redis-tls`'s hover).
  const server = url ?? host;
  const serverText = textOf(server);
  if (server && serverText !== undefined && !options.some((added) => added.norm === 'ssl') && !TLS_URL.test(serverText) && writtenServerMayBeElastiCache(serverText)) {
    options.push(option(TLS_MISSING, server, { kind: 'bool', value: true }));
  }
  const hosts = redisHosts(properties, prefix);
  const aws = hosts.length > 0 && hosts.every(isCacheHost);
  const anchor = (password ?? url ?? host ?? readFrom)!.keySpan;
  model.contexts.push({ kind: 'redis-client', type: 'spring-data-redis', options: aws ? options : hoverOnly(options), complete: aws, anchor });
}

/** The connections the properties of each document make (`springProperties.ts` reads `application.properties` into the same maps). */
export function springConnections(documents: readonly Properties[], suppressions: DocumentModel['suppressions']): DocumentModel {
  const model: DocumentModel = { operations: [], contexts: [], redisCalls: [], scopes: NO_SCOPES, commentPrefix: '#', suppressions };
  for (const properties of documents) {
    datasources(properties).forEach((keys) => datasource(properties, model, keys));
    redis(properties, 'spring.data.redis', model);
    redis(properties, 'spring.redis', model);
  }
  return model;
}

/** Reads a Spring Boot `application.yml` into the connections its properties make. */
export function readSpringConfig(text: string, lines: LineIndex): DocumentModel {
  const { documents, suppressions } = springYamlDocuments(text, lines);
  return springConnections(documents, suppressions);
}

/** The properties of each document of an `application.yml`, in the file's order. */
export function springYamlDocuments(text: string, lines: LineIndex): { documents: Properties[]; suppressions: DocumentModel['suppressions'] } {
  const { root, suppressions } = readYaml(text, lines);
  return { documents: root ? documents(root, lines) : [], suppressions };
}
