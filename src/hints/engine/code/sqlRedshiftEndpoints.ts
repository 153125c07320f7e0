/**
 * A PostgreSQL driver's connection to Amazon Redshift (psycopg2, pg, pg8000 speak Redshift's protocol too): its
 * host is a Redshift endpoint (`cluster.abc.us-east-1.redshift.amazonaws.com`, a Serverless workgroup's
 * `workgroup.123456789012.us-east-1.redshift-serverless.amazonaws.com`) or its port is Redshift's default, 5439
 * (https://docs.aws.amazon.com/redshift/latest/mgmt/configure-jdbc-connection.html). It is no RDS or Aurora
 * connection, so the RDS rules say nothing of it. Nor is one to an EC2 instance's DNS name (the public
 * `ec2-203-0-113-25.us-east-2.compute.amazonaws.com`, `compute-1.amazonaws.com` in us-east-1, the private
 * `ip-10-0-0-12.us-west-2.compute.internal` or `ec2.internal`: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html),
 * a database server the project runs itself or Heroku runs): it gets no RDS connection hint, only its options' own.
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

/** An EC2 instance's public or private DNS name. */
const EC2_HOST = /(?:^|\.)(?:compute(?:-1)?\.amazonaws\.com(?:\.cn)?|compute\.internal|ec2\.internal)$/i;

/** Whether the options of a SQL connection name a Redshift endpoint or Redshift's port, written in place or held by a name bound once to a literal. */
export function namesRedshift(a: CodeAnalyzer, context: OptionContext): boolean {
  return context.options.some((option) => {
    const literal = heldLiteral(a, option);
    if (option.norm === 'port') {
      return (literal.kind === 'num' && literal.value === REDSHIFT_PORT) || (literal.kind === 'str' && literal.value.trim() === String(REDSHIFT_PORT));
    }
    return namesHost(option, literal, REDSHIFT_HOST) || (literal.kind === 'str' && (DSN_OPTIONS.has(option.norm) || option.norm === 'dsn') && REDSHIFT_DSN_PORT.test(literal.value));
  });
}

/** Whether the options of a SQL connection name an EC2 instance as its host, written in place or held by a name bound once to a literal. */
export function namesEc2Instance(a: CodeAnalyzer, context: OptionContext): boolean {
  return context.options.some((option) => namesHost(option, heldLiteral(a, option), EC2_HOST));
}

/** Whether the option is a host, or a URL or DSN whose host is, that `pattern` matches. */
function namesHost(option: OptionOccurrence, literal: Literal, pattern: RegExp): boolean {
  if (literal.kind !== 'str') {
    return false;
  }
  if (HOST_OPTIONS.has(option.norm)) {
    return pattern.test(literal.value.trim());
  }
  const host = DSN_OPTIONS.has(option.norm) || option.norm === 'dsn' ? dsnHost(literal.value) : undefined;
  return host !== undefined && pattern.test(host);
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
