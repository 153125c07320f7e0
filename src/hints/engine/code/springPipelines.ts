/**
 * Spring Data Redis commands that go out in one pipeline, so a loop of them costs no round trip per key:
 *   - those a callback handed to a template's `executePipelined` sends, written as an anonymous
 *     `RedisCallback` or `SessionCallback` class (a lambda's connection is read as batched where it is
 *     bound, `languages/javaLambdaClients.ts`);
 *   - those sent on a connection after its `openPipeline()` and before its `closePipeline()`.
 * "The executePipelined methods run the provided RedisCallback or SessionCallback in a pipeline"
 * (https://docs.spring.io/spring-data-redis/reference/redis/pipelining.html), and after
 * `openPipeline()` "all commands return null (the reply is read at the end through closePipeline())"
 * (the javadoc of `RedisConnection.openPipeline()` in spring-data-redis).
 */
import type { CodeAnalyzer } from './analyzer';
import { perFile } from './fileMemo';
import { insideCallArguments } from './enclosingCalls';

/** Tokens read back from a command for its connection's `openPipeline()`: far more than one method's body. */
const MAX_LOOKBACK = 4000;

const mentionsPipeline = perFile((a) => a.text.includes('Pipeline'));

/** Whether the Spring Data Redis command whose receiver starts at `receiverStart` and whose name is at `index` is queued in a pipeline. */
export function springPipelined(a: CodeAnalyzer, receiverStart: number, index: number): boolean {
  const mentions = mentionsPipeline(a);
  // In the arguments of a template's `executePipelined(...)`, at any depth (an anonymous class's method).
  const pipelinedCall = (name: number): boolean => a.idIs(name, 'executePipelined') && a.isAccess(name - 1);
  return mentions && (insideCallArguments(a, index, pipelinedCall) || (receiverStart === index - 2 && afterOpenPipeline(a, receiverStart)));
}

/**
 * Whether `connection.openPipeline()` comes before the command on the connection named at `receiver`, in the
 * same function body, with no `connection.closePipeline()` between them.
 */
function afterOpenPipeline(a: CodeAnalyzer, receiver: number): boolean {
  const name = a.tokens.text(receiver);
  const fn = a.scopes.enclosing(receiver, ['function']);
  const stop = Math.max(fn > 0 ? a.scopes.start(fn) : 0, receiver - MAX_LOOKBACK, 0);
  for (let k = receiver - 3; k > stop; k--) {
    if (a.is(k + 1, '(') && a.isAccess(k - 1) && a.idIs(k - 2, name) && !a.isAccess(k - 3)) {
      if (a.idIs(k, 'openPipeline')) {
        return true;
      }
      if (a.idIs(k, 'closePipeline')) {
        return false;
      }
    }
  }
  return false;
}
