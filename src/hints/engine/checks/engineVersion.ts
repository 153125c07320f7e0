/** Checks on RDS and Aurora engine versions against the dated lifecycle table compiled into the rules. */
import { cdkEngineVersion, cdkVersionlessEngine } from '../code/cdk';
import { pastStandardSupport } from '../engineLifecycle';
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { HintRule } from '../types';
import { Check, defaultOf, optionNamed } from './context';

const ENGINE = ['Engine'];
const ENGINE_VERSION = ['EngineVersion'];
/** The DB cluster contexts, where the engine of an Aurora cluster is chosen. */
const AURORA_CLUSTERS = ['AWS::RDS::DBCluster', 'aws_rds_cluster', 'rds:CreateDBCluster'];

/**
 * A version as written: a string, or an unquoted YAML or Terraform number (`EngineVersion: 12.2`), which
 * CloudFormation and Terraform pass on as a string. A number loses trailing zeros (`8.0` reads as 8),
 * which leaves the major unknown rather than wrong.
 */
function versionText(literal: Literal): string | undefined {
  return literal.kind === 'str' ? literal.value : literal.kind === 'num' ? String(literal.value) : undefined;
}

/** The message for a version past its date: the rule's own, or its end-of-life one when no Extended Support followed. */
function messageFor(rule: HintRule, engine: string, version: string): string | undefined {
  const lifecycle = rule.diagnostic?.lifecycle;
  return lifecycle && pastStandardSupport(lifecycle, engine, version)?.endOfLife ? rule.diagnostic?.endOfLifeMessage : undefined;
}

/** The parameter group options of ElastiCache and RDS, in the API, CloudFormation and Terraform. */
const PARAMETER_GROUP = ['CacheParameterGroupName', 'DBParameterGroupName', 'DBClusterParameterGroupName', 'ParameterGroupName', 'ParameterGroup'];
/** A default parameter group's name: its family's engine and major version (`default.redis4.0.cluster.on`, `default.aurora-postgresql11`). */
const DEFAULT_GROUP = /^default\.(redis|mysql|postgres|mariadb|aurora-mysql|aurora-postgresql|aurora)(\d+(?:\.\d+)?)(?:\.|$)/i;
/** The CDK's reference to an existing group by name (`ParameterGroup.fromParameterGroupName(this, 'Params', 'default.postgres11')`). */
const GROUP_BY_NAME = /\bfrom_?[pP]arameter_?[gG]roup_?[nN]ame\([^()]*?["']([^"']+)["']\s*\)\s*$/;

/**
 * A cluster member's version is its cluster's, and a read replica's its source's: those are judged, not the member or
 * replica, by the family of a group the member or replica attaches.
 */
const CLUSTER_MEMBER = ['DBClusterIdentifier', 'SourceDBInstanceIdentifier', 'replicate_source_db', 'ReplicationSourceIdentifier'];

/** The engine and version a resource's default parameter group, or a custom group of the module or template, names, with the option that names it. */
function familyOf(resource: OptionContext): { engine: string; version: string; option: OptionOccurrence } | undefined {
  const option = optionNamed(resource, PARAMETER_GROUP);
  const literal = option?.literal;
  // A CDK group held by a variable: the lookup that reaches the prop (`code/cdkEngineVersions.ts`).
  const lookup = literal?.kind === 'expr' ? (option?.engineVersions?.[0]?.text ?? literal.text) : undefined;
  // A custom group's family reads as the default group of that family (`iac/parameterGroupFamilies.ts`).
  const custom = option?.groupFamily !== undefined && !optionNamed(resource, CLUSTER_MEMBER) ? `default.${option.groupFamily}` : undefined;
  const name = custom ?? (literal?.kind === 'str' ? literal.value : lookup !== undefined ? GROUP_BY_NAME.exec(lookup)?.[1] : undefined);
  const match = name === undefined ? null : DEFAULT_GROUP.exec(name);
  return match && option ? { engine: match[1].toLowerCase(), version: match[2], option } : undefined;
}

/** The engine a resource writes, as a string or as a CDK engine constant that names no version (`DatabaseClusterEngine.AURORA_POSTGRESQL`). */
function engineWritten(literal: Literal | undefined): string | undefined {
  return literal?.kind === 'str' ? literal.value.toLowerCase() : literal?.kind === 'expr' ? cdkVersionlessEngine(literal.text) : undefined;
}

