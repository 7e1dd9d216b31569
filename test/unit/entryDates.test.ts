/** Which date an entry takes: labelled lines anywhere in it, datelines in its lead, and the dates it only talks about. */
import * as assert from 'node:assert';
import { corpusOf } from '../helpers/fixture';

/** The date of the one entry of a one-file corpus («null» when undated), and the codes of its date findings. */
function dateOf(lines: string[]): string {
  const c = corpusOf([{ file: 'a.txt', text: lines.join('\n') }]);
  const [e] = c.entries('a.txt');
  const codes = c.findings('a.txt').filter((f) => f.code === 'undated-entry' || f.code === 'incomplete-date').map((f) => f.code);
  return `${e.date ?? e.dateText ?? null} ${codes.join(',')}`.trim();
}

const HEADLINE = 'ماكرون يشيد بالعلاقات مع المغرب في خطاب أمام البرلمان';
const LEAD =
  'أشاد الرئيس الفرنسي إيمانويل ماكرون، أمس الثلاثاء، في خطاب أمام أعضاء البرلمان المغربي بمجلسيه، بعمق العلاقات التاريخية بين البلدين.';
const BODY = 'وحضر الخطاب رئيس مجلس النواب ورئيس مجلس المستشارين، إلى جانب أعضاء الحكومة وعدد من السفراء المعتمدين في الرباط.';

describe('entry dates', () => {
  it('a labelled date line under the text dates the article as it does above it, in French, English or Arabic', () => {
    for (const bottom of [
      'Publié le 30/10/2024 à 11h20',
      'Publié le 30/10/2024',
      'Publié le 30 octobre 2024 à 11h20',
      'Date de publication : 30/10/2024',
      'Last updated on October 30, 2024',
      'نشر في 30/10/2024 على الساعة 11h20',
      'تم النشر في 30 أكتوبر 2024',
    ]) {
      assert.strictEqual(dateOf([HEADLINE, LEAD, BODY, bottom]), '2024-10-30', bottom);
    }
  });

  it('a French last-update line gives way to the publication line, wherever each stands', () => {
    const published = 'Publié le 30/10/2024 à 11h20';
    const updated = 'Mis à jour le 31/10/2024 à 09h00';
    assert.strictEqual(dateOf([HEADLINE, LEAD, BODY, updated, published]), '2024-10-30');
    assert.strictEqual(dateOf([HEADLINE, updated, LEAD, BODY, published]), '2024-10-30');
    assert.strictEqual(dateOf([HEADLINE, LEAD, BODY, updated]), '2024-10-31');
  });
});
