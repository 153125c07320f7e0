/**
 * What the engine knows about registry modules for our services (terraform-aws-modules, and cloudposse's
 * dynamodb, elasticache-redis, rds and rds-cluster): which resource a module creates, which inputs set which resource argument, the
 * input defaults that decide what an absent input means, and the ingress a module opens. Facts from each
 * module's variables.tf and main.tf (current major, and the previous major where an input was renamed);
 * no module code. Also the named rules of the terraform-aws-modules security-group module.
 */
import { Literal, OptionOccurrence } from '../model';
import { normalizeName } from '../types';
import { ModuleInputTarget } from '../workspace/types';
import { withoutPrototype } from '../sourceKeyed';

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
  /** Input defaults that matter to the rules, by resource argument name (the current major). */
  defaults: Record<string, boolean | number | string>;
  /**
   * Arguments whose default above differs from what the resource gives when the argument is left out (the API's
   * or the provider's default): a block that leaves the input out gets the module's choice, read as written.
   */
  chosen?: readonly string[];
  /**
   * Defaults of older releases where they differ: each holds for the releases below `before`. Read
   * only when the module block's `version` (or a git source's `ref`) rules out every later release.
   */
  earlierDefaults?: readonly { before: Release; defaults: Record<string, boolean | number | string> }[];
  /** Arguments whose default does not hold under these inputs (the module sets them from another input). */
  unsetDefaults?(options: readonly OptionOccurrence[]): readonly string[];
  /** When an input switches the module to another resource (ElastiCache: a cluster instead of a replication group). */
  resourceFor?(options: readonly OptionOccurrence[]): string;
  /** The inputs as they reach the resource, where the module overrides some under another input (or in the release `newest` caps). */
  effective?(options: readonly OptionOccurrence[], newest?: Release): OptionOccurrence[];
  /** The security group the module creates for the resource, and what it admits. */
  securityGroup?: ModuleSecurityGroup;
}

/** A release as `[major, minor, patch]`; `Infinity` where a constraint leaves a part open (`~> 2.0` allows every 2.x). */
export type Release = readonly [number, number, number];

export interface ModuleSecurityGroup {
  /** Inputs that decide whether the group is created: the value that creates it, and the input's default. */
  createdBy: readonly { input: string; creates: boolean; byDefault: boolean }[];
  /** The port the group's rules use unless they say otherwise, from the inputs; undefined when unknown. */
  port(options: readonly OptionOccurrence[]): number | undefined;
  /** An input of CIDR blocks admitted on that port (cloudposse's `allowed_cidr_blocks`). */
  cidrInput?: string;
  /** The input the port is read from, where one input alone sets it. */
  portFrom?: string;
  /** Inputs of rule objects (a map or a list) and the keys of a rule, one entry per major version's spelling. */
  ruleInputs?: readonly RuleInput[];
}

export interface RuleInput {
  input: string;
  /** The protocol key (`tcp` when absent). */
  protocol: string;
  /** Keys of the source CIDR blocks (a string or a list of strings). */
  sources: readonly string[];
  /** Rules carry a `type` (`ingress` when absent); the others are all ingress. */
  typed: boolean;
  /** An absent `to_port` is `from_port` (else the group's port). */
  toFollowsFrom: boolean;
}

/** A boolean input's literal value, its default when absent, undefined when not a literal. */
function flag(options: readonly OptionOccurrence[], input: string, byDefault: boolean): boolean | undefined {
  const literal = options.find((option) => option.name === input)?.literal;
  return !literal ? byDefault : literal.kind === 'bool' ? literal.value : undefined;
}

/**
 * Inputs with the value the module sets instead: `value` where another input is known to override
 * them, an unknown value where it may (its hover stays, its value no longer counts).
 */
function overridden(options: readonly OptionOccurrence[], names: readonly string[], override: boolean | undefined, value: Literal): OptionOccurrence[] {
  if (override === false) {
    return [...options];
  }
  const literal: Literal = override ? value : { kind: 'expr', text: 'set by the module' };
  return options.map((option) => (names.includes(option.name) ? { ...option, literal, literalSpan: undefined } : option));
}

/** Whether either boolean input is true: undefined when one is not a literal and the other is not true. */
function either(options: readonly OptionOccurrence[], first: string, second: string): boolean | undefined {
  const a = flag(options, first, false);
  const b = flag(options, second, false);
  return a === true || b === true ? true : a === undefined || b === undefined ? undefined : false;
}

