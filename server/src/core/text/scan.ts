/**
 * The allocation-free tokenizer of the hot path: one pass over a text span fills typed arrays with each word's
 * offsets, flags and two hashes (of its normalized form and of its spelling as a reader sees it), so per-file analysis
 * hashes, counts and interns words without creating a string per word. Strings are made only on demand (`norm`,
 * `spelling`), and words are compared with known ones in place (`normIs`) or, for spellings, by a 64-bit identity (two hashes).
 *
 * It splits words exactly as `tokenize` does (same offsets, same hashtag rule), and `normHash(k)` equals
 * `hashString(norm(k))`.
 */
import { CLASS, FOLD, IGNORABLE, WORD } from './normalize';

/** The word is a hashtag or a segment of one (#بشار_الأسد gives بشار and الاسد). */
export const HASHTAG = 1;
/** The word contains ignorable units (diacritics, tatweel, invisible marks): its spelling differs from its raw text. */
export const MARKED = 2;
/** The word's spelling has 2+ units, all Arabic letters (the words the name index considers). */
export const ARABIC = 4;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MIX_SEED = 0x9747b28c;

/** One step of the second hash (MurmurHash2's multiply-and-shift on each code unit). */
function mixStep(h: number, c: number): number {
  h = Math.imul(h ^ c, 0x5bd1e995);
  return h ^ (h >>> 13);
}

/** The second hash's finalizer (with the length, so that it does not depend on FNV's weaknesses at all). */
function mixEnd(h: number, length: number): number {
  h = Math.imul(h ^ length, 0x5bd1e995);
  h ^= h >>> 15;
  return h >>> 0;
}

export class WordScan {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;
  /** FNV-1a of the normalized form (equal to `hashString(norm(k))`). */
  normHashes: Uint32Array;
  /** FNV-1a of the spelling (the raw word without ignorable units). */
  spellingHashes: Uint32Array;
  /** A second, independent hash of the spelling (`mix(spelling)`): with the first, a 64-bit identity. */
  spellingHashes2: Uint32Array;
  flags: Uint8Array;

  /**
   * Scans `text[from, to)`. `reuse`: a scan that is no longer needed, whose arrays this one takes over (a host
   * scanning file after file allocates them once); `reuse` must not be read afterwards.
   */
  constructor(
    readonly text: string,
    from = 0,
    to = text.length,
    reuse?: WordScan,
  ) {
    const capacity = Math.max(16, ((to - from) >> 2) + 1);
    if (reuse && reuse.starts.length >= capacity) {
      this.starts = reuse.starts;
      this.ends = reuse.ends;
      this.normHashes = reuse.normHashes;
      this.spellingHashes = reuse.spellingHashes;
      this.spellingHashes2 = reuse.spellingHashes2;
      this.flags = reuse.flags;
      reuse.count = 0;
      this.scan(from, to);
      return;
    }
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.normHashes = new Uint32Array(capacity);
    this.spellingHashes = new Uint32Array(capacity);
    this.spellingHashes2 = new Uint32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.scan(from, to);
  }

  private scan(from: number, to: number): void {
    const text = this.text;
    let start = -1;
    let lastWordEnd = -1;
    let inHashtag = false;
    let normHash = FNV_OFFSET;
    let spellingHash = FNV_OFFSET;
    let spellingHash2 = MIX_SEED;
    let arabic = true;
    let units = 0;
    for (let i = from; i <= to; i++) {
      const c = i < to ? text.charCodeAt(i) : 32;
      const k = CLASS[c];
      if (k === WORD) {
        if (start < 0) {
          start = i;
          normHash = FNV_OFFSET;
          spellingHash = FNV_OFFSET;
          spellingHash2 = MIX_SEED;
          arabic = true;
          units = 0;
        }
        normHash = Math.imul(normHash ^ FOLD[c], FNV_PRIME);
        spellingHash = Math.imul(spellingHash ^ c, FNV_PRIME);
        spellingHash2 = mixStep(spellingHash2, c);
        if (!((c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3))) arabic = false;
        units++;
        lastWordEnd = i + 1;
      } else if (k === IGNORABLE && start >= 0) {
        continue;
      } else {
        if (start >= 0) {
          const n = this.count;
          if (n === this.starts.length) this.grow();
          this.starts[n] = start;
          this.ends[n] = lastWordEnd;
          this.normHashes[n] = normHash >>> 0;
          this.spellingHashes[n] = spellingHash >>> 0;
          this.spellingHashes2[n] = mixEnd(spellingHash2, units);
          // Ignorable units after the last letter are outside the word's offsets; inside, they make it MARKED.
          const marked = lastWordEnd - start !== units;
          this.flags[n] = (inHashtag ? HASHTAG : 0) | (marked ? MARKED : 0) | (arabic && units >= 2 ? ARABIC : 0);
          this.count = n + 1;
          start = -1;
        }
        // A hashtag runs from '#' through words joined by underscores.
        if (c === 0x23) inHashtag = true;
        else if (c !== 0x5f && k !== IGNORABLE) inHashtag = false;
      }
    }
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const widen = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.starts = widen(this.starts, (m) => new Int32Array(m));
    this.ends = widen(this.ends, (m) => new Int32Array(m));
    this.normHashes = widen(this.normHashes, (m) => new Uint32Array(m));
    this.spellingHashes = widen(this.spellingHashes, (m) => new Uint32Array(m));
    this.spellingHashes2 = widen(this.spellingHashes2, (m) => new Uint32Array(m));
    this.flags = widen(this.flags, (m) => new Uint8Array(m));
  }

