/** Redis client calls and client options, and the statement around a call for rewrites. */
import { RedisCall, RedisFlavor } from '../model';
import { REDIS_COMMANDS, REDIS_SENDERS } from '../services';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { isBatchLoopVariable, loopKind } from './loops';
import { contextFrom } from './options';

export function redisClientOptions(a: CodeAnalyzer, open: number, flavor: RedisFlavor): void {
  const close = a.partner[open];
  if (close >= 0) {
    a.contexts.push(contextFrom(a, open, close, 'redis-client', flavor, a.tokenSpan(open - 1)));
  }
}

/** go-redis names for MULTI/EXEC and pipelines, as the commands the rules name. */
const GO_REDIS_ALIASES = new Map([
  ['pipelined', 'pipeline'],
  ['txpipeline', 'multi'],
  ['txpipelined', 'multi'],
]);

export function redisCall(a: CodeAnalyzer, index: number, client: { flavor?: RedisFlavor; batched?: boolean }, receiverStart: number): void {
  const flavor = client.flavor ?? 'ioredis';
  const method = normalizeName(a.tokens.text(index));
  const open = index + 1;
  const close = a.partner[open];
  let command = flavor === 'go-redis' ? (GO_REDIS_ALIASES.get(method) ?? method) : method;
  let nameSpan = a.tokenSpan(index);
  if (REDIS_SENDERS.has(method)) {
    const first = a.is(open + 1, '[') ? open + 2 : open + 1;
    if (!a.isString(first)) {
      return;
    }
    command = normalizeName(a.tokens.text(first).split(/\s+/)[0] ?? '');
    nameSpan = a.tokenSpan(first);
  }
  if (!REDIS_COMMANDS.has(command) || close < 0) {
    return;
  }
  const loop = loopKind(a, index);
  const call: RedisCall = {
    command,
    name: nameSpan,
    tokenIndex: index,
    flavor,
    call: { start: a.tokens.starts[receiverStart], end: a.tokens.ends[close] },
    receiver: REDIS_SENDERS.has(method) ? '' : a.text.slice(a.tokens.starts[receiverStart], a.tokens.ends[index - 2]),
    argsText: a.text.slice(a.tokens.ends[open], a.tokens.starts[close]).trim(),
    inLoop: loop !== undefined,
    // `go rdb.Del(ctx, k)` runs in a goroutine of its own: the loop does not wait for it.
    inLoopStatement: loop === 'statement' && !(flavor === 'go-redis' && a.idIs(receiverStart - 1, 'go')),
    awaited: a.idIs(receiverStart - 1, 'await'),
    batched: client.batched === true || (a.isId(open + 1) && close === open + 2 && isBatchLoopVariable(a, index, a.tokens.text(open + 1))),
  };
  const statement = assignmentStatement(a, receiverStart, close);
  if (statement) {
    call.statement = statement;
  }
  a.redisCalls.push(call);
}

/** `const x = await <call>;` / `x = <call>` around a call, for statement rewrites. */
export function assignmentStatement(a: CodeAnalyzer, callStart: number, callClose: number): RedisCall['statement'] {
  let k = callStart - 1;
  const awaited = a.id(k) === 'await';
  if (awaited) {
    k--;
  }
  if (!a.is(k, '=') || !a.id(k - 1)) {
    return undefined;
  }
  const variable = a.tokens.text(k - 1);
  const declarationIndex = ['const', 'let', 'var'].includes(a.id(k - 2) ?? '') ? k - 2 : k - 1;
  let end = callClose;
  if (a.is(end + 1, ';')) {
    end++;
  }
  const start = a.tokens.starts[declarationIndex];
  const line = a.lines.lineOf(start);
  if (a.lines.lineStart(line) + a.lines.indentation(line).length !== start) {
    return undefined;
  }
  return {
    span: { start, end: a.tokens.ends[end] },
    variable,
    declaration: declarationIndex === k - 2 ? a.tokens.text(declarationIndex) : '',
    indent: a.lines.indentation(line),
    awaited,
  };
}
