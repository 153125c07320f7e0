/**
 * A `module` block whose source the engine cannot read: a module of another registry namespace, a git or
 * HTTP source. Where its inputs say it makes an RDS database (`engine = "mysql"`, or a `db.*` instance class
 * with allocated storage), the inputs that are argument names of that resource are read as written
 * (`password = "..."`, `publicly_accessible = true`); what an absent input means is the module's own default, unknown here, so absence counts against no rule.
 */
import { OptionOccurrence } from '../model';
import { normalizeName } from '../types';

/**
 * RDS engine names of the CreateDBInstance API's Engine (its valid values, as
 * https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-create-db-instance-request/engine.html
 * lists them from the API reference), and `aurora`, the Aurora MySQL 1 name older templates write.
 */
const INSTANCE_ENGINE = /^(?:mysql|mariadb|postgres|oracle-(?:ee|se2)(?:-cdb)?|sqlserver-(?:ee|se|ex|web)|db2-(?:ae|se)|custom-(?:oracle|sqlserver)-[a-z0-9-]+)$/;
const CLUSTER_ENGINE = /^aurora(?:-mysql|-postgresql)?$/;

/**
 * The master password's name in each resource: a module written for either takes one of the two names,
 * both meaning the database's master password.
 */
const PASSWORD_NAME: Readonly<Record<string, { from: string; to: string }>> = {
  aws_db_instance: { from: 'master_password', to: 'password' },
  aws_rds_cluster: { from: 'password', to: 'master_password' },
};

/** A resource an unread module makes: its inputs as the resource's arguments. */
export interface UnreadResource {
  type: string;
  options: OptionOccurrence[];
}

/** Arguments of an Aurora cluster's instances rather than of the cluster. */
const INSTANCE_ONLY = new Set(['publicly_accessible']);

/**
 * A source Terraform fetches from elsewhere: neither a local path (which starts with `./` or `../`,
 * https://developer.hashicorp.com/terraform/language/modules/sources) nor empty.
 */
export function remoteModuleSource(source: string): boolean {
  const value = source.trim();
  return value !== '' && !value.startsWith('./') && !value.startsWith('../') && !value.startsWith('/');
}

/**
 * A module that fixes its engine itself and takes a DB instance's size: an `instance_class` written as an RDS
 * class (every one is named `db.*`, https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Types.html)
 * and an `allocated_storage`, which an RDS DB instance takes and an Aurora cluster's instances do not; or, for a
 * read replica the same module makes, a `replicate_source_db` (the DB instance's argument; a replica takes its
 * storage from the source, and Aurora clusters name theirs `replication_source_identifier`).
 */
function sizesInstance(inputs: readonly OptionOccurrence[]): boolean {
  const instanceClass = inputs.find((option) => option.name === 'instance_class')?.literal;
  return instanceClass?.kind === 'str' && /^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass.value.trim()) && inputs.some((option) => option.name === 'allocated_storage' || option.name === 'replicate_source_db');
}

/** The resource an RDS engine name makes, if it is one. */
function engineResource(engine: string): string | undefined {
  const value = engine.trim().toLowerCase();
  return CLUSTER_ENGINE.test(value) ? 'aws_rds_cluster' : INSTANCE_ENGINE.test(value) ? 'aws_db_instance' : undefined;
}

/**
 * An engine input that a module names under the prefix it gives its database's inputs (`rds_engine_type`,
 * `db_engine`, `database_engine_name`): the prefix, empty for `engine_type` and `engine_name`.
 */
const PREFIXED_ENGINE = /^((?:rds_|db_|database_)?)engine(?:_type|_name)?$/;

/** An input read as the argument `name`. */
function renamed(option: OptionOccurrence, name: string): OptionOccurrence {
  return { ...option, name, norm: normalizeName(name) };
}

/**
 * The inputs as the database's arguments: an `engine` input as it is; else, where an input names the engine under a
 * prefix (`rds_engine_type = "mysql"`), that input as `engine` and each input under the same prefix as the argument
 * the rest names (`rds_engine_version`, `rds_instance_class`), unless the block also writes that argument's own name.
 */
function unprefixed(inputs: readonly OptionOccurrence[]): readonly OptionOccurrence[] {
  const engine = inputs.some((option) => option.name === 'engine') ? undefined : inputs.find((option) => PREFIXED_ENGINE.test(option.name));
  if (!engine) {
    return inputs;
  }
  const prefix = PREFIXED_ENGINE.exec(engine.name)![1];
  const written = new Set(inputs.map((option) => option.name));
  return inputs.map((option) => {
    const argument = option.name.slice(prefix.length);
    return option === engine ? renamed(option, 'engine') : prefix !== '' && option.name.startsWith(prefix) && !written.has(argument) ? renamed(option, argument) : option;
  });
}

/**
 * The resources an unread module's inputs configure, with those inputs as their arguments: none unless an
 * `engine` input (or one under a prefix, `unprefixed`) names an RDS engine literally, or there is no `engine` input
 * and the inputs size an RDS DB instance (`sizesInstance`).
 */
export function unreadModuleDatabase(written: readonly OptionOccurrence[]): UnreadResource[] {
  const inputs = unprefixed(written);
  const engine = inputs.find((option) => option.name === 'engine')?.literal;
  const type = engine === undefined ? (sizesInstance(inputs) ? 'aws_db_instance' : undefined) : engine.kind === 'str' ? engineResource(engine.value) : undefined;
  if (!type) {
    return [];
  }
  const rename = PASSWORD_NAME[type];
  const renamed = inputs.map((option) => (option.name === rename.from ? { ...option, name: rename.to, norm: normalizeName(rename.to) } : option));
  if (type === 'aws_db_instance') {
    return [{ type, options: renamed }];
  }
  const resources = [{ type, options: renamed.filter((option) => !INSTANCE_ONLY.has(option.name)) }];
  const instance = renamed.filter((option) => INSTANCE_ONLY.has(option.name));
  if (instance.length > 0) {
    resources.push({ type: 'aws_rds_cluster_instance', options: instance });
  }
  return resources;
}

/** ElastiCache node types, every one named `cache.*` (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html). */
const CACHE_NODE_TYPE = /^cache\.[a-z0-9-]+\.[a-z0-9]+$/;

/** The node type's input: the resource's own name, or `instance_type` as cloudposse's module and its forks name it. */
const NODE_TYPE_INPUTS = ['node_type', 'instance_type'];

/**
 * An unread module that makes a Redis OSS or Valkey replication group: it takes a `cache.*` node type and its `engine`
 * input names Redis or Valkey (with none, nothing says which engine its node runs: not read). Its inputs that are the
 * group's argument names are read as written, and `instance_type` as the node type; absence counts against no rule, as
 * for a database.
 */
export function unreadModuleCache(inputs: readonly OptionOccurrence[]): UnreadResource[] {
  const nodeType = inputs.find((option) => NODE_TYPE_INPUTS.includes(option.name))?.literal;
  const engine = inputs.find((option) => option.name === 'engine')?.literal;
  if (nodeType?.kind !== 'str' || !CACHE_NODE_TYPE.test(nodeType.value.trim()) || engine?.kind !== 'str' || !/^(?:redis|valkey)$/i.test(engine.value.trim())) {
    return [];
  }
  const ownName = inputs.some((option) => option.name === 'node_type');
  const options = inputs.map((option) => (option.name === 'instance_type' && !ownName ? renamed(option, 'node_type') : option));
  return [{ type: 'aws_elasticache_replication_group', options }];
}
