/**
 * Where quiz progress lives in global state (progressStore.ts says why it is laid out so), and a
 * cheap mark of what the synced part holds. Pure and tiny: activation registers the keys for Settings
 * Sync and reads the status bar's counts without loading the quiz engine.
 */

/** The single key of versions before the per-machine logs; still read (older versions may write it), never written. */
export const LEGACY_STATE_KEY = 'awsDbStudy.quiz.progress';
export const SLOT_COUNT = 16;
export const SLOT_KEYS: readonly string[] = Array.from({ length: SLOT_COUNT }, (_unused, index) => `awsDbStudy.quiz.log.${index}`);
/** The keys registered for Settings Sync, the same on every machine and in every version. */
export const SYNCED_KEYS: readonly string[] = [...SLOT_KEYS, LEGACY_STATE_KEY];
/** This machine's own log and the slot it writes (not synced). */
export const OWN_LOG_KEY = 'awsDbStudy.quiz.ownLog';
export const OWN_SLOT_KEY = 'awsDbStudy.quiz.ownSlot';

/**
 * A 32-bit FNV-1a hash of the synced values as JSON: it changes when Settings Sync brings another
 * machine's reviews, so that a count made before can be told stale without replaying any log.
 */
export function syncedProgressMark(store: { get(key: string): unknown }): number {
  const json = JSON.stringify(SYNCED_KEYS.map((key) => store.get(key) ?? null));
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/** Nothing stored at all: a fresh install that has never graded anything (nor synced anything). */
export function hasNoProgress(store: { get(key: string): unknown }): boolean {
  return [...SYNCED_KEYS, OWN_LOG_KEY].every((key) => store.get(key) === undefined);
}
