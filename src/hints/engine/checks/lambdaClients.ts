/**
 * A DynamoDB, Redis or RDS client made inside a handler, so on every call: a Lambda handler's invocations
 * (`code/handlerClients.ts`) or a web handler's requests (`code/webHandlers.ts`).
 */
import { Check } from './context';

/** One finding per construction, naming the service of the client it makes. */
export const clientPerInvocation: Check = (rule, context) => {
  for (const made of context.model.handlerClients ?? []) {
    const message = made.helper ? rule.diagnostic?.calledMessage : made.pulumiCallback ? rule.diagnostic?.callbackMessage : undefined;
    // A Pulumi callback's hover shows the Pulumi fix (a `callbackFactory`), not a module-level client.
    context.report(rule, made.name, undefined, message, undefined, made.service, made.pulumiCallback ? 'pulumi' : undefined);
  }
};

/** A SQL driver's connection or pool that a Lambda handler opens on each invocation (`code/sqlConnections.ts`). */
export const sqlConnectionPerInvocation: Check = (rule, context) => {
  for (const connection of context.model.sqlConnections ?? []) {
    if (connection.perInvocation) {
      context.report(rule, connection.name, undefined, connection.helper ? rule.diagnostic?.calledMessage : undefined);
    }
  }
};

/**
 * A client a Lambda handler makes is `lambda-client-per-invocation`'s to report, and a Redis connection a FastAPI
 * dependency opens and closes is `redis-connection-per-call`'s: one finding per construction. A SQL pool, engine or
 * single connection a web handler makes per request (`code/sqlPoolsPerRequest.ts`) is reported here too.
 */
export const clientPerRequest: Check = (rule, context) => {
  const inLambdaHandlers = new Set((context.model.handlerClients ?? []).map((made) => made.name.start));
  const closedConnections = new Set((context.model.connectionsPerCall ?? []).map((name) => name.start));
  for (const made of context.model.requestClients ?? []) {
    if (!inLambdaHandlers.has(made.name.start) && !(made.dependency && closedConnections.has(made.name.start))) {
      const message = made.registered ? rule.diagnostic?.registeredMessage : made.helper ? rule.diagnostic?.calledMessage : undefined;
      context.report(rule, made.name, undefined, message, undefined, made.service);
    }
  }
  for (const pool of context.model.sqlConnections ?? []) {
    if (pool.perRequest) {
      const diagnostic = rule.diagnostic;
      const message = pool.single ? (pool.helper ? diagnostic?.connectionCalledMessage : diagnostic?.connectionMessage) : pool.helper ? diagnostic?.poolCalledMessage : diagnostic?.poolMessage;
      context.report(rule, pool.name, undefined, message, undefined, 'rds');
    }
  }
};
