/**
 * What the engine knows about registry modules for our services (terraform-aws-modules, and cloudposse's
 * elasticache-redis): which resource a module creates, which inputs set which resource argument, the
 * input defaults that decide what an absent input means, and the ingress a module opens. Facts from each
 * module's variables.tf and main.tf (current major, and the previous major where an input was renamed);
 * no module code. Also the named rules of the terraform-aws-modules security-group module.
 */
import { Literal, OptionOccurrence } from '../model';
import { normalizeName } from '../types';

export interface RegistryModule {
  /** The resource the module's inputs configure. */
  resource: string;
  /** Inputs whose resource argument has another name (new and old names both listed). */
  renamed: Record<string, string>;
  /**
   * Settings of a second resource (Aurora instances), with its type: inputs of the module, or keys
   * inside the objects of one map input (`instances`).
   */
  second?: { resource: string; inputs: readonly string[]; perInstance?: string };
  /** Input defaults that matter to the rules, by resource argument name. */
  defaults: Record<string, boolean | number | string>;
  /** When an input switches the module to another resource (ElastiCache: a cluster instead of a replication group). */
  resourceFor?(options: readonly OptionOccurrence[]): string;
  /** The inputs that reach the resource, where the module overrides some under another input. */
  effective?(options: readonly OptionOccurrence[]): OptionOccurrence[];
  /**
   * A security group the module creates and opens to the CIDR blocks of one input, on the port of
   * another (or its default), unless an input (with its default) turns the group off.
   */
  ingress?: { sources: string; port: string; defaultPort: number; createdBy: readonly { input: string; creates: boolean; byDefault: boolean }[] };
}

/** A boolean input's literal value, its default when absent, undefined when not a literal. */
function flag(options: readonly OptionOccurrence[], input: string, byDefault: boolean): boolean | undefined {
  const literal = options.find((option) => option.name === input)?.literal;
  return !literal ? byDefault : literal.kind === 'bool' ? literal.value : undefined;
}

/** By registry source (`namespace/name/provider`). */
const MODULES: Record<string, RegistryModule> = {
  // terraform-aws-rds v7. v6 took `password`, v7 takes `password_wo`: both are also argument names
  // of aws_db_instance, so both reach the master password rule as they are.
  'terraform-aws-modules/rds/aws': {
    resource: 'aws_db_instance',
    renamed: {},
    defaults: {
      storage_encrypted: true,
      publicly_accessible: false,
      deletion_protection: false,
      skip_final_snapshot: false,
      multi_az: false,
      iam_database_authentication_enabled: false,
      manage_master_user_password: true,
      auto_minor_version_upgrade: true,
      performance_insights_enabled: false,
      monitoring_interval: 0,
    },
  },
  // terraform-aws-rds-aurora v10 (`master_password_wo`; v9 took `master_password`, both argument
  // names of aws_rds_cluster). v9 took the instance settings below as inputs; v10 takes them per
  // instance, as keys of the objects in the `instances` map (v9 read some keys there too).
  'terraform-aws-modules/rds-aurora/aws': {
    resource: 'aws_rds_cluster',
    renamed: {},
    second: {
      resource: 'aws_rds_cluster_instance',
      inputs: ['publicly_accessible', 'monitoring_interval', 'performance_insights_enabled', 'auto_minor_version_upgrade'],
      perInstance: 'instances',
    },
    defaults: { storage_encrypted: true, skip_final_snapshot: false, manage_master_user_password: true },
  },
  // terraform-aws-dynamodb-table v5 (the same names in v4).
  'terraform-aws-modules/dynamodb-table/aws': {
    resource: 'aws_dynamodb_table',
    renamed: {
      point_in_time_recovery_enabled: 'point_in_time_recovery',
      server_side_encryption_enabled: 'server_side_encryption',
      ttl_enabled: 'ttl',
    },
    defaults: { billing_mode: 'PAY_PER_REQUEST', point_in_time_recovery: false, server_side_encryption: false, ttl: false, stream_enabled: false },
  },
  // terraform-aws-elasticache v1: a replication group unless create_replication_group = false.
  'terraform-aws-modules/elasticache/aws': {
    resource: 'aws_elasticache_replication_group',
    renamed: {},
    defaults: { engine: 'redis', transit_encryption_enabled: true, at_rest_encryption_enabled: true, multi_az_enabled: false },
    resourceFor(options) {
      const create = options.find((option) => option.norm === 'createreplicationgroup')?.literal;
      return create?.kind === 'bool' && !create.value ? 'aws_elasticache_cluster' : 'aws_elasticache_replication_group';
    },
  },
  // cloudposse/elasticache-redis (v1): a replication group, or a serverless cache with `serverless_enabled`.
  // In cluster mode the module turns automatic failover on and ignores `cluster_size`. Its security group
  // admits `allowed_cidr_blocks` on `port` (6379) unless it uses existing groups instead.
  'cloudposse/elasticache-redis/aws': {
    resource: 'aws_elasticache_replication_group',
    renamed: { cluster_size: 'num_cache_clusters', instance_type: 'node_type', cluster_mode_num_node_groups: 'num_node_groups', cluster_mode_replicas_per_node_group: 'replicas_per_node_group' },
    defaults: { engine: 'redis', transit_encryption_enabled: true, at_rest_encryption_enabled: false, automatic_failover_enabled: false, multi_az_enabled: false, snapshot_retention_limit: 0 },
    resourceFor(options) {
      return flag(options, 'serverless_enabled', false) === true ? 'aws_elasticache_serverless_cache' : 'aws_elasticache_replication_group';
    },
    effective(options) {
      // Unless cluster mode is known to be off, failover and the node count may not be what the inputs say.
      return flag(options, 'cluster_mode_enabled', false) === false ? [...options] : options.filter((option) => option.name !== 'automatic_failover_enabled' && option.name !== 'cluster_size');
    },
    ingress: {
      sources: 'allowed_cidr_blocks',
      port: 'port',
      defaultPort: 6379,
      createdBy: [
        { input: 'create_security_group', creates: true, byDefault: true },
        { input: 'use_existing_security_groups', creates: false, byDefault: false },
      ],
    },
  },
};

