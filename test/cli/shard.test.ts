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
