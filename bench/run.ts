/**
 * `npm run bench`: times `corpus-lint check` against the floor (read + decode + split words) on the same files,
 * alternating the runs and taking medians. For each corpus it prints:
 *   - floor and check: median seconds, MB/s, check's ratio to the floor, its peak RSS and CPU seconds (user + system,
 *     over all threads); check runs on one thread and, alternating, with one worker thread per extra core
 *     (CORPUS_LINT_THREADS), so whether the second core pays shows in the same run;
 *   - cached check (`--cache-location` in a fresh temporary folder): one cold run that fills the cache, then warm runs
 *     alternating with the floor; the warm median and its ratio to the median cold check; then runs with one new file
 *     checked beside the corpus (the cache answers the other files' analyses), their median and its ratio;
 *   - the peer, jscpd on the same files as plain text (see bench/peer.ts), alternating with check and the floor:
 *     median seconds, its ratio to the floor and to check, peak RSS and CPU seconds; a run over
 *     --peer-timeout seconds is stopped and reported with the time and memory it had reached;
 *   - generated corpus only (it has a manifest; see bench/recall.ts): planted duplicates and near-duplicates found by
 *     each tool, then planted name variants and undated entries found and planted dates honoured by ours (jscpd
 *     finds copies only), with up to 5 of the items ours missed per kind (1-based lines).
 * Usage: npx tsx bench/run.ts [DIR ...] [--runs 5] [--no-peer] [--peer-timeout 300]
 *   (default DIRs: the generated 10,000-file corpus and the news sample)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Clone, jscpdArgs, jscpdBinary, readClones } from './peer';
import { COPY_KINDS, Planted, plantedItems, recall } from './recall';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '5' },
    'no-peer': { type: 'boolean', default: false },
    'peer-timeout': { type: 'string', default: '300' },
  },
});
const RUNS = Number(values.runs);
const PEER_TIMEOUT = Number(values['peer-timeout']);
const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const FLOOR = path.join(ROOT, 'bench/floor.js');
const targets = positionals.length ? positionals : [path.join(ROOT, 'bench/.generated/corpus'), path.join(ROOT, '../shared/corpus/saudinewsnet')];

function bytesOf(dir: string): number {
  let n = 0;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    n += d.isDirectory() ? bytesOf(p) : d.name.endsWith('.txt') ? fs.statSync(p).size : 0;
  }
  return n;
}

interface Timing {
  seconds: number;
  rssKb: number;
  /** User + system CPU seconds. */
  cpu: number;
  status: number;
  timedOut: boolean;
  stdout: string;
}

/** Runs a command under GNU time (and `timeout` when given seconds); wall seconds, peak RSS in KB, CPU seconds. */
function timed(command: string[], timeoutSeconds?: number, env?: Record<string, string>): Timing {
  const limit = timeoutSeconds ? ['timeout', '--kill-after=10', String(timeoutSeconds)] : [];
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S %x', ...limit, ...command], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
  });
  const [seconds, rssKb, user, sys, status] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, rssKb, cpu: user + sys, status, timedOut: !!timeoutSeconds && (status === 124 || status === 137), stdout: r.stdout };
}
const node = (...args: string[]): Timing => timed([process.execPath, ...args], undefined, { CORPUS_LINT_THREADS: '0' });
/** Worker threads for the check with threads: one per core beyond the first. */
const THREADS = String(Math.max(1, Math.min(os.availableParallelism() - 1, 7)));
const threaded = (...args: string[]): Timing => timed([process.execPath, ...args], undefined, { CORPUS_LINT_THREADS: THREADS });

const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const mbOf = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;
const tempDir = (name: string): string => fs.mkdtempSync(path.join(os.tmpdir(), `corpus-lint-bench-${name}-`));

interface PeerResult {
  runs: Timing[];
  /** Why the peer did not finish: timed out or failed; then the runs hold the one attempt. */
  stopped?: string;
  clones?: Clone[];
}

