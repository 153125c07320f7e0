/**
 * Python objects that stand for a client they hold or make on first use:
 * - a class whose `__getattr__` hands every attribute it lacks to one client
 *   (`def __getattr__(self, name): return getattr(self._client, name)`, the client made there lazily or in
 *   `__init__`): an instance is that client wherever the class does not define the member itself;
 * - a lazy proxy of a library, which calls its factory on first use and then forwards every attribute to
 *   what it returned: werkzeug's `LocalProxy(get_db)` (Flask), Django's `SimpleLazyObject(lambda: ...)`,
 *   `lazy_object_proxy.Proxy(factory)`.
 * A `__getattr__` that returns anything else, or clients of two kinds, stands for none.
 */
import type { CodeAnalyzer } from '../analyzer';
import { segments } from '../braces';
import type { Value } from '../values';

const LAZY_PROXIES = new Set(['werkzeug.local.LocalProxy', 'werkzeug.LocalProxy', 'django.utils.functional.SimpleLazyObject', 'lazy_object_proxy.Proxy']);

/** Whether a value is a lazy proxy class of a library (see the module comment). */
export function isLazyProxy(a: CodeAnalyzer, value: Value): boolean {
  return a.language.family === 'python' && value.t === 'ref' && LAZY_PROXIES.has(`${value.module}.${value.path}`);
}

/** What the factory given to a lazy proxy whose arguments open at `open` returns: a function's return, or a `lambda:` body. */
export function proxiedValue(a: CodeAnalyzer, open: number): Value | undefined {
  const [first] = segments(a, open);
  if (!first) {
    return undefined;
  }
  const [start, end] = first;
  const body = a.idIs(start, 'lambda') && a.is(start + 1, ':') ? start + 2 : start;
  const factory = a.evalChain(body, end);
  if (factory.end !== end || !factory.value) {
    return undefined;
  }
  if (body !== start) {
    return factory.value;
  }
  return factory.value.t === 'function' ? a.returnValue(factory.value) : undefined;
}

type Client = Value & { t: 'client' };

/** Per file, by class scope: the client its `__getattr__` forwards to (null: none, or still being read, as `getattr(self._x, name)` reads `__getattr__` again). */
const forwarded = new WeakMap<CodeAnalyzer, Map<number, Client | null>>();

/** The client a Python class's `__getattr__` forwards to (see the module comment), or undefined. */
export function delegatedClient(a: CodeAnalyzer, classScope: number): Client | undefined {
  if (a.language.family !== 'python') {
    return undefined;
  }
  let known = forwarded.get(a);
  if (!known) {
    known = new Map();
    forwarded.set(a, known);
  }
  const cached = known.get(classScope);
  if (cached !== undefined) {
    return cached ?? undefined;
  }
  known.set(classScope, null);
  const client = forwardedClient(a, classScope);
  known.set(classScope, client ?? null);
  return client;
}

function forwardedClient(a: CodeAnalyzer, classScope: number): Client | undefined {
  const member = a.scopes.member(classScope, '__getattr__');
  const method = member ? a.valueOf(member) : undefined;
  const returns = method?.t === 'function' ? (a.returns.get(method.scope) ?? []) : [];
  let client: Client | undefined;
  for (const start of returns) {
    const target = forwardedTarget(a, start);
    if (target?.t !== 'client' || (client && client.kind !== target.kind)) {
      return undefined;
    }
    client = target;
  }
  return client;
}

/** `getattr(self._client, name)` as a whole `return` expression starting at `start`: the value of its first argument. */
function forwardedTarget(a: CodeAnalyzer, start: number): Value | undefined {
  const open = start + 1;
  const close = a.partner[open];
  if (!a.idIs(start, 'getattr') || !a.is(open, '(') || close < 0 || a.scopes.lookup('getattr', start) || (close + 1 < a.tokens.length && !a.startsLine(close + 1))) {
    return undefined;
  }
  const args = segments(a, open);
  if (args.length !== 2 || args[1][1] - args[1][0] !== 1 || !a.isId(args[1][0])) {
    return undefined;
  }
  const target = a.evalChain(args[0][0], args[0][1]);
  return target.end === args[0][1] ? target.value : undefined;
}
