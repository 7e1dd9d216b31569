/**
 * Recall on what generate.ts planted in the generated corpus (bench/.generated/manifest.json), kind by kind:
 *   - duplicate, near-duplicate: whether a tool reported the planted line as a copy of a paragraph of the file it was
 *     copied from. Ours: a duplicate-paragraph or near-duplicate-paragraph finding in the planted file whose range
 *     covers the planted line and whose related locations include the source file. jscpd: a clone pair with one side
 *     in the planted file covering the planted line and the other side in the source file.
 *   - name-variant: a name-variant finding of ours in the planted file on the planted line whose message names the
 *     planted spelling («…» is a variant spelling of «…»).
 *   - undated: an undated-entry finding of ours in the planted file whose range covers the planted line (the title).
 *   - dated: honoured when ours has neither an undated-entry nor an incomplete-date finding in the file (a generated
 *     file is one article, so that is the planted entry's).
 * jscpd has numbers for the copies only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Clone } from './peer';

/** A planted item, with absolute paths and 0-based lines (as generate.ts writes them). */
export interface Planted {
  kind: string;
  file: string;
  line: number;
  /** Copies: where the paragraph was copied from. */
  of?: { file: string; line: number };
  /** name-variant: the planted spelling. */
  detail?: string;
  /** name-variant: the usual spelling it replaced. */
  canonical?: string;
}

/** A finding of ours: 0-based lines, inclusive, and the files of its related locations. */
interface OurFinding {
  code: string;
  file: string;
  start: number;
  end: number;
  message: string;
  related: Set<string>;
}

/** The planted kinds, in the order they are printed. */
export const KINDS = ['duplicate', 'near-duplicate', 'name-variant', 'undated', 'dated'];
export const COPY_KINDS = ['duplicate', 'near-duplicate'];
const COPY_CODES = ['duplicate-paragraph', 'near-duplicate-paragraph'];

/** What the manifest beside the corpus planted, or undefined when there is none (the news sample). */
export function plantedItems(corpusDir: string): Planted[] | undefined {
  const manifest = path.join(path.dirname(corpusDir), 'manifest.json');
  if (!fs.existsSync(manifest)) return undefined;
  const { planted } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { planted: Planted[] };
  return planted
    .filter((p) => KINDS.includes(p.kind) && (p.of || !COPY_KINDS.includes(p.kind)))
    .map((p) => ({
      ...p,
      file: path.join(corpusDir, p.file),
      ...(p.of ? { of: { ...p.of, file: path.join(corpusDir, p.of.file) } } : {}),
    }));
}

/** The findings of `check --format json` output by file (paths there are relative to the working folder). */
function ourFindings(checkJson: string): Map<string, OurFinding[]> {
  const out = new Map<string, OurFinding[]>();
  for (const f of JSON.parse(checkJson).files) {
    const file = path.resolve(f.path);
    const list: OurFinding[] = [];
    for (const d of f.diagnostics) {
      const related = new Set<string>((d.related ?? []).map((r: { path: string }) => path.resolve(r.path)));
      list.push({ code: d.code, file, start: d.range.start.line, end: d.range.end.line, message: d.message, related });
    }
    out.set(file, list);
  }
  return out;
}

const covers = (d: OurFinding, line: number): boolean => d.start <= line && line <= d.end;

function foundByUs(p: Planted, findings: OurFinding[]): boolean {
  switch (p.kind) {
    case 'duplicate':
    case 'near-duplicate':
      return findings.some((d) => COPY_CODES.includes(d.code) && covers(d, p.line) && d.related.has(p.of!.file));
    case 'name-variant':
      return findings.some((d) => d.code === 'name-variant' && d.start === p.line && d.message.includes(`«${p.detail}»`));
    case 'undated':
      return findings.some((d) => d.code === 'undated-entry' && covers(d, p.line));
    case 'dated':
      return !findings.some((d) => d.code === 'undated-entry' || d.code === 'incomplete-date');
    default:
      return false;
  }
}

function foundByJscpd(p: Planted, clones: Clone[]): boolean {
  const line = p.line + 1;
  return clones.some(([a, b]) =>
    [[a, b], [b, a]].some(([mine, other]) => mine.file === p.file && mine.start <= line && line <= mine.end && other.file === p.of!.file),
  );
}

export interface KindRecall {
  kind: string;
  total: number;
  /** Found by us (for 'dated': honoured, no finding that says the entry has no full date). */
  ours: number;
  /** Copies only, and only with clones. */
  jscpd?: number;
  /** Planted items we did not report (for 'dated': the ones we reported), for a closer look. */
  oursMissed: Planted[];
}

/** Per planted kind present, how many items each tool found. Without clones, jscpd's count is left out. */
export function recall(planted: Planted[], checkJson: string, clones?: Clone[]): KindRecall[] {
  const findings = ourFindings(checkJson);
  return KINDS.filter((kind) => planted.some((p) => p.kind === kind)).map((kind) => {
    const of = planted.filter((p) => p.kind === kind);
    const oursMissed = of.filter((p) => !foundByUs(p, findings.get(p.file) ?? []));
    const jscpd = clones && COPY_KINDS.includes(kind) ? of.filter((p) => foundByJscpd(p, clones)).length : undefined;
    return { kind, total: of.length, ours: of.length - oursMissed.length, jscpd, oursMissed };
  });
}