/**
 * Whether a terraform-aws-modules database module ignores the master password it is given: it passes it
 * on only with `manage_master_user_password = false` (rds v6 on, rds-aurora v8 on) or
 * `create_random_password = false` (rds v4 and v5, rds-aurora v3 to v7), both true by default, and
 * always in releases before `switchedIn`. Undefined when a switch is not a literal.
 */
function passwordIgnored(options: readonly OptionOccurrence[], newest: Release | undefined, switchedIn: Release): boolean | undefined {
  const switches = ['manage_master_user_password', 'create_random_password'].map((input) => options.find((option) => option.name === input)?.literal).filter((literal) => literal !== undefined);
  if (switches.some((literal) => literal.kind === 'bool' && !literal.value)) {
    return false;
  }
  if (switches.some((literal) => literal.kind !== 'bool')) {
    return undefined;
  }
  return switches.length > 0 || !newest || compareReleases(newest, switchedIn) >= 0;
}

/** The module's own replacement for a master password it ignores: unknown, so no rule reads the literal. */
const SET_BY_MODULE: Literal = { kind: 'expr', text: 'set by the module' };

/** A string input's literal value, '' when absent, undefined when not a literal. */
function text(options: readonly OptionOccurrence[], input: string): string | undefined {
  const literal = options.find((option) => option.name === input)?.literal;
  return !literal ? '' : literal.kind === 'str' ? literal.value : undefined;
}

/** A port input's literal value (a number, or a string of digits), undefined when absent or not a literal. */
function portInput(options: readonly OptionOccurrence[], input: string): number | undefined {
  const literal = options.find((option) => option.name === input)?.literal;
  if (literal?.kind === 'num') {
    return literal.value;
  }
  return literal?.kind === 'str' && /^\d{1,5}$/.test(literal.value) ? Number(literal.value) : undefined;
}

/** An input given a value other than null (a literal or not). */
function given(options: readonly OptionOccurrence[], input: string): boolean {
  const literal = options.find((option) => option.name === input)?.literal;
  return literal !== undefined && literal.kind !== 'none';
}

/**
 * What cloudposse's elasticache-redis passes as null when the group joins a global datastore, whose own
 * settings they are (https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_GlobalReplicationGroup.html).
 */
const GLOBAL_DATASTORE_SETTINGS = ['engine', 'engine_version', 'transit_encryption_enabled', 'at_rest_encryption_enabled'];

/** `create` and `create_security_group`, both true by default (the terraform-aws-modules spelling). */
const CREATED_BY = [
  { input: 'create', creates: true, byDefault: true },
  { input: 'create_security_group', creates: true, byDefault: true },
];

