/**
 * Which AWS SDK client sends a DynamoDB operation the analyzer found, for the rules that hold only for one of them:
 * the low-level client, whose requests and replies carry typed attribute values (`{ S: '42' }`), or a document
 * client, which converts native values (the SDK for JavaScript v2 `DocumentClient`, v3 `@aws-sdk/lib-dynamodb`, a
 * boto3 `Table` resource, and that resource's own `meta.client`). JavaScript and Python only; a library's own call (dynamoose, PynamoDB, ElectroDB) and a
 * receiver whose origin cannot be seen give undefined.
 */
import type { OperationOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { clientReceiver } from './clientClasses';
import { chainStart } from './receiverChains';

export type SdkClientShape = 'low-level' | 'document';

/** The SDK for JavaScript v3 modules whose commands a client sends as they are. */
const COMMAND_MODULES: Readonly<Record<string, SdkClientShape>> = { '@aws-sdk/client-dynamodb': 'low-level', '@aws-sdk/lib-dynamodb': 'document' };
/** Client kinds (`services.ts`) by the shape of what they send: boto3's client, v2's `AWS.DynamoDB` and v3's `DynamoDB`, then the converting ones. */
const KIND_SHAPES: Readonly<Record<string, SdkClientShape>> = { dynamodb: 'low-level', 'dynamodb-document': 'document', 'dynamodb-resource': 'document', 'dynamodb-table': 'document' };

/** The shape of the SDK client that sends the operation named at `occurrence.tokenIndex`, or undefined where it is not known. */
export function sdkClientShape(a: CodeAnalyzer, occurrence: OperationOccurrence): SdkClientShape | undefined {
  const family = a.language.family;
  if ((family !== 'js' && family !== 'python') || !occurrence.call) {
    return undefined;
  }
  const name = occurrence.tokenIndex;
  if (family === 'js' && a.idIs(name - 1, 'new')) {
    // `new QueryCommand(...)`: the module it is imported from decides, whichever client sends it.
    const value = a.lookup(a.tokens.text(name), name);
    return value?.t === 'ref' && Object.hasOwn(COMMAND_MODULES, value.module) && /Command$/.test(value.path) ? COMMAND_MODULES[value.module] : undefined;
  }
  if (!a.isAccess(name - 1) || !a.is(name + 1, '(')) {
    return undefined;
  }
  const start = chainStart(a, name - 2);
  if (start > name - 2) {
    return undefined;
  }
  const value = clientReceiver(a, a.evalChain(start, name - 1).value, a.tokens.text(name));
  if (value?.t !== 'client' || !Object.hasOwn(KIND_SHAPES, value.kind)) {
    return undefined;
  }
  // A boto3 resource's own client (`resource.meta.client`) has its requests converted as the resource's are.
  return value.convertsValues ? 'document' : KIND_SHAPES[value.kind];
}
