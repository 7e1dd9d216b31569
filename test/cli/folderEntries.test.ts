/**
 * What a corpus folder holds besides regular files and folders: symbolic links (not followed), named pipes, devices
 * and folders that cannot be listed are each reported as skipped with a reason, never dropped in silence.
 */
import * as assert from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, SEED, seed, seedCopy, tempCorpus } from './helpers';
import { unprivileged } from '../helpers/unprivileged';

/** A seed copy with a link to a file, to a folder and to nothing, a pipe, a link to a device, and excluded ones. */
function oddCorpus(): string {
  const dir = seedCopy({ 'corpus-lint.json': JSON.stringify({ exclude: ['drafts/**'] }), 'drafts/kept.txt': seed('003') });
  const elsewhere = tempCorpus({ 'outside.txt': seed('004') });
  fs.symlinkSync(SEED.s003, path.join(dir, 'link.txt'));
  fs.symlinkSync(elsewhere, path.join(dir, 'linked-folder'));
  fs.symlinkSync('missing.txt', path.join(dir, 'dangling.txt'));
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  // Not matched by the globs (a note, an excluded folder): nothing to report.
  fs.symlinkSync('/dev/zero', path.join(dir, 'notes.md'));
  execFileSync('mkfifo', [path.join(dir, 'drafts', 'pipe.txt')]);
  return dir;
}

const EXPECTED = [
  { path: 'dangling.txt', reason: 'symbolic link to a missing target, not followed' },
  { path: 'link.txt', reason: 'symbolic link, not followed' },
  { path: 'linked-folder', reason: 'symbolic link to a folder, not followed' },
  { path: 'pipe.txt', reason: 'not a regular file: a named pipe (FIFO)' },
  { path: 'zero.txt', reason: 'symbolic link, not followed' },
];

describe('cli: links, pipes and unlistable folders inside a corpus folder', function () {
  this.timeout(60000);
  before(function () {
    if (process.platform === 'win32') this.skip();
  });

  it('reports each as skipped with its reason in JSON, text and SARIF, and checks the rest (no hang)', () => {
    const dir = oddCorpus();
    const run = (...extra: string[]) => spawnSync(process.execPath, [CLI, 'check', '.', ...extra], { cwd: dir, encoding: 'utf8', timeout: 20000 });
    const json = run('--format', 'json');
    assert.strictEqual(json.status, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    assert.deepStrictEqual(report.summary.skipped, EXPECTED);
    assert.strictEqual(report.files.length, 5);
    for (const s of EXPECTED) assert.ok(json.stderr.includes(`corpus-lint: skipped ${s.path}: ${s.reason}\n`), json.stderr);

    const text = run();
    for (const s of EXPECTED) assert.ok(text.stdout.includes(`${s.path}  skipped: ${s.reason}\n`), text.stdout);
    assert.match(text.stdout, /^5 files, .* \(5 skipped\)$/m);

    const sarif = JSON.parse(run('--format', 'sarif').stdout);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    assert.deepStrictEqual(
      notes.map((n: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
        n.locations[0].physicalLocation.artifactLocation.uri,
        n.message.text,
      ]),
      EXPECTED.map((s) => [s.path, `skipped: ${s.reason}`]),
    );
  });

  it('baseline and context runs report them too; a link named on the command line is followed', () => {
    const dir = oddCorpus();
    const baseline = spawnSync(process.execPath, [CLI, 'baseline', '.'], { cwd: dir, encoding: 'utf8', timeout: 20000 });
    assert.strictEqual(baseline.status, 0, baseline.stderr);
    assert.match(baseline.stderr, /skipped pipe\.txt: not a regular file: a named pipe \(FIFO\)/);
    const named = spawnSync(process.execPath, [CLI, 'check', '--context', '.', 'link.txt', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 20000 });
    const report = JSON.parse(named.stdout);
    assert.deepStrictEqual(report.files.map((f: { path: string }) => f.path), ['link.txt']);
    // The context's walk met link.txt as a link, but it is named: read through, not reported as skipped.
    assert.deepStrictEqual(report.summary.skipped, EXPECTED.filter((s) => s.path !== 'link.txt'));
  });

  it('a folder that cannot be listed is skipped with a note; naming it, or a file in it, is a clear error (exit 2)', function () {
    const dir = seedCopy();
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.writeFileSync(path.join(dir, 'locked', 'inside.txt'), seed('003'));
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    const asUser = unprivileged(dir);
    if (!asUser) this.skip();
    const run = (...args: string[]) => spawnSync(asUser[0], [...asUser.slice(1), process.execPath, CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 20000 });
    const all = run('check', '.', '--format', 'json');
    assert.strictEqual(all.status, 0, all.stderr);
    assert.deepStrictEqual(JSON.parse(all.stdout).summary.skipped, [{ path: 'locked', reason: 'folder cannot be listed: permission denied (EACCES)' }]);
    const folder = run('check', 'locked');
    assert.strictEqual(folder.status, 2);
    assert.strictEqual(folder.stderr, 'corpus-lint: locked: folder cannot be listed: permission denied (EACCES)\n');
    const file = run('check', 'locked/inside.txt');
    assert.strictEqual(file.status, 2);
    assert.strictEqual(file.stderr, 'corpus-lint: locked/inside.txt: cannot be accessed: permission denied (EACCES)\n');
  });
});
