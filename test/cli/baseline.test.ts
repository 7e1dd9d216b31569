/** `corpus-lint baseline` and `check --baseline`: line-independent fingerprints, new findings only, fixed ones counted. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyBaseline, baselineEntries, fingerprintFindings, indexBaseline, parseBaseline } from '../../server/src/core/baseline';
import { cli, findingLines, SEED, seed, seedCopy } from './helpers';
import { corpusOf, readSeeds } from '../helpers/fixture';

function edit(dir: string, file: string, change: (text: string) => string): void {
  const p = path.join(dir, file);
  fs.writeFileSync(p, change(fs.readFileSync(p, 'utf8')));
}

describe('baseline', function () {
  it('records every finding; check --baseline then reports none and says so', () => {
    const dir = seedCopy();
    const b = cli(['baseline'], dir);
    assert.strictEqual(b.code, 0, b.stderr);
    assert.match(b.stdout, /^Baseline corpus-lint-baseline\.json: 41 findings in 3 files\.$/m);
    assert.match(b.stdout, /add "baseline": "corpus-lint-baseline\.json" to the config file/);
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'corpus-lint-baseline.json'), 'utf8'));
    assert.strictEqual(file.version, 1);
    assert.strictEqual(file.findings.length, 41);
    assert.deepStrictEqual(Object.keys(file.findings[0]), ['file', 'code', 'fingerprint', 'excerpt']);
    assert.ok(!JSON.stringify(file).includes('"line"'), 'no line numbers in a baseline');

    const r = cli(['check', '--baseline', 'corpus-lint-baseline.json', '.'], dir);
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(findingLines(r.stdout), []);
    assert.match(r.stdout, /^5 files, 15 entries: 0 errors, 0 warnings, 0 information, 0 hints$/m);
    assert.strictEqual(r.stderr, 'corpus-lint: baseline corpus-lint-baseline.json: 41 known findings not shown, 0 fixed since it was recorded\n');
  });

  it('survives inserted lines: baselined findings stay hidden when everything moves down', () => {
    const dir = seedCopy();
    cli(['baseline'], dir);
    edit(dir, SEED.s000, (t) => 'سطر جديد أضيف في أول الملف\n\n' + t.replace(/\n/, '\nسطر آخر أضيف بعد العنوان\n'));
    edit(dir, SEED.s002, (t) => '\n\n\n' + t);
    const moved = cli(['check', '.', '--format', 'json'], dir);
    const lines = JSON.parse(moved.stdout).files.flatMap((f: { diagnostics: { range: { start: { line: number } } }[] }) => f.diagnostics);
    assert.ok(lines.length >= 41, 'the findings are still there without a baseline');
    const r = cli(['check', '--baseline', 'corpus-lint-baseline.json', '.'], dir);
    assert.deepStrictEqual(findingLines(r.stdout), []);
    assert.match(r.stderr, /41 known findings not shown, 0 fixed/);
  });

  it('reports only new findings, and counts the baselined ones that are fixed', () => {
    const dir = seedCopy();
    cli(['baseline'], dir);
    // New: a paragraph of 003 copied into 004 (both copies are new findings). Fixed: السوفيتي corrected in 000.
    const paragraph = seed('003').split('\n').find((l) => l.split(' ').length > 20)!;
    edit(dir, SEED.s004, (t) => t + '\n' + paragraph + '\n');
    edit(dir, SEED.s000, (t) => t.replace('السوفيتي', 'السوفييتي'));
    const r = cli(['check', '--baseline', 'corpus-lint-baseline.json', '.'], dir);
    const found = findingLines(r.stdout);
    assert.strictEqual(found.length, 2, r.stdout);
    assert.ok(found.every((l) => /duplicate-paragraph$/.test(l)));
    assert.ok(found.some((l) => l.startsWith(SEED.s003)) && found.some((l) => l.startsWith(SEED.s004)));
    assert.match(r.stderr, /40 known findings not shown/);
    assert.match(r.stderr, /1 fixed since it was recorded \(run `corpus-lint baseline` to drop them from the file\)/);
    // Gates on new findings only.
    assert.strictEqual(cli(['check', '--baseline', 'corpus-lint-baseline.json', '--max-warnings', '1', '.'], dir).code, 1);
    assert.strictEqual(cli(['check', '--baseline', 'corpus-lint-baseline.json', '--max-warnings', '2', '.'], dir).code, 0);
  });

  it('a deleted file counts as fixed; a file not checked in this run does not', () => {
    const dir = seedCopy();
    cli(['baseline'], dir);
    // One file checked against the whole corpus (as the pre-commit hook does): its findings are the same.
    const only001 = cli(['check', '--baseline', 'corpus-lint-baseline.json', '--context', '.', SEED.s001], dir);
    assert.match(only001.stderr, /3 known findings not shown, 0 fixed since/);
    fs.rmSync(path.join(dir, SEED.s000));
    const r = cli(['check', '--baseline', 'corpus-lint-baseline.json', '.'], dir);
    // 000 held 12 baselined findings; removing it also ends the duplicate group 001 shared with it.
    assert.match(r.stderr, /fixed since it was recorded/);
    const fixed = Number(/(\d+) fixed since/.exec(r.stderr)![1]);
    assert.ok(fixed >= 12, r.stderr);
  });

  it('the config\'s "baseline" is used by check (and the editor); --no-baseline shows everything', () => {
    const dir = seedCopy({ 'corpus-lint.json': '{ "baseline": "lint/baseline.json" }' });
    const b = cli(['baseline'], dir);
    assert.strictEqual(b.code, 0, b.stderr);
    assert.match(b.stdout, /^Baseline lint\/baseline\.json: 41 findings/m);
    assert.doesNotMatch(b.stdout, /Use it with/);
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'lint/baseline.json'), 'utf8')).findings[0].file.startsWith('../'), true, 'paths relative to the baseline file');
    const r = cli(['check', '.'], dir);
    assert.deepStrictEqual(findingLines(r.stdout), []);
    assert.match(r.stderr, /baseline lint\/baseline\.json: 41 known findings not shown/);
    assert.strictEqual(findingLines(cli(['check', '--no-baseline', '.'], dir).stdout).length, 41);
  });

  it('refreshing one folder keeps the entries of the others', () => {
    const dir = seedCopy();
    fs.mkdirSync(path.join(dir, 'old'));
    for (const f of [SEED.s000, SEED.s001]) fs.renameSync(path.join(dir, f), path.join(dir, 'old', f));
    cli(['baseline'], dir);
    const all = JSON.parse(fs.readFileSync(path.join(dir, 'corpus-lint-baseline.json'), 'utf8')).findings.length;
    const r = cli(['baseline', '--output', 'corpus-lint-baseline.json', '--context', '.', SEED.s002], dir);
    assert.match(r.stdout, /kept from files not checked now/);
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'corpus-lint-baseline.json'), 'utf8')).findings.length, all);
  });

  it('a missing or broken baseline is a usage error (exit 2)', () => {
    const dir = seedCopy({ 'broken.json': '{ "version": 1, "findings": [ {"file": 3} ] }' });
    const missing = cli(['check', '--baseline', 'nope.json', '.'], dir);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: baseline file not found/);
    const broken = cli(['check', '--baseline', 'broken.json', '.'], dir);
    assert.strictEqual(broken.code, 2);
    assert.match(broken.stderr, /invalid baseline: findings\[0\] needs "file", "code" and "fingerprint" strings/);
  });

  it('SARIF partial fingerprints are the baseline fingerprints: line-independent, unchanged by accepting others', () => {
    const dir = seedCopy();
    cli(['baseline'], dir);
    const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'corpus-lint-baseline.json'), 'utf8')).findings.map((e: { fingerprint: string }) => e.fingerprint);
    type SarifResult = { partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] };
    const sarif = () => JSON.parse(cli(['check', '.', '--format', 'sarif'], dir).stdout).runs[0].results as SarifResult[];
    const before = sarif();
    assert.strictEqual(before.length, 41);
    assert.ok(before.every((r) => Object.keys(r.partialFingerprints).join() === 'corpusLint/v2'));
    const prints = before.map((r) => r.partialFingerprints['corpusLint/v2']);
    assert.deepStrictEqual([...prints].sort(), [...recorded].sort(), 'run at the corpus root: the same fingerprints as the baseline');
    // Lines inserted above: every location moves, no fingerprint changes.
    edit(dir, SEED.s000, (t) => 'سطر جديد أضيف في أول الملف\n\n' + t);
    edit(dir, SEED.s002, (t) => '\n\n\n' + t);
    const moved = sarif();
    assert.deepStrictEqual(moved.map((r) => r.partialFingerprints['corpusLint/v2']).sort(), [...prints].sort());
    assert.notDeepStrictEqual(moved.map((r) => r.locations[0].physicalLocation.region.startLine), before.map((r) => r.locations[0].physicalLocation.region.startLine));
    // Accepting some findings of 002 in the ignore file leaves the fingerprints of the others as they were.
    fs.writeFileSync(path.join(dir, '.corpus-lint-ignore'), `${SEED.s002}  duplicate-paragraph\n`);
    const fewer = sarif().map((r) => r.partialFingerprints['corpusLint/v2']);
    assert.strictEqual(fewer.length, 21);
    assert.ok(fewer.every((p) => prints.includes(p)));
  });

  it('core: fingerprints depend on code, file, flagged text and occurrence, not on positions', () => {
    const seeds = readSeeds();
    const corpus = corpusOf(seeds);
    const file = seeds[2].file;
    const findings = corpus.findings(file);
    const prints = fingerprintFindings(file, corpus.text(file)!, findings);
    assert.strictEqual(new Set(prints).size, prints.length, 'unique within a file');
    const shifted = corpusOf(seeds.map((s) => (s.file === file ? { file, text: 'سطر\n\n' + s.text } : s)));
    assert.deepStrictEqual(fingerprintFindings(file, shifted.text(file)!, shifted.findings(file)), prints);
    assert.notDeepStrictEqual(fingerprintFindings('other.txt', corpus.text(file)!, findings), prints);
    const baseline = parseBaseline(JSON.stringify({ version: 1, findings: baselineEntries(file, corpus.text(file)!, findings) })).baseline!;
    const split = applyBaseline(indexBaseline(baseline), file, shifted.text(file)!, shifted.findings(file));
    assert.strictEqual(split.fresh.length, 0);
    assert.strictEqual(split.baselined.length, findings.length);
  });
});
