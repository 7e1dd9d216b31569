/**
 * The duplicate index's postings: a sorted base plus the changes since holds exactly what one table would, and a
 * corpus loaded in bulk (postings left to the batch) answers edits exactly as one that posted every file at once.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Corpus } from '../../server/src/core/corpus';
import { sortPostingsSteps } from '../../server/src/core/duplicates/batch';
import { PostingStore } from '../../server/src/core/duplicates/store';
import { runToEnd } from '../../server/src/core/steps';
import { readSeeds } from '../helpers/fixture';

/** What a single table would hold: paragraph id -> its keys. */
type Reference = Map<number, number[]>;

function expected(ref: Reference, key: number): number[] {
  const out: number[] = [];
  for (const [id, keys] of ref) for (const k of keys) if (k === key) out.push(id);
  return out.sort((a, b) => a - b);
}

function sortedOf(ref: Reference) {
  const entries = [...ref].flatMap(([id, keys]) => keys.map((k) => [k, id] as const));
  const list = { keys: Uint32Array.from(entries, (e) => e[0]), ids: Int32Array.from(entries, (e) => e[1]), length: entries.length };
  return runToEnd(sortPostingsSteps(list));
}

describe('posting store', () => {
  it('holds the postings of one table through adds, removals, reused ids and new bases', () => {
    // Few keys (with one above 2^31, as fingerprints are unsigned), so that paragraphs share them.
    const KEYS = [1, 2, 3, 7, 0xfffffff0];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), keys: fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('base' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const store = new PostingStore();
        const ref: Reference = new Map();
        const free: number[] = [];
        let nextId = 0;
        for (const o of ops) {
          if (o.kind === 'add') {
            // Ids are reused as the index reuses them: a freed id may hold a new paragraph.
            const id = free.length ? free.pop()! : nextId++;
            ref.set(id, o.keys);
            for (const k of o.keys) store.add(k, id);
          } else if (o.kind === 'remove' && ref.size) {
            const id = [...ref.keys()][o.pick % ref.size];
            for (const k of ref.get(id)!) store.remove(k, id);
            ref.delete(id);
            free.push(id);
          } else if (o.kind === 'base') {
            store.setBase(sortedOf(ref));
          }
          for (const k of KEYS) {
            const want = expected(ref, k);
            const got: number[] = [];
            store.forEach(k, (id) => got.push(id));
            assert.deepEqual(got.sort((a, b) => a - b), want, `postings of ${k}`);
            assert.equal(store.count(k), want.length);
            assert.equal(store.count(k, 1), Math.min(want.length, 2), 'counted up to the cap + 1');
            const limited: number[] = [];
            store.forEach(k, (id) => limited.push(id), 1);
            assert.equal(limited.length, want.length > 1 ? 0 : want.length, 'a key above the limit is skipped');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives a corpus loaded in bulk the same affected files and findings as one that posted each file', () => {
    const seeds = readSeeds();
    // Copies and near copies across files, so that edits change other files' duplicate findings.
    const files = [
      ...seeds,
      ...seeds.map((s) => ({ file: `copy-${s.file}`, text: s.text.split('\n').reverse().join('\n') })),
      // A word added to each long paragraph: near-duplicates, found through the postings only (no exact group).
      ...seeds.map((s) => ({ file: `near-${s.file}`, text: s.text.split('\n').map((l) => (l.split(' ').length > 12 ? `${l} وأضاف` : l)).join('\n') })),
    ];
    const posted = new Corpus();
    posted.applyChange({ changed: files });
    const loaded = new Corpus();
    loaded.beginLoad();
    for (let i = 0; i < files.length; i += 4) loaded.applyChange({ changed: files.slice(i, i + 4) }, { bulk: true });
    const findings = (c: Corpus) => JSON.stringify(c.files().sort().map((f) => c.findings(f)));
    const edit = (c: Corpus, file: string, text: string) => [...c.applyChange({ changed: [{ file, text }] }).affected].sort();
    // An edit before any batch (the postings are made at once first), then after the batch (the sorted base), then
    // edits on top of those changes.
    const texts = new Map(files.map((f) => [f.file, f.text]));
    const edits: [string, (t: string) => string][] = [
      [seeds[0].file, (t) => t.replace(/\n/, '\nكلمة جديدة هنا\n')],
      [seeds[1].file, (t) => t.replace(/ في /, ' في هذا ')],
      ['batch', (t) => t],
      [`copy-${seeds[1].file}`, (t) => t.slice(0, Math.floor(t.length / 2))],
      [seeds[1].file, (t) => t + '\n' + t],
      [`near-${seeds[2].file}`, () => ''],
      [`copy-${seeds[1].file}`, (t) => t + '\nفقرة'],
    ];
    // Whether an edit before and one after the batch changed other files' findings (else the test proves little).
    const changedOthers = { before: false, after: false };
    let phase: 'before' | 'after' = 'before';
    for (const [file, change] of edits) {
      if (file === 'batch') {
        phase = 'after';
        assert.ok(posted.prepare(() => false) && loaded.prepare(() => false));
        assert.equal(findings(loaded), findings(posted));
        continue;
      }
      const text = change(texts.get(file)!);
      texts.set(file, text);
      const a = edit(posted, file, text);
      const b = edit(loaded, file, text);
      assert.deepEqual(b, a, `files affected by the edit of ${file}`);
      if (a.length > 1) changedOthers[phase] = true;
      assert.equal(findings(loaded), findings(posted));
    }
    assert.deepEqual(changedOthers, { before: true, after: true });
  });
});