/** Floor, check and (unless stopped) jscpd, alternating; the last check's JSON output is kept for recall. */
function alternate(dir: string, jscpd: string | undefined) {
  const floor: Timing[] = [];
  const check: Timing[] = [];
  const checkThreads: Timing[] = [];
  const peer: PeerResult | undefined = jscpd ? { runs: [] } : undefined;
  const out = tempDir('jscpd');
  for (let i = 0; i < RUNS; i++) {
    floor.push(node(FLOOR, dir));
    check.push(node(CLI, 'check', dir, '--format', 'json'));
    checkThreads.push(threaded(CLI, 'check', dir, '--format', 'json'));
    if (jscpd && peer && !peer.stopped) {
      const t = timed([jscpd, ...jscpdArgs(dir, out)], PEER_TIMEOUT);
      peer.runs.push(t);
      if (t.timedOut) peer.stopped = `stopped after ${PEER_TIMEOUT} s (timeout)`;
      else if (t.status !== 0) peer.stopped = `failed with exit status ${t.status}`;
    }
  }
  if (peer && !peer.stopped) peer.clones = readClones(out);
  fs.rmSync(out, { recursive: true, force: true });
  const sameOutput = checkThreads.every((t) => t.stdout === check[0].stdout);
  return { floor, check, checkThreads, sameOutput, peer, checkJson: check[check.length - 1].stdout };
}

/**
 * One cold cached run into a fresh cache folder, then warm runs alternating with the floor; then runs with one file
 * more each time (a new text outside the corpus, checked with it: the corpus itself is never written), where the
 * cache answers the other files' analyses, the last compared with a run without the cache.
 */
function cached(dir: string) {
  const cache = tempDir('cache');
  const run = (...extra: string[]): Timing => node(CLI, 'check', dir, ...extra, '--format', 'json', '--cache-location', cache);
  const cold = run();
  const warm: Timing[] = [];
  const floor: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(node(FLOOR, dir));
    warm.push(run());
  }
  const sameOutput = warm.every((w) => w.stdout === cold.stdout);
  const added = tempDir('added');
  const file = path.join(added, 'added.txt');
  const oneMore: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    fs.writeFileSync(file, `خبر مضاف رقم ${i + 1}\n\nنص قصير أضيف إلى المدونة بعد آخر فحص، ليقرأ الفحص التالي ملفا واحدا جديدا.\n`);
    oneMore.push(run(file));
  }
  const sameAsUncached = oneMore[oneMore.length - 1].stdout === node(CLI, 'check', dir, file, '--format', 'json').stdout;
  fs.rmSync(added, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
  return { cold, warm, floor, sameOutput, oneMore, sameAsUncached };
}

function printTimes(name: string, mb: number, runs: Timing[], floor: number): void {
  const s = median(runs.map((r) => r.seconds));
  console.log(`  ${name}\n         median ${s.toFixed(2)} s  (${(mb / s).toFixed(1)} MB/s)  ratio ${(s / floor).toFixed(2)}x floor`);
}

function printPeer(peer: PeerResult | undefined, mb: number, floor: number, check: number): void {
  if (!peer) {
    console.log(`  jscpd  ${values['no-peer'] ? 'skipped (--no-peer)' : 'not installed for this platform'}`);
    return;
  }
  const s = median(peer.runs.map((r) => r.seconds));
  const rss = median(peer.runs.map((r) => r.rssKb));
  const cpu = median(peer.runs.map((r) => r.cpu));
  if (peer.stopped) {
    console.log(`  jscpd  ${peer.stopped}: ${s.toFixed(2)} s, ${cpu.toFixed(1)} s CPU, peak RSS ${mbOf(rss)} reached`);
    return;
  }
  console.log(
    `  jscpd  median ${s.toFixed(2)} s  (${(mb / s).toFixed(1)} MB/s)  ratio ${(s / floor).toFixed(2)}x floor, ${(s / check).toFixed(2)}x check\n` +
      `  jscpd  peak RSS ${mbOf(rss)}  (${(rss / 1024 / mb).toFixed(1)}x corpus size)  CPU ${cpu.toFixed(1)} s`,
  );
}

/** What each kind's line calls the planted items (copies keep the wording the README quotes). */
const RECALL_LABEL: Record<string, string> = {
  duplicate: 'planted duplicates found',
  'near-duplicate': 'planted near-duplicates found',
  'name-variant': 'planted name variants found',
  undated: 'planted undated entries found',
  dated: 'planted dates honoured',
};

