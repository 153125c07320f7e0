/**
 * RDS, Aurora and ElastiCache engine lifecycle: which major version an `EngineVersion` literal belongs
 * to, and whether that major version was past the end of standard support on the date the rules were
 * built (the table and the date are compiled into the bundle, so results do not change day by day).
 */
import { EngineLifecycle } from './types';

/**
 * Engines with Extended Support, as the RDS and ElastiCache APIs, CloudFormation and Terraform spell them
 * (`redis` is ElastiCache for Redis OSS; `valkey` and `memcached` have no entry, so they never match), and
 * `aurora`, the engine name of Aurora MySQL version 1 (MySQL 5.6-compatible).
 */
export const LIFECYCLE_ENGINES = ['mysql', 'postgres', 'aurora', 'aurora-mysql', 'aurora-postgresql', 'redis'] as const;

/** Aurora MySQL major versions by the MySQL version they are compatible with. */
const AURORA_MYSQL_MAJORS: Record<string, string> = { '5.7': '2', '8.0': '3' };

/**
 * The major version key of the lifecycle table for an engine and a version literal: `5.7` and `8.0`
 * for MySQL, `11` for PostgreSQL (`9.6` before 10), `2` and `3` for Aurora MySQL
 * (`5.7.mysql_aurora.2.11.2`, `8.0.mysql_aurora.3.05.2`), `5` for Redis OSS (`5.0.6`, `5.0`, `5.x`).
 * Undefined when the literal is not a version.
 */
export function majorVersion(engine: string, version: string): string | undefined {
  const match = /^\s*(\d+)(?:\.(\d+))?/.exec(version);
  if (!match) {
    return undefined;
  }
  const [, first, second] = match;
  switch (engine.toLowerCase()) {
    case 'mysql':
      return second === undefined ? undefined : `${first}.${second}`;
    case 'aurora-mysql': {
      const aurora = /mysql_aurora\.(\d+)\./.exec(version);
      if (aurora) {
        return aurora[1];
      }
      return second === undefined ? undefined : AURORA_MYSQL_MAJORS[`${first}.${second}`];
    }
    case 'aurora':
      // Aurora MySQL version 1 only: its versions read `5.6.10a` or `5.6.mysql_aurora.1.22.2`.
      return first === '5' && second === '6' ? '1' : undefined;
    case 'postgres':
    case 'aurora-postgresql':
      return Number(first) >= 10 || second === undefined ? first : `${first}.${second}`;
    case 'redis':
      // Only a plain version (`5.0.6`, `6.2`, `6.x`): the table is keyed by the major alone.
      return /^\s*\d+(?:\.(?:\d+|x))*\s*$/.test(version) ? first : undefined;
    default:
      return undefined;
  }
}

export interface PastStandardSupport {
  major: string;
  endOfStandardSupport: string;
  /** Set when that date was the major's end of life, with no Extended Support after it. */
  endOfLife?: true;
}

/**
 * Whether this engine version was past the end of standard support on the build date. Undefined when
 * the engine or the major version is not in the table (unknown means no finding: precision first).
 */
export function pastStandardSupport(lifecycle: EngineLifecycle, engine: string, version: string): PastStandardSupport | undefined {
  const major = majorVersion(engine, version);
  const endOfStandardSupport = major === undefined ? undefined : lifecycle.engines[engine.toLowerCase()]?.[major];
  if (major === undefined || endOfStandardSupport === undefined) {
    return undefined;
  }
  // ISO dates compare as strings; support ends at the end of the listed day.
  if (lifecycle.builtOn <= endOfStandardSupport) {
    return undefined;
  }
  return lifecycle.endOfLife?.[engine.toLowerCase()]?.includes(major) ? { major, endOfStandardSupport, endOfLife: true } : { major, endOfStandardSupport };
}
