/**
 * DEFLATE (RFC 1951) in plain JavaScript, for the Apps Script bundle: one block with the fixed
 * Huffman codes (§3.2.6) over greedy LZ77 matches (a 32 KB window, hash chains of three bytes).
 * Not zlib's ratio, but a report's WordprocessingML is so repetitive that it shrinks tenfold or
 * more, so a long report's .docx stays a small upload. Deterministic: the same input, the same bytes.
 */

const WINDOW = 32_768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
/** How many earlier positions with the same three bytes are tried: enough for XML, bounded for speed. */
const MAX_CHAIN = 48;
const HASH_BITS = 15;

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];

/** `bits` low bits of `code`, reversed: Huffman codes go into the stream most significant bit first. */
function reversed(code: number, bits: number): number {
  let out = 0;
  for (let i = 0; i < bits; i++) out = (out << 1) | ((code >>> i) & 1);
  return out;
}

/** The fixed literal/length code of every symbol 0…287 (§3.2.6), reversed, with its length. */
const FIXED = ((): { codes: Uint16Array; lengths: Uint8Array } => {
  const codes = new Uint16Array(288);
  const lengths = new Uint8Array(288);
  for (let s = 0; s < 288; s++) {
    const [code, bits] =
      s < 144 ? [0x30 + s, 8] : s < 256 ? [0x190 + s - 144, 9] : s < 280 ? [s - 256, 7] : [0xc0 + s - 280, 8];
    codes[s] = reversed(code, bits);
    lengths[s] = bits;
  }
  return { codes, lengths };
})();

/** Length 3…258 → its symbol's index in LENGTH_BASE. */
const LENGTH_INDEX = ((): Uint8Array => {
  const index = new Uint8Array(MAX_MATCH + 1);
  for (let i = 0; i < LENGTH_BASE.length; i++) {
    const end = i + 1 < LENGTH_BASE.length ? LENGTH_BASE[i + 1]! : MAX_MATCH + 1;
    for (let l = LENGTH_BASE[i]!; l < end; l++) index[l] = i;
  }
  index[MAX_MATCH] = LENGTH_BASE.length - 1;
  return index;
})();

function distanceIndex(distance: number): number {
  let i = DISTANCE_BASE.length - 1;
  while (DISTANCE_BASE[i]! > distance) i--;
  return i;
}

/** Bits into bytes, least significant first (§3.1.1). */
class BitWriter {
  private bytes: Uint8Array;
  private size = 0;
  private buffer = 0;
  private count = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(64, capacity));
  }
  write(value: number, bits: number): void {
    this.buffer |= value << this.count;
    this.count += bits;
    while (this.count >= 8) {
      this.push(this.buffer & 0xff);
      this.buffer >>>= 8;
      this.count -= 8;
    }
  }
  private push(byte: number): void {
    if (this.size === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.size++] = byte;
  }
  finish(): Uint8Array {
    if (this.count > 0) this.push(this.buffer & 0xff);
    this.buffer = 0;
    this.count = 0;
    return this.bytes.slice(0, this.size);
  }
}

/** Raw DEFLATE data (no zlib or gzip wrapper): what a zip entry of method 8 holds. */
export function deflateRaw(input: Uint8Array): Uint8Array {
  const out = new BitWriter(input.length >>> 3);
  out.write(1, 1); // BFINAL: the only block
  out.write(1, 2); // BTYPE 01: fixed Huffman codes
  const literal = (symbol: number) => out.write(FIXED.codes[symbol]!, FIXED.lengths[symbol]!);
  const head = new Int32Array(1 << HASH_BITS).fill(-1);
  const previous = new Int32Array(WINDOW).fill(-1);
  const hashAt = (i: number) =>
    (((input[i]! << 10) ^ (input[i + 1]! << 5) ^ input[i + 2]!) * 0x9e37) & ((1 << HASH_BITS) - 1);
  const remember = (i: number) => {
    if (i + MIN_MATCH > input.length) return;
    const h = hashAt(i);
    previous[i & (WINDOW - 1)] = head[h]!;
    head[h] = i;
  };
  let i = 0;
  while (i < input.length) {
    let bestLength = 0;
    let bestDistance = 0;
    if (i + MIN_MATCH <= input.length) {
      const limit = Math.min(MAX_MATCH, input.length - i);
      let candidate = head[hashAt(i)]!;
      for (let chain = 0; candidate >= 0 && i - candidate <= WINDOW && chain < MAX_CHAIN; chain++) {
        if (input[candidate + bestLength] === input[i + bestLength]) {
          let length = 0;
          while (length < limit && input[candidate + length] === input[i + length]) length++;
          if (length > bestLength) {
            bestLength = length;
            bestDistance = i - candidate;
            if (length === limit) break;
          }
        }
        const next = previous[candidate & (WINDOW - 1)]!;
        if (next >= candidate) break; // the slot was reused by a newer position: the chain ends here
        candidate = next;
      }
    }
    if (bestLength >= MIN_MATCH) {
      const l = LENGTH_INDEX[bestLength]!;
      literal(257 + l);
      if (LENGTH_EXTRA[l]! > 0) out.write(bestLength - LENGTH_BASE[l]!, LENGTH_EXTRA[l]!);
      const d = distanceIndex(bestDistance);
      out.write(reversed(d, 5), 5);
      if (DISTANCE_EXTRA[d]! > 0) out.write(bestDistance - DISTANCE_BASE[d]!, DISTANCE_EXTRA[d]!);
      for (let k = 0; k < bestLength; k++) remember(i + k);
      i += bestLength;
    } else {
      literal(input[i]!);
      remember(i);
      i++;
    }
  }
  literal(256); // end of block
  return out.finish();
}
