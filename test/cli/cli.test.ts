/** Spawns the built CLI (`dist/cli.js`) and checks exit codes, stdout and stderr of every format. */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { matchSnapshot, SEEDS_DIR } from '../helpers/fixture';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function tempCorpus(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const seeds = path.relative(ROOT, SEEDS_DIR);

describe('cli', function () {
  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('build first: node esbuild.js');
  });

  it('text format on the seeds: exit 0 (warnings only), snapshot', () => {
    const r = cli(['check', seeds]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stderr, '');
    matchSnapshot('cli-seeds-text.txt', r.stdout);
    assert.match(r.stdout, /^5 files, 15 entries: 0 errors, 37 warnings, 4 information, 0 hints$/m);
  });

  it('json format has the documented shape', () => {
    const r = cli(['check', seeds, '--format', 'json']);
    assert.strictEqual(r.code, 0);
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.version, 1);
    assert.strictEqual(j.files.length, 5);
    const f003 = j.files.find((f: { path: string }) => f.path.endsWith('003_9f36dc66b4847675.txt'));
    assert.strictEqual(f003.path, `${seeds}/003_9f36dc66b4847675.txt`);
    assert.deepStrictEqual(Object.keys(f003.entries[0]), ['range', 'title', 'date', 'dateText']);
    assert.strictEqual(f003.entries[0].date, '2023-03-15');
    const f002 = j.files.find((f: { path: string }) => f.path.endsWith('002_59ed37bba01cb0ba.txt'));
    const d = f002.diagnostics.find((x: { code: string }) => x.code === 'duplicate-paragraph');
    assert.deepStrictEqual(Object.keys(d), ['code', 'severity', 'message', 'range', 'related']);
    assert.deepStrictEqual(Object.keys(d.range), ['start', 'end']);
    assert.deepStrictEqual(Object.keys(d.related[0]), ['path', 'range', 'message']);
    assert.ok(d.related[0].path.startsWith(seeds + '/'));
    assert.strictEqual(j.summary.files, 5);
  });

  it('sarif format is SARIF 2.1.0 with rules, help and related locations', () => {
    const r = cli(['check', seeds, '--format', 'sarif']);
    const s = JSON.parse(r.stdout);
    assert.strictEqual(s.version, '2.1.0');
    const run = s.runs[0];
    assert.strictEqual(run.tool.driver.name, 'corpus-lint');
    assert.ok(run.tool.driver.rules.every((x: { help: { text: string }; helpUri: string }) => x.help.text && x.helpUri));
    const dup = run.results.find((x: { ruleId: string }) => x.ruleId === 'duplicate-paragraph');
    assert.ok(dup.relatedLocations.length >= 1);
    assert.ok(dup.locations[0].physicalLocation.region.startLine >= 1);
    assert.strictEqual(run.results.length, 41);
  });

  it('--version prints the package version, which SARIF reports too', () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    const r = cli(['--version']);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.stdout, version + '\n');
    assert.notStrictEqual(version, '0.0.0-dev');
    assert.strictEqual(JSON.parse(cli(['check', seeds, '--format', 'sarif']).stdout).runs[0].tool.driver.version, version);
  });

  it('github format prints workflow annotations', () => {
    const r = cli(['check', seeds, '--format', 'github']);
    const lines = r.stdout.trim().split('\n');
    assert.strictEqual(lines.length, 41);
    assert.match(lines.find((l) => l.includes('title=duplicate-paragraph') && l.includes('002_'))!, /^::warning file=.*002_59ed37bba01cb0ba\.txt,line=2,col=1,.*::Duplicated paragraph/);
    assert.ok(lines.some((l) => l.startsWith('::notice ')));
  });

  it('--max-warnings and --quiet', () => {
    assert.strictEqual(cli(['check', seeds, '--max-warnings', '37']).code, 0);
    const over = cli(['check', seeds, '--max-warnings', '10']);
    assert.strictEqual(over.code, 1);
    assert.match(over.stderr, /37 warnings, more than --max-warnings 10/);
    const quiet = cli(['check', seeds, '--quiet']);
    assert.strictEqual(quiet.code, 0);
    assert.match(quiet.stdout, /^5 files, 15 entries: 0 errors, 0 warnings/m);
  });

  it('exit 1 when a rule is configured as error; config found by walking up', () => {
    const dir = tempCorpus({
      'corpus-lint.json': '// comments are allowed\n{ "rules": { "duplicate-paragraph": "error", "undated-entry": "off" } }',
      'sub/a.txt': fs.readFileSync(path.join(SEEDS_DIR, '002_59ed37bba01cb0ba.txt')),
    });
    const r = cli(['check', path.join(dir, 'sub')]);
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /error {2}Duplicated paragraph/);
    assert.doesNotMatch(r.stdout, /undated-entry/);
  });

  it('exit 2 with a clear message: usage error, missing path, invalid config', () => {
    const usage = cli(['check', '--format', 'xml']);
    assert.strictEqual(usage.code, 2);
    assert.match(usage.stderr, /Unknown format «xml»/);
    const missing = cli(['check', 'no/such/folder']);
    assert.strictEqual(missing.code, 2);
    assert.strictEqual(missing.stderr, 'corpus-lint: No such file or folder: no/such/folder\n');
    const dir = tempCorpus({ 'corpus-lint.json': '{ "rules": { "duplicate-paragraph": "loud" }, "colour": 1 }', 'a.txt': 'نص' });
    const bad = cli(['check', dir]);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /Invalid config .*corpus-lint\.json/);
    assert.match(bad.stderr, /corpus-lint\.json:1:\d+ {2}\/rules\/duplicate-paragraph must be equal to one of the allowed values/);
    assert.match(bad.stderr, /must NOT have additional properties: «colour»/);
    assert.doesNotMatch(bad.stderr, /at .*\.js:\d+/, 'no stack trace');
    const broken = tempCorpus({ '.corpus-lint.json': '{ "rules": ', 'a.txt': 'نص' });
    const syntax = cli(['check', broken]);
    assert.strictEqual(syntax.code, 2);
    assert.match(syntax.stderr, /JSON syntax error/);
    // Globs stay inside the config's folder: `--fix` would otherwise rewrite another corpus' files or the system's.
    const escaping = tempCorpus({ 'corpus-lint.json': '{ "include": ["../other/*.txt", "/etc/host*"], "exclude": ["sub/../../x"] }', 'a.txt': 'نص' });
    const outside = cli(['check', escaping]);
    assert.strictEqual(outside.code, 2);
    assert.strictEqual((outside.stderr.match(/leaves the config's folder/g) ?? []).length, 3);
  });

  it('skips binary and invalid UTF-8 files with a note, losing nothing else', () => {
    const dir = tempCorpus({
      'good.txt': 'عنوان خبر جيد هنا\n\nنص الخبر.\n',
      'binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]),
      'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    });
    const r = cli(['check', dir]);
    assert.strictEqual(r.code, 0);
    assert.match(r.stderr, /skipped .*binary\.txt: binary file/);
    assert.match(r.stderr, /skipped .*latin1\.txt: invalid UTF-8 at byte 3/);
    assert.match(r.stdout, /good\.txt:1:1 {2}warning {2}Entry has no date/);
    assert.match(r.stdout, /1 file, 1 entry: .*\(2 skipped\)/);
  });

  it('explain CODE prints the rule documentation; unknown codes are usage errors', () => {
    const r = cli(['explain', 'name-variant']);
    assert.strictEqual(r.code, 0);
    assert.match(r.stdout, /^name-variant \(default severity: warning\)/);
    assert.match(r.stdout, /Example:/);
    assert.match(r.stdout, /Configure:/);
    assert.strictEqual(cli(['explain', 'nope']).code, 2);
  });
});
