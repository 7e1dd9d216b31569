/** Which short lines are datelines (metadata that dates a post), and which hold a date but are text. */
import * as assert from 'node:assert';
import { classifyLine } from '../../server/src/core/structure/lineKinds';

const kind = (line: string): string => classifyLine(line, 0, line.length).kind;

describe('datelines', () => {
  it('an ISO date with its time, as scrapers and exports print it, is a dateline', () => {
    for (const line of ['2024-03-12T10:45:00', '2024-03-12T10:45:00Z', '2024-03-12T10:45Z', '2024-03-12T10:45:00+03:00', '🕐 2024-03-12T10:45']) {
      assert.strictEqual(kind(line), 'metadata', line);
    }
  });

  it('a date with a time and a weekday is a dateline; a date inside a sentence is not', () => {
    assert.strictEqual(kind('الثلاثاء 12 آذار 2024 | 10:45 ص'), 'metadata');
    assert.strictEqual(kind('2024-03-12 10:45'), 'metadata');
    assert.strictEqual(kind('Tunis 2024-03-12'), 'metadata');
    assert.strictEqual(kind('وصل الوزير إلى دمشق يوم 2024-03-12 في زيارة رسمية'), 'content');
    assert.strictEqual(kind('2024-03-12 Tournament final'), 'content');
  });

  it('a wire dateline (a place, the date, the agency) is a dateline; a place and a date before other words is a title', () => {
    for (const line of [
      'بريدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس',
      'المدينة المنورة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس',
      'القاهرة 3 مارس 2024 (أ ش أ)',
      'القاهرة 3 مارس 2024 - د ب أ',
      'بيروت 3 مارس 2024 (الأناضول)',
      'Paris 3 mars 2024 AFP',
      'London, 3 March 2024 (Reuters)',
      // One word between two whole dates, as before.
      '25 شوال 1436 هجرية 10 أغسطس 2015',
    ]) {
      assert.strictEqual(kind(line), 'metadata', line);
    }
    for (const line of [
      'الرياض 10 أغسطس 2015 افتتاح المعرض الدولي',
      'اجتماع 10 أغسطس 2015 الرياض',
      'مؤتمر الرياض الدولي 10 أغسطس 2015 واس',
      'الرياض 10 أغسطس واس',
      'الرياض 10 أغسطس 2015 افتتاح (المعرض الدولي للكتاب)',
    ]) {
      assert.strictEqual(kind(line), 'content', line);
    }
  });
});
