/** Checks on SQL text sent through an API: a statement the code builds from values instead of binding them. */
import { Check } from './context';

/**
 * A SQL statement (the RDS Data API's `sql`) built from values by interpolation, concatenation or a formatting
 * call: the values become SQL, where the request's `parameters` would send them apart from it. Reported where
 * it is built: the value, or the argument a call of the file passes to the wrapper whose parameter the value is.
 */
export const sqlBuiltFromValues: Check = (rule, context) => {
  for (const { option } of context.optionsOf(rule)) {
    for (const span of option.builtStrings ?? []) {
      context.report(rule, span);
    }
  }
};
