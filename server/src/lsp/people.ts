/**
 * Names across the corpus, built on the core's name index: the name under the cursor, its spelling group (canonical
 * spelling and variants), every mention of it in every file, and the person card shown on hover. A deeper people
 * index (roles, registry) can replace this file behind the same functions.
 */
import type { Corpus } from '../core/corpus';
import type { FileWords } from '../core/names/words';
import { PROCLITIC_LETTERS } from '../core/names/lexicon';
import { procliticLetters, skipLetters } from '../core/text/letters';
import { positionAt } from '../core/text/lines';
import type { Range } from '../core/types';
import { Slices } from './loop';

/** A word of a file under a position. */
export interface WordAt {
  /** The word as written (marks removed), proclitics included. */
  surface: string;
  /** The word without its proclitics, as the name index counts it. */
  stem: string;
  /** Offsets of the stem part in the text. */
  start: number;
  end: number;
}

/** One mention of a spelling in a file. */
export interface Mention {
  file: string;
  /** Offsets of the name part (proclitics excluded). */
  start: number;
  end: number;
  /** The spelling mentioned (a stem). */
  spelling: string;
  /** The word as written (proclitics included). */
  surface: string;
}

export interface NameGroup {
  canonical: string;
  /** The canonical spelling first, then the variants. */
  spellings: string[];
}

const PROCLITICS = [...PROCLITIC_LETTERS];

/** Written forms of a word whose stem can be `stem`: the stem, with one or two proclitics, and لل for ال. */
function surfaceCandidates(stem: string): string[] {
  const out = [stem];
  for (const p of PROCLITICS) {
    out.push(p + stem);
    for (const q of PROCLITICS) if (q !== p) out.push(p + q + stem);
  }
  if (stem.startsWith('ال') && stem.length > 2) out.push('لل' + stem.slice(2));
  return out;
}

/** The spellings of the corpus (with proclitics) whose stem is `stem`. */
export function surfaceForms(corpus: Corpus, stem: string): string[] {
  const index = corpus.nameIndex();
  return surfaceCandidates(stem).filter((w) => index.count(w) > 0 && index.stem(w) === stem);
}

/** A file's per-spelling summary, whichever form the core keeps it in (a map of occurrences or parallel arrays). */
function forEachSpelling(corpus: Corpus, words: unknown, visit: (spelling: string, count: number, evidence: number) => void): void {
  if (words instanceof Map) {
    for (const [spelling, w] of words as FileWords) visit(spelling, w.count, w.hashtag + w.afterTitle);
    return;
  }
  const summary = words as { ids?: ArrayLike<number>; counts?: ArrayLike<number>; evidence?: ArrayLike<number> } | undefined;
  if (!summary?.ids || !summary.counts || !summary.evidence) return;
  for (let i = 0; i < summary.ids.length; i++) visit(corpus.spelling(summary.ids[i]), summary.counts[i], summary.evidence[i]);
}

/** The files that use any of the spellings (sorted), and the spellings' total uses and name evidence. */
function scanSpellings(corpus: Corpus, spellings: Set<string>): { files: string[]; count: number; evidence: number } {
  const files: string[] = [];
  let count = 0;
  let evidence = 0;
  if (!spellings.size) return { files, count, evidence };
  for (const file of corpus.files()) {
    let found = false;
    forEachSpelling(corpus, corpus.model(file)?.words, (s, c, e) => {
      if (!spellings.has(s)) return;
      found = true;
      count += c;
      evidence += e;
    });
    if (found) files.push(file);
  }
  return { files: files.sort(), count, evidence };
}

/** The word at a text offset of a corpus file (a word the name index knows), or null. */
export function wordAt(corpus: Corpus, file: string, offset: number): WordAt | null {
  const words = corpus.nameIndex().fileWords(file);
  const text = corpus.text(file);
  if (!words || text === undefined) return null;
  for (const [surface, w] of words) {
    for (let i = 0; i < w.count; i++) {
      if (w.starts[i] <= offset && offset <= w.ends[i]) {
        const stem = corpus.nameIndex().stem(surface);
        return { surface, stem, start: skipLetters(text, w.starts[i], w.ends[i], procliticLetters(surface, stem)), end: w.ends[i] };
      }
    }
  }
  return null;
}

