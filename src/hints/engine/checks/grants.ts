/** Checks on what a construct method call grants. */
import { normalizeName } from '../types';
import { Check } from './context';

/** A call (read as an option) whose name the diagnostic lists: `table.grantFullAccess(fn)`. */
export const optionNamed: Check = (rule, context) => {
  const flagged = new Set((rule.diagnostic?.properties ?? []).map(normalizeName));
  for (const { option } of context.optionsOf(rule)) {
    if (flagged.has(option.norm)) {
      context.report(rule, option.key);
    }
  }
};
