/**
 * Baselines: today's findings recorded with fingerprints that do not depend on line numbers, so a host can show only
 * the findings that are new since. Pure: hosts read and write the baseline file and pass texts and findings in.
 *
 * A fingerprint is a hash of the rule code, the file (a path relative to the baseline file's folder, `/`-separated),
 * the normalized text of the flagged range and an occurrence index: the n-th finding of that code on that same text
 * in the file. Inserting lines or editing other paragraphs therefore never resurrects a baselined finding; editing
 * the flagged text itself does (it is then a different finding).
 */
import type { Finding, RuleCode } from './types';
import { indexLines, LineIndex, offsetAt } from './text/lines';
import { hashString, tokenize } from './text/normalize';
import { compareCodeUnits } from './text/sorted';

export const BASELINE_VERSION = 1;

/** The conventional name of a baseline file, at the corpus root. */
export const DEFAULT_BASELINE_FILE = 'corpus-lint-baseline.json';

export interface BaselineEntry {
  /** Path relative to the baseline file's folder, with `/` separators. */
  file: string;
  code: RuleCode;
  fingerprint: string;
  /** The start of the flagged text, for people reading the file; never used for matching. */
  excerpt: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/** The normalized words of a finding's range: what its fingerprint and the ignore file match on. */
export function flaggedText(text: string, finding: Pick<Finding, 'range'>, lines: LineIndex = indexLines(text)): string {
  const start = offsetAt(lines, finding.range.start);
  const end = offsetAt(lines, finding.range.end);
  const norms = tokenize(text, start, end).norms;
  // A range without words (punctuation only) is matched on its raw text.
  return norms.length ? norms.join(' ') : text.slice(start, end).trim();
}

/**
 * Line-independent fingerprints of one file's findings, in the order given (the corpus's order: by position).
 * `file` is the path the baseline records (relative to the baseline file's folder).
 */
export function fingerprintFindings(file: string, text: string, findings: Finding[]): string[] {
  const lines = indexLines(text);
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.code}\u0000${file}\u0000${flaggedText(text, f, lines)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const s = `${key}\u0000${occurrence}`;
    // Two 32-bit hashes with different seeds: 64 bits, no collision in any realistic corpus.
    return hex(hashString(s)) + hex(hashString(s, 0x9747b28c));
  });
}

/** The baseline entries of one file's findings. */
export function baselineEntries(file: string, text: string, findings: Finding[]): BaselineEntry[] {
  const lines = indexLines(text);
  const prints = fingerprintFindings(file, text, findings);
  return findings.map((f, i) => ({ file, code: f.code, fingerprint: prints[i], excerpt: excerptOf(text, f, lines) }));
}

/** A baseline file's text: entries sorted by file, code, excerpt and fingerprint, so re-recording gives small diffs. */
export function serializeBaseline(entries: BaselineEntry[]): string {
  const sorted = [...entries].sort(
    (a, b) =>
      compareCodeUnits(a.file, b.file) || compareCodeUnits(a.code, b.code) || compareCodeUnits(a.excerpt, b.excerpt) || compareCodeUnits(a.fingerprint, b.fingerprint),
  );
  const lines = sorted.map((e) => '    ' + JSON.stringify({ file: e.file, code: e.code, fingerprint: e.fingerprint, excerpt: e.excerpt }));
  return `{\n  "version": ${BASELINE_VERSION},\n  "findings": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

/** Parses a baseline file's text. Never throws: a broken file gives errors. */
export function parseBaseline(text: string): { baseline: Baseline | null; errors: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { baseline: null, errors: [`not valid JSON (${(err as Error).message})`] };
  }
  const v = value as { version?: unknown; findings?: unknown };
  if (!v || typeof v !== 'object') return { baseline: null, errors: ['not a baseline (expected an object)'] };
  if (v.version !== BASELINE_VERSION) return { baseline: null, errors: [`unsupported baseline version ${String(v.version)} (expected ${BASELINE_VERSION})`] };
  if (!Array.isArray(v.findings)) return { baseline: null, errors: ['"findings" must be an array'] };
  const errors: string[] = [];
  const findings: BaselineEntry[] = [];
  v.findings.forEach((e: unknown, i: number) => {
    const x = e as Partial<BaselineEntry>;
    if (!x || typeof x.file !== 'string' || typeof x.code !== 'string' || typeof x.fingerprint !== 'string') {
      errors.push(`findings[${i}] needs "file", "code" and "fingerprint" strings`);
      return;
    }
    findings.push({ file: x.file, code: x.code as RuleCode, fingerprint: x.fingerprint, excerpt: typeof x.excerpt === 'string' ? x.excerpt : '' });
  });
  return { baseline: errors.length ? null : { version: BASELINE_VERSION, findings }, errors };
}

/** A baseline ready for lookups: fingerprints per file. */
export interface BaselineIndex {
  byFile: Map<string, Map<string, BaselineEntry>>;
}

export function indexBaseline(baseline: Baseline): BaselineIndex {
  const byFile = new Map<string, Map<string, BaselineEntry>>();
  for (const e of baseline.findings) {
    let m = byFile.get(e.file);
    if (!m) byFile.set(e.file, (m = new Map()));
    m.set(e.fingerprint, e);
  }
  return { byFile };
}

export interface BaselineSplit {
  /** Findings the baseline does not hold: the ones to show. */
  fresh: Finding[];
  /** Findings the baseline accepts. */
  baselined: Finding[];
  /** Fingerprints of the baseline entries of this file that were matched (the others are fixed). */
  matched: Set<string>;
}

/**
 * Splits one file's findings into new ones and baselined ones. `file` is the file's path relative to the baseline
 * file's folder; `findings` are all the file's findings in the corpus's order (after inline markers and the ignore
 * file), computed on `text`.
 */
export function applyBaseline(index: BaselineIndex, file: string, text: string, findings: Finding[]): BaselineSplit {
  const known = index.byFile.get(file);
  if (!known || !findings.length) return { fresh: findings, baselined: [], matched: new Set() };
  const prints = fingerprintFindings(file, text, findings);
  const split: BaselineSplit = { fresh: [], baselined: [], matched: new Set() };
  findings.forEach((f, i) => {
    if (known.has(prints[i])) {
      split.baselined.push(f);
      split.matched.add(prints[i]);
    } else {
      split.fresh.push(f);
    }
  });
  return split;
}

/** The baseline entries of a file that no current finding matched: fixed since the baseline was recorded. */
export function fixedEntries(index: BaselineIndex, file: string, matched: Set<string>): BaselineEntry[] {
  const known = index.byFile.get(file);
  if (!known) return [];
  return [...known.values()].filter((e) => !matched.has(e.fingerprint));
}

function excerptOf(text: string, f: Finding, lines: LineIndex): string {
  const start = offsetAt(lines, f.range.start);
  const end = offsetAt(lines, f.range.end);
  const s = text.slice(start, Math.min(end, start + 200)).replace(/\s+/g, ' ').trim();
  if (end - start <= 60 && s.length <= 60) return s;
  let cut = s.lastIndexOf(' ', 57);
  if (cut <= 30) cut = 57;
  // Never split a surrogate pair (an emoji) in two.
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return s.slice(0, cut) + '…';
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
