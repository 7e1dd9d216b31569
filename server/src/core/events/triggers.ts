/**
 * The type of an event from its trigger words: a call (اتصالاً هاتفياً), a message (برقية تعزية), an interview
 * (حوار)، a summit (قمة), a visit (زيارة، يزور), a meeting (يستقبل، لقاء، اجتماع، مباحثات), a speech, a decree.
 * Headlines name the event first; the lead paragraph is read when the headline has no trigger.
 */
import { normalizeForMatch, tokenize } from '../text/normalize';

export type EventType = 'call' | 'message' | 'interview' | 'summit' | 'visit' | 'meeting' | 'speech' | 'decree';

const TRIGGERS: Record<EventType, string[]> = {
  call: ['اتصالا', 'اتصالاً', 'هاتفيا', 'هاتفياً', 'هاتفي', 'هاتفية', 'الهاتفي', 'الهاتفية', 'مكالمة', 'المكالمة', 'مهاتفة'],
  message: ['برقية', 'البرقية', 'برقيتي', 'رسالة', 'الرسالة', 'رسالتين', 'يهنئ', 'هنأ', 'تهنئة', 'يعزي', 'عزى', 'تعزية', 'يبعث', 'بعث'],
  interview: ['حوار', 'مقابلة', 'المقابلة', 'حديث'],
  summit: ['قمة', 'القمة', 'قمتي', 'القمتين'],
  visit: ['زيارة', 'الزيارة', 'زيارته', 'يزور', 'زار', 'تزور', 'زارت', 'يصل', 'وصل', 'وصول', 'جولة', 'يغادر', 'غادر'],
  meeting: [
    'يستقبل', 'تستقبل', 'استقبل', 'استقبلت', 'استقبال', 'مستقبلا', 'مستقبلاً', 'يلتقي', 'التقى', 'تلتقي', 'التقت', 'لقاء',
    'اللقاء', 'لقائه', 'اجتماع', 'الاجتماع', 'اجتماعا', 'يجتمع', 'اجتمع', 'مباحثات', 'المباحثات', 'محادثات', 'المحادثات',
    'محادثة', 'المحادثة', 'يبحث', 'يبحثان', 'بحثا', 'يستقبلان', 'مأدبة',
  ],
  speech: ['كلمة', 'خطاب', 'خطابا', 'يلقي', 'ألقى', 'كلمته', 'خطابه'],
  decree: ['مرسوم', 'مرسوما', 'مراسيم', 'أمر', 'أوامر', 'أمرا'],
};

/** When a headline holds several triggers, the more specific type wins (a call is also a محادثة). */
const PRIORITY: EventType[] = ['call', 'message', 'interview', 'summit', 'visit', 'meeting', 'speech', 'decree'];

const TYPE_OF = new Map<string, EventType>();
for (const type of [...PRIORITY].reverse()) for (const w of TRIGGERS[type]) TYPE_OF.set(normalizeForMatch(w), type);

/** A decree needs its qualifier (أمر ملكي، مرسوم تشريعي): أمر alone is too common a word. */
const DECREE_QUALIFIERS = new Set(['ملكي', 'ملكيه', 'ملكيا', 'تشريعي', 'تشريعيا', 'رئاسي', 'رئاسيا', 'اميري', 'سامي'].map(normalizeForMatch));

/** The event type named by a text (a headline or a lead), or null. */
export function eventTypeOf(text: string, from = 0, to = text.length): EventType | null {
  const t = tokenize(text, from, to);
  let bestRank = PRIORITY.length;
  for (let i = 0; i < t.norms.length; i++) {
    const type = typeOfWord(t.norms[i]);
    if (!type) continue;
    if (type === 'decree' && !(t.norms[i].startsWith('مرسوم') || t.norms[i] === 'مراسيم') && !DECREE_QUALIFIERS.has(t.norms[i + 1] ?? '')) continue;
    if (type === 'interview' && t.norms[i] === 'حديث' && !/صحف|متلفز|تلفزيون|لقناه|لصحيفه/.test(t.norms[i + 1] ?? '')) continue;
    const rank = PRIORITY.indexOf(type);
    if (rank < bestRank) bestRank = rank;
  }
  return bestRank < PRIORITY.length ? PRIORITY[bestRank] : null;
}

function typeOfWord(norm: string): EventType | undefined {
  const direct = TYPE_OF.get(norm);
  if (direct) return direct;
  // One proclitic (وزيارة، بالقمة -> القمة، خلال القمة).
  const c = norm[0];
  if (c === 'و' || c === 'ف' || c === 'ب' || c === 'ل' || c === 'ك') {
    const rest = norm.slice(1);
    return TYPE_OF.get(rest) ?? (rest.startsWith('ل') ? TYPE_OF.get('ا' + rest) : undefined);
  }
  return undefined;
}

/** Types that can describe the same event: a summit is a meeting, a visit holds meetings. */
export function compatibleTypes(a: EventType, b: EventType): boolean {
  if (a === b) return true;
  const together = new Set<EventType>(['meeting', 'summit', 'visit']);
  return together.has(a) && together.has(b);
}