/** The spelling group of a name: its canonical spelling and every variant the corpus maps to it. */
export function nameGroup(corpus: Corpus, stem: string): NameGroup {
  const decisions = corpus.nameIndex().variants();
  const canonical = decisions.get(stem)?.canonical ?? stem;
  const variants = [...decisions].filter(([, d]) => d.canonical === canonical).map(([s]) => s).sort();
  return { canonical, spellings: [canonical, ...variants.filter((v) => v !== canonical)] };
}

/** The written forms of each spelling. */
type Forms = { stem: string; surfaces: string[] }[];

function formsOf(corpus: Corpus, spellings: Iterable<string>): Forms {
  return [...new Set(spellings)].map((stem) => ({ stem, surfaces: surfaceForms(corpus, stem) }));
}

/** The mentions of some spellings in one file, by position. */
function mentionsIn(corpus: Corpus, file: string, forms: Forms): Mention[] {
  const words = corpus.nameIndex().fileWords(file);
  const text = corpus.text(file);
  if (!words || text === undefined) return [];
  const inFile: Mention[] = [];
  for (const { stem, surfaces } of forms) {
    for (const surface of surfaces) {
      const w = words.get(surface);
      if (!w) continue;
      const skip = procliticLetters(surface, stem);
      for (let i = 0; i < w.count; i++) {
        inFile.push({ file, start: skipLetters(text, w.starts[i], w.ends[i], skip), end: w.ends[i], spelling: stem, surface });
      }
    }
  }
  return inFile.sort((a, b) => a.start - b.start);
}

/** Every mention of the given spellings across the corpus, by file (sorted) and position. */
export function mentionsOf(corpus: Corpus, spellings: Iterable<string>, isCancelled: () => boolean = () => false, files?: string[]): Mention[] {
  const forms = formsOf(corpus, spellings);
  const all = new Set(forms.flatMap((f) => f.surfaces));
  const out: Mention[] = [];
  for (const file of files ?? scanSpellings(corpus, all).files) {
    if (isCancelled()) break;
    out.push(...mentionsIn(corpus, file, forms));
  }
  return out;
}

/**
 * `mentionsOf` for a request on the server: the files are scanned and read in slices with the message loop running
 * between them (a given name can be written in thousands of files). Null when cancelled.
 */
export async function mentionsOfSliced(corpus: Corpus, spellings: Iterable<string>, isCancelled: () => boolean): Promise<Mention[] | null> {
  const forms = formsOf(corpus, spellings);
  const all = new Set(forms.flatMap((f) => f.surfaces));
  const slices = new Slices(isCancelled);
  const files: string[] = [];
  if (all.size) {
    for (const file of corpus.files()) {
      if (!(await slices.pause())) return null;
      let found = false;
      forEachSpelling(corpus, corpus.model(file)?.words, (s) => {
        if (all.has(s)) found = true;
      });
      if (found) files.push(file);
    }
  }
  const out: Mention[] = [];
  for (const file of files.sort()) {
    if (!(await slices.pause())) return null;
    out.push(...mentionsIn(corpus, file, forms));
  }
  return out;
}

/**
 * True when the corpus uses a spelling as a name: the name index groups it with a variant, or it appears as a
 * hashtag or after a title often enough (the same test the core applies to a group).
 */
export function isKnownName(corpus: Corpus, stem: string): boolean {
  if (stem.length < 3) return false;
  const decisions = corpus.nameIndex().variants();
  if (decisions.has(stem)) return true;
  for (const d of decisions.values()) if (d.canonical === stem) return true;
  const { count, evidence } = nameEvidence(corpus, stem);
  return evidence >= 1 && evidence / count >= 0.15;
}

/**
 * Uses of a stem and its name evidence (hashtags, words after titles) over all its written forms: the name index
 * keeps them per stem (the same totals a scan of every file's spellings gives, without the scan).
 */
