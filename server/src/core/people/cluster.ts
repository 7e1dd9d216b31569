/**
 * Turns the matched words of every file into people and places. Adjacent name words make one mention
 * (فلاديمير بوتين، محمد بن سلمان); a full name is a person keyed by its given name and family name (or father, in a
 * chain of بن); a short form (الأسد، الشرع، بوتين) goes to the person the entry is about, else the file, else the one
 * the corpus names most by that family name — so two people who share a family name stay two people. The registry
 * fixes canonical spellings and ids, adds variants, and keeps its people apart.
 *
 * Two stages: `fileEntities` reads one file's matches (memoized by the caller per file and vocabulary), and
 * `clusterEntities` ties the files' mentions to people over the whole corpus with simple counting.
 */
import type { Registry } from './registry';
import { spellingVariantPairsSteps } from './spellingMerge';
import { isChainKey, splitName, Vocabulary } from './learn';
import { BREAK, HASHTAG, JOINED, TANWEEN } from './tokens';
import { nameKey, placeKey, WordJudge } from './judge';
import { FileMatches, MatchedWord, NearWord, TokenKind } from './matches';
import { isIgnorableUnit, normalizeForMatch, stripMarks } from '../text/normalize';
import { INSTITUTION_HEADS, TITLE_MODIFIERS } from './lexicon';
import { Pace, runSteps, Steps } from './steps';
import { isTitleOfMany } from './roles';
import { isOriginAdjective } from './origins';
import { ChunkedList } from './chunkedList';

/** How a mention was tied to its person. */
export type Resolution = 'name' | 'registry' | 'entry' | 'file' | 'corpus' | 'single';

/** A name or place written in a file: what one file says, before the corpus decides who it is. */
export interface LocalMention {
  /** Offsets of the name in the file's text (proclitics and the hashtag sign excluded). */
  start: number;
  end: number;
  /** The name as written (marks removed, hashtag underscores as spaces). */
  spelling: string;
  entry: number;
  line: number;
  hashtag: boolean;
  /** The role written before the name (الرئيس الروسي), if any. */
  role?: string;
  /** The title right before it, normalized (الرييس). */
  title?: string;
  /** The name is the object of a possessive title (المبعوث الخاص للرئيس بوتين): talked about, not acting. */
  genitive: boolean;
  /** A place right after a place cue (في موسكو، بجدة). */
  cued: boolean;
}

/** A person's name in a file: written in full (an identity), or a short form to resolve. */
export interface LocalName extends LocalMention {
  identity?: Identity;
  /** For a short form: its key, stem and whether it carries a proclitic. */
  key: string;
  stem: string;
  proclitic: boolean;
  /**
   * The word before a short form, when only white space separates them (a given name: ألكسندر لافرنتييف): its
   * spelling (undefined: none), normalized form and start. Kept flat: hundreds of thousands of mentions stay in
   * memory, and every object among them is traced by each major garbage collection.
   */
  prevSurface: string | undefined;
  prevNorm: string;
  prevStart: number;
  /** A short form followed by a name the vocabulary does not know (مصطفى العشوان): a given name there. */
  nameAfter?: boolean;
  /** A word that may be a given name right before a short form (صالح الزهراني): its spelling. */
  givenBefore?: string;
}

export interface LocalPlace extends LocalMention {
  key: string;
}

export interface FileEntities {
  names: LocalName[];
  places: LocalPlace[];
}

export interface Identity {
  identity: string;
  given?: string;
  surname?: string;
  father?: string;
}

/** The names and places of one file, read from its matches (depends on the file and the vocabulary only). */
export function fileEntities(text: string, matches: FileMatches, vocab: Vocabulary, judge: WordJudge): FileEntities {
  const names: LocalName[] = [];
  const places: LocalPlace[] = [];
  for (let run of nameRuns(matches.words, vocab, judge)) {
    run = extendRun(run, vocab, judge);
    const first = run[0];
    if (first.institution) continue;
    // «في خميس مشيط، بخميس مشيط»: a name starting with a common word right after «في» or with ب on it names a place.
    const inPlace = first.prev?.norm === 'في' || (first.proclitic && text.charCodeAt(first.start - 1) === 0x0628);
    if (inPlace && judge.classOf(first.stem, normalizeForMatch(first.stem)) === 'modifier') continue;
    const parts = run.filter((w) => w.kind === TokenKind.Name).length;
    const local = localMention(text, run, first.key);
    local.stem = first.stem;
    local.proclitic = first.proclitic;
    if (parts >= 2) local.identity = identityOf(run);
    else {
      if (first.prev) {
        local.prevSurface = first.prev.surface;
        local.prevNorm = first.prev.norm;
        local.prevStart = first.prev.start;
      }
      // «مصطفى العشوان»، «صالح الزهراني»: a short form next to a name the vocabulary does not know.
      const next = first.next;
      // A word with tanween is no name (ووقع بوتين مرسوماً).
      if (next && !(next.flags & (BREAK | TANWEEN)) && judge.classOfNear(next) === 'name' && !judge.hasProcliticNear(next)) local.nameAfter = true;
      if (first.prev && givenLike(first.prev, judge)) local.givenBefore = first.prev.surface;
    }
    names.push(local);
  }
  for (const w of matches.words) {
    if (w.kind !== TokenKind.Place) continue;
    const local: LocalPlace = localMention(text, [w], w.key);
    local.cued = isCued(text, w);
    places.push(local);
  }
  return { names, places };
}

