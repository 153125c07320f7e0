/**
 * A plain string, number or boolean written where the low-level DynamoDB client takes an attribute value
 * (`code/untypedAttributeValues.ts`): the request fails. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html
 */
import { Check } from './context';

export const untypedAttributeValue: Check = (rule, context) => {
  for (const value of context.model.scopes.untypedAttributeValues()) {
    const message = `The low-level client takes each value of ${value.parameter} as a typed attribute value, such as { S: '42' } or { N: '42' }, not a plain ${value.kind}: boto3 and the SDK for JavaScript v2 reject the request before sending it, and v3 sends it for DynamoDB to reject. Write the type, or use the document client (lib-dynamodb, DocumentClient, a boto3 Table), which converts plain values.`;
    context.report(rule, value.span, undefined, message);
  }
};
