/**
 * A configuration value written as a property placeholder with a default: `${DB_URL:jdbc:postgresql://host/db}`
 * (Spring: the default follows the first `:` and may hold more colons,
 * https://docs.spring.io/spring-framework/reference/core/beans/annotation-config/value-annotations.html), Micronaut's
 * default in backquotes for one that holds colons (`${JDBC_URL:`jdbc:mysql://host/db`}`,
 * https://docs.micronaut.io/latest/guide/#propertySource), and Quarkus's `${DB_URL:jdbc:...}`, also nested
 * (`${A:${B:default}}`). The default is what the application connects to when nothing sets the property.
 */

/** `${NAME:rest}`, the whole value: `rest` runs to the last `}`. */
const WHOLE_PLACEHOLDER = /^\$\{[^:{}]*:(.*)\}$/;
/** Nested placeholders read, at most: past this, the value is left unread. */
const MAX_NESTING = 4;

/** The default of a value that is one placeholder with a default, unquoted; undefined for any other value. */
export function placeholderDefault(text: string): string | undefined {
  let value = text.trim();
  let found = false;
  for (let depth = 0; depth < MAX_NESTING; depth++) {
    const match = WHOLE_PLACEHOLDER.exec(value);
    if (!match) {
      break;
    }
    found = true;
    value = match[1].trim();
    if (value.length >= 2 && value.startsWith('`') && value.endsWith('`')) {
      value = value.slice(1, -1);
    }
  }
  return found && !value.startsWith('${') ? value : undefined;
}
