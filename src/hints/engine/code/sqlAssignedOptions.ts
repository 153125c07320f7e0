/**
 * Settings a JavaScript SQL pool or connection gets through its options variable, set key by key before the
 * driver is given it: `const poolConfig = url ? { connectionString: url } : {}`, then `poolConfig.ssl = {
 * rejectUnauthorized: false }`, then `new Pool(poolConfig)`. Each `name.key = value` between the binding and the
 * construction, in the function that binds the name, is an option (an object value adds its own keys, as one written
 * in place does). `pg`, `mysql2` and `mysql` copy the options when they are given them, so a key set afterwards does
 * not reach the connection and is not read.
 */
import type { OptionContext, OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { contextFrom } from './options';
import { assignedOption, memberAssignmentsOf } from './requests';

/** The options assigned to the variable at token `name` (the driver's argument) before it is passed there. */
export function assignedSqlOptions(a: CodeAnalyzer, name: number, type: string, anchor: OptionContext['anchor']): OptionOccurrence[] {
  const text = a.tokens.text(name);
  const binding = a.scopes.lookup(text, name);
  if (!binding) {
    return [];
  }
  const options: OptionOccurrence[] = [];
  for (const eq of memberAssignmentsOf(a, text, binding)) {
    if (eq > name) {
      break;
    }
    const option = assignedOption(a, eq);
    options.push(option);
    const [first, end] = a.tokensOf(option.value);
    if (a.is(first, '{') && a.partner[first] === end - 1) {
      options.push(...contextFrom(a, first, a.partner[first], 'sql-client', type, anchor).options);
    }
  }
  return options;
}
