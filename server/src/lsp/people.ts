/**
 * Names across the corpus, built on the core's name index: the name under the cursor, its spelling group (canonical
 * spelling and variants), every mention of it in every file, and the person card shown on hover. A deeper people
 * index (roles, registry) can replace this file behind the same functions.
 */
import type { Corpus } from '../core/corpus';
import { collectWords, WordSummary } from '../core/names/words';
import type { VariantDecision } from '../core/names/variants';
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

/** Which spelling ids a question is about: a table over the corpus' ids (1 for a wanted one). */
function idTable(corpus: Corpus, spellings: Iterable<string>): Uint8Array {
  const ids: number[] = [];
  for (const s of spellings) {
    const id = corpus.spellingId(s);
    if (id >= 0) ids.push(id);
  }
  const table = new Uint8Array(ids.length ? Math.max(...ids) + 1 : 0);
  for (const id of ids) table[id] = 1;
  return table;
}

/** True when a file's word summary holds one of the wanted spelling ids (a pass over its typed array, no strings). */
function holdsAny(words: WordSummary | undefined, table: Uint8Array): boolean {
  const ids = words?.ids;
  if (!ids || !table.length) return false;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id < table.length && table[id] === 1) return true;
  }
  return false;
}

/**
 * True when one of the wanted spellings is written with marks inside it somewhere in the file, or when the summary
 * does not say (the name index's own test): then the file's words are read in full rather than searched for.
 */
function anyMarked(words: WordSummary, table: Uint8Array): boolean {
  const { marked, ids } = words;
  if (!marked) return true;
  for (let k = 0; k < marked.length; k++) {
    const id = ids[marked[k]];
    if (id < table.length && table[id] === 1) return true;
  }
  return false;
}

