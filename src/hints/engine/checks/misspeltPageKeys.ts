/**
 * A near miss of `LastEvaluatedKey` read of a Query's or Scan's reply, or of `ExclusiveStartKey` set on its request
 * (`code/misspeltPageKeys.ts`): the SDK never sets or sends that member, so a paging loop stops after the first page,
 * or reads the first page again. https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
 */
import { Check } from './context';

export const misspeltPageKey: Check = (rule, context) => {
  for (const key of context.model.scopes.misspeltPageKeys()) {
    const message =
      key.meant === 'LastEvaluatedKey'
        ? `${key.written} is not a member of a Query or Scan reply: the SDK returns the page key as LastEvaluatedKey, so this read is always empty and the code never gets past the first page.`
        : `${key.written} is not a Query or Scan parameter: the page to start from is ExclusiveStartKey. The SDK for JavaScript (v3, and v2's DocumentClient) leaves an unknown member out, so the call reads the first page again; boto3 and v2's AWS.DynamoDB reject the request.`;
    context.report(rule, key.span, undefined, message);
  }
};