/** Regnal numbers after a given name (الملك عبدالله الثاني): part of the name. */
const ORDINALS = new Set(['الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر'].map(normalizeForMatch));

/**
 * Extends a run over the parts of the name the vocabulary does not know: a given name and a chain before it (فيصل بن
 * خالد بن عبدالعزيز، صالح الزهراني، ألكسندر لافرنتييف), a family name or a regnal number after a given name
 * (خالد الفالح، عبدالله الثاني), a chain after it (عبدالله بن صالح الرقيبة).
 */
function extendRun(run: MatchedWord[], vocab: Vocabulary, judge: WordJudge): MatchedWord[] {
  const first = run[0];
  const last = run[run.length - 1];
  if (first.kind !== TokenKind.Name || first.institution) return run;
  const before: MatchedWord[] = [];
  const after: MatchedWord[] = [];
  const p = first.prev;
  if (p && !first.proclitic && !(first.flags & JOINED)) {
    if (isChainNorm(p.norm) && first.prev2 && givenBeforeChain(first.prev2, judge)) {
      before.push(pseudo(first, first.prev2, TokenKind.Name, judge), pseudo(first, p, TokenKind.Chain, judge));
    } else if (run.length === 1 && judge.endsNameStem(first.stem) && knownGiven(p, judge)) {
      before.push(pseudo(first, p, TokenKind.Name, judge));
    }
  }
  const n = last.next;
  if (n && last.kind === TokenKind.Name && !(n.flags & HASHTAG && !(n.flags & JOINED) && !(last.flags & HASHTAG))) {
    const lastIsGiven = !judge.endsNameStem(last.stem);
    if (isChainNorm(n.norm) && last.next2 && lastIsGiven && givenLike(last.next2, judge)) {
      after.push(pseudo(last, n, TokenKind.Chain, judge), pseudo(last, last.next2, TokenKind.Name, judge));
    } else if (lastIsGiven && (ORDINALS.has(n.norm) || familyLike(n, judge))) {
      // Only after a word mostly used as a given name (عبدالله الربيعة; not بوتين النجاح), or after a father
      // (عبدالله بن عبدالعزيز الربيعة).
      const pos = vocab.nameKeys.get(last.key);
      const afterFather = run.length >= 3 && run[run.length - 2].kind === TokenKind.Chain;
      const mostlyGiven = run.length === 1 && pos !== undefined && pos.first + pos.inner > 0;
      if (ORDINALS.has(n.norm) || afterFather || mostlyGiven) after.push(pseudo(last, n, TokenKind.Name, judge));
    }
  }
  if (!before.length && !after.length) return run;
  if (before.length) {
    // The role written before the name ends where the name now begins (المهندس صالح الزهراني: «المهندس»).
    const t = first.title;
    const k = before.length;
    before[0].title = t && t.distance >= k ? { ...t, distance: t.distance - k, role: t.role.split(' ').slice(0, -k).join(' ') } : undefined;
  }
  return [...before, ...run, ...after];
}

function isChainNorm(norm: string): boolean {
  return norm === 'بن' || norm === 'بنت' || norm === 'ابن' || norm === 'ابنه';
}

/** A word that can be a given name the vocabulary does not know: a name or a common word without the article. */
function givenLike(w: NearWord, judge: WordJudge): boolean {
  if (w.norm.startsWith('ال') || w.norm.length < 3 || w.flags & TANWEEN) return false;
  if (judge.hasProcliticNear(w)) return false;
  const cls = judge.classOfNear(w);
  if (cls === 'name') return true;
  return cls === 'modifier' && !TITLE_MODIFIERS.has(w.norm) && !judge.isNisba(judge.stem(w.surface));
}

