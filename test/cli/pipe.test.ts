/** The CLI's output read by a program that stops early (`corpus-lint check . | head`). */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, seedCopy } from './helpers';

describe('cli: output to a reader that stops early', () => {
  it('exits with the run code and no stack trace when the pipe closes', function () {
    this.timeout(60000);
    // Forty copies of the seeds: a JSON report of several hundred kilobytes, far more than a pipe holds.
    const dir = seedCopy();
    for (const f of fs.readdirSync(dir)) {
      for (let i = 0; i < 40; i++) fs.copyFileSync(path.join(dir, f), path.join(dir, `copy${i}-${f}`));
    }
    const whole = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.ok(whole.stdout.length > 200000, `${whole.stdout.length} bytes`);
    const script = `set -o pipefail; "${process.execPath}" "${CLI}" check "${dir}" --format json | head -c 100 > /dev/null`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    assert.strictEqual(r.stderr, '');
    // The code of the run, as when the whole report is read.
    assert.strictEqual(r.status, whole.status);
  });
});
