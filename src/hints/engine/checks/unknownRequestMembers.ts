/**
 * A member written in a DynamoDB request that the operation does not have (`dynamodb-unknown-request-member`): a near
 * miss of one of its members (`ExpressionAttributevalues`, `ReturnValue`), or a member of another operation
 * (`IndexName` or `Item` in an UpdateItem). The SDK for JavaScript v3 and v2's `DocumentClient` leave an unknown
 * member out of the request, so the call runs without it (an expression whose values are dropped fails, an update
 * meant for an index goes by the table's key); boto3 and v2's `AWS.DynamoDB` reject the request. A name of neither kind
 * is left alone: the object may carry the code's own keys. Only requests an SDK client sends (not a library's, as
 * ElectroDB's `limit`), and only keys the file writes itself, are judged.
 * Members from the API reference: API_Query, API_Scan, API_GetItem, API_PutItem, API_UpdateItem, API_DeleteItem
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/).
 */
import { nearMiss } from '../code/misspeltPageKeys';
import { Check } from './context';

const COMMON = ['TableName', 'ReturnConsumedCapacity', 'ExpressionAttributeNames'];
const WRITES = [...COMMON, 'Expected', 'ConditionalOperator', 'ReturnValues', 'ReturnItemCollectionMetrics', 'ConditionExpression', 'ExpressionAttributeValues', 'ReturnValuesOnConditionCheckFailure'];
const READS = [...COMMON, 'IndexName', 'Select', 'AttributesToGet', 'Limit', 'ConsistentRead', 'ConditionalOperator', 'ExclusiveStartKey', 'ProjectionExpression', 'FilterExpression', 'ExpressionAttributeValues'];

/** Each operation's request members, by the operation as the engine names it. */
const MEMBERS: Readonly<Record<string, ReadonlySet<string>>> = {
  'dynamodb:Query': new Set([...READS, 'KeyConditions', 'QueryFilter', 'ScanIndexForward', 'KeyConditionExpression']),
  'dynamodb:Scan': new Set([...READS, 'ScanFilter', 'TotalSegments', 'Segment']),
  'dynamodb:GetItem': new Set([...COMMON, 'Key', 'AttributesToGet', 'ConsistentRead', 'ProjectionExpression']),
  'dynamodb:PutItem': new Set([...WRITES, 'Item']),
  'dynamodb:UpdateItem': new Set([...WRITES, 'Key', 'AttributeUpdates', 'UpdateExpression']),
  'dynamodb:DeleteItem': new Set([...WRITES, 'Key']),
};

/** Every member of these operations: a name one of them has, written in another, is a mistake too. */
const ANY_MEMBER: ReadonlySet<string> = new Set(Object.values(MEMBERS).flatMap((members) => [...members]));

/** The misspelt page key is `dynamodb-misspelt-page-key`'s. */
const PAGE_KEY = 'ExclusiveStartKey';

export const unknownRequestMember: Check = (rule, context) => {
  // One object the code sends as either of two operations (`appId ? new QueryCommand(params) : new ScanCommand(params)`):
  // a member the other operation takes is written for that one.
  const operationsByKey = new Map<number, Set<string>>();
  for (const request of context.model.scopes.sdkRequests()) {
    for (const option of request.kind === 'sdk' ? request.options : []) {
      const operations = operationsByKey.get(option.key.start);
      if (operations) {
        operations.add(request.type);
      } else {
        operationsByKey.set(option.key.start, new Set([request.type]));
      }
    }
  }
  const sentAsAnother = (written: string, start: number): boolean => [...(operationsByKey.get(start) ?? [])].some((type) => MEMBERS[type]?.has(written));
  for (const request of context.model.scopes.sdkRequests()) {
    const members = request.kind === 'sdk' ? MEMBERS[request.type] : undefined;
    if (!members) {
      continue;
    }
    const operation = request.type.slice('dynamodb:'.length);
    const article = operation.startsWith('U') ? 'an' : 'a';
    for (const option of request.options) {
      const written = option.name;
      if (members.has(written) || option.passedFrom || option.key.end <= option.key.start) {
        continue;
      }
      const meant = [...members].find((member) => nearMiss(written, member));
      if (meant === PAGE_KEY) {
        continue;
      }
      if (meant) {
        context.report(rule, option.key, undefined, `${written} is not a member of ${article} ${operation} request; the member is ${meant}. The SDK for JavaScript (v3, and v2's DocumentClient) leaves an unknown member out, so the request is sent without it; boto3 and v2's AWS.DynamoDB reject the request.`);
      } else if (ANY_MEMBER.has(written) && !sentAsAnother(written, option.key.start)) {
        context.report(rule, option.key, undefined, `${operation} takes no ${written}. The SDK for JavaScript (v3, and v2's DocumentClient) leaves it out of the request, so the call runs as if it were not written; boto3 and v2's AWS.DynamoDB reject the request.`);
      }
    }
  }
};