/**
 * A given name before a chain of fathers (فيصل بن خالد): a `givenLike` word, and no common feminine or plural noun
 * (عائلة بن لادن، طائرة بن لادن، سمات بن لادن), which a father's name after بن may look like (بن جمعة، بن عودة).
 */
function givenBeforeChain(w: NearWord, judge: WordJudge): boolean {
  return givenLike(w, judge) && (judge.classOfNear(w) === 'name' || !/(?:ه|ات)$/.test(w.norm));
}

/** A given name right before a family name: a name for sure (بشار الأسد), never a verb or a conjunction (ونقل). */
function knownGiven(w: NearWord, judge: WordJudge): boolean {
  if (!givenLike(w, judge) || judge.classOfNear(w) !== 'name') return false;
  if (/^[وف]/.test(w.norm) && judge.count(w.surface.slice(1)) > 0) return false;
  return judge.nameLike(w.surface) || judge.foreignShape(w.surface);
}

/** A family name the vocabulary does not know: a name with the article (الفالح), or transliterated. */
function familyLike(w: NearWord, judge: WordJudge): boolean {
  if (w.flags & TANWEEN || judge.hasProcliticNear(w)) return false;
  const cls = judge.classOfNear(w);
  if (w.norm.startsWith('ال')) {
    // A family name may end like a feminine word (الربيعة), never like an adjective of origin or a common word.
    if (cls === 'name') return true;
    const stem = judge.stem(w.surface);
    return cls === 'modifier' && stem.endsWith('ة') && !TITLE_MODIFIERS.has(w.norm) && !judge.isCommon(stem);
  }
  return cls === 'name' && judge.foreignShape(w.surface);
}

function pseudo(from: MatchedWord, w: { surface: string; norm: string; start: number; end: number; flags: number }, kind: TokenKind, judge: WordJudge): MatchedWord {
  return {
    kind,
    key: kind === TokenKind.Chain ? 'بن' : judge.key(w.surface),
    stem: w.surface,
    start: w.start,
    end: w.end,
    index: from.index,
    flags: w.flags,
    proclitic: false,
    entry: from.entry,
    line: from.line,
    title: undefined,
    institution: from.institution,
  };
}

/**
 * A mention of the run's words, as a name of `key` (a place's mention fills only what places use). Every field is
 * set here, in one order: objects of one shape keep their fields inline (set later, they would each need a second
 * object for them).
 */
function localMention(text: string, run: MatchedWord[], key: string): LocalName {
  const first = run[0];
  const last = run[run.length - 1];
  const end = last.pair ? last.pair.end : last.end;
  const near = first.title !== undefined && first.title.distance <= 3;
  return {
    start: first.start,
    end,
    // «للسيسي» is ل + السيسي written with one lam: the name is spelled as its stem.
    spelling: first.proclitic && first.stem.startsWith('ال') && text.charCodeAt(first.start + 1) !== 0x0644 ? joinSpelling(first.stem, spellingOf(text, first.end, end)) : spellingOf(text, first.start, end),
    entry: first.entry,
    line: first.line,
    hashtag: run.some((w) => (w.flags & HASHTAG) !== 0),
    genitive: first.title?.genitive ?? false,
    cued: false,
    role: near ? first.title!.role : undefined,
    title: near ? first.title!.title : undefined,
    key,
    stem: '',
    proclitic: false,
    identity: undefined,
    prevSurface: undefined,
    prevNorm: '',
    prevStart: 0,
    nameAfter: false,
    givenBefore: undefined,
  };
}

