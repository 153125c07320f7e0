/**
 * The members of an RDS construct that give the host name (or `host:port`) a client connects to, for the CDK readers
 * of every language: a Lambda function's environment set to one (`DB_HOST: db.dbInstanceEndpointAddress`) is an RDS
 * endpoint (`EnvironmentValue` `rds-endpoint`). TypeScript and Python (`cdk.ts`) name the members as properties; Java,
 * C# and Go (`typedCdk.ts`) as getters, properties or methods (`db.getDbInstanceEndpointAddress()`,
 * `Db.DbInstanceEndpointAddress`, `cluster.ClusterEndpoint().Hostname()`).
 */
import type { CodeAnalyzer } from '../code/analyzer';
import { normalizeName } from '../types';
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
