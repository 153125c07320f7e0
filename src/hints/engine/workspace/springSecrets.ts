/**
 * Passwords a Spring Boot configuration file (`application.yml`, `application-prod.properties`, `bootstrap.yml`) writes
 * as literals under the application's own keys (`app.redis.password: Sup3rSecret!`), for the code that binds them
 * with `@Value("${app.redis.password}")` (`code/importedOptionValues.ts`). Spring Boot's own keys
 * (`spring.datasource.password`) are judged in the file itself (`config/spring.ts`). A value that is itself a
 * placeholder (`${DB_PASSWORD}`) or empty is none. Keys are compared as Spring's relaxed binding compares them.
 */
import { DocumentKind } from '../documentKinds';
import { canonical } from '../config/spring';
import { readYaml } from '../iac/yaml';
import { IacNode } from '../iac/tree';
import { LineIndex } from '../text';
import { PASSWORD_NAME, SecretConstant } from './secretConstants';

/** The configuration files Spring Boot reads by default, with or without a profile. */
const CONFIG_FILE = /(?:^|\/)(?:application|bootstrap)(?:-[\w.-]+)?\.(?:ya?ml|properties)$/;
/** Passwords kept per file: far more than one configuration holds. */
const MAX_SECRETS = 64;
/** A `.properties` line: key, separator, value (`=`, `:` or blanks). */
const PROPERTY_LINE = /^[ \t]*([\w.\-[\]]+)[ \t]*[=:][ \t]*(.*?)[ \t]*$/;

/** Whether a file is a Spring Boot configuration file whose passwords code may bind. */
export function maySetSpringSecrets(file: string, kind: DocumentKind): boolean {
  return (kind === 'yaml' || kind === 'properties') && CONFIG_FILE.test(file) && !file.includes('/test/');
}

/** The literal passwords of the file by their canonical dotted key; undefined when it writes none. */
export function springSecrets(kind: DocumentKind, text: string): Record<string, SecretConstant> | undefined {
  const lines = new LineIndex(text);
  const found: Record<string, SecretConstant> = Object.create(null) as Record<string, SecretConstant>;
  const keep = (key: string, value: string, start: number, end: number): void => {
    const name = key.split('.').pop() ?? '';
    // The first document that writes a key speaks for it (a later one is a profile's).
    if (Object.keys(found).length < MAX_SECRETS && !Object.hasOwn(found, key) && PASSWORD_NAME.test(name) && value !== '' && !value.includes('${')) {
      found[key] = { value, line: lines.lineOf(start), start, end };
    }
  };
  if (kind === 'properties') {
    for (let line = 0; line < lines.lineCount; line++) {
      const match = PROPERTY_LINE.exec(lines.lineText(line));
      if (match && !match[1].startsWith('#')) {
        const start = lines.lineStart(line) + lines.lineText(line).lastIndexOf(match[2]);
        keep(canonicalKey(match[1]), match[2], start, start + match[2].length);
      }
    }
  } else {
    const visit = (node: IacNode, prefix: string): void => {
      for (const entry of node.kind === 'map' ? node.entries : []) {
        const key = `${prefix}${canonicalKey(entry.key)}`;
        const value = entry.value;
        if (value.kind === 'scalar' && value.literal.kind === 'str' && !value.tag) {
          keep(key, value.literal.value, value.span.start, value.span.end);
        }
        visit(value, `${key}.`);
      }
    };
    const root = readYaml(text, lines).root;
    if (root) {
      visit(root, '');
    }
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** A property key as Spring's relaxed binding compares it, part by part (`app.redis.auth-password`: `app.redis.authpassword`). */
export function canonicalKey(key: string): string {
  return key.split('.').map(canonical).join('.');
}
