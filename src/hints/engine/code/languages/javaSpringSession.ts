/**
 * Spring Session's Redis configurations that send CONFIG when the application starts: the indexed session
 * repository (`@EnableRedisIndexedHttpSession`, and `@EnableRedisHttpSession` before Spring Session 3.0) turns on
 * keyspace notifications with `CONFIG SET notify-keyspace-events` unless a `ConfigureRedisAction.NO_OP` bean says
 * not to. ElastiCache blocks CONFIG, so the application fails to start there
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ClientConfig.RestrictedCommands.html;
 * https://redis.io/docs/latest/integrate/spring-framework-cache/session/, "Use a service that doesn't allow
 * configuration changes"). The annotation is read as that CONFIG SET, for the `redis-config` hover, where the file
 * declares no such bean. Files that do not name the annotations cost one substring search.
 */
import type { CodeAnalyzer } from '../analyzer';

const PACKAGE = 'org.springframework.session.data.redis.config.annotation.web.http';
const ANNOTATIONS = ['EnableRedisIndexedHttpSession', 'EnableRedisHttpSession'];

export function springSessionConfigCalls(a: CodeAnalyzer): void {
  if (!a.text.includes('@EnableRedis') || !a.text.includes(PACKAGE) || a.text.includes('ConfigureRedisAction.NO_OP')) {
    return;
  }
  for (let k = 1; k < a.tokens.length; k++) {
    if (a.is(k - 1, '@') && a.isId(k) && a.tokens.isOneOf(k, ANNOTATIONS)) {
      const name = a.tokenSpan(k);
      const last = a.is(k + 1, '(') && a.partner[k + 1] > k ? a.partner[k + 1] : k;
      a.redisCalls.push({
        command: 'configset',
        name,
        tokenIndex: k,
        flavor: 'spring-data-redis',
        call: { start: a.tokens.starts[k - 1], end: a.tokens.ends[last] },
        receiver: '',
        argsText: '',
        inLoop: false,
        inLoopStatement: false,
        batched: false,
        awaited: false,
      });
    }
  }
}
