/**
 * Hijri ↔ Gregorian conversion.
 *
 * Primary: the Umm al-Qura calendar (the official calendar of Saudi Arabia, the one SPA/واس datelines use), from a
 * table of its month lengths for 1300-1600 AH (`umalquraTable.ts`, generated from ICU's calendar by
 * scripts/build-umalqura-table.ts). A table rather than `Intl.DateTimeFormat` at run time: creating ICU's formatter
 * took 22 ms of a check, every conversion up to seven calls into it, and small-icu builds have no such calendar.
 * Outside those years, and for a day the month does not have (the 30th of a 29-day month), the tabular (arithmetic,
 * civil epoch, leap years 2,5,7,10,13,16,18,21,24,26,29 of the 30-year cycle) Islamic calendar, as ICU does.
 *
 * Accuracy: a Hijri date as printed in a source can legitimately differ by one day from either calendar
 * (local moon sighting; the tabular calendar itself drifts by ±1–2 days from Umm al-Qura). A result off by
 * one day is therefore accepted by design.
 */
import { lowerBound } from '../text/sorted';
import { UMALQURA_FIRST_YEAR, UMALQURA_LAST_YEAR, UMALQURA_MONTHS_HEX, UMALQURA_START_DAY } from './umalquraTable';

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

/** The tabular Islamic [year, month, day] of a day count since 1970-01-01. */
function tabularDaysToHijri(days: number): [number, number, number] {
  let year = Math.floor((days - tabularHijriToDays(1, 1, 1)) / 354.36667) + 1;
  while (tabularHijriToDays(year + 1, 1, 1) <= days) year++;
  while (tabularHijriToDays(year, 1, 1) > days) year--;
  let month = 12;
  while (tabularHijriToDays(year, month, 1) > days) month--;
  return [year, month, days - tabularHijriToDays(year, month, 1) + 1];
}

let monthStarts: Int32Array | undefined;

/** The first day of each Umm al-Qura month of the table, and the day after its last month. */
function umalquraMonthStarts(): Int32Array {
  if (monthStarts) return monthStarts;
  const months = UMALQURA_MONTHS_HEX.length * 4;
  const starts = new Int32Array(months + 1);
  starts[0] = UMALQURA_START_DAY;
  for (let i = 0; i < months; i++) {
    const thirty = (parseInt(UMALQURA_MONTHS_HEX[i >> 2], 16) >> (i & 3)) & 1;
    starts[i + 1] = starts[i] + 29 + thirty;
  }
  return (monthStarts = starts);
}

/** Days since 1970-01-01 of a Hijri date (Umm al-Qura within the table's years and the month's days, else tabular). */
export function hijriToDays(year: number, month: number, day: number): number {
  if (year >= UMALQURA_FIRST_YEAR && year <= UMALQURA_LAST_YEAR && month >= 1 && month <= 12 && day >= 1) {
    const starts = umalquraMonthStarts();
    const i = (year - UMALQURA_FIRST_YEAR) * 12 + month - 1;
    if (starts[i] + day <= starts[i + 1]) return starts[i] + day - 1;
  }
  return tabularHijriToDays(year, month, day);
}

/** Gregorian [year, month, day] of a day count since 1970-01-01. */
export function daysToGregorian(days: number): [number, number, number] {
  const d = new Date(days * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** The Hijri [year, month, day] of a Gregorian day: Umm al-Qura within the table's years, else tabular. */
export function gregorianToHijri(year: number, month: number, day: number): [number, number, number] {
  const days = Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
  const starts = umalquraMonthStarts();
  if (days < starts[0] || days >= starts[starts.length - 1]) return tabularDaysToHijri(days);
  // The last month starting on or before the day.
  const m = lowerBound(starts.length, (i) => starts[i] <= days) - 1;
  return [UMALQURA_FIRST_YEAR + Math.floor(m / 12), (m % 12) + 1, days - starts[m] + 1];
}
