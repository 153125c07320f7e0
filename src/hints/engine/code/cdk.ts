/**
 * What CDK code says in engine versions and method calls, in the terms the rules use: `MysqlEngineVersion.VER_8_0`
 * is MySQL `8.0`, and `addIngressRule(Peer.anyIpv4(), Port.tcp(5432))` is an ingress rule open to the internet.
 * Enum and factory values (`RemovalPolicy.DESTROY`) are read in `cdkLiterals.ts`.
 */
import { IngressFields, openIngress } from '../iac/ingress';
import { environmentPasswords } from '../iac/lambdaEnvironment';
import { IngressRule, OptionContext, OptionOccurrence } from '../model';
import { normalizeName, Span } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { contextFrom, literalOf, propertyValue, valueEnd } from './options';
import { variableContext } from './requests';

const ENGINE_OF_VERSION_CLASS: Record<string, string> = {
  MysqlEngineVersion: 'mysql',
  PostgresEngineVersion: 'postgres',
  MariaDbEngineVersion: 'mariadb',
  AuroraMysqlEngineVersion: 'aurora-mysql',
  AuroraPostgresEngineVersion: 'aurora-postgresql',
};

/**
 * A version made from its full version string, for releases newer than the CDK in use (`AuroraPostgresEngineVersion.of('13.7', '13')`,
 * Python's keyword form, Go's `AuroraPostgresEngineVersion_Of(jsii.String("13.7"), ...)`, C#'s `Of`): the string as RDS spells it.
 */
