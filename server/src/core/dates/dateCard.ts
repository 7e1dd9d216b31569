/**
 * What the hover on a date says: the day it names (ISO and weekday), the same day in the other calendar (Umm al-Qura
 * Hijri for a Gregorian date, Gregorian for a Hijri one), the last day of a range, or that the date has no year.
 * Markdown; the editor isolates its Arabic fragments.
 */
import type { DateMention } from '../dates';
import { gregorianToHijri } from './hijri';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const HIJRI_MONTHS = ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'];
const GREGORIAN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function dateCardMarkdown(d: DateMention): string {
  const lines = [`**Date** «${d.text}»`];
  if (d.iso === null) {
    lines.push(
      d.calendar === 'hijri'
        ? `${d.day} ${HIJRI_MONTHS[d.month - 1]} (Hijri), no year: it cannot be placed on a timeline`
        : `${d.day} ${GREGORIAN_MONTHS[d.month - 1]}, no year: it cannot be placed on a timeline`,
    );
    return lines.join('\n\n');
  }
  const day = describeDay(d.year as number, d.month, d.day);
  if (d.until) {
    const last = d.until.year === null ? null : describeDay(d.until.year, d.until.month, d.until.day);
    lines.push(`From ${day.gregorian} to ${last ? last.gregorian : `${d.until.day} ${GREGORIAN_MONTHS[d.until.month - 1]}`}`);
  } else lines.push(d.calendar === 'hijri' ? `Gregorian: ${day.gregorian} (written in the Hijri calendar)` : day.gregorian);
  if (d.calendar === 'gregorian') lines.push(`Hijri (Umm al-Qura)${d.until ? ', first day' : ''}: ${day.hijri}`);
  return lines.join('\n\n');
}

function describeDay(year: number, month: number, day: number): { gregorian: string; hijri: string } {
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const h = gregorianToHijri(year, month, day);
  return { gregorian: `${weekday} ${iso}`, hijri: `${h[2]} ${HIJRI_MONTHS[h[1] - 1]} ${h[0]} هـ` };
}
