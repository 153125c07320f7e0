/**
 * Bytes as text in the 93 printable ASCII characters a double-quoted string literal holds as they are (all but
 * `"` and `\`), so the packed catalog, parts and rules sit in a string literal without escapes, and a packed
 * text ends where the string that holds it does. basE91's scheme with two more characters: each pair of
 * characters carries 13 bits, or 14 when the 13 are small enough that the 14-bit value still has a pair
 * (93² = 8649 = 8192 + 457). About 1.226 characters a byte, 2% shorter than Z85's 1.25; ASCII allows no
 * better than 1.223.
 */
const ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((char) => char !== '"' && char !== '\\')
  .join('');

const BASE = ALPHABET.length;

/** 13-bit values below this take a 14th bit: the largest 14-bit value is then 8192 + 456, the largest a pair can hold. */
const FOURTEEN_BITS_BELOW = BASE * BASE - 8192;

const DIGITS = (() => {
  const digits = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE; i++) {
    digits[ALPHABET.charCodeAt(i)] = i;
  }
  return digits;
})();

export function encodeBase93(bytes: Uint8Array): string {
  const out: string[] = [];
  let queue = 0;
  let bits = 0;
  for (const byte of bytes) {
    queue |= byte << bits;
    bits += 8;
    if (bits > 13) {
      let value = queue & 8191;
      if (value >= FOURTEEN_BITS_BELOW) {
        queue >>>= 13;
        bits -= 13;
      } else {
        value = queue & 16383;
        queue >>>= 14;
        bits -= 14;
      }
      out.push(ALPHABET[value % BASE] + ALPHABET[Math.floor(value / BASE)]);
    }
  }
  if (bits > 0) {
    out.push(ALPHABET[queue % BASE]);
    if (bits > 7 || queue >= BASE) {
      out.push(ALPHABET[Math.floor(queue / BASE)]);
    }
  }
  return out.join('');
}

/** The bytes `encodeBase93` encoded; throws on text it did not make. */
export function decodeBase93(text: string): Uint8Array {
  // At most one byte for each character (fewer in fact); the tail is cut off below.
  const out = new Uint8Array(text.length);
  let length = 0;
  let queue = 0;
  let bits = 0;
  let pending = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? DIGITS[code] : -1;
    if (digit < 0) {
      throw new Error('not Base93 text');
    }
    if (pending < 0) {
      pending = digit;
      continue;
    }
    const value = pending + digit * BASE;
    pending = -1;
    queue |= value << bits;
    bits += (value & 8191) >= FOURTEEN_BITS_BELOW ? 13 : 14;
    do {
      out[length++] = queue & 255;
      queue >>>= 8;
      bits -= 8;
    } while (bits > 7);
  }
  if (pending >= 0) {
    out[length++] = (queue | (pending << bits)) & 255;
  }
  return out.subarray(0, length);
}
