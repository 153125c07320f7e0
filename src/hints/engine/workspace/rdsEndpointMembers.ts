/**
 * The members of an RDS construct that give the host name (or `host:port`) a client connects to, for the CDK readers
 * of every language: a Lambda function's environment set to one (`DB_HOST: db.dbInstanceEndpointAddress`) is an RDS
 * endpoint (`EnvironmentValue` `rds-endpoint`). TypeScript and Python (`cdk.ts`) name the members as properties; Java,
 * C# and Go (`typedCdk.ts`) as getters, properties or methods (`db.getDbInstanceEndpointAddress()`,
 * `Db.DbInstanceEndpointAddress`, `cluster.ClusterEndpoint().Hostname()`).
 */
import type { CodeAnalyzer } from '../code/analyzer';
import type { Tokens } from '../lexer';
import { normalizeName, Span } from '../types';
import type { CdkValue } from './cdkSource';

/** By the kind the CDK readers give a construct, its endpoint members, normalised and joined by dots. */
export const RDS_ENDPOINT_MEMBERS: Partial<Record<string, ReadonlySet<string>>> = {
  'rds-instance': new Set(['dbinstanceendpointaddress', 'instanceendpoint.hostname', 'instanceendpoint.socketaddress', 'attrendpointaddress']),
  'rds-cluster': new Set(['clusterendpoint.hostname', 'clusterendpoint.socketaddress', 'clusterreadendpoint.hostname', 'clusterreadendpoint.socketaddress', 'attrendpointaddress', 'attrreadendpointaddress']),
};
const ANY_ENDPOINT_MEMBER = new Set(Object.values(RDS_ENDPOINT_MEMBERS).flatMap((members) => [...members!]));

/**
 * A member only database instances have (RDS's, and DocumentDB's, which no SQL client reaches): read on any receiver,
 * such as an instance another stack hands over in its props (`props.Storage.Database.DbInstanceEndpointAddress()`).
 */
export const INSTANCE_ADDRESS = 'dbinstanceendpointaddress';

/** RDS construct types of the Java, C# and Go readers whose instances have such members. */
export const RDS_ENDPOINT_TYPES = new Set([
  'aws_rds.DatabaseInstance',
  'aws_rds.DatabaseInstanceFromSnapshot',
  'aws_rds.DatabaseInstanceReadReplica',
  'aws_rds.CfnDBInstance',
  'aws_rds.DatabaseCluster',
  'aws_rds.DatabaseClusterFromSnapshot',
  'aws_rds.ServerlessCluster',
  'aws_rds.ServerlessClusterFromSnapshot',
  'aws_rds.CfnDBCluster',
]);

/** One name of a dotted expression, a call without arguments or not: `Storage`, `getClusterEndpoint()`. */
const SEGMENT = /^([A-Za-z_]\w*)(?:\(\s*\))?$/;

/** A segment's member name as the CDK declares it: Java's getter `getHostname` is `hostname`. */
function memberName(name: string): string {
  return normalizeName(/^get[A-Z]/.test(name) ? name.slice(3) : name);
}

/**
 * Whether `value`, a Java, C# or Go expression, reads an RDS endpoint's address: on any receiver for an instance's
 * address, on a construct of the file (`isDatabase`, given the receiver's token) for the other members.
 */
export function readsEndpoint(a: CodeAnalyzer, value: CdkValue, isDatabase: (receiver: number) => boolean): boolean {
  if (value.kind !== 'path' && value.kind !== 'call' && value.kind !== 'other') {
    return false;
  }
  const segments = a.text.slice(value.span.start, value.span.end).split('.').map((segment) => SEGMENT.exec(segment.trim())?.[1]);
  if (segments.length < 2 || segments.some((name) => name === undefined)) {
    return false;
  }
  const members = segments.map((name) => memberName(name!));
  const last = members[members.length - 1];
  if (last === INSTANCE_ADDRESS) {
    return true;
  }
  // The receiver is one name of the file, followed by one member or an endpoint's two.
  const path = members.slice(1).join('.');
  const [first] = a.tokensOf(value.span);
  return members.length <= 3 && ANY_ENDPOINT_MEMBER.has(path) && a.tokens.starts[first] === value.span.start && isDatabase(first);
}

/**
 * The secret the CDK generates for a database's master user and attaches to it, named on the database
 * (`SECRET_ARN: db.secret!.secretArn`, `this.cluster.secret?.secretName`, Python `db.secret.secret_arn`): the attachment
 * writes the database's `host` into its JSON, which code reads to connect (`EnvironmentValue` `rds-secret`). Not where
 * the construct sets `manageMasterUserPassword: true`: `db.secret` is then the secret RDS manages itself, which holds
 * only the user name and password. Read from the expression's text, as a non-null assertion or optional chain leaves no
 * plain path.
 */
const CDK_SECRET_MEMBER = /^((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\.secret[!?]*\.(?:secretArn|secretName|secretFullArn|secret_arn|secret_name|secret_full_arn)!?$/;

/**
 * Whether `span` names the generated secret of an RDS database of the file (`db.secret!.secretArn`), `lookup` giving the
 * construct a name path is bound to at a token and the members left after it.
 */
export function namesRdsSecret(tokens: Tokens, span: Span, lookup: (names: string[], at: number) => ConstructTarget | undefined): boolean {
  const receiver = rdsSecretReceiver(tokens, span);
  return receiver !== undefined && ownsAttachedSecret(tokens, lookup(receiver.names, receiver.at));
}

/** A construct of the file a name path is bound to, with the members written after it. */
type ConstructTarget = { construct: { kind: string; props?: { span: Span } }; rest: string[] };

/**
 * Whether the name path is an RDS database of the file whose `secret` the CDK generated and attached, so that the
 * secret's JSON holds the database's `host`: not one whose master user RDS manages (`manageMasterUserPassword: true`).
 */
export function ownsAttachedSecret(tokens: Tokens, target: ConstructTarget | undefined): boolean {
  const props = target?.construct.props?.span;
  const managedByRds = props !== undefined && MANAGED_BY_RDS.test(tokens.source.slice(props.start, props.end));
  return target !== undefined && target.rest.length === 0 && RDS_ENDPOINT_MEMBERS[target.construct.kind] !== undefined && !managedByRds;
}

/** A database construct's prop that gives its master user to the secret RDS manages, which holds no host. */
const MANAGED_BY_RDS = /\bmanage(?:MasterUserPassword|_master_user_password)\s*[:=]\s*(?:true|True)\b/;

/** The names of the construct whose generated secret `span` names, and the token the expression starts at, or undefined. */
export function rdsSecretReceiver(tokens: Tokens, span: Span): { names: string[]; at: number } | undefined {
  const names = CDK_SECRET_MEMBER.exec(tokens.source.slice(span.start, span.end).replace(/\s+/g, ''))?.[1].split('.');
  let at = 0;
  for (let high = tokens.length; names && at < high; ) {
    const middle = (at + high) >> 1;
    [at, high] = tokens.starts[middle] < span.start ? [middle + 1, high] : [at, middle];
  }
  return names && { names, at };
}

