/**
 * Replacing a file's contents safely (shared by the hosts that write corpus files): the new bytes go to a temporary
 * file in the same folder, which is flushed and renamed over the original, so a crash at any moment leaves the old
 * file or the new one, never a truncated mix (a file with hard links is written in place, after its temporary copy is
 * flushed: a rename would cut the links). Its permissions and owner are kept. The file is left alone when its bytes on
 * disk are no longer the ones the caller read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type WriteOutcome = 'written' | 'changed-on-disk';

export interface AtomicWriteOptions {
  /** The bytes the caller read: the file is replaced only if it still holds exactly these. */
  expected: Uint8Array;
}

/** Test hook: milliseconds to pause after each chunk written to the temporary file (makes the write window visible). */
const DELAY_ENV = 'CORPUS_LINT_TEST_WRITE_DELAY_MS';
const CHUNK = 16 * 1024;
const TEMP_MARK = '.corpus-lint-';

/** Replaces `file` (a symbolic link's target, when it is one) with `data`, atomically. */
export function writeFileAtomic(file: string, data: Uint8Array, options: AtomicWriteOptions): WriteOutcome {
  const target = fs.realpathSync(file);
  const dir = path.dirname(target);
  const base = path.basename(target);
  const before = fs.statSync(target);
  if (!sameBytes(fs.readFileSync(target), options.expected)) return 'changed-on-disk';
  removeStaleTemps(dir, base);
  // A leading dot and a `.tmp` suffix keep the temporary file out of `**/*.txt` globs if a crash leaves it behind.
  const temp = path.join(dir, `.${base}${TEMP_MARK}${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  const delay = Number(process.env[DELAY_ENV] ?? 0);
  let fd = -1;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    // The original's permissions, exactly (the mode given to open is reduced by the umask), and its owner when we may
    // give it (run as root, a fix would otherwise hand another user's file to root).
    fs.fchmodSync(fd, before.mode & 0o7777);
    if (process.getuid?.() === 0 && (before.uid !== 0 || before.gid !== 0)) fs.fchownSync(fd, before.uid, before.gid);
    for (let at = 0; at < data.length; at += CHUNK) {
      const end = Math.min(at + CHUNK, data.length);
      let written = at;
      while (written < end) written += fs.writeSync(fd, data, written, end - written);
      if (delay > 0) sleep(delay);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    // Last look before the rename: the file must still hold what the caller read (size, time and bytes).
    const now = fs.statSync(target);
    if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || !sameBytes(fs.readFileSync(target), options.expected)) {
      fs.rmSync(temp, { force: true });
      return 'changed-on-disk';
    }
    if (before.nlink > 1) {
      // Hard links share the file: a rename would leave the other names with the old text. The new bytes are written
      // in place instead (the fsynced temporary copy is kept until they are).
      fs.writeFileSync(target, data);
      const synced = fs.openSync(target, 'r');
      fs.fsyncSync(synced);
      fs.closeSync(synced);
      fs.rmSync(temp, { force: true });
    } else fs.renameSync(temp, target);
  } catch (err) {
    if (fd >= 0) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  syncFolder(dir);
  return 'written';
}

/** Temporary files of this file left by a process that no longer runs (killed in the middle of a write). */
function removeStaleTemps(dir: string, base: string): void {
  const prefix = `.${base}${TEMP_MARK}`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes the rename durable; not every platform can open a folder, which is fine. */
function syncFolder(dir: string): void {
  let fd = -1;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory.
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes a file the tool generates (a baseline, a registry, the cache, a shard) whole or not at all: the data goes
 * to a temporary file beside it, renamed over the target; the folder is created when missing. Unlike
 * `writeFileAtomic` it does not check what the file held before.
 */
export function writeGeneratedFile(file: string, data: string | Uint8Array | Uint8Array[]): void {
  file = linkTarget(file);
  const existing = fs.statSync(file, { throwIfNoEntry: false });
  // A device or a pipe (--output /dev/null) is written to, never replaced by a file; a folder is no place to write.
  if (existing && !existing.isFile()) {
    if (existing.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR: a folder' });
    writeWhole(file, data);
    return;
  }
  makeFolders(path.dirname(file));
  const temp = path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARK}${process.pid}.tmp`);
  try {
    writeWhole(temp, data);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * `writeGeneratedFile` for a host that must keep answering (the language server): the pieces are written by the
 * system's threads, the temporary file (named apart from any other writer's) renamed over the target when complete.
 */
export async function writeGeneratedFileAsync(file: string, pieces: Uint8Array[]): Promise<void> {
  file = linkTarget(file);
  makeFolders(path.dirname(file));
  const temp = path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARK}${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    const handle = await fs.promises.open(temp, 'w');
    try {
      for (const piece of pieces) {
        for (let at = 0; at < piece.length; ) at += (await handle.write(piece, at, piece.length - at)).bytesWritten;
      }
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, file);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
}

/** Writes `data` to `file`: one piece, or several one after another (not joined into one copy first). */
function writeWhole(file: string, data: string | Uint8Array | Uint8Array[]): void {
  if (!Array.isArray(data)) {
    fs.writeFileSync(file, data);
    return;
  }
  const fd = fs.openSync(file, 'w');
  try {
    for (const piece of data) for (let at = 0; at < piece.length; ) at += fs.writeSync(fd, piece, at, piece.length - at);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Creates a folder and its missing parents (`mkdir -p`), failing at the first one that cannot be made. Not Node's
 * `mkdirSync(dir, { recursive: true })`: where a file system refuses a folder with ENOENT although its parent exists
 * (anywhere under /proc), that retries the parent and the folder forever, and the run hangs.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const st = fs.statSync(d, { throwIfNoEntry: false });
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a folder: ${d}`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (err) {
      // Made meanwhile by another process: fine, as with `mkdir -p`.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** The file a symbolic link points to, followed to the end (even when it does not exist yet), or the path itself. */
function linkTarget(file: string): string {
  for (let hops = 0; hops < 40; hops++) {
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isSymbolicLink()) return file;
    file = path.resolve(path.dirname(file), fs.readlinkSync(file));
  }
  return file;
}
