/** An SDK for JavaScript v2 request sent twice: once by its callback, once by `.promise()` (`code/callbackAndPromise.ts`). */
import { Check } from './context';

export const callbackAndPromise: Check = (rule, context) => {
  for (const span of context.model.sentTwice ?? []) {
    context.report(rule, span);
  }
};