/** By registry source (`namespace/name/provider`). */
const MODULES: Record<string, RegistryModule> = withoutPrototype({
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
    // Its variables.tf by tag: storage_encrypted defaulted to false before v4.0.0.
    earlierDefaults: [{ before: [4, 0, 0], defaults: { storage_encrypted: false } }],
    effective(options, newest) {
      return overridden(options, ['password', 'password_wo'], passwordIgnored(options, newest, [4, 0, 0]), SET_BY_MODULE);
    },
  },
  // terraform-aws-rds-aurora v10 (`master_password_wo`; v9 took `master_password`, both argument
  // names of aws_rds_cluster). v9 took the instance settings below as inputs; v10 takes them per
  // instance, as keys of the objects in the `instances` map (v9 read some keys there too).
  'terraform-aws-modules/rds-aurora/aws': {
    resource: 'aws_rds_cluster',
    // v5 and older took the master password as `password`, v6 to v9 as `master_password`, v10 as
    // `master_password_wo`. A global cluster's member (v10) takes it even when the password is managed:
    // not read here, so the literal stays unknown.
    // v9 and v10 set the cluster's Performance Insights and Enhanced Monitoring from `cluster_*` inputs,
    // and the instances' from them too unless an instance sets its own (v10 variables.tf, main.tf).
    // Each instance's class is its `instances` entry's, else `cluster_instance_class` (v10), `instance_class` (v6 to v9)
    // or `instance_type` (v1 to v5).
    renamed: { password: 'master_password', cluster_performance_insights_enabled: 'performance_insights_enabled', cluster_monitoring_interval: 'monitoring_interval', cluster_instance_class: 'instance_class', instance_type: 'instance_class' },
    effective(options, newest) {
      const ignored = given(options, 'global_cluster_identifier') ? undefined : passwordIgnored(options, newest, [3, 0, 0]);
      return overridden(options, ['password', 'master_password', 'master_password_wo'], ignored, SET_BY_MODULE);
    },
    second: {
      resource: 'aws_rds_cluster_instance',
      inputs: ['publicly_accessible', 'monitoring_interval', 'cluster_monitoring_interval', 'performance_insights_enabled', 'auto_minor_version_upgrade', 'instance_class', 'cluster_instance_class', 'instance_type'],
      perInstance: 'instances',
    },
    defaults: { storage_encrypted: true, skip_final_snapshot: false, manage_master_user_password: true },
    // Its security group's rules default to the cluster's port: `port`, else 5432 for PostgreSQL engines
    // and 3306 otherwise. v10 takes `security_group_ingress_rules`, v9 took `security_group_rules`;
    // v1 to v7 admitted `allowed_cidr_blocks` on that port (an input v8 removed, so only older callers write it).
    securityGroup: {
      createdBy: CREATED_BY,
      port(options) {
        const engine = text(options, 'engine');
        const fallback = engine === undefined ? undefined : engine === 'aurora-postgresql' || engine === 'postgres' ? 5432 : 3306;
        return options.some((option) => option.name === 'port') ? portInput(options, 'port') : fallback;
      },
      cidrInput: 'allowed_cidr_blocks',
      ruleInputs: [
        { input: 'security_group_ingress_rules', protocol: 'ip_protocol', sources: ['cidr_ipv4', 'cidr_ipv6'], typed: false, toFollowsFrom: true },
        { input: 'security_group_rules', protocol: 'protocol', sources: ['cidr_blocks', 'ipv6_cidr_blocks'], typed: true, toFollowsFrom: false },
      ],
    },
  },
  // cloudposse/rds v1: a DB instance. It passes the password on unless the instance is a read replica, and
  // its security group admits `allowed_cidr_blocks` on `database_port`.
  'cloudposse/rds/aws': {
    resource: 'aws_db_instance',
    renamed: { database_password: 'password', database_user: 'username', database_port: 'port' },
    // Its variables.tf by tag: storage_encrypted defaults to true from 0.31.0, to false before. Every release
    // defaults backup_retention_period to 0 (no automated backups, where CreateDBInstance keeps one day:
    // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.BackupRetention.html)
    // and skip_final_snapshot to true (aws_db_instance's own default is false).
    defaults: { storage_encrypted: true, backup_retention_period: 0, skip_final_snapshot: true },
    chosen: ['backup_retention_period', 'skip_final_snapshot'],
    earlierDefaults: [{ before: [0, 31, 0], defaults: { storage_encrypted: false } }],
    effective(options) {
      return overridden(options, ['database_password'], given(options, 'replicate_source_db') ? undefined : false, SET_BY_MODULE);
    },
    securityGroup: {
      createdBy: [],
      port: (options) => portInput(options, 'database_port'),
      cidrInput: 'allowed_cidr_blocks',
      portFrom: 'database_port',
    },
  },
  // cloudposse/rds-cluster (0.x to v2, the same names): an Aurora cluster and its instances. The master
  // password is ignored under a managed password, and when the cluster restores a snapshot or replicates
  // another (v1 on). Its security group admits `allowed_cidr_blocks` on `db_port` (3306 by default).
  // `retention_period` is the cluster's backup retention, `rds_monitoring_interval` the instances'
  // Enhanced Monitoring interval, `instance_type` the instances' class unless Serverless v2 makes it
  // `db.serverless` (main.tf, 0.20.0 to v2.5.0).
  'cloudposse/rds-cluster/aws': {
    resource: 'aws_rds_cluster',
    renamed: {
      admin_password: 'master_password',
      admin_user: 'master_username',
      db_name: 'database_name',
      db_port: 'port',
      retention_period: 'backup_retention_period',
      rds_monitoring_interval: 'monitoring_interval',
      instance_type: 'instance_class',
    },
    second: { resource: 'aws_rds_cluster_instance', inputs: ['publicly_accessible', 'performance_insights_enabled', 'auto_minor_version_upgrade', 'rds_monitoring_interval', 'instance_type'] },
    // Every release skips the final snapshot unless told otherwise (aws_rds_cluster's own default is false).
    defaults: { skip_final_snapshot: true },
    chosen: ['skip_final_snapshot'],
    effective(options) {
      const restored = given(options, 'replication_source_identifier') || given(options, 'snapshot_identifier');
      const passedOn = !restored && flag(options, 'manage_admin_user_password', false) === false;
      return overridden(options, ['admin_password'], passedOn ? false : undefined, SET_BY_MODULE);
    },
    securityGroup: {
      createdBy: [],
      port: (options) => (options.some((option) => option.name === 'db_port') ? portInput(options, 'db_port') : 3306),
      cidrInput: 'allowed_cidr_blocks',
      portFrom: 'db_port',
    },
  },
  // terraform-aws-rds-proxy v4 (and v3): a DB proxy whose `require_tls` input defaults to true, unlike aws_db_proxy's argument.
  'terraform-aws-modules/rds-proxy/aws': { resource: 'aws_db_proxy', renamed: {}, defaults: { require_tls: true } },
  // terraform-aws-dynamodb-table v5 (the same names in v4).
  'terraform-aws-modules/dynamodb-table/aws': {
    resource: 'aws_dynamodb_table',
    renamed: {
      point_in_time_recovery_enabled: 'point_in_time_recovery',
      server_side_encryption_enabled: 'server_side_encryption',
      ttl_enabled: 'ttl',
      ttl_attribute_name: 'ttl',
      // The list of `{ name, type }` maps the module writes as `attribute` blocks.
      attributes: 'attribute',
      global_secondary_indexes: 'global_secondary_index',
      local_secondary_indexes: 'local_secondary_index',
      // Its replicas: `replica_regions` through v5, `replicas` since.
      replica_regions: 'replica',
      replicas: 'replica',
    },
    defaults: { billing_mode: 'PAY_PER_REQUEST', point_in_time_recovery: false, server_side_encryption: false, ttl: false, stream_enabled: false },
  },
  // cloudposse/dynamodb (0.10 to v0.37, the same names): a table, with PITR, encryption and TTL (on `Expires`)
  // on and PROVISIONED billing unless told otherwise; `replicas` lists the regions of replica blocks.
  'cloudposse/dynamodb/aws': {
    resource: 'aws_dynamodb_table',
    renamed: {
      enable_point_in_time_recovery: 'point_in_time_recovery',
      enable_encryption: 'server_side_encryption',
      enable_streams: 'stream_enabled',
      ttl_enabled: 'ttl',
      ttl_attribute: 'ttl',
      global_secondary_index_map: 'global_secondary_index',
      local_secondary_index_map: 'local_secondary_index',
      replicas: 'replica',
    },
    defaults: { billing_mode: 'PROVISIONED', point_in_time_recovery: true, server_side_encryption: true, ttl: true, stream_enabled: false, deletion_protection_enabled: false },
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
    effective(options) {
      // Multi-AZ or cluster mode turns automatic failover on whatever the input says.
      return overridden(options, ['automatic_failover_enabled'], either(options, 'multi_az_enabled', 'cluster_mode_enabled'), { kind: 'bool', value: true });
    },
    // Its security group's rules (`security_group_rules`) default to 11211 for Memcached, 6379 otherwise.
    securityGroup: {
      createdBy: CREATED_BY,
      port(options) {
        const engine = text(options, 'engine');
        return engine === undefined ? undefined : engine === 'memcached' ? 11211 : 6379;
      },
      ruleInputs: [{ input: 'security_group_rules', protocol: 'ip_protocol', sources: ['cidr_ipv4', 'cidr_ipv6'], typed: true, toFollowsFrom: false }],
    },
  },
  // terraform-aws-elasticache v1, serverless-cache submodule.
  'terraform-aws-modules/elasticache/aws//modules/serverless-cache': {
    resource: 'aws_elasticache_serverless_cache',
    renamed: { cache_name: 'name' },
    defaults: { engine: 'redis' },
  },
  // cloudposse/elasticache-redis (v1 and v2, the same inputs): a replication group, or a
  // serverless cache with `serverless_enabled`. In cluster mode the module turns automatic failover on and
  // ignores `cluster_size` (1 by default). Its security group admits `allowed_cidr_blocks` on `port`
  // (6379), and the rule objects of `additional_security_group_rules` (aws_security_group_rule's keys),
  // unless it uses existing groups instead.
  'cloudposse/elasticache-redis/aws': {
    resource: 'aws_elasticache_replication_group',
    renamed: { cluster_size: 'num_cache_clusters', instance_type: 'node_type', cluster_mode_num_node_groups: 'num_node_groups', cluster_mode_replicas_per_node_group: 'replicas_per_node_group' },
    defaults: { engine: 'redis', transit_encryption_enabled: true, at_rest_encryption_enabled: false, automatic_failover_enabled: false, multi_az_enabled: false, snapshot_retention_limit: 0 },
    // Its variables.tf by tag: engine_version defaulted to Redis OSS 4.0.10 before v2.0.0 (7.1 since).
    earlierDefaults: [{ before: [2, 0, 0], defaults: { engine_version: '4.0.10' } }],
    resourceFor(options) {
      return flag(options, 'serverless_enabled', false) === true ? 'aws_elasticache_serverless_cache' : 'aws_elasticache_replication_group';
    },
    effective(options) {
      // Cluster mode turns automatic failover on, and leaves the node count to the shards and replicas.
      const clusterMode = flag(options, 'cluster_mode_enabled', false);
      const failover = overridden(options, ['automatic_failover_enabled'], clusterMode, { kind: 'bool', value: true });
      const nodes = overridden(failover, ['cluster_size'], clusterMode, { kind: 'expr', text: 'set by the module' });
      // In a global datastore those settings are the datastore's: the written ones no longer count.
      return given(options, 'global_replication_group_id') ? overridden(nodes, GLOBAL_DATASTORE_SETTINGS, undefined, { kind: 'none' }) : nodes;
    },
    unsetDefaults(options) {
      const failover = flag(options, 'cluster_mode_enabled', false) === false ? [] : ['automatic_failover_enabled'];
      return given(options, 'global_replication_group_id') ? [...failover, ...GLOBAL_DATASTORE_SETTINGS] : failover;
    },
    securityGroup: {
      createdBy: [
        { input: 'create_security_group', creates: true, byDefault: true },
        { input: 'use_existing_security_groups', creates: false, byDefault: false },
      ],
      port: (options) => (options.some((option) => option.name === 'port') ? portInput(options, 'port') : 6379),
      cidrInput: 'allowed_cidr_blocks',
      portFrom: 'port',
      ruleInputs: [{ input: 'additional_security_group_rules', protocol: 'protocol', sources: ['cidr_blocks', 'ipv6_cidr_blocks'], typed: true, toFollowsFrom: false }],
    },
  },
});

