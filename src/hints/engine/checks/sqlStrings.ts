/** Checks on SQL text sent through an API: a statement the code builds from values instead of binding them. */
import { Check } from './context';

/**
 * A SQL statement (the RDS Data API's `sql`) built from values by interpolation, concatenation or a formatting
 * call: the values become SQL, where the request's `parameters` would send them apart from it.
 */
export const sqlBuiltFromValues: Check = (rule, context) => {
  for (const { option } of context.optionsOf(rule)) {
    if (option.builtString === true) {
      context.report(rule, option.value);
    }
  }
};
