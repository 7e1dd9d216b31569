/**
 * name-variant is about names: an adjective or a noun with a pronoun that often follows a title is no name, and its
 * spellings (Egyptian final ى, ة for ه) are not reported. Names of the same shapes stay reported.
 */
import * as assert from 'node:assert';
import { corpusOf, parseFixture } from '../helpers/fixture';
import { isKnownName } from '../../server/src/lsp/people';

function reported(lines: string[]): string[] {
  const c = corpusOf(parseFixture(`--- a.txt\n${lines.join('\n')}\n`));
  return c
    .findings('a.txt')
    .filter((x) => x.code === 'name-variant')
    .map((x) => lines[x.range.start.line].slice(x.range.start.character, x.range.end.character));
}

const many = (n: number, line: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => line(i));

describe('name-variant: common words after titles are no names', () => {
  it('an adjective with the article whose feminine is written (الفرنسي / الفرنسى) is not reported', () => {
    const lines = [
      ...many(6, (i) => `وقال الرئيس الفرنسي إيمانويل ماكرون في المؤتمر رقم ${i} إن العلاقات جيدة`),
      'واستقبل الرئيس الفرنسى إيمانويل ماكرون الوفد',
      'واستقبل الرئيس الفرنسى إيمانويل ماكرون الضيوف',
      'وأعلنت الخارجية الفرنسية دعمها للاتفاق',
    ];
    assert.deepStrictEqual(reported(lines), []);
  });

  it('a word with the pronoun ه written with other persons\' suffixes (شكره / شكرة) is not reported', () => {
    const lines = [
      ...many(10, (i) => `وقدم الأمير خالد شكره للحضور في اللقاء رقم ${i}`),
      'وقدم الأمير خالد شكرة للحضور',
      'وقدمت الوزيرة شكرها للفريق',
      'وقدم المدير شكرهم للعاملين',
    ];
    assert.deepStrictEqual(reported(lines), []);
  });

  it('names of those shapes stay reported (عبده / عبدة، المبطي / المبطى)', () => {
    const lines = [
      ...many(10, (i) => `وقال الفنان محمد عبده في الحفل رقم ${i} إن الجمهور رائع`),
      'وقال الفنان محمد عبدة إن الجمهور رائع',
      ...many(10, (i) => `وكتب الكاتب خالد المبطي في المقال رقم ${i} عن التعليم`),
      'وكتب الكاتب خالد المبطى عن التعليم',
    ];
    assert.deepStrictEqual(reported(lines), ['عبدة', 'المبطى']);
  });

  it('an edit that writes the feminine takes the adjective\'s spellings out of the findings', () => {
    const a = [...many(6, (i) => `وقال الرئيس الفرنسي ماكرون في المؤتمر رقم ${i} إن العلاقات جيدة`), 'واستقبل الرئيس الفرنسى ماكرون الوفد'].join('\n');
    const c = corpusOf([{ file: 'a.txt', text: `${a}\n` }]);
    const variants = (): number => c.findings('a.txt').filter((x) => x.code === 'name-variant').length;
    assert.strictEqual(variants(), 1, 'a corpus that never writes the feminine cannot tell the adjective');
    c.applyChange({ changed: [{ file: 'b.txt', text: 'وأعلنت الخارجية الفرنسية دعمها للاتفاق\n' }] });
    assert.strictEqual(variants(), 0);
  });
});

describe('the name card of hover', () => {
  it('is for spellings the name index judges names, not for an adjective after a title (الفرنسي)', () => {
    const lines = [
      ...many(6, (i) => `وقال الرئيس الفرنسي إيمانويل ماكرون في المؤتمر رقم ${i} إن العلاقات جيدة`),
      'وأعلنت الخارجية الفرنسية دعمها للاتفاق',
    ];
    const c = corpusOf(parseFixture(`--- a.txt\n${lines.join('\n')}\n`));
    assert.strictEqual(isKnownName(c, 'الفرنسي'), false);
    assert.strictEqual(isKnownName(c, 'ماكرون'), true);
  });
});
