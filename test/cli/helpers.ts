/** Shared helpers of the CLI workflow tests: spawn the built CLI, make temporary corpora from the seeds. */
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SEEDS_DIR } from '../helpers/fixture';

export const ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliResult {
  const options: SpawnSyncOptions = { cwd, encoding: 'utf8', env: { ...process.env, ...env } };
  const r = spawnSync(process.execPath, [CLI, ...args], options);
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export function tempDir(prefix = 'corpus-lint-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A temporary folder holding the given files. */
export function tempCorpus(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A temporary copy of the five seed documents. */
export function seedCopy(extra: Record<string, string | Buffer> = {}): string {
  const files: Record<string, string | Buffer> = {};
  for (const f of fs.readdirSync(SEEDS_DIR)) files[f] = fs.readFileSync(path.join(SEEDS_DIR, f));
  return tempCorpus({ ...files, ...extra });
}

export function seed(name: string): string {
  const f = fs.readdirSync(SEEDS_DIR).find((x) => x.startsWith(name));
  if (!f) throw new Error(`no seed ${name}`);
  return fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8');
}

export { SEED } from '../helpers/fixture';

/** `file:line:col  severity  message  code` lines of a text report (related locations left out). */
export function findingLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^\S+:\d+:\d+ {2}/.test(l));
}

/** Snapshot of every file's bytes under a folder (relative path -> content). */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}
