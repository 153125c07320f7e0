/**
 * Build-time reader for `content/hints/sdk-lifecycle.yaml`: when each older AWS SDK major version
 * entered maintenance mode and end-of-support, each with its AWS source, stamped with the build date.
 */
import { SDK_MAJORS, SdkLifecycle, SdkMajor } from '../../hints/engine/types';
import { AWS_SOURCE, isCalendarDate, isMapping, readDatedTable } from './compileEngineLifecycle';

export const SDK_LIFECYCLE_FILE = 'sdk-lifecycle.yaml';

export interface SdkLifecycleResult {
  lifecycle?: SdkLifecycle;
  errors: string[];
}

/** Reads and validates the table under `<root>/hints`; a missing file means no table (and no error). */
export function compileSdkLifecycle(root: string, builtOn: string): SdkLifecycleResult {
  const table = readDatedTable(root, SDK_LIFECYCLE_FILE, 'sdks');
  if (!table.entries) {
    return { errors: table.errors };
  }
  const errors: string[] = [];
  const sdks: SdkLifecycle['sdks'] = {};
  for (const [sdk, entry] of Object.entries(table.entries)) {
    if (!(sdk in SDK_MAJORS)) {
      errors.push(`sdk '${sdk}' is not one of ${Object.keys(SDK_MAJORS).join(', ')}`);
    } else if (!isMapping(entry) || typeof entry.name !== 'string' || typeof entry.migrateTo !== 'string' || !entry.name.trim() || !entry.migrateTo.trim()) {
      errors.push(`${sdk}: 'name' and 'migrateTo' must be non-empty strings`);
    } else if (typeof entry.maintenance !== 'string' || !isCalendarDate(entry.maintenance) || typeof entry.endOfSupport !== 'string' || !isCalendarDate(entry.endOfSupport)) {
      errors.push(`${sdk}: 'maintenance' and 'endOfSupport' must be YYYY-MM-DD strings`);
    } else if (entry.maintenance > entry.endOfSupport) {
      errors.push(`${sdk}: 'maintenance' must not come after 'endOfSupport'`);
    } else if (!Array.isArray(entry.sources) || entry.sources.length === 0 || entry.sources.some((source) => typeof source !== 'string' || !AWS_SOURCE.test(source))) {
      errors.push(`${sdk}: 'sources' must list AWS pages (https://docs.aws.amazon.com/... or https://aws.amazon.com/...)`);
    } else {
      const packages = readPackages(sdk, entry, errors);
      sdks[sdk as SdkMajor] = { name: entry.name.trim(), maintenance: entry.maintenance, endOfSupport: entry.endOfSupport, migrateTo: entry.migrateTo.trim(), ...packages };
    }
  }
  return errors.length > 0 ? { errors } : { lifecycle: { builtOn, sdks }, errors };
}

const PACKAGE_NAME = /^@?[a-z0-9][a-z0-9._/-]*$/;

/** The optional `packages` (client class → the next version's packages) with its `migrateToPackages` text: both or neither. */
function readPackages(sdk: string, entry: Record<string, unknown>, errors: string[]): { packages?: Record<string, string[]>; migrateToPackages?: string } {
  if (entry.packages === undefined && entry.migrateToPackages === undefined) {
    return {};
  }
  const text = entry.migrateToPackages;
  if (!isMapping(entry.packages) || typeof text !== 'string' || !text.includes('{packages}')) {
    errors.push(`${sdk}: 'packages' (a mapping) and 'migrateToPackages' (a text with {packages}) go together`);
    return {};
  }
  const packages: Record<string, string[]> = {};
  for (const [client, names] of Object.entries(entry.packages)) {
    if (!Array.isArray(names) || names.length === 0 || names.some((name) => typeof name !== 'string' || !PACKAGE_NAME.test(name))) {
      errors.push(`${sdk}: packages of '${client}' must be a non-empty list of package names`);
      return {};
    }
    packages[client] = names as string[];
  }
  return { packages, migrateToPackages: text.trim() };
}