/** The first item of each planted spelling, then the rest: the examples printed show different names. */
function oneOfEachFirst(items: Planted[]): Planted[] {
  const seen = new Set<string | undefined>();
  const first = items.filter((p) => !seen.has(p.detail) && seen.add(p.detail));
  return [...first, ...items.filter((p) => !first.includes(p))];
}

function printRecall(dir: string, checkJson: string, peer: PeerResult | undefined): void {
  const planted = plantedItems(dir);
  if (!planted) return;
  for (const r of recall(planted, checkJson, peer?.clones)) {
    const label = RECALL_LABEL[r.kind] ?? `planted ${r.kind}s found`;
    if (r.kind === 'dated') console.log(`  ${label}: ${r.ours}/${r.total}`);
    else if (COPY_KINDS.includes(r.kind)) {
      const theirs = r.jscpd === undefined ? 'jscpd -' : `jscpd ${r.jscpd}/${r.total}`;
      console.log(`  ${label}: ours ${r.ours}/${r.total}, ${theirs}`);
    } else console.log(`  ${label}: ours ${r.ours}/${r.total}`);
    const missed = oneOfEachFirst(r.oursMissed)
      .slice(0, 5)
      .map((p) => `${path.relative(dir, p.file)}:${p.line + 1}${p.detail ? ` «${p.detail}»` : ''}`);
    const what = r.kind === 'dated' ? 'reported undated or without a year' : 'ours missed';
    if (missed.length) console.log(`    ${what} (1-based lines): ${missed.join(', ')}${r.oursMissed.length > 5 ? ', ...' : ''}`);
  }
}

function benchCorpus(dir: string, jscpd: string | undefined): void {
  const mb = bytesOf(dir) / 1024 / 1024;
  const { floor, check, checkThreads, sameOutput, peer, checkJson } = alternate(dir, jscpd);
  const f = median(floor.map((r) => r.seconds));
  const c = median(check.map((r) => r.seconds));
  console.log(`${path.relative(process.cwd(), dir) || dir}: ${mb.toFixed(1)} MB`);
  printTimes('floor', mb, floor, f);
  for (const [name, runs] of [['check', check], [`check, ${THREADS} worker thread${THREADS === '1' ? '' : 's'}`, checkThreads]] as const) {
    printTimes(name, mb, runs, f);
    const rss = median(runs.map((r) => r.rssKb));
    const cpu = median(runs.map((r) => r.cpu));
    console.log(`         peak RSS ${mbOf(rss)}  (${(rss / 1024 / mb).toFixed(1)}x corpus size)  CPU ${cpu.toFixed(1)} s`);
  }
  if (!sameOutput) console.log('  WARNING: the output with worker threads differs from the output without');

  const cache = cached(dir);
  const warm = median(cache.warm.map((r) => r.seconds));
  const warmFloor = median(cache.floor.map((r) => r.seconds));
  console.log(
    `  cache  cold ${cache.cold.seconds.toFixed(2)} s, warm median ${warm.toFixed(2)} s  ratio ${(warm / c).toFixed(2)}x the median check` +
      `  (${(warm / warmFloor).toFixed(2)}x floor)${cache.sameOutput ? '' : '  WARNING: warm output differs from cold'}`,
  );
  const oneMore = median(cache.oneMore.map((r) => r.seconds));
  console.log(
    `  cache, one file added  median ${oneMore.toFixed(2)} s  ratio ${(oneMore / c).toFixed(2)}x the median check` +
      `${cache.sameAsUncached ? '' : '  WARNING: output differs from a run without the cache'}`,
  );

  printPeer(peer, mb, f, c);
  printRecall(dir, checkJson, peer);
}

if (!fs.existsSync(CLI)) throw new Error('build first: npm run build');
const jscpd = values['no-peer'] ? undefined : jscpdBinary();
for (const dir of targets.map((t) => path.resolve(t))) {
  if (!fs.existsSync(dir)) console.log(`${dir}: missing (generate it with: npx tsx bench/generate.ts)`);
  else benchCorpus(dir, jscpd);
}
