/**
 * The classes a Java or Kotlin file binds to a Spring property prefix (`@ConfigurationProperties(prefix = "app.cache")
 * public class CacheSettings`), by class name: code elsewhere that reads `settings.getHost()` of such a class reads the
 * property `app.cache.host` (`code/springBoundHosts.ts`).
 */

/** The annotation with its prefix as the only argument, written as `prefix =`, `value =` or alone. */
const ANNOTATION = /@ConfigurationProperties\s*\(\s*(?:(?:prefix|value)\s*=\s*)?"([\w.\-[\]]+)"\s*\)/g;
/** The class the annotation is on: the next class declared, past other annotations and modifiers (no `{` or `;` between). */
const NEXT_CLASS = /^[^{;]*?\bclass\s+(\w+)/;
/** Characters read after the annotation for its class. */
const CLASS_WINDOW = 400;

/** The file's classes by name with the prefix each binds; undefined when it binds none. */
export function springPropertyClasses(text: string): Record<string, string> | undefined {
  if (!text.includes('@ConfigurationProperties')) {
    return undefined;
  }
  const found: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const match of text.matchAll(ANNOTATION)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + CLASS_WINDOW);
    const name = NEXT_CLASS.exec(after)?.[1];
    if (name !== undefined) {
      found[name] = match[1];
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** The prefix each class name binds across the workspace; a name two files bind to different prefixes binds none. */
export function springPropertyPrefixes(contributions: Iterable<{ contribution: { springPropertyPrefixes?: Record<string, string> } }>): ReadonlyMap<string, string | undefined> {
  const prefixes = new Map<string, string | undefined>();
  for (const { contribution } of contributions) {
    for (const [name, prefix] of Object.entries(contribution.springPropertyPrefixes ?? {})) {
      prefixes.set(name, prefixes.has(name) && prefixes.get(name) !== prefix ? undefined : prefix);
    }
  }
  return prefixes;
}
