/**
 * name-variant by orthographic class where a name's own evidence is thin: a family name whose uses lie beyond a
 * title's few words (final ة/ه: هنية / هنيه), and the letters written for a foreign g (أنجيلا / أنغيلا). The common
 * words of the same shapes (قوة / قوه، a noun with the pronoun ه beside its feminine) stay unreported.
 */
import * as assert from 'node:assert';
import { corpusOf, parseFixture } from '../helpers/fixture';

function reported(spec: string): string[] {
  const files = parseFixture(spec);
  const c = corpusOf(files);
  const out: string[] = [];
  for (const f of files) {
    const lines = f.text.split('\n');
    for (const x of c.findings(f.file)) {
      if (x.code === 'name-variant') out.push(lines[x.range.start.line].slice(x.range.start.character, x.range.end.character));
    }
  }
  return out;
}

/** Eight uses of «إسماعيل هنية», none of «هنية» within a title's window, as news and channel posts write them. */
const HANIYEH = `--- a.txt
وصل رئيس المكتب السياسي لحركة حماس إسماعيل هنية إلى القاهرة مساء الأحد على رأس وفد من قيادة الحركة.
وقال إسماعيل هنية في تصريح مقتضب لدى وصوله إن الحركة منفتحة على كل الجهود التي تبذلها القاهرة لوقف العدوان.
---
أجرى إسماعيل هنية اتصالا هاتفيا مع وزير الخارجية التركي بحث خلاله التطورات الميدانية في غزة.
--- b.txt
🔴 عاجل | إسماعيل هنية: لن نقبل بأي اتفاق لا يضمن وقفا شاملا لإطلاق النار وانسحاب الاحتلال من القطاع.
---
أكد إسماعيل هنية خلال لقائه وفدا من الفصائل الفلسطينية في الدوحة أن وحدة الصف الوطني هي الطريق الوحيد.
---
قالت مصادر في حركة حماس إن إسماعيل هنية تلقى دعوة رسمية لزيارة موسكو الشهر المقبل.
--- c.txt
استقبل الرئيس التركي رجب طيب أردوغان في إسطنبول رئيس المكتب السياسي لحركة حماس إسماعيل هنية والوفد المرافق له.
وشدد إسماعيل هنية على أهمية الدور التركي في دعم الشعب الفلسطيني.
--- d.txt
التقى رئيس المكتب السياسي لحركة حماس إسماعيل هنيه في الدوحة أمير قطر الشيخ تميم بن حمد آل ثاني.
`;

describe('name-variant: a family name beyond the title window (final ة/ه)', () => {
  it('reports «هنيه» beside «إسماعيل هنية», which never stands within a title\'s window', () => {
    assert.deepStrictEqual(reported(HANIYEH), ['هنيه']);
  });

  it('leaves a common noun\'s ة/ه alone, even right after a name (قوة / قوه)', () => {
    const spec = `--- a.txt
${Array.from({ length: 6 }, (_, i) => `وقال إسماعيل قوة الموقف في البيان رقم ${i} تكفي`).join('\n')}
أعلنت حكومة الاحتلال أن قوة عسكرية دخلت المخيم فجرا، وقال المتحدث باسم حكومته إن العملية مستمرة.
وأضاف أن القوة ستبقى في المنطقة، فيما قالت الحكومة إن إسماعيل قوه الشرطة تدخلت لتفريق المحتجين.
`;
    assert.deepStrictEqual(reported(spec), []);
  });

  it('leaves a noun with the pronoun ه beside the feminine noun of the same letters (والده / والدة)', () => {
    const spec = `--- a.txt
${Array.from({ length: 6 }, (_, i) => `ورافق الأمير خالد والده في الزيارة رقم ${i} إلى المدينة`).join('\n')}
ورافق الأمير خالد والدة الطفل إلى المستشفى
وقالت الأميرة نورة إن والدها بخير، وقال الأمير فيصل إن والدهم بخير
`;
    assert.deepStrictEqual(reported(spec), []);
  });

  it('needs the variant after the same given name: «هنيه» alone, after no name, is not reported', () => {
    const spec = HANIYEH.replace('حماس إسماعيل هنيه في الدوحة', 'حماس في الدوحة، وقالت هنيه');
    assert.deepStrictEqual(reported(spec), []);
  });
});

