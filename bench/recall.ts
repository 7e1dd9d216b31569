/**
 * Recall on the planted copies of the generated corpus (bench/.generated/manifest.json, written by generate.ts):
 * for each planted 'duplicate' and 'near-duplicate', whether a tool reported the planted line as a copy of a
 * paragraph of the file it was copied from.
 *
 * Ours: a duplicate-paragraph or near-duplicate-paragraph finding in the planted file whose range covers the planted
 * line and whose related locations include the source file. jscpd: a clone pair with one side in the planted file
 * covering the planted line and the other side in the source file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Clone } from './peer';

/** A planted copy, with absolute paths and 0-based lines (as generate.ts writes them). */
export interface Planted {
  kind: string;
  file: string;
  line: number;
  of: { file: string; line: number };
}

/** A copy finding of ours: 0-based lines, inclusive, and the files of its related locations. */
interface OurCopy {
  file: string;
  start: number;
  end: number;
  related: Set<string>;
}

const COPY_KINDS = ['duplicate', 'near-duplicate'];
const COPY_CODES = ['duplicate-paragraph', 'near-duplicate-paragraph'];

/** The planted copies of the manifest beside the corpus, or undefined when there is none (the news sample). */
export function plantedCopies(corpusDir: string): Planted[] | undefined {
  const manifest = path.join(path.dirname(corpusDir), 'manifest.json');
  if (!fs.existsSync(manifest)) return undefined;
  const { planted } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { planted: Planted[] };
  return planted
    .filter((p) => COPY_KINDS.includes(p.kind) && p.of)
    .map((p) => ({ ...p, file: path.join(corpusDir, p.file), of: { ...p.of, file: path.join(corpusDir, p.of.file) } }));
}

/** The copy findings of `check --format json` output (paths there are relative to the working folder). */
function ourCopies(checkJson: string): OurCopy[] {
  const out: OurCopy[] = [];
  for (const f of JSON.parse(checkJson).files) {
    for (const d of f.diagnostics) {
      if (!COPY_CODES.includes(d.code)) continue;
      const related = new Set<string>((d.related ?? []).map((r: { path: string }) => path.resolve(r.path)));
      out.push({ file: path.resolve(f.path), start: d.range.start.line, end: d.range.end.line, related });
    }
  }
  return out;
}

function foundByUs(p: Planted, copies: OurCopy[]): boolean {
  return copies.some((c) => c.file === p.file && c.start <= p.line && p.line <= c.end && c.related.has(p.of.file));
}

function foundByJscpd(p: Planted, clones: Clone[]): boolean {
  const line = p.line + 1;
  return clones.some(([a, b]) =>
    [[a, b], [b, a]].some(([mine, other]) => mine.file === p.file && mine.start <= line && line <= mine.end && other.file === p.of.file),
  );
}

export interface KindRecall {
  kind: string;
  total: number;
  ours: number;
  jscpd?: number;
  /** Planted copies we did not report, for a closer look. */
  oursMissed: Planted[];
}

/** Per kind, how many planted copies each tool found. Without clones, jscpd's count is left out. */
export function recall(planted: Planted[], checkJson: string, clones?: Clone[]): KindRecall[] {
  const copies = ourCopies(checkJson);
  return COPY_KINDS.map((kind) => {
    const of = planted.filter((p) => p.kind === kind);
    const oursMissed = of.filter((p) => !foundByUs(p, copies));
    const jscpd = clones && of.filter((p) => foundByJscpd(p, clones)).length;
    return { kind, total: of.length, ours: of.length - oursMissed.length, jscpd, oursMissed };
  });
}
