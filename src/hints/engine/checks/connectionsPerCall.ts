/** Redis: a client a function opens and closes around its own work, so a new connection per call (`code/scopedConnections.ts`). */
import { Check } from './context';

/**
 * A handler's client is `lambda-client-per-invocation`'s or `client-per-request`'s to report (one finding per
 * construction); a FastAPI dependency's connection, opened and closed for each request, is reported here.
 */
export const connectionPerCall: Check = (rule, context) => {
  const handlersMade = [...(context.model.handlerClients ?? []), ...(context.model.requestClients ?? []).filter((made) => !made.dependency)];
  const inHandlers = new Set(handlersMade.map((made) => made.name.start));
  for (const name of context.model.connectionsPerCall ?? []) {
    if (!inHandlers.has(name.start)) {
      context.report(rule, name, undefined, name.unclosed ? rule.diagnostic?.unclosedMessage : undefined);
    }
  }
};
