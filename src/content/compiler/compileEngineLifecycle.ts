/**
 * Build-time reader for `content/hints/rds-engine-lifecycle.yaml`: the end of RDS standard support
 * per engine and major version, each with its AWS source, checked and stamped with the build date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LIFECYCLE_ENGINES } from '../../hints/engine/engineLifecycle';
import { EngineLifecycle } from '../../hints/engine/types';

export const LIFECYCLE_FILE = 'rds-engine-lifecycle.yaml';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Where the dates of a table must come from: AWS documentation or announcements. */
export const AWS_SOURCE = /^https:\/\/(?:docs\.aws\.amazon\.com|aws\.amazon\.com)\//;

/** The day the rules are built (UTC), or the day of `SOURCE_DATE_EPOCH` for reproducible builds. */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : now;
  return date.toISOString().slice(0, 10);
}

export function isCalendarDate(value: string): boolean {
  // A day past 31 makes no Date at all (02-30 makes 2 March): both are refused.
  const date = new Date(`${value}T00:00:00Z`);
  return ISO_DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface LifecycleResult {
  lifecycle?: EngineLifecycle;
  errors: string[];
}

/**
 * A dated table under `<root>/hints/<fileName>`: a mapping with `verified` (the day its dates were
 * checked) and its entries under `entriesKey`. A missing file gives no entries and no error.
 */
export function readDatedTable(root: string, fileName: string, entriesKey: string): { entries?: Record<string, unknown>; errors: string[] } {
  const file = path.join(root, 'hints', fileName);
  if (!fs.existsSync(file)) {
    return { errors: [] };
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { errors: [`invalid YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (!isMapping(parsed) || typeof parsed.verified !== 'string' || !isCalendarDate(parsed.verified) || !isMapping(parsed[entriesKey])) {
    return { errors: [`must be a mapping with 'verified' (a YYYY-MM-DD string) and '${entriesKey}'`] };
  }
  return { entries: parsed[entriesKey], errors: [] };
}

/** Reads and validates the table under `<root>/hints`; a missing file means no table (and no error). */
export function compileEngineLifecycle(root: string, builtOn: string): LifecycleResult {
  const table = readDatedTable(root, LIFECYCLE_FILE, 'engines');
  if (!table.entries) {
    return { errors: table.errors };
  }
  const errors: string[] = [];
  const engines: EngineLifecycle['engines'] = {};
  const endOfLife: NonNullable<EngineLifecycle['endOfLife']> = {};
  for (const [engine, majors] of Object.entries(table.entries)) {
    if (!(LIFECYCLE_ENGINES as readonly string[]).includes(engine)) {
      errors.push(`engine '${engine}' is not one of ${LIFECYCLE_ENGINES.join(', ')}`);
      continue;
    }
    if (!isMapping(majors)) {
      errors.push(`${engine}: must map major versions to their dates`);
      continue;
    }
    engines[engine] = {};
    for (const [major, entry] of Object.entries(majors)) {
      const where = `${engine} ${major}`;
      // A major listed with `endOfLife` instead had no Extended Support: that day ended all support.
      const date = isMapping(entry) ? (entry.endOfLife ?? entry.endOfStandardSupport) : undefined;
      if (!/^\d+(?:\.\d+)?$/.test(major)) {
        errors.push(`${where}: major version must look like 11 or 5.7 (quote it in YAML)`);
      } else if (!isMapping(entry) || (entry.endOfLife !== undefined && entry.endOfStandardSupport !== undefined)) {
        errors.push(`${where}: give either 'endOfStandardSupport' or 'endOfLife', not both`);
      } else if (typeof date !== 'string' || !isCalendarDate(date)) {
        errors.push(`${where}: '${entry.endOfLife === undefined ? 'endOfStandardSupport' : 'endOfLife'}' must be a YYYY-MM-DD string`);
      } else if (typeof entry.source !== 'string' || !AWS_SOURCE.test(entry.source)) {
        errors.push(`${where}: 'source' must be an AWS page (https://docs.aws.amazon.com/... or https://aws.amazon.com/...)`);
      } else {
        engines[engine][major] = date;
        if (entry.endOfLife !== undefined) {
          (endOfLife[engine] ??= []).push(major);
        }
      }
    }
  }
  if (errors.length > 0) {
    return { errors };
  }
  return { lifecycle: Object.keys(endOfLife).length > 0 ? { builtOn, engines, endOfLife } : { builtOn, engines }, errors };
}
