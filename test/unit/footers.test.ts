/** A site's footer (rights notice, a call to install its app) is page furniture: no duplicate, however few the files. */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';
import { classifyLine } from '../../server/src/core/structure/lineKinds';

const kind = (line: string): string => classifyLine(line, 0, line.length).kind;

const RIGHTS = 'جميع الحقوق محفوظة للصحيفة ويمنع نسخ المواد المنشورة أو إعادة توزيعها بأي وسيلة دون موافقة خطية من الناشر.';
const APP = 'حمّلوا تطبيق الصحيفة الآن لتصلكم الأخبار العاجلة والتقارير الخاصة لحظة بلحظة من متجر جوجل بلاي ومتجر آب ستور.';
const NEWS_OF_AN_APP = 'أطلقت وزارة النقل تطبيقا جديدا لحجز المواعيد متاحا على متجر جوجل بلاي ومتجر آب ستور اعتبارا من الأسبوع المقبل.';

describe('footers', () => {
  it('a rights notice and a call to install the site\'s app are boilerplate lines', () => {
    assert.deepStrictEqual([kind(RIGHTS), kind(APP), kind('© 2025 الصحيفة. All rights reserved.')], ['boilerplate', 'boilerplate', 'boilerplate']);
  });

  it('news about an app, and «تابعوا تطبيق …» (enforcement), stay content', () => {
    assert.strictEqual(kind(NEWS_OF_AN_APP), 'content');
    assert.strictEqual(kind('وقال المسؤولون إنهم تابعوا تطبيق القرار في جميع المحافظات خلال الأسبوع الماضي دون تسجيل مخالفات تذكر.'), 'content');
    assert.strictEqual(kind('تابعوا تطبيق القرار في جميع المحافظات خلال الأسبوع الماضي ورصدوا عددا من المخالفات في الأسواق.'), 'content');
  });

  it('the same footer in 3 files is not reported; a paragraph of news copied into 3 files is', () => {
    const c = new Corpus();
    const topics = ['ارتفاع أسعار الذهب في الأسواق', 'حملة تطعيم جديدة في المدارس', 'افتتاح معرض الكتاب الدولي'];
    c.applyChange({
      changed: topics.map((t, i) => ({ file: `${i + 1}.txt`, text: `${t}\n\nنص الخبر رقم ${i + 1} كما كتبه محرر الموقع في صباح هذا اليوم بعد التحقق من المصادر.\n\n${NEWS_OF_AN_APP}\n\n${APP}\n${RIGHTS}\n` })),
    });
    const dups = c.files().sort().flatMap((f) => c.findings(f).filter((x) => x.code === 'duplicate-paragraph').map((x) => `${f}:${x.range.start.line + 1}`));
    assert.deepStrictEqual(dups, ['1.txt:5', '2.txt:5', '3.txt:5']);
  });
});
