/**
 * Where a name learned after a title ends: shapes of the word after a full name that say it is the sentence's, not a
 * third part of the name (الرئيس الفرنسي إيمانويل ماكرون سيزور، نجل الرئيس بلال أردوغان مشاركته), a plural noun read
 * as a given name (نظيره التركي تطورات الأوضاع), and a word with the article after a family name the corpus knows
 * as complete (الرئيس الروسي فلاديمير بوتين الأوضاع، الرئيس بوتين الشعب). Shapes only, no word lists: other corpora
 * have other verbs and nouns.
 */
import type { WordJudge } from './judge';
import { VERBS } from './lexicon';
import type { LearnedName } from './learn';

/**
 * A future verb (سيزور، ستبحث، سنعمل، سأعود): س, a prefix of the imperfect and a root of three letters at least. Asked
 * only of a third part after a given name and a family name: names starting so (ستارمر، سيرغي) stand first or second,
 * and a transliterated one (إيلين جونسون سيرليف) keeps its foreign shape.
 */
export function isFutureVerb(norm: string, judge: WordJudge): boolean {
  return norm.length >= 5 && /^س[يتنا]/.test(norm) && !judge.foreignShape(norm);
}

/**
 * An imperfect verb of a derived form (يتابع، تتواصل، يستعرض): ي or ت, then the ت or ست of the form, and two letters
 * more at least; or ي، ت or ن before a listed past verb (يشارك: شارك). Asked only of a third part after a given name
 * and a family name, so that names starting so (يتسحاق) stay first; a transliterated shape is left alone.
 */
export function isImperfectVerb(norm: string, judge: WordJudge): boolean {
  if (norm.length < 5 || judge.foreignShape(norm)) return false;
  return /^[يت](?:ت|ست)/.test(norm) || (/^[يتن]/.test(norm) && VERBS.has(norm.slice(1)));
}

/**
 * A noun with a possessive suffix (مشاركته، زيارتها، بلادهم): a name part does not carry one. ـته needs four letters
 * before it, so that a family name written with ه for ة (شحاته) stays a name. Asked only of a third part.
 */
export function hasPossessiveSuffix(surface: string): boolean {
  return /^[^\s]{4,}ته(?:ا|م|ما)?$/.test(surface) || /^[^\s]{3,}ه(?:ا|م|ما)$/.test(surface);
}

/**
 * A plural of a feminine or verbal noun (تطورات، مباحثات) without the article: no given name is written so. The alif
 * must be written bare (نشأت is a name), and a foreign shape is left alone.
 */
export function isFemininePlural(surface: string, norm: string, judge: WordJudge): boolean {
  if (norm.length < 5 || norm.startsWith('ال') || !surface.endsWith('ات') || surface.includes(' ')) return false;
  // Corpus evidence that it is a common noun (a name such as راجنات is written only where the person is): the word is
  // also written with the article, or outside the title contexts it was read in.
  const facts = judge.facts(surface);
  return judge.count('ال' + surface) > 0 || (!!facts && facts.count > facts.evidence);
}

/**
 * «مع الرئيس الروسي فلاديمير بوتين الأوضاع في سورية», «وهنأ الرئيس بوتين الشعب»: a word with the article right after a
 * key the corpus knows only as a family name (the last part of a learned name of two parts or more, never the first)
 * is the object of the sentence. The name is cut before it, when the corpus knows the shorter name as often at least
 * (as a learned name, or for one word, as the family name of one): the context then counts for the shorter name.
 */
/** Times a word must be read as the family name of a learned name before it cuts a name as a family name alone. */
const MIN_FAMILY_ONLY = 2;

export function foldAfterFamilyNames(names: Map<string, LearnedName>, isChainKey: (k: string) => boolean): void {
  const firsts = new Map<string, number>();
  const lasts = new Map<string, number>();
  /** The names counted in `firsts` (a name's own first key is not evidence against cutting it). */
  const counted = new Set<LearnedName>();
  for (const n of names.values()) {
    if (n.keys.length < 2 || n.keys.some(isChainKey)) continue;
    const last = n.keys[n.keys.length - 1];
    lasts.set(last, (lasts.get(last) ?? 0) + n.count);
  }
  for (const n of names.values()) {
    if (n.keys.length < 2 || n.keys.some(isChainKey)) continue;
    // «بوتين الشعب» is the kind of name this cuts: it does not make بوتين a given name (and so keep «فلاديمير بوتين
    // الأوضاع» whole).
    if (n.keys.length === 2 && n.keys[1].startsWith('ال') && lasts.has(n.keys[0])) continue;
    firsts.set(n.keys[0], (firsts.get(n.keys[0]) ?? 0) + n.count);
    counted.add(n);
  }
  for (const [id, n] of [...names]) {
    if (n.keys.some(isChainKey)) continue;
    const firstElsewhere = (k: string) => (firsts.get(k) ?? 0) - (n.keys[0] === k && counted.has(n) ? n.count : 0) > 0;
    // A theophoric compound (عبدالرحيم) is a given name, also where it ends a name as the father's (محمد عبدالرحيم):
    // «الفنان عبدالرحيم البركل» keeps his family name.
    const familyOnly = (k: string) => !k.startsWith('عبد') && !firstElsewhere(k) && (lasts.get(k) ?? 0) > 0;
    const j = n.keys.findIndex((k, i) => i < n.keys.length - 1 && n.keys[i + 1].startsWith('ال') && familyOnly(k));
    if (j < 0) continue;
    const keys = n.keys.slice(0, j + 1);
    const known = keys.length === 1 ? (lasts.get(keys[0]) ?? 0) : (names.get(keys.join(' '))?.count ?? 0);
    // One word read once as a family name (أحمد جمال) does not cut a name it starts (جمال الحضيف).
    if (known < n.count || (keys.length === 1 && known < MIN_FAMILY_ONLY)) continue;
    let shorter = names.get(keys.join(' '));
    if (!shorter) names.set(keys.join(' '), (shorter = { keys, count: 0, roles: new Map() }));
    shorter.count += n.count;
    for (const [role, k] of n.roles) shorter.roles.set(role, (shorter.roles.get(role) ?? 0) + k);
    names.delete(id);
  }
}
