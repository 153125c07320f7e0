/**
 * Framework settings that name a Redis server through a value the code does not show as a literal URL: a Celery
 * broker or result backend, a Django cache `LOCATION` or a channel layer's host read from the environment, a
 * settings object or a name (`os.environ.get("REDIS_URL")`, `Config.REDIS_URL`, `env("REDIS_CACHE_URL")`), or a URL
 * built with a `redis://` scheme (`"redis://{}:6379/1".format(host)`, `f"redis://{host}:6379"`). Such a client is
 * marked as made without TLS (`code/redisClientsWithoutTls.ts`): the URL's scheme decides, as the `redis-tls` hover
 * says. A value that writes `rediss://` (a default, a branch) may turn TLS on, and says nothing.
 */
import type { OptionContext } from '../../model';
import type { Span } from '../../types';
import type { CodeAnalyzer } from '../analyzer';
import { positionalOption } from '../options';

/** A TLS scheme written anywhere in the value: TLS may be on. */
const TLS_SCHEME = /\b(?:rediss|valkeys):\/\//i;
/** A value that names Redis or Valkey: a variable, a key of the environment or a default URL. */
const NAMES_REDIS = /redis|valkey/i;
/** Another broker or backend written in the value (RabbitMQ, SQS, a database, a file). */
const OTHER_SERVICE = /amqp|sqs|rpc:|db\+|django-db|file:|memory:|sentinel/i;

/** The token after the expression that starts at `start`: a delimiter, or the end of its logical line. */
export function expressionEnd(a: CodeAnalyzer, start: number): number {
  let j = start;
  for (;;) {
    const next = a.skipGroup(j);
    if (next >= a.tokens.length || a.is(next, ',') || a.is(next, ')') || a.is(next, '}') || a.is(next, ']') || a.is(next, ';') || a.is(next, ':')) {
      return next;
    }
    if (a.lines.lineOf(a.tokens.starts[next]) > a.lines.lineOf(a.tokens.ends[next - 1])) {
      return next;
    }
    j = next;
  }
}

/**
 * A client whose URL is the expression `start` to `end` (exclusive), not shown as a literal: its `url` option, with
 * the URL not seen. `mustNameRedis`: a setting that may hold another broker's URL (Celery's) counts only where the
 * value names Redis or Valkey and no other service.
 */
export function unseenUrlClient(a: CodeAnalyzer, start: number, end: number, anchor: Span, mustNameRedis: boolean): OptionContext | undefined {
  if (end <= start) {
    return undefined;
  }
  const text = a.text.slice(a.tokens.starts[start], a.tokens.ends[end - 1]);
  if (TLS_SCHEME.test(text) || (mustNameRedis && (!NAMES_REDIS.test(text) || OTHER_SERVICE.test(text)))) {
    return undefined;
  }
  return { kind: 'redis-client', type: 'redis-py', options: [positionalOption(a, start, end, 'url')], complete: false, urlNotSeen: true, anchor };
}
