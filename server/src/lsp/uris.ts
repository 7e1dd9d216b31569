/**
 * Document URIs as corpus file keys. Every URI that enters the server is put into one canonical spelling (the one
 * VS Code prints), so a file found on disk and the same file opened in the editor are one key.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';

/** The canonical form of a URI string (percent-encoding and drive letters as VS Code writes them). */
export function canonicalUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

export function uriFromPath(fsPath: string): string {
  return URI.file(fsPath).toString();
}

/** The file system path of a `file:` URI, or null for other schemes. */
export function pathFromUri(uri: string): string | null {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : null;
  } catch {
    return null;
  }
}

/** True when `child` is `folder` itself or inside it (both file system paths). */
export function isInside(folder: string, child: string): boolean {
  const rel = path.relative(folder, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A path relative to `folder` with forward slashes, as globs and messages use it. */
export function relativePath(folder: string, child: string): string {
  return path.relative(folder, child).split(path.sep).join('/');
}