/** Whether a module's own security group is created, by its inputs; undefined when an input is not a literal. */
export function createsSecurityGroup(module: RegistryModule, options: readonly OptionOccurrence[]): boolean | undefined {
  let creates: boolean | undefined = true;
  for (const switch_ of module.ingress?.createdBy ?? []) {
    const value = flag(options, switch_.input, switch_.byDefault);
    creates = value === undefined ? undefined : creates === undefined ? undefined : creates && value === switch_.creates;
  }
  return creates;
}

/**
 * Named rules of the terraform-aws-modules security-group module (rules.tf: `[from, to, protocol]`),
 * those on database and cache ports and the catch-all ones.
 */
export const SECURITY_GROUP_RULES: Record<string, { from: number; to: number; protocol: string }> = {
  'mysql-tcp': { from: 3306, to: 3306, protocol: 'tcp' },
  'postgresql-tcp': { from: 5432, to: 5432, protocol: 'tcp' },
  'mssql-tcp': { from: 1433, to: 1433, protocol: 'tcp' },
  'oracle-db-tcp': { from: 1521, to: 1521, protocol: 'tcp' },
  'redis-tcp': { from: 6379, to: 6379, protocol: 'tcp' },
  'memcached-tcp': { from: 11211, to: 11211, protocol: 'tcp' },
  'all-all': { from: -1, to: -1, protocol: '-1' },
  'all-tcp': { from: 0, to: 65535, protocol: 'tcp' },
};

/** Rules each submodule (`//modules/postgresql`) adds by itself (`auto_ingress_rules`). */
const SECURITY_GROUP_SUBMODULES: Record<string, readonly string[]> = {
  mysql: ['mysql-tcp'],
  postgresql: ['postgresql-tcp'],
  mssql: ['mssql-tcp'],
  'oracle-db': ['oracle-db-tcp'],
  redis: ['redis-tcp'],
  memcached: ['memcached-tcp'],
};

/**
 * The terraform-aws-modules security-group module (registry, registry host or GitHub source), or one of
 * its database submodules: the rules it adds by itself. Undefined for any other source.
 */
export function securityGroupModule(source: string): { autoRules: readonly string[] } | undefined {
  let value = source.trim();
  const query = value.indexOf('?');
  if (query >= 0) {
    value = value.slice(0, query);
  }
  value = value.replace(/^registry\.terraform\.io\//, '').replace(/^(?:git::)?(?:https:\/\/)?github\.com\/terraform-aws-modules\/terraform-aws-security-group(?:\.git)?(?=\/\/|$)/, 'terraform-aws-modules/security-group/aws');
  const match = /^terraform-aws-modules\/security-group\/aws(?:\/\/modules\/([a-z0-9-]+))?$/.exec(value);
  if (!match) {
    return undefined;
  }
  const submodule = match[1];
  if (submodule === undefined) {
    return { autoRules: [] };
  }
  const autoRules = SECURITY_GROUP_SUBMODULES[submodule];
  return autoRules ? { autoRules } : undefined;
}

/** Registry, registry-host and GitHub spellings of a module source, reduced to `namespace/name/provider`, for the modules the rules know. */
export function registrySource(source: string): string | undefined {
  const value = normalizedModuleSource(source);
  return MODULES[value] ? value : undefined;
}

/** A module source without its version query, registry host or `.git`; terraform-aws-modules GitHub sources as `terraform-aws-modules/<name>/aws`. */
export function normalizedModuleSource(source: string): string {
  let value = source.trim();
  const query = value.indexOf('?');
  if (query >= 0) {
    value = value.slice(0, query);
  }
  value = value.replace(/^registry\.terraform\.io\//, '').replace(/\.git$/, '');
  const github = /^(?:git::)?(?:https:\/\/)?github\.com\/(terraform-aws-modules|cloudposse)\/terraform-aws-([a-z0-9-]+)$/.exec(value);
  if (github) {
    value = `${github[1]}/${github[2]}/aws`;
  }
  return value;
}

export function registryModule(source: string): RegistryModule | undefined {
  return MODULES[source];
}

/** The resource argument an input sets. */
export function argumentOf(module: RegistryModule, input: string): string {
  return module.renamed[input] ?? input;
}

/** Defaults as literals by normalised argument name, for OptionContext.defaults. */
export function defaultLiterals(module: RegistryModule): Map<string, Literal> {
  const map = new Map<string, Literal>();
  for (const [name, value] of Object.entries(module.defaults)) {
    map.set(normalizeName(name), typeof value === 'string' ? { kind: 'str', value } : typeof value === 'number' ? { kind: 'num', value } : { kind: 'bool', value });
  }
  return map;
}
