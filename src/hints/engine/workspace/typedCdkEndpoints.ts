/**
 * The endpoint address of an RDS construct a Java, C# or Go CDK stack hands a Lambda function's environment:
 * `db.getDbInstanceEndpointAddress()` (Java), `Db.DbInstanceEndpointAddress` (C#), `db.DbInstanceEndpointAddress()` (Go),
 * `cluster.ClusterEndpoint().Hostname()`, a `Cfn` class's `AttrEndpointAddress`.
 */
import type { CodeAnalyzer } from '../code/analyzer';
import type { CdkValue } from './cdkSource';

/** RDS construct types whose instances have an endpoint a client connects to. */
export const RDS_ENDPOINT_TYPES = new Set([
  'aws_rds.DatabaseInstance',
  'aws_rds.DatabaseInstanceFromSnapshot',
  'aws_rds.DatabaseInstanceReadReplica',
  'aws_rds.CfnDBInstance',
  'aws_rds.DatabaseCluster',
  'aws_rds.DatabaseClusterFromSnapshot',
  'aws_rds.ServerlessCluster',
  'aws_rds.CfnDBCluster',
]);

/** One member that is the address, or an endpoint object's host name, on a dotted receiver: Java's getters, Go's methods, C#'s properties, in either case. */
const ENDPOINT_TEXT =
  /^[A-Za-z_]\w*(?:\(\s*\))?(?:\s*\.\s*[A-Za-z_]\w*(?:\(\s*\))?)*\s*\.\s*(?:(?:get)?(?:DbInstanceEndpointAddress|AttrEndpointAddress|AttrReadEndpointAddress)(?:\(\s*\))?|(?:get)?(?:InstanceEndpoint|ClusterEndpoint|ClusterReadEndpoint)(?:\(\s*\))?\s*\.\s*(?:get)?(?:Hostname|SocketAddress)(?:\(\s*\))?)$/i;

/**
 * `DbInstanceEndpointAddress`, which only database instances have (RDS's, and DocumentDB's, which no SQL client
 * connects to): read on any receiver, such as an instance another stack hands over in its props
 * (`props.Storage.Database.DbInstanceEndpointAddress()`).
 */
const INSTANCE_ADDRESS = /\.\s*(?:get)?DbInstanceEndpointAddress(?:\(\s*\))?$/i;

/**
 * Whether `value` reads an RDS endpoint's address: on any receiver for an instance's address, on a construct of
 * the file (`isDatabase`, given the receiver's token) for the other members.
 */
export function readsEndpoint(a: CodeAnalyzer, value: CdkValue, isDatabase: (receiver: number) => boolean): boolean {
  if (value.kind !== 'path' && value.kind !== 'call' && value.kind !== 'other') {
    return false;
  }
  const text = a.text.slice(value.span.start, value.span.end);
  if (!ENDPOINT_TEXT.test(text)) {
    return false;
  }
  const [first] = a.tokensOf(value.span);
  return INSTANCE_ADDRESS.test(text) || (a.tokens.starts[first] === value.span.start && isDatabase(first));
}
