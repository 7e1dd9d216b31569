import * as assert from 'node:assert/strict';
import { findDates } from '../../server/src/core/dates';
import { dateCardMarkdown } from '../../server/src/core/dates/dateCard';

const cardOf = (line: string): string => dateCardMarkdown(findDates(line)[0]);

describe('the hover card of a date', () => {
  it('gives a Gregorian date its weekday and its Umm al-Qura day', () => {
    const card = cardOf('تاريخ النشر: الأربعاء، 15 مارس 2023');
    assert.match(card, /Wednesday 2023-03-15/);
    assert.match(card, /Hijri \(Umm al-Qura\): 23 شعبان 1444 هـ/);
  });

  it('gives a Hijri date its Gregorian day', () => {
    assert.match(cardOf('الرياض 25 شوال 1436 هـ الموافق'), /Gregorian: Monday 2015-08-10 \(written in the Hijri calendar\)/);
  });

  it('says a date without a year cannot be placed, and gives a range both ends', () => {
    assert.match(cardOf('وصل الوفد في 28 يناير إلى الرياض'), /28 January, no year: it cannot be placed on a timeline/);
    assert.match(cardOf('يقام المعرض من 15 إلى 20 مارس 2024 في جدة'), /From Friday 2024-03-15 to Wednesday 2024-03-20/);
  });
});