const CUE_BEFORE = /(?:^|[\s(«"“])(?:في|إلى|الى|من|العاصمة|عاصمة|مدينة|بالعاصمة|بمدينة|قصر|منطقة|بمنطقة|محافظة|بمحافظة)\s+#?$/;

/** A place right after a place cue (في موسكو) or with the preposition ب written on it (بجدة). */
function isCued(text: string, w: MatchedWord): boolean {
  if (w.proclitic && text.charCodeAt(w.start - 1) === 0x0628) return true;
  return CUE_BEFORE.test(text.slice(Math.max(0, w.start - 16), w.start));
}

/** A person of the corpus, before ids and canonical names are chosen. */
export interface ClusteredPerson {
  identity: string;
  mentions: { file: string; local: LocalName; resolution: Resolution }[];
  roles: Map<string, number>;
  registry?: number;
  /** Spellings of full names (and of one-name people) with counts: the canonical name is the most used. */
  fullSpellings: Map<string, number>;
}

export interface ClusteredPlace {
  key: string;
  mentions: { file: string; local: LocalPlace; resolution: Resolution }[];
  registry?: number;
}

export interface ClusterResult {
  people: ClusteredPerson[];
  places: ClusteredPlace[];
}

/** A short form with no person in its entry or file is the corpus's person holding this share of the full names. */
const CORPUS_SHARE = 0.75;
/** More people than this share a family name: it is a common family name, resolved only by the entry or file. */
const MAX_CORPUS_CANDIDATES = 3;
/** A family name written after this many different given names is shared by many people: never resolved corpus-wide. */
const SHARED_FAMILY_GIVEN_NAMES = 3;
/** A short form used more than this many times as often as the full names it ends is mostly another word. */
const MAX_SHORT_RATIO = 20;
/**
 * A person of one name (أوباما، بيتوركا) is someone only when the word stands after a title or as a hashtag this many
 * times: once is as often a verb or a noun after a subject (الفنانة الراحلة عانت، الرئيس يتباحث، وزير الدفاع مأدبة).
 */
const MIN_ONE_NAME_EVIDENCE = 2;

interface PersonDraft extends Identity {
  mentions: { file: string; local: LocalName; resolution: Resolution }[];
  full: number;
  /** Full mentions per file, and per entry of a file (`file` -> entry -> n). */
  perFile: Map<string, number>;
  perEntry: Map<string, Map<number, number>>;
  roles: Map<string, number>;
  titles: Set<string>;
  registry?: number;
}

export function clusterEntities(
  files: { file: string; entities: FileEntities }[],
  vocab: Vocabulary,
  judge: WordJudge,
  registry: Registry | null,
): ClusterResult {
  return runSteps(clusterEntitiesSteps(files, vocab, judge, registry));
}

/** Mentions handled between two yields. */
const CLUSTER_PACE = 512;

/** `clusterEntities` in steps (see steps.ts); reads its inputs only. */
export function* clusterEntitiesSteps(
  files: { file: string; entities: FileEntities }[],
  vocab: Vocabulary,
  judge: WordJudge,
  registry: Registry | null,
): Steps<ClusterResult> {
  const pace = new Pace(CLUSTER_PACE);
  const persons = new Map<string, PersonDraft>();
  const alias = registryIdentities(registry);

  // A word that mostly comes right before a family name is its given name (ألكسندر لافرنتييف).
  /** The key is a family name: it stands last or alone in names. */
  const takesGiven = (key: string): boolean => {
    const pos = vocab.nameKeys.get(key);
    return pos !== undefined && pos.last + pos.single > 0;
  };
  /** The word before a family name can be its given name (whatever the family name). */
  const mayBeGiven = (prev: string, prevNorm: string): boolean =>
    judge.classOf(prev, prevNorm) === 'name' &&
    judge.stem(prev) === prev &&
    !INSTITUTION_HEADS.has(prevNorm) &&
    // «وزير الخارجية الإيراني حسين …»: an adjective of origin is part of the role, never a given name.
    !isOriginAdjective(prevNorm) &&
    // «ملتزمة باتفاق سلام دائم»: a preposition on a verbal noun, before a family name that is also a common word.
    !judge.procliticVerbalNoun(prevNorm);
  // Only the pairs `withGiven` can ask about are counted: on 50,000 files, counting every word before every family
  // name was the clustering's hottest line, in a table of millions of pairs.
  const givenPairs = new Map<string, Map<string, number>>();
  for (const f of files) {
    if (pace.tick(f.entities.names.length)) yield;
    for (const n of f.entities.names) {
      const prev = n.prevSurface;
      if (n.identity || prev === undefined || !takesGiven(n.key) || !mayBeGiven(prev, n.prevNorm)) continue;
      let before = givenPairs.get(n.key);
      if (!before) givenPairs.set(n.key, (before = new Map()));
      before.set(prev, (before.get(prev) ?? 0) + 1);
    }
  }
  const withGiven = (n: LocalName): LocalName => {
    const prev = n.prevSurface;
    if (prev === undefined || n.identity || n.proclitic) return n;
    // The loop above counted this very name when its key and the word before it passed the tests: no count, no pair.
    const pairs = givenPairs.get(n.key)?.get(prev) ?? 0;
    if (pairs === 0) return n;
    // The family name must be a name for sure, and the word before it mostly stand there.
    if (!judge.nameLike(n.stem) && !judge.foreignShape(n.stem)) return n;
    const ratio = pairs / Math.max(1, judge.count(prev));
    if (!(ratio >= 0.8 && pairs >= 3) && !(ratio >= 0.5 && (judge.nameLike(prev) || judge.foreignShape(prev)))) return n;
    const given = judge.key(prev);
    return { ...n, start: n.prevStart, spelling: `${prev} ${n.spelling}`, identity: { identity: `${given} ${n.key}`, given, surname: n.key }, prevSurface: undefined };
  };

  // The short forms and their files in two lists, not an object each (millions on 50,000 files).
  const shorts = new ChunkedList<LocalName>();
  const shortFiles = new ChunkedList<string>();
  /** How often a key is the given name of a full name in the text (فاطمة الزهراني): then it is no one-name person. */
  const asGiven = new Map<string, number>();
  for (const f of files) {
    if (pace.tick(4 * f.entities.names.length)) yield;
    for (let n of f.entities.names) {
      n = withGiven(n);
      if (!n.identity) {
        shorts.push(n);
        shortFiles.push(f.file);
        continue;
      }
      if (n.identity.given) asGiven.set(n.identity.given, (asGiven.get(n.identity.given) ?? 0) + 1);
      const identity = alias.full.get(n.identity.identity) ?? n.identity.identity;
      addMention(draft(persons, identity, n.identity), f.file, n, 'name', true);
    }
  }
  registry?.people.forEach((rp, i) => {
    const id = identityOfKeys(splitName(rp.name).map(nameKey));
    if (id) draft(persons, id.identity, id).registry = i;
  });

  // One person written in two house styles (ترامب / ترمب) is one person (see spellingMerge.ts); the minor
  // spelling's family name still leads its short forms to the person (ترمب alone).
  const surnameAlias: [string, PersonDraft][] = [];
  for (const [minor, major] of yield* spellingVariantPairsSteps(persons.values(), pace)) {
    for (const m of minor.mentions) addMention(major, m.file, m.local, m.resolution, true);
    persons.delete(minor.identity);
    if (minor.surname && minor.surname !== major.surname) surnameAlias.push([minor.surname, major]);
  }

  const bySurname = new Map<string, PersonDraft[]>();
  const byChainGiven = new Map<string, PersonDraft[]>();
  for (const [surname, p] of surnameAlias) push(bySurname, surname, p);
  yield;
  /** The people named in full in each file (no short form is resolved yet: these are all the full names). */
  const namedIn = new Map<string, PersonDraft[]>();
  for (const p of persons.values()) {
    if (pace.tick(1 + p.perFile.size)) yield;
    if (p.surname) push(bySurname, p.surname, p);
    if (p.father && p.given) push(byChainGiven, p.given, p);
    for (const f of p.perFile.keys()) push(namedIn, f, p);
  }
  const shortCounts = new Map<string, number>();
  const nameAfter = new Map<string, number>();
  /** Distinct given names written before a family name (صالح الزهراني، فاطمة الزهراني): a family name many share. */
  const givenBefore = new Map<string, Set<string>>();
  for (const chunk of shorts.chunkArrays) {
    for (const local of chunk) {
      if (pace.tick()) yield;
      shortCounts.set(local.key, (shortCounts.get(local.key) ?? 0) + 1);
      if (local.nameAfter) nameAfter.set(local.key, (nameAfter.get(local.key) ?? 0) + 1);
      if (local.givenBefore) {
        let set = givenBefore.get(local.key);
        if (!set) givenBefore.set(local.key, (set = new Set()));
        set.add(local.givenBefore);
      }
    }
  }
  // A key written as the given name of full names a quarter as often as alone (مصطفى X، أسامة X) is a given name.
  const givenNames = new Set<string>();
  for (const [key, n] of asGiven) if (n >= 2 && n >= 0.25 * (shortCounts.get(key) ?? 0)) givenNames.add(key);
  for (const [key, n] of nameAfter) if (n >= 2 && n >= 0.3 * (shortCounts.get(key) ?? 0)) givenNames.add(key);
  const sharedFamilies = new Set<string>();
  for (const [key, set] of givenBefore) if (set.size >= SHARED_FAMILY_GIVEN_NAMES) sharedFamilies.add(key);
  // By stem, then title: a key joining the two was a new string to hash at every short form.
  const shortForms = new Map<string, Map<string, ShortForm | null>>();
  const fileChunks = shortFiles.chunkArrays;
  for (let c = 0; c < fileChunks.length; c++) {
    const names = shorts.chunkArrays[c];
    const namesFiles = fileChunks[c];
    for (let k = 0; k < names.length; k++) {
      const n = names[k];
      const file = namesFiles[k];
      if (pace.tick(4)) yield;
      let byTitle = shortForms.get(n.stem);
      if (!byTitle) shortForms.set(n.stem, (byTitle = new Map()));
      let form = byTitle.get(n.title ?? '');
      if (form === undefined) byTitle.set(n.title ?? '', (form = shortForm(n, vocab, judge, persons, bySurname, byChainGiven, givenNames)));
      // The registry names the person a short form stands for when the entry and the file do not.
      const aliased = alias.short.get(n.key);
      // A short form right before an unknown name, when its word is mostly a given name, is part of that name.
      if (n.nameAfter && givenNames.has(n.key)) continue;
      const resolved = form && resolveShort(file, n, form, aliased !== undefined || sharedFamilies.has(n.key), namedIn);
      if (resolved) addMention(resolved.person, file, n, resolved.resolution, false);
      else if (aliased && !judge.isCommon(n.stem)) addMention(draft(persons, aliased, {}), file, n, 'registry', false);
    }
  }

  const people: ClusteredPerson[] = [];
  for (const p of persons.values()) {
    if (pace.tick(1 + p.mentions.length)) yield;
    if (!p.mentions.length && p.registry === undefined) continue;
    const fullSpellings = new Map<string, number>();
    for (const m of p.mentions) {
      if (m.resolution === 'name' || m.resolution === 'single') fullSpellings.set(m.local.spelling, (fullSpellings.get(m.local.spelling) ?? 0) + 1);
    }
    people.push({ identity: p.identity, mentions: p.mentions, roles: p.roles, registry: p.registry, fullSpellings });
  }
  return { people, places: yield* clusterPlaces(files, registry, pace) };
}

/** What the corpus says about a short form (its stem after a title): who it may stand for. */
interface ShortForm {
  candidates: PersonDraft[];
  /** The candidates, for membership tests. */
  members: Set<PersonDraft>;
  nameLike: boolean;
  /** The person of one name it is, when no full name ends with it. */
  single: PersonDraft | null;
  /** The word is used far more often than the names it ends (الدفاع): no corpus-wide resolution. */
  mostlyOther: boolean;
}

function shortForm(
  n: LocalName,
  vocab: Vocabulary,
  judge: WordJudge,
  persons: Map<string, PersonDraft>,
  bySurname: Map<string, PersonDraft[]>,
  byChainGiven: Map<string, PersonDraft[]>,
  givenNames: Set<string>,
): ShortForm | null {
  // A common word (الدفاع، حسن) is never a short form of a name; nor is a word mostly used as a given name
  // (مصطفى، طارق: many people), or a two-letter word.
  if (n.stem.length < 3 || judge.isCommon(n.stem)) return null;
  const pos = vocab.nameKeys.get(n.key);
  if (!pos) return null;
  const facts = judge.facts(n.stem);
  const nameLike = (facts?.nameLike ?? false) || judge.foreignShape(n.stem);
  const title = n.title;
  // A given name alone (الملك سلمان) stands for a chain name (سلمان بن عبدالعزيز) only after a title that person holds.
  const chain = title ? (byChainGiven.get(n.key) ?? []).filter((c) => c.titles.has(title)) : [];
  // Otherwise a word mostly used as a given name (مصطفى، أسامة: many people) is no short form.
  const given = givenNames.has(n.key) || pos.last + pos.single <= pos.first + pos.inner;
  if (given && !chain.length) return null;
  let candidates = [...(given ? [] : (bySurname.get(n.key) ?? [])), ...chain];
  if (title && candidates.length > 1) {
    const titled = candidates.filter((c) => c.titles.has(title));
    if (titled.length) candidates = titled;
  }
  // A name used alone (أوباما، بوريسوف) with no full name in the corpus: a person of one name, when seen after titles
  // often enough and not a past verb the corpus also writes in another form (الإعلامي بادر: بادرت، يبادر).
  // A feminine noun (ضرورة after «أكد الأمين العام») is never one: names alone are family or foreign names.
  // A kunya (أبو عبيدة) is a compound the name index does not judge: read after titles twice, it is a person.
  const kunya = /^(?:أبو|ابو|أم|ام) \S/.test(n.stem) && pos.single >= MIN_ONE_NAME_EVIDENCE && pos.first + pos.inner === 0;
  const oneName =
    kunya ||
    (pos.single > 0 &&
    pos.first + pos.inner === 0 &&
    nameLike &&
    !n.stem.endsWith('ة') &&
    (facts?.evidence ?? 0) >= MIN_ONE_NAME_EVIDENCE &&
    judge.pastVerbForms(n.stem) === 0);
  const single = !candidates.length && oneName ? draft(persons, n.key, { surname: n.key }) : null;
  const full = candidates.reduce((k, c) => k + c.full, 0);
  return { candidates, members: new Set(candidates), nameLike, single, mostlyOther: (facts?.count ?? 0) > MAX_SHORT_RATIO * full };
}

/**
 * The person a short form stands for: the entry's, else the file's, else the corpus's by a clear majority. `namedIn`
 * holds the people named in full in each file: only they can be counted in the file or one of its entries (a family
 * name many people share has thousands of candidates, a file names a few).
 */
function resolveShort(
  file: string,
  n: LocalName,
  form: ShortForm,
  declared: boolean,
  namedIn: Map<string, PersonDraft[]>,
): { person: PersonDraft; resolution: Resolution } | null {
  const { candidates, nameLike } = form;
  if (form.single && !declared) return { person: form.single, resolution: 'single' };
  if (!candidates.length) return null;
  const local = (namedIn.get(file) ?? []).filter((c) => form.members.has(c));
  let chosen = best(local, (c) => c.perEntry.get(file)?.get(n.entry) ?? 0);
  if (chosen) return { person: chosen, resolution: 'entry' };
  // «لصالح» is not Saleh: beyond the entry, a short form with a proclitic needs a name-like word.
  if (n.proclitic && !nameLike) return null;
  chosen = best(local, (c) => c.perFile.get(file) ?? 0);
  if (chosen) return { person: chosen, resolution: 'file' };
  if (declared || !nameLike || candidates.length > MAX_CORPUS_CANDIDATES || form.mostlyOther) return null;
  chosen = dominant(candidates);
  return chosen ? { person: chosen, resolution: 'corpus' } : null;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** The candidate counted most in a scope (an entry, a file), when no other is counted as often. */
function best<T>(candidates: T[], score: (c: T) => number): T | undefined {
  let top: T | undefined;
  let a = 0;
  let b = 0;
  for (const c of candidates) {
    const s = score(c);
    if (s > a) {
      b = a;
      a = s;
      top = c;
    } else if (s > b) b = s;
  }
  return top && a > b ? top : undefined;
}

/** The person the corpus names most by a family name, when it holds most of the full mentions of that name. */
function dominant(candidates: PersonDraft[]): PersonDraft | undefined {
  let total = 0;
  let top: PersonDraft | undefined;
  for (const c of candidates) {
    total += c.full;
    if (!top || c.full > top.full) top = c;
  }
  return top && top.full > 0 && top.full >= CORPUS_SHARE * total ? top : undefined;
}

function draft(persons: Map<string, PersonDraft>, identity: string, id: Omit<Identity, 'identity'>): PersonDraft {
  let p = persons.get(identity);
  if (!p) {
    p = { identity, given: id.given, surname: id.surname, father: id.father, mentions: [], full: 0, perFile: new Map(), perEntry: new Map(), roles: new Map(), titles: new Set() };
    persons.set(identity, p);
  }
  return p;
}

function addMention(p: PersonDraft, file: string, local: LocalName, resolution: Resolution, full: boolean): void {
  p.mentions.push({ file, local, resolution });
  // A title in the dual (الرئيسين الأسد وبوتين) names two people: no role of this one.
  if (local.role && !(local.title && isTitleOfMany(local.title))) p.roles.set(local.role, (p.roles.get(local.role) ?? 0) + 1);
  if (local.title) p.titles.add(local.title);
  if (!full) return;
  p.full++;
  p.perFile.set(file, (p.perFile.get(file) ?? 0) + 1);
  let entries = p.perEntry.get(file);
  if (!entries) p.perEntry.set(file, (entries = new Map()));
  entries.set(local.entry, (entries.get(local.entry) ?? 0) + 1);
}

/** Given name and family name, or given name and father in a chain (محمد بن سلمان بن عبدالعزيز -> محمد بن سلمان). */
function identityOf(run: MatchedWord[]): Identity {
  return identityOfKeys(run.map((w) => (w.kind === TokenKind.Chain ? 'بن' : w.key)))!;
}

export function identityOfKeys(keys: string[]): Identity | null {
  const chainAt = keys.findIndex((k, i) => i > 0 && isChainKey(k));
  const parts = keys.filter((k) => !isChainKey(k));
  if (!parts.length) return null;
  if (parts.length === 1) return { identity: parts[0], surname: parts[0] };
  const given = keys[0];
  const last = keys[keys.length - 1];
  // عزام بن محمد الدخيل: a family name after the chain of fathers names the person (عزام الدخيل).
  if (chainAt === 1 && last.startsWith('ال') && !last.startsWith('ال ') && !isChainKey(keys[keys.length - 2])) {
    return { identity: `${given} ${last}`, given, surname: last };
  }
  if (chainAt === 1 && keys[2]) return { identity: `${given} بن ${keys[2]}`, given, father: keys[2] };
  const surname = chainAt > 1 ? keys[chainAt - 1] : last;
  return { identity: `${given} ${surname}`, given, surname };
}

/** Identities the registry ties together: every variant's identity -> the registry name's identity. */
function registryIdentities(registry: Registry | null): { full: Map<string, string>; short: Map<string, string> } {
  const full = new Map<string, string>();
  const short = new Map<string, string>();
  if (!registry) return { full, short };
  for (const p of registry.people) {
    const main = identityOfKeys(splitName(p.name).map(nameKey));
    if (!main) continue;
    for (const v of p.variants ?? []) {
      const keys = splitName(v).map(nameKey);
      const id = identityOfKeys(keys);
      if (!id || id.identity === main.identity) continue;
      if (keys.filter((k) => !isChainKey(k)).length === 1) short.set(keys[0], main.identity);
      else full.set(id.identity, main.identity);
    }
  }
  return { full, short };
}

/** The runs of adjacent name words of a file (a name never continues past a break, a proclitic or a family name). */
export function nameRuns(words: MatchedWord[], vocab: Vocabulary, judge: WordJudge): MatchedWord[][] {
  const runs: MatchedWord[][] = [];
  let run: MatchedWord[] = [];
  const flush = () => {
    while (run.length && run[run.length - 1].kind === TokenKind.Chain) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.kind === TokenKind.Place) {
      flush();
      continue;
    }
    const prev = run[run.length - 1];
    if (prev && !continues(prev, w, vocab, judge, run[run.length - 2])) flush();
    if (w.kind === TokenKind.Chain && !run.length) continue;
    run.push(w);
  }
  flush();
  return runs;
}

function continues(prev: MatchedWord, w: MatchedWord, vocab: Vocabulary, judge: WordJudge, beforePrev: MatchedWord | undefined): boolean {
  if (w.index !== prev.index + 1 || w.flags & BREAK) return false;
  if (w.proclitic) return false;
  // #الأسد #بوتين: two hashtags are two names.
  if (w.flags & HASHTAG && !(w.flags & JOINED) && prev.flags & HASHTAG) return false;
  if (prev.kind === TokenKind.Chain || w.kind === TokenKind.Chain) return true;
  // After a father (سلطان بن سلمان) only a family name goes on: «سلطان بن سلمان فهد بن سلطان» are two people.
  if (beforePrev?.kind === TokenKind.Chain && !w.stem.startsWith('ال') && !w.stem.startsWith('آل')) return false;
  // A family name ends the name (الأسد بوتين are two people); a given name or a middle name goes on (a name only
  // ever seen alone after a title, الأمير نايف، may be a given name: نايف عبدالله).
  const pos = vocab.nameKeys.get(prev.key);
  if (pos && pos.first + pos.inner === 0 && pos.last > 0) return false;
  if (judge.endsNameStem(prev.stem)) return false;
  return true;
}

function joinSpelling(stem: string, rest: string): string {
  return rest ? `${stem} ${rest}` : stem;
}

/** A name as written: marks removed, hashtag underscores and signs as spaces, white space collapsed. */
export function spellingOf(text: string, start: number, end: number): string {
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isIgnorableUnit(c) || c === 0x23 || c === 0x5f || (c !== 0x20 && c < 0x30) || c === 0xa0 || (c === 0x20 && text.charCodeAt(i + 1) === 0x20)) {
      plain = false;
      break;
    }
  }
  if (plain) return text.slice(start, end);
  return stripMarks(text.slice(start, end)).replace(/[#_\s]+/g, ' ').trim();
}

function* clusterPlaces(files: { file: string; entities: FileEntities }[], registry: Registry | null, pace: Pace): Steps<ClusteredPlace[]> {
  const alias = new Map<string, string>();
  const registryOf = new Map<string, number>();
  registry?.places.forEach((p, i) => {
    const main = placeKeyOf(p.name);
    registryOf.set(main, i);
    for (const v of p.variants ?? []) alias.set(placeKeyOf(v), main);
  });
  const places = new Map<string, ClusteredPlace>();
  for (const f of files) {
    if (pace.tick(f.entities.places.length)) yield;
    for (const local of f.entities.places) {
      const key = alias.get(local.key) ?? local.key;
      let p = places.get(key);
      if (!p) places.set(key, (p = { key, mentions: [], registry: registryOf.get(key) }));
      p.mentions.push({ file: f.file, local, resolution: 'name' });
    }
  }
  for (const [key, i] of registryOf) if (!places.has(key)) places.set(key, { key, mentions: [], registry: i });
  return [...places.values()];
}

function placeKeyOf(name: string): string {
  return name.trim().split(/\s+/).map(placeKey).join(' ');
}
