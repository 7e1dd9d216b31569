/**
 * Formulas (runs of words that paragraphs of many files share while the rest differs) are not evidence of a copy:
 * an agency's fixed opening, a footer that changes a word from page to page. Stories republished with small edits
 * around a formula are still near-duplicates.
 */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';

/** An agency's fixed opening of 22 words; what follows it (which case) is the news. */
const OPENING =
  'أعلنت وزارة الداخلية في بيان صدر عنها اليوم أن الجهات الأمنية المختصة تمكنت بفضل الله من القبض على المتهم الرئيسي في قضية';
const CASES = [
  'سرقة مجوهرات',
  'احتيال مالي واسع',
  'تهريب آثار عبر الحدود',
  'تزوير وثائق رسمية لشركات وهمية',
  'اختلاس أموال عامة من بلدية المدينة',
  'ترويج مواد مخدرة بين طلاب المدارس الثانوية',
  'قتل مقيم عربي داخل مزرعة في ضواحي المدينة الشمالية',
];
/** Headlines of 3 words or more (a shorter first line would be navigation, and the opening the title). */
const HEADLINES = ['القبض على لص المجوهرات', 'سقوط محتال في العاصمة', 'إحباط تهريب قطع أثرية', 'كشف تزوير في الوثائق', 'توقيف موظف في البلدية', 'ضبط مروج قرب مدرسة', 'القبض على قاتل المقيم'];

/** One article of the agency: a headline, the opening with its case, and a line of its own. */
function item(i: number, rest = `وقال المتحدث إن التحقيقات في القضية رقم ${i + 1} ما زالت جارية.`): string {
  return `${HEADLINES[i]}\n\n${OPENING} ${CASES[i]}.\n\n${rest}\n`;
}

function corpusOf(files: Record<string, string>): Corpus {
  const c = new Corpus();
  c.applyChange({ changed: Object.entries(files).map(([file, text]) => ({ file, text })) });
  return c;
}

function nearFindings(c: Corpus): string[] {
  return c
    .files()
    .sort()
    .flatMap((f) => c.findings(f).filter((x) => x.code === 'near-duplicate-paragraph').map((x) => `${f}:${x.range.start.line + 1} ${x.message}`));
}

const items = (n: number): Record<string, string> => Object.fromEntries(CASES.slice(0, n).map((_, i) => [`${i + 1}.txt`, item(i)]));

describe('formulas in duplicate detection', () => {
  it('an opening shared by items of 6 files or more is no copy: the words after it differ', () => {
    assert.deepStrictEqual(nearFindings(corpusOf(items(7))), []);
  });

  it('in fewer files the same opening is still compared as text (too few to tell a formula from a story)', () => {
    const found = nearFindings(corpusOf(items(5)));
    assert.ok(found.some((f) => /^1\.txt:3 Copied into a longer paragraph/.test(f)), found.join('\n'));
  });

  it('a story republished with an edit is a near-duplicate even when it holds the formula', () => {
    const story =
      'وأوضح البيان أن المتهم اعترف بجريمته خلال التحقيق وأحيل إلى النيابة العامة لاستكمال الإجراءات النظامية بحقه تمهيدا لإحالته إلى المحكمة المختصة';
    const lead = `${OPENING} ${CASES[5]}، ${story}`;
    const files = items(7);
    files['6.txt'] = `${HEADLINES[5]}\n\n${lead}\n`;
    files['republished.txt'] = `${HEADLINES[5]} بعد التحقيق\n\n${lead.replace('اعترف', 'أقر')}\n`;
    const found = nearFindings(corpusOf(files));
    assert.strictEqual(found.length, 2, found.join('\n'));
    assert.match(found[0], /^6\.txt:3 Near-duplicate of the paragraph at republished\.txt:3 \(similarity 0\.\d\d\)$/);
  });

  it('a footer that changes one word across 8 files is boilerplate like an identical one', () => {
    const sections = ['الاقتصاد', 'الرياضة', 'الثقافة', 'الصحة', 'التعليم', 'التقنية', 'السياحة', 'البيئة'];
    const files = Object.fromEntries(
      sections.map((s, i) => [
        `${i + 1}.txt`,
        `عنوان الخبر ${i + 1}\n\nنص الخبر ${i + 1} عن موضوع لا يشبه موضوعات الأخبار الأخرى في هذا اليوم بأي شكل من الأشكال.\n\n` +
          `هذه المادة من إعداد فريق التحرير في الموقع ونرحب بملاحظات القراء واقتراحاتهم عبر البريد الإلكتروني على مدار الساعة في قسم ${s}\n`,
      ]),
    );
    assert.deepStrictEqual(nearFindings(corpusOf(files)), []);
  });

  it('an edit that makes the opening a formula, or no longer one, updates the other files as a fresh run would', () => {
    const texts = items(5);
    const live = corpusOf(texts);
    for (const f of live.files()) live.findings(f);
    const steps: [string, string | null][] = [
      ['6.txt', item(5)],
      ['7.txt', item(6)],
      ['6.txt', null],
      ['7.txt', `${HEADLINES[6]}\n\nنص آخر لا يحمل الافتتاحية نفسها ولا يشبه غيره من النصوص في شيء يذكر هنا.\n`],
      ['6.txt', item(5)],
    ];
    const counts: number[] = [];
    for (const [file, text] of steps) {
      if (text === null) delete texts[file];
      else texts[file] = text;
      live.applyChange(text === null ? { changed: [], removed: [file] } : { changed: [{ file, text }] });
      const found = nearFindings(live);
      assert.deepStrictEqual(found, nearFindings(corpusOf(texts)), `after changing ${file}`);
      counts.push(found.length);
    }
    // 6 files, 7, back to 6, to 5 (the opening left 7.txt), and 6 again.
    assert.deepStrictEqual(
      counts.map((n) => n > 0),
      [false, false, false, true, false],
    );
  });
});
