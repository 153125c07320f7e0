/**
 * Passwords and servers a Spring Boot configuration file (`application.yml`, `application-prod.properties`, `bootstrap.yml`) writes
 * as literals under the application's own keys (`app.redis.password: Sup3rSecret!`), for the code that binds them
 * with `@Value("${app.redis.password}")` (`code/importedOptionValues.ts`). Spring Boot's own keys
 * (`spring.datasource.password`) are also judged in the file itself (`config/spring.ts`). A value that is itself a
 * placeholder (`${DB_PASSWORD}`) or empty is none. Keys are compared as Spring's relaxed binding compares them.
 *
 * Hosts too (`app.cache.host: 127.0.0.1`, `spring.data.redis.host: ${redis.host}`), every value each profile writes, for
 * code that binds them (`code/springBoundHosts.ts`): a server the project's every profile names as this machine is a
 * local one, as a literal would be.
 */
import { DocumentKind } from '../documentKinds';
import { canonicalKey, springYamlDocuments } from '../config/spring';
import { springPropertiesDocuments } from '../config/springProperties';
import { LineIndex } from '../text';
import { PASSWORD_NAME, SecretConstant } from './secretConstants';
import { springPropertyPrefixes } from './springPropertyClasses';
import type { FileContribution, SourceRef } from './types';

/** The configuration files Spring Boot reads by default, with or without a profile. */
const CONFIG_FILE = /(?:^|\/)(?:application|bootstrap)(?:-[\w.-]+)?\.(?:ya?ml|properties)$/;
/** Passwords kept per file: far more than one configuration holds. */
const MAX_SECRETS = 64;

/** Whether a file is a Spring Boot configuration file whose passwords code may bind. */
export function maySetSpringSecrets(file: string, kind: DocumentKind): boolean {
  return (kind === 'yaml' || kind === 'properties') && CONFIG_FILE.test(file) && !file.includes('/test/');
}

/**
 * The literal passwords of the file by their canonical dotted key, read as the Spring readers read the file
 * (`config/spring.ts`, `config/springProperties.ts`); undefined when it writes none. The first document that writes
 * a key speaks for it: a later one is a profile's.
 */
export function springSecrets(kind: DocumentKind, text: string): Record<string, SecretConstant> | undefined {
  return springSettings(kind, text).secrets;
}

/** A server key's last part: `host`, `hostname`, `url`, `address`, `addr`, `nodes`. */
const SERVER_NAME = /^(?:\w*host|hostname|url|uri|address|addr|nodes|server|endpoint)$/;
/** A value the host readers cannot read: a list, a map, empty, or a tagged scalar. */
const UNREAD_HOST = '${?}';

/** The literal passwords and every value of server keys (each profile's, in order), by canonical key; see `springSecrets`. */
export function springSettings(kind: DocumentKind, text: string): { secrets?: Record<string, SecretConstant>; hosts?: Record<string, string[]> } {
  const lines = new LineIndex(text);
  const { documents } = kind === 'properties' ? springPropertiesDocuments(lines) : springYamlDocuments(text, lines);
  const found: Record<string, SecretConstant> = Object.create(null) as Record<string, SecretConstant>;
  const hosts: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const properties of documents) {
    for (const [key, entry] of properties) {
      const value = entry.value;
      const literal = value.kind === 'scalar' && value.literal.kind === 'str' && !value.tag ? value.literal.value : '';
      const name = key.slice(key.lastIndexOf('.') + 1);
      if (Object.keys(found).length < MAX_SECRETS && !Object.hasOwn(found, key) && PASSWORD_NAME.test(name) && literal !== '' && !literal.includes('${')) {
        found[key] = { value: literal, line: lines.lineOf(value.span.start), start: value.span.start, end: value.span.end };
      }
      if (SERVER_NAME.test(name) && (Object.hasOwn(hosts, key) || Object.keys(hosts).length < MAX_SECRETS)) {
        (hosts[key] ??= []).push(literal.trim() === '' ? UNREAD_HOST : literal.trim());
      }
    }
  }
  return { ...(Object.keys(found).length > 0 ? { secrets: found } : {}), ...(Object.keys(hosts).length > 0 ? { hosts } : {}) };
}

/** The workspace's Spring passwords by canonical key, with the file that writes each. */
export type SpringSecretsByKey = ReadonlyMap<string, readonly { file: string; secret: SecretConstant }[]>;

