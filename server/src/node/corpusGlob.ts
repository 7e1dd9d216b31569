/**
 * Expanding a corpus folder with its include globs (CLI and server alike), without dropping anything in silence: the
 * glob library leaves out symbolic links (never followed, like git and ripgrep: no cycles, no escaping the corpus),
 * named pipes, sockets, devices and folders it cannot list. Those entries are returned with a reason instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob, globSync, GlobOptions } from 'tinyglobby';

/** An entry of a corpus folder that is not read: a link, a pipe or device the globs match, a folder not walked. */
export interface UnusableEntry {
  /** Path relative to the globbed folder, `/`-separated ('' for the folder itself). */
  rel: string;
  absolute: string;
  reason: string;
  /** True for a folder (a link to one, or one that cannot be listed): the globs saw its path, not its files. */
  folder: boolean;
}

export interface GlobbedCorpus {
  /** Regular files matched by the globs, relative to the folder (as the glob library gives them). */
  files: string[];
  /** Entries the globs would have met but that are not read, sorted by path. */
  unusable: UnusableEntry[];
}

/** Why a link to a file (or to a pipe, a device) is not read. */
export const LINK_NOT_FOLLOWED = 'symbolic link, not followed';

/** True when the path itself is a symbolic link (a host told of a single file checks this as the walk does). */
export function isSymbolicLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Folders never walked, whatever the globs say. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** The corpus files under `folder` (synchronous, for the CLI). */
export function globCorpusSync(folder: string, include: string[]): GlobbedCorpus {
  const watch = watchWalk(folder);
  return watch.result(globSync(include, globOptions(folder, watch.fs)));
}

/** The corpus files under `folder` (the folders are listed asynchronously, for the server). */
export async function globCorpus(folder: string, include: string[]): Promise<GlobbedCorpus> {
  const watch = watchWalk(folder);
  return watch.result(await glob(include, globOptions(folder, watch.fs)));
}

function globOptions(folder: string, fsHooks: GlobOptions['fs']): GlobOptions {
  return { cwd: folder, ignore: ALWAYS_IGNORED, dot: false, onlyFiles: true, followSymbolicLinks: false, fs: fsHooks };
}

type Entries = fs.Dirent[];

/**
 * File-system hooks for the glob library that note what it would drop. A link or special file is shown to it as a
 * plain file, so that its own matching decides whether the globs select it (it then comes back in the results and
 * is taken out with its reason); a link to a folder is shown as a folder, and when the walk goes into it (the globs
 * could match something there) it is noted and reads as empty. A folder whose listing fails is noted, and the
 * failure passed on (the library goes on with the other folders).
 */
function watchWalk(folder: string) {
  const special = new Map<string, string>();
  const linkedFolders = new Set<string>();
  const folders: { absolute: string; reason: string }[] = [];
  const key = (dir: string) => path.resolve(dir);

  const screen = (dir: string, entries: Entries): Entries => {
    let out = entries;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e.isFile() || e.isDirectory()) continue;
      if (out === entries) out = entries.slice();
      const absolute = path.join(dir, e.name);
      if (!e.isSymbolicLink()) {
        special.set(absolute, `not a regular file: ${specialKind(e)}`);
        out[i] = plainEntry(e.name, false);
        continue;
      }
      let target: fs.Stats | null = null;
      try {
        target = fs.statSync(absolute);
      } catch {
        // A link to nothing (or to what this user cannot reach): reported as a link all the same.
      }
      if (target?.isDirectory()) {
        linkedFolders.add(absolute);
        out[i] = plainEntry(e.name, true);
      } else {
        special.set(absolute, target ? LINK_NOT_FOLLOWED : 'symbolic link to a missing target, not followed');
        out[i] = plainEntry(e.name, false);
      }
    }
    return out;
  };
  const linkEntered = (dir: string): boolean => {
    const k = key(dir);
    if (!linkedFolders.has(k)) return false;
    folders.push({ absolute: k, reason: 'symbolic link to a folder, not followed' });
    return true;
  };
  const unlisted = (dir: string, err: NodeJS.ErrnoException) => folders.push({ absolute: key(dir), reason: `folder cannot be listed: ${errorWords(err)}` });

  const hooks = {
    readdirSync: (dir: string, options: { withFileTypes: true }): Entries => {
      if (linkEntered(dir)) return [];
      try {
        return screen(dir, fs.readdirSync(dir, options));
      } catch (err) {
        unlisted(dir, err as NodeJS.ErrnoException);
        throw err;
      }
    },
    readdir: (dir: string, options: { withFileTypes: true }, done: (err: NodeJS.ErrnoException | null, entries?: Entries) => void): void => {
      if (linkEntered(dir)) return done(null, []);
      fs.readdir(dir, options, (err, entries) => {
        if (err) {
          unlisted(dir, err);
          return done(err, []);
        }
        done(null, screen(dir, entries));
      });
    },
  } as unknown as GlobOptions['fs'];

  const relative = (absolute: string) => path.relative(folder, absolute).split(path.sep).join('/');
  return {
    fs: hooks,
    result(found: string[]): GlobbedCorpus {
      const unusable: UnusableEntry[] = folders.map((f) => ({ rel: relative(f.absolute), absolute: f.absolute, reason: f.reason, folder: true }));
      let files = found;
      // Only when something special was met: a plain corpus pays nothing for this pass over the results.
      if (special.size) {
        files = [];
        for (const rel of found) {
          const absolute = path.join(folder, rel);
          const reason = special.get(absolute);
          if (reason === undefined) files.push(rel);
          else unusable.push({ rel, absolute, reason, folder: false });
        }
      }
      unusable.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      return { files, unusable };
    },
  };
}

/** A directory entry that reads as a plain file or folder to the glob library. */
function plainEntry(name: string, isFolder: boolean): fs.Dirent {
  return { name, isFile: () => !isFolder, isDirectory: () => isFolder, isSymbolicLink: () => false } as unknown as fs.Dirent;
}

function specialKind(e: fs.Dirent): string {
  if (e.isFIFO()) return 'a named pipe (FIFO)';
  if (e.isSocket()) return 'a socket';
  if (e.isCharacterDevice()) return 'a character device';
  if (e.isBlockDevice()) return 'a block device';
  return 'of an unknown kind';
}

/** An error of the file system in words, with its code (`permission denied (EACCES)`). */
export function errorWords(err: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENAMETOOLONG: 'path too long',
    ELOOP: 'too many levels of symbolic links',
    ENOENT: 'no longer there',
  };
  const code = err.code ?? 'error';
  return words[code] ? `${words[code]} (${code})` : code;
}
