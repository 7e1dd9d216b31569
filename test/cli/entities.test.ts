/** Spawns the built CLI: `corpus-lint entities` (JSON and text) and `corpus-lint registry init`. */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SEEDS_DIR } from '../helpers/fixture';
import { CLI, cli, ROOT, seedCopy } from './helpers';

const seeds = path.relative(ROOT, SEEDS_DIR);

describe('cli entities', function () {
  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('build first: node esbuild.js');
  });

  it('prints the documented JSON shape on the seeds', () => {
    const r = cli(['entities', seeds, '--format', 'json']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.stderr, '');
    const j = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(j), ['version', 'people', 'places', 'events']);
    assert.strictEqual(j.version, 1);
    const putin = j.people.find((p: { name: string }) => p.name === 'فلاديمير بوتين');
    assert.deepStrictEqual(Object.keys(putin), ['id', 'name', 'variants', 'roles', 'mentions']);
    assert.deepStrictEqual(Object.keys(putin.variants[0]), ['spelling', 'count']);
    assert.deepStrictEqual(Object.keys(putin.mentions[0]), ['path', 'range']);
    assert.deepStrictEqual(Object.keys(putin.mentions[0].range), ['start', 'end']);
    assert.strictEqual(putin.mentions.length, 46);
    assert.strictEqual(new Set(putin.mentions.map((m: { path: string }) => m.path)).size, 5);
    assert.ok(putin.mentions[0].path.startsWith(seeds + '/'));
    assert.deepStrictEqual(Object.keys(j.places[0]), ['id', 'name', 'variants', 'roles', 'mentions']);
    const summit = j.events.find((e: { type: string }) => e.type === 'summit');
    assert.deepStrictEqual(Object.keys(summit), ['id', 'type', 'title', 'date', 'place', 'participants', 'reports']);
    assert.strictEqual(summit.reports.length, 2);
    assert.ok(summit.participants.includes(putin.id));
    assert.deepStrictEqual(Object.keys(summit.reports[0]), ['path', 'range']);
    const kremlin = j.events.find((e: { date: string | null }) => e.date === '2023-03-15');
    assert.strictEqual(kremlin.place, 'الكرملين');
    // Positions are the ones `check` uses: the range covers the name in the file.
    const m = putin.mentions[0];
    const line = fs.readFileSync(path.join(ROOT, m.path), 'utf8').split('\n')[m.range.start.line];
    assert.match(line.slice(m.range.start.character, m.range.end.character), /بوتين|بوتن/);
  });

  it('prints a readable summary sorted by mentions', () => {
    const r = cli(['entities', seeds]);
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^People \(\d+\)$/);
    assert.match(lines[1], /^ {2}بشار الأسد {2}47 mentions in 3 files {2}\[person:بشار_الأسد\]$/);
    assert.ok(r.stdout.includes('  فلاديمير بوتين  46 mentions in 5 files'));
    assert.ok(r.stdout.includes('spellings: بوتين 26, فلاديمير بوتين 18, فلاديمير بوتن 2'));
    assert.match(r.stdout, /^Places \(\d+\)$/m);
    assert.match(r.stdout, /^ {2}2023-03-15 {2}meeting in الكرملين: /m);
    assert.match(r.stdout, /^Events \(14\)$/m);
  });

  it('usage errors exit 2', () => {
    const r = cli(['entities', seeds, '--format', 'sarif']);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /entities prints --format text or json/);
    const missing = cli(['entities', 'no/such/folder']);
    assert.strictEqual(missing.code, 2);
  });

  it('writes a starter registry, refuses to overwrite it without --force, and uses it once configured', () => {
    const dir = seedCopy();
    const r = cli(['registry', 'init', '.', '--min-mentions', '2'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Wrote \d+ people and \d+ places to corpus-registry.json\n/);
    assert.match(r.stdout, /Add "registry": "corpus-registry.json" to the config file/);
    const registry = JSON.parse(fs.readFileSync(path.join(dir, 'corpus-registry.json'), 'utf8'));
    assert.strictEqual(registry.version, 1);
    const putin = registry.people.find((p: { name: string }) => p.name === 'فلاديمير بوتين');
    assert.deepStrictEqual(Object.keys(putin), ['id', 'name', 'variants', 'roles', 'description', 'links']);
    const again = cli(['registry', 'init', '.'], dir);
    assert.strictEqual(again.code, 2);
    assert.match(again.stderr, /exists; use --force/);

    // An editor curates the file: Putin gets a description and an id of their choosing.
    putin.id = 'vladimir-putin';
    putin.description = 'President of Russia';
    fs.writeFileSync(path.join(dir, 'corpus-registry.json'), JSON.stringify(registry, null, 2));
    fs.writeFileSync(path.join(dir, 'corpus-lint.json'), JSON.stringify({ registry: 'corpus-registry.json' }));
    const j = JSON.parse(cli(['entities', '.', '--format', 'json'], dir).stdout);
    assert.strictEqual(j.people.find((p: { id: string }) => p.id === 'vladimir-putin').mentions.length, 46);
    const forced = cli(['registry', 'init', '.', '--force'], dir);
    assert.strictEqual(forced.code, 0, forced.stderr);
    const kept = JSON.parse(fs.readFileSync(path.join(dir, 'corpus-registry.json'), 'utf8'));
    assert.strictEqual(kept.people.find((p: { id: string }) => p.id === 'vladimir-putin').description, 'President of Russia');
  });

  it('an invalid registry is a usage error with its position', () => {
    const dir = seedCopy({ 'corpus-lint.json': '{ "registry": "people.json" }', 'people.json': '{\n  "version": 1,\n  "people": [{ "nom": "x" }]\n}\n' });
    const r = cli(['entities', '.'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /invalid registry .*people\.json:\n {2}.*people\.json:3:\d+ {2}/);
  });
});