/**
 * For a module folder that passes its input on as the CIDR input of a registry module's security group
 * (`allowed_cidr_blocks = var.allowed_cidr_blocks`), the port the caller's blocks are admitted on: the port the
 * folder's block fixes, or the folder's input passed whole to the port's input. Undefined where the group may not
 * be created (an input decides it that is not written as a literal) or the port is neither.
 */
export function forwardedAdmission(module: RegistryModule, written: readonly OptionOccurrence[], input: string, passedOn: (name: string) => string | undefined): ModuleInputTarget['admittedOn'] {
  const group = module.securityGroup;
  if (!group?.cidrInput || input !== group.cidrInput || createsSecurityGroup(group, written) !== true) {
    return undefined;
  }
  const port = group.port(written);
  if (port !== undefined) {
    return { port };
  }
  const portInput = group.portFrom === undefined ? undefined : passedOn(group.portFrom);
  return portInput === undefined ? undefined : { portInput };
}

/** Whether a module's own security group is created, by its inputs; undefined when an input is not a literal. */
export function createsSecurityGroup(group: ModuleSecurityGroup, options: readonly OptionOccurrence[]): boolean | undefined {
  let creates: boolean | undefined = true;
  for (const switch_ of group.createdBy) {
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
  const github = /^(?:git::)?(?:https:\/\/)?github\.com\/(terraform-aws-modules|cloudposse)\/terraform-aws-([a-z0-9-]+?)(?:\.git)?(\/\/[a-z0-9/-]+)?$/.exec(value);
  if (github) {
    value = `${github[1]}/${github[2]}/aws${github[3] ?? ''}`;
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

/**
 * The resource and argument an input of a registry module block reaches, for a folder that passes its own
 * variables on (`deletion_protection = var.deletion_protection`): the module's second resource for its
 * inputs; undefined where the module may set the argument from another input (a managed password,
 * failover under Multi-AZ), since what the caller passes then may never arrive.
 */
export function inputTarget(module: RegistryModule, written: readonly OptionOccurrence[], newest: Release | undefined, input: string): ModuleInputTarget | undefined {
  const option = written.find((candidate) => candidate.name === input);
  const effective = (module.effective?.(written, newest) ?? written).find((candidate) => candidate.name === input);
  if (!option || !effective || effective.literal !== option.literal) {
    return undefined;
  }
  if (module.second && input === module.second.perInstance) {
    return { resource: module.second.resource, argument: input, keys: module.second.inputs };
  }
  if (module.second?.inputs.includes(input)) {
    return { resource: module.second.resource, argument: argumentOf(module, input) };
  }
  return { resource: module.resourceFor?.(written) ?? module.resource, argument: argumentOf(module, input) };
}

/**
 * Defaults as literals by normalised argument name, for OptionContext.defaults, under the module's inputs:
 * one the module sets from another input is unknown, so no rule reads it as the default.
 */
export function defaultLiterals(module: RegistryModule, options: readonly OptionOccurrence[], newest?: Release): Map<string, Literal> {
  const map = new Map<string, Literal>();
  const earlier = newest ? (module.earlierDefaults ?? []).filter((entry) => compareReleases(newest, entry.before) < 0) : [];
  for (const defaults of [module.defaults, ...earlier.map((entry) => entry.defaults)]) {
    for (const [name, value] of Object.entries(defaults)) {
      map.set(normalizeName(name), typeof value === 'string' ? { kind: 'str', value } : typeof value === 'number' ? { kind: 'num', value } : { kind: 'bool', value });
    }
  }
  for (const name of module.unsetDefaults?.(options) ?? []) {
    map.set(normalizeName(name), { kind: 'expr', text: 'set by the module' });
  }
  return map;
}

/** The module's `chosen` defaults among `defaults` (as `defaultLiterals` gives them), each with its input's name. */
export function chosenLiterals(module: RegistryModule, defaults: ReadonlyMap<string, Literal>): Map<string, { value: Literal; input: string }> {
  const chosen = new Map<string, { value: Literal; input: string }>();
  for (const argument of module.chosen ?? []) {
    const value = defaults.get(normalizeName(argument));
    if (value && value.kind !== 'expr') {
      const input = Object.keys(module.renamed).find((name) => module.renamed[name] === argument) ?? argument;
      chosen.set(normalizeName(argument), { value, input });
    }
  }
  return chosen;
}

function compareReleases(a: Release, b: Release): number {
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return 0;
}

const RELEASE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;

/**
 * The newest release a module's version constraint allows, where the constraint caps it: `2.5.0` and
 * `= 2.5.0` that release, `~> 2.5` every 2.x, `~> 2.5.1` every 2.5.x. Undefined when no clause caps it
 * (`>= 2.0`, `~> 2`): Terraform then takes the newest release. `<` and `<=` are not read, so such a
 * constraint keeps the current defaults.
 */
export function newestAllowedRelease(constraint: string): Release | undefined {
  let newest: Release | undefined;
  for (const clause of constraint.split(',')) {
    const match = /^\s*(~>|=|<=|<|>=|>|!=)?\s*(\S+)\s*$/.exec(clause);
    const parts = match ? RELEASE.exec(match[2]) : null;
    if (!match || !parts) {
      return undefined;
    }
    const [major, minor, patch] = parts.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
    const operator = match[1] ?? '=';
    const cap: Release | undefined =
      operator === '='
        ? [major ?? 0, minor ?? 0, patch ?? 0]
        : operator === '~>' && minor !== undefined
          ? patch === undefined
            ? [major ?? 0, Infinity, Infinity]
            : [major ?? 0, minor, Infinity]
          : undefined;
    if (cap && (!newest || compareReleases(cap, newest) < 0)) {
      newest = cap;
    }
  }
  return newest;
}

/**
 * The release a git module source pins with `?ref=v2.5.0` (a tag, also spelt `tags/0.25.0` or
 * `refs/tags/0.25.0`, which git resolves to the same tag), as a constraint of that release; undefined otherwise.
 */
export function refRelease(source: string): string | undefined {
  const ref = /[?&]ref=(?:(?:refs\/)?tags\/)?(v?\d+(?:\.\d+){0,2})(?:&|$)/.exec(source);
  return ref ? ref[1] : undefined;
}

/**
 * The newest release a module block allows: its `version` constraint, or a git source's `?ref=vX.Y.Z`;
 * undefined when nothing caps it (the current defaults hold).
 */
export function pinnedRelease(version: Literal | undefined, source: string): Release | undefined {
  const constraint = version?.kind === 'str' ? version.value : refRelease(source);
  return constraint === undefined ? undefined : newestAllowedRelease(constraint);
}
