/**
 * What a security group protects, as far as one template or Terraform module shows. A rule that opens
 * every port, or a range not aimed at one engine, to the internet exposes a database only through a
 * group that a database or cache uses; when the template or module attaches the group only to other
 * resources (a load balancer, a service, an endpoint), the open-ingress rules have nothing to say
 * about it. Terraform reads a module's files as one document, so in workspace mode the other `.tf`
 * files of the folder count too; CDK code counts one file's constructs (see `code/cdkGroupUse.ts`).
 */
import { IngressRule } from '../model';
import { nameWords } from '../nameWords';

/** Resource types and CDK constructs that hold data on a database or cache port (RDS, Aurora, ElastiCache and their kin). */
const DATA_STORE = /^(?:AWS::(?:RDS|ElastiCache|DocDB|Neptune|MemoryDB|Redshift)::|aws_(?:db_|rds_|elasticache_|docdb_|neptune_|memorydb_|redshift_)|aws_(?:rds|elasticache|docdb|docdbelastic|neptune|neptunegraph|memorydb|redshift|redshiftserverless)\.)/;

/**
 * A reference to a Terraform security group, as an expression or inside a string's interpolation: a
 * resource (`aws_security_group.db`, a VPC's default group that Terraform adopts: `aws_default_security_group.default`), or a module (`module.db_sg.security_group_id`), which names the group
 * a security-group module block makes; the key is the first two parts (`module.db_sg`). A reference to any
 * other module is keyed the same way and matters only where a module block has rules of its own.
 */
export const GROUP_REFERENCE = /\b(aws_security_group|aws_default_security_group|module)\.([A-Za-z_][A-Za-z0-9_-]*)/g;

/** The first word of a reference that may name a security group (see GROUP_REFERENCE). */
export function namesGroup(word: string): boolean {
  return word === 'aws_security_group' || word === 'aws_default_security_group' || word === 'module';
}

/**
 * Keys under which a module's inputs or a rule object name the group a rule admits, not one the resource joins:
 * `allowed_security_groups` of the Aurora module up to v7, `source_security_group_id` of its v8–v9
 * `security_group_rules`, `referenced_security_group_id` of v10's `security_group_ingress_rules`, cloudposse's
 * `allowed_security_group_ids`, an `aws_security_group_rule`'s `source_security_group_id`.
 */
const PEER_KEY = /^(?:allowed|source|referenced)_(?:security_groups?|security_group_ids?|sgs?|sg_ids?)$/;

/** Whether a key names the peer group a rule admits (see PEER_KEY). */
export function namesPeerGroup(key: string): boolean {
  return PEER_KEY.test(key);
}

/** Security groups and their rules name other groups as peers, which attaches nothing. */
const GROUP_RULES = /^(?:AWS::EC2::SecurityGroup|aws_security_group|aws_default_security_group|aws_vpc_security_group_)/;

/**
 * The default ports of the engines the open-ingress rules watch: MySQL, MariaDB and Aurora MySQL,
 * PostgreSQL, SQL Server, Oracle, Db2, Redis OSS and Valkey, Memcached.
 */
const ENGINE_PORTS = [3306, 5432, 1433, 1521, 50000, 6379, 11211];

/** Does a rule open every port (all traffic, or the whole TCP range)? */
export function opensEveryPort(rule: IngressRule): boolean {
  return rule.fromPort !== undefined && rule.toPort !== undefined && rule.fromPort <= 1 && rule.toPort >= 65535;
}

/** Ranges wider than this are not aimed at one engine's port, whatever they hold (ECS's dynamic host ports 32768-65535 hold Db2's 50000). */
const MAX_AIMED_RANGE = 1024;

/**
 * Is the rule not aimed at one database: every port, a range that spans the default ports of two
 * engines or more (`0-8888`), or one of more than 1,024 ports? A rule for one engine's port (`5432`,
 * `6379-6380`, `50000-50010`) stays aimed at it.
 */
