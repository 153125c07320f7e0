/**
 * An LZMA decoder for the web build's packed content (the `.lzma` format: a 13-byte header, then one
 * LZMA stream). LZMA packs the catalog about a fifth smaller than deflate, and this decoder is a few
 * kilobytes where a library decoder (with its encoder) weighs more than it saves. It follows the LZMA
 * specification (LzmaSpec.cpp of the LZMA SDK); every loop reads input or writes output, so any input
 * ends, and a stream that is not valid LZMA throws.
 */

const PROBABILITY_BITS = 11;
const PROBABILITY_INIT = 1 << (PROBABILITY_BITS - 1);
const MOVE_BITS = 5;
const TOP = 1 << 24;
const STATES = 12;
const POS_BITS_MAX = 4;
const LEN_TO_POS_STATES = 4;
const ALIGN_BITS = 4;
const START_POS_MODEL = 4;
const END_POS_MODEL = 14;
const FULL_DISTANCES = 1 << (END_POS_MODEL >> 1);
const MATCH_MIN_LEN = 2;
const HEADER_SIZE = 13;

class RangeDecoder {
  private range = 0xffffffff;
  private code = 0;
  private at: number;

  constructor(private readonly input: Uint8Array, start: number) {
    if (input[start] !== 0) {
      throw new Error('not an LZMA stream');
    }
    this.at = start + 1;
    for (let i = 0; i < 4; i++) {
      this.code = ((this.code << 8) | this.next()) >>> 0;
    }
    if (this.code === this.range) {
      throw new Error('not an LZMA stream');
    }
  }

  private next(): number {
    if (this.at >= this.input.length) {
      throw new Error('the LZMA stream ends early');
    }
    return this.input[this.at++];
  }

  private normalize(): void {
    if (this.range < TOP) {
      this.range = (this.range << 8) >>> 0;
      this.code = ((this.code << 8) | this.next()) >>> 0;
    }
  }

  bit(probabilities: Uint16Array, index: number): number {
    const probability = probabilities[index];
    const bound = (this.range >>> PROBABILITY_BITS) * probability;
    let bit: number;
    if (this.code < bound) {
      probabilities[index] = probability + (((1 << PROBABILITY_BITS) - probability) >>> MOVE_BITS);
      this.range = bound;
      bit = 0;
    } else {
      probabilities[index] = probability - (probability >>> MOVE_BITS);
      this.code -= bound;
      this.range -= bound;
      bit = 1;
    }
    this.normalize();
    return bit;
  }

  direct(count: number): number {
    let result = 0;
    for (let i = 0; i < count; i++) {
      this.range >>>= 1;
      let bit = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        bit = 1;
      }
      result = ((result << 1) | bit) >>> 0;
      this.normalize();
    }
    return result;
  }

  /** A `bits`-bit symbol from the bit tree at `offset`, most significant bit first. */
  tree(probabilities: Uint16Array, offset: number, bits: number): number {
    let m = 1;
    for (let i = 0; i < bits; i++) {
      m = (m << 1) | this.bit(probabilities, offset + m);
    }
    return m - (1 << bits);
  }

  /** The same, least significant bit first. */
  reverseTree(probabilities: Uint16Array, offset: number, bits: number): number {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < bits; i++) {
      const bit = this.bit(probabilities, offset + m);
      m = (m << 1) | bit;
      symbol |= bit << i;
    }
    return symbol;
  }
}

function probabilities(size: number): Uint16Array {
  return new Uint16Array(size).fill(PROBABILITY_INIT);
}

/** Match lengths: a choice bit, then a 3-bit low or middle symbol per position state, or an 8-bit high one. */
class LengthDecoder {
  private readonly choice = probabilities(2);
  private readonly low = probabilities(8 << POS_BITS_MAX);
  private readonly mid = probabilities(8 << POS_BITS_MAX);
  private readonly high = probabilities(256);

  decode(range: RangeDecoder, posState: number): number {
    if (range.bit(this.choice, 0) === 0) {
      return range.tree(this.low, posState << 3, 3);
    }
    if (range.bit(this.choice, 1) === 0) {
      return 8 + range.tree(this.mid, posState << 3, 3);
    }
    return 16 + range.tree(this.high, 0, 8);
  }
}

