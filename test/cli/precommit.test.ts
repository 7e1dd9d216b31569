/** Pre-commit: staged files checked against the whole corpus (`--context`), the plain git hook, the framework hook. */
import * as assert from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, cli, findingLines, ROOT, SEED, seed, seedCopy } from './helpers';

/** A new article that copies a paragraph of the old 003 (a duplicate only the whole corpus reveals). */
function newArticle(): string {
  const paragraph = seed('003').split('\n').find((l) => l.split(' ').length > 20)!;
  return `عنوان خبر جديد عن زيارة الوفد إلى دمشق اليوم\nتاريخ النشر: الأربعاء، 15 مارس 2023\n${paragraph}\n`;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

describe('pre-commit', function () {
  it('check --context . FILE reports only FILE, judged against the whole corpus', () => {
    const dir = seedCopy({ 'new.txt': newArticle() });
    const alone = cli(['check', 'new.txt'], dir);
    assert.deepStrictEqual(findingLines(alone.stdout), [], 'alone, the copy is not visible');
    const r = cli(['check', '--context', '.', 'new.txt'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const found = findingLines(r.stdout);
    assert.strictEqual(found.length, 1, r.stdout);
    assert.match(found[0], new RegExp(`^new\\.txt:3:1 {2}warning {2}Duplicated paragraph: the same text is at ${SEED.s003}:\\d+ {2}duplicate-paragraph$`));
    assert.match(r.stdout, /^1 file, 1 entry: 0 errors, 1 warning/m);
    assert.strictEqual(cli(['check', '--context', '.', '--max-warnings', '0', 'new.txt'], dir).code, 1);
  });

  it('with --context, named files the config leaves out of the corpus are not checked', () => {
    const dir = seedCopy({ 'corpus-lint.json': '{ "exclude": ["drafts/**"] }', 'drafts/note.txt': newArticle(), 'new.txt': newArticle() });
    const r = cli(['check', '--context', '.', 'drafts/note.txt', 'new.txt'], dir);
    assert.match(r.stderr, /drafts\/note\.txt is not part of the corpus \(config include\/exclude\); not checked/);
    assert.ok(findingLines(r.stdout).every((l) => l.startsWith('new.txt:')));
    assert.match(r.stdout, /^1 file,/m);
  });

  it('the plain git hook checks the staged content against the staged corpus', function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
    const repo = seedCopy({ 'corpus-lint.json': '{ "rules": { "undated-entry": "off" } }' });
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'corpus');
    const hook = path.join(ROOT, 'docs', 'hooks', 'pre-commit');
    // The hook's default cache (the test run turns caches off: test/helpers/hermetic.ts).
    const env = { ...process.env, CORPUS_LINT: `${process.execPath} ${CLI}`, CORPUS_LINT_ARGS: '--max-warnings 0', CORPUS_LINT_CACHE: '' };
    const run = () => spawnSync('sh', [hook], { cwd: repo, encoding: 'utf8', env });

    const nothing = run();
    assert.strictEqual(nothing.status, 0, 'nothing staged: nothing to do');
    assert.strictEqual(nothing.stdout, '');

    fs.writeFileSync(path.join(repo, 'new.txt'), newArticle());
    git(repo, 'add', 'new.txt');
    // The working tree no longer holds the copy, the index does: the hook checks what gets committed.
    fs.writeFileSync(path.join(repo, 'new.txt'), 'عنوان آخر لا علاقة له بشيء\nتاريخ النشر: 15 مارس 2023\nنص قصير.\n');
    const blocked = run();
    assert.notStrictEqual(blocked.status, 0, 'a new duplicate blocks the commit');
    assert.match(blocked.stdout, new RegExp(`^new\\.txt:3:1 {2}warning {2}Duplicated paragraph: the same text is at ${SEED.s003}`, 'm'));
    assert.match(blocked.stdout, /^1 file, 1 entry/m);
    assert.match(blocked.stderr, /1 warnings, more than --max-warnings 0/);
    // The cache lives in the git folder (the staged files are checked in a temporary folder): the next commit reads
    // the unchanged files' analyses back, with the output of a run without it.
    assert.ok(fs.existsSync(path.join(repo, '.git', 'corpus-lint-cache', 'models-v2.bin')));
    const uncached = spawnSync('sh', [hook], { cwd: repo, encoding: 'utf8', env: { ...env, CORPUS_LINT_CACHE: 'off' } });
    for (const again of [run(), uncached]) {
      assert.strictEqual(again.status, blocked.status);
      assert.strictEqual(again.stdout, blocked.stdout);
      assert.strictEqual(again.stderr, blocked.stderr);
    }

    git(repo, 'add', 'new.txt');
    const clean = run();
    assert.strictEqual(clean.status, 0, clean.stdout + clean.stderr);
  });

  it('.pre-commit-hooks.yaml runs `corpus-lint check --context . --cache` on the staged .txt files, serially', () => {
    const text = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    assert.match(text, /^- id: corpus-lint$/m);
    assert.match(text, /^ {2}entry: corpus-lint check$/m);
    assert.match(text, /^ {2}args: \[--context, \., --cache\]$/m);
    assert.match(text, /^ {2}language: node$/m);
    assert.match(text, /^ {2}files: \\\.txt\$$/m);
    assert.match(text, /^ {2}require_serial: true$/m);
    // pre-commit installs the package with npm: the package must carry the built CLI.
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.strictEqual(pkg.bin['corpus-lint'], './dist/cli.js');
    assert.ok(pkg.scripts.prepare, 'npm builds the bundles when it installs from git');
    const npmignore = fs.readFileSync(path.join(ROOT, '.npmignore'), 'utf8');
    assert.match(npmignore, /^!\/dist$/m);
  });
});
