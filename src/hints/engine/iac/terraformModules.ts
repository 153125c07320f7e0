/**
 * What the engine knows about the terraform-aws-modules registry modules for our services: which
 * resource a module creates, which inputs set which resource argument, and the input defaults that
 * decide what an absent input means. Facts from each module's variables.tf (current major, and the
 * previous major where an input was renamed); no module code.
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
};

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
  const github = /^(?:git::)?(?:https:\/\/)?github\.com\/terraform-aws-modules\/terraform-aws-([a-z0-9-]+)$/.exec(value);
  if (github) {
    value = `terraform-aws-modules/${github[1]}/aws`;
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