function nameEvidence(corpus: Corpus, stem: string): { count: number; evidence: number } {
  const facts = corpus.nameIndex().nameFacts(stem);
  return { count: facts?.count ?? 0, evidence: facts?.evidence ?? 0 };
}

/**
 * Names of the corpus (stems used as names) with their number of mentions, for workspace symbols: read in slices
 * (every file's spellings are walked). Null when cancelled.
 */
export async function nameCatalog(corpus: Corpus, isCancelled: () => boolean = () => false): Promise<Map<string, number> | null> {
  const index = corpus.nameIndex();
  const slices = new Slices(isCancelled);
  const evidence = new Map<string, number>();
  for (const file of corpus.files()) {
    if (!(await slices.pause())) return null;
    forEachSpelling(corpus, corpus.model(file)?.words, (spelling, _count, e) => {
      if (!e) return;
      const stem = index.stem(spelling);
      evidence.set(stem, (evidence.get(stem) ?? 0) + e);
    });
  }
  const out = new Map<string, number>();
  for (const [stem, e] of evidence) {
    if (!(await slices.pause())) return null;
    if (stem.length < 3) continue;
    const count = surfaceForms(corpus, stem).reduce((n, s) => n + index.count(s), 0);
    if (count > 0 && e / count >= 0.15) out.set(stem, count);
  }
  for (const [variant, d] of index.variants()) {
    out.set(variant, d.variantCount);
    if (!out.has(d.canonical)) out.set(d.canonical, d.canonicalCount);
  }
  return out;
}

/** A mention with the date of the entry that holds it. */
export interface DatedMention extends Mention {
  range: Range;
  date: string | null;
}

export function withDates(corpus: Corpus, mentions: Mention[]): DatedMention[] {
  return mentions.map((m) => {
    const model = corpus.model(m.file)!;
    const range = { start: positionAt(model.lineIndex, m.start), end: positionAt(model.lineIndex, m.end) };
    const entry = model.entries.find((e) => e.range.start.line <= range.start.line && range.start.line <= e.range.end.line);
    return { ...m, range, date: entry?.date ?? null };
  });
}

/** The mention that stands for the name's definition: the earliest dated one, else the first in file order. */
export function definitionOf(mentions: DatedMention[]): DatedMention | undefined {
  let best: DatedMention | undefined;
  for (const m of mentions) if (m.date && (!best || m.date < best.date!)) best = m;
  return best ?? mentions[0];
}

export interface PersonCard {
  group: NameGroup;
  counts: Map<string, number>;
  files: number;
  mentions: number;
  first?: DatedMention;
  last?: DatedMention;
}

/** Cards computed for each corpus, until its version changes (reading every mention of a given name is costly). */
const cards = new WeakMap<Corpus, { version: number; byName: Map<string, { card: PersonCard; mentions: DatedMention[] }> }>();
const MAX_CARDS = 64;

/**
 * The card of a name and its dated mentions, for a request on the server: the mentions are read in slices (see
 * `mentionsOfSliced`), so a name written in thousands of files never holds the message loop. Null when cancelled.
 * `version()` is the host's count of corpus changes: the card is kept for later questions about the same name (a
 * hover, then go to definition and references read the mentions once) until the corpus changes.
 */
export async function personCardSliced(
  corpus: Corpus,
  stem: string,
  version: () => number,
  isCancelled: () => boolean,
): Promise<{ card: PersonCard; mentions: DatedMention[] } | null> {
  const v = version();
  const group = nameGroup(corpus, stem);
  let cache = cards.get(corpus);
  if (!cache || cache.version !== v) cards.set(corpus, (cache = { version: v, byName: new Map() }));
  const cached = cache.byName.get(group.canonical);
  if (cached) return cached;
  // Read again when the corpus changed meanwhile (offsets must match the texts the dates and ranges are read from).
  let mentions: Mention[] | null = null;
  let read = v;
  for (let attempt = 0; attempt < 3 && (mentions === null || read !== version()); attempt++) {
    read = version();
    mentions = await mentionsOfSliced(corpus, group.spellings, isCancelled);
    if (!mentions) return null;
  }
  const result = cardOf(group, withDates(corpus, mentions!.filter((m) => corpus.model(m.file))));
  if (read === v && version() === v) {
    if (cache.byName.size >= MAX_CARDS) cache.byName.delete(cache.byName.keys().next().value!);
    cache.byName.set(group.canonical, result);
  }
  return result;
}

