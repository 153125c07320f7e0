/**
 * Elements of collections that a JavaScript loop or iteration callback reads one by one: the nodes of an
 * ioredis cluster (`for (const node of cluster.nodes('master'))`, `cluster.nodes('master').map((node) => node.keys(p))`),
 * each an ioredis connection to one node, so a command sent to each node is that command.
 */
import type { CodeAnalyzer } from './analyzer';
import { FunctionScope } from './language';
import { chainStart } from './receiverChains';
import { Value } from './values';

/** Array methods that call their first argument once per element, with the element first. */
const ITERATION_METHODS = new Set(['map', 'forEach', 'flatMap', 'filter', 'find', 'findLast', 'some', 'every']);

/** How many names a chain may hold before `.nodes(`: `this.cache.cluster.nodes(...)`. */
const MAX_CHAIN_NAMES = 8;

/**
 * The element of `cluster.nodes(role)` written from `start`, where `cluster` is an ioredis client: `Cluster#nodes`
 * returns a `Redis` per node (ioredis API, Cluster.nodes), and a single `Redis` has no `nodes` method.
 */
export function clusterNodeElement(a: CodeAnalyzer, start: number): Value | undefined {
  // `(this.redis as Cluster).nodes('master')`: a parenthesised receiver, read up to its cast.
  const parenthesised = a.is(start, '(') && a.partner[start] > start;
  if (!parenthesised && !a.isId(start)) {
    return undefined;
  }
  let j = parenthesised ? a.partner[start] : start;
  for (let names = 0; names < MAX_CHAIN_NAMES && a.isAccess(j + 1) && a.isId(j + 2); names++) {
    if (a.idIs(j + 2, 'nodes') && a.is(j + 3, '(')) {
      const cluster = parenthesised ? a.evalChain(start + 1, a.partner[start]).value : a.evalChain(start, j + 1).value;
      return cluster?.t === 'client' && cluster.kind === 'redis' && cluster.flavor === 'ioredis' ? { t: 'client', kind: 'redis', flavor: 'ioredis' } : undefined;
    }
    j += 2;
  }
  return undefined;
}

/**
 * Where the receiver of the iteration call starts whose first argument is the function `fn`
 * (`nodes.map(async (node) => ...)`, `list.forEach(function (item) {...})`), or -1.
 */
export function iteratedReceiver(a: CodeAnalyzer, fn: FunctionScope): number {
  let start = fn.params;
  if (a.is(start, '(') && a.isId(start - 1) && !a.idIs(start - 1, 'async')) {
    // `function (item)` or `function each(item)`; any other name before `(` is a method or a call.
    start = a.idIs(start - 1, 'function') ? start - 1 : a.idIs(start - 2, 'function') ? start - 2 : -1;
  }
  if (start > 0 && a.idIs(start - 1, 'async')) {
    start--;
  }
  const method = start - 2;
  if (start < 4 || !a.is(start - 1, '(') || !ITERATION_METHODS.has(a.id(method) ?? '') || !a.isAccess(method - 1)) {
    return -1;
  }
  const receiverEnd = method - 2;
  const receiverStart = chainStart(a, receiverEnd);
  return receiverStart <= receiverEnd ? receiverStart : -1;
}
