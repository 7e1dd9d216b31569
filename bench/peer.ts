/**
 * The peer for `npm run bench`: jscpd, a copy/paste detector, run on the corpus as plain text (its `txt` format),
 * and its JSON report read back as clone pairs.
 *
 * Options, and why:
 *   --format txt            the corpus files are .txt; jscpd's plain-text tokenizer (about one token per word or mark)
 *   --min-lines 1           a paragraph is one line, so the default (5 lines) would miss every copied paragraph
 *   --min-tokens 10         about our own floor for an exact copy (8 words); the shortest planted copy has 12 words
 *   --no-gitignore          the generated corpus lives in an ignored folder
 *   --absolute              report absolute paths, so they compare with the manifest's
 *   --reporters json --output DIR --silent
 *
 * Pinned to jscpd 5.3.2: 5.4.1 has no platform binary package on the registry, and 5.3.3 lacks them for macOS,
 * Windows and ARM Linux (the lock file must list every platform's optional package, or `npm ci` refuses it); 5.3.2
 * has all eight. Seen with 5.3.x on the generated corpus: a copy is missed when its occurrence in the file that sorts
 * first is that file's last line (generate.ts appends planted copies at the end of files).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ClonePart {
  file: string;
  /** 1-based lines, inclusive. jscpd's end can run one line too far in multi-byte text. */
  start: number;
  end: number;
}
export type Clone = [ClonePart, ClonePart];

/** The jscpd binary of this platform's package, or undefined when none is installed. */
export function jscpdBinary(): string | undefined {
  try {
    const { PLATFORM_MAP, getPlatformKey } = require('jscpd/platform-map.js');
    const pkg: string = PLATFORM_MAP[getPlatformKey()].packageName;
    const bin = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'bin', process.platform === 'win32' ? 'jscpd.exe' : 'jscpd');
    return fs.existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

export function jscpdArgs(dir: string, outDir: string): string[] {
  return [
    '--format', 'txt',
    '--min-lines', '1',
    '--min-tokens', '10',
    '--no-gitignore',
    '--absolute',
    '--reporters', 'json',
    '--output', outDir,
    '--silent',
    dir,
  ];
}

/** The report jscpd wrote into outDir: one pair per clone. */
export function readClones(outDir: string): Clone[] {
  const report = JSON.parse(fs.readFileSync(path.join(outDir, 'jscpd-report.json'), 'utf8'));
  type Part = { name: string; start: number; end: number };
  const part = (f: Part): ClonePart => ({ file: path.resolve(f.name), start: f.start, end: f.end });
  return report.duplicates.map((d: { firstFile: Part; secondFile: Part }): Clone => [part(d.firstFile), part(d.secondFile)]);
}