/** The bytes a `.lzma` file packs. */
export function decodeLzma(input: Uint8Array): Uint8Array {
  if (input.length < HEADER_SIZE) {
    throw new Error('not an LZMA stream');
  }
  let properties = input[0];
  if (properties >= 9 * 5 * 5) {
    throw new Error('not an LZMA stream');
  }
  const lc = properties % 9;
  properties = (properties / 9) | 0;
  const lp = properties % 5;
  const pb = (properties / 5) | 0;
  let size = 0;
  let sizeKnown = false;
  for (let i = 0; i < 8; i++) {
    if (input[5 + i] !== 0xff) {
      sizeKnown = true;
    }
  }
  if (sizeKnown) {
    for (let i = 7; i >= 0; i--) {
      size = size * 256 + input[5 + i];
    }
  }
  if (!sizeKnown || size > 0x7fffffff) {
    throw new Error('an LZMA stream without its size');
  }

  const range = new RangeDecoder(input, HEADER_SIZE);
  const output = new Uint8Array(size);
  const literals = probabilities(0x300 << (lc + lp));
  const isMatch = probabilities(STATES << POS_BITS_MAX);
  const isRep = probabilities(STATES);
  const isRepG0 = probabilities(STATES);
  const isRepG1 = probabilities(STATES);
  const isRepG2 = probabilities(STATES);
  const isRep0Long = probabilities(STATES << POS_BITS_MAX);
  const posSlots = probabilities(LEN_TO_POS_STATES << 6);
  const posDecoders = probabilities(1 + FULL_DISTANCES - END_POS_MODEL);
  const align = probabilities(1 << ALIGN_BITS);
  const lengths = new LengthDecoder();
  const repLengths = new LengthDecoder();
  const posMask = (1 << pb) - 1;
  const literalPosMask = (1 << lp) - 1;

  let pos = 0;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;

  const distance = (length: number): number => {
    const lenState = Math.min(length, LEN_TO_POS_STATES - 1);
    const slot = range.tree(posSlots, lenState << 6, 6);
    if (slot < START_POS_MODEL) {
      return slot;
    }
    const directBits = (slot >>> 1) - 1;
    let dist = ((2 | (slot & 1)) << directBits) >>> 0;
    if (slot < END_POS_MODEL) {
      dist += range.reverseTree(posDecoders, dist - slot, directBits);
    } else {
      dist = (dist + range.direct(directBits - ALIGN_BITS) * (1 << ALIGN_BITS)) >>> 0;
      dist = (dist + range.reverseTree(align, 0, ALIGN_BITS)) >>> 0;
    }
    return dist;
  };

  while (pos < size) {
    const posState = pos & posMask;
    if (range.bit(isMatch, (state << POS_BITS_MAX) + posState) === 0) {
      const previous = pos > 0 ? output[pos - 1] : 0;
      const base = 0x300 * (((pos & literalPosMask) << lc) + (previous >>> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        let matchByte = output[pos - rep0 - 1];
        while (symbol < 0x100) {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const bit = range.bit(literals, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | bit;
          if (matchBit !== bit) {
            break;
          }
        }
      }
      while (symbol < 0x100) {
        symbol = (symbol << 1) | range.bit(literals, base + symbol);
      }
      output[pos++] = symbol - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let length: number;
    if (range.bit(isRep, state) !== 0) {
      if (pos === 0) {
        throw new Error('the LZMA stream is corrupt');
      }
      if (range.bit(isRepG0, state) === 0) {
        if (range.bit(isRep0Long, (state << POS_BITS_MAX) + posState) === 0) {
          state = state < 7 ? 9 : 11;
          output[pos] = output[pos - rep0 - 1];
          pos++;
          continue;
        }
      } else {
        let dist: number;
        if (range.bit(isRepG1, state) === 0) {
          dist = rep1;
        } else {
          if (range.bit(isRepG2, state) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      length = repLengths.decode(range, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      length = lengths.decode(range, posState);
      state = state < 7 ? 7 : 10;
      rep0 = distance(length);
      if (rep0 === 0xffffffff) {
        // The end marker: valid only once every byte the header announces is out.
        break;
      }
      if (rep0 >= pos) {
        throw new Error('the LZMA stream is corrupt');
      }
    }
    length += MATCH_MIN_LEN;
    if (length > size - pos) {
      throw new Error('the LZMA stream is corrupt');
    }
    for (let i = 0; i < length; i++) {
      output[pos] = output[pos - rep0 - 1];
      pos++;
    }
  }
  if (pos !== size) {
    throw new Error('the LZMA stream ends early');
  }
  return output;
}
