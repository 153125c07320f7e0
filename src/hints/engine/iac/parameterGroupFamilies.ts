/**
 * The family of a custom parameter group a database or cache names: a group belongs to one family and can only be
 * attached to a database or cache running an engine version of that family
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbclusterparametergroup.html,
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithParamGroups.html,
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBParameterGroup.html), so a resource that exists
 * with no version written and a group of `family = "postgres11"` runs PostgreSQL 11. (On create, ElastiCache and Aurora
 * take the engine's default version and refuse a group of another family, so a fresh deployment of such a resource
 * fails rather than picking the group's version; the resource the template describes is still that old major.) Read where the group is a Terraform resource of
 * the module (`aws_db_parameter_group.main.name`, `aws_rds_cluster_parameter_group.this[0].id`,
 * `aws_elasticache_parameter_group.redis.name`) or a resource of the template (`!Ref ClusterParams`), whose family is
 * a string written in place; also a Terraform group named by the literal `name` the module's group resource gives it
 * (`parameter_group_name = "reporting-pg"`). The engine-version checks judge it (`checks/engineVersion.ts` `familyOf`).
 */
import { DocumentModel, Literal } from '../model';
import { normalizeName } from '../types';
import { OutsideValues } from './terraformOutside';

/** The parameter group resources, with the property that names their family. */
export const GROUP_FAMILY: Readonly<Record<string, string>> = {
  aws_db_parameter_group: 'family',
  aws_rds_cluster_parameter_group: 'family',
  aws_elasticache_parameter_group: 'family',
  'AWS::RDS::DBParameterGroup': 'Family',
  'AWS::RDS::DBClusterParameterGroup': 'Family',
  'AWS::ElastiCache::ParameterGroup': 'CacheParameterGroupFamily',
};

/** The arguments and properties that attach a parameter group to a database or cache. */
const ATTACHES_GROUP = new Set(['parameter_group_name', 'db_cluster_parameter_group_name', 'DBParameterGroupName', 'DBClusterParameterGroupName', 'CacheParameterGroupName'].map(normalizeName));

/** A Terraform reference to a group's name or id, keyed by its first two parts. */
const TERRAFORM_REFERENCE = /^((?:aws_db_parameter_group|aws_rds_cluster_parameter_group|aws_elasticache_parameter_group)\.[A-Za-z_][\w-]*)(?:\[[^\]\n]*\])?\.(?:name|id)$/;
/** The key of a Terraform group by the literal name it is created with (a `.` never starts a resource type). */
export const NAMED_GROUP = '.name=';
/** A template's `Ref` of a resource, as the CloudFormation reader writes a `Ref` it cannot resolve (`iac/cloudformation.ts`). */
const TEMPLATE_REFERENCE = /^Ref ([A-Za-z0-9]+)$/;

/** The family a group literal names, or undefined for anything else than a string. */
function familyText(literal: Literal | undefined): string | undefined {
  return literal?.kind === 'str' && literal.value.trim() !== '' ? literal.value.trim() : undefined;
}

/**
 * The family each parameter group of the document writes, by the key a reference names it with: `type.name` in
 * Terraform, the logical id in a template (the context's anchor is that name, quoted or not).
 */
function documentFamilies(model: DocumentModel, text: string): Map<string, string> {
  const families = new Map<string, string>();
  for (const context of model.contexts) {
    const property = GROUP_FAMILY[context.type];
    const family = property === undefined ? undefined : familyText(context.options.find((option) => option.norm === normalizeName(property))?.literal);
    if (family !== undefined) {
      const name = text.slice(context.anchor.start, context.anchor.end).replace(/^["']|["']$/g, '');
      families.set(context.kind === 'terraform' ? `${context.type}.${name}` : name, family);
      const created = context.kind === 'terraform' ? familyText(context.options.find((option) => option.norm === 'name')?.literal) : undefined;
      if (created !== undefined) {
        families.set(`${NAMED_GROUP}${created}`, family);
      }
    }
  }
  return families;
}

/**
 * Marks each option of the document that attaches a parameter group of the module or template with that group's
 * family (`OptionOccurrence.groupFamily`). A Terraform group declared in another file of the module is asked of
 * `outside`.
 */
export function attachGroupFamilies(model: DocumentModel, text: string, outside?: OutsideValues): void {
  let families: Map<string, string> | undefined;
  // Only where every setting is visible is a version left out: a module block's inputs are not all its resource's
  // settings (the module folder may write the version, and is judged there).
  for (const context of model.contexts.filter((candidate) => candidate.complete)) {
    for (const option of context.options) {
      const expression = option.literal.kind === 'expr' && ATTACHES_GROUP.has(option.norm) ? option.literal.text.trim() : undefined;
      // A literal name: a default group's is read by its own name, any other may be a group the module creates.
      const literal = option.literal.kind === 'str' && ATTACHES_GROUP.has(option.norm) && !/^default\./i.test(option.literal.value) ? option.literal.value.trim() : undefined;
      const named = literal === undefined || context.kind !== 'terraform' ? undefined : `${NAMED_GROUP}${literal}`;
      const terraform = named ?? (expression === undefined || context.kind !== 'terraform' ? undefined : TERRAFORM_REFERENCE.exec(expression)?.[1]);
      const template = expression === undefined || context.kind !== 'cloudformation' ? undefined : TEMPLATE_REFERENCE.exec(expression)?.[1];
      const key = terraform ?? template;
      if (key !== undefined) {
        families ??= documentFamilies(model, text);
        const family = families.get(key) ?? (terraform === undefined ? undefined : outside?.parameterGroupFamily?.(terraform));
        if (family !== undefined) {
          option.groupFamily = family;
        }
      }
    }
  }
}