/** An `EngineVersion` literal whose major version was past the end of standard support when the rules were built. */
export const engineVersionPastStandardSupport: Check = (rule, context) => {
  const lifecycle = rule.diagnostic?.lifecycle;
  if (!lifecycle) {
    return;
  }
  for (const { context: resource, option } of context.optionsOf(rule)) {
    // The version alone is ambiguous (11.22 is RDS or Aurora PostgreSQL): the engine must be visible too, or be
    // the one the resource runs when it names none (a replication group's `redis`) and the context be complete.
    // A module folder's default engine counts as written where its block leaves the input out.
    const written = optionNamed(resource, ENGINE)?.literal ?? defaultOf(resource, ENGINE);
    const engine = written ? (written.kind === 'str' ? written.value : undefined) : resource.complete ? rule.diagnostic?.engineWhenOmitted : undefined;
    const version = versionText(option.literal);
    if (version !== undefined && engine !== undefined && pastStandardSupport(lifecycle, engine, version)) {
      context.report(rule, option.value, undefined, messageFor(rule, engine, version));
    }
    // A template parameter every allowed value of which is past its date (`AllowedValues` of 5.7.mysql_aurora.2.x only).
    const choices = option.literal.kind === 'expr' ? option.literal.oneOf?.map(versionText) : undefined;
    if (choices && engine !== undefined && choices.every((choice) => choice !== undefined && pastStandardSupport(lifecycle, engine, choice))) {
      // The end-of-life message only where every choice reached its end of life.
      const messages = new Set(choices.map((choice) => (choice === undefined ? undefined : messageFor(rule, engine, choice))));
      context.report(rule, option.value, undefined, messages.size === 1 ? [...messages][0] : undefined);
    }
    // CDK names both at once: `engine: DatabaseInstanceEngine.mysql({ version: MysqlEngineVersion.VER_8_0 })`.
    const cdk = option.literal.kind === 'expr' ? cdkEngineVersion(option.literal.text) : undefined;
    if (cdk && pastStandardSupport(lifecycle, cdk.engine, cdk.version)) {
      context.report(rule, option.value);
    }
    // CDK v1 named the engine by a constant and its version apart (`engine: DatabaseInstanceEngine.POSTGRES,
    // engineVersion: '11.6'`); Aurora MySQL version 1's engine (`DatabaseClusterEngine.AURORA`) runs 5.6 whatever the version.
    const versionless = resource.kind === 'cdk' && option.literal.kind === 'expr' ? cdkVersionlessEngine(option.literal.text) : undefined;
    const legacy = versionless ? optionNamed(resource, ENGINE_VERSION) : undefined;
    const legacyVersion = legacy ? versionText(legacy.literal) : undefined;
    if (versionless && legacyVersion !== undefined) {
      if (legacy && pastStandardSupport(lifecycle, versionless, legacyVersion)) {
        context.report(rule, legacy.value, undefined, messageFor(rule, versionless, legacyVersion));
      }
    } else if (versionless === 'aurora' && !legacy && pastStandardSupport(lifecycle, 'aurora', '5.6')) {
      context.report(rule, option.value, undefined, messageFor(rule, 'aurora', '5.6'));
    }
    // A constant that reaches the engine through a variable picks the version on its path: judged where it is written.
    for (const constant of option.engineVersions ?? []) {
      const named = cdkEngineVersion(constant.text);
      if (named && pastStandardSupport(lifecycle, named.engine, named.version)) {
        context.report(rule, constant.span);
      }
    }
  }
  const coveredTypes = [
    ...(rule.match.cloudformation?.resources ?? []),
    ...(rule.match.terraform?.resources ?? []),
    ...(rule.match.in ?? []),
    ...(rule.match.cdk?.constructs ?? []),
  ];
  // The `aurora` engine is Aurora MySQL version 1 whatever its version (all are 5.6.x): a DB cluster that names it
  // and writes no version runs it. Judged on the cluster only, where its members repeat the engine.
  for (const resource of context.model.contexts) {
    const cluster = AURORA_CLUSTERS.includes(resource.type) && coveredTypes.includes(resource.type);
    const engine = cluster && !optionNamed(resource, ENGINE_VERSION) ? optionNamed(resource, ENGINE) : undefined;
    if (engine?.literal.kind === 'str' && engine.literal.value.toLowerCase() === 'aurora' && pastStandardSupport(lifecycle, 'aurora', '5.6')) {
      context.report(rule, engine.value, undefined, messageFor(rule, 'aurora', '5.6'));
    }
  }
  // A resource that writes no version but names a default parameter group (`parameter_group_name =
  // "default.redis3.2"`), or a group of the module whose `family` is written, runs the version of the group's
  // family: a group of another family cannot be attached.
  for (const resource of context.model.contexts) {
    const family = coveredTypes.includes(resource.type) && !optionNamed(resource, ENGINE_VERSION) && !defaultOf(resource, ENGINE_VERSION) ? familyOf(resource) : undefined;
    const written = family && (optionNamed(resource, ENGINE)?.literal ?? defaultOf(resource, ENGINE));
    const agrees = !written || engineWritten(written) === family?.engine;
    if (family && agrees && pastStandardSupport(lifecycle, family.engine, family.version)) {
      context.report(rule, family.option.value, undefined, messageFor(rule, family.engine, family.version));
    }
  }
  // A registry module whose pinned release defaults the version (cloudposse's elasticache-redis before v2:
  // Redis OSS 4.0.10) runs that version where the block leaves it out: judged on the block.
  const types = rule.match.terraform?.resources ?? [];
  for (const resource of context.model.contexts) {
    const fallback = resource.defaults && types.includes(resource.type) && !optionNamed(resource, ENGINE_VERSION) ? defaultOf(resource, ENGINE_VERSION) : undefined;
    const engine = fallback?.kind === 'str' ? (optionNamed(resource, ENGINE)?.literal ?? defaultOf(resource, ENGINE)) : undefined;
    if (fallback?.kind === 'str' && engine?.kind === 'str' && pastStandardSupport(lifecycle, engine.value, fallback.value)) {
      context.report(rule, resource.anchor, undefined, messageFor(rule, engine.value, fallback.value));
    }
  }
};
