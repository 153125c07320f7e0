/**
 * Security group rules of a Terraform module folder that admit an input's CIDR blocks on one port
 * (`ingress { from_port = 3306, to_port = 3306, cidr_blocks = var.db_access }`, an `aws_security_group_rule` of
 * type ingress, an `aws_vpc_security_group_ingress_rule` with `cidr_ipv4 = var.client_cidr`): a caller's blocks
 * for that input are the rule's sources, so an open block a module block writes is read there, on that port
 * (see ModuleInputTarget.admittedOn). The other way round, a rule open to every address on the port an input gives
 * (`from_port = var.db_port`, `to_port = var.db_port`, `cidr_blocks = ["0.0.0.0/0"]`) is open on each caller's port
 * (see ModuleInputTarget.opensTo). Only one port over TCP: a range or all traffic says nothing certain about
 * which engine the group serves, and a rule made under `count` or `for_each` may not exist.
 */
import { attributeOf, blocksOf, HclBody, HclValue } from './hcl';
import { terraformStoreKind } from '../iac/storePorts';
import { passedInput } from './moduleInputs';
import { ModuleInputTarget } from './types';

/** Sources open to every IPv4 or IPv6 address. */
const OPEN_SOURCES = new Set(['0.0.0.0/0', '::/0']);

/** Where each kind of rule writes its protocol and its sources. */
const RULE_FIELDS: Readonly<Record<string, { protocol: string; sources: readonly string[] }>> = {
  aws_security_group: { protocol: 'protocol', sources: ['cidr_blocks', 'ipv6_cidr_blocks'] },
  aws_security_group_rule: { protocol: 'protocol', sources: ['cidr_blocks', 'ipv6_cidr_blocks'] },
  aws_vpc_security_group_ingress_rule: { protocol: 'ip_protocol', sources: ['cidr_ipv4', 'cidr_ipv6'] },
};

/** Resource types whose ingress a module folder may open to an input's CIDR blocks. */
export function opensToInputs(type: string): boolean {
  return Object.hasOwn(RULE_FIELDS, type);
}

/** The inputs the file's databases and caches take whole as their port (`port = var.port`). */
function storePortInputs(source: string, root: HclBody): Set<string> {
  const inputs = new Set<string>();
  for (const block of blocksOf(root, 'resource')) {
    const port = block.labels.length === 2 && terraformStoreKind(block.labels[0]) !== undefined ? attributeOf(block.body, 'port') : undefined;
    const input = port && passedInput(source, port);
    if (input !== undefined) {
      inputs.add(input);
    }
  }
  return inputs;
}

/**
 * For each input a resource of `type` admits as CIDR blocks on one port, where a caller's blocks for it arrive. A rule
 * open on the port of a store of the same file (`root`) is reported in the file itself (see `terraformStorePort`).
 */
export function ingressInputs(source: string, type: string, body: HclBody, root: HclBody): [string, ModuleInputTarget][] {
  const fields = Object.hasOwn(RULE_FIELDS, type) ? RULE_FIELDS[type] : undefined;
  if (!fields || attributeOf(body, 'count') !== undefined || attributeOf(body, 'for_each') !== undefined) {
    return [];
  }
  const rules = type === 'aws_security_group' ? body.blocks.filter((block) => block.type === 'ingress' && block.labels.length === 0).map((block) => block.body) : [body];
  if (type === 'aws_security_group_rule' && !isString(attributeOf(body, 'type'), 'ingress')) {
    return [];
  }
  const found: [string, ModuleInputTarget][] = [];
  for (const rule of rules) {
    const admittedOn = admission(source, rule, fields.protocol);
    for (const name of admittedOn ? fields.sources : []) {
      const value = attributeOf(rule, name);
      const input = value && passedInput(source, value);
      if (input !== undefined) {
        found.push([input, { resource: type, argument: name, admittedOn: admittedOn! }]);
      }
    }
    // The port from an input, the sources the folder's own: a caller's port is where they are open.
    const portInput = admittedOn?.portInput;
    const opensTo = portInput === undefined || storePortInputs(source, root).has(portInput) ? [] : fields.sources.flatMap((name) => openLiterals(attributeOf(rule, name)));
    if (opensTo.length > 0) {
      found.push([admittedOn!.portInput!, { resource: type, argument: 'from_port', opensTo }]);
    }
  }
  return found;
}

/** The sources open to every address that a rule writes as literals (`"0.0.0.0/0"`, or inside a list). */
function openLiterals(value: HclValue | undefined): string[] {
  const items = value?.kind === 'tuple' ? value.items : value ? [value] : [];
  return items.flatMap((item) => (item.kind === 'string' && OPEN_SOURCES.has(item.value.trim()) ? [item.value.trim()] : []));
}

/** The one port a rule admits over TCP: a number written in place, or an input passed whole to both ends. */
function admission(source: string, rule: HclBody, protocolName: string): ModuleInputTarget['admittedOn'] {
  const protocol = attributeOf(rule, protocolName);
  if (!isString(protocol, 'tcp') && !isString(protocol, '6')) {
    return undefined;
  }
  const from = attributeOf(rule, 'from_port');
  const to = attributeOf(rule, 'to_port');
  const port = portOf(from);
  if (port !== undefined) {
    return port === portOf(to) ? { port } : undefined;
  }
  const portInput = from && passedInput(source, from);
  return portInput !== undefined && to && passedInput(source, to) === portInput ? { portInput } : undefined;
}

function portOf(value: HclValue | undefined): number | undefined {
  if (value?.kind === 'number') {
    return value.value;
  }
  return value?.kind === 'string' && /^\d{1,5}$/.test(value.value) ? Number(value.value) : undefined;
}

function isString(value: HclValue | undefined, text: string): boolean {
  return value?.kind === 'string' && value.value.trim().toLowerCase() === text;
}
