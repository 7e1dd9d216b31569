/**
 * `npm run bench`: times `corpus-lint check` against the floor (read + decode + split words) on the same files,
 * alternating the two in one run and taking medians, and prints MB/s, peak RSS and the ratio to the floor.
 * Usage: npx tsx bench/run.ts [DIR ...] [--runs 5]   (default: the generated 10,000-file corpus and the news sample)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const ROOT = path.join(__dirname, '..');
const targets = positionals.length ? positionals : [path.join(ROOT, 'bench/.generated/corpus'), path.join(ROOT, '../shared/corpus/saudinewsnet')];

function bytesOf(dir: string): number {
  let n = 0;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    n += d.isDirectory() ? bytesOf(p) : d.name.endsWith('.txt') ? fs.statSync(p).size : 0;
  }
  return n;
}

/** Runs a command under GNU time; returns wall seconds and peak RSS in KB. */
function timed(args: string[]): { seconds: number; rssKb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').pop()!.split(' ');
  return { seconds: Number(last[0]), rssKb: Number(last[1]) };
}

const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('build first: npm run build');
for (const dir of targets) {
  if (!fs.existsSync(dir)) {
    console.log(`${dir}: missing (generate it with: npx tsx bench/generate.ts)`);
    continue;
  }
  const mb = bytesOf(dir) / 1024 / 1024;
  const floor: number[] = [];
  const check: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(timed([path.join(ROOT, 'bench/floor.js'), dir]).seconds);
    const c = timed([path.join(ROOT, 'dist/cli.js'), 'check', dir, '--format', 'json']);
    check.push(c.seconds);
    rss.push(c.rssKb);
  }
  const f = median(floor);
  const c = median(check);
  console.log(
    `${path.relative(process.cwd(), dir) || dir}: ${mb.toFixed(1)} MB\n` +
      `  floor  median ${f.toFixed(2)} s  (${(mb / f).toFixed(1)} MB/s)\n` +
      `  check  median ${c.toFixed(2)} s  (${(mb / c).toFixed(1)} MB/s)  ratio ${(c / f).toFixed(2)}x floor\n` +
      `  check  peak RSS ${(median(rss) / 1024).toFixed(0)} MB  (${(median(rss) / 1024 / mb).toFixed(1)}x corpus size)`,
  );
}
