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

function message({ phase, phases }: SdkPhase): string {
  return phase === 'end-of-support'
    ? `${phases.name} reached end-of-support on ${phases.endOfSupport}: it gets no more releases, not even security fixes. Migrate to ${phases.migrateTo}.`
    : `${phases.name} has been in maintenance mode since ${phases.maintenance} (critical and security fixes only) and reaches end-of-support on ${phases.endOfSupport}. Plan the move to ${phases.migrateTo}.`;
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
    context.report(rule, imported.span, undefined, message(phase), undefined, imported.service);
  }
};
