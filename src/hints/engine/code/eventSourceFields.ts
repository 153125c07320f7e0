/**
 * Fields of a Lambda event that tell where the event comes from, not what it asks: the API's domain name of an API
 * Gateway request (`req.RequestContext.DomainName`, whose Region a websocket handler parses), an authorizer's
 * `MethodArn`, a stream or bucket record's `AWSRegion` and a Cognito trigger's `CognitoEventUserPoolsHeader.Region`.
 * The same source invokes the function each time, in the function's own Region, so a client configured from them is
 * alike for every invocation (`invocationDependence.ts`), unlike one configured from the request's data
 * (`event.QueryStringParameters["region"]`).
 */
import type { CodeAnalyzer } from './analyzer';

/** Fields that name the source alone, in Go's and JavaScript's spelling. */
const SOURCE_FIELDS = new Set(['MethodArn', 'methodArn', 'AWSRegion', 'awsRegion']);
/** Fields that name the source under the object that holds them: `RequestContext.DomainName`. */
const SOURCE_MEMBERS: readonly (readonly [string, string])[] = [
  ['RequestContext', 'DomainName'],
  ['requestContext', 'domainName'],
  ['CognitoEventUserPoolsHeader', 'Region'],
];

/**
 * At the root `k` of a member chain (`req.RequestContext.DomainName`): the token after the chain when it reads a field
 * of the event's source, else -1.
 */
export function eventSourceRead(a: CodeAnalyzer, k: number): number {
  if (!a.isAccess(k + 1) || a.isAccess(k - 1)) {
    return -1;
  }
  let source = false;
  let j = k;
  while (a.isAccess(j + 1) && a.isId(j + 2)) {
    const field = a.tokens.text(j + 2);
    source ||= SOURCE_FIELDS.has(field) || SOURCE_MEMBERS.some(([holder, member]) => member === field && a.idIs(j, holder));
    j += 2;
  }
  return source ? j + 1 : -1;
}
