/**
 * go-redis client options: `redis.NewClient(&redis.Options{Addr: ..., Password: ..., TLSConfig: &tls.Config{...}})`,
 * written in the call or held by a variable. A client connects with TLS only when its options carry a
 * `TLSConfig`; the fields of that config (`InsecureSkipVerify`) are read with the client's own options.
 */
import type { CodeAnalyzer } from '../analyzer';
import { redisClientOptions } from '../redis';
import { segments } from '../braces';
import { isGoRedisFactory, REDIS_OPTION_TYPES } from './goClients';

/** `redis.NewClient(...)` at the name token: the options of the client it makes. */
export function goRedisFactoryCall(a: CodeAnalyzer, nameIndex: number): void {
  const open = nameIndex + 1;
  if (!isGoRedisFactory(a.tokens.text(nameIndex)) || !a.is(open, '(') || a.partner[open] < 0) {
    return;
  }
  const [start, end] = segments(a, open)[0] ?? [-1, -1];
  if (start < 0) {
    return;
  }
  const literal = optionsLiteral(a, start);
  if (literal >= 0 && a.partner[literal] + 1 === end) {
    redisClientOptions(a, literal, 'go-redis');
    return;
  }
  // `redis.NewClient(opts)`: the literal the variable was declared with. Fields set on it afterwards, by
  // assignment or by functional options (`opt(opts)`), stay unseen, so what it lacks is unknown.
  const held = a.isId(start) && end === start + 1 ? a.scopes.lookup(a.tokens.text(start), start) : undefined;
  const heldLiteral = held && held.expression >= 0 ? optionsLiteral(a, held.expression) : -1;
  if (heldLiteral >= 0) {
    redisClientOptions(a, heldLiteral, 'go-redis');
    a.contexts[a.contexts.length - 1].complete = false;
  }
}

/** The `{` of `&redis.Options{` / `redis.ClusterOptions{` starting at `from`, or -1. */
function optionsLiteral(a: CodeAnalyzer, from: number): number {
  const k = a.is(from, '&') ? from + 1 : from;
  const brace = k + 3;
  const isOptions = a.isId(k) && a.goPackages.get(a.tokens.text(k)) === 'redis' && a.is(k + 1, '.') && a.isId(k + 2) && REDIS_OPTION_TYPES.has(a.tokens.text(k + 2));
  return isOptions && a.is(brace, '{') && a.partner[brace] > brace ? brace : -1;
}
