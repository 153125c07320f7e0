/** The AWS SDK major version a file imports its DynamoDB, RDS or ElastiCache client from, against the dated SDK lifecycle table. */
import { SdkLifecycle, SdkMajor, SdkPhases } from '../types';
import { Check } from './context';

export type SdkPhase = { phase: 'end-of-support' | 'maintenance'; phases: SdkPhases };

/**
 * Where an SDK major version stood on the day the rules were built: past end-of-support, in
 * maintenance mode, or (undefined) fully supported or not in the table. Each date in the table is
 * the first day of its phase; ISO dates compare as strings.
 */
export function sdkPhase(lifecycle: SdkLifecycle, sdk: SdkMajor): SdkPhase | undefined {
  const phases = lifecycle.sdks[sdk];
  if (!phases) {
    return undefined;
  }
  if (lifecycle.builtOn >= phases.endOfSupport) {
    return { phase: 'end-of-support', phases };
  }
  return lifecycle.builtOn >= phases.maintenance ? { phase: 'maintenance', phases } : undefined;
}

function message({ phase, phases }: SdkPhase, clients: readonly string[] | undefined): string {
  const migrateTo = migrateToFor(phases, clients);
  return phase === 'end-of-support'
    ? `${phases.name} reached end-of-support on ${phases.endOfSupport}: it gets no more releases, not even security fixes. Migrate to ${migrateTo}.`
    : `${phases.name} has been in maintenance mode since ${phases.maintenance} (critical and security fixes only) and reaches end-of-support on ${phases.endOfSupport}. Plan the move to ${migrateTo}.`;
}

/**
 * What to migrate to: the packages that take the place of the client classes the file uses, in the table's
 * order, each once; the general text when the file shows none the table knows.
 */
export function migrateToFor(phases: SdkPhases, clients: readonly string[] | undefined): string {
  const table = phases.packages;
  if (!table || !phases.migrateToPackages || !clients) {
    return phases.migrateTo;
  }
  const packages: string[] = [];
  for (const [client, names] of Object.entries(table)) {
    if (clients.includes(client)) {
      packages.push(...names.filter((name) => !packages.includes(name)));
    }
  }
  return packages.length > 0 ? phases.migrateToPackages.replace('{packages}', packages.join(', ')) : phases.migrateTo;
}

/** One finding per file, on the import of the client, while the SDK is in maintenance mode or past end-of-support. */
export const sdkPastEndOfSupport: Check = (rule, context) => {
  const lifecycle = rule.diagnostic?.sdkLifecycle;
  const imported = context.model.sdkImport;
  if (!lifecycle || !imported || !rule.match.sdkImports?.includes(imported.sdk)) {
    return;
  }
  const phase = sdkPhase(lifecycle, imported.sdk);
  if (phase) {
    context.report(rule, imported.span, undefined, message(phase, imported.clients), undefined, imported.service);
  }
};
