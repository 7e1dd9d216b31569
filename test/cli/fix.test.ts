/** `check --fix` and `--fix-dry-run`, spawned: safe fixes only, encoding kept, idempotent, atomic and crash-safe. */
import * as assert from 'node:assert';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, cli, findingLines, readTree, SEED, seed, seedCopy, tempCorpus, tempDir } from './helpers';

const DELAY_ENV = 'CORPUS_LINT_TEST_WRITE_DELAY_MS';
const isTemp = (name: string) => name.startsWith('.') && name.includes('.corpus-lint-') && name.endsWith('.tmp');

describe('check --fix', function () {
  it('removes the later copies of paragraphs repeated in one file, and nothing else; a second run changes nothing', () => {
    const dir = seedCopy();
    const before = readTree(dir);
    const r = cli(['check', '--fix', '.'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /applied 10 fixes in 1 file/);
    const after = readTree(dir);
    for (const [name, bytes] of before) {
      if (name === SEED.s002) continue;
      assert.ok(after.get(name)!.equals(bytes), `${name} must not change`);
    }
    const fixed = after.get(SEED.s002)!.toString('utf8');
    const original = seed('002');
    assert.ok(fixed.length < original.length);
    // The report that follows describes the fixed corpus: no repeated paragraph is left inside 002.
    assert.ok(!findingLines(r.stdout).some((l) => l.startsWith(SEED.s002) && l.includes(`same text is at ${SEED.s002}`)));
    // Every line kept is a line of the original, in the same order.
    const originalLines = original.split('\n');
    let at = 0;
    for (const line of fixed.split('\n')) {
      while (at < originalLines.length && originalLines[at] !== line) at++;
      assert.ok(at < originalLines.length, `line not from the original: ${line.slice(0, 40)}`);
      at++;
    }
    // Unsafe fixes (a variant replaced by the corpus majority) are never applied.
    assert.match(fixed, /بوتن/);

    const mtime = fs.statSync(path.join(dir, SEED.s002)).mtimeMs;
    const again = cli(['check', '--fix', '.'], dir);
    assert.strictEqual(again.code, 0);
    assert.doesNotMatch(again.stderr, /applied/);
    assert.deepStrictEqual(readTree(dir), after);
    assert.strictEqual(fs.statSync(path.join(dir, SEED.s002)).mtimeMs, mtime, 'an unchanged file is not rewritten');
  });

  it('--fix-dry-run prints a unified diff that git apply accepts, changes nothing, exits 1 while fixes remain', () => {
    const dir = seedCopy();
    const before = readTree(dir);
    const dry = cli(['check', '--fix-dry-run', '.'], dir);
    assert.strictEqual(dry.code, 1);
    assert.match(dry.stderr, /would apply 10 fixes in 1 file \(dry run, no file changed\)/);
    assert.match(dry.stdout, new RegExp(`^--- a/${SEED.s002}\n\\+\\+\\+ b/${SEED.s002}\n@@ -\\d+,\\d+ \\+\\d+,\\d+ @@`));
    assert.deepStrictEqual(readTree(dir), before, 'a dry run writes nothing');

    const patched = seedCopy();
    fs.writeFileSync(path.join(patched, 'fix.diff'), dry.stdout);
    execFileSync('git', ['apply', '--whitespace=nowarn', 'fix.diff'], { cwd: patched });
    fs.rmSync(path.join(patched, 'fix.diff'));
    assert.strictEqual(cli(['check', '--fix', '.'], dir).code, 0);
    assert.deepStrictEqual(readTree(patched), readTree(dir), 'the diff is exactly what --fix writes');

    const none = cli(['check', '--fix-dry-run', '.'], dir);
    assert.strictEqual(none.code, 0);
    assert.strictEqual(none.stdout, '');
    assert.match(none.stderr, /nothing to fix/);
    assert.strictEqual(cli(['check', '--fix', '--fix-dry-run'], dir).code, 2);
  });

  it('keeps a UTF-8 BOM and CRLF line endings', () => {
    const lf = seedCopy();
    cli(['check', '--fix', '.'], lf);
    const expected = fs.readFileSync(path.join(lf, SEED.s002), 'utf8').replace(/\n/g, '\r\n');

    const crlf = seedCopy({ [SEED.s002]: '\ufeff' + seed('002').replace(/\n/g, '\r\n') });
    const r = cli(['check', '--fix', '.'], crlf);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /applied 10 fixes/);
    const bytes = fs.readFileSync(path.join(crlf, SEED.s002));
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const text = bytes.subarray(3).toString('utf8');
    assert.doesNotMatch(text, /[^\r]\n/, 'no bare LF');
    assert.strictEqual(text, expected);
    assert.doesNotMatch(cli(['check', '--fix', '.'], crlf).stderr, /applied/);
  });

  it('keeps the file mode, and writes through a symbolic link to its target', function () {
    if (process.platform === 'win32') this.skip();
    const dir = seedCopy();
    const real = path.join(dir, 'store', 'real.txt');
    fs.mkdirSync(path.dirname(real));
    fs.renameSync(path.join(dir, SEED.s002), real);
    fs.symlinkSync(path.join('store', 'real.txt'), path.join(dir, SEED.s002));
    fs.chmodSync(real, 0o640);
    const r = cli(['check', '--fix', SEED.s002, '--context', '.'], dir);
    assert.match(r.stderr, /applied 10 fixes/);
    assert.ok(fs.lstatSync(path.join(dir, SEED.s002)).isSymbolicLink(), 'the link is still a link');
    assert.strictEqual(fs.statSync(real).mode & 0o777, 0o640);
    assert.ok(fs.readFileSync(real, 'utf8').length < seed('002').length);
  });

  it('keeps a hard-linked file linked, and, run as root, the file\'s owner', function () {
    if (process.platform === 'win32') this.skip();
    const dir = seedCopy();
    const file = path.join(dir, SEED.s002);
    const twin = path.join(dir, 'twin.bak');
    fs.linkSync(file, twin);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chownSync(file, 65534, 65534);
    const r = cli(['check', '--fix', SEED.s002, '--context', '.'], dir);
    assert.match(r.stderr, /applied 10 fixes/);
    assert.equal(fs.statSync(file).ino, fs.statSync(twin).ino, 'still one file under both names');
    assert.equal(fs.readFileSync(twin, 'utf8'), fs.readFileSync(file, 'utf8'));
    assert.ok(fs.readFileSync(file, 'utf8').length < seed('002').length);
    if (asRoot) assert.deepEqual([fs.statSync(file).uid, fs.statSync(file).gid], [65534, 65534]);
  });

  it('applies the spelling the config prefers (a safe fix), everywhere, as whole words', () => {
    const dir = seedCopy({ 'corpus-lint.json': '{ "names": { "preferred": { "سوريا": ["سورية"] } } }' });
    const r = cli(['check', '--fix', '.'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const s000 = fs.readFileSync(path.join(dir, SEED.s000), 'utf8');
    // Every سورية is written سوريا but after a feminine or plural noun without the article, where it may be the
    // adjective (انتصارات سورية: Syrian victories, or Syria's): a safe fix changes only what is surely the name.
    assert.deepStrictEqual(s000.match(/\S*[\s،.«#]سورية/g), ['لانتصارات سورية', 'وشيطنة سورية'], 'every other سورية written سوريا');
    assert.match(s000, /السورية/, 'a longer word (the adjective) is not touched');
    assert.doesNotMatch(cli(['check', '--fix', '.'], dir).stderr, /applied/, 'idempotent');
  });

  it('never writes context files, nor fixes of findings the ignore file accepts', () => {
    const dir = seedCopy();
    const before = readTree(dir);
    const r = cli(['check', '--fix', '--context', '.', SEED.s001], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(readTree(dir), before, '002 is context here: left alone');

    fs.writeFileSync(path.join(dir, '.corpus-lint-ignore'), `${SEED.s002}  duplicate-paragraph\n`);
    const accepted = cli(['check', '--fix', '.'], dir);
    assert.strictEqual(accepted.code, 0);
    assert.doesNotMatch(accepted.stderr, /applied/);
    assert.ok(readTree(dir).get(SEED.s002)!.equals(before.get(SEED.s002)!));
  });

  it('leaves a file alone when it changed on disk while being fixed', async () => {
    const dir = seedCopy();
    const file = path.join(dir, SEED.s002);
    const child = spawn(process.execPath, [CLI, 'check', '--fix', '.'], { cwd: dir, env: { ...process.env, [DELAY_ENV]: '150' } });
    const out = collect(child);
    await until(() => fs.readdirSync(dir).some(isTemp) || child.exitCode !== null);
    assert.strictEqual(child.exitCode, null, 'the write was observed');
    const edited = fs.readFileSync(file, 'utf8') + '\nسطر أضافه محرر أثناء الإصلاح.\n';
    fs.writeFileSync(file, edited);
    const code = await exited(child);
    assert.strictEqual(code, 0, out.stderr);
    assert.match(out.stderr, new RegExp(`${SEED.s002}: changed on disk while it was being fixed; not fixed`));
    assert.strictEqual(fs.readFileSync(file, 'utf8'), edited, 'the editor’s version survives');
    assert.deepStrictEqual(fs.readdirSync(dir).filter(isTemp), [], 'temporary file removed');
  });

  it('crash safety: killed (SIGKILL) in the middle of writing, every file is either old or new, never truncated', async function () {
    this.timeout(120_000);
    const { dir, files } = bigCorpus(24);
    const original = readTree(dir);
    // The expected result: the same corpus fixed without interruption.
    const reference = tempDir();
    for (const [name, bytes] of original) fs.writeFileSync(path.join(reference, name), bytes);
    assert.strictEqual(cli(['check', '--fix', '--quiet', '.'], reference).code, 0);
    const expected = readTree(reference);
    for (const f of files) assert.ok(!expected.get(f)!.equals(original.get(f)!), `${f} has fixes`);

    let killedMidWrite = 0;
    let rounds = 0;
    for (; rounds < 30; rounds++) {
      const child = spawn(process.execPath, [CLI, 'check', '--fix', '--quiet', '.'], {
        cwd: dir,
        env: { ...process.env, [DELAY_ENV]: '2' },
        stdio: 'ignore',
      });
      // Wait for the write phase (a temporary file appears), then kill at a random moment inside it.
      await until(() => fs.readdirSync(dir).some(isTemp) || child.exitCode !== null);
      if (child.exitCode !== null) break;
      await sleep(Math.random() * 60);
      child.kill('SIGKILL');
      await exited(child);
      if (fs.readdirSync(dir).some(isTemp)) killedMidWrite++;
      for (const f of files) {
        const now = fs.readFileSync(path.join(dir, f));
        assert.ok(now.equals(original.get(f)!) || now.equals(expected.get(f)!), `round ${rounds}: ${f} is neither the old nor the new text (${now.length} bytes)`);
      }
    }
    assert.ok(killedMidWrite >= 3, `the process was killed while writing a temporary file (${killedMidWrite} of ${rounds} rounds)`);
    // Finish the job: every file new, stale temporary files gone, nothing left to fix.
    assert.strictEqual(cli(['check', '--fix', '--quiet', '.'], dir).code, 0);
    for (const f of files) assert.ok(fs.readFileSync(path.join(dir, f)).equals(expected.get(f)!), `${f} fixed`);
    assert.deepStrictEqual(fs.readdirSync(dir).filter(isTemp), []);
    assert.strictEqual(cli(['check', '--fix-dry-run', '.'], dir).code, 0);
  });
});

/** A corpus of `n` files of about 150 KB: unique random paragraphs of seed words, some repeated in the same file. */
function bigCorpus(n: number): { dir: string; files: string[] } {
  const vocabulary = [...new Set(Object.values(SEED).flatMap((f) => seed(f.slice(0, 3)).match(/[\u0621-\u064a]{3,}/g) ?? []))];
  let state = 42;
  const random = (k: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % k;
  };
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const paragraphs: string[] = [`تقرير رقم ${i + 1} عن الأحداث في المنطقة`];
    for (let p = 0; p < 400; p++) {
      const words: string[] = [];
      for (let w = 0; w < 30; w++) words.push(vocabulary[random(vocabulary.length)]);
      paragraphs.push(words.join(' ') + '.');
    }
    // Scrapes repeat blocks: 20 paragraphs appear a second time further down.
    for (let k = 0; k < 20; k++) paragraphs.splice(200 + k * 9, 0, paragraphs[1 + k * 7]);
    files[`news-${String(i).padStart(2, '0')}.txt`] = paragraphs.join('\n') + '\n';
  }
  return { dir: tempCorpus(files), files: Object.keys(files) };
}

function collect(child: ChildProcess): { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d) => (out.stdout += d));
  child.stderr?.on('data', (d) => (out.stderr += d));
  return out;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Polls a condition (file system state of another process) until it holds. */
async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(1);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
