/** Checks on settings whose default is the risky choice, so leaving them out counts like setting them. */
import { absenceCounts, Check, literalEquals, optionNamed } from './context';

/** A setting that is `true` or left out, where the API default is `true` (DeleteAutomatedBackups). */
export const trueOrAbsent: Check = (rule, context) => {
  for (const { option } of context.optionsOf(rule)) {
    if (literalEquals(option.literal, true)) {
      context.report(rule, option.key, context.fixFor(rule, option));
    }
  }
  const properties = rule.diagnostic?.properties ?? [];
  if (properties.length === 0) {
    return;
  }
  for (const request of context.contextsOf(rule)) {
    if (absenceCounts(rule, request) && !optionNamed(request, properties)) {
      context.report(rule, request.anchor);
    }
  }
};
