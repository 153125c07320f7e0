/**
 * The Redis connection a job queue holds. BullMQ's `Queue`, `Worker`, `QueueEvents` and `FlowProducer` give theirs
 * as `client`, a promise of the ioredis client (`await queue.client`, https://api.docs.bullmq.io/classes/v5.Queue.html#client);
 * Bull's `Queue` as `client`, the ioredis client itself (https://github.com/OptimalBits/bull/blob/develop/REFERENCE.md).
 * Code that takes a lock or reads its own keys on that connection (`(await queue.client).set(lock, id, 'PX', ttl, 'NX')`)
 * sends Redis commands the rules read. An instance is a reference to its class, read through its members as a
 * cache-manager store is (`cacheManagerStoreTypes.ts`); `await` gives the client the promise resolves to.
 */
import type { RedisFlavor } from '../model';
import { withoutPrototype } from '../sourceKeyed';
import type { Value } from './values';

/** The queue classes of each library, by the path an import gives them; Bull's default export is its `Queue`. */
const QUEUE_CLASSES: Readonly<Record<string, Readonly<Record<string, string>>>> = withoutPrototype<Readonly<Record<string, string>>>({
  bullmq: { Queue: 'Queue', Worker: 'Worker', QueueEvents: 'QueueEvents', FlowProducer: 'FlowProducer' },
  bull: { '': 'Queue', default: 'Queue', Queue: 'Queue' },
});

/** The member of an instance that holds its connection. */
const CLIENT_MEMBER = 'client';
const FLAVOR: RedisFlavor = 'ioredis';

/**
 * An instance of a queue class (`new Queue('mail', { connection })`, also Bull's `Queue('mail')` without `new`), or
 * the class named as a type (`queue: Queue`): a reference its `client` member is read through.
 */
export function queueInstance(module: string, path: string): Value | undefined {
  const classes = QUEUE_CLASSES[module];
  const className = classes && Object.hasOwn(classes, path) ? classes[path] : undefined;
  return className ? { t: 'ref', module, path: className } : undefined;
}

/** The ioredis client at `path` below such an instance (`Queue.client`), if that is its connection. */
export function queueClient(module: string, path: string): Value | undefined {
  const classes = QUEUE_CLASSES[module];
  const dot = path.indexOf('.');
  if (!classes || dot < 0 || path.slice(dot + 1) !== CLIENT_MEMBER) {
    return undefined;
  }
  const className = path.slice(0, dot);
  return Object.values(classes).includes(className) ? { t: 'client', kind: 'redis', flavor: FLAVOR } : undefined;
}
