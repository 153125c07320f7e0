/** Checks on what a construct method call grants, or a setting that is wrong wherever it is written. */
import { OptionContext } from '../model';
import { normalizeName } from '../types';
import { Check } from './context';

/**
 * An option whose name the diagnostic lists: `table.grantFullAccess(fn)`, each call a grant of its own; or a
 * legacy API's parameter or block (`replica` of `aws_dynamodb_global_table`), once per request or resource
 * however many times a block repeats.
 */
export const optionNamed: Check = (rule, context) => {
  const flagged = new Set((rule.diagnostic?.properties ?? []).map(normalizeName));
  const reported = new Set<OptionContext>();
  for (const { context: resource, option } of context.optionsOf(rule)) {
    if (!flagged.has(option.norm) || reported.has(resource)) {
      continue;
    }
    if (resource.kind !== 'cdk') {
      reported.add(resource);
    }
    context.report(rule, option.key);
  }
};
