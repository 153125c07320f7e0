/**
 * Redisson's YAML configuration (`Config.fromYAML(file)`, the `redisson.yaml` a Spring Boot starter points at):
 * one server section at the root, read as the client the Java code analysis reads from `useSingleServer()` and
 * its siblings (`languages/javaRedisSettings.ts`). From https://redisson.org/docs/configuration/:
 *
 * - the addresses (`address`, `nodeAddresses`, `sentinelAddresses`, `masterAddress` and `slaveAddresses`) are
 *   URLs whose scheme says whether the connection uses TLS: `rediss://` (or `valkeys://`) does, `redis://` does not;
 * - `password` is sent to every node; `null`, the default the Redisson templates write, sends none;
 * - `${NAME}` (and `${NAME:-default}`) is replaced at startup from the environment or system properties;
 * - `sslVerificationMode: NONE` (since 3.41) and the older `sslEnableEndpointIdentification: false` turn
 *   certificate or host name checks off;
 * - `readMode` (`SLAVE` unless set, `MASTER`, `MASTER_SLAVE`) says which nodes the servers with replicas read from;
 *   a section that does not set it stands for it with its key.
 *
 * Findings only where every address names an ElastiCache endpoint, as for the other configuration files.
 */
import { parseRedisUrl, urlHost } from '../code/redisUrls';
import { DocumentModel, Literal, NO_SCOPES, OptionOccurrence } from '../model';
import { IacEntry, IacNode } from '../iac/tree';
import { readYaml } from '../iac/yaml';
import { LineIndex } from '../text';
import { configLiteral, hoverOnly, isCacheHost } from './values';

/** The server sections Redisson reads, with the keys that hold their addresses. */
const SERVERS: Readonly<Record<string, readonly string[]>> = {
  singleServerConfig: ['address'],
  clusterServersConfig: ['nodeAddresses'],
  replicatedServersConfig: ['nodeAddresses'],
  sentinelServersConfig: ['sentinelAddresses'],
  masterSlaveServersConfig: ['masterAddress', 'slaveAddresses'],
};

function option(name: string, entry: IacEntry, node: IacNode, literal: Literal): OptionOccurrence {
  return { name, norm: name.toLowerCase(), key: entry.keySpan, value: node.span, literal, removal: entry.removal };
}

/** The scalar nodes of the address keys: one address, or each item of a list. */
function addressNodes(section: readonly IacEntry[], keys: readonly string[]): { entry: IacEntry; node: IacNode }[] {
  const found: { entry: IacEntry; node: IacNode }[] = [];
  for (const entry of section.filter((each) => keys.includes(each.key))) {
    const items = entry.value.kind === 'list' ? entry.value.items : [entry.value];
    items.forEach((node) => found.push({ entry, node }));
  }
  return found;
}

function server(section: readonly IacEntry[], keys: readonly string[], anchor: IacEntry, model: DocumentModel): void {
  const addresses = addressNodes(section, keys).map(({ entry, node }) => {
    const text = node.kind === 'scalar' && node.literal.kind === 'str' ? node.literal.value : undefined;
    return { entry, node, text, url: text === undefined ? undefined : parseRedisUrl(text) };
  });
  const options: OptionOccurrence[] = [];
  // The address that asks for TLS, else the first: the client's URL as the Redis checks read it. An address the
  // file does not write as a URL (`${REDIS_URL}`) leaves TLS untold.
  const known = addresses.length > 0 && addresses.every((address) => address.url !== undefined);
  const shown = addresses.find((address) => address.url?.tls) ?? addresses[0];
  if (shown) {
    options.push(option('url', shown.entry, shown.node, known ? { kind: 'str', value: shown.text! } : { kind: 'expr', text: shown.text ?? '' }));
  }
  const aws = known && addresses.every((address) => isCacheHost(urlHost(address.text!)));
  for (const entry of section) {
    const value = entry.value;
    const scalar = value.kind === 'scalar' ? value.literal : undefined;
    if (entry.key === 'password' && (scalar?.kind === 'str' || scalar?.kind === 'num') && String(scalar.value).trim() !== '') {
      options.push(option('password', entry, value, configLiteral(String(scalar.value))));
    } else if (entry.key === 'sslVerificationMode' && scalar?.kind === 'str') {
      // Read as the Java enum constant is (`SslVerificationMode.NONE`).
      options.push(option('sslVerificationMode', entry, value, { kind: 'expr', text: aws ? scalar.value : '' }));
    } else if (entry.key === 'sslEnableEndpointIdentification' && scalar?.kind === 'bool') {
      options.push(option('sslEnableEndpointIdentification', entry, value, scalar));
    } else if (entry.key === 'readMode' && scalar?.kind === 'str') {
      options.push(option('readMode', entry, value, scalar));
    }
  }
  // The servers with replicas read from them unless `readMode` says otherwise: the section's key stands for it.
  if (anchor.key !== 'singleServerConfig' && !section.some((entry) => entry.key === 'readMode')) {
    options.push({ name: 'readMode', norm: 'readmode', key: anchor.keySpan, value: anchor.keySpan, literal: { kind: 'expr', text: '' }, removal: anchor.keySpan });
  }
  if (options.some((each) => each.norm !== 'url')) {
    model.contexts.push({ kind: 'redis-client', type: 'redisson', options: aws ? options : hoverOnly(options), complete: aws, anchor: anchor.keySpan });
  }
}

/** Reads a Redisson YAML configuration into the client its server section configures. */
export function readRedissonConfig(text: string, lines: LineIndex): DocumentModel {
  const { root, suppressions } = readYaml(text, lines);
  const model: DocumentModel = { operations: [], contexts: [], redisCalls: [], scopes: NO_SCOPES, commentPrefix: '#', suppressions };
  for (const entry of root?.kind === 'map' ? root.entries : []) {
    const keys = Object.hasOwn(SERVERS, entry.key) ? SERVERS[entry.key] : undefined;
    if (keys && entry.value.kind === 'map') {
      server(entry.value.entries, keys, entry, model);
    }
  }
  return model;
}
