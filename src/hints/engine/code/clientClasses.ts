/**
 * Classes of the file that extend a client class (`class CacheConnection extends Redis`): an instance is that
 * client wherever the class does not define the member itself, and the arguments of `super(...)` in its
 * constructor, or of `new` on a class with no constructor of its own, are the client's options.
 */
import { RedisFlavor } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { redisClientOptions } from './redis';
import { memberOfClient, Value } from './values';

/** How far up a chain of same-file base classes the client class is looked for (as the scope tree does). */
const MAX_BASE_DEPTH = 8;

/** The client a class of the file is by inheritance: the client type its outermost same-file base extends, or undefined. */
export function clientClass(a: CodeAnalyzer, classScope: number): (Value & { t: 'client' }) | undefined {
  if (classScope <= 0) {
    return undefined;
  }
  let scope = classScope;
  for (let depth = 0; depth < MAX_BASE_DEPTH && a.scopes.baseOf(scope) > 0; depth++) {
    scope = a.scopes.baseOf(scope);
  }
  const token = a.outsideBases.get(scope);
  const value = token === undefined ? undefined : a.language.typeValue(a, token);
  return value?.t === 'client' ? value : undefined;
}

/** A member that an instance's class does not define (`cache.pipeline`), when the class extends a client class: the client's member. */
export function inheritedMember(a: CodeAnalyzer, instance: Value & { t: 'instance' }, name: string): Value | undefined {
  const client = instance.classObject ? undefined : clientClass(a, instance.classScope);
  return client ? memberOfClient(client, name) : undefined;
}

/** The receiver of `receiver.method(...)`: an instance of a class that extends a client class is the client, unless the class defines the method. */
export function clientReceiver(a: CodeAnalyzer, value: Value | undefined, method: string): Value | undefined {
  if (value?.t !== 'instance' || value.classObject || a.scopes.member(value.classScope, method)) {
    return value;
  }
  return clientClass(a, value.classScope) ?? value;
}

/** A Redis client class (`class Cache extends Redis`): its flavor, or undefined. */
function redisClass(a: CodeAnalyzer, classScope: number): RedisFlavor | undefined {
  const client = clientClass(a, classScope);
  return client?.kind === 'redis' ? (client.flavor ?? 'ioredis') : undefined;
}

/** `super(url, { tls: {...} })` in the constructor of a Redis client class: the client's options. Returns whether it was one. */
export function superOptions(a: CodeAnalyzer, superIndex: number): boolean {
  const flavor = redisClass(a, a.scopes.enclosing(superIndex, ['class']));
  if (flavor) {
    redisClientOptions(a, superIndex + 1, flavor);
  }
  return flavor !== undefined;
}

/** `new Cache(url, { ... })` of a Redis client class whose constructor is the client's own: the client's options. */
export function constructorOptions(a: CodeAnalyzer, classScope: number, open: number): void {
  const flavor = redisClass(a, classScope);
  if (flavor && !a.scopes.member(classScope, 'constructor')) {
    redisClientOptions(a, open, flavor);
  }
}