/** The word at a text offset of a corpus file (a word the name index knows), or null. */
export function wordAt(corpus: Corpus, file: string, offset: number): WordAt | null {
  const model = corpus.model(file);
  if (!model) return null;
  // Only the line holding the offset is read (words never cross a line; the name index reads these lines only).
  const ranges = model.wordLines.ranges;
  let line = -1;
  for (let r = 0; r < ranges.length; r += 2) {
    if (ranges[r] <= offset && offset <= ranges[r + 1]) {
      line = r;
      break;
    }
  }
  if (line < 0) return null;
  // The line alone is scanned (a line starts a word scan as the whole text does: words never cross a line break).
  const from = ranges[line];
  const words = collectWords(model.text.slice(from, ranges[line + 1]), { ranges: Int32Array.of(0, ranges[line + 1] - from) });
  for (const [surface, w] of words) {
    for (let i = 0; i < w.count; i++) {
      const start = from + w.starts[i];
      const end = from + w.ends[i];
      if (start <= offset && offset <= end) {
        const stem = corpus.nameIndex().stem(surface);
        return { surface, stem, start: skipLetters(model.text, start, end, procliticLetters(surface, stem)), end };
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

/** What a search for some spellings reads: their written forms, as strings and as a table of the corpus' ids. */
interface SpellingSearch {
  forms: Forms;
  surfaces: Set<string>;
  table: Uint8Array;
}

function searchFor(corpus: Corpus, spellings: Iterable<string>): SpellingSearch {
  const forms = [...new Set(spellings)].map((stem) => ({ stem, surfaces: surfaceForms(corpus, stem) }));
  const surfaces = new Set(forms.flatMap((f) => f.surfaces));
  return { forms, surfaces, table: idTable(corpus, surfaces) };
}

/**
 * The mentions of some spellings in one file, by position: only these spellings are read (the text is searched for
 * them, as the name index reads a file for its findings), never every word of the file.
 */
function mentionsIn(corpus: Corpus, file: string, search: SpellingSearch): Mention[] {
  const model = corpus.model(file);
  if (!model || !search.surfaces.size) return [];
  const text = model.text;
  const words = collectWords(text, model.wordLines, search.surfaces, anyMarked(model.words, search.table));
  const inFile: Mention[] = [];
  for (const { stem, surfaces } of search.forms) {
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

/** Every mention of the given spellings across the corpus (or in `files`), by file (sorted) and position. */
export function mentionsOf(corpus: Corpus, spellings: Iterable<string>, isCancelled: () => boolean = () => false, files?: string[]): Mention[] {
  const search = searchFor(corpus, spellings);
  const out: Mention[] = [];
  const holding = files ?? corpus.files().filter((f) => holdsAny(corpus.model(f)?.words, search.table)).sort();
  for (const file of holding) {
    if (isCancelled()) break;
    // One by one: a file can hold more mentions than a call takes arguments (200,000 overflowed the stack).
    for (const m of mentionsIn(corpus, file, search)) out.push(m);
  }
  return out;
}

/**
 * `mentionsOf` for a request on the server, in slices with the message loop running between them (a given name can
 * be written in thousands of files). The files are found by spelling id in their word summaries. Null when cancelled.
 */
export async function mentionsOfSliced(corpus: Corpus, spellings: Iterable<string>, isCancelled: () => boolean): Promise<Mention[] | null> {
  const search = searchFor(corpus, spellings);
  const slices = new Slices(isCancelled);
  const files: string[] = [];
  if (search.table.length) {
    const all = corpus.files();
    for (let i = 0; i < all.length; i += FILES_PER_PAUSE) {
      if (!(await slices.pause())) return null;
      for (const file of all.slice(i, i + FILES_PER_PAUSE)) if (holdsAny(corpus.model(file)?.words, search.table)) files.push(file);
    }
  }
  const out: Mention[] = [];
  for (const file of files.sort()) {
    if (!(await slices.pause())) return null;
    // The corpus may have changed between two slices: a file that left it has no mentions.
    for (const m of mentionsIn(corpus, file, search)) out.push(m);
  }
  return out;
}

/** Files whose summaries are tested between two checks of the time (a test is a pass over a typed array). */
const FILES_PER_PAUSE = 256;

/**
 * True when the corpus uses a spelling as a name: the name index groups it with a variant, or judges it name-like (the
 * same test the core applies to a group).
 */
export function isKnownName(corpus: Corpus, stem: string): boolean {
  if (stem.length < 3) return false;
  const decisions = corpus.nameIndex().variants();
  if (decisions.has(stem) || canonicalsOf(decisions).has(stem)) return true;
  // The index's own judgement: evidence after titles and in hashtags, and neither a common nor an inflected word (an
  // adjective after a title, «الرئيس الفرنسي», has evidence enough and is no name).
  return corpus.nameIndex().nameFacts(stem)?.nameLike ?? false;
}

/** The canonical spellings of a set of decisions (kept as long as the decisions are the index's current ones). */
const canonicals = new WeakMap<Map<string, VariantDecision>, Set<string>>();

function canonicalsOf(decisions: Map<string, VariantDecision>): Set<string> {
  let set = canonicals.get(decisions);
  if (!set) canonicals.set(decisions, (set = new Set([...decisions.values()].map((d) => d.canonical))));
  return set;
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
    const words = corpus.model(file)?.words;
    if (!words) continue;
    for (let i = 0; i < words.ids.length; i++) {
      const e = words.evidence[i];
      if (!e) continue;
      const stem = index.stem(corpus.spelling(words.ids[i]));
      evidence.set(stem, (evidence.get(stem) ?? 0) + e);
    }
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

/** What is kept of a name until the corpus changes: its card, and its dated mentions once they were asked for. */
interface KnownName {
  card?: PersonCard;
  mentions?: DatedMention[];
}

/** Names read for each corpus, until its version changes. */
const names = new WeakMap<Corpus, { version: number; byName: Map<string, KnownName> }>();
const MAX_NAMES = 64;

/**
 * Runs a sliced read of a name and keeps the result until the corpus changes. `version()` is the host's count of
 * corpus changes: a read during which the corpus changed is made again (offsets must match the texts the dates and
 * ranges are read from; at most three times, and then not kept). Null when cancelled.
 */
async function readName<T>(
  corpus: Corpus,
  stem: string,
  version: () => number,
  kept: (entry: KnownName) => T | undefined,
  keep: (entry: KnownName, value: T) => void,
  read: (group: NameGroup) => Promise<T | null>,
): Promise<T | null> {
  const v = version();
  const group = nameGroup(corpus, stem);
  let cache = names.get(corpus);
  if (!cache || cache.version !== v) names.set(corpus, (cache = { version: v, byName: new Map() }));
  let entry = cache.byName.get(group.canonical);
  const cached = entry && kept(entry);
  if (cached !== undefined) return cached;
  let value: T | null = null;
  let at = v;
  for (let attempt = 0; attempt < 3 && (value === null || at !== version()); attempt++) {
    at = version();
    value = await read(nameGroup(corpus, stem));
    if (value === null) return null;
  }
  if (at === v && version() === v) {
    entry = cache.byName.get(group.canonical);
    if (!entry) {
      if (cache.byName.size >= MAX_NAMES) cache.byName.delete(cache.byName.keys().next().value!);
      cache.byName.set(group.canonical, (entry = {}));
    }
    keep(entry, value!);
  }
  return value;
}

/**
 * The card of a name, for a request on the server. Counts and files come from the files' word summaries (a pass
 * over typed arrays per file); the text is read only in the few files that can hold the first or the last dated
 * mention (by their entries' dates). Read in slices, so a name written in thousands of files never holds the message
 * loop; kept until the corpus changes. Null when cancelled.
 */
export function personCardSliced(corpus: Corpus, stem: string, version: () => number, isCancelled: () => boolean): Promise<PersonCard | null> {
  return readName(
    corpus,
    stem,
    version,
    (e) => e.card,
    (e, card) => (e.card = card),
    (group) => cardFromSummaries(corpus, group, new Slices(isCancelled)),
  );
}

/** Every mention of a name with its date, by file and position (references): read in slices, kept. Null when cancelled. */
export function nameMentionsSliced(corpus: Corpus, stem: string, version: () => number, isCancelled: () => boolean): Promise<DatedMention[] | null> {
  return readName(
    corpus,
    stem,
    version,
    (e) => e.mentions,
    (e, mentions) => (e.mentions = mentions),
    async (group) => {
      const mentions = await mentionsOfSliced(corpus, group.spellings, isCancelled);
      return mentions && withDates(corpus, mentions.filter((m) => corpus.model(m.file)));
    },
  );
}

/**
 * Where a name is defined (go to definition): `definitionOf` its mentions — the card's first dated mention, else the
 * first mention in file order. Null when cancelled.
 */
export async function nameDefinitionSliced(
  corpus: Corpus,
  stem: string,
  version: () => number,
  isCancelled: () => boolean,
): Promise<{ definition: DatedMention | undefined } | null> {
  const card = await personCardSliced(corpus, stem, version, isCancelled);
  if (!card) return null;
  if (card.first) return { definition: card.first };
  const mentions = await nameMentionsSliced(corpus, stem, version, isCancelled);
  return mentions && { definition: mentions[0] };
}

/** The card of a group of spellings from the word summaries, and the mentions of the files its dated ends can be in. */
async function cardFromSummaries(corpus: Corpus, group: NameGroup, slices: Slices): Promise<PersonCard | null> {
  const search = searchFor(corpus, group.spellings);
  const stemOfId = new Map<number, string>();
  for (const { stem, surfaces } of search.forms) {
    for (const s of surfaces) {
      const id = corpus.spellingId(s);
      if (id >= 0) stemOfId.set(id, stem);
    }
  }
  const counts = new Map<string, number>(group.spellings.map((s) => [s, 0]));
  const files: string[] = [];
  let mentions = 0;
  const { table } = search;
  if (table.length) {
    const all = corpus.files();
    for (let i = 0; i < all.length; i += FILES_PER_PAUSE) {
      if (!(await slices.pause())) return null;
      for (const file of all.slice(i, i + FILES_PER_PAUSE)) {
        const words = corpus.model(file)?.words;
        if (!words) continue;
        let here = 0;
        for (let k = 0; k < words.ids.length; k++) {
          const id = words.ids[k];
          if (id >= table.length || table[id] !== 1) continue;
          const stem = stemOfId.get(id)!;
          counts.set(stem, (counts.get(stem) ?? 0) + words.counts[k]);
          here += words.counts[k];
        }
        if (!here) continue;
        files.push(file);
        mentions += here;
      }
    }
  }
  files.sort();
  const first = await datedEnd(corpus, search, files, 'first', slices);
  if (!first) return null;
  const last = await datedEnd(corpus, search, files, 'last', slices);
  if (!last) return null;
  // One mention that is both ends is the same object (the card says "Dated mention" then).
  const same = first.mention && last.mention && first.mention.file === last.mention.file && first.mention.start === last.mention.start;
  return { group, counts, files: files.length, mentions, first: first.mention, last: same ? first.mention : last.mention };
}

/**
 * The first (earliest date) or last (latest date) dated mention, the first in file order among equal dates — what a
 * pass over every mention finds —, reading only the files whose entries' dates can hold it: files in order of their
 * earliest (latest) entry date, until that date is past the best one found. Null when cancelled.
 */
async function datedEnd(
  corpus: Corpus,
  search: SpellingSearch,
  files: string[],
  end: 'first' | 'last',
  slices: Slices,
): Promise<{ mention: DatedMention | undefined } | null> {
  const bounds: { file: string; date: string }[] = [];
  for (const file of files) {
    let date: string | null = null;
    for (const e of corpus.entries(file)) {
      if (e.date && (date === null || (end === 'first' ? e.date < date : e.date > date))) date = e.date;
    }
    if (date !== null) bounds.push({ file, date });
  }
  // Stable: files of equal dates stay in file order.
  bounds.sort((a, b) => (a.date === b.date ? 0 : (a.date < b.date) === (end === 'first') ? -1 : 1));
  const beats = (m: DatedMention, best: DatedMention): boolean =>
    m.date !== best.date ? (m.date! < best.date!) === (end === 'first') : m.file !== best.file ? m.file < best.file : m.start < best.start;
  let best: DatedMention | undefined;
  for (const { file, date } of bounds) {
    if (best && date !== best.date && (date > best.date!) === (end === 'first')) break;
    if (!(await slices.pause())) return null;
    if (!corpus.model(file)) continue;
    for (const m of withDates(corpus, mentionsIn(corpus, file, search))) if (m.date && (!best || beats(m, best))) best = m;
  }
  return { mention: best };
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
  const stemOfId = new Map<number, string>();
  for (const stem of stems) {
    for (const s of surfaceForms(corpus, stem)) {
      const id = corpus.spellingId(s);
      if (id >= 0) stemOfId.set(id, stem);
    }
  }
  const slices = new Slices(isCancelled);
  const firstFile = new Map<string, string>();
  for (const file of corpus.files().sort()) {
    if (firstFile.size === stems.length) break;
    if (!(await slices.pause())) return null;
    const ids = corpus.model(file)?.words.ids;
    if (!ids) continue;
    for (let i = 0; i < ids.length; i++) {
      const stem = stemOfId.get(ids[i]);
      if (stem !== undefined && !firstFile.has(stem)) firstFile.set(stem, file);
    }
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
