/** The bench's recall (bench/recall.ts): what counts as found for each planted kind. */
import * as assert from 'node:assert';
import * as path from 'node:path';
import { Planted, recall } from '../../bench/recall';

const root = path.resolve('corpus');
const file = (name: string): string => path.join(root, name);
type Diagnostic = { code: string; line: number; end?: number; message?: string; related?: string[] };
/** `check --format json` output: 0-based lines, as the CLI writes them. */
function checkJson(files: Record<string, Diagnostic[]>): string {
  return JSON.stringify({
    files: Object.entries(files).map(([name, ds]) => ({
      path: file(name),
      diagnostics: ds.map((d) => ({
        code: d.code,
        message: d.message ?? '',
        range: { start: { line: d.line, character: 0 }, end: { line: d.end ?? d.line, character: 5 } },
        related: (d.related ?? []).map((r) => ({ path: file(r) })),
      })),
    })),
  });
}
const byKind = (planted: Planted[], json: string) => new Map(recall(planted, json).map((r) => [r.kind, r]));

describe('bench recall', () => {
  it('finds a planted name variant only on its line and under its spelling', () => {
    const planted: Planted[] = [
      { kind: 'name-variant', file: file('a.txt'), line: 4, detail: 'السيسى', canonical: 'السيسي' },
      { kind: 'name-variant', file: file('b.txt'), line: 2, detail: 'روحانى', canonical: 'روحاني' },
      { kind: 'name-variant', file: file('c.txt'), line: 7, detail: 'هادى', canonical: 'هادي' },
    ];
    const message = (v: string, c: string) => `«${v}» is a variant spelling of «${c}» (used 9 times in the corpus; this spelling 1 time)`;
    const json = checkJson({
      'a.txt': [{ code: 'name-variant', line: 4, message: message('السيسى', 'السيسي') }],
      // Another spelling on the planted line, and the planted one on another line: neither is the planted finding.
      'b.txt': [
        { code: 'name-variant', line: 2, message: message('اياد', 'إياد') },
        { code: 'name-variant', line: 3, message: message('روحانى', 'روحاني') },
      ],
      'c.txt': [{ code: 'undated-entry', line: 7, message: 'Entry has no date: «هادى»' }],
    });
    const r = byKind(planted, json).get('name-variant')!;
    assert.deepStrictEqual([r.ours, r.total], [1, 3]);
    assert.deepStrictEqual(r.oursMissed.map((p) => p.detail), ['روحانى', 'هادى']);
    assert.strictEqual(r.jscpd, undefined);
  });

  it('finds an undated entry by an undated-entry finding covering its title, and honours a date without one', () => {
    const planted: Planted[] = [
      { kind: 'undated', file: file('u1.txt'), line: 0 },
      { kind: 'undated', file: file('u2.txt'), line: 0 },
      { kind: 'dated', file: file('d1.txt'), line: 1 },
      { kind: 'dated', file: file('d2.txt'), line: 1 },
      { kind: 'dated', file: file('d3.txt'), line: 1 },
    ];
    const json = checkJson({
      'u1.txt': [{ code: 'undated-entry', line: 0 }],
      'u2.txt': [{ code: 'incomplete-date', line: 0 }],
      'd1.txt': [{ code: 'name-variant', line: 3 }],
      'd2.txt': [{ code: 'undated-entry', line: 0 }],
      'd3.txt': [{ code: 'incomplete-date', line: 1 }],
    });
    const r = byKind(planted, json);
    assert.deepStrictEqual([r.get('undated')!.ours, r.get('undated')!.total], [1, 2]);
    assert.deepStrictEqual(r.get('undated')!.oursMissed.map((p) => path.basename(p.file)), ['u2.txt']);
    assert.deepStrictEqual([r.get('dated')!.ours, r.get('dated')!.total], [1, 3]);
    assert.deepStrictEqual(r.get('dated')!.oursMissed.map((p) => path.basename(p.file)), ['d2.txt', 'd3.txt']);
  });

  it('keeps the copies as before: the range covers the line and a related location is in the source file', () => {
    const planted: Planted[] = [
      { kind: 'duplicate', file: file('x.txt'), line: 5, of: { file: file('y.txt'), line: 2 } },
      { kind: 'duplicate', file: file('x.txt'), line: 9, of: { file: file('z.txt'), line: 2 } },
    ];
    const json = checkJson({
      'x.txt': [
        { code: 'duplicate-paragraph', line: 4, end: 6, related: ['y.txt'] },
        { code: 'duplicate-paragraph', line: 9, related: ['y.txt'] },
      ],
    });
    const r = recall(planted, json, []);
    assert.deepStrictEqual(r.map((k) => k.kind), ['duplicate']);
    assert.deepStrictEqual([r[0].ours, r[0].total, r[0].jscpd], [1, 2, 0]);
    assert.strictEqual(r[0].oursMissed[0].line, 9);
  });
});
