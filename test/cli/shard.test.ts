/** Sharded checks: n shard jobs plus a merge give exactly the findings of one run; a missing shard is an error. */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SEEDS_DIR } from '../helpers/fixture';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('cli --shard / --merge-shards', () => {
  it('merged shards report exactly what one run reports', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-shards-'));
    for (const i of [1, 2, 3]) {
      const r = run(['check', SEEDS_DIR, '--shard', `${i}/3`, '--shard-dir', dir]);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, new RegExp(`shard ${i}/3: analyzed [12] of 5 files`));
    }
    for (const format of ['json', 'sarif', 'text']) {
      const merged = run(['check', SEEDS_DIR, '--merge-shards', dir, '--format', format]);
      const single = run(['check', SEEDS_DIR, '--format', format]);
      assert.strictEqual(merged.stdout, single.stdout, format);
      assert.strictEqual(merged.status, single.status);
    }
  });

  it('a missing shard, or a bad --shard, is a usage error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-shards-'));
    run(['check', SEEDS_DIR, '--shard', '1/2', '--shard-dir', dir]);
    const r = run(['check', SEEDS_DIR, '--merge-shards', dir]);
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stderr, `corpus-lint: missing shard 2/2 in ${dir}\n`);
    assert.strictEqual(run(['check', SEEDS_DIR, '--shard', '3/2', '--shard-dir', dir]).status, 2);
    assert.match(run(['check', SEEDS_DIR, '--shard', '1/2']).stderr, /--shard needs --shard-dir/);
  });
});

describe('cli worker threads', () => {
  /** 450 files: lines of the seeds dealt out so that files differ but share paragraphs; and two no thread can use. */
  function threadsCorpus(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-threads-'));
    const seeds = fs.readdirSync(SEEDS_DIR).map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
    const lines = seeds.flatMap((t) => t.split('\n')).filter((l) => l.trim());
    for (let i = 0; i < 450; i++) {
      const picked = Array.from({ length: 6 }, (_, k) => lines[(i * 7 + k * 13) % lines.length]);
      fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.txt`), picked.join('\n\n') + '\n');
    }
    // Files no thread can use: invalid UTF-8 and binary, among the others.
    fs.writeFileSync(path.join(dir, '100-invalid.txt'), Buffer.from([0x41, 0xff, 0xfe, 0x42]));
    fs.writeFileSync(path.join(dir, '300-binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0x00]));
    return dir;
  }
  const checkWith = (dir: string, env: Record<string, string>, ...extra: string[]) =>
    spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json', ...extra], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });

  it('CORPUS_LINT_THREADS=1 reports exactly what one thread reports, skipped files included, with and without the cache', function () {
    this.timeout(120000);
    const dir = threadsCorpus();
    const check = (threads: string, ...extra: string[]) => checkWith(dir, { CORPUS_LINT_THREADS: threads }, ...extra);
    const one = check('0');
    assert.ok(JSON.parse(one.stdout).files.length === 450);
    assert.match(one.stderr, /skipped .*100-invalid\.txt[\s\S]*skipped .*300-binary\.txt/);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-threads-cache-'));
    for (const two of [check('1'), check('1', '--cache-location', cache)]) {
      assert.strictEqual(two.status, one.status, two.stderr);
      assert.strictEqual(two.stdout, one.stdout);
      assert.strictEqual(two.stderr, one.stderr);
    }
    // One file changed: the cache answers the others' analyses, the workers are stopped and this thread analyzes it.
    fs.appendFileSync(path.join(dir, '007.txt'), `\n${fs.readFileSync(path.join(dir, '008.txt'), 'utf8')}`);
    const alone = check('0');
    const reused = check('1', '--cache-location', cache);
    assert.strictEqual(reused.status, alone.status, reused.stderr);
    assert.strictEqual(reused.stdout, alone.stdout);
    assert.strictEqual(reused.stderr, alone.stderr);
    assert.notStrictEqual(alone.stdout, one.stdout);
  });

  it('one thread reading ahead on a helper reports exactly what one thread reading alone reports', function () {
    this.timeout(120000);
    const dir = threadsCorpus();
    const alone = checkWith(dir, { CORPUS_LINT_THREADS: '0', CORPUS_LINT_READ_AHEAD: '0' });
    const ahead = checkWith(dir, { CORPUS_LINT_THREADS: '0' });
    assert.strictEqual(JSON.parse(alone.stdout).files.length, 450);
    assert.match(alone.stderr, /skipped .*100-invalid\.txt[\s\S]*skipped .*300-binary\.txt/);
    assert.strictEqual(ahead.status, alone.status, ahead.stderr);
    assert.strictEqual(ahead.stdout, alone.stdout);
    assert.strictEqual(ahead.stderr, alone.stderr);
  });
});
