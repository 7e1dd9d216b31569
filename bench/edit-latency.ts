/**
 * Core-level edit latency: loads a corpus into the Corpus, then applies N single-file edits (a word typed into a
 * paragraph) and times applyChange + the changed file's findings + the findings of affected files, and the name
 * decisions. Prints median and p95. Usage: npx tsx bench/edit-latency.ts [DIR] [--edits 200]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Corpus } from '../server/src/core/corpus';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { edits: { type: 'string', default: '200' } } });
const dir = path.resolve(positionals[0] ?? path.join(__dirname, '../../shared/corpus/saudinewsnet'));
const walk = (d: string): string[] =>
  fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.txt') ? [path.join(d, e.name)] : []));
const files = walk(dir).map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }));
const corpus = new Corpus();
let t = performance.now();
corpus.applyChange({ changed: files });
for (const f of files) corpus.findings(f.file);
const full = performance.now() - t;
console.log(`${files.length} files: full index + all findings ${full.toFixed(0)} ms`);

const times: number[] = [];
const nameTimes: number[] = [];
const rssStart = process.memoryUsage().rss;
const N = Number(values.edits);
for (let i = 0; i < N; i++) {
  const f = files[(i * 7919) % files.length];
  const text = corpus.text(f.file)!;
  const at = text.indexOf(' ', Math.floor(text.length / 2));
  const edited = text.slice(0, at) + ' كلمة' + (i % 10) + text.slice(at);
  t = performance.now();
  const r = corpus.applyChange({ changed: [{ file: f.file, text: edited }] });
  corpus.findings(f.file);
  for (const a of r.affected) corpus.findings(a);
  times.push(performance.now() - t);
  t = performance.now();
  corpus.nameIndex().variants();
  nameTimes.push(performance.now() - t);
  if (i === Math.floor(N / 2)) global.gc?.();
}
const q = (a: number[], p: number): number => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * p))];
console.log(`edit -> findings of the file and affected files: median ${q(times, 0.5).toFixed(1)} ms, p95 ${q(times, 0.95).toFixed(1)} ms`);
console.log(`name decisions after an edit: median ${q(nameTimes, 0.5).toFixed(1)} ms, p95 ${q(nameTimes, 0.95).toFixed(1)} ms`);
console.log(`1% of the full index: ${(full / 100).toFixed(1)} ms; RSS ${(rssStart / 1048576).toFixed(0)} -> ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