export function springSecretsByKey(contributions: ReadonlyMap<string, { contribution: FileContribution }>): SpringSecretsByKey {
  const byKey = new Map<string, { file: string; secret: SecretConstant }[]>();
  for (const [file, { contribution }] of contributions) {
    for (const [written, secret] of Object.entries(contribution.springSecrets ?? {})) {
      const files = byKey.get(written) ?? [];
      files.push({ file, secret });
      byKey.set(written, files);
    }
  }
  return byKey;
}

/** The password written under `key` by the file that shares the most folders with the code file (its own service's), then the first in path order. */
export function nearestSpringSecret(byKey: SpringSecretsByKey, codeFile: string, key: string): { value: string; at: SourceRef } | undefined {
  const codeFolders = codeFile.split('/').slice(0, -1);
  const shared = (file: string): number => {
    const folders = file.split('/').slice(0, -1);
    let count = 0;
    while (count < folders.length && count < codeFolders.length && folders[count] === codeFolders[count]) {
      count++;
    }
    return count;
  };
  let best: { value: string; at: SourceRef; shared: number } | undefined;
  for (const { file, secret } of byKey.get(canonicalKey(key)) ?? []) {
    const near = shared(file);
    if (best === undefined || near > best.shared || (near === best.shared && file < best.at.file)) {
      best = { value: secret.value, at: { file, line: secret.line, character: 0, span: { start: secret.start, end: secret.end } }, shared: near };
    }
  }
  return best && { value: best.value, at: best.at };
}

/** Every value the workspace's Spring configuration files write under each server key, across files and profiles. */
export type SpringHostsByKey = ReadonlyMap<string, readonly string[]>;

export function springHostsByKey(contributions: ReadonlyMap<string, { contribution: FileContribution }>): SpringHostsByKey {
  const byKey = new Map<string, string[]>();
  for (const { contribution } of contributions.values()) {
    for (const [key, values] of Object.entries(contribution.springHosts ?? {})) {
      byKey.set(key, [...(byKey.get(key) ?? []), ...values]);
    }
  }
  return byKey;
}

/** A value that is one placeholder: `${redis.host}`, `${REDIS_HOST:localhost}`. */
const WHOLE_PLACEHOLDER = /^\$\{([\w.\-[\]]+)(?::([^{}]*))?\}$/;
/** Placeholders followed from one key to another (`spring.data.redis.host: ${redis.host}`). */
const MAX_HOPS = 4;

/**
 * The servers a Spring property key may hold, as every profile file of the workspace writes them: a literal, or a
 * placeholder of another key read the same way (with its default, which applies where that key is unset). Undefined
 * when any value cannot be told (a key no file writes, an environment variable, a value built around a placeholder,
 * a list): that server may be anywhere.
 */
export function springHostValues(byKey: SpringHostsByKey, key: string, hops = 0): string[] | undefined {
  const values = byKey.get(canonicalKey(key));
  if (values === undefined || hops > MAX_HOPS) {
    return undefined;
  }
  const servers: string[] = [];
  for (const value of values) {
    const placeholder = WHOLE_PLACEHOLDER.exec(value);
    const resolved = placeholder ? springHostValues(byKey, placeholder[1], hops + 1) : value.includes('${') ? undefined : [value];
    if (resolved === undefined) {
      return undefined;
    }
    servers.push(...resolved, ...(placeholder?.[2] ? [placeholder[2].trim()] : []));
  }
  return [...new Set(servers)];
}

/** The workspace's Spring settings, each table read from the files' contributions on first use (see `WorkspaceView.spring`). */
export class SpringSettings {
  private secrets: SpringSecretsByKey | undefined;
  private hosts: SpringHostsByKey | undefined;
  private prefixes: ReadonlyMap<string, string | undefined> | undefined;

  constructor(private readonly contributions: ReadonlyMap<string, { contribution: FileContribution }>) {}

  /** The password written under `key` by the configuration file nearest `codeFile` (its own service's); see `nearestSpringSecret`. */
  secret(codeFile: string, key: string): { value: string; at: SourceRef } | undefined {
    this.secrets ??= springSecretsByKey(this.contributions);
    return nearestSpringSecret(this.secrets, codeFile, key);
  }

  /** Every server the workspace's configuration files write under `key`; see `springHostValues`. */
  hostValues(key: string): string[] | undefined {
    this.hosts ??= springHostsByKey(this.contributions);
    return springHostValues(this.hosts, key);
  }

  /** The prefix the one `@ConfigurationProperties` class named `className` binds (`springPropertyClasses.ts`). */
  propertyPrefix(className: string): string | undefined {
    this.prefixes ??= springPropertyPrefixes(this.contributions.values());
    return this.prefixes.get(className);
  }
}
