/** The nested blocks of Terraform resources whose arguments the rules read as the resource's own (`terraform.ts`). */
import { ListedItem, OptionOccurrence } from '../model';
import { BodyItem } from './terraformIngress';

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

/**
 * The blocks whose arguments `NESTED_NAMED_ARGUMENTS` names, each as a part of the resource with those arguments
 * (a table's replicas, each with its own point-in-time recovery, off unless set); undefined for other types.
 */
export function namedBlockParts(type: string, items: readonly BodyItem[], bodyOf: (block: BodyItem) => readonly BodyItem[]): ListedItem[] | undefined {
  const named = NESTED_NAMED_ARGUMENTS[type];
  return named && items.filter((item) => item.block && item.option.name === named.block).map((item) => ({
    anchor: item.option.key,
    options: bodyOf(item).filter((inner) => !inner.block && named.names.has(inner.option.name)).map((inner) => inner.option),
  }));
}

/**
 * Nested blocks that are one switch (`point_in_time_recovery { enabled = false }`): the block reads as its
 * `enabled` argument's value, so that the rules judge it as they judge the registry modules' boolean input.
 */
const SWITCH_BLOCKS: Readonly<Record<string, ReadonlySet<string>>> = {
  aws_dynamodb_table: new Set(['point_in_time_recovery']),
};

/** The resource's options, a switch block's value replaced by its `enabled` argument's (`bodyOf` reads a block's own arguments). */
export function withSwitchValues(type: string, items: readonly BodyItem[], bodyOf: (block: BodyItem) => readonly BodyItem[]): OptionOccurrence[] {
  const switches = SWITCH_BLOCKS[type];
  return items.map((item) => {
    if (!switches || !item.block || !switches.has(item.option.name)) {
      return item.option;
    }
    const enabled = bodyOf(item).find((inner) => !inner.block && inner.option.name === 'enabled');
    return enabled ? { ...item.option, literal: enabled.option.literal } : item.option;
  });
}
