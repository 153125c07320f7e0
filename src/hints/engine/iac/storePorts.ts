/**
 * Ingress ports written as a data store's own port attribute rather than a number: Terraform's
 * `aws_db_instance.db.port` (also of an Aurora cluster or instance, an ElastiCache cluster or replication group,
 * and the rds registry module's `db_instance_port` output), CloudFormation's `!GetAtt Db.Endpoint.Port` of an
 * `AWS::RDS::DBInstance` or `AWS::RDS::DBCluster` and the endpoint ports of ElastiCache resources
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#aws-resource-rds-dbinstance-return-values).
 * The number is the engine's, whatever it is: the rule opens that store's port.
 */
import { Literal } from '../model';
import { EXPOSES_CACHE, EXPOSES_DATABASE } from './groupUse';

/** `<type>.<name>.port`, with an optional index (`aws_db_instance.this[0].port`). */
const TERRAFORM_PORT = /^(aws_db_instance|aws_rds_cluster|aws_rds_cluster_instance|aws_elasticache_cluster|aws_elasticache_replication_group)\.[A-Za-z_][\w-]*(?:\[[^\]\n]*\])?\.port$/;

/** terraform-aws-modules/rds's output of the instance's port (`module.db.db_instance_port`). */
const MODULE_PORT = /^module\.[A-Za-z_][\w-]*(?:\[[^\]\n]*\])?\.db_instance_port$/;

/** The store a Terraform port expression names as its own port, as exposure bits; undefined for anything else. */
function terraformPortOf(literal: Literal | undefined): number | undefined {
  const text = literal?.kind === 'expr' ? literal.text.trim() : undefined;
  if (text === undefined) {
    return undefined;
  }
  if (MODULE_PORT.test(text)) {
    return EXPOSES_DATABASE;
  }
  const type = TERRAFORM_PORT.exec(text)?.[1];
  return type === undefined ? undefined : type.startsWith('aws_elasticache_') ? EXPOSES_CACHE : EXPOSES_DATABASE;
}

/** The database and cache resources whose `port` argument a module may take from an input. */
const TERRAFORM_STORES: Readonly<Record<string, number>> = {
  aws_db_instance: EXPOSES_DATABASE,
  aws_rds_cluster: EXPOSES_DATABASE,
  aws_elasticache_cluster: EXPOSES_CACHE,
  aws_elasticache_replication_group: EXPOSES_CACHE,
};

/** A Terraform database or cache resource type as exposure bits; undefined for any other type. */
export function terraformStoreKind(type: string): number | undefined {
  return Object.hasOwn(TERRAFORM_STORES, type) ? TERRAFORM_STORES[type] : undefined;
}

/** A variable or local that a store takes whole as its port (`port = var.port`): a rule on the same one opens that store's port. */
export const STORE_PORT_INPUT = /^(?:var|local)\.[A-Za-z_][\w-]*$/;

/**
 * A rule's ports as one store's port: `from_port` names it and `to_port` is the same or absent. `inputPorts` holds
 * the variables and locals the file's stores take whole as their port (`port = var.port` on the replication group
 * beside a rule of `from_port = var.port`), as exposure bits.
 */
export function terraformStorePort(fromPort: Literal | undefined, toPort: Literal | undefined, inputPorts?: ReadonlyMap<string, number>): number | undefined {
  const written = fromPort?.kind === 'expr' ? fromPort.text.trim() : undefined;
  const store = terraformPortOf(fromPort) ?? (written !== undefined ? inputPorts?.get(written) : undefined);
  const same = toPort === undefined || (toPort.kind === 'expr' && fromPort?.kind === 'expr' && toPort.text.trim() === fromPort.text.trim());
  return same ? store : undefined;
}

/** The CloudFormation return values that are a store's port, by resource type. */
const CLOUDFORMATION_PORTS: Record<string, { attributes: ReadonlySet<string>; store: number }> = {
  'AWS::RDS::DBInstance': { attributes: new Set(['Endpoint.Port']), store: EXPOSES_DATABASE },
  'AWS::RDS::DBCluster': { attributes: new Set(['Endpoint.Port']), store: EXPOSES_DATABASE },
  'AWS::ElastiCache::CacheCluster': { attributes: new Set(['RedisEndpoint.Port', 'ConfigurationEndpoint.Port']), store: EXPOSES_CACHE },
  'AWS::ElastiCache::ReplicationGroup': { attributes: new Set(['PrimaryEndPoint.Port', 'ConfigurationEndPoint.Port', 'ReaderEndPoint.Port']), store: EXPOSES_CACHE },
};

/** The store a `Fn::GetAtt` of `attribute` on a resource of `type` names as its port, as exposure bits. */
export function cloudFormationStorePort(type: string | undefined, attribute: string | undefined): number | undefined {
  const known = type !== undefined && Object.hasOwn(CLOUDFORMATION_PORTS, type) ? CLOUDFORMATION_PORTS[type] : undefined;
  return known && attribute !== undefined && known.attributes.has(attribute) ? known.store : undefined;
}
