/**
 * Spring Cloud AWS 1.x and 2.x `@EnableRdsInstance(dbInstanceIdentifier = "orders", password = "...")` on a
 * configuration class: the annotation makes a JDBC data source (a pool) to the RDS instance it names, whose endpoint
 * it looks up through the RDS API, logging in with the instance's master user unless `username` says otherwise
 * (https://docs.awspring.io/spring-cloud-aws/docs/2.4.4/reference/html/index.html#data-access-with-jdbc). The
 * annotation is that connection, and its `password` attribute the password, a literal one in source control or a
 * `${...}` placeholder Spring fills in. Spring Cloud AWS 3.0 dropped the annotation; older services still carry it.
 */
import { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { segments } from './braces';
import { positionalOption } from './options';
import type { SqlConnection } from './sqlConnections';
import { tokensNamed } from './tokenIndex';

/** The annotation's import: Spring Cloud AWS's package up to 2.2, then `io.awspring.cloud` (2.3, 2.4), by name or with `*`. */
const IMPORTED = /\bimport\s+(?:org\.springframework\.cloud\.aws|io\.awspring\.cloud)\.jdbc\.config\.annotation\.(?:EnableRdsInstance|\*)\s*;/;

const ANNOTATION = 'EnableRdsInstance';

/** Whether a Java file imports the annotation. */
export function importsRdsInstanceAnnotation(a: CodeAnalyzer): boolean {
  return a.language.family === 'java' && IMPORTED.test(a.text);
}

/** Each `@EnableRdsInstance(...)` of the file, as a JDBC connection named by the annotation, with its `password` attribute. */
export function rdsInstanceAnnotations(a: CodeAnalyzer): { connections: SqlConnection[]; contexts: OptionContext[] } {
  const connections: SqlConnection[] = [];
  const contexts: OptionContext[] = [];
  if (!importsRdsInstanceAnnotation(a)) {
    return { connections, contexts };
  }
  for (const name of tokensNamed(a, ANNOTATION)) {
    const open = name + 1;
    if (!a.is(name - 1, '@') || !a.is(open, '(') || a.partner[open] < 0) {
      continue;
    }
    const anchor = a.tokenSpan(name);
    const context: OptionContext = { kind: 'sql-client', type: 'jdbc', options: [], complete: false, anchor };
    // `password = "..."` among the annotation's `name = value` attributes.
    for (const [start, end] of segments(a, open)) {
      if (a.idIs(start, 'password') && a.is(start + 1, '=') && end > start + 2) {
        context.options.push(positionalOption(a, start + 2, end, 'password'));
      }
    }
    connections.push({ name: anchor, flavor: 'jdbc' });
    contexts.push(context);
  }
  return { connections, contexts };
}
