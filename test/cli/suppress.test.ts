/** Accepting findings in plain text: the ignore file (line-independent) and the inline markers the editor writes. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globMatcher, ignoreLineFor, parseIgnoreFile } from '../../server/src/core/ignoreFile';
import { corpusOf, readSeeds } from '../helpers/fixture';
import { cli, findingLines, SEED, seedCopy } from './helpers';

describe('suppressions', function () {
  it('.corpus-lint-ignore accepts findings by path glob, rule and flagged text', () => {
    const dir = seedCopy();
    const all = findingLines(cli(['check', '.'], dir).stdout);
    fs.writeFileSync(
      path.join(dir, '.corpus-lint-ignore'),
      [
        '# Accepted findings of this corpus',
        '002_*.txt   duplicate-paragraph',
        '*.txt  name-variant  بوتن',
        '',
        `${SEED.s000}  *  الرئيس الأسد يستقبل يوري بوريسوف`,
      ].join('\n'),
    );
    const r = cli(['check', '.'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const left = findingLines(r.stdout);
    assert.ok(!left.some((l) => l.startsWith(SEED.s002) && l.endsWith('duplicate-paragraph')));
    assert.ok(!left.some((l) => l.includes('«بوتن»')));
    assert.ok(left.some((l) => l.includes('«السوفيتي»')), 'another variant is still reported');
    assert.ok(left.some((l) => l.includes('«الإتحادية»')));
    assert.ok(!left.some((l) => l.includes('يوري بوريسوف')), 'text matched after normalization, whole words');
    assert.ok(left.some((l) => l.startsWith(SEED.s000) && l.endsWith('undated-entry')), 'other entries of 000 still reported');
    assert.strictEqual(all.length - left.length, 20 + 2 + 1, 'the 20 duplicates of 002, its 2 بوتن, one entry of 000');
    // Line-independent: lines inserted above do not matter.
    fs.writeFileSync(path.join(dir, SEED.s002), '\n\nسطر جديد\n' + fs.readFileSync(path.join(dir, SEED.s002), 'utf8'));
    assert.strictEqual(findingLines(cli(['check', '.'], dir).stdout).length, left.length);
  });

  it('a bad line in the ignore file is a usage error with its position', () => {
    const dir = seedCopy({ '.corpus-lint-ignore': '# ok\n*.txt undated-entry\n*.txt no-such-rule\njust-a-path\n' });
    const r = cli(['check', '.'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /\.corpus-lint-ignore:3: unknown rule «no-such-rule»/);
    assert.match(r.stderr, /\.corpus-lint-ignore:4: expected «PATH-GLOB RULE-CODE \[TEXT\]»/);
  });

  it('the inline marker the editor\'s quick fix writes silences that finding in the CLI too', () => {
    const dir = seedCopy();
    const p = path.join(dir, SEED.s002);
    const lines = fs.readFileSync(p, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('بوتن'));
    lines.splice(at, 0, '<!-- corpus-lint-disable-next-line name-variant -->');
    fs.writeFileSync(p, lines.join('\n'));
    const left = findingLines(cli(['check', '.'], dir).stdout);
    const variants = left.filter((l) => l.includes('«بوتن»'));
    assert.strictEqual(variants.length, 1, 'the other بوتن (further down) is still reported');
    assert.ok(variants[0].startsWith(`${SEED.s002}:${at + 8}:`), variants[0]);
    assert.ok(left.some((l) => l.startsWith(SEED.s002) && l.endsWith('duplicate-paragraph')));
  });

  it('ignoreLineFor writes a line that accepts exactly that finding', () => {
    const seeds = readSeeds();
    const corpus = corpusOf(seeds);
    const file = SEED.s000;
    const findings = corpus.findings(file);
    const target = findings.find((f) => f.code === 'undated-entry')!;
    const line = ignoreLineFor(file, corpus.text(file)!, target);
    assert.match(line, /^000_47cabcfadfbade24\.txt {2}undated-entry {2}\S/);
    const { rules, errors } = parseIgnoreFile(line + '\n');
    assert.deepStrictEqual(errors, []);
    const dir = seedCopy({ '.corpus-lint-ignore': line + '\n' });
    const before = findingLines(cli(['check', '.'], seedCopy()).stdout);
    const after = findingLines(cli(['check', '.'], dir).stdout);
    assert.strictEqual(before.length - after.length, 1);
    assert.strictEqual(rules.length, 1);
  });

  it('globs: no slash matches the name in any folder, ** crosses folders, * does not', () => {
    assert.ok(globMatcher('*.txt')('a/b/c.txt'));
    assert.ok(globMatcher('archive/**')('archive/2023/x.txt'));
    assert.ok(!globMatcher('archive/*')('archive/2023/x.txt'));
    assert.ok(globMatcher('archive/')('old/archive/x.txt'));
    assert.ok(!globMatcher('/x.txt')('a/x.txt'));
    assert.ok(globMatcher('**/x.txt')('x.txt'));
    assert.ok(globMatcher('news/00?.txt')('news/002.txt'));
  });
});
