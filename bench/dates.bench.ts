/**
 * Throughput of the date finder over every line of a corpus.
 *   npx tsx bench/dates.bench.ts [corpus-dir]
 * The default corpus is ../shared/corpus/saudinewsnet relative to the repository root.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findDates } from '../server/src/core/dates';

function listTxt(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTxt(p));
    else if (entry.isFile() && entry.name.endsWith('.txt')) out.push(p);
  }
  return out.sort();
}

const repoRoot = path.resolve(__dirname, '..');
const dir = path.resolve(process.argv[2] ?? path.join(repoRoot, '..', 'shared', 'corpus', 'saudinewsnet'));
const files = listTxt(dir);
const lines: string[] = [];
let bytes = 0;
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  bytes += Buffer.byteLength(text, 'utf8');
  for (const line of text.split(/\r?\n/)) lines.push(line);
}
console.log(`${files.length} files, ${lines.length} lines, ${(bytes / 1e6).toFixed(1)} MB in ${dir}`);

function run(): { ms: number; mentions: number; hijri: number; noYear: number; linesWithDates: number } {
  let mentions = 0;
  let hijri = 0;
  let noYear = 0;
  let linesWithDates = 0;
  const t0 = process.hrtime.bigint();
  for (const line of lines) {
    const found = findDates(line);
    if (found.length > 0) linesWithDates++;
    mentions += found.length;
    for (const m of found) {
      if (m.calendar === 'hijri') hijri++;
      if (m.year === null) noYear++;
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, mentions, hijri, noYear, linesWithDates };
}

const rounds = 3;
for (let i = 1; i <= rounds; i++) {
  const r = run();
  const secs = r.ms / 1000;
  console.log(
    `run ${i}: ${r.ms.toFixed(0)} ms, ${(lines.length / secs).toFixed(0)} lines/s, ${(bytes / 1e6 / secs).toFixed(1)} MB/s; ` +
      `${r.mentions} mentions (${r.hijri} hijri, ${r.noYear} without year) on ${r.linesWithDates} lines`,
  );
}
