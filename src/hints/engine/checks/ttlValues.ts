/**
 * A DynamoDB write that sets the table's Time to Live attribute to a time TTL cannot read (`code/ttlValues.ts`):
 * milliseconds or finer, or a date as a string. TTL then ignores the item, which never expires. The TTL attribute is
 * the one the workspace's template, Terraform or CDK code enables TTL on when the request's table resolves there;
 * otherwise an attribute named for it (`ttl`, `TTL`, `timeToLive`, `time_to_live`). An attribute merely named
 * `expiresAt` may hold a time the application itself compares, in any unit. Writes in tests are left alone.
 */
import { TtlWrite } from '../model';
import { Check } from './context';

const TTL_NAME = /^_?(?:ttl|time_?to_?live)$/i;

function message(write: TtlWrite): string {
  const found =
    write.unit === 'string'
      ? `a date written as a string, but Time to Live reads only a Number of epoch seconds`
      : `in ${write.unit}, but Time to Live reads epoch seconds: read as seconds, it lies tens of thousands of years ahead or more`;
  const fix = write.unit === 'string' ? 'Write the epoch seconds as a Number' : 'Convert to seconds (divide by 1,000 for milliseconds) or read the clock in seconds';
  return `This ${write.attribute} value is ${found}, so DynamoDB ignores it and the item never expires. ${fix}.`;
}

export const ttlNotInSeconds: Check = (rule, context) => {
  for (const write of context.model.ttlWrites ?? []) {
    const table = write.request && context.workspace?.of(write.request)?.table;
    const ttlAttribute = table ? write.attribute === table.ttlAttribute : TTL_NAME.test(write.attribute);
    // Test data may expire as it likes.
    if (ttlAttribute && !context.model.scopes.inTest(write.tokenIndex)) {
      context.report(rule, write.value, undefined, message(write));
    }
  }
};
