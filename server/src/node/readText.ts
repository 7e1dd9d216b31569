/**
 * Reading a corpus file from disk as text, shared by the hosts: strict UTF-8 decoding (a leading BOM dropped), and
 * a reason instead of a crash for a file that is missing, too large, binary or not valid UTF-8.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

/** A file's text (and, when asked for, its digest: `contentDigest` of the text), or why it cannot be used. */
export type ReadResult = { text: string; digest?: string } | { reason: string };

export interface ReadOptions {
  /** Files larger than this many bytes are not read; 0 or Infinity means no limit. */
  maxBytes?: number;
}

/** The limit used when none is given: a corpus file is text, not a data dump. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Reads a file as UTF-8 text; returns a reason instead when it cannot be used. */
export function readTextFileSync(file: string, options: ReadOptions = {}): ReadResult {
  const read = readTextBytesSync(file, options);
  return 'reason' in read ? read : { text: bytesToText(read.bytes) };
}

export type BytesResult = { bytes: Buffer } | { reason: string };

/**
 * Reads a file's bytes, checked to be text (not too large, no NUL byte, valid UTF-8) without decoding them: for a
 * host that may not need the text at all (a check answered from its cache). `bytesToText` decodes them later.
 */
export function readTextBytesSync(file: string, options: ReadOptions = {}): BytesResult {
  let buf: Buffer;
  try {
    buf = readCheckedBytes(file, limitOf(options));
  } catch (err) {
    return { reason: err instanceof UnusableFile ? err.code : cannotRead(err) };
  }
  const reason = notTextReason(buf);
  return reason === null ? { bytes: buf } : { reason };
}

/** The largest config, ignore, baseline or registry file read. */
const SETTINGS_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The text of a config, ignore, baseline or registry file, read like `readFileSync(file, 'utf8')` (and throwing as
 * it does: ENOENT for a missing file), but, like a corpus file, only from a regular file of at most 64 MB: a named
 * pipe would block forever, a device (/dev/zero) never end. Such a file throws an error whose `code` is the reason,
 * as the callers print codes: «cannot be read (not a regular file: a pipe, socket or device)».
 */
export function readSettingsText(file: string): string {
  return readCheckedBytes(file, SETTINGS_MAX_BYTES).toString('utf8');
}

/** A file that is no regular file or too large; `code` says which, in words. */
class UnusableFile extends Error {
  constructor(
    file: string,
    readonly code: string,
  ) {
    super(`${file}: ${code}`);
  }
}

/**
 * A file's bytes, from a regular file of at most `maxBytes` (UnusableFile otherwise; the system's errors as they
 * come). The size is read from the open file (a stat by name first was one more system call per file: 7% of a cached
 * check), which is opened without blocking: a named pipe would otherwise wait for a writer forever.
 */
function readCheckedBytes(file: string, maxBytes: number): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() && !stat.isDirectory()) throw new UnusableFile(file, 'not a regular file: a pipe, socket or device');
    if (stat.size > maxBytes) throw new UnusableFile(file, tooLarge(maxBytes));
    return readOpenFile(fd, stat.size);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The bytes of an open file whose size was just read: that many at most (as `readFileSync` reads), or, for a file that
 * says it is empty (some special files do), whatever reading to the end yields.
 */
function readOpenFile(fd: number, size: number): Buffer {
  if (size === 0) return fs.readFileSync(fd);
  const buf = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const n = fs.readSync(fd, buf, at, size - at, null);
    if (n === 0) break;
    at += n;
  }
  return at < size ? buf.subarray(0, at) : buf;
}

/** Why bytes are not text (UTF-16, a NUL byte, invalid UTF-8), or null when they are. */
export function notTextReason(buf: Uint8Array): string | null {
  const binary = looksBinary(buf);
  const bom = buf.length >= 2 ? (buf[0] << 8) | buf[1] : 0;
  const utf16 = binary || bom === 0xfffe || bom === 0xfeff ? utf16Order(buf) : null;
  if (utf16) return `UTF-16 text (${utf16}): only UTF-8 is read; save the file as UTF-8`;
  if (binary) return 'binary file (contains NUL bytes)';
  return isUtf8(buf) ? null : `invalid UTF-8 at byte ${firstInvalidUtf8(buf)}`;
}

/**
 * The byte order of UTF-16 text (what some editors save as «Unicode»), or null: a byte order mark, or else NUL bytes
 * only in the high half of the code units of a sample (ASCII spaces, digits and line ends are NUL and a character in
 * UTF-16; Arabic letters are 06 and a character). A binary file has NUL bytes at both parities. Asked only of bytes
 * that start with a byte order mark or hold a NUL byte (text in UTF-8 never does).
 */
function utf16Order(buf: Uint8Array): string | null {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'little-endian, with a byte order mark';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'big-endian, with a byte order mark';
  const n = Math.min(buf.length, 8192) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  // At least one code unit in eight with a NUL high byte (a space every few words), all on one side.
  const units = n / 2;
  if (units < 16) return null;
  if (odd >= units / 8 && even === 0) return 'little-endian, without a byte order mark';
  if (even >= units / 8 && odd === 0) return 'big-endian, without a byte order mark';
  return null;
}

/** The text of bytes `readTextBytesSync` accepted (valid UTF-8), a leading BOM dropped. */
export function bytesToText(bytes: Uint8Array): string {
  const text = strictDecoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as strict UTF-8 text, or says why they are not text. */
export function decodeText(buf: Uint8Array): ReadResult {
  const reason = notTextReason(buf);
  return reason === null ? { text: bytesToText(buf) } : { reason };
}

function limitOf(options: ReadOptions): number {
  const m = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  return m > 0 ? m : Number.POSITIVE_INFINITY;
}

function tooLarge(maxBytes: number): string {
  const mb = maxBytes / 1024 / 1024;
  if (mb < 1) return `larger than ${Math.round(maxBytes / 1024)} KB`;
  return `larger than ${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function cannotRead(err: unknown): string {
  return `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
}

/** A NUL byte in the first 8 KB: a binary file, whatever its name. */
const BINARY_PROBE_BYTES = 8192;

function looksBinary(buf: Uint8Array): boolean {
  // The engine's own search (a byte loop here was a tenth of reading a file).
  return buf.subarray(0, BINARY_PROBE_BYTES).indexOf(0) >= 0;
}

/** `looksBinary` of a text already decoded (an editor's open document), on its first 8 KB as UTF-8. */
export function textLooksBinary(text: string): boolean {
  return looksBinary(Buffer.from(text.slice(0, BINARY_PROBE_BYTES), 'utf8'));
}

/** Byte offset where the first invalid UTF-8 sequence starts (a stray byte, a bad lead, a cut or overlong sequence). */
function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return buf.length;
}

/**
 * A file's content digest as the caches key it: the bytes as read (a plain check) or the text (a shard or merge run,
 * the language server), either of which changes with any edit.
 */
export function contentDigest(content: string | Uint8Array): string {
  return (typeof content === 'string' ? 't' : 'b') + createHash('sha1').update(content).digest('hex');
}
