/** Checks on RDS and Aurora engine versions against the dated lifecycle table compiled into the rules. */
import { pastStandardSupport } from '../engineLifecycle';
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { Check, optionNamed } from './context';

const CDK_ENGINES: Record<string, string> = {
  mysql: 'mysql',
  postgres: 'postgres',
  auroramysql: 'aurora-mysql',
  aurorapostgres: 'aurora-postgresql',
};

/**
 * The engine and version a CDK engine expression pins, such as
 * `DatabaseInstanceEngine.mysql({ version: MysqlEngineVersion.VER_8_0_39 })` or
 * `DatabaseClusterEngine.aurora_mysql(version=AuroraMysqlEngineVersion.VER_2_11_2)`.
 */
export function cdkEngineVersion(text: string): { engine: string; version: string } | undefined {
  const factory = /\.(mysql|postgres|aurora_?mysql|aurora_?postgres)\s*\(/i.exec(text);
  const pinned = /EngineVersion\.VER_(\d+(?:_\d+)*)\b/.exec(text);
  const engine = factory && CDK_ENGINES[factory[1].replace('_', '').toLowerCase()];
  if (!engine || !pinned) {
    return undefined;
  }
  const parts = pinned[1].split('_');
  // Aurora MySQL constants name the Aurora version (VER_2_11_2, VER_3_07_0) after the MySQL 5.7 ones.
  if (engine === 'aurora-mysql' && (parts[0] === '2' || parts[0] === '3')) {
    return { engine, version: `${parts[0] === '2' ? '5.7' : '8.0'}.mysql_aurora.${parts.join('.')}` };
  }
  return { engine, version: parts.join('.') };
}

function engineAndVersion(resource: OptionContext, option: OptionOccurrence): { engine: string; version: string } | undefined {
  const literal: Literal = option.literal;
  if (option.norm === 'engine') {
    return literal.kind === 'expr' ? cdkEngineVersion(literal.text) : undefined;
  }
  // The version alone is ambiguous (11.22 is RDS or Aurora PostgreSQL): the engine must be visible too.
  const engine = optionNamed(resource, ['Engine'])?.literal;
  return literal.kind === 'str' && engine?.kind === 'str' ? { engine: engine.value, version: literal.value } : undefined;
}

/** An engine version whose major version was past the end of standard support when the rules were built. */
export const engineVersionPastStandardSupport: Check = (rule, context) => {
  const lifecycle = rule.diagnostic?.lifecycle;
  if (!lifecycle) {
    return;
  }
  for (const { context: resource, option } of context.optionsOf(rule)) {
    const pinned = engineAndVersion(resource, option);
    if (pinned && pastStandardSupport(lifecycle, pinned.engine, pinned.version)) {
      context.report(rule, option.value);
    }
  }
};
