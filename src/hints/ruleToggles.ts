/**
 * Turning design-hint rules off and on again in the `awsDbStudy.hints.rules` setting, undoably.
 * Pure: takes what the configuration holds, returns what to write (undefined removes the setting).
 */

export type RulesSetting = Record<string, unknown> | undefined;

/** The setting as a map; anything malformed counts as empty, as in parseHintSettings. */
function asMap(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

function orNothing(map: Record<string, unknown>): RulesSetting {
  return Object.keys(map).length > 0 ? map : undefined;
}

/** The setting with the rule off, and what the rule had before (for Undo). */
export function turnRuleOff(current: unknown, ruleId: string): { next: RulesSetting; previous: unknown } {
  const map = asMap(current);
  const previous = map[ruleId];
  map[ruleId] = 'off';
  return { next: map, previous };
}

/** The setting with the rule back to what it had before it was turned off (nothing: the default). */
export function restoreRule(current: unknown, ruleId: string, previous: unknown): RulesSetting {
  const map = asMap(current);
  if (previous === undefined) {
    delete map[ruleId];
  } else {
    map[ruleId] = previous;
  }
  return orNothing(map);
}

/** The setting without the rule's `off` (a severity override stays). */
export function turnRuleOn(current: unknown, ruleId: string): RulesSetting {
  const map = asMap(current);
  if (map[ruleId] === 'off') {
    delete map[ruleId];
  }
  return orNothing(map);
}

/** The ids a setting turns off, sorted. */
export function rulesTurnedOff(current: unknown): string[] {
  return Object.entries(asMap(current))
    .filter(([, value]) => value === 'off')
    .map(([id]) => id)
    .sort();
}
