/**
 * Java and C# objects that wrap a DynamoDB client rather than open connections of their own: SDK 1.x's
 * `DynamoDBMapper` and document API `DynamoDB`, the enhanced client built over a client
 * (`DynamoDbEnhancedClient.builder().dynamoDbClient(client).build()`), Spring Cloud AWS's `DynamoDbTemplate`, .NET's
 * `DynamoDBContext`. Built over a client a name already holds (a static field, a parameter, an injected field), a
 * wrapper makes no client: a handler that builds `new DynamoDB(client)` on each invocation reuses the static
 * client's connections. Built over a client made in its arguments, the wrapper stays the construction reported.
 */
import type { CodeAnalyzer } from './analyzer';
import type { Construction } from './handlerClients';

/** Client kinds that wrap a client they are given. */
const WRAPPER_KINDS: ReadonlySet<string> = new Set(['dynamodb-mapper', 'dynamodb-v1-document', 'dynamodb-enhanced', 'dynamodb-template', 'dynamodb-context']);

/**
 * `made`, unless it is of a wrapper kind `kind` and an argument is a client a name holds (`client`, `this.client`)
 * with no client constructed among its arguments: then none. `new DynamoDB(Regions.US_EAST_1)` and
 * `DynamoDbEnhancedClient.create()` make a client of their own.
 */
export function overHeldClient(a: CodeAnalyzer, made: Construction, kind: string, construction: (a: CodeAnalyzer, k: number) => Construction | undefined): Construction | undefined {
  if (!WRAPPER_KINDS.has(kind)) {
    return made;
  }
  let held = false;
  for (let j = made.name + 1; j < made.end; j++) {
    if (construction(a, j)) {
      return made;
    }
    held ||= holdsClient(a, j);
  }
  return held ? undefined : made;
}

/** Whether a plain name (`client`), a field of this object (`this.client`) or of a class (`Handler.CLIENT`) at `j` holds a client. */
function holdsClient(a: CodeAnalyzer, j: number): boolean {
  if ((a.idIs(j, 'this') || /^[A-Z]/.test(a.id(j) ?? '')) && a.isAccess(j + 1) && a.isId(j + 2) && !a.is(j + 3, '(') && !a.isAccess(j + 3) && !a.isAccess(j - 1)) {
    return a.evalChain(j, j + 3).value?.t === 'client';
  }
  return a.isId(j) && !a.isAccess(j - 1) && !a.is(j + 1, '(') && !a.isAccess(j + 1) && a.lookup(a.tokens.text(j), j)?.t === 'client';
}
