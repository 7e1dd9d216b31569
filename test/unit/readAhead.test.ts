/**
 * Reading ahead on a helper thread (server/src/node/readAhead.ts) with the built worker (dist/readAhead.js, made by
 * `npm run build`), and with workers that fail: every file's result must be what reading it here gives.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReadAheadLimits, readAheadScript, startReadAhead } from '../../server/src/node/readAhead';
import { contentDigest, readTextFileSync } from '../../server/src/node/readText';

const BUILT = path.resolve(__dirname, '../../dist/readAhead.js');
const MAX_BYTES = 4096;

/** 300 files: texts of varied length and every kind of file that cannot be used, here and there among them. */
function corpus(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-read-ahead-'));
  const files: string[] = [];
  for (let i = 0; i < 300; i++) {
    const file = path.join(dir, `${String(i).padStart(3, '0')}.txt`);
    if (i === 7) fs.writeFileSync(file, Buffer.from([0x41, 0xff, 0xfe, 0x42])); // invalid UTF-8
    else if (i === 150) fs.writeFileSync(file, Buffer.from([0x00, 0x01, 0x02])); // binary
    else if (i === 151) fs.writeFileSync(file, 'ب'.repeat(MAX_BYTES)); // too large (two bytes a letter)
    else if (i === 299) fs.writeFileSync(file, '\ufeffنص مع علامة ترتيب البايتات\n');
    else if (i !== 42) fs.writeFileSync(file, `الملف ${i} 🗓\n\n${'كلمة '.repeat(i % 50)}\n`); // 42: missing
    files.push(file);
  }
  return files;
}

/**
 * Reads every file through a read-ahead; `settleMs`: time given to the worker to start (and claim files) before the
 * first read, else this thread reads the first files itself while it starts. `counts` receives who read how many.
 */
function readAll(
  files: string[],
  script: string,
  options: ReadAheadLimits & { settleMs?: number; counts?: (c: { worker: number; here: number }) => void } = {},
) {
  const ahead = startReadAhead(files, script, MAX_BYTES, options);
  assert.ok(ahead, 'the worker starts');
  if (options.settleMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, options.settleMs);
  try {
    return files.map((_, i) => ahead.read(i));
  } finally {
    options.counts?.(ahead.counts());
    ahead.close();
  }
}

describe('reading ahead on a helper thread', function () {
  this.timeout(60000);
  const files = corpus();
  const expected = files.map((f) => readTextFileSync(f, { maxBytes: MAX_BYTES }));

  it('gives each text its digest when asked, made on the helper thread or here alike', function () {
    if (!fs.existsSync(BUILT)) this.skip();
    const withDigests = expected.map((r) => ('text' in r ? { text: r.text, digest: contentDigest(r.text) } : r));
    let counts = { worker: 0, here: 0 };
    assert.deepStrictEqual(readAll(files, BUILT, { digests: true, settleMs: 1000, counts: (c) => (counts = c) }), withDigests);
    assert.ok(counts.worker > 0, `the worker read ${counts.worker} files`);
    // Without waiting for the worker: this thread reads the first files itself.
    assert.deepStrictEqual(readAll(files, BUILT, { digests: true, counts: (c) => (counts = c) }), withDigests);
    assert.ok(counts.here > 0, `this thread read ${counts.here} files`);
  });

  it('gives every file, in order, exactly what reading it here gives (texts and reasons)', function () {
    if (!fs.existsSync(BUILT)) this.skip();
    let counts = { worker: 0, here: 0 };
    assert.deepStrictEqual(readAll(files, BUILT, { settleMs: 1000, counts: (c) => (counts = c) }), expected);
    assert.strictEqual(counts.worker + counts.here, files.length);
    assert.ok(counts.worker > files.length / 2, `the worker read most files (${counts.worker})`);
    assert.ok(expected.filter((r) => 'reason' in r).length === 4);
    // Without the wait, this thread reads while the worker starts: still every file once.
    assert.deepStrictEqual(readAll(files, BUILT, { counts: (c) => (counts = c) }), expected);
    assert.strictEqual(counts.worker + counts.here, files.length);
  });

  it('waits for the caller when the texts it has read and not handed over pass its limit', function () {
    if (!fs.existsSync(BUILT)) this.skip();
    let counts = { worker: 0, here: 0 };
    // A limit smaller than one file: the worker holds one file until the caller takes it, and the caller reads what
    // nobody has claimed meanwhile itself; nothing waits forever, every file is read once.
    for (const aheadChars of [10, 2000]) {
      assert.deepStrictEqual(readAll(files, BUILT, { aheadChars, settleMs: 500, counts: (c) => (counts = c) }), expected);
      assert.strictEqual(counts.worker + counts.here, files.length);
      assert.ok(counts.worker >= 1, `the worker read ${counts.worker} files`);
    }
  });

  it('cuts batches by the length of their texts and hands each file its own text', function () {
    if (!fs.existsSync(BUILT)) this.skip();
    // Batches of a few files (the texts travel as one string per batch), files that cannot be read among them.
    for (const batchChars of [1, 300, 5000]) {
      let counts = { worker: 0, here: 0 };
      assert.deepStrictEqual(readAll(files, BUILT, { batchChars, settleMs: 500, counts: (c) => (counts = c) }), expected);
      assert.ok(counts.worker > files.length / 2, `the worker read most files (${counts.worker})`);
    }
  });

  it('gives the same results to a caller that must not block (readAsync)', async function () {
    if (!fs.existsSync(BUILT)) this.skip();
    const ahead = startReadAhead(files, BUILT, MAX_BYTES)!;
    const got = [];
    for (let i = 0; i < files.length; i++) got.push(await ahead.readAsync(i));
    ahead.close();
    assert.deepStrictEqual(got, expected);
  });

  it('finds the worker bundle beside a host bundle, and none beside the sources', () => {
    assert.strictEqual(readAheadScript(path.join(path.dirname(BUILT), 'cli.js')), fs.existsSync(BUILT) ? BUILT : undefined);
    assert.strictEqual(readAheadScript(__filename), undefined);
    assert.strictEqual(readAheadScript(undefined), undefined);
  });

  describe('a worker that fails loses nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-read-ahead-workers-'));
    const worker = (name: string, body: string): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `const { workerData } = require('node:worker_threads');\nconst state = new Int32Array(workerData.state);\n${body}\n`);
      return file;
    };

    it('one that throws at once: this thread reads every file', () => {
      assert.deepStrictEqual(readAll(files, worker('throws.js', "throw new Error('no');")), expected);
    });

    it('one that claims files and ends without posting them: they are read here', () => {
      // Claims the first 100 files, says it is done and exits.
      const script = worker('ends.js', 'Atomics.add(state, 0, 100); Atomics.store(state, 3, 1); Atomics.notify(state, 1);');
      let here = 0;
      assert.deepStrictEqual(readAll(files, script, { settleMs: 1000, counts: (c) => (here = c.here) }), expected);
      assert.strictEqual(here, files.length);
    });

    it('one that claims files and hangs: given up once it makes no progress, its files are read here', () => {
      const script = worker('hangs.js', 'Atomics.add(state, 0, 50); Atomics.add(state, 2, 1); const still = new Int32Array(new SharedArrayBuffer(4)); for (;;) Atomics.wait(still, 0, 0);');
      const started = Date.now();
      let here = 0;
      assert.deepStrictEqual(readAll(files, script, { stalledMs: 300, settleMs: 1000, counts: (c) => (here = c.here) }), expected);
      assert.strictEqual(here, files.length);
      // Given up once (after the stall time), not once per file it held.
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    });
  });
});
