/**
 * File names holding a newline, a tab, a quote or an escape character: the text report keeps one finding per line
 * (paths quoted as git quotes them), and `--fix-dry-run`'s patch headers are quoted so that `git apply` reads them.
 */
import * as assert from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, readTree, seed, tempCorpus } from './helpers';
import { escapeControls, quotePath } from '../../server/src/cli/format/quotePath';

/** Names as they come, and as git prints them. */
const NAMES: [string, string][] = [
  ['new\nline.txt', '"new\\nline.txt"'],
  ['tab\tx.txt', '"tab\\tx.txt"'],
  ['say "hi".txt', '"say \\"hi\\".txt"'],
  ['esc\x1b[31m.txt', '"esc\\033[31m.txt"'],
  ['ملف عربي.txt', 'ملف عربي.txt'],
  ['plain.txt', 'plain.txt'],
];

describe('cli: file names with control characters', function () {
  this.timeout(60000);
  before(function () {
    if (process.platform === 'win32') this.skip();
  });

  it('quotes a path as git does only when it needs it, and escapes control characters in messages', () => {
    for (const [name, quoted] of NAMES) assert.strictEqual(quotePath(name), quoted);
    assert.strictEqual(quotePath('back\\slash.txt'), '"back\\\\slash.txt"');
    assert.strictEqual(escapeControls('at new\nline.txt:1, «قال»'), 'at new\\nline.txt:1, «قال»');
  });

  it('text output: one finding per line, each path quoted; skipped files too', () => {
    const files: Record<string, string | Buffer> = { 'bad\nname.txt': Buffer.from([0x41, 0x00, 0x42]) };
    for (const [name] of NAMES) files[name] = seed('002');
    const dir = tempCorpus(files);
    const r = cli(['check', '.'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n').slice(0, -1);
    const summary = lines.pop()!;
    assert.match(summary, /^6 files, .* \(1 skipped\)$/);
    assert.strictEqual(lines.pop(), '"bad\\nname.txt"  skipped: binary file (contains NUL bytes)');
    // Every other line is a finding or a related location of one: nothing spills over onto a line of its own.
    for (const line of lines) assert.match(line, /^( {4})?("([^"\\]|\\.)*"|[^"\s][^:]*):\d+:\d+ {2}\S/, line);
    for (const [, quoted] of NAMES) assert.ok(lines.some((l) => l.startsWith(`${quoted}:`)), quoted);
    assert.ok(r.stderr.includes('corpus-lint: skipped "bad\\nname.txt": binary file (contains NUL bytes)\n'), r.stderr);
  });

  it('--fix-dry-run: git apply takes the patch, and it is exactly what --fix writes', function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
    // Five copies: a paragraph in six files or more would be boilerplate, with nothing left to fix.
    const files: Record<string, string> = {};
    for (const [name] of NAMES.slice(0, 5)) files[name] = seed('002');
    const dir = tempCorpus(files);
    const patched = tempCorpus(files);
    const dry = cli(['check', '--fix-dry-run', '.'], dir);
    assert.strictEqual(dry.code, 1, dry.stderr);
    for (const [, quoted] of NAMES.slice(0, 5)) {
      const a = quoted.startsWith('"') ? `"a/${quoted.slice(1)}` : `a/${quoted}`;
      assert.ok(dry.stdout.includes(`\n--- ${a}\n`) || dry.stdout.startsWith(`--- ${a}\n`), a);
    }
    fs.writeFileSync(path.join(patched, '..', `${path.basename(patched)}.diff`), dry.stdout);
    execFileSync('git', ['apply', '--whitespace=nowarn', path.join('..', `${path.basename(patched)}.diff`)], { cwd: patched });
    assert.strictEqual(cli(['check', '--fix', '.'], dir).code, 0);
    assert.deepStrictEqual(readTree(patched), readTree(dir));
  });
});
