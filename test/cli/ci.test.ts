/** The documented GitHub Actions workflow: its corpus-lint steps run as written, and the gate gates. */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, cli, ROOT, seedCopy, tempDir } from './helpers';

const WORKFLOW = path.join(ROOT, 'docs', 'ci', 'github-actions.yml');

/** The `run:` commands of the workflow that call corpus-lint (the install step is left out). */
function corpusLintSteps(): string[] {
  return fs
    .readFileSync(WORKFLOW, 'utf8')
    .split('\n')
    .map((l) => /^\s+run: (corpus-lint .*)$/.exec(l)?.[1])
    .filter((l): l is string => !!l);
}

describe('GitHub Actions workflow (docs/ci/github-actions.yml)', function () {
  let bin: string;

  before(() => {
    // `corpus-lint` on PATH, as `npm install --global` provides it.
    bin = tempDir('corpus-lint-bin-');
    fs.writeFileSync(path.join(bin, 'corpus-lint'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  });

  const run = (command: string, cwd: string) =>
    spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });

  it('uploads SARIF, keeps the HTML report, and gates on --max-warnings', () => {
    const steps = corpusLintSteps();
    assert.deepStrictEqual(
      steps.map((s) => s.split(' ').slice(0, 2).join(' ')),
      ['corpus-lint check', 'corpus-lint report', 'corpus-lint check'],
    );
    const dir = seedCopy();
    const [sarif, report, gate] = steps.map((s) => run(s, dir));
    assert.strictEqual(sarif.status, 0, sarif.stderr);
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'corpus-lint.sarif'), 'utf8')).version, '2.1.0');
    assert.strictEqual(report.status, 0, report.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'corpus-lint-report.html')));
    assert.strictEqual(gate.status, 1, 'the seeds have warnings: the gate fails the job');
    assert.match(gate.stdout, /^::warning file=002_59ed37bba01cb0ba\.txt,line=2,/m);
    assert.match(gate.stderr, /37 warnings, more than --max-warnings 0/);
  });

  it('with a committed baseline, only new findings fail the job', () => {
    const dir = seedCopy({ 'corpus-lint.json': '{ "baseline": "corpus-lint-baseline.json" }' });
    assert.strictEqual(cli(['baseline'], dir).code, 0);
    const gate = corpusLintSteps()[2];
    assert.strictEqual(run(gate, dir).status, 0);
    const p = path.join(dir, '004_4843e7fa21632428.txt');
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('بوتين', 'بوتن'));
    const r = run(gate, dir);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stdout.trim().split('\n').length, 1, r.stdout);
    assert.match(r.stdout, /^::warning file=004_4843e7fa21632428\.txt,line=\d+,.*title=name-variant::«بوتن» is a variant spelling/m);
  });
});
