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
      sdks[sdk as SdkMajor] = { name: entry.name.trim(), maintenance: entry.maintenance, endOfSupport: entry.endOfSupport, migrateTo: entry.migrateTo.trim() };
    }
  }
  return errors.length > 0 ? { errors } : { lifecycle: { builtOn, sdks }, errors };
}