const VERSION_OF = /\b(Mysql|Postgres|MariaDb|AuroraMysql|AuroraPostgres)EngineVersion(?:\.|_)[oO]f\(\s*(?:\w+\s*=\s*)?(?:jsii\.String\(\s*)?["'](\d[\w.-]*)["']/;

/** The engine and version an engine expression names (`DatabaseInstanceEngine.mysql({ version: MysqlEngineVersion.VER_8_0 })`). */
export function cdkEngineVersion(text: string): { engine: string; version: string } | undefined {
  const made = VERSION_OF.exec(text);
  if (made) {
    return { engine: ENGINE_OF_VERSION_CLASS[`${made[1]}EngineVersion`], version: made[2] };
  }
  const match = /\b(Mysql|Postgres|MariaDb|AuroraMysql|AuroraPostgres)EngineVersion\.VER_(\d+(?:_\d+)*)/.exec(text);
  if (!match) {
    return undefined;
  }
  const engine = ENGINE_OF_VERSION_CLASS[`${match[1]}EngineVersion`];
  const numbers = match[2].split('_');
  if (engine === 'aurora-mysql') {
    // Aurora MySQL versions are spelt with their MySQL line: 2.x is MySQL 5.7, 3.x is MySQL 8.0. The
    // first Aurora MySQL 2 releases were spelt with the MySQL version alone (`VER_5_7_12` is "5.7.12").
    if (numbers[0] === '5' && numbers[1] === '7') {
      return { engine, version: numbers.join('.') };
    }
    const line = numbers[0] === '2' ? '5.7' : numbers[0] === '3' ? '8.0' : undefined;
    return line ? { engine, version: `${line}.mysql_aurora.${numbers.join('.')}` } : undefined;
  }
  return { engine, version: numbers.join('.') };
}

/**
 * CDK v1's engine constants, which name an engine and no version (`DatabaseInstanceEngine.POSTGRES`): the
 * version, when written, is the construct's own `engineVersion` prop.
 */
const ENGINE_OF_CONSTANT: Record<string, string> = {
  'DatabaseInstanceEngine.MYSQL': 'mysql',
  'DatabaseInstanceEngine.POSTGRES': 'postgres',
  'DatabaseInstanceEngine.MARIADB': 'mariadb',
  'DatabaseClusterEngine.AURORA': 'aurora',
  'DatabaseClusterEngine.AURORA_MYSQL': 'aurora-mysql',
  'DatabaseClusterEngine.AURORA_POSTGRESQL': 'aurora-postgresql',
};
const ENGINE_CONSTANT = /(?:^|\.)(Database(?:Instance|Cluster)Engine\.[A-Z][A-Z_]*)$/;
/** Aurora MySQL version 1's engine factory, whatever version it is given (`DatabaseClusterEngine.aurora({ version: AuroraEngineVersion.VER_1_22_2 })`). */
const AURORA_ONE_FACTORY = /(?:^|\.)DatabaseClusterEngine\.aurora\s*\(/;

/** The engine an engine expression names without a version of its own: a CDK v1 constant, or Aurora MySQL version 1's factory (`aurora`). */
export function cdkVersionlessEngine(text: string): string | undefined {
  if (AURORA_ONE_FACTORY.test(text)) {
    return 'aurora';
  }
  const constant = ENGINE_CONSTANT.exec(text.trim());
  return constant ? ENGINE_OF_CONSTANT[constant[1]] : undefined;
}

/** The database ports among `Port`'s well-known constants (aws-cdk-lib aws-ec2 `port.ts`), the same in TypeScript and Python. */
const WELL_KNOWN_PORTS: Record<string, number> = { MSSQL: 1433, MYSQL_AURORA: 3306, POSTGRES: 5432 };

/**
 * A port written with its props: `new ec2.Port({ protocol: ec2.Protocol.TCP, fromPort: 3306, toPort: 3306 })`, Go's
 * `awsec2.NewPort(&awsec2.PortProps{Protocol: awsec2.Protocol_TCP, FromPort: jsii.Number(3306), ...})` (read as `goCdkValues.ts` writes it).
 */
const PORT_PROPS = /\b(?:new\s+(?:\w+\.)?Port\(\s*\{|NewPort\(\s*&?(?:\w+\.)?PortProps\{)([^{}]*)\}/;

/** The TCP ports of a port's props text (`PORT_PROPS`), or undefined for another protocol or ports not written as numbers. */
function portProps(props: string): { from: number; to: number } | undefined {
  const tcp = /\b[pP]rotocol\s*:\s*(?:\w+\.)?Protocol\.(?:TCP|ALL)\b/.test(props);
  const from = /\b[fF]romPort\s*:\s*(\d{1,5})\b/.exec(props);
  const to = /\b[tT]oPort\s*:\s*(\d{1,5})\b/.exec(props);
  return tcp && from ? { from: Number(from[1]), to: Number((to ?? from)[1]) } : undefined;
}

/** Ports that `Port.tcp(5432)` (C# `Port.Tcp(5432)`), `Port.POSTGRES`, `Port.tcpRange(a, b)`, `Port.allTcp()`, `Port.allTraffic()` or a port's props open, or undefined. */
function portRange(text: string): { from: number; to: number } | undefined {
  const written = text.includes('Port') ? PORT_PROPS.exec(text) : null;
  if (written) {
    return portProps(written[1]);
  }
  const single = /\bPort\.[tT]cp\(\s*(\d{1,5})\s*\)/.exec(text);
  if (single) {
    return { from: Number(single[1]), to: Number(single[1]) };
  }
  const known = /\bPort\.(MSSQL|MYSQL_AURORA|POSTGRES)\b/.exec(text);
  if (known) {
    return { from: WELL_KNOWN_PORTS[known[1]], to: WELL_KNOWN_PORTS[known[1]] };
  }
  const range = /\bPort\.[tT]cp_?[Rr]ange\(\s*(\d{1,5})\s*,\s*(\d{1,5})\s*\)/.exec(text);
  if (range) {
    return { from: Number(range[1]), to: Number(range[2]) };
  }
  return /\bPort\.(?:[aA]llTcp|all_tcp|[aA]llTraffic|all_traffic)\(\s*\)/.test(text) ? { from: 0, to: 65535 } : undefined;
}

const OPEN_PEER = /\bPeer\.(?:[aA]nyIpv4|any_ipv4|[aA]nyIpv6|any_ipv6)\(\s*\)|\bPeer\.[iI]pv[46]\(\s*['"](?:0\.0\.0\.0\/0|::\/0)['"]\s*\)/;
/** The construct methods that open ingress, as `cdkIngress` reads them. */
const INGRESS_METHODS = /^(?:addIngressRule|add_ingress_rule|allowFrom|allow_from|allowFromAnyIpv4|allow_from_any_ipv4|allowDefaultPortFromAnyIpv4|allow_default_port_from_any_ipv4|allowDefaultPortFrom|allow_default_port_from)$/;
/** Default database and cache ports, for `allowDefaultPortFromAnyIpv4()` on a construct of that service. */
const DEFAULT_PORTS: Record<string, number> = { aws_rds: 3306, aws_elasticache: 6379 };

/**
 * Ingress opened to the internet by construct methods: `sg.addIngressRule(Peer.anyIpv4(), Port.tcp(5432))`,
 * `db.connections.allowFrom(Peer.anyIpv4(), Port.tcp(5432))`, `db.connections.allowDefaultPortFromAnyIpv4()` and
 * `db.connections.allowDefaultPortFrom(Peer.anyIpv4())`. `argumentsText` reads a call's arguments in place of the
 * written text (`cdkHeldArguments.ts`: names that hold the peer or the port).
 */
export function cdkIngress(contexts: readonly OptionContext[], argumentsText?: (option: OptionOccurrence) => string): IngressRule[] {
  const rules: IngressRule[] = [];
  for (const context of contexts) {
    if (context.kind !== 'cdk' || context.options.length !== 1) {
      continue;
    }
    const option = context.options[0];
    if (!INGRESS_METHODS.test(option.name)) {
      continue;
    }
    const text = argumentsText ? argumentsText(option) : option.literal.kind === 'expr' ? option.literal.text : '';
    let ports: { from: number; to: number } | undefined;
    if (/^(?:addIngressRule|add_ingress_rule|allowFrom|allow_from|allowFromAnyIpv4|allow_from_any_ipv4)$/.test(option.name)) {
      const open = option.name.toLowerCase().replace(/_/g, '').endsWith('anyipv4') || OPEN_PEER.test(text);
      ports = open ? portRange(text) : undefined;
    } else if (/^(?:allowDefaultPortFromAnyIpv4|allow_default_port_from_any_ipv4)$/.test(option.name) || (/^(?:allowDefaultPortFrom|allow_default_port_from)$/.test(option.name) && OPEN_PEER.test(text))) {
      const port = DEFAULT_PORTS[context.type.split('.')[0]];
      ports = port ? { from: port, to: port } : undefined;
    }
    if (ports) {
      const span: Span = option.key;
      rules.push({ kind: 'cdk', protocol: 'tcp', fromPort: ports.from, toPort: ports.to, openSources: [span] });
    }
  }
  return rules;
}

/** Ingress entries of the L1 security group constructs, named as the CloudFormation properties are. */
const CFN_INGRESS_FIELDS: Record<string, Exclude<keyof IngressFields, 'storePort'> | 'source'> = { ipprotocol: 'protocol', fromport: 'fromPort', toport: 'toPort', cidrip: 'source', cidripv6: 'source' };

/** The object literal of a construct's props: Python's keyword arguments, or the `{ ... }` among JavaScript's arguments; -1 if none. */
function propsGroup(a: CodeAnalyzer, open: number, close: number): number {
  let props = a.language.family === 'python' ? open : -1;
  for (let k = open + 1; props < 0 && k < close; k = a.skipGroup(k)) {
    if (a.is(k, '{') && a.parent[k] === open) {
      props = k;
    }
  }
  return props;
}

/**
 * The password variables of a Lambda construct's `environment` written in place (`environment: { DB_PASSWORD: '...' }`,
 * `environment={"DB_PASSWORD": ...}`, and `CfnFunction`'s `environment: { variables: {...} }`); see lambdaEnvironment.
 */
export function cdkEnvironmentPasswords(a: CodeAnalyzer, construct: string, open: number, close: number): OptionOccurrence[] {
  const props = propsGroup(a, open, close);
  let variables = props < 0 ? -1 : propertyValue(a, props, 'environment');
  if (variables >= 0 && construct === 'aws_lambda.CfnFunction' && a.is(variables, '{')) {
    variables = propertyValue(a, variables, 'variables');
  }
  // `environment: env` with `const env = { ... }` in scope: the object it holds.
  const whole = variables >= 0 && a.isId(variables) && (a.is(variables + 1, ',') || a.is(variables + 1, '}') || a.is(variables + 1, ')'));
  if (whole) {
    return environmentPasswords(variableContext(a, variables, 'cdk', construct, a.tokenSpan(variables))?.options ?? []);
  }
  if (variables < 0 || !a.is(variables, '{')) {
    return [];
  }
  return environmentPasswords(contextFrom(a, variables, a.partner[variables], 'cdk', construct, a.tokenSpan(variables)).options);
}

/**
 * Ingress written on the L1 constructs, as in a template: `CfnSecurityGroup` with `securityGroupIngress`
 * entries (object literals, dicts or `CfnSecurityGroup.IngressProperty(...)`), and `CfnSecurityGroupIngress`
 * props, between the brackets of the construct's call.
 */
export function cfnIngress(a: CodeAnalyzer, construct: string, open: number, close: number): IngressRule[] {
  const props = propsGroup(a, open, close);
  if (props < 0) {
    return [];
  }
  const entries: number[] = [];
  if (construct === 'aws_ec2.CfnSecurityGroupIngress') {
    entries.push(props);
  } else {
    const list = propertyValue(a, props, 'securitygroupingress');
    for (let k = list >= 0 && a.is(list, '[') ? list + 1 : a.tokens.length; k < a.partner[list]; k = a.skipGroup(k)) {
      if (a.is(k, '{') || a.is(k, '(')) {
        entries.push(k);
      }
    }
  }
  const rules: IngressRule[] = [];
  for (const entry of entries) {
    const rule = openIngress('cdk', ingressFields(a, entry));
    if (rule) {
      rules.push(rule);
    }
  }
  return rules;
}

function ingressFields(a: CodeAnalyzer, group: number): IngressFields {
  const fields: IngressFields = { sources: [] };
  const close = a.partner[group];
  for (let k = group + 1; k < close; k = a.skipGroup(k)) {
    const field = (a.isId(k) || a.isString(k)) && (a.is(k + 1, ':') || a.is(k + 1, '=')) ? CFN_INGRESS_FIELDS[normalizeName(a.tokens.text(k))] : undefined;
    if (!field) {
      continue;
    }
    const end = valueEnd(a, k + 2, close);
    const { literal } = literalOf(a, k + 2, end);
    if (field === 'source') {
      fields.sources.push({ literal, span: a.span(k + 2, end - 1) });
    } else if (field !== 'sources') {
      fields[field] = literal;
    }
    k = end - 1;
  }
  return fields;
}
