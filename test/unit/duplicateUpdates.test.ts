/**
 * Two days' issues of one bulletin (a toll, a league table) differ only in their numbers: they are updates, not copies.
 * The same paragraph with a word changed, or with numbers changed on the same day, is still a near-duplicate.
 */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';

const toll = (dead: string, injured: string): string =>
  `وزارة الصحة: ارتفاع حصيلة العدوان على القطاع إلى ${dead} قتيلاً و ${injured} جريحاً منذ بداية الحرب، فيما لا يزال عدد من الضحايا تحت الأنقاض وفي الطرقات.`;
const issue = (date: string, body: string): string => `التقرير اليومي لوزارة الصحة\nتاريخ النشر: ${date}\n${body}\n`;

function nearIn(files: Record<string, string>, file: string): string[] {
  const c = new Corpus();
  c.applyChange({ changed: Object.entries(files).map(([f, text]) => ({ file: f, text })) });
  return c
    .findings(file)
    .filter((f) => f.code === 'near-duplicate-paragraph')
    .map((f) => f.message);
}

describe('bulletins updated from day to day', () => {
  it('paragraphs that differ only in numbers, in entries of different dates, are no near-duplicates', () => {
    const files = { 'd10.txt': issue('10 مارس 2024', toll('31,112', '72,819')), 'd11.txt': issue('11 مارس 2024', toll('31,184', '72,889')) };
    assert.deepStrictEqual(nearIn(files, 'd11.txt'), []);
  });

  it('the same numbers changed on the same day, or in undated entries, are still near-duplicates', () => {
    const sameDay = { 'a.txt': issue('10 مارس 2024', toll('31,112', '72,819')), 'b.txt': issue('10 مارس 2024', toll('31,184', '72,889')) };
    assert.strictEqual(nearIn(sameDay, 'b.txt').length, 1);
    const undated = { 'a.txt': `التقرير اليومي لوزارة الصحة\n${toll('31,112', '72,819')}\n`, 'b.txt': `التقرير اليومي لوزارة الصحة\n${toll('31,184', '72,889')}\n` };
    assert.strictEqual(nearIn(undated, 'b.txt').length, 1);
  });

  it('a word changed besides the numbers keeps the pair a near-duplicate on different days', () => {
    const files = {
      'd10.txt': issue('10 مارس 2024', toll('31,112', '72,819')),
      'd11.txt': issue('11 مارس 2024', toll('31,184', '72,819').replace('الطرقات', 'الشوارع')),
    };
    assert.strictEqual(nearIn(files, 'd11.txt').length, 1);
  });
});
