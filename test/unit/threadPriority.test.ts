/**
 * The main thread first (server/src/node/threadPriority.ts): in a fresh process, the threads other than the main one
 * (V8's helpers) and a worker that yields are made 10 nicer than the main thread (which keeps its own, also when the
 * process was started nicer); CORPUS_LINT_HELPER_NICE=0 leaves every thread as it was. Linux only (elsewhere the
 * functions do nothing).
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';

const MODULE = path.resolve(__dirname, '../../server/src/node/threadPriority.ts');

/** Runs the probe in a child process (so that this one's threads are left alone); its report as JSON. */
function probe(env: Record<string, string> = {}, mainNice?: number): { changed: number; main: number; before: number[]; after: number[]; worker: number; yielded: boolean } {
  const script = `
    const fs = require('node:fs');
    const os = require('node:os');
    const { Worker } = require('node:worker_threads');
    const m = require(${JSON.stringify(MODULE)});
    ${mainNice === undefined ? '' : `os.setPriority(process.pid, ${mainNice});`}
    const others = () => fs.readdirSync('/proc/self/task').map(Number).filter((t) => t !== process.pid);
    const listed = others();
    const before = listed.map((t) => os.getPriority(t));
    const changed = m.preferMainThread();
    const after = listed.map((t) => { try { return os.getPriority(t); } catch { return -1; } });
    const w = new Worker(
      'const m = require(' + JSON.stringify(${JSON.stringify(MODULE)}) + ');' +
      'const { parentPort } = require("node:worker_threads");' +
      'const yielded = m.yieldToMainThread();' +
      'const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());' +
      'parentPort.postMessage({ yielded, nice: require("node:os").getPriority(tid) });',
      { eval: true },
    );
    w.once('message', (r) => {
      process.stdout.write(JSON.stringify({ changed, main: os.getPriority(process.pid), before, after, worker: r.nice, yielded: r.yielded }));
      w.terminate();
    });
  `;
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('the main thread first (helper threads yield to it)', function () {
  this.timeout(60000);
  before(function () {
    // Only where the nice value is per thread, and when threads may still be made nicer than this process.
    if (process.platform !== 'linux' || os.getPriority() >= 9) this.skip();
  });

  it("makes V8's helper threads and a yielding worker 10 nicer than the main thread, which stays as it was", () => {
    const base = os.getPriority();
    const r = probe();
    assert.ok(r.before.length > 0, 'the engine has helper threads');
    assert.ok(r.changed > 0, 'some were changed');
    assert.strictEqual(r.main, base);
    for (const [i, nice] of r.after.entries()) if (nice !== -1) assert.strictEqual(nice, Math.max(base + 10, r.before[i]), `thread ${i}`);
    assert.ok(r.yielded);
    assert.strictEqual(r.worker, base + 10);
  });

  it('counts from the main thread\'s own nice value (a process started with nice), up to 19', () => {
    const base = os.getPriority();
    const r = probe({}, base + 5);
    assert.strictEqual(r.main, base + 5);
    assert.strictEqual(r.worker, Math.min(19, base + 15));
    for (const nice of r.after) if (nice !== -1) assert.ok(nice >= Math.min(19, base + 15), `${nice}`);
  });

  it('does nothing with CORPUS_LINT_HELPER_NICE=0', () => {
    const r = probe({ CORPUS_LINT_HELPER_NICE: '0' });
    assert.strictEqual(r.changed, 0);
    assert.deepStrictEqual(r.after, r.before);
    assert.strictEqual(r.yielded, false);
    assert.strictEqual(r.worker, r.main);
  });

  it('takes another nice value from CORPUS_LINT_HELPER_NICE, and ignores one out of range', () => {
    const base = os.getPriority();
    assert.strictEqual(probe({ CORPUS_LINT_HELPER_NICE: '15' }).worker, Math.min(19, base + 15));
    assert.strictEqual(probe({ CORPUS_LINT_HELPER_NICE: '99' }).worker, base + 10);
  });
});