  /** The normalized form of word k. */
  norm(k: number): string {
    let s = '';
    for (let i = this.starts[k], e = this.ends[k]; i < e; i++) {
      const c = this.text.charCodeAt(i);
      if (CLASS[c] === WORD) s += String.fromCharCode(FOLD[c]);
    }
    return s;
  }

  /** The spelling of word k as a reader sees it (marks removed). */
  spelling(k: number): string {
    const raw = this.text.slice(this.starts[k], this.ends[k]);
    if (!(this.flags[k] & MARKED)) return raw;
    let s = '';
    for (let i = 0; i < raw.length; i++) if (CLASS[raw.charCodeAt(i)] !== IGNORABLE) s += raw[i];
    return s;
  }

  /** True when word k's normalized form is `s`, compared in place. */
  normIs(k: number, s: string): boolean {
    let j = 0;
    for (let i = this.starts[k], e = this.ends[k]; i < e; i++) {
      const c = this.text.charCodeAt(i);
      if (CLASS[c] !== WORD) continue;
      if (j >= s.length || FOLD[c] !== s.charCodeAt(j)) return false;
      j++;
    }
    return j === s.length;
  }

  /** True when word k begins with a digit (ASCII, Arabic-Indic or Persian: all fold to ASCII): a number. */
  isNumber(k: number): boolean {
    const f = FOLD[this.text.charCodeAt(this.starts[k])];
    return f >= 0x30 && f <= 0x39;
  }
}

/** A set of normalized words tested against scanned words by hash, confirmed in place (no string per word). */
export class NormSet {
  /** Keyed by the hash as a signed 32-bit integer (a small integer to V8: no number boxing). */
  private readonly byHash = new Map<number, string[]>();
  /** One bit per low 16 bits of the members' hashes: most words are rejected without a map lookup. */
  private readonly filter = new Uint8Array(1 << 13);

  constructor(words: Iterable<string>) {
    for (const w of words) {
      const h = fnv(w);
      this.filter[(h & 0xffff) >> 3] |= 1 << (h & 7);
      const list = this.byHash.get(h | 0);
      if (list) list.push(w);
      else this.byHash.set(h | 0, [w]);
    }
  }

  /** True when word k of the scan is in the set. */
  has(scan: WordScan, k: number): boolean {
    const h = scan.normHashes[k];
    if (!(this.filter[(h & 0xffff) >> 3] & (1 << (h & 7)))) return false;
    const list = this.byHash.get(h | 0);
    if (!list) return false;
    for (const w of list) if (scan.normIs(k, w)) return true;
    return false;
  }

  /** True when a normalized word is in the set. */
  hasString(norm: string): boolean {
    const h = fnv(norm);
    if (!(this.filter[(h & 0xffff) >> 3] & (1 << (h & 7)))) return false;
    return this.byHash.get(h | 0)?.includes(norm) ?? false;
  }
}

/** The second hash of a string's code units (what the scan computes for a spelling). */
export function mix(s: string): number {
  let h = MIX_SEED;
  for (let i = 0; i < s.length; i++) h = mixStep(h, s.charCodeAt(i));
  return mixEnd(h, s.length);
}

/** The hash the scan computes for a word's normalized form (`normHashes`), read from its spelling without a copy. */
export function normHash(spelling: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < spelling.length; i++) {
    const c = spelling.charCodeAt(i);
    if (CLASS[c] === WORD) h = Math.imul(h ^ FOLD[c], FNV_PRIME);
  }
  return h >>> 0;
}

/** FNV-1a of a string's code units (what the scan computes for a word). */
export function fnv(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}
