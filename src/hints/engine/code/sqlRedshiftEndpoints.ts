/**
 * A PostgreSQL driver's connection to Amazon Redshift (psycopg2, pg, pg8000 speak Redshift's protocol too): its
 * host is a Redshift endpoint (`cluster.abc.us-east-1.redshift.amazonaws.com`, a Serverless workgroup's
 * `workgroup.123456789012.us-east-1.redshift-serverless.amazonaws.com`) or its port is Redshift's default, 5439
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/configure-jdbc-connection.html). It is no RDS or Aurora
 * connection, so the RDS rules say nothing of it.
 */
import { Literal, OptionContext, OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { literalOf } from './options';
import { boundLiteral } from './sqlLiterals';
import { dsnHost, DSN_OPTIONS, HOST_OPTIONS } from './sqlTls';

/** A Redshift cluster's or Serverless workgroup's endpoint (also the China Regions'). */
const REDSHIFT_HOST = /\.redshift(?:-serverless)?\.amazonaws\.com(?:\.cn)?$/i;
/** Redshift's default port, in a URL or a key-value DSN. */
const REDSHIFT_DSN_PORT = /(?::5439(?:[/?\s]|$)|(?:^|\s)port\s*=\s*'?5439(?:[\s']|$))/i;
const REDSHIFT_PORT = 5439;

/** Whether the options of a SQL connection name a Redshift endpoint or Redshift's port, written in place or held by a name bound once to a literal. */
export function namesRedshift(a: CodeAnalyzer, context: OptionContext): boolean {
  return context.options.some((option) => {
    const { norm } = option;
    const literal = heldLiteral(a, option);
    if (norm === 'port') {
      return (literal.kind === 'num' && literal.value === REDSHIFT_PORT) || (literal.kind === 'str' && literal.value.trim() === String(REDSHIFT_PORT));
    }
    if (literal.kind !== 'str') {
      return false;
    }
    if (HOST_OPTIONS.has(norm)) {
      return REDSHIFT_HOST.test(literal.value.trim());
    }
    if (DSN_OPTIONS.has(norm) || norm === 'dsn') {
      const host = dsnHost(literal.value);
      return (host !== undefined && REDSHIFT_HOST.test(host)) || REDSHIFT_DSN_PORT.test(literal.value);
    }
    return false;
  });
}

/** The option's literal, or the string literal the one name it is written as holds (`host=WAREHOUSE`). */
function heldLiteral(a: CodeAnalyzer, option: OptionOccurrence): Literal {
  if (option.literal.kind !== 'expr') {
    return option.literal;
  }
  const [first, end] = a.tokensOf(option.value);
  const held = end === first + 1 ? boundLiteral(a, first) : -1;
  return held >= 0 ? literalOf(a, held, held + 1).literal : option.literal;
}
