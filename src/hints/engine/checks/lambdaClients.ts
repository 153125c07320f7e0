/** Lambda: a DynamoDB, Redis or RDS client made inside the handler, so on every invocation (`code/handlerClients.ts`). */
import { Check } from './context';

/** One finding per construction, naming the service of the client it makes. */
export const clientPerInvocation: Check = (rule, context) => {
  for (const made of context.model.handlerClients ?? []) {
    context.report(rule, made.name, undefined, undefined, undefined, made.service);
  }
};
