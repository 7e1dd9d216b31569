/** How files are split into entries: the lines that end a Telegram post, and the lines that are never a post's title. */
import * as assert from 'node:assert';
import { corpusOf } from '../helpers/fixture';

/** Each entry of a one-file corpus as «first line–last line: title | date» (lines counted from 1). */
function entriesOf(text: string): string[] {
  const c = corpusOf([{ file: 'tg.txt', text }]);
  return c.entries('tg.txt').map((e) => `${e.range.start.line + 1}-${e.range.end.line + 1}: ${e.title} | ${e.date}`);
}

const MEETING = 'الرئيس الأسد يستقبل وزير الخارجية الإيراني والوفد المرافق له.';
const MEETING_BODY = 'تناول اللقاء العلاقات الثنائية بين البلدين والتطورات في المنطقة، وأكد الجانبان أهمية استمرار التنسيق.';
const TRANSPORT = 'وزارة النقل تعلن تسيير خطوط نقل داخلي جديدة في دمشق وريفها.';
const TRANSPORT_BODY = 'وأوضح مدير عام الشركة أن الخطوط الجديدة تخدم المناطق التي تشهد ضغطاً كبيراً على وسائل النقل.';

describe('entries', () => {
  it('an Arabic link introduction followed by its link ends a post', () => {
    for (const [intro, link] of [
      ['لمتابعة حساب رئاسة الجمهورية على إنستغرام:', 'https://www.instagram.com/syrianpresidency'],
      ['تتمة الخبر على الرابط:', 'http://www.sana.sy/?p=1499795'],
    ]) {
      const text = [MEETING, MEETING_BODY, '15 آذار 2023', intro, link, TRANSPORT, TRANSPORT_BODY, '16 آذار 2023', intro, link].join('\n');
      assert.deepStrictEqual(entriesOf(text), [`1-4: ${MEETING} | 2023-03-15`, `6-9: ${TRANSPORT} | 2023-03-16`], intro);
    }
  });

  it('a link introduction without a link is the tail of an article, not the end of a post', () => {
    const text = [MEETING, MEETING_BODY, 'لمتابعة اللقاء كاملا من هنا.', '', 'طريقك الصحيح نحو الحقيقة'].join('\n');
    assert.deepStrictEqual(entriesOf(text), [`1-5: ${MEETING} | null`]);
  });

  it('a rule line of one character repeated ends a post; a short rule or sentence punctuation does not', () => {
    for (const rule of ['━━━━━━━━━━━━━━━', '➖➖➖➖➖➖➖➖', '-----------------------------', '*****', '=====']) {
      const text = [MEETING, MEETING_BODY, '15 آذار 2023', rule, TRANSPORT, '', TRANSPORT_BODY, '16 آذار 2023', rule].join('\n');
      assert.deepStrictEqual(entriesOf(text), [`1-4: ${MEETING} | 2023-03-15`, `5-9: ${TRANSPORT} | 2023-03-16`], rule);
    }
    for (const notRule of ['***', '----', '.....', '!!!!!', '-=-=-=-=-=']) {
      const text = [MEETING, '15 آذار 2023', MEETING_BODY, notRule, 'وأشار الوزير الإيراني إلى استعداد بلاده لتقديم الدعم في مجالات الطاقة.'].join('\n');
      assert.deepStrictEqual(entriesOf(text), [`1-5: ${MEETING} | 2023-03-15`], notRule);
    }
  });
});