export function opensBroadRange(rule: IngressRule): boolean {
  const { fromPort, toPort } = rule;
  if (fromPort === undefined || toPort === undefined) {
    return false;
  }
  return opensEveryPort(rule) || toPort - fromPort >= MAX_AIMED_RANGE || ENGINE_PORTS.filter((port) => fromPort <= port && port <= toPort).length >= 2;
}

/** Words naming a role that holds no data: load balancers, proxies, bastions, container and function hosts, endpoints. */
const OTHER_ROLES = new Set(['lb', 'alb', 'elb', 'nlb', 'loadbalancer', 'balancer', 'bastion', 'jump', 'jumpbox', 'jumphost', 'proxy', 'envoy', 'istio', 'squid', 'nginx', 'web', 'webserver', 'vpn', 'nat', 'endpoint', 'eks', 'k8s', 'kubernetes', 'ecs', 'fargate', 'lambda', 'ec2', 'asg', 'frontend']);
/** Words naming a data store: a group whose names hold one may guard a database or cache, whatever else they say. */
const DATA_ROLES = new Set(['db', 'database', 'rds', 'aurora', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb', 'sql', 'mssql', 'oracle', 'redis', 'valkey', 'cache', 'elasticache', 'memcached', 'memcache', 'docdb', 'neptune', 'memorydb', 'redshift', 'data']);

/**
 * Whether a security group's own names (its identifier, its `name` and its description) say it serves something
 * that holds no data (`LoadBalancerSG`, `alb_sg`, "Security group for the bastion host") and name no data store.
 */
export function namedForOthers(texts: readonly string[]): boolean {
  let other = false;
  for (const text of texts) {
    for (const word of nameWords(text)) {
      const singular = word.endsWith('s') ? word.slice(0, -1) : word;
      if (DATA_ROLES.has(word) || DATA_ROLES.has(singular)) {
        return false;
      }
      other ||= OTHER_ROLES.has(word) || OTHER_ROLES.has(singular);
    }
  }
  return other;
}

/** Whether a resource type (or CDK construct) holds data on a database or cache port. */
export function isDataStore(type: string): boolean {
  return DATA_STORE.test(type);
}

/** The consumer a `module` block is when the workspace shows its folder holds no data store: it serves others. */
export const MODULE_WITHOUT_DATA_STORE = 'module';

/** Resource types and CDK constructs of the caches among the data stores: ElastiCache and MemoryDB. */
const CACHE = /^(?:AWS::(?:ElastiCache|MemoryDB)::|aws_(?:elasticache_|memorydb_)|aws_(?:elasticache|memorydb)\.)/;

/** What a group may serve, as bits: a database (RDS, Aurora and their kin), a cache; none is other resources only. */
export const EXPOSES_DATABASE = 1;
export const EXPOSES_CACHE = 2;
export const EXPOSES_EITHER = EXPOSES_DATABASE | EXPOSES_CACHE;

/**
 * What a resource of type `consumer` that refers to a group says it may serve: undefined for a group's own
 * rules (naming a peer attaches nothing), 0 for a resource that is not a data store, the kind of a data store,
 * and either kind for a consumer of unknown kind (a module of the project might hold a database or a cache).
 */
export function exposureOf(consumer: string | undefined): number | undefined {
  if (consumer !== undefined && GROUP_RULES.test(consumer)) {
    return undefined;
  }
  if (consumer === undefined) {
    return EXPOSES_EITHER;
  }
  return !DATA_STORE.test(consumer) ? 0 : CACHE.test(consumer) ? EXPOSES_CACHE : EXPOSES_DATABASE;
}

/** Whether a resource of type `consumer` that refers to a group is something other than a data store (undefined: a group's own rule). */
export function servesOthers(consumer: string | undefined): boolean | undefined {
  const exposure = exposureOf(consumer);
  return exposure === undefined ? undefined : exposure === 0;
}

export class GroupUses {
  /** Per group: what the resources seen using it may serve (see `exposureOf`). */
  private readonly exposures = new Map<string, number>();
  private readonly rules: { rule: IngressRule; group: string }[] = [];
  /** The kinds of data store the document declares (see `declare`). */
  private declared = 0;
  /** Groups a CloudFormation group's inline rules, or a Terraform block's peer inputs (`namesPeerGroup`), name as their source: the clients' side of a rule. */
  private readonly sources = new Set<string>();
  /** The names each group goes by (see `name`). */
  private readonly names = new Map<string, string[]>();

  /** An ingress rule of `group` (a logical id or `aws_security_group.name`). */
  rule(rule: IngressRule, group: string | undefined): void {
    if (group !== undefined) {
      this.rules.push({ rule, group });
    }
  }

  /** Names `group` goes by: its identifier, its `name` and its description, as written. */
  name(group: string | undefined, texts: readonly string[]): void {
    if (group !== undefined) {
      this.names.set(group, [...(this.names.get(group) ?? []), ...texts]);
    }
  }

  /** The document declares a resource of type `type`, or a module that may make the data stores of `kinds`. */
  declare(type: string | undefined, kinds = exposureOf(type) ?? 0): void {
    this.declared |= kinds;
  }

  /** A block names `group` as the peer its rules admit (`allowed_security_groups`): the clients' group. */
  admitted(group: string): void {
    this.sources.add(group);
  }

  /**
   * A resource of type `consumer` refers to `group`. A consumer of unknown kind (a module of the
   * project) might be a database or a cache, so it counts as both.
   */
  use(group: string, consumer: string | undefined): void {
    if (consumer === 'AWS::EC2::SecurityGroup') {
      // A group resource refers to other groups only as the peers its rules admit (a rule on itself needs a separate resource).
      this.sources.add(group);
    }
    const exposure = exposureOf(consumer);
    if (exposure !== undefined) {
      this.exposures.set(group, exposure | (this.exposures.get(group) ?? 0));
    }
  }

/**
   * Marks the rules whose group the document attaches to other resources only, and the kinds of data store
   * a group that serves some may serve. `elsewhere` tells, as the same bits, what
   * the other files of a Terraform module do with a group: true when they attach it to other resources
   * only, false when to a data store or a module, undefined when they do not use it.
   *
   * A group nothing attaches that another group of the template admits as its source is the clients' group, which
   * serves no data store; so is one whose own names say it serves a load balancer, a proxy or a bastion (`namedForOthers`). Any other group nothing attaches, in a template or module whose data stores are all of one kind (a cache module's
   * unattached every-port group), can only come to serve that kind there: `nearby` adds the kinds the other
   * files of a Terraform module declare. Where the workspace shows the whole module (`handedOut` is given) and it
   * declares no data store, an unattached group that no output hands out and no data source may look up serves
   * no database or cache at all.
   */
  settle(elsewhere?: (group: string) => number | undefined, nearby = 0, handedOut?: (group: string) => boolean): void {
    const declared = this.declared | nearby;
    const named = new Map<string, boolean>();
    const namedForOthersOnce = (group: string): boolean => named.get(group) ?? named.set(group, namedForOthers(this.names.get(group) ?? [])).get(group)!;
    for (const { rule, group } of this.rules) {
      const here = this.exposures.get(group);
      const there = elsewhere?.(group);
      if (here === undefined && there === undefined) {
        if (this.sources.has(group) || namedForOthersOnce(group)) {
          // Attached to nothing here and admitted into another group: the clients' group (a Lambda's, given to another stack).
          rule.servesOthersOnly = true;
        } else if (declared === EXPOSES_CACHE || declared === EXPOSES_DATABASE) {
          rule.exposes = declared;
        } else if (declared === 0 && handedOut && !handedOut(group)) {
          rule.servesOthersOnly = true;
        }
        continue;
      }
      const exposure = (here ?? 0) | (there ?? 0);
      if (exposure === 0) {
        rule.servesOthersOnly = true;
      } else {
        rule.exposes = exposure;
      }
    }
  }
}
