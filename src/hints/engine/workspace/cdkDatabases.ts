/** The RDS and ElastiCache constructs of a CDK app: their engine and the settings written literally (never a password). */
import { cdkEngineVersion } from '../code/cdk';
import { CdkValue, entry, lastNames } from './cdkSource';
import { cdkText } from './cdkTables';
import { keepsSetting } from './contribution';
import { DatabaseDefinition, DatabaseKind, SourceRef } from './types';

/** Engine factories (`DatabaseInstanceEngine.postgres(...)`, `DatabaseClusterEngine.AURORA_MYSQL`) by their name, normalised. */
const ENGINE_FACTORIES = new Map<string, string>(Object.entries({
  postgres: 'postgres',
  mysql: 'mysql',
  mariadb: 'mariadb',
  aurorapostgres: 'aurora-postgresql',
  auroramysql: 'aurora-mysql',
  aurora: 'aurora-mysql',
}));

/** A database or cache construct, from its props as written in `text`. */
export function cdkDatabase(text: string, construct: { id?: string; props: CdkValue | undefined; definedAt: SourceRef }, kind: DatabaseKind): DatabaseDefinition {
  const database: DatabaseDefinition = { kind, logicalName: construct.id ?? '', format: 'cdk', settings: {}, definedAt: construct.definedAt };
  const entries = construct.props?.kind === 'object' ? construct.props.entries : [];
  for (const { name, value } of entries) {
    if (keepsSetting(name) && (value.kind === 'string' || value.kind === 'number' || value.kind === 'bool')) {
      database.settings[name] = value.value;
    }
  }
  const engine = entry(construct.props, 'engine');
  const literal = cdkText(engine);
  const written = engine ? text.slice(engine.span.start, engine.span.end) : '';
  const versioned = cdkEngineVersion(written);
  const factory = engine?.kind === 'call' || engine?.kind === 'path' ? ENGINE_FACTORIES.get((lastNames(engine, 1) ?? '').replace(/_/g, '').toLowerCase()) : undefined;
  const name = literal ?? versioned?.engine ?? factory;
  if (name) {
    database.engine = name;
  }
  const version = cdkText(entry(construct.props, 'engineVersion')) ?? versioned?.version;
  if (version) {
    database.engineVersion = version;
  }
  return database;
}
