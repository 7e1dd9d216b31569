/** Settings files that are not regular files: a named pipe or a device in place of the config, the ignore file, the baseline or the registry. */
import * as assert from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, seedCopy } from './helpers';

describe('cli: a pipe or a device in place of a settings file', function () {
  this.timeout(60000);
  before(function () {
    if (process.platform === 'win32') this.skip();
  });

  const cases: { name: string; file: string; config?: object; command: string[] }[] = [
    { name: 'the config', file: 'corpus-lint.json', command: ['check', '.'] },
    { name: 'the ignore file', file: '.corpus-lint-ignore', command: ['check', '.'] },
    { name: 'the baseline', file: 'bl.json', config: { baseline: 'bl.json' }, command: ['check', '.'] },
    { name: 'the registry', file: 'reg.json', config: { registry: 'reg.json' }, command: ['entities', '.'] },
  ];
  for (const c of cases) {
    for (const kind of ['pipe', 'device'] as const) {
      it(`${c.name} as a ${kind}: a clear error (exit 2), no hang`, () => {
        const dir = seedCopy(c.config ? { 'corpus-lint.json': JSON.stringify(c.config) } : {});
        const target = path.join(dir, c.file);
        if (kind === 'pipe') execFileSync('mkfifo', [target]);
        else fs.symlinkSync('/dev/zero', target);
        // A hang is killed (SIGTERM, status null) rather than left running.
        const r = spawnSync(process.execPath, [CLI, ...c.command], { cwd: dir, encoding: 'utf8', timeout: 20000 });
        assert.strictEqual(r.status, 2, r.stderr + r.stdout);
        assert.match(r.stderr, new RegExp(`${c.file.replace('.', '\\.')}.*not a regular file`));
      });
    }
  }
});

describe('cli: baseline --output through a link, into a device or a folder', function () {
  this.timeout(60000);
  before(function () {
    if (process.platform === 'win32') this.skip();
  });

  it('writes through a symbolic link, keeping it, and into a device without replacing it', () => {
    const dir = seedCopy();
    fs.mkdirSync(path.join(dir, 'store'));
    fs.symlinkSync(path.join('store', 'baseline.json'), path.join(dir, 'linked.json'));
    const r = spawnSync(process.execPath, [CLI, 'baseline', '.', '--output', 'linked.json'], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'linked.json')).isSymbolicLink(), 'the link is still a link');
    assert.match(fs.readFileSync(path.join(dir, 'store', 'baseline.json'), 'utf8'), /undated-entry/);
    // A link to the null device: the device takes the baseline and stays a device.
    fs.symlinkSync('/dev/null', path.join(dir, 'discard.json'));
    const d = spawnSync(process.execPath, [CLI, 'baseline', '.', '--output', 'discard.json'], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(d.status, 0, d.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'discard.json')).isSymbolicLink());
    assert.ok(fs.statSync('/dev/null').isCharacterDevice());
  });

  it('says a folder is no place for it (exit 2)', () => {
    const dir = seedCopy();
    const r = spawnSync(process.execPath, [CLI, 'baseline', '.', '--output', '.'], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /cannot write .*a folder/);
  });
});


describe('cli: an empty argument, an output that cannot be written', () => {
  it('an empty path or option value is a usage error, not the current folder (an unset shell variable)', () => {
    const dir = seedCopy();
    for (const args of [['check', ''], ['check', '--fix', ''], ['check', '.', '--config', '']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(r.status, 2, args.join(' '));
      assert.match(r.stderr, /is empty/);
    }
  });

  it('a full disk for the output exits 2 with one line', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check . > /dev/full`], { cwd: seedCopy(), encoding: 'utf8' });
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stderr, 'corpus-lint: cannot write the output: ENOSPC\n');
  });
});

describe('cli: a shard folder that is a file', () => {
  it('is a one-line error (exit 2), not an internal error', () => {
    const dir = seedCopy({ 'not-a-folder': 'x' });
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--shard', '1/2', '--shard-dir', 'not-a-folder'], { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /^corpus-lint: cannot write the shard into not-a-folder: E[A-Z]+\n$/);
  });
});

