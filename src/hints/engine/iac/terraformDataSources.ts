/** Terraform data sources whose arguments the rules read through the attributes that reference them. */

/**
 * Data sources whose written arguments stand for attributes the rules read: per attribute referenced, the key
 * it stands under (`data.<source>.<name>.<key>`), and per argument written, the key it sets.
 * `aws_rds_engine_version` looks up an RDS engine version. Its `engine` attribute is the engine it is given,
 * and its `version` the version it is given, partial or whole, which `version_actual` completes within
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/rds_engine_version):
 * either names the major version the engine rules read. Without a `version` it returns the engine's
 * default, which no file shows. `aws_iam_policy` looks up a policy by `arn` or by `name`; its `arn` is the
 * policy's, so a lookup by name stands under that key as the name it is given
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy).
 */
const DATA_SOURCES: Readonly<Record<string, { attributes: Readonly<Record<string, string>>; arguments: Readonly<Record<string, string>> }>> = {
  aws_rds_engine_version: { attributes: { engine: 'engine', version: 'version', version_actual: 'version' }, arguments: { engine: 'engine', version: 'version' } },
  aws_iam_policy: { attributes: { arn: 'arn' }, arguments: { arn: 'arn', name: 'arn' } },
};

/** The key `data.<source>.<name>.<attribute>` stands under, or undefined for a source or attribute not read. */
export function dataAttributeKey(source: string, name: string, attribute: string): string | undefined {
  const read = Object.hasOwn(DATA_SOURCES, source) ? DATA_SOURCES[source] : undefined;
  return read && Object.hasOwn(read.attributes, attribute) ? `data.${source}.${name}.${read.attributes[attribute]}` : undefined;
}

/** The key a data block's argument sets (see `dataAttributeKey`), or undefined for a source or argument not read. */
export function dataArgumentKey(source: string, name: string, argument: string): string | undefined {
  const read = Object.hasOwn(DATA_SOURCES, source) ? DATA_SOURCES[source] : undefined;
  return read && Object.hasOwn(read.arguments, argument) ? `data.${source}.${name}.${read.arguments[argument]}` : undefined;
}
