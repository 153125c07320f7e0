/** The nested blocks of Terraform resources whose arguments the rules read as the resource's own (`terraform.ts`). */

/**
 * Nested blocks whose arguments the rules read as the resource's own (`authentication_mode { passwords = [...] }`);
 * `cluster_mode { num_node_groups, replicas_per_node_group }` is how AWS provider v3 and older wrote shards and replicas.
 */
export const NESTED_ARGUMENT_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  aws_elasticache_user: ['authentication_mode'],
  aws_elasticache_replication_group: ['cluster_mode'],
};

/**
 * Arguments of nested blocks read as the resource's own only by name: a global table's per-replica settings
 * (`replica { point_in_time_recovery = true, kms_key_arn = ... }`, https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#replica).
 */
export const NESTED_NAMED_ARGUMENTS: Readonly<Record<string, { block: string; names: ReadonlySet<string> }>> = {
  aws_dynamodb_table: { block: 'replica', names: new Set(['point_in_time_recovery', 'deletion_protection_enabled', 'kms_key_arn']) },
};
