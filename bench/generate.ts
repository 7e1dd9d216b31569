/**
 * Grows a large corpus from real text (the seeds and the news sample): N files of about `--mb` megabytes in all, with
 * planted exact duplicates, near-duplicates, name variants and dated entries at known places (manifest.json).
 * Reused paragraphs are perturbed (every 4th word swapped) so that only planted copies are duplicates.
 *
 * Usage: npx tsx bench/generate.ts [--files 10000] [--mb 50] [--out bench/.generated/corpus] [--source DIR]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    mb: { type: 'string', default: '53' },
    out: { type: 'string', default: 'bench/.generated/corpus' },
    source: { type: 'string', default: '../shared/corpus/saudinewsnet' },
    seed: { type: 'string', default: '42' },
  },
});
const FILES = Number(values.files);
const TARGET_BYTES = Number(values.mb) * 1024 * 1024;
const OUT = path.resolve(values.out!);

let state = Number(values.seed) >>> 0;
function rand(): number {
  // xorshift32: reproducible corpora.
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 4294967296;
}
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith('.txt') ? [path.join(dir, d.name)] : [],
  );
}

const sources = [...walk(path.resolve(values.source!)), ...walk(path.resolve('test/fixtures/corpus/seeds'))];
const titles: string[] = [];
const paragraphs: string[] = [];
for (const f of sources) {
  const lines = fs.readFileSync(f, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines[0] && lines[0].split(/\s+/).length <= 20) titles.push(lines[0]);
  for (const l of lines.slice(1)) if (l.split(/\s+/).length >= 12 && l.length < 3000) paragraphs.push(l);
}
const vocabulary = paragraphs.slice(0, 2000).flatMap((p) => p.split(/\s+/)).filter((w) => w.length > 3);
const used = new Map<number, number>();

/** A paragraph from the pool; reuses are perturbed so they are not duplicates of each other. */
function freshParagraph(): string {
  const i = Math.floor(rand() * paragraphs.length);
  const n = used.get(i) ?? 0;
  used.set(i, n + 1);
  if (n === 0) return paragraphs[i];
  return paragraphs[i]
    .split(/\s+/)
    .map((w, k) => ((k + n) % 4 === 0 ? pick(vocabulary) : w))
    .join(' ');
}

interface Planted {
  kind: 'duplicate' | 'near-duplicate' | 'name-variant' | 'dated';
  file: string;
  line: number;
  of?: { file: string; line: number };
  detail?: string;
}
const planted: Planted[] = [];
const files: { name: string; lines: string[] }[] = [];
const avgBytes = TARGET_BYTES / FILES;
for (let i = 0; i < FILES; i++) {
  const name = `${String(Math.floor(i / 1000)).padStart(2, '0')}/${String(i).padStart(5, '0')}.txt`;
  const lines = [pick(titles), ''];
  let bytes = Buffer.byteLength(lines[0]);
  while (bytes < avgBytes * (0.5 + rand())) {
    const p = freshParagraph();
    lines.push(p);
    bytes += Buffer.byteLength(p) + 1;
  }
  files.push({ name, lines });
}

// Plant: 1% of files get an exact copy of a paragraph from another file, 1% a near-duplicate (one word changed,
// punctuation and a hashtag added), 0.5% a name variant in a given-name context, 5% a publication date line.
const bodyLine = (f: { lines: string[] }): number => 2 + Math.floor(rand() * Math.max(1, f.lines.length - 2));
for (let k = 0; k < FILES / 100; k++) {
  const src = pick(files);
  const dst = pick(files);
  if (src === dst || src.lines.length < 3) continue;
  const from = bodyLine(src);
  dst.lines.push(src.lines[from]);
  planted.push({ kind: 'duplicate', file: dst.name, line: dst.lines.length - 1, of: { file: src.name, line: from } });
}
for (let k = 0; k < FILES / 100; k++) {
  const src = pick(files);
  const dst = pick(files);
  if (src === dst || src.lines.length < 3) continue;
  const from = bodyLine(src);
  const words = src.lines[from].split(/\s+/);
  if (words.length < 40) continue;
  words[Math.floor(words.length / 2)] = pick(vocabulary);
  words[3] = '#' + words[3];
  dst.lines.push('«' + words.join(' ') + '»');
  planted.push({ kind: 'near-duplicate', file: dst.name, line: dst.lines.length - 1, of: { file: src.name, line: from } });
}
for (let k = 0; k < FILES / 200; k++) {
  const f = pick(files);
  f.lines.push('وأكد الرئيس الروسي فلاديمير بوتن في اتصال هاتفي مع نظيره أهمية تعزيز العلاقات الثنائية بين البلدين الصديقين.');
  planted.push({ kind: 'name-variant', file: f.name, line: f.lines.length - 1, detail: 'بوتن' });
}
for (let k = 0; k < FILES / 20; k++) {
  const f = pick(files);
  const day = 1 + Math.floor(rand() * 28);
  const month = pick(['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر']);
  if (f.lines[1] !== '') continue;
  f.lines[1] = `تاريخ النشر: ${day} ${month} ${2015 + Math.floor(rand() * 10)}`;
  planted.push({ kind: 'dated', file: f.name, line: 1 });
}

fs.rmSync(OUT, { recursive: true, force: true });
let total = 0;
for (const f of files) {
  const p = path.join(OUT, f.name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  const text = f.lines.join('\n') + '\n';
  total += Buffer.byteLength(text);
  fs.writeFileSync(p, text);
}
fs.writeFileSync(path.join(path.dirname(OUT), 'manifest.json'), JSON.stringify({ files: FILES, bytes: total, planted }, null, 1));
console.log(`${FILES} files, ${(total / 1024 / 1024).toFixed(1)} MB in ${OUT}; planted ${planted.length} (manifest.json beside it)`);
