/** Running a spawned command as a user whom a folder's permissions bind, to test what that user cannot read. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A command prefix that runs as a user the permissions under `dir` bind: `env` for an ordinary user; for root (whom
 * they do not bind) `nobody` through setpriv, `dir` made theirs. Null when there is no way to (the caller skips).
 */
export function unprivileged(dir: string): string[] | null {
  if (process.getuid?.() !== 0) return ['env'];
  if (spawnSync('setpriv', ['--version']).status !== 0) return null;
  execFileSync('chown', ['-R', 'nobody', dir]);
  // The folders above must let that user through.
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) return null;
  }
  return ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'];
}
