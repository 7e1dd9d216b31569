/** `check --cache`: an unchanged corpus is answered from the cache with the same output; any change re-analyzes. */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SEEDS_DIR } from '../helpers/fixture';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('cli --cache', () => {
  it('reuses results only while the corpus and config are unchanged', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-cache-'));
    for (const f of fs.readdirSync(SEEDS_DIR)) fs.copyFileSync(path.join(SEEDS_DIR, f), path.join(dir, f));
    const cold = run(['check', dir, '--format', 'json', '--cache']);
    assert.strictEqual(cold.status, 0, cold.stderr);
    assert.ok(fs.existsSync(path.join(dir, '.corpus-lint-cache', 'check-v2.bin')));
    // The folder it made keeps itself out of version control.
    assert.match(fs.readFileSync(path.join(dir, '.corpus-lint-cache', '.gitignore'), 'utf8'), /^\*$/m);
    const warm = run(['check', dir, '--format', 'json', '--cache']);
    assert.strictEqual(warm.stdout, cold.stdout);
    // A paragraph copied into another file: the cache must not answer, and the new duplicate appears.
    const p003 = fs.readFileSync(path.join(dir, '003_9f36dc66b4847675.txt'), 'utf8').split('\n')[5];
    fs.appendFileSync(path.join(dir, '004_4843e7fa21632428.txt'), `\n${p003}\n`);
    const changed = run(['check', dir, '--format', 'json', '--cache']);
    assert.notStrictEqual(changed.stdout, cold.stdout);
    const uncached = run(['check', dir, '--format', 'json']);
    assert.strictEqual(changed.stdout, uncached.stdout);
    // A config change invalidates too.
    fs.writeFileSync(path.join(dir, 'corpus-lint.json'), '{ "rules": { "undated-entry": "off" } }');
    const configured = run(['check', dir, '--format', 'json', '--cache']);
    const codes = JSON.parse(configured.stdout).files.flatMap((f: { diagnostics: { code: string }[] }) => f.diagnostics.map((d) => d.code));
    assert.ok(codes.length > 0 && !codes.includes('undated-entry'));
  });

  it('a changed corpus reuses the analyses of the files that did not change, and reports what a run without the cache does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-cache-'));
    for (const f of fs.readdirSync(SEEDS_DIR)) fs.copyFileSync(path.join(SEEDS_DIR, f), path.join(dir, f));
    const models = path.join(dir, '.corpus-lint-cache', 'models-v2.bin');
    assert.strictEqual(run(['check', dir, '--format', 'json', '--cache']).status, 0);
    assert.ok(fs.existsSync(models));
    // Three changes in turn: a duplicate made, a file removed, a new file; then the analyses damaged, then truncated.
    const p003 = fs.readFileSync(path.join(dir, '003_9f36dc66b4847675.txt'), 'utf8').split('\n')[5];
    const steps: (() => void)[] = [
      () => fs.appendFileSync(path.join(dir, '004_4843e7fa21632428.txt'), `\n${p003}\n`),
      () => fs.rmSync(path.join(dir, '001_6de14405470ad9f8.txt'), { force: true }),
      () => fs.writeFileSync(path.join(dir, 'new.txt'), `عنوان جديد\n\n${p003}\n`),
      () => fs.writeFileSync(models, Buffer.concat([Buffer.from([40, 0, 0, 0]), Buffer.alloc(200, 7)])),
      () => {
        fs.appendFileSync(path.join(dir, 'new.txt'), 'سطر آخر\n');
        fs.truncateSync(models, Math.floor(fs.statSync(models).size / 2));
      },
    ];
    for (const step of steps) {
      step();
      const cachedRun = run(['check', dir, '--format', 'json', '--cache']);
      const plain = run(['check', dir, '--format', 'json']);
      assert.strictEqual(cachedRun.status, plain.status, cachedRun.stderr);
      assert.strictEqual(cachedRun.stderr, plain.stderr);
      assert.strictEqual(cachedRun.stdout, plain.stdout);
    }
  });

  it('report, baseline and entities read the analyses back with --cache too, with the output they give without it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-cache-'));
    for (const f of fs.readdirSync(SEEDS_DIR)) fs.copyFileSync(path.join(SEEDS_DIR, f), path.join(dir, f));
    const cache = path.join(dir, 'c');
    const entities = (...extra: string[]) => run(['entities', dir, '--format', 'json', ...extra]);
    const first = entities('--cache-location', cache);
    assert.strictEqual(first.status, 0, first.stderr);
    assert.ok(fs.existsSync(path.join(cache, 'models-v2.bin')));
    assert.strictEqual(first.stdout, entities().stdout);
    fs.appendFileSync(path.join(dir, '004_4843e7fa21632428.txt'), '\nواستقبل الرئيس فلاديمير بوتين في الكرملين وفدا رسميا.\n');
    assert.strictEqual(entities('--cache-location', cache).stdout, entities().stdout);
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1' };
    const report = (out: string, ...extra: string[]) => spawnSync(process.execPath, [CLI, 'report', dir, '--output', out, ...extra], { encoding: 'utf8', env });
    assert.strictEqual(report(path.join(dir, 'r1.html'), '--cache-location', cache).status, 0);
    assert.strictEqual(report(path.join(dir, 'r2.html')).status, 0);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'r1.html'), 'utf8'), fs.readFileSync(path.join(dir, 'r2.html'), 'utf8'));
    assert.strictEqual(run(['baseline', dir, '--output', path.join(dir, 'b1.json'), '--cache-location', cache]).status, 0);
    assert.strictEqual(run(['baseline', dir, '--output', path.join(dir, 'b2.json')]).status, 0);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'b1.json'), 'utf8'), fs.readFileSync(path.join(dir, 'b2.json'), 'utf8'));
  });

  it('an unreadable cache is ignored, never an error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-cache-'));
    fs.copyFileSync(path.join(SEEDS_DIR, '002_59ed37bba01cb0ba.txt'), path.join(dir, 'a.txt'));
    fs.mkdirSync(path.join(dir, 'c'));
    fs.writeFileSync(path.join(dir, 'c', 'check-v2.bin'), 'not a cache');
    const r = run(['check', dir, '--cache-location', path.join(dir, 'c')]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /duplicate-paragraph/);
    // A folder that was there before is the user's: nothing but the cache is written into it.
    assert.ok(!fs.existsSync(path.join(dir, 'c', '.gitignore')));
  });

  it('a cache folder that cannot be made (under /proc) is a one-line note and the check runs without it, at once', function () {
    if (!fs.existsSync('/proc/self')) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-cache-'));
    fs.copyFileSync(path.join(SEEDS_DIR, '002_59ed37bba01cb0ba.txt'), path.join(dir, 'a.txt'));
    const plain = run(['check', dir]);
    // Node's recursive mkdir looped forever there: a hang is killed (status null) rather than left running.
    const r = spawnSync(process.execPath, [CLI, 'check', dir, '--cache-location', '/proc/self/cachedir/x'], { encoding: 'utf8', timeout: 20000 });
    assert.strictEqual(r.status, plain.status, r.stderr);
    assert.strictEqual(r.stdout, plain.stdout);
    assert.strictEqual(r.stderr, "corpus-lint: cache not written: ENOENT: no such file or directory, mkdir '/proc/self/cachedir'\n");
  });

  it('so are the other generated files: a baseline, a report, a shard under /proc are an error (exit 2) at once', function () {
    if (!fs.existsSync('/proc/self')) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-cache-'));
    fs.copyFileSync(path.join(SEEDS_DIR, '002_59ed37bba01cb0ba.txt'), path.join(dir, 'a.txt'));
    for (const args of [
      ['baseline', dir, '--output', '/proc/self/made/b.json'],
      ['report', dir, '--output', '/proc/self/made/r.html'],
      ['check', dir, '--shard', '1/2', '--shard-dir', '/proc/self/made'],
    ]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20000 });
      assert.strictEqual(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^corpus-lint: cannot write .*ENOENT\n$/);
    }
  });
});
