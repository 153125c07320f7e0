/** Security group ingress as the templates write it, reduced to what the open-ingress rules need. */
import { ContextKind, IngressRule, Literal } from '../model';
import { Span } from '../types';

const WORLD = new Set(['0.0.0.0/0', '::/0']);

/** A source literal that opens the rule to every IPv4 or IPv6 address. */
export function isWorld(literal: Literal): boolean {
  return literal.kind === 'str' && WORLD.has(literal.value.trim());
}

function portOf(literal: Literal | undefined): number | undefined {
  if (literal?.kind === 'num') {
    return literal.value;
  }
  if (literal?.kind === 'str' && /^-?\d{1,5}$/.test(literal.value.trim())) {
    return Number(literal.value.trim());
  }
  return undefined;
}

function protocolOf(literal: Literal | undefined): string | undefined {
  if (literal?.kind === 'str') {
    return literal.value.trim().toLowerCase();
  }
  return literal?.kind === 'num' ? String(literal.value) : undefined;
}

/** `-1` (and Terraform's `all`) means every protocol and every port, whatever the ports say. */
export function allTraffic(protocol: string | undefined): boolean {
  return protocol === '-1' || protocol === 'all';
}

export interface IngressFields {
  protocol?: Literal;
  fromPort?: Literal;
  toPort?: Literal;
  /** Source addresses with where they are written. */
  sources: { literal: Literal; span: Span }[];
  /**
   * The ports are a database's or a cache's own port attribute (`aws_db_instance.db.port`, `!GetAtt Db.Endpoint.Port`),
   * as `iac/groupUse.ts` exposure bits: whatever number it is, the rule opens that store's port.
   */
  storePort?: number;
}

/** An ingress rule open to the internet, or undefined when no source is open. */
export function openIngress(kind: ContextKind, fields: IngressFields): IngressRule | undefined {
  const openSources = fields.sources.filter((source) => isWorld(source.literal)).map((source) => source.span);
  if (openSources.length === 0) {
    return undefined;
  }
  const protocol = protocolOf(fields.protocol);
  const rule: IngressRule = { kind, openSources };
  if (protocol !== undefined) {
    rule.protocol = protocol;
  }
  if (allTraffic(protocol)) {
    rule.fromPort = 0;
    rule.toPort = 65535;
    return rule;
  }
  const fromPort = portOf(fields.fromPort);
  const toPort = portOf(fields.toPort) ?? fromPort;
  if (fromPort !== undefined && toPort !== undefined) {
    rule.fromPort = fromPort;
    rule.toPort = toPort;
  } else if (fields.storePort !== undefined) {
    rule.storePort = fields.storePort;
  }
  return rule;
}

function opensTcp(rule: IngressRule): boolean {
  return rule.protocol === undefined || rule.protocol === 'tcp' || rule.protocol === '6' || allTraffic(rule.protocol);
}

/** Does a written ingress rule let TCP traffic from the internet reach the port a store of this kind (exposure bits) names as its own? */
export function opensStorePort(rule: IngressRule, kind: number): boolean {
  return rule.storePort !== undefined && (rule.storePort & kind) !== 0 && opensTcp(rule);
}

/** Does a written ingress rule let TCP traffic from the internet reach one of these ports? */
export function opensPort(rule: IngressRule, ports: readonly number[]): boolean {
  if (rule.fromPort === undefined || rule.toPort === undefined) {
    return false;
  }
  const tcp = opensTcp(rule);
  const { fromPort, toPort } = rule;
  return tcp && ports.some((port) => fromPort <= port && port <= toPort);
}