function cardOf(group: NameGroup, mentions: DatedMention[]): { card: PersonCard; mentions: DatedMention[] } {
  const counts = new Map<string, number>(group.spellings.map((s) => [s, 0]));
  const files = new Set<string>();
  let first: DatedMention | undefined;
  let last: DatedMention | undefined;
  for (const m of mentions) {
    counts.set(m.spelling, (counts.get(m.spelling) ?? 0) + 1);
    files.add(m.file);
    if (m.date && (!first || m.date < first.date!)) first = m;
    if (m.date && (!last || m.date > last.date!)) last = m;
  }
  return { card: { group, counts, files: files.size, mentions: mentions.length, first, last }, mentions };
}

/** The card as Markdown. */
export function personCardMarkdown(card: PersonCard, describe: (file: string) => string): string {
  const where = (m: DatedMention) => `${m.date} (${describe(m.file)}:${m.range.start.line + 1})`;
  const spellings = card.group.spellings
    .map((s) => `«${s}» ${card.counts.get(s) ?? 0}${s === card.group.canonical ? ' (canonical)' : ''}`)
    .join(', ');
  const lines = [
    `**${card.group.canonical}** — name`,
    '',
    `Spellings: ${spellings}`,
    '',
    `${card.mentions} mention${card.mentions === 1 ? '' : 's'} in ${card.files} file${card.files === 1 ? '' : 's'}`,
  ];
  if (card.first && card.last) {
    lines.push('', card.first === card.last ? `Dated mention: ${where(card.first)}` : `First dated mention: ${where(card.first)}; last: ${where(card.last)}`);
  }
  return lines.join('\n');
}

/** Edits that rename one spelling (every mention of it, proclitics kept) to `newName` across the corpus. */
export function renameEdits(corpus: Corpus, stem: string, newName: string): Map<string, { start: number; end: number; newText: string }[]> {
  const out = new Map<string, { start: number; end: number; newText: string }[]>();
  for (const m of mentionsOf(corpus, [stem])) {
    // «للإتحادية» is ل + الإتحادية with the article's alef dropped: the mention starts at the second lam.
    const lamAlef = m.surface.startsWith('لل') && stem.startsWith('ال') && m.surface.length === stem.length;
    const newText = lamAlef && newName.startsWith('ال') ? newName.slice(1) : newName;
    let list = out.get(m.file);
    if (!list) out.set(m.file, (list = []));
    list.push({ start: m.start, end: m.end, newText });
  }
  return out;
}

/**
 * The first mention (in file order) of each spelling, in one pass over the files' spelling summaries, read in
 * slices. Null when cancelled.
 */
export async function firstMentions(corpus: Corpus, stems: string[], isCancelled: () => boolean = () => false): Promise<Map<string, DatedMention> | null> {
  const stemOfSurface = new Map<string, string>();
  for (const stem of stems) for (const s of surfaceForms(corpus, stem)) stemOfSurface.set(s, stem);
  const slices = new Slices(isCancelled);
  const firstFile = new Map<string, string>();
  for (const file of corpus.files().sort()) {
    if (firstFile.size === stems.length) break;
    if (!(await slices.pause())) return null;
    forEachSpelling(corpus, corpus.model(file)?.words, (s) => {
      const stem = stemOfSurface.get(s);
      if (stem !== undefined && !firstFile.has(stem)) firstFile.set(stem, file);
    });
  }
  const out = new Map<string, DatedMention>();
  for (const [stem, file] of firstFile) {
    if (!(await slices.pause())) return null;
    if (!corpus.model(file)) continue;
    const found = mentionsOf(corpus, [stem], () => false, [file]);
    if (found.length) out.set(stem, withDates(corpus, found.slice(0, 1))[0]);
  }
  return out;
}
