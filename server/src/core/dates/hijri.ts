/**
 * Hijri → Gregorian conversion.
 *
 * Primary: the Umm al-Qura calendar (the official calendar of Saudi Arabia, the one SPA/واس datelines use),
 * through `Intl.DateTimeFormat` with `-u-ca-islamic-umalqura`, searched within ±3 days of the arithmetic
 * estimate. Fallback, when the runtime has no such calendar (small-icu builds) or when the day does not exist
 * in Umm al-Qura (30th of a 29-day month): the tabular (arithmetic, civil epoch, leap years 2,5,7,10,13,16,
 * 18,21,24,26,29 of the 30-year cycle) Islamic calendar.
 *
 * Accuracy: a Hijri date as printed in a source can legitimately differ by one day from either calendar
 * (local moon sighting; the tabular calendar itself drifts by ±1–2 days from Umm al-Qura). A result off by
 * one day is therefore accepted by design.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a tabular Islamic date (civil epoch, 16 July 622 Julian). */
export function tabularHijriToDays(year: number, month: number, day: number): number {
  return (
    day +
    Math.ceil(29.5 * (month - 1)) +
    (year - 1) * 354 +
    Math.floor((3 + 11 * year) / 30) -
    492_149 // Islamic civil epoch (JD 1948439.5) - 1 - Unix epoch (JD 2440587.5)
  );
}

let umalqura: Intl.DateTimeFormat | null | undefined;

function umalquraFormat(): Intl.DateTimeFormat | null {
  if (umalqura !== undefined) return umalqura;
  try {
    const f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    umalqura = f.resolvedOptions().calendar === 'islamic-umalqura' ? f : null;
  } catch {
    umalqura = null;
  }
  return umalqura;
}

function umalquraParts(f: Intl.DateTimeFormat, days: number): [number, number, number] {
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of f.formatToParts(new Date(days * DAY_MS))) {
    if (p.type === 'year') y = parseInt(p.value, 10);
    else if (p.type === 'month') m = parseInt(p.value, 10);
    else if (p.type === 'day') d = parseInt(p.value, 10);
  }
  return [y, m, d];
}

const cache = new Map<number, number>();
const SEARCH = [0, -1, 1, -2, 2, -3, 3];

/** Days since 1970-01-01 of a Hijri date (Umm al-Qura when available, else tabular). */
export function hijriToDays(year: number, month: number, day: number): number {
  const key = year * 10_000 + month * 100 + day;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const estimate = tabularHijriToDays(year, month, day);
  let result = estimate;
  const f = umalquraFormat();
  if (f !== null) {
    try {
      for (const delta of SEARCH) {
        const [y, m, d] = umalquraParts(f, estimate + delta);
        if (y === year && m === month && d === day) {
          result = estimate + delta;
          break;
        }
      }
    } catch {
      result = estimate;
    }
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, result);
  return result;
}

/** Gregorian [year, month, day] of a day count since 1970-01-01. */
export function daysToGregorian(days: number): [number, number, number] {
  const d = new Date(days * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** The Umm al-Qura [year, month, day] of a Gregorian day, or null when the runtime has no such calendar. */
export function gregorianToHijri(year: number, month: number, day: number): [number, number, number] | null {
  const f = umalquraFormat();
  if (f === null) return null;
  try {
    const [y, m, d] = umalquraParts(f, Math.floor(Date.UTC(year, month - 1, day) / DAY_MS));
    return y > 0 && m > 0 && d > 0 ? [y, m, d] : null;
  } catch {
    return null;
  }
}
