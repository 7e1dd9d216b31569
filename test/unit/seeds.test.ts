/** The findings the project promises on the five untouched seed documents. */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';
import type { Finding } from '../../server/src/core/types';
import { buildReport } from '../../server/src/cli/report';
import { formatText } from '../../server/src/cli/format/text';
import { lineOf, matchSnapshot, readSeeds } from '../helpers/fixture';

const seeds = readSeeds();
const corpus = new Corpus();
corpus.applyChange({ changed: seeds });
const text = (prefix: string): string => seeds.find((s) => s.file.startsWith(prefix))!.text;
const file = (prefix: string): string => seeds.find((s) => s.file.startsWith(prefix))!.file;
const findings = (prefix: string, code?: string): Finding[] =>
  corpus.findings(file(prefix)).filter((f) => !code || f.code === code);

describe('seeds', () => {
  it('matches the text-report snapshot', () => {
    matchSnapshot('seeds.txt', formatText(buildReport(corpus, seeds.map((s) => s.file), [], { quiet: false })));
  });

  it('links every duplicated block of 002 to its twin', () => {
    const dups = findings('002', 'duplicate-paragraph');
    const lines = dups.map((d) => d.range.start.line).sort((a, b) => a - b);
    assert.deepStrictEqual(lines, [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 20, 21, 22, 23, 24]);
    for (const d of dups) {
      assert.strictEqual(d.related.length, 1);
      const twin = d.related[0].range.start.line;
      assert.strictEqual(Math.abs(twin - d.range.start.line), 6);
    }
  });

  it('links the quote shared by the Telegram post in 000 and the article in 001', () => {
    const a = [...findings('000', 'duplicate-paragraph'), ...findings('000', 'near-duplicate-paragraph')];
    const lines = a.map((f) => f.range.start.line);
    assert.ok(lines.includes(lineOf(text('000'), 'أنا سعيد أن نلتقي اليوم')));
    for (const f of a) assert.ok(f.related.every((r) => r.file === file('001')), f.message);
  });

  it('flags nothing else as a duplicate', () => {
    for (const p of ['003', '004']) {
      assert.deepStrictEqual(findings(p).filter((f) => f.code.includes('duplicate')), [], p);
    }
    const all = seeds.flatMap((s) => corpus.findings(s.file)).filter((f) => f.code.includes('duplicate'));
    assert.strictEqual(all.length, 20 + 2 + 2);
  });

  it('flags بوتن, الإتحادية and السوفيتي with their canonical spelling', () => {
    const variants = seeds.flatMap((s) => corpus.findings(s.file)).filter((f) => f.code === 'name-variant');
    const pairs = variants.map((f) => `${f.data!.variant}>${f.data!.canonical}`).sort();
    assert.deepStrictEqual(pairs, ['الإتحادية>الاتحادية', 'السوفيتي>السوفييتي', 'بوتن>بوتين', 'بوتن>بوتين']);
    for (const f of variants) {
      const t = seeds.find((s) => s.file === f.file)!.text.split('\n')[f.range.start.line];
      assert.strictEqual(t.slice(f.range.start.character, f.range.end.character), f.data!.variant);
    }
  });

  it('never matches a name inside a longer word (سبوتنيك holds بوتن)', () => {
    const inside = findings('001', 'name-variant');
    assert.deepStrictEqual(inside, []);
  });

  it('finds the entries and their dates', () => {
    assert.strictEqual(corpus.entries(file('000')).length, 10);
    assert.ok(corpus.entries(file('000')).every((e) => e.date === null && e.dateKind === 'none'));
    assert.deepStrictEqual(findings('000', 'undated-entry').length, 10);
    assert.deepStrictEqual(findings('001', 'undated-entry').length, 1);
    const posts = corpus.entries(file('002'));
    assert.strictEqual(posts.length, 2);
    assert.deepStrictEqual(posts.map((e) => e.dateKind), ['partial', 'partial']);
    assert.strictEqual(findings('002', 'incomplete-date').length, 2);
    assert.deepStrictEqual(corpus.entries(file('003')).map((e) => e.date), ['2023-03-15']);
    assert.deepStrictEqual(corpus.entries(file('004')).map((e) => e.date), ['2026-01-28']);
    assert.strictEqual(corpus.entries(file('001'))[0].title, 'قمة سورية روسية في موسكو بين الرئيسين الأسد وبوتين');
  });

  it('offers a safe fix that removes a repeated paragraph of 002, and a replacement for بوتن', () => {
    const later = findings('002', 'duplicate-paragraph').find((d) => d.range.start.line === 7)!;
    assert.ok(later.fixes[0].safe);
    const first = findings('002', 'duplicate-paragraph').find((d) => d.range.start.line === 1)!;
    assert.deepStrictEqual(first.fixes, []);
    const v = findings('002', 'name-variant').find((f) => f.data!.variant === 'بوتن')!;
    assert.strictEqual(v.fixes[0].changes[0].edits[0].newText, 'بوتين');
    assert.strictEqual(v.fixes[0].safe, false, 'a majority-based canonical is offered, not auto-applied');
  });
});
