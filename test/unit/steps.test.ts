/**
 * The corpus-wide work done in steps (`Corpus.prepare`, what the language server runs between messages) gives exactly
 * what it gives at once, also when files change between two steps.
 */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';
import { readSeeds } from '../helpers/fixture';

const seeds = readSeeds();
/** Files that differ but share paragraphs, lines of the seeds dealt out (names, duplicates, near-duplicates). */
const lines = seeds.flatMap((s) => s.text.split('\n')).filter((l) => l.trim());
const dealt = Array.from({ length: 120 }, (_, i) => ({
  file: `gen/${i}.txt`,
  text: Array.from({ length: 6 }, (_, k) => lines[(i * 7 + k * 13) % lines.length]).join('\n\n') + '\n',
}));
const files = [...seeds, ...dealt];

function snapshot(c: Corpus): string {
  return JSON.stringify({
    variants: [...c.nameIndex().variants()].sort(),
    findings: c.files().sort().map((f) => c.findings(f).map((x) => [x.code, x.message, x.range, x.related])),
  });
}

/** Calls `prepare` with a budget of one step each time; returns the number of calls it took. */
function prepareStepByStep(c: Corpus, between?: (call: number) => void): number {
  let calls = 0;
  for (;;) {
    calls++;
    let steps = 0;
    if (c.prepare(() => ++steps >= 1)) return calls;
    between?.(calls);
  }
}

describe('corpus-wide work in steps (Corpus.prepare)', () => {
  for (const incremental of [true, false]) {
    it(`gives the findings of a corpus that computes them at once (incremental: ${incremental})`, () => {
      const atOnce = new Corpus({ incremental });
      atOnce.applyChange({ changed: files }, { bulk: true });
      const stepped = new Corpus({ incremental });
      stepped.applyChange({ changed: files }, { bulk: true });
      const calls = prepareStepByStep(stepped);
      assert.ok(calls > 3, `took ${calls} calls`);
      // Ready now: a further call has nothing left to do.
      assert.strictEqual(stepped.prepare(() => true), true);
      assert.strictEqual(snapshot(stepped), snapshot(atOnce));
    });
  }

  it('reading findings in the middle of the steps finishes the work under way', () => {
    const atOnce = new Corpus({ incremental: false });
    atOnce.applyChange({ changed: files }, { bulk: true });
    const stepped = new Corpus({ incremental: false });
    stepped.applyChange({ changed: files }, { bulk: true });
    // Step until the near-duplicate batch is under way (the name decisions come first).
    const batchUnderWay = () => (stepped.duplicateIndex() as unknown as { allNearBuild: unknown }).allNearBuild !== null;
    for (let i = 0; i < 1000 && !batchUnderWay(); i++) {
      let steps = 0;
      stepped.prepare(() => ++steps >= 1);
    }
    assert.ok(batchUnderWay(), 'the batch was begun in steps');
    assert.strictEqual(snapshot(stepped), snapshot(atOnce));
    assert.ok(!batchUnderWay(), 'the findings finished the batch begun in steps instead of computing another');
    assert.strictEqual(stepped.prepare(() => true), true);
  });

  it('a change between two steps starts the work over, and the result is that of the changed corpus', () => {
    const edited = { file: dealt[3].file, text: dealt[3].text + '\n' + lines[5] + '\n\nفلاديمير بوتن في موسكو\n' };
    const stepped = new Corpus();
    stepped.applyChange({ changed: files }, { bulk: true });
    prepareStepByStep(stepped, (call) => {
      if (call === 2) stepped.applyChange({ changed: [edited] });
      if (call === 5) stepped.applyChange({ removed: [dealt[7].file] });
    });
    const cold = new Corpus();
    cold.applyChange({ changed: files.map((f) => (f.file === edited.file ? edited : f)).filter((f) => f.file !== dealt[7].file) }, { bulk: true });
    assert.strictEqual(snapshot(stepped), snapshot(cold));
  });
});
