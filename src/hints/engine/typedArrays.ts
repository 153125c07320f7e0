/** `array` copied into the start of `larger`, for typed arrays that grow by doubling (tokens, scopes, line starts). */
export function copyInto<T extends Uint8Array | Uint16Array | Int32Array>(array: T, larger: T): T {
  larger.set(array);
  return larger;
}
