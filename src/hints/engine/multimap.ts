/** Maps from a key to the list of values gathered under it. */

/** Adds `value` to the list under `key`, starting the list on the key's first value. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