/** «أنجيلا ميركل» ten times, in news and channel posts; `variant` is the post that writes it another way. */
function merkel(uses: number, variant: string): string {
  const lines = [
    'قالت المستشارة الألمانية أنجيلا ميركل إن بلادها ستواصل دعم جهود التسوية السياسية في سوريا.',
    'التقت أنجيلا ميركل في برلين رئيس الوزراء الفرنسي، وبحث الجانبان ملف اللاجئين والعلاقات مع روسيا.',
    'أجرت المستشارة أنجيلا ميركل اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين تناول الوضع في أوكرانيا.',
    'وأكدت أنجيلا ميركل ضرورة الحفاظ على وقف إطلاق النار في إدلب.',
    'وصلت أنجيلا ميركل إلى موسكو في زيارة رسمية تستغرق يومين.',
    'استقبل الرئيس الروسي فلاديمير بوتين في سوتشي المستشارة الألمانية أنجيلا ميركل، وبحثا ملف الطاقة.',
    'وقال بوتين إن أنجيلا ميركل شريك يمكن الاعتماد عليه.',
    'رحبت أنجيلا ميركل بنتائج قمة بروكسل، وقالت إن الاتحاد الأوروبي أظهر وحدته في مواجهة الأزمة.',
    'أعلنت الحكومة الألمانية أن أنجيلا ميركل ستحضر قمة مجموعة العشرين في أوساكا الأسبوع المقبل.',
    '#عاجل | أنجيلا ميركل تدعو إلى حل سياسي للأزمة الليبية وتستضيف مؤتمر برلين الشهر المقبل.',
  ];
  return `--- a.txt\n${lines.slice(0, uses).join('\n---\n')}\n--- b.txt\n${variant}\n`;
}
const ANGELA = 'قالت المستشارة الألمانية أنغيلا ميركل في مؤتمر صحفي في برلين إن الحوار مع موسكو ضروري رغم الخلافات.';

describe('name-variant: the letters for a foreign g (غ ج ق ك گ)', () => {
  it('reports «أنغيلا» beside ten uses of «أنجيلا ميركل», and the people index holds one person', () => {
    assert.deepStrictEqual(reported(merkel(10, ANGELA)), ['أنغيلا']);
    const c = corpusOf(parseFixture(merkel(10, ANGELA)));
    const merkels = c.people().people.filter((p) => p.name.endsWith('ميركل'));
    assert.deepStrictEqual(
      merkels.map((p) => p.name),
      ['أنجيلا ميركل'],
    );
  });

  it('holds a changed letter to a 10× majority: eight uses beside one are left alone', () => {
    assert.deepStrictEqual(reported(merkel(8, ANGELA)), []);
  });

  it('follows edits: the variant is reported when its file arrives and no more when it goes', () => {
    const files = parseFixture(merkel(10, ANGELA));
    const c = corpusOf([files[0]]);
    const variants = (): number => ['a.txt', 'b.txt'].flatMap((f) => c.findings(f)).filter((x) => x.code === 'name-variant').length;
    assert.strictEqual(variants(), 0);
    c.applyChange({ changed: [files[1]] });
    assert.strictEqual(variants(), 1);
    c.applyChange({ changed: [], removed: ['b.txt'] });
    assert.strictEqual(variants(), 0);
  });

  it('a name\'s group is not shared with a frequent word of its skeleton in g letters (ايكر / إيكر beside أقر)', () => {
    const spec = `--- a.txt
${Array.from({ length: 12 }, (_, i) => `أقر مجلس الوزراء في جلسته رقم ${i} مشروع النظام الجديد`).join('\n')}
وقال اللاعب إيكر كاسياس إن الفريق جاهز للمباراة
وأكد اللاعب إيكر كاسياس أن الجمهور يستحق الفوز
وغاب اللاعب إيكر كاسياس عن التدريبات أمس
--- b.txt
وقال ايكر كاسياس إن المدرب يثق باللاعبين
`;
    assert.deepStrictEqual(reported(spec), ['ايكر']);
  });
});
