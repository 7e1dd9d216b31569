/**
 * Reading a corpus file from disk as text, shared by the hosts: strict UTF-8 decoding (a leading BOM dropped), and
 * a reason instead of a crash for a file that is missing, too large, binary or not valid UTF-8.
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';

export type ReadResult = { text: string } | { reason: string };

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
  const maxBytes = limitOf(options);
  let buf: Buffer;
  let fd: number | undefined;
  try {
    // The size from the open file (a stat by name first was one more system call per file: 7% of a cached check).
    // Opened without blocking: a named pipe would otherwise wait for a writer forever.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() && !stat.isDirectory()) return { reason: 'not a regular file (a pipe, socket or device)' };
    const size = stat.size;
    if (size > maxBytes) return { reason: tooLarge(maxBytes) };
    buf = readOpenFile(fd, size);
  } catch (err) {
    return { reason: cannotRead(err) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const reason = notTextReason(buf);
  return reason === null ? { bytes: buf } : { reason };
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

/** Why bytes are not text (a NUL byte, invalid UTF-8), or null when they are. */
export function notTextReason(buf: Uint8Array): string | null {
  if (looksBinary(buf)) return 'binary file (contains NUL bytes)';
  return isUtf8(buf) ? null : `invalid UTF-8 at byte ${firstInvalidUtf8(buf)}`;
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

function looksBinary(buf: Uint8Array): boolean {
  // The engine's own search (a byte loop here was a tenth of reading a file).
  return buf.subarray(0, 8192).indexOf(0) >= 0;
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
