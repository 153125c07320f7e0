/**
 * The TLS settings a Java pool hands its JDBC driver as data source properties rather than in the URL: HikariCP's
 * `config.addDataSourceProperty("sslmode", "verify-full")` on the config or the data source, and a `Properties`
 * object filled with `props.setProperty("sslmode", ...)` (or `put`) and given to `setDataSourceProperties(props)`
 * (https://github.com/brettwooldridge/HikariCP#gear-configuration-knobs-baby, `dataSourceProperties`). PgJDBC
 * reads `sslmode` and `sslrootcert` from them as from the URL (https://jdbc.postgresql.org/documentation/use/),
 * Connector/J its `sslMode`. Each becomes the connection's option of that name, so the TLS hover and checks read
 * it as they read a keyword of another driver.
 */
import { OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { occurrenceOf } from './options';
import { tokensNamed } from './tokenIndex';

/** The property names read, as PgJDBC and Connector/J spell them, and the option each gives. */
const TLS_PROPERTIES: Readonly<Record<string, string>> = { sslmode: 'sslmode', sslMode: 'sslmode', sslrootcert: 'sslrootcert' };

/** The TLS options set as data source properties on the name at `held`, in the function or block around `made`. */
export function dataSourceTlsOptions(a: CodeAnalyzer, held: number, made: number): OptionOccurrence[] {
  const found: OptionOccurrence[] = [];
  const [from, to] = a.scopes.range(a.scopes.enclosing(made, ['function', 'block']));
  const inBody = (k: number): boolean => k >= from && k < to;
  for (const open of calls(a, a.tokens.text(held), inBody)) {
    const method = a.tokens.text(open - 1);
    if (method === 'addDataSourceProperty') {
      found.push(...propertySet(a, open));
    } else if (method === 'setDataSourceProperties') {
      const args = segments(a, open);
      if (args.length === 1 && args[0][1] === args[0][0] + 1 && a.isId(args[0][0])) {
        for (const set of calls(a, a.tokens.text(args[0][0]), inBody)) {
          if (a.idIs(set - 1, 'setProperty') || a.idIs(set - 1, 'put')) {
            found.push(...propertySet(a, set));
          }
        }
      }
    }
  }
  return found;
}

/** The `(` of each method call made on the name `name` within the body (`name.method(`). */
function calls(a: CodeAnalyzer, name: string, inBody: (k: number) => boolean): number[] {
  return tokensNamed(a, name)
    .filter((use) => inBody(use) && !a.isAccess(use - 1) && a.isAccess(use + 1) && a.isId(use + 2) && a.is(use + 3, '(') && a.partner[use + 3] > use + 3)
    .map((use) => use + 3);
}

/** `("sslmode", value)`: the option the property gives, keyed at its name's string. */
function propertySet(a: CodeAnalyzer, open: number): OptionOccurrence[] {
  const args = segments(a, open);
  if (args.length !== 2 || args[0][1] !== args[0][0] + 1 || !a.isString(args[0][0])) {
    return [];
  }
  const key = args[0][0];
  const property = a.tokens.text(key);
  const name = Object.hasOwn(TLS_PROPERTIES, property) ? TLS_PROPERTIES[property] : undefined;
  if (name === undefined) {
    return [];
  }
  const [valueStart, valueEnd] = args[1];
  return [occurrenceOf(a, { key, valueStart, valueEnd, removalStart: key, removalEnd: valueEnd - 1, name })];
}
